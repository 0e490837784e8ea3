// `concord mandates`: a store whose documents were read before the mandate tracker existed gets
// their mandates; corrections already made stay. Through the CLI, on a store of its own.
import { expect, it } from 'vitest';
import { openStore, sql } from '../store/index.ts';
import { cli, emptyStoreForCli } from '../testing/cli.ts';

const cliStore = emptyStoreForCli();

it('reads the mandates of documents stored before the tracker, keeping corrections', async () => {
  expect((await cli(['ingest', 'data/documents/seeds/001_b2b2b425cb4da82d.txt'])).code).toBe(0);
  let store = await openStore(cliStore().options);
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
  store = await openStore(cliStore().options);
  expect(await count()).toBe(read);
  const [after] = await store.db.query<{ object: string }>(sql`SELECT object FROM mandates WHERE id = ${kept!.id}`);
  expect(after?.object).toBe('corrected');
  await store.close();
}, 120_000);
