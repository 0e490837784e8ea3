// Exports without a row cap (issue 14): a store with more mandates than the old 10,000-row cap
// (generated in SQL: one document with 10,250 requests) exports every one of them as CSV and as
// XLSX, in the page's order, the count on the page saying how many there are.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { sql } from '../store/index.ts';

const MANDATES = 10_250;
let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
  await t.store.db.query(
    sql`INSERT INTO documents (id, symbol, organ, session, number, date, kind) VALUES ('a-res-99-1', 'A/RES/99/1', 'GA', 99, '1', '2044-12-20', 'resolution')`,
  );
  await t.store.db.query(
    sql`INSERT INTO mandates (key, document_id, document_date, eid, ordinal, position, paragraph, lang, verb, verb_text, force, actors, actor_ids, object,
                              deadline_text, deadline_from, deadline_to)
        SELECT 'a-res-99-1|para_' || n || '|1', 'a-res-99-1', '2044-12-20', 'para_' || n, 1, n, n::text, 'en', 'requests', 'Requests', 'request',
               '[{"id": "office.secretary-general", "text": "the Secretary-General"}]'::jsonb, ARRAY['office.secretary-general'],
               'to report on item ' || n || ', =SUM(A1) included', 'in 2045', '2045-01-01', '2045-12-31'
        FROM generate_series(1, ${MANDATES}) AS n`,
  );
}, 120_000);
afterAll(() => t?.close());

describe('mandate exports', () => {
  it('carry every row, past 10,000, as CSV and XLSX', async () => {
    const page = await (await t.app.request('/en/mandates?document=A/RES/99/1')).text();
    expect(page).toContain('10,250 mandates');

    const csv = await t.app.request('/en/mandates.csv?document=A/RES/99/1&asOf=2040-01-01');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const rows = parse<Record<string, string>>(await csv.text(), { columns: true, bom: true });
    expect(rows).toHaveLength(MANDATES);
    // In the page's order (paragraph order), each once.
    expect(rows.map((r) => r.Paragraph)).toEqual(Array.from({ length: MANDATES }, (_, i) => String(i + 1)));
    expect(new Set(rows.map((r) => r.id)).size).toBe(MANDATES);
    expect(rows[10_100]).toMatchObject({
      Document: 'A/RES/99/1',
      'Of whom': 'Secretary-General',
      // Still a spreadsheet-safe cell when it is not the first of the text.
      'What is asked': 'Requests to report on item 10101, =SUM(A1) included',
    });

    const xlsx = await t.app.request('/en/mandates.xlsx?document=A/RES/99/1&asOf=2040-01-01');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('mandates')!;
    expect(sheet.rowCount).toBe(MANDATES + 1);
    expect(sheet.getRow(MANDATES + 1).getCell(2).text).toBe(String(MANDATES));
    expect(sheet.getRow(MANDATES + 1).getCell(7).text).toBe(rows.at(-1)!.id);
  }, 120_000);
});
