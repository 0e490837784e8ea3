// The mandates as CSV and XLSX (the follow-up table UN DESA builds by hand, or any filtered list):
// the page's rows, every one of them, streamed a page at a time so that a whole-corpus export
// (57,000 mandates) is written in bounded memory, without a row cap.
import { PassThrough, Readable } from 'node:stream';
import type { Translate } from '../i18n/index.ts';
import type { Language } from '../language/languages.ts';
import type { Database } from '../store/index.ts';
import { writeCsv } from '../shared/csv.ts';
import { listMandates, type MandateFilter, type MandateView } from './service.ts';

/** Mandates read per step of an export. */
export const EXPORT_PAGE = 1000;

export const ruleText = (t: Translate, m: MandateView): string => t(m.rule.key, m.rule.values);

/** A mandate's deadline as the table shows it: the words, then the date range. */
export function deadlineText(t: Translate, m: MandateView): string {
  if (!m.deadline) return t('mandate.noDeadline');
  const range = m.deadline.from || m.deadline.to ? ` (${m.deadline.from ?? '…'} – ${m.deadline.to ?? '…'})` : '';
  return `${m.deadline.text}${range}`;
}

export const whoText = (t: Translate, m: MandateView): string =>
  m.actors.length ? m.actors.map((a) => a.name).join('; ') : t('mandate.noActor');

/** The columns of the follow-up table, in the reader's language (the last, `id`, is the mandate's). */
export const exportColumns = (t: Translate): string[] => [
  t('mandate.col.document'),
  t('mandate.col.paragraph'),
  t('mandate.col.what'),
  t('mandate.col.who'),
  t('mandate.col.when'),
  t('mandate.col.status'),
  'id',
];

/** One row of the follow-up table, as the page shows it. */
export function exportCells(t: Translate, m: MandateView): string[] {
  return [
    m.document.symbol ?? m.document.id,
    m.paragraph ?? '',
    `${m.verbText} ${m.object}`.trim(),
    whoText(t, m),
    deadlineText(t, m),
    `${t(`mandate.status.${m.status}`)}: ${ruleText(t, m)}`,
    String(m.id),
  ];
}

/** Every mandate of a filter, in the list's order, a page at a time. */
async function* pages(db: Database, lang: Language, filter: MandateFilter): AsyncGenerator<MandateView[]> {
  // One day for every page, even across midnight.
  const asOf = filter.asOf ?? (await listMandates(db, lang, { ...filter, limit: 1 })).asOf;
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const { items } = await listMandates(db, lang, { ...filter, asOf, limit: EXPORT_PAGE, offset });
    if (items.length > 0) yield items;
    if (items.length < EXPORT_PAGE) return;
  }
}

/** The mandates as CSV (spreadsheet-safe cells, a byte-order mark for spreadsheets), streamed. */
export function mandatesCsv(db: Database, lang: Language, t: Translate, filter: MandateFilter): ReadableStream<Uint8Array> {
  const utf8 = new TextEncoder();
  async function* chunks() {
    yield utf8.encode(writeCsv([exportColumns(t)], { bom: true }));
    for await (const items of pages(db, lang, filter)) yield utf8.encode(writeCsv(items.map((m) => exportCells(t, m))));
  }
  return Readable.toWeb(Readable.from(chunks())) as ReadableStream<Uint8Array>;
}

/** The mandates as an XLSX workbook (one sheet, `mandates`), written row by row by exceljs's streaming writer. */
export function mandatesXlsx(db: Database, lang: Language, t: Translate, filter: MandateFilter): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  void (async () => {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    book.creator = 'Concord';
    const sheet = book.addWorksheet('mandates');
    const columns = exportColumns(t);
    sheet.columns = columns.map((c) => ({ header: c, key: c, width: Math.min(60, Math.max(12, c.length + 2)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const items of pages(db, lang, filter)) for (const m of items) sheet.addRow(exportCells(t, m)).commit();
    sheet.commit();
    await book.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
