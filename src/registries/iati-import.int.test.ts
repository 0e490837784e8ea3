// `concord import iati` through the command dispatcher (as a handed-over command runs) on a real
// store: the IATI standard's example file and a real publisher's file (Spain's MAEC, Indonesia)
// become published initiatives with their organizations in their roles, countries, DAC sectors and
// money chain (a "Funding" pledge per currency, its transactions the IATI commitments and
// disbursements) in the page and the API; a second import changes no row; a malformed file writes
// nothing and names each activity's problem; one publisher's refresh archives none of another's.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { cliOn } from '../testing/cli.ts';
import { iatiRows } from '../testing/registries.ts';
import { sql } from '../store/index.ts';

let t: TestApp;
let folder: string;
const fixtures = path.resolve('test/fixtures/iati');
const example = path.join(fixtures, 'activity-standard-example-annotated.203.xml');
const real = path.join(fixtures, 'maec-indonesia-excerpt.xml');
const malformed = path.join(fixtures, 'maec-indonesia-malformed.xml');

beforeAll(async () => {
  t = await openTestApp();
  folder = await mkdtemp(path.join(tmpdir(), 'concord-iati-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await t.close();
});

const concord = (...argv: string[]) => cliOn(t.store, argv);
const rows = () => iatiRows(t.store.db);

interface Initiative {
  partners: { name: string; role: string }[];
  webLinks: { url: string; label: string | null }[];
}
interface Pledges {
  items: { metric: string; unit: string; targetValue: number; transactions: { kind: string; amount: string; currency: string }[] }[];
}
const json = async <T>(address: string): Promise<T> => {
  const response = await t.app.request(address);
  expect(response.status, address).toBe(200);
  return (await response.json()) as T;
};

const idOf = async (sourceId: string) =>
  (await t.store.db.query<{ id: string }>(sql`SELECT id FROM initiatives WHERE source = 'iati' AND source_id = ${sourceId}`))[0]?.id;

it('refuses a malformed file whole, naming each activity and its problem, and writes nothing', async () => {
  const before = await rows();
  const result = await concord('import', 'iati', real, malformed);
  expect(result.code).toBe(1);
  expect(result.err).toMatch(/maec-indonesia-malformed\.xml: 3 activities, 3 with problems/);
  expect(result.err).toMatch(/ES-DIR3-E04585801-009-001301: .*"n\/a" is not a number/);
  expect(result.err).toMatch(/ES-DIR3-E04585801-009-002143: .*transaction-date: "31\/12\/2011" is not a date/);
  // The third activity is sound, but met before in the first file.
  expect(result.err).toMatch(/ES-DIR3-E04585801-009-002165: the identifier was met before, in .*maec-indonesia-excerpt\.xml/);
  expect(result.err).toContain('Nothing was imported');
  expect(await rows()).toEqual(before);

  const broken = path.join(folder, 'broken.xml');
  await writeFile(broken, (await readFile(real, 'utf8')).slice(0, 3000).replace('<iati-activity>', '<iati-activity><<'));
  const notXml = await concord('import', 'iati', broken);
  expect(notXml.code).toBe(1);
  expect(notXml.err).toMatch(/broken\.xml: not read/);
  expect(await rows()).toEqual(before);
});

it('imports the standard example and a real publisher file: organizations in roles, countries, sectors and the money chain', async () => {
  const result = await concord('import', 'iati', example, real);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  expect(result.out).toContain('Imported: 4 created, 0 updated, 0 unchanged');

  const id = (await idOf('ES-DIR3-E04585801-009-001301'))!;
  const record = await json<Initiative>(`/api/v1/initiatives/${id}`);
  expect(record).toMatchObject({
    state: 'published',
    areas: ['IDN'],
    leadOrganization: { name: 'CCAA CAV - País Vasco' },
    source: { id: 'iati', recordId: 'ES-DIR3-E04585801-009-001301' },
  });
  expect(record.partners).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'Spain', role: 'funding' }),
      expect.objectContaining({ name: 'Otra ONG nacional - país donante', role: 'implementing' }),
    ]),
  );
  expect(record.webLinks).toEqual([expect.objectContaining({ label: 'DAC sector 43081' })]);

  const { items: pledges } = await json<Pledges>(`/api/v1/initiatives/${id}/pledges`);
  expect(pledges).toHaveLength(1);
  expect(pledges[0]).toMatchObject({ metric: 'Funding', unit: 'EUR', targetValue: 9270 });
  expect(pledges[0]!.transactions.map((x) => [x.kind, Number(x.amount), x.currency])).toEqual([
    ['committed', 15450, 'EUR'],
    ['disbursed', 9270, 'EUR'],
  ]);

  // The example's budget, with no money moved yet, is the target of a pledge with no transactions.
  const exampleId = (await idOf('AA-AAA-123456789-ABC123'))!;
  const { items: examplePledges } = await json<Pledges>(`/api/v1/initiatives/${exampleId}/pledges`);
  expect(examplePledges).toMatchObject([{ metric: 'Funding', unit: 'EUR', targetValue: 3000, transactions: [] }]);

  const page = await (await t.app.request(`/en/initiatives/${id}`)).text();
  expect(page).toContain('Funding');
  expect(page).toMatch(/15,450|15 450|15450/);
  expect(page).toContain('DAC sector 43081');
});

it('changes no row when the same files are imported again', async () => {
  const before = await rows();
  const again = await concord('import', 'iati', example, real);
  expect(again.code).toBe(0);
  expect(again.out).toContain('Imported: 0 created, 0 updated, 4 unchanged');
  expect(await rows()).toEqual(before);
});

it("archives, on one publisher's refresh, its activities gone from its file and none of another publisher's", async () => {
  const shorter = path.join(folder, 'maec-two.xml');
  const text = await readFile(real, 'utf8');
  const cut = text.lastIndexOf('  <iati-activity>');
  await writeFile(shorter, `${text.slice(0, cut)}</iati-activities>\n`);
  const result = await concord('import', 'iati', shorter);
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/2 unchanged, 0 kept by their owners, 1 archived/);
  const states = await t.store.db.query<{ source_id: string; state: string; archived_reason: string | null }>(
    sql`SELECT source_id, state, archived_reason FROM initiatives WHERE source = 'iati' ORDER BY source_id`,
  );
  expect(states.find((s) => s.source_id === 'ES-DIR3-E04585801-009-002165')).toMatchObject({ state: 'archived' });
  // The example's publisher (AA-AAA-123456789) was not read: its activity stays.
  expect(states.find((s) => s.source_id === 'AA-AAA-123456789-ABC123')).toMatchObject({ state: 'published' });

  // Back in the file, it comes back.
  await copyFile(real, path.join(folder, 'maec-all.xml'));
  const back = await concord('import', 'iati', path.join(folder, 'maec-all.xml'));
  expect(back.out).toContain('1 updated, 2 unchanged');
});
