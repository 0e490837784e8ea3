// `concord mandates`: a store whose documents were read before the mandate tracker existed gets
// their mandates; corrections already made stay. Through the CLI, on a store of its own.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { runCli } from '../cli.ts';
import { openStore, sql } from '../store/index.ts';
import { createEmptyDatabase, type EmptyDatabase } from '../testing/store.ts';

let database: EmptyDatabase;
const saved = { dir: process.env.CONCORD_DATA_DIR, url: process.env.DATABASE_URL };

beforeAll(async () => {
  database = await createEmptyDatabase();
  if (database.options.databaseUrl) process.env.DATABASE_URL = database.options.databaseUrl;
  else process.env.CONCORD_DATA_DIR = database.options.dataDir!;
});
afterAll(async () => {
  for (const [key, value] of [
    ['CONCORD_DATA_DIR', saved.dir],
    ['DATABASE_URL', saved.url],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await database.drop();
});

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await runCli(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

it('reads the mandates of documents stored before the tracker, keeping corrections', async () => {
  expect((await cli(['ingest', 'data/documents/seeds/001_b2b2b425cb4da82d.txt'])).code).toBe(0);
  let store = await openStore(database.options);
  const count = async () => Number((await store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM mandates`))[0]?.n);
  const read = await count();
  expect(read).toBeGreaterThan(20);
  // As a store from before: one mandate corrected, the others never read.
  const [kept] = await store.db.query<{ id: number }>(sql`SELECT id FROM mandates ORDER BY position LIMIT 1`);
  await store.db.query(
    sql`INSERT INTO mandate_corrections (mandate_id, field, value, corrected_by) VALUES (${kept!.id}, 'object', '"corrected"'::jsonb, 'reviewer')`,
  );
  await store.db.query(sql`DELETE FROM mandates WHERE id <> ${kept!.id}`);
  await store.close();

  const run = await cli(['mandates']);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(run.out).toBe(`${read} mandate(s) read`);
  store = await openStore(database.options);
  expect(await count()).toBe(read);
  const [after] = await store.db.query<{ object: string }>(sql`SELECT object FROM mandates WHERE id = ${kept!.id}`);
  expect(after?.object).toBe('corrected');
  await store.close();
}, 120_000);
