// `concord ingest` on a store of its own: the five seeds in, one line each; a second run changes nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import { cli, emptyStoreForCli, type CliResult } from '../testing/cli.ts';
import { documentTotals } from './service.ts';
import { sql } from '../store/index.ts';

const cliStore = emptyStoreForCli();
const ingest = (args: string[]): Promise<CliResult> => cli(['ingest', ...args]);

it('ingests the five seeds from their folder, printing symbol, language and counts; a second run changes nothing', async () => {
  const first = await ingest(['data/documents/seeds']);
  expect(first.err).toBe('');
  expect(first.code).toBe(0);
  expect(first.out).toMatch(/A\/RES\/79\/194\ten\tcreated\t\d+ blocks: 55 preambular, 69 operative, 2 sub-paragraphs/);
  expect(first.out).toMatch(/A\/RES\/80\/173\tar\tcreated\t\d+ blocks: 7 preambular, 128 operative/);
  expect(first.out).toContain('5 of 5 files ingested');

  const store = await openStore(cliStore().options);
  const before = await documentTotals(store.db);
  await store.close();
  expect(before.documents).toBe(5);

  const second = await ingest(['data/documents/seeds']);
  expect(second.code).toBe(0);
  expect(second.out.match(/\tunchanged\t/g)).toHaveLength(5);
  const again = await openStore(cliStore().options);
  expect(await documentTotals(again.db)).toEqual(before);
  await again.close();
}, 180_000); // two ingests of the five seeds through the CLI, into a store migrated from empty

it('names a file it cannot read and exits with 1', async () => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'concord-ingest-'));
  const file = path.join(folder, 'garbage.pdf');
  await writeFile(
    file,
    Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256),
  );
  const result = await ingest([file, '--lang', 'en']);
  await rm(folder, { recursive: true });
  expect(result.code).toBe(1);
  expect(result.err).toMatch(/garbage\.pdf: not ingested \((binary|corrupt-pdf)\)/);
});

it('refuses an unknown language', async () => {
  const result = await ingest(['data/documents/seeds', '--lang', 'de']);
  expect(result.code).toBe(2);
  expect(result.err).toContain('--lang must be one of');
});

it('stores the suggestions of documents read before they were stored, once (`concord suggest`)', async () => {
  // The seeds were read into a store without reference data (no elements to suggest); seeded now,
  // they are documents read before suggestions could be stored.
  expect((await cli(['seed'])).code).toBe(0);
  const store = await openStore(cliStore().options);
  const [doc] = await store.db.query<{ id: string }>(sql`SELECT id FROM documents WHERE symbol = 'A/RES/79/194'`);
  await store.db.query(sql`DELETE FROM paragraph_links WHERE suggested_by = 'matcher' AND paragraph_id IN
                            (SELECT id FROM document_paragraphs WHERE document_id = ${doc!.id})`);
  await store.close();
  const first = await cli(['suggest', '--document', doc!.id]);
  expect(first.code).toBe(0);
  const added = Number(/\(en\): (\d+) suggestion/.exec(first.out)?.[1]);
  expect(added).toBeGreaterThan(100);
  const again = await cli(['suggest', '--document', doc!.id]);
  expect(again.out).toContain('(en): 0 suggestion(s) added');
  const missing = await cli(['suggest', '--document', 'no-such-document']);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('no document no-such-document');
}, 120_000);
