// Import and export through the pages, as a contributor does it with real CSV and XLSX files:
// a file with one bad row imports nothing and says which row and column; an export imported
// again changes nothing; an export imported into an empty store reproduces the records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { catalogs } from '../i18n/index.ts';
import { sql } from '../store/index.ts';
import { initiativeColumns, pledgeColumns } from './transfer.ts';

let t: TestApp;
const password = 'correct horse battery';
let n = 0;
const unique = (name: string) => `${name}.${++n}.${Date.now()}@example.org`;

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
});
afterAll(() => t.close());

async function contributor() {
  const v = new Visitor(t.app);
  await v.signUp('en', 'Importer', unique('importer'), password);
  await v.get('/en/organizations/new');
  const org = (await v.post('/en/organizations/new', { name: `Importing Org ${n}`, stakeholderType: 'technical-community' }))
    .location!.split('/')
    .pop()!
    .split('?')[0]!;
  return { v, org };
}

/** Posts files to the import form, as a browser would (multipart, with the CSRF token). */
async function upload(v: Visitor, files: { name: string; field?: string; type: string; body: BlobPart }[]) {
  await v.get('/en/registry/transfer');
  const form = new FormData();
  form.append('_csrf', v.csrf);
  for (const f of files) form.append(f.field ?? 'file', new File([f.body], f.name, { type: f.type }));
  const response = await t.app.request('/en/registry/import', {
    method: 'POST',
    body: form,
    headers: { Cookie: [...v.cookies].map(([k, val]) => `${k}=${val}`).join('; '), 'X-Forwarded-For': '198.51.100.7' },
  });
  return { status: response.status, html: await response.text() };
}

const header = initiativeColumns.join(',');

function csvRow(org: string, title: string, extra: { areas?: string; links?: string } = {}) {
  return [
    '',
    '',
    org,
    'ongoing',
    '2025-01-01',
    '2027-12-31',
    '50000',
    'EUR',
    `"${extra.areas ?? 'SEN'}"`,
    '',
    '',
    '',
    '',
    `"${title}"`,
    '"Digital skills training for young women in Dakar and Thiès."',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    `"${extra.links ?? 'gdc.13.a | contributes-to | Trains young women in digital skills. |'}"`,
    '',
  ].join(',');
}

describe('import', () => {
  it('imports nothing when one row is bad, and reports that row and column', async () => {
    const { v, org } = await contributor();
    const file = [
      header,
      csvRow(org, `Good row ${n}`),
      csvRow(org, `Bad area row ${n}`, { areas: 'SEN, Narnia' }),
      csvRow(org, `Bad link ${n}`, { links: 'gdc.999 | contributes-to | Not an element at all here. |' }),
    ].join('\n');
    const before = await t.store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM initiatives`);
    const result = await upload(v, [{ name: 'initiatives.csv', type: 'text/csv', body: file }]);
    expect(result.status).toBe(400);
    expect(result.html).toContain('Nothing was imported: there are 2 problems.');
    expect(result.html).toMatch(/<td>3<\/td>\s*<td>\s*<code>areas<\/code>/);
    const after = await t.store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM initiatives`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('reports schema errors field by field', async () => {
    const { v, org } = await contributor();
    const bad = [header, csvRow(org, 'x', { links: '' })].join('\n');
    const result = await upload(v, [{ name: 'initiatives.csv', type: 'text/csv', body: bad }]);
    expect(result.status).toBe(400);
    expect(result.html).toContain('<code>title_en</code>');
    expect(result.html).toContain('<code>links</code>');
    expect(result.html).toContain(catalogs.en['initiative.linkRequired']!);
  });

  it('imports a good file as drafts, with its pledges, and re-importing the export changes nothing', async () => {
    const { v, org } = await contributor();
    const ok = await upload(v, [
      {
        name: 'initiatives.csv',
        type: 'text/csv',
        body: [header, csvRow(org, `Skills for women ${n}`), csvRow(org, `Second initiative ${n}`)].join('\n'),
      },
    ]);
    expect(ok.status).toBe(200);
    expect(ok.html).toContain('2 new');

    const exported = await v.get('/en/registry/export/initiatives.csv?scope=mine');
    expect(exported.headers.get('Content-Type')).toMatch(/text\/csv/);
    expect(exported.html).toContain(`Skills for women ${n}`);
    const again = await upload(v, [{ name: 'initiatives.csv', type: 'text/csv', body: exported.html }]);
    expect(again.status).toBe(200);
    expect(again.html).toMatch(/0 new, 0 changed, 2 unchanged/);
    const reexported = await v.get('/en/registry/export/initiatives.csv?scope=mine');
    expect(reexported.html).toBe(exported.html);
  });

  it('reads and writes Excel workbooks with both sheets', async () => {
    const { v, org } = await contributor();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('initiatives');
    const columns = header.split(',');
    ws.addRow(columns);
    const values: Record<string, string> = {
      id: 'xlsx-import-initiative-1',
      lead_organization_id: org,
      status: 'planned',
      areas: 'BRA',
      title_es: 'Conectividad rural',
      description_es: 'Redes comunitarias en la Amazonía brasileña.',
      links: 'wsis.C2 | contributes-to | Infraestructura de redes comunitarias. |',
    };
    ws.addRow(columns.map((c) => values[c] ?? ''));
    const pledges = book.addWorksheet('pledges');
    pledges.addRow([...pledgeColumns]);
    pledges.addRow([
      '',
      'xlsx-import-initiative-1',
      '',
      'Aldeias conectadas',
      'aldeias',
      '0',
      '2025-01-01',
      '40',
      '2028-01-01',
      '',
      '',
      'BRA',
    ]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const result = await upload(v, [
      { name: 'registry.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: bytes },
    ]);
    expect(result.status, result.html.slice(0, 2000)).toBe(200);
    const [row] = await t.store.db.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM pledges WHERE initiative_id = 'xlsx-import-initiative-1'`,
    );
    expect(row!.n).toBe(1);
    const download = await t.app.request('/en/registry/export/registry.xlsx?scope=mine', {
      headers: { Cookie: [...v.cookies].map(([k, val]) => `${k}=${val}`).join('; ') },
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await download.arrayBuffer());
    expect(back.getWorksheet('initiatives')!.getRow(2).getCell(1).text).toBe('xlsx-import-initiative-1');
    expect(back.getWorksheet('pledges')!.rowCount).toBe(2);
  });

  it('refuses an upload without the CSRF token, a wrong file type, and a corrupt workbook', async () => {
    const { v } = await contributor();
    const form = new FormData();
    form.append('file', new File(['a,b'], 'x.csv', { type: 'text/csv' }));
    const noToken = await t.app.request('/en/registry/import', {
      method: 'POST',
      body: form,
      headers: { Cookie: [...v.cookies].map(([k, val]) => `${k}=${val}`).join('; ') },
    });
    expect(noToken.status).toBe(403);
    expect((await upload(v, [{ name: 'notes.txt', type: 'text/plain', body: 'hello' }])).status).toBe(400);
    const corrupt = await upload(v, [
      { name: 'broken.xlsx', type: 'application/octet-stream', body: new Uint8Array([80, 75, 3, 4, 1, 2, 3]) },
    ]);
    expect(corrupt.status).toBe(400);
    expect(corrupt.html).toContain(catalogs.en['transfer.badXlsx']!);
  });
});
