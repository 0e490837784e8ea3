// Vitest globalSetup for the integration-pg tier: creates, once per run, a migrated and seeded
// template database on the server TEST_DATABASE_URL names; each test file then gets its own copy
// (CREATE DATABASE ... TEMPLATE, a file copy on the server) and drops it when done.
import type { TestProject } from 'vitest/node';
import { openStore } from '../store/index.ts';
import { seedFrameworks } from '../frameworks/seed.ts';
import { seedIndicators } from '../indicators/seed.ts';
import { createDatabase, databaseUrl, dropDatabase, newRunName, runStartedAt, testDatabases } from './postgres-admin.ts';
import './context.ts';

/** Test databases older than this are left over from a run that was killed: drop them. */
const staleAfterMs = 24 * 60 * 60 * 1000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const name of await testDatabases()) {
    const started = runStartedAt(name);
    if (started !== undefined && Date.now() - started > staleAfterMs) await dropDatabase(name);
  }

  const template = newRunName();
  const started = performance.now();
  await createDatabase(template);
  try {
    const store = await openStore({ databaseUrl: databaseUrl(template) });
    try {
      await seedFrameworks(store);
      await seedIndicators(store);
    } finally {
      await store.close();
    }
  } catch (error) {
    await dropDatabase(template);
    throw error;
  }
  console.log(`[concord] seeded template database ${template} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  project.provide('concordPostgresTemplate', template);

  return async () => {
    // The template and any copy a test file left behind (a crash before its close).
    for (const name of await testDatabases(template)) await dropDatabase(name);
  };
}
