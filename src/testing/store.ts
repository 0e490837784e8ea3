// Stores for integration tests: each test file opens its own seeded store, on the embedded tier
// from the dump the tier's globalSetup made, on the PostgreSQL tier as a fresh database copied
// from the run's seeded template. No test needs a server started by hand.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../store/index.ts';
import { createDatabase, databaseUrl, dropDatabase } from './postgres-admin.ts';
import './context.ts';

export type TestTier = 'embedded' | 'postgres';

/** The store the current tier runs against (set per Vitest project in vitest.config.ts). */
export function testTier(): TestTier {
  const tier = process.env.CONCORD_TEST_STORE ?? 'embedded';
  if (tier !== 'embedded' && tier !== 'postgres') throw new Error(`CONCORD_TEST_STORE must be embedded or postgres, not ${tier}`);
  return tier;
}

let copies = 0;

/** A name for one more database in this run: <template>_f<pid>_<n>. */
function copyName(template: string): string {
  return `${template}_f${process.pid}_${++copies}`;
}

/** Wraps a store so that closing it also removes what it was opened on. */
function disposing(store: Store, dispose: () => Promise<void>): Store {
  let closing: Promise<void> | undefined;
  return {
    ...store,
    close: () =>
      (closing ??= (async () => {
        try {
          await store.close();
        } finally {
          await dispose();
        }
      })()),
  };
}

/**
 * Opens a migrated and seeded store of its own, for one test file (or one test that writes).
 * Close it in `afterAll`; on PostgreSQL that also drops its database.
 *
 * @example
 * let store: Store;
 * beforeAll(async () => { store = await openTestStore(); });
 * afterAll(() => store.close());
 */
export async function openTestStore(): Promise<Store> {
  if (testTier() === 'embedded') {
    return openStore({ loadFrom: inject('concordEmbeddedDump') });
  }
  const template = inject('concordPostgresTemplate');
  const name = copyName(template);
  await createDatabase(name, template);
  try {
    return disposing(await openStore({ databaseUrl: databaseUrl(name) }), () => dropDatabase(name));
  } catch (error) {
    await dropDatabase(name);
    throw error;
  }
}

/** A place for a store that holds nothing yet, not even the schema. */
export interface EmptyDatabase {
  /** Options that open a store on it (each open applies pending migrations). */
  readonly options: StoreOptions;
  /** Removes it; close every store opened on it first. */
  drop(): Promise<void>;
}

/**
 * Makes an empty database: a new folder for the embedded store, a new database on the
 * PostgreSQL server. For tests of what opening a store does (migrations).
 */
export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  if (testTier() === 'embedded') {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'concord-test-store-'));
    return { options: { dataDir }, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const template = inject('concordPostgresTemplate');
  const name = copyName(template);
  await createDatabase(name);
  return { options: { databaseUrl: databaseUrl(name) }, drop: () => dropDatabase(name) };
}
