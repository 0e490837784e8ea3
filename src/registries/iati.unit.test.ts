// IATI activity files as Concord reads them (src/registries/iati.ts): the standard's own 2.03
// example file (test/fixtures/iati, with its source), the 1.0x forms publishers still use, bad
// activities reported one by one, malformed files refused, and a large file read as a stream.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { IatiFileError, readIatiActivities, textsByLanguage, type IatiActivity } from './iati.ts';
import { iatiRecord } from './iati-record.ts';
import { loadAreaCatalog } from '../areas/catalog.ts';

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures/iati');

async function read(chunks: AsyncIterable<string | Uint8Array>): Promise<IatiActivity[]> {
  const activities: IatiActivity[] = [];
  for await (const activity of readIatiActivities(chunks)) activities.push(activity);
  return activities;
}

/** The parts as a stream of chunks, as a file or an upload arrives. */
function text(...parts: string[]): AsyncIterable<string | Uint8Array> {
  return Readable.from(parts);
}

describe('IATI activity files', () => {
  it('reads the standard’s 2.03 example activity', async () => {
    const [activity, ...rest] = await read(createReadStream(path.join(fixtures, 'activity-standard-example-annotated.203.xml')));
    expect(rest).toHaveLength(0);
    expect(activity?.problems).toEqual([]);
    expect(activity?.identifier).toBe('AA-AAA-123456789-ABC123');
    expect(textsByLanguage(activity?.titles ?? [])).toEqual(
      new Map([
        ['en', 'Activity title'],
        ['fr', "Titre de l'activité"],
        ['es', 'Título de la actividad'],
      ]),
    );
    expect(activity?.reportingOrg).toMatchObject({ ref: 'AA-AAA-123456789', type: '40' });
    expect(activity?.organisations.map((o) => [o.ref, o.role])).toEqual([
      ['BB-BBB-123456789', 'funding'],
      ['CC-CCC-123456789', 'accountable'],
      ['AA-AAA-123456789', 'extending'],
    ]);
    expect(activity?.status).toBe('2');
    expect(activity?.dates).toEqual({ plannedStart: '2012-04-15', actualStart: '2012-04-28', plannedEnd: '2015-12-31', actualEnd: null });
    expect(activity?.countries).toEqual([
      { code: 'AF', percentage: 25 },
      { code: 'AG', percentage: 25 },
    ]);
    expect(activity?.regions[0]).toEqual({ code: '489', vocabulary: '1', percentage: 25 });
    expect(activity?.sectors.filter((s) => s.vocabulary === '2').map((s) => s.code)).toEqual(['111', '112']);
    // Its tag is in vocabulary 1 (Agrovoc), not an SDG.
    expect(activity?.sdgs).toEqual([]);
    expect(activity?.budgets).toEqual([
      { value: 3000, currency: 'EUR', valueDate: '2014-01-01', type: '1', periodStart: '2014-01-01', periodEnd: '2014-12-31' },
    ]);
    expect(activity?.transactions).toEqual([
      { value: 1000, currency: 'EUR', valueDate: '2012-01-01', kind: 'incoming-funds', code: '1', date: '2012-01-01' },
    ]);
  });

  it('reads the 1.0x forms: role names, text without narratives, transaction letters, default currency', async () => {
    const [activity] = await read(
      text(
        '<iati-activities version="1.05" default-currency="GBP"><iati-activity xml:lang="en">',
        '<iati-identifier>GB-1-201234</iati-identifier><title>Broadband for rural schools</title>',
        '<description type="1">Connects 300 schools.</description>',
        '<participating-org ref="GB-1" role="Funding" type="10">DFID</participating-org>',
        '<participating-org role="Implementing">Ministry of ICT</participating-org>',
        '<activity-date iso-date="2019-01-01" type="start-actual"/><activity-date iso-date="2021-12-31T00:00:00" type="end-planned"/>',
        '<recipient-country code="ke" percentage="100"/><sector code="22040" vocabulary="DAC"/>',
        '<transaction><transaction-type code="C"/><value value-date="2019-01-01">1,500,000</value></transaction>',
        '<transaction><transaction-type code="D"/><value currency="USD" value-date="2019-06-01">250000</value><transaction-date iso-date="2019-06-01"/></transaction>',
        '</iati-activity></iati-activities>',
      ),
    );
    expect(activity?.problems).toEqual([]);
    expect(activity?.titles).toEqual([{ lang: 'en', text: 'Broadband for rural schools' }]);
    expect(activity?.organisations.map((o) => o.role)).toEqual(['funding', 'implementing']);
    expect(activity?.dates.actualStart).toBe('2019-01-01');
    expect(activity?.dates.plannedEnd).toBe('2021-12-31');
    expect(activity?.countries).toEqual([{ code: 'KE', percentage: 100 }]);
    expect(activity?.sectors).toEqual([{ code: '22040', vocabulary: '1', percentage: null }]);
    expect(activity?.transactions.map((t) => [t.kind, t.value, t.currency])).toEqual([
      ['commitment', 1500000, 'GBP'],
      ['disbursement', 250000, 'USD'],
    ]);
  });

  it('takes SDG goals, targets and indicators from tags and sector vocabularies', async () => {
    const [activity] = await read(
      text(
        '<iati-activities version="2.03"><iati-activity><iati-identifier>XM-1</iati-identifier><title><narrative>T</narrative></title>',
        '<tag vocabulary="2" code="9"/><tag vocabulary="3" code="9.c"/><sector vocabulary="9" code="9.c.1"/><tag vocabulary="3" code="9.C"/>',
        '<tag vocabulary="2" code="18"/>',
        '</iati-activity></iati-activities>',
      ),
    );
    expect(activity?.sdgs).toEqual(['9', '9.c', '9.c.1']);
    expect(activity?.problems).toEqual(['SDG code "18" is not an SDG goal, target or indicator']);
  });

  it('reports each bad activity by its position and identifier, and reads the good ones', async () => {
    const activities = await read(
      text(
        '<iati-activities version="2.03">',
        '<iati-activity><iati-identifier>XM-OK</iati-identifier><title><narrative>Fine</narrative></title></iati-activity>',
        '<iati-activity><title><narrative>No identifier</narrative></title>',
        '<activity-date type="2" iso-date="2024-02-31"/><recipient-country code="KE" percentage="140"/>',
        '<transaction><transaction-type code="3"/><value>lots</value></transaction>',
        '<budget><value>100</value></budget>',
        '<participating-org role="9"><narrative>X</narrative></participating-org>',
        '</iati-activity>',
        '<iati-activity><iati-identifier>XM-DATES</iati-identifier><title><narrative>Backwards</narrative></title>',
        '<activity-date type="2" iso-date="2024-01-01"/><activity-date type="4" iso-date="2023-01-01"/></iati-activity>',
        '</iati-activities>',
      ),
    );
    expect(activities.map((a) => [a.position, a.identifier, a.problems])).toEqual([
      [1, 'XM-OK', []],
      [
        2,
        '',
        [
          'no iati-identifier',
          'activity-date: "2024-02-31" is not a date',
          'recipient-country: percentage "140" is not between 0 and 100',
          'transaction: value "lots" is not a number',
          "budget: no currency (neither on the value nor as the activity's default-currency)",
          'participating-org: unknown role "9"',
        ],
      ],
      [3, 'XM-DATES', ['ends (2023-01-01) before it starts (2024-01-01)']],
    ]);
  });

  it('refuses a file that is not IATI or not well-formed, saying why', async () => {
    await expect(read(text('<html><body>no</body></html>'))).rejects.toThrow(/not an IATI activity file: it opens with <html>/);
    await expect(read(text(''))).rejects.toThrow(IatiFileError);
    await expect(read(Readable.from([new Uint8Array([0x3c, 0x61, 0xff, 0xfe])]))).rejects.toThrow(/not UTF-8/);
  });

  it('reads a large file as a stream: activities come out before the file ends', async () => {
    const activity = (i: number) =>
      `<iati-activity><iati-identifier>XM-${i}</iati-identifier><title><narrative>Activity ${i}</narrative></title>` +
      `<transaction><transaction-type code="3"/><value currency="USD" value-date="2020-01-01">${i}</value></transaction></iati-activity>`;
    let written = 0;
    let firstSeenAfter = -1;
    function* chunks() {
      yield '<iati-activities version="2.03">';
      for (let block = 0; block < 200; block++) {
        yield Array.from({ length: 100 }, (_, i) => activity(block * 100 + i)).join('');
        written++;
      }
      yield '</iati-activities>';
    }
    let count = 0;
    for await (const a of readIatiActivities(Readable.from(chunks()))) {
      if (count === 0) firstSeenAfter = written;
      count++;
      expect(a.problems).toEqual([]);
    }
    expect(count).toBe(20_000);
    expect(firstSeenAfter).toBeLessThan(5);
  });

  it('maps an activity to a registry record: lead, partners, areas, SDG links, money chain, and notes for what does not map', async () => {
    const catalog = await loadAreaCatalog();
    const [example] = await read(createReadStream(path.join(fixtures, 'activity-standard-example-annotated.203.xml')));
    if (!example) throw new Error('the example file holds an activity');
    const record = iatiRecord(example, catalog);
    expect(record.sourceId).toBe('AA-AAA-123456789-ABC123');
    expect(record.url).toBe('https://d-portal.org/ctrack.html#view=act&aid=AA-AAA-123456789-ABC123');
    expect(record.texts.map((t) => t.lang)).toEqual(['en', 'fr', 'es']);
    expect(record.texts[1]?.description).toMatch(/^Activité générale/);
    expect(record.organizations.map((o) => [o.name, o.role, o.sourceRole])).toEqual([
      ['Name of Agency C', 'lead', 'accountable'],
      ['Name of Agency B', 'funding', 'funding'],
      ['Name of Agency A', 'other', 'extending'],
    ]);
    expect(record.areas).toEqual(['AFG', 'ATG']);
    expect(record.notes).toEqual([
      'recipient region "489" (vocabulary 1) is not an M49 region',
      'recipient region "A1" (vocabulary 99) is not an M49 region',
    ]);
    expect(record.status).toBe('ongoing');
    expect([record.startDate, record.endDate]).toEqual(['2012-04-28', '2015-12-31']);
    expect(record.budget).toEqual({ amount: 3000, currency: 'EUR' });
    // Its only transaction is incoming funds: the other side of another publisher's disbursement.
    expect(record.money).toEqual([]);

    const [ict] = await read(
      text(
        '<iati-activities version="2.03" default-currency="GBP"><iati-activity><iati-identifier>GB-1-204</iati-identifier>',
        '<title><narrative>Broadband</narrative></title><activity-status code="4"/>',
        '<participating-org ref="GB-1" role="1"><narrative>DFID</narrative></participating-org>',
        '<recipient-country code="KE"/><recipient-region code="202" vocabulary="2"/><tag vocabulary="3" code="9.c"/>',
        '<transaction><transaction-type code="2"/><transaction-date iso-date="2019-01-01"/><value>1500000</value></transaction>',
        '<transaction><transaction-type code="3"/><value currency="USD" value-date="2019-06-01">250000</value></transaction>',
        '<transaction><transaction-type code="4"/><value>10</value></transaction>',
        '</iati-activity></iati-activities>',
      ),
    );
    if (!ict) throw new Error('one activity');
    const second = iatiRecord(ict, catalog);
    expect(second.organizations).toEqual([{ name: 'DFID', website: null, role: 'lead', sourceRole: 'funding' }]);
    expect(second.areas).toEqual(['202', 'KEN']);
    expect(second.status).toBe('completed');
    expect(second.links).toEqual([
      {
        elementId: 'sdg.9.c',
        type: 'contributes-to',
        evidence: 'Tagged SDG 9.c by its publisher in its IATI activity file.',
        address: null,
        reviewedAtSource: false,
      },
    ]);
    expect(second.money).toEqual([
      { kind: 'committed', amount: 1500000, currency: 'GBP', date: '2019-01-01' },
      { kind: 'disbursed', amount: 250000, currency: 'USD', date: '2019-06-01' },
    ]);
    expect(second.notes).toEqual(['expenditure of 10 GBP left out: it has no date']);
  });
});
