// An IATI import larger than one chunk of the registry writer (25 records a transaction on the
// embedded store, 250 on PostgreSQL): each file is read twice, a first time to check every
// activity and a second to write them a chunk at a time, so a problem in the very last activity
// still leaves the store as it was; a file that reads differently the second time stops the
// import; a sound one is written whole, with a history entry per record, and again changes nothing.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { cliOn } from '../testing/cli.ts';
import { sql } from '../store/index.ts';
import { IatiFileChanged, importIatiFiles } from './iati-import.ts';
import { creationBesideStored, iatiRows } from '../testing/registries.ts';

let t: TestApp;
let folder: string;
const real = path.resolve('test/fixtures/iati/maec-indonesia-excerpt.xml');
/** More than one chunk on either store. */
const ACTIVITIES = 260;

beforeAll(async () => {
  t = await openTestApp();
  folder = await mkdtemp(path.join(tmpdir(), 'concord-iati-chunks-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await t.close();
});

/** The real publisher's activities repeated under new identifiers, `count` of them, the last one changed by `last`. */
async function manyActivities(name: string, count: number, tag: string, last: (activity: string) => string = (a) => a): Promise<string> {
  const text = await readFile(real, 'utf8');
  const start = text.indexOf('  <iati-activity>');
  const end = text.lastIndexOf('</iati-activities>');
  const activities = text
    .slice(start, end)
    .split('  <iati-activity>')
    .filter((a) => a.trim())
    .map((a) => `  <iati-activity>${a}`);
  const written = Array.from({ length: count }, (_, n) => {
    const activity = activities[n % activities.length]!.replace(/ES-DIR3-E04585801-009-(\d+)/g, `ES-DIR3-E04585801-${tag}${n}-$1`);
    return n === count - 1 ? last(activity) : activity;
  });
  const file = path.join(folder, name);
  await writeFile(file, `${text.slice(0, start)}${written.join('')}</iati-activities>\n`);
  return file;
}

const concord = (...argv: string[]) => cliOn(t.store, argv);
const rows = () => iatiRows(t.store.db);

it('writes nothing when only the last of many activities has a problem, and names it', async () => {
  const before = await rows();
  const file = await manyActivities('last-wrong.xml', ACTIVITIES, 'W', (a) =>
    a.replace(/<transaction-date iso-date="[^"]*"/, '<transaction-date iso-date="31/12/2011"'),
  );
  const result = await concord('import', 'iati', file);
  expect(result.code).toBe(1);
  expect(result.err).toContain(`last-wrong.xml: ${ACTIVITIES} activities, 1 with problems`);
  expect(result.err).toMatch(new RegExp(`ES-DIR3-E04585801-W${ACTIVITIES - 1}-\\d+: transaction-date: "31/12/2011" is not a date`));
  expect(result.err).toContain('Nothing was imported');
  expect(await rows()).toEqual(before);
});

it('stops, having written no record, when a file reads differently the second time', async () => {
  const before = await rows();
  const first = await manyActivities('first.xml', ACTIVITIES, 'F');
  const second = await manyActivities('second.xml', ACTIVITIES, 'S');
  let opened = 0;
  const changing = { name: 'changing.xml', open: () => createReadStream(opened++ === 0 ? first : second) };
  await expect(importIatiFiles(t.store, [changing])).rejects.toBeInstanceOf(IatiFileChanged);
  expect(opened).toBe(2);
  const after = await rows();
  // The organizations, matched before any record is written, are the file's publisher's (already there or not).
  expect({ ...after, organizations: before.organizations, history: before.history }).toEqual(before);
  expect(after.initiatives).toBe(before.initiatives);
});

it('writes many activities over several chunks, each with its history, and changes nothing the second time', async () => {
  const file = await manyActivities('many.xml', ACTIVITIES, 'M');
  const result = await concord('import', 'iati', file);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  expect(result.out).toContain(`Imported: ${ACTIVITIES} created, 0 updated, 0 unchanged`);
  const [written] = await t.store.db.query<{ n: number; first: string; last: string }>(
    sql`SELECT count(*) AS n, min(source_id) AS first, max(source_id) AS last FROM initiatives
        WHERE source = 'iati' AND state = 'published' AND source_id LIKE 'ES-DIR3-E04585801-M%'`,
  );
  expect(Number(written!.n)).toBe(ACTIVITIES);
  const [history] = await t.store.db.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM changes c JOIN initiatives i ON i.id = c.entity_id
        WHERE c.entity = 'initiative' AND c.action = 'create' AND c.actor = 'registry:iati' AND c.note = 'from IATI activity files'
          AND i.source_id LIKE 'ES-DIR3-E04585801-M%'`,
  );
  expect(Number(history!.n)).toBe(ACTIVITIES);

  const before = await rows();
  const again = await concord('import', 'iati', file);
  expect(again.code).toBe(0);
  expect(again.out).toContain(`Imported: 0 created, 0 updated, ${ACTIVITIES} unchanged`);
  expect(await rows()).toEqual(before);
});

it('keeps, as the history of each record it creates, the record as the store reads it back', async () => {
  const fixtures = path.resolve('test/fixtures/iati');
  const result = await concord('import', 'iati', path.join(fixtures, 'activity-standard-example-annotated.203.xml'), real);
  expect(result.code).toBe(0);
  const ids = await t.store.db.query<{ id: string }>(
    sql`SELECT id FROM initiatives WHERE source = 'iati' AND source_id NOT LIKE 'ES-DIR3-E04585801-M%'`,
  );
  expect(ids.length).toBe(4);
  for (const { id } of ids) {
    const { action, kept, stored } = await creationBesideStored(t.app, id);
    expect(action).toBe('create');
    for (const key of Object.keys(stored)) expect(kept[key], `${key} of ${id}`).toEqual(stored[key]);
    expect(Object.keys(kept).sort()).toEqual(Object.keys(stored).sort());
  }
});
