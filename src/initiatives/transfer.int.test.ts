// Import and export through the pages, as a contributor does it with real CSV and XLSX files:
// a file with one bad row imports nothing and says which row and column; an export imported
// again changes nothing; an export imported into an empty store reproduces the records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
// `n`: the number the last unique address carries (a live binding), to name things after it.
import { serial as n, uniqueEmail as unique } from '../testing/builders.ts';
import { catalogs } from '../i18n/index.ts';
import { raw, sql, type Sql, type Store } from '../store/index.ts';
import { readRevisions } from '../store/revisions.ts';
import { initiativeColumns, pledgeColumns } from './transfer.ts';
import { understated } from '../testing/zip.ts';

let t: TestApp;
const password = 'correct horse battery';

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

  it('writes many updates at once, with their history, and a refused one names its row and changes nothing', async () => {
    const { v, org } = await contributor();
    const titles = [`Update one ${n}`, `Update two ${n}`, `Update three ${n}`];
    const made = await upload(v, [
      { name: 'initiatives.csv', type: 'text/csv', body: [header, ...titles.map((x) => csvRow(org, x))].join('\n') },
    ]);
    expect(made.html).toContain('3 new');
    const exported = (await v.get('/en/registry/export/initiatives.csv?scope=mine')).html;
    const ids = await t.store.db.query<{ id: string; title: string }>(
      sql`SELECT initiative_id AS id, title FROM initiative_texts WHERE lang = 'en' AND title = ANY(${`{${titles.map((x) => `"${x}"`).join(',')}}`}::text[])`,
    );
    const third = ids.find((r) => r.title === titles[2])!.id;
    // The third goes to review: its contributor may no longer change it.
    expect((await v.post(`/en/initiatives/${third}/submit`, { confirm: '1' })).status).toBe(303);
    const renamed = exported.replaceAll('Update ', 'Renamed ');
    const refused = await upload(v, [{ name: 'initiatives.csv', type: 'text/csv', body: renamed }]);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Nothing was imported');
    const row = exported.split('\n').findIndex((line) => line.startsWith(third)) + 1;
    expect(refused.html).toMatch(new RegExp(`<td>${row}</td>\\s*<td>\\s*<code>id</code>`));
    expect(refused.html).toContain(catalogs.en['initiative.notEditable']!);
    const unchanged = await t.store.db.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM initiative_texts WHERE title LIKE ${`Renamed % ${n}`}`,
    );
    expect(Number(unchanged[0]!.n)).toBe(0);

    // Without the submitted record, both updates land, each with a history entry saying what changed.
    const lines = renamed.split('\n').filter((line) => !line.startsWith(third));
    const ok = await upload(v, [{ name: 'initiatives.csv', type: 'text/csv', body: lines.join('\n') }]);
    expect(ok.status).toBe(200);
    expect(ok.html).toMatch(/0 new, 2 changed, 0 unchanged/);
    const history = await t.store.db.query<{ before: { texts: { title: string }[] }; after: { texts: { title: string }[] } }>(
      sql`SELECT before, after FROM changes WHERE entity = 'initiative' AND action = 'update'
            AND entity_id = ANY(${`{${ids
              .filter((r) => r.id !== third)
              .map((r) => r.id)
              .join(',')}}`}::text[])`,
    );
    expect(history.map((h) => [h.before.texts[0]!.title.split(' ')[0], h.after.texts[0]!.title.split(' ')[0]])).toEqual([
      ['Update', 'Renamed'],
      ['Update', 'Renamed'],
    ]);
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

// Limits (issue 11, item 3): whatever a file expands into, the import holds a bounded amount of it,
// says which limit it went over, and writes nothing.
describe('import limits', () => {
  const count = async (table: 'initiatives' | 'changes' | 'pledges') =>
    Number((await t.store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(table)}`))[0]!.n);
  const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  it('refuses a CSV of a million rows with 413, stating the row limit, and writes nothing', async () => {
    const { v } = await contributor();
    const before = await count('initiatives');
    const result = await upload(v, [{ name: 'million.csv', type: 'text/csv', body: 'title_en\n' + 'x\n'.repeat(1_000_000) }]);
    expect(result.status).toBe(413);
    expect(result.html).toContain('The file has more than 20,000 rows.');
    expect(await count('initiatives')).toBe(before);
  });

  it('refuses a workbook of more rows than the limit, read as a stream', async () => {
    const { v } = await contributor();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('initiatives');
    ws.addRow(['title_en']);
    for (let i = 0; i <= 20_000; i++) ws.addRow([`Row ${i}`]);
    const result = await upload(v, [{ name: 'rows.xlsx', type: xlsxType, body: new Uint8Array(await book.xlsx.writeBuffer()) }]);
    expect(result.status).toBe(413);
    expect(result.html).toContain('The file has more than 20,000 rows.');
  });

  it('refuses a workbook that inflates past the limit before reading it, even when its sizes lie', async () => {
    const { v } = await contributor();
    const before = await count('initiatives');
    const sheet = strToU8(
      `<worksheet><sheetData>${'<row><c t="inlineStr"><is><t>a</t></is></c></row>'.repeat(1_600_000)}</sheetData></worksheet>`,
    );
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': [sheet, { level: 9 }] });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    for (const bytes of [bomb, understated(bomb)]) {
      const result = await upload(v, [{ name: 'bomb.xlsx', type: xlsxType, body: new Uint8Array(bytes) }]);
      expect(result.status).toBe(413);
      expect(result.html).toContain('The workbook expands to more than 64 MB once uncompressed.');
    }
    expect(await count('initiatives')).toBe(before);
  });

  it('refuses a cell longer than the cell limit, naming its row and column', async () => {
    const { v, org } = await contributor();
    const long = 'x'.repeat(40_000);
    const result = await upload(v, [
      { name: 'cell.csv', type: 'text/csv', body: [header, csvRow(org, `Long cell ${n}`), csvRow(org, long)].join('\n') },
    ]);
    expect(result.status).toBe(413);
    expect(result.html).toContain('Sheet initiatives, row 3, column title_en: the cell holds more than 32,767 characters');
  });

  it('lists the first 100 issues of many bad rows with their total, in a small page', async () => {
    const { v } = await contributor();
    const rows = Array.from({ length: 5_000 }, (_, i) => `row ${i},nowhere`);
    const result = await upload(v, [{ name: 'bad.csv', type: 'text/csv', body: ['title_en,areas', ...rows].join('\n') }]);
    expect(result.status).toBe(400);
    const total = Number(/there are ([\d,]+) problems/.exec(result.html)?.[1]?.replace(/,/g, ''));
    expect(total).toBeGreaterThanOrEqual(5_000);
    expect(result.html).toContain('The first 100 are listed');
    expect(result.html.match(/<tr>/g)?.length).toBe(101); // the header and 100 issues
    expect(result.html.length).toBeLessThan(100_000);
  });

  it('imports thousands of rows set by set, with a history entry for each', async () => {
    const { v, org } = await contributor();
    const before = { initiatives: await count('initiatives'), changes: await count('changes') };
    const rows = Array.from({ length: 2_000 }, (_, i) => csvRow(org, `Bulk initiative ${n}.${i}`));
    const result = await upload(v, [{ name: 'bulk.csv', type: 'text/csv', body: [header, ...rows].join('\n') }]);
    expect(result.status, result.html.slice(0, 2000)).toBe(200);
    expect(result.html).toContain('Imported: 2000 new');
    expect(await count('initiatives')).toBe(before.initiatives + 2_000);
    expect(await count('changes')).toBe(before.changes + 2_000);
    const [one] = await t.store.db.query<{ areas: string[]; closure: string[] }>(
      sql`SELECT i.area_closure AS closure, array(SELECT area_code FROM initiative_areas a WHERE a.initiative_id = i.id) AS areas
          FROM initiatives i JOIN initiative_texts x ON x.initiative_id = i.id WHERE x.title = ${`Bulk initiative ${n}.1999`}`,
    );
    expect(one!.areas).toEqual(['SEN']);
    expect(one!.closure).toContain('SEN');
  });

  it('rolls the whole import back when a write is refused inside it', async () => {
    const other = await contributor();
    const { v, org } = await contributor();
    const before = { initiatives: await count('initiatives'), pledges: await count('pledges') };
    const pledges = [
      pledgeColumns.join(','),
      ['', '', other.org, 'Schools connected', 'schools', '0', '2025-01-01', '40', '2028-01-01', '', '', 'SEN'].join(','),
    ].join('\n');
    const result = await upload(v, [
      { name: 'initiatives.csv', type: 'text/csv', body: [header, csvRow(org, `Rolled back ${n}`)].join('\n') },
      { name: 'pledges.csv', field: 'pledges', type: 'text/csv', body: pledges },
    ]);
    expect(result.status).toBe(400);
    expect(result.html).toContain('Nothing was imported');
    expect(await count('initiatives')).toBe(before.initiatives);
    expect(await count('pledges')).toBe(before.pledges);
  });
});

