// The test tiers as Vitest projects (STYLE.md 7): `npm test` runs them in order through
// scripts/test.ts; `npx vitest run --project unit` runs one. Each embedded store (PGlite) holds
// ~330 MB and these machines have 2 cores, so store-backed tiers run at most two files at once.
import { existsSync } from 'node:fs';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const integrationFiles = ['src/**/*.int.test.ts'];

// Tiers with a prerequisite exist only when it is present, so that a bare `npx vitest` runs
// what this machine can run; scripts/test.ts says which tiers it passed over and why.
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
const hasChromium = existsSync(process.env.CONCORD_CHROMIUM || '/usr/bin/chromium');
const when = (present: boolean, project: TestProjectInlineConfiguration) => (present ? [project] : []);

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // The lint rules' own tests (eslint-rules/) are unit tests too.
          include: ['src/**/*.unit.test.ts', 'eslint-rules/**/*.unit.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: integrationFiles,
          env: { CONCORD_TEST_STORE: 'embedded' },
          // Builds (or reuses from var/snapshots/) the seeded snapshot each test file starts from.
          globalSetup: ['src/testing/setup-embedded.ts'],
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      ...when(hasPostgres, {
        extends: true,
        test: {
          // The same files against PostgreSQL (TEST_DATABASE_URL).
          name: 'integration-pg',
          include: integrationFiles,
          env: { CONCORD_TEST_STORE: 'postgres' },
          // Creates the seeded template database each test file's database is copied from.
          globalSetup: ['src/testing/setup-postgres.ts'],
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 2 },
        },
      }),
      ...when(hasChromium, {
        extends: true,
        test: {
          // A real browser (Debian's chromium) against the app on the embedded store.
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          env: { CONCORD_TEST_STORE: 'embedded' },
          globalSetup: ['src/testing/setup-embedded.ts'],
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 3 },
        },
      }),
    ],
  },
});