// Long imports (issue 11, point 4): new rows go in short transactions, hidden until the last one,
// so that the embedded store's one connection serves pages between them.
describe('import in short transactions', () => {
  const count = async (table: 'initiatives' | 'changes') =>
    Number((await t.store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(table)}`))[0]!.n);
  const staged = async () =>
    Number((await t.store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM initiatives WHERE state = 'importing'`))[0]!.n);
  /** Rows with ids of their own, so that their pages can be asked for by address. */
  const rowsWithIds = (org: string, prefix: string, total: number) =>
    Array.from({ length: total }, (_, i) => csvRow(org, `${prefix} ${i}`).replace(/^/, `${prefix.replace(/\W/g, '-')}-${i}`));

  /**
   * Runs `upload` on the real store, with `between` run once the import's first transaction has
   * committed and before its next one starts; with `crash`, no later transaction is run (with a
   * number, none after that many transactions).
   */
  async function duringImport<T>(between: () => Promise<void>, upload: () => Promise<T>, crash: boolean | number = false): Promise<T> {
    const run: Store['transaction'] = t.store.transaction.bind(t.store);
    let transactions = 0;
    t.store.transaction = async (work) => {
      transactions++;
      // A crash: after the first transaction, the process writes nothing more (not even its cleanup).
      if (crash !== false && transactions > (crash === true ? 1 : crash)) throw new Error('the process died');
      const result = await run(work);
      if (transactions === 1) await between();
      return result;
    };
    try {
      return await upload();
    } finally {
      t.store.transaction = run;
    }
  }

  it('answers pages between two transactions of an import, without the rows not yet imported', async () => {
    const { v, org } = await contributor();
    const prefix = `Staged ${n}`;
    const before = await count('initiatives');
    const revision = async () => (await readRevisions(t.store.db)).get('registry');
    const revisionBefore = await revision();
    let seenBetween = false;
    const result = await duringImport(
      async () => {
        expect(await staged()).toBeGreaterThan(0);
        // Nothing visible changed yet: cached registry pages stay valid.
        expect(await revision()).toBe(revisionBefore);
        const record = await v.get(`/en/initiatives/${prefix.replace(/\W/g, '-')}-0`);
        expect(record.status).toBe(404);
        const exported = await v.get('/en/registry/export/initiatives.csv?scope=mine');
        expect(exported.status).toBe(200);
        expect(exported.html).not.toContain(prefix);
        const registry = await v.get('/en/registry');
        expect(registry.status).toBe(200);
        seenBetween = true;
      },
      () => upload(v, [{ name: 'staged.csv', type: 'text/csv', body: [header, ...rowsWithIds(org, prefix, 250)].join('\n') }]),
    );
    expect(seenBetween).toBe(true);
    expect(result.status, result.html.slice(0, 2000)).toBe(200);
    expect(result.html).toContain('Imported: 250 new');
    expect(await staged()).toBe(0);
    expect(Number(await revision())).toBeGreaterThan(Number(revisionBefore));
    expect(await count('initiatives')).toBe(before + 250);
    const record = await v.get(`/en/initiatives/${prefix.replace(/\W/g, '-')}-249`);
    expect(record.status).toBe(200);
    expect(record.html).toContain(`${prefix} 249`);
    const exported = await v.get('/en/registry/export/initiatives.csv?scope=mine');
    expect(exported.html).toMatch(new RegExp(`^${prefix.replace(/\W/g, '-')}-0,draft,`, 'm'));
  });

  it('stages updates too: pages show the stored content until the import ends, then the new content; a change meanwhile refuses it all', async () => {
    const { v, org } = await contributor();
    const prefix = `Updated ${n}`;
    const id = (i: number) => `${prefix.replace(/\W/g, '-')}-${i}`;
    expect(
      (await upload(v, [{ name: 'a.csv', type: 'text/csv', body: [header, ...rowsWithIds(org, prefix, 150)].join('\n') }])).status,
    ).toBe(200);
    const exported = (await v.get('/en/registry/export/initiatives.csv?scope=mine')).html;
    const mine = exported.split('\n').filter((line, i) => i === 0 || line.startsWith(`${id(0).slice(0, -2)}-`));
    const total = await count('initiatives');
    const changesBefore = await count('changes');

    let seenBetween = false;
    const renamed = mine.join('\n').replaceAll(`${prefix} `, `${prefix} renamed `);
    const result = await duringImport(
      async () => {
        expect(await staged()).toBeGreaterThan(0);
        const record = await v.get(`/en/initiatives/${id(0)}`);
        expect(record.html).toContain(`${prefix} 0`);
        expect(record.html).not.toContain(`${prefix} renamed 0`);
        expect((await v.get('/en/registry/export/initiatives.csv?scope=mine')).html).not.toContain('renamed');
        seenBetween = true;
      },
      () => upload(v, [{ name: 'b.csv', type: 'text/csv', body: renamed }]),
    );
    expect(seenBetween).toBe(true);
    expect(result.status, result.html.slice(0, 2000)).toBe(200);
    expect(result.html).toMatch(/0 new, 150 changed/);
    expect(await staged()).toBe(0);
    expect(await count('initiatives')).toBe(total);
    expect(await count('changes')).toBe(changesBefore + 150);
    expect((await v.get(`/en/initiatives/${id(149)}`)).html).toContain(`${prefix} renamed 149`);
    const history = await v.get(`/en/initiatives/${id(149)}/history`);
    expect(history.status).toBe(200);
    expect(history.html).toContain(`${prefix} renamed 149`);

    // A record submitted for review while the import runs: the import is refused at its end,
    // naming that row, and nothing of it stays.
    const again = (await v.get('/en/registry/export/initiatives.csv?scope=mine')).html
      .split('\n')
      .filter((line, i) => i === 0 || line.startsWith(`${id(0).slice(0, -2)}-`));
    const row = again.findIndex((line) => line.startsWith(`${id(120)},`)) + 1;
    const refused = await duringImport(
      async () => {
        expect((await v.post(`/en/initiatives/${id(120)}/submit`, { confirm: '1' })).status).toBe(303);
      },
      () => upload(v, [{ name: 'c.csv', type: 'text/csv', body: again.join('\n').replaceAll(' renamed ', ' twice ') }]),
    );
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(new RegExp(`<td>${row}</td>\\s*<td>\\s*<code>id</code>`));
    expect(refused.html).toContain(catalogs.en['initiative.notEditable']!);
    expect(await staged()).toBe(0);
    expect((await v.get(`/en/initiatives/${id(0)}`)).html).toContain(`${prefix} renamed 0`);
    expect(await count('initiatives')).toBe(total);

    // A crash while updates are staged leaves the stored records as they were.
    await duringImport(
      () => Promise.resolve(),
      () =>
        upload(v, [
          {
            name: 'd.csv',
            type: 'text/csv',
            body: again
              .filter((line) => !line.startsWith(`${id(120)},`))
              .join('\n')
              .replaceAll(' renamed ', ' crashed '),
          },
        ]),
      true,
    ).catch(() => undefined);
    expect(await staged()).toBeGreaterThan(0);
    expect((await v.get(`/en/initiatives/${id(0)}`)).html).toContain(`${prefix} renamed 0`);
    const { discardImport } = await import('./service.ts');
    if (t.store.dialect === 'postgres')
      await t.store.db.query(sql`UPDATE initiatives SET created_at = now() - interval '2 hours' WHERE state = 'importing'`);
    expect(await discardImport(t.store)).toBeGreaterThan(0);
    expect(await count('initiatives')).toBe(total);
    expect((await v.get(`/en/initiatives/${id(0)}`)).html).toContain(`${prefix} renamed 0`);
  });

  it('completes a decided import after a crash mid hand-over: the next writer or the next start hands the rest over, never undoes it', async () => {
    const { v, org } = await contributor();
    const { discardImport, handOverImport } = await import('./service.ts');
    const id = (prefix: string, i: number) => `${prefix.replace(/\W/g, '-')}-${i}`;
    const counted = async (query: Sql) => Number((await t.store.db.query<{ n: number }>(query))[0]!.n);
    const decided = () => counted(sql`SELECT count(*) AS n FROM import_handovers`);
    // 250 updates: three staging transactions of 100, the commit point (the 4th), then hand-over
    // chunks of 200 and 50. The process dies right after the commit point, then in the hand-over.
    for (const [crashAfter, handedBeforeCrash] of [
      [4, 0],
      [5, 200],
    ] as const) {
      const prefix = `Decided ${crashAfter} ${n}`;
      expect(
        (await upload(v, [{ name: 'a.csv', type: 'text/csv', body: [header, ...rowsWithIds(org, prefix, 250)].join('\n') }])).status,
      ).toBe(200);
      const exported = (await v.get('/en/registry/export/initiatives.csv?scope=mine')).html
        .split('\n')
        .filter((line, i) => i === 0 || line.startsWith(`${id(prefix, 0).slice(0, -2)}-`));
      expect(exported).toHaveLength(251);
      const total = await count('initiatives');
      const changesBefore = await count('changes');
      await duringImport(
        () => Promise.resolve(),
        () => upload(v, [{ name: 'b.csv', type: 'text/csv', body: exported.join('\n').replaceAll(`${prefix} `, `${prefix} renamed `) }]),
        crashAfter,
      ).catch(() => undefined);
      const renamedTitle = `${prefix} renamed %`;
      const renamed = () =>
        counted(
          sql`SELECT count(*) AS n FROM initiative_texts x JOIN initiatives i ON i.id = x.initiative_id
              WHERE i.state <> 'importing' AND x.title LIKE ${renamedTitle}`,
        );
      // This import's staged rows not handed over yet (other tests' imports aside).
      const stagedRenamed = sql`i.state = 'importing'
        AND EXISTS (SELECT 1 FROM initiative_texts x WHERE x.initiative_id = i.id AND x.title LIKE ${renamedTitle})`;
      const pending = () => counted(sql`SELECT count(*) AS n FROM initiatives i WHERE ${stagedRenamed}`);
      expect(await renamed()).toBe(handedBeforeCrash);
      expect(await pending()).toBe(250 - handedBeforeCrash);
      expect(await decided()).toBe(1);
      // The start-up cleanup leaves a decided import alone, however old.
      if (t.store.dialect === 'postgres')
        await t.store.db.query(sql`UPDATE initiatives SET created_at = now() - interval '2 hours' WHERE state = 'importing'`);
      await discardImport(t.store);
      expect(await pending()).toBe(250 - handedBeforeCrash);
      // A writer who locks a record not handed over yet hands it over first: its contributor
      // submits it with the import's content, and its history has the import's update.
      // (Chunks go in the staged rows' order, not the file's: a record still waiting is looked up.)
      const [waiting] = await t.store.db.query<{ id: string }>(
        sql`SELECT i.replaces AS id FROM initiatives i WHERE ${stagedRenamed} LIMIT 1`,
      );
      const last = waiting!.id;
      const k = last.split('-').at(-1)!;
      expect((await v.get(`/en/initiatives/${last}`)).html).toContain(`${prefix} ${k}<`);
      expect((await v.post(`/en/initiatives/${last}/submit`, { confirm: '1' })).status).toBe(303);
      const page = (await v.get(`/en/initiatives/${last}`)).html;
      expect(page).toContain(`${prefix} renamed ${k}<`);
      expect((await v.get(`/en/initiatives/${last}/history`)).html).toContain(`${prefix} renamed ${k}`);
      // What `concord start` does first (src/main.ts): the rest is handed over, and the import ends.
      expect(await handOverImport(t.store)).toBe(250 - handedBeforeCrash - 1);
      expect(await pending()).toBe(0);
      expect(await decided()).toBe(0);
      expect(await renamed()).toBe(250);
      expect(await count('initiatives')).toBe(total);
      // One update entry per record (and the submission), each on its record.
      expect(await count('changes')).toBe(changesBefore + 251);
      expect((await v.get(`/en/initiatives/${id(prefix, 0)}/history`)).html).toContain(`${prefix} renamed 0`);
    }
  }, 240_000);

  it('after a crash mid-import shows nothing of it, and the start-up cleanup removes what it wrote', async () => {
    const { v, org } = await contributor();
    const prefix = `Crashed ${n}`;
    const before = { initiatives: await count('initiatives'), changes: await count('changes') };
    await duringImport(
      () => Promise.resolve(),
      () => upload(v, [{ name: 'crash.csv', type: 'text/csv', body: [header, ...rowsWithIds(org, prefix, 250)].join('\n') }]),
      true,
    ).catch(() => undefined);
    // What the first transaction wrote is there, and no reader sees it.
    expect(await staged()).toBeGreaterThan(0);
    expect((await v.get(`/en/initiatives/${prefix.replace(/\W/g, '-')}-0`)).status).toBe(404);
    expect((await v.get('/en/registry/export/initiatives.csv?scope=mine')).html).not.toContain(prefix);
    // What `concord start` does first (src/main.ts). On PostgreSQL another process may be importing
    // right now: a start leaves an import alone until it has written nothing for an hour.
    const { discardImport } = await import('./service.ts');
    if (t.store.dialect === 'postgres') {
      expect(await discardImport(t.store)).toBe(0);
      expect(await staged()).toBeGreaterThan(0);
      await t.store.db.query(sql`UPDATE initiatives SET created_at = now() - interval '2 hours' WHERE state = 'importing'`);
    }
    expect(await discardImport(t.store)).toBeGreaterThan(0);
    expect(await staged()).toBe(0);
    expect(await count('initiatives')).toBe(before.initiatives);
    expect(await count('changes')).toBe(before.changes);
  });
});
