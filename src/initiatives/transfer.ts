// Import and export of initiatives and their pledges as CSV or XLSX, with the same columns
// out as in. An import is all or nothing: every row is checked first, and one bad row imports
// nothing and is reported by row and field; re-importing an export changes nothing.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { sql, pgTextArray, type Database, type Store } from '../store/index.ts';
import { plainCell, writeCsv } from '../shared/csv.ts';
import { splitCodes } from '../areas/index.ts';
import { translator, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { languages, type Language } from '../language/languages.ts';
import { ItemRefusal, Refusal } from '../shared/refusal.ts';
import { importLimits, megabytes, zipLimits } from '../shared/limits.ts';
import { checkZipSize, ZipTooLarge } from '../shared/zip.ts';
import { sourceFilterValues } from '../registries/sources.ts';
import type { User } from '../accounts/service.ts';
import { initiativeInput, type InitiativeInput } from './model.ts';
import {
  checkInputs,
  createInitiatives,
  discardImport,
  handOverImport,
  finishImport,
  getInitiatives,
  queryInitiatives,
  stageUpdates,
  yieldToReaders,
  editRule,
  editedRecord,
  type Initiative,
} from './service.ts';
import { createPledges, ownPledges, pledgeInput, pledgesOfMany, type Pledge } from '../pledges/service.ts';

export const initiativeColumns = [
  'id',
  'state',
  'lead_organization_id',
  'status',
  'start_date',
  'end_date',
  'budget_amount',
  'budget_currency',
  'areas',
  ...languages.flatMap((l) => [`title_${l}`, `description_${l}`]),
  'partners',
  'links',
  'web_links',
] as const;

export const pledgeColumns = [
  'id',
  'initiative_id',
  'organization_id',
  'metric',
  'unit',
  'baseline_value',
  'baseline_date',
  'target_value',
  'target_date',
  'beneficiaries',
  'weight',
  'areas',
] as const;

export type Row = Record<string, string>;

/** Lines inside one cell: "a | b | c" per line (links, partners, web links). */
const cellLines = (cell: string) =>
  cell
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.split('|').map((part) => part.trim()));

export function initiativeRow(i: Initiative): Row {
  const row: Row = {
    id: i.id,
    state: i.state,
    lead_organization_id: i.leadOrganization.id,
    status: i.status,
    start_date: i.startDate ?? '',
    end_date: i.endDate ?? '',
    budget_amount: i.budget ? String(Number(i.budget.amount)) : '',
    budget_currency: i.budget?.currency ?? '',
    areas: i.areas.join(', '),
    partners: i.partners.map((p) => `${p.organizationId} | ${p.role}`).join('\n'),
    links: i.links.map((l) => [l.elementId, l.type, l.evidence, l.address ?? ''].join(' | ')).join('\n'),
    web_links: i.webLinks.map((w) => [w.url, w.label ?? ''].join(' | ')).join('\n'),
  };
  for (const l of languages) {
    const text = i.texts.find((x) => x.lang === l);
    row[`title_${l}`] = text?.title ?? '';
    row[`description_${l}`] = text?.description ?? '';
  }
  return row;
}

export function pledgeRow(p: Pledge): Row {
  return {
    id: p.id,
    initiative_id: p.initiativeId ?? '',
    organization_id: p.organization.id,
    metric: p.metric,
    unit: p.unit,
    baseline_value: String(p.baselineValue),
    baseline_date: p.baselineDate,
    target_value: String(p.targetValue),
    target_date: p.targetDate,
    beneficiaries: p.beneficiaries === null ? '' : String(p.beneficiaries),
    weight: p.weight === null ? '' : String(p.weight),
    areas: p.areas.join(', '),
  };
}

/** The input an initiative row stands for (the same shape as the form and the API). */
function inputOf(row: Row): unknown {
  const amount = (row.budget_amount ?? '').replace(/[\s,]/g, '');
  return {
    leadOrganizationId: row.lead_organization_id ?? '',
    status: row.status ?? '',
    startDate: row.start_date || null,
    endDate: row.end_date || null,
    budget: amount || row.budget_currency ? { amount: amount === '' ? NaN : Number(amount), currency: row.budget_currency ?? '' } : null,
    texts: languages
      .filter((l) => row[`title_${l}`] || row[`description_${l}`])
      .map((l) => ({ lang: l, title: row[`title_${l}`] ?? '', description: row[`description_${l}`] ?? '' })),
    areas: splitCodes(row.areas ?? ''),
    partners: cellLines(row.partners ?? '').map(([organizationId = '', role = 'implementing']) => ({ organizationId, role })),
    links: cellLines(row.links ?? '').map(([elementId = '', type = 'contributes-to', evidence = '', address = '']) => ({
      elementId,
      type,
      evidence,
      address: address || null,
    })),
    webLinks: cellLines(row.web_links ?? '').map(([url = '', label = '']) => ({ url, label: label || null })),
  };
}

/** The column an input path came from. */
function columnOf(path: string, input: { texts?: { lang: Language }[] }): string {
  const [head = '', index, field] = path.split('.');
  switch (head) {
    case 'texts': {
      const lang = input.texts?.[Number(index)]?.lang ?? 'en';
      return field === 'description' ? `description_${lang}` : `title_${lang}`;
    }
    case 'leadOrganizationId':
      return 'lead_organization_id';
    case 'startDate':
      return 'start_date';
    case 'endDate':
      return 'end_date';
    case 'budget':
      return index === 'currency' ? 'budget_currency' : 'budget_amount';
    case 'webLinks':
      return 'web_links';
    default:
      return head;
  }
}

// ---------------------------------------------------------------- files

export type Format = 'csv' | 'xlsx';

export function toCsv(rows: Row[], columns: readonly string[]): string {
  return writeCsv([columns, ...rows.map((row) => columns.map((column) => row[column]))], { bom: true });
}

/** exceljs, loaded on first use: most requests never need it, and it is slow to load. */
const excel = async () => (await import('exceljs')).default;

export async function toXlsx(sheets: { name: string; columns: readonly string[]; rows: Row[] }[]): Promise<Uint8Array<ArrayBuffer>> {
  const book = new (await excel()).Workbook();
  book.creator = 'Concord';
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map((c) => ({ header: c, key: c, width: Math.min(60, Math.max(12, c.length + 2)) }));
    for (const row of sheet.rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The sheets an import reads: initiatives, and pledges (a workbook's second sheet or a second CSV file). */
export interface ImportSheets {
  initiatives: Row[];
  pledges: Row[];
}

/** A refusal that names the limit a file went over, beside the file field. */
const tooManyRows = () => new Refusal(413, 'transfer.tooManyRows', 'file', { max: importLimits.rows });

/** Keeps a row read from `sheet`, refusing it beyond the row cap or with a cell over the length cap. */
function keep(rows: Row[], row: Row, sheet: string, line: number): void {
  if (rows.length >= importLimits.rows) throw tooManyRows();
  for (const [column, value] of Object.entries(row)) {
    if (value.length > importLimits.cellChars)
      throw new Refusal(413, 'transfer.cellTooLong', 'file', { max: importLimits.cellChars, sheet, row: line, column });
  }
  rows.push(row);
}

/** Bytes of a file handed to a parser at a time, so that it never holds more than a few thousand rows unread. */
const PIECE = 16 * 1024;

function* pieces(bytes: Uint8Array): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += PIECE)
    yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(PIECE, bytes.length - at));
}

/**
 * Reads the rows of a CSV file (its header names the columns), streamed: reading stops with a
 * refusal at the first row past importLimits.rows or the first cell past importLimits.cellChars.
 */
export async function readCsv(bytes: Uint8Array, sheet: 'initiatives' | 'pledges' = 'initiatives'): Promise<Row[]> {
  const parser = Readable.from(pieces(bytes)).pipe(
    parseCsv({
      columns: true,
      skip_empty_lines: true,
      bom: true,
      trim: false,
      relax_column_count: false,
      info: true,
      // Cells the export guarded against spreadsheet formulas come back as they were.
      cast: (cell) => plainCell(cell),
    }),
  );
  const rows: Row[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
      keep(rows, record, sheet, info.lines);
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof Refusal) throw error;
    throw new Refusal(400, 'transfer.badCsv', 'file', { detail: error instanceof Error ? error.message : String(error) });
  }
  return rows;
}

/** What exceljs's streaming reader knows of the workbook once it has read workbook.xml and its relations. */
interface WorkbookParts {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/**
 * Reads the "initiatives" sheet (else the first) and the "pledges" sheet of an XLSX workbook, row
 * by row: the inflated size is checked first (zipLimits.xlsx, declared then actual), then rows
 * and cells are capped as in readCsv. Other sheets are skipped without keeping their rows.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<ImportSheets> {
  try {
    checkZipSize(bytes, zipLimits.xlsx);
  } catch (error) {
    if (error instanceof ZipTooLarge) throw new Refusal(413, 'transfer.expandsTooMuch', 'file', { mb: megabytes(error.limit) });
    throw new Refusal(400, 'transfer.badXlsx', 'file');
  }
  const reader = new (await excel()).stream.xlsx.WorkbookReader(Readable.from(pieces(bytes)), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const parts = reader as unknown as WorkbookParts;
  /** The sheet's name as the workbook lists it, and whether it is the first. */
  const sheetOf = (id: string): { name: string; first: boolean } => {
    const rel = parts.workbookRels?.find((r) => r.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/sheet${id}.xml`);
    const sheets = parts.model?.sheets ?? [];
    const index = sheets.findIndex((s) => s.rId === rel?.Id);
    return { name: sheets[index]?.name ?? '', first: index === 0 || (index < 0 && id === '1') };
  };
  const named = new Map<string, Row[]>();
  let first: Row[] = [];
  try {
    for await (const worksheet of reader) {
      const { name, first: isFirst } = sheetOf(String((worksheet as unknown as { id: string | number }).id));
      const wanted = name === 'initiatives' || name === 'pledges';
      if (!wanted && !isFirst) continue; // skipped rows are parsed but never kept
      const rows: Row[] = [];
      const header: string[] = [];
      for await (const r of worksheet) {
        if (r.number === 1) {
          r.eachCell({ includeEmpty: true }, (cell, col) => (header[col] = String(cell.text ?? '').trim()));
          continue;
        }
        const row: Row = {};
        header.forEach((column, col) => {
          if (column) row[column] = String(r.getCell(col).text ?? '');
        });
        if (Object.values(row).some((v) => v.trim() !== '')) keep(rows, row, name || 'initiatives', r.number);
      }
      if (wanted) named.set(name, rows);
      if (isFirst) first = rows;
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(400, 'transfer.badXlsx', 'file');
  }
  return { initiatives: named.get('initiatives') ?? first, pledges: named.get('pledges') ?? [] };
}

// ---------------------------------------------------------------- export

export async function exportRecords(
  db: Database,
  viewer: User | null,
  scope: 'published' | 'mine',
  source?: (typeof sourceFilterValues)[number],
) {
  const states =
    scope === 'published' ? (['published'] as const) : (['draft', 'submitted', 'returned', 'published', 'rejected', 'archived'] as const);
  const list = await queryInitiatives(db, {
    lang: 'en',
    states: [...states],
    organizationsOf: scope === 'mine' ? viewer?.id : undefined,
    source,
    limit: 100_000,
    offset: 0,
  });
  // Whole records a thousand at a time: a few queries per thousand, not per record.
  const ids = list.items.reverse().map((i) => i.id);
  const initiatives: Initiative[] = [];
  for (let from = 0; from < ids.length; from += 1000) initiatives.push(...(await getInitiatives(db, ids.slice(from, from + 1000), viewer)));
  // Pledges in one pass: the initiatives' (in their order), then organizations' own.
  const order = new Map(initiatives.map((i, k) => [i.id, k]));
  const pledges: Pledge[] = (
    await pledgesOfMany(
      db,
      initiatives.map((i) => i.id),
      viewer,
    )
  ).sort((a, b) => order.get(a.initiativeId!)! - order.get(b.initiativeId!)!);
  pledges.push(...(await ownPledges(db, viewer, scope)));
  return { initiatives, pledges };
}

// ---------------------------------------------------------------- import

export interface ImportIssue {
  sheet: 'initiatives' | 'pledges';
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

export interface ImportReport {
  ok: boolean;
  /** The first issues (importLimits.listedIssues at most), in row order within each sheet. */
  issues: ImportIssue[];
  /** All issues found, listed or not. */
  issueCount: number;
  created: number;
  updated: number;
  unchanged: number;
  pledgesCreated: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The parsed input an existing initiative corresponds to, for "nothing changed". */
function canonical(input: InitiativeInput) {
  return {
    ...input,
    texts: [...input.texts].sort((a, b) => a.lang.localeCompare(b.lang)),
    areas: [...input.areas].sort(),
    partners: [...input.partners].sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
    links: [...input.links].sort((a, b) => a.elementId.localeCompare(b.elementId)),
    webLinks: [...input.webLinks].sort((a, b) => a.url.localeCompare(b.url)),
    budget: input.budget ? { amount: Number(input.budget.amount), currency: input.budget.currency } : null,
  };
}

const refused = (issues: ImportIssue[]): ImportReport => ({
  ok: false,
  issues: issues.slice(0, importLimits.listedIssues),
  issueCount: issues.length,
  created: 0,
  updated: 0,
  unchanged: 0,
  pledgesCreated: 0,
});

/**
 * Imports initiative rows (and pledge rows for them) for `user`. Nothing is written unless every
 * row is valid; messages are in `lang`. New ids are kept, so an export re-imported elsewhere
 * keeps its identifiers; rows identical to the stored record change nothing.
 *
 * Every row is parsed and checked against the store before anything is written, in a few
 * queries for the whole file; new initiatives are then written set by set in short transactions,
 * hidden until the last one, so that on the embedded store (one connection, held by a
 * transaction) pages keep being served during a large import.
 */
/**
 * New initiatives written per transaction. On the embedded store a page waits for the transaction
 * in progress: ~100 rows hold it for a fraction of the 500 ms a page may take (bench/imports.ts).
 */
export const IMPORT_CHUNK = 100;

/** The items in runs of IMPORT_CHUNK, one transaction each. */
const chunked = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / IMPORT_CHUNK) }, (_, i) => items.slice(i * IMPORT_CHUNK, (i + 1) * IMPORT_CHUNK));

export async function importRecords(
  store: Store,
  user: User,
  initiativeRows: Row[],
  pledgeRows: Row[],
  lang: Language,
): Promise<ImportReport> {
  const t = translator(lang);
  const issues: ImportIssue[] = [];
  const say = (key: MessageKey, values?: MessageValues) => t(key, values);
  const plan: { id: string | null; input: InitiativeInput; existing: Initiative | undefined; row: number; areas: string[] }[] = [];
  const ids = new Set<string>();

  initiativeRows.forEach((row, index) => {
    const rowNumber = index + 2;
    const unknown = Object.keys(row).filter((c) => !(initiativeColumns as readonly string[]).includes(c));
    for (const c of unknown) issues.push({ sheet: 'initiatives', row: rowNumber, column: c, message: say('transfer.unknownColumn') });
    const raw = inputOf(row) as { texts?: { lang: Language }[] };
    const parsed = initiativeInput.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({
          sheet: 'initiatives',
          row: rowNumber,
          column: columnOf(issue.path.map(String).join('.'), raw),
          message: say(issue.message as MessageKey),
        });
      }
      return;
    }
    const id = row.id?.trim() || null;
    if (id && ids.has(id)) issues.push({ sheet: 'initiatives', row: rowNumber, column: 'id', message: say('transfer.duplicateId') });
    if (id) ids.add(id);
    plan.push({ id, input: parsed.data, existing: undefined, row: rowNumber, areas: [] });
  });

  // References and permissions for all rows at once (read-only): organizations, elements, areas.
  const checked = await checkInputs(
    store.db,
    user,
    plan.map((item) => item.input),
  );
  plan.forEach((item, k) => {
    const result = checked[k]!;
    if (result instanceof Refusal) {
      issues.push({
        sheet: 'initiatives',
        row: item.row,
        column: result.field ? columnOf(result.field, item.input) : 'id',
        message: t(result.key, result.values),
      });
    } else item.areas = result.areas;
  });
  // Rows naming a stored initiative update it, if the user may see and change it.
  const named = plan.flatMap((item) => (item.id ? [item.id] : []));
  const stored = new Set(
    (await store.db.query<{ id: string }>(sql`SELECT id FROM initiatives WHERE id = ANY(${pgTextArray(named)}::text[])`)).map((r) => r.id),
  );
  const visible = new Map((await getInitiatives(store.db, [...stored], user)).map((i) => [i.id, i]));
  // A row that changes a record needs the right to edit it, in a state that allows it (every such
  // row is reported here; finishImport checks again under lock). Unchanged rows are left alone.
  const refusalOf = editRule(store.db, user);
  for (const item of plan) {
    if (!item.id || !stored.has(item.id)) continue;
    item.existing = visible.get(item.id);
    if (!item.existing) {
      issues.push({ sheet: 'initiatives', row: item.row, column: 'id', message: say('initiative.notYours') });
      continue;
    }
    if (same(canonical(initiativeInput.parse(inputOf(initiativeRow(item.existing)))), canonical(item.input))) continue;
    const refusal = await refusalOf(editedRecord(item.existing));
    if (refusal) issues.push({ sheet: 'initiatives', row: item.row, column: 'id', message: t(refusal.key, refusal.values) });
  }

  const pledgePlan: {
    row: number;
    initiativeId: string;
    organizationId: string;
    input: ReturnType<typeof pledgeInput.parse>;
    id: string | null;
  }[] = [];
  pledgeRows.forEach((row, index) => {
    const rowNumber = index + 2;
    const parsed = pledgeInput.safeParse({
      metric: row.metric ?? '',
      unit: row.unit ?? '',
      baselineValue: row.baseline_value ?? '',
      baselineDate: row.baseline_date ?? '',
      targetValue: row.target_value ?? '',
      targetDate: row.target_date ?? '',
      beneficiaries: row.beneficiaries || null,
      weight: row.weight || null,
      areas: splitCodes(row.areas ?? ''),
    });
    // Without an initiative, the row is an organization's own pledge: it names the organization.
    const initiativeId = row.initiative_id?.trim() ?? '';
    const organizationId = row.organization_id?.trim() ?? '';
    if (!initiativeId && !organizationId)
      issues.push({ sheet: 'pledges', row: rowNumber, column: 'organization_id', message: say('form.required') });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '').replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
        issues.push({ sheet: 'pledges', row: rowNumber, column, message: say(issue.message as MessageKey) });
      }
      return;
    }
    pledgePlan.push({ row: rowNumber, initiativeId, organizationId, input: parsed.data, id: row.id?.trim() || null });
  });

  if (issues.length) {
    const sheetOrder = { initiatives: 0, pledges: 1 };
    return refused(issues.sort((a, b) => sheetOrder[a.sheet] - sheetOrder[b.sheet] || a.row - b.row));
  }

  // What changes, decided before the transaction: rows identical to the stored record are left.
  const creations = plan.filter((item) => !item.existing);
  const updates = plan.filter(
    (item) => item.existing && !same(canonical(initiativeInput.parse(inputOf(initiativeRow(item.existing)))), canonical(item.input)),
  );
  const unchanged = plan.length - creations.length - updates.length;

  // Write everything, or nothing, without holding the store for long: new initiatives go in short
  // transactions of IMPORT_CHUNK rows, written `importing` and seen by no reader, and so does the
  // new content of updated ones (stageUpdates); one short last transaction makes the new ones
  // drafts, decides the updates (finishImport's commit point) and writes the pledges; then the new
  // content is handed over to the updated records in short transactions (handOverImport). On a
  // refusal or failure before the commit point what was written is deleted; after a crash, start-up
  // deletes it (discardImport in main.ts), or completes the hand-over of a decided import.
  let pledgesCreated = 0;
  let current: { sheet: ImportIssue['sheet']; row: number } = { sheet: 'initiatives', row: 0 };
  // A refusal of one of many written together names the row it came from.
  const rowOf =
    (items: readonly { row: number }[], sheet: ImportIssue['sheet']) =>
    (error: unknown): never => {
      if (!(error instanceof ItemRefusal)) throw error;
      current = { sheet, row: items[error.index]!.row };
      throw error.refusal;
    };
  const importId = randomUUID();
  try {
    const newIds = new Map<string, string>();
    // New records and the new content of updated ones, chunk by chunk, each in a transaction of its own.
    const staging = [
      ...chunked(creations).map((chunk) => ({ kind: 'create' as const, chunk })),
      ...chunked(updates).map((chunk) => ({ kind: 'update' as const, chunk })),
    ];
    let lastChunkMs = 0;
    for (const [k, { kind, chunk }] of staging.entries()) {
      current = { sheet: 'initiatives', row: chunk[0]!.row };
      if (k > 0) await yieldToReaders(store, lastChunkMs);
      const chunkStarted = performance.now();
      if (kind === 'create') {
        const made = await store.transaction((tx) =>
          createInitiatives(
            tx,
            user,
            chunk.map((item) => ({ id: item.id ?? undefined, input: item.input, areas: item.areas })),
            importId,
          ),
        );
        chunk.forEach((item, i) => {
          if (item.id) newIds.set(item.id, made[i]!.id);
        });
      } else {
        await store.transaction((tx) =>
          stageUpdates(
            tx,
            user,
            chunk.map((item) => ({ before: item.existing!, input: item.input, areas: item.areas })),
            importId,
          ),
        );
      }
      lastChunkMs = performance.now() - chunkStarted;
    }
    // The last transaction makes the new records drafts, decides the updates and writes the
    // pledges, in a handful of statements each whatever their number.
    const pledgeItems: (typeof pledgePlan)[number][] = [];
    await store.transaction(async (tx) => {
      current = { sheet: 'initiatives', row: updates[0]?.row ?? 0 };
      await finishImport(tx, user, importId, {
        created: creations.length,
        updates: updates.map((item) => ({ id: item.existing!.id, version: item.existing!.version })),
      }).catch(rowOf(updates, 'initiatives'));
      // Pledges already there stay as they are.
      const given = pledgePlan.flatMap((item) => (item.id ? [item.id] : []));
      const present = new Set(
        (await tx.query<{ id: string }>(sql`SELECT id FROM pledges WHERE id = ANY(${pgTextArray(given)}::text[])`)).map((r) => r.id),
      );
      pledgeItems.push(...pledgePlan.filter((item) => !item.id || !present.has(item.id)));
      current = { sheet: 'pledges', row: pledgeItems[0]?.row ?? 0 };
      await createPledges(
        tx,
        user,
        pledgeItems.map((item) => {
          const initiativeId = item.initiativeId ? (newIds.get(item.initiativeId) ?? item.initiativeId) : null;
          return {
            initiativeId,
            input: item.input,
            organizationId: initiativeId ? undefined : item.organizationId,
            id: item.id ?? undefined,
          };
        }),
      ).catch(rowOf(pledgeItems, 'pledges'));
      pledgesCreated = pledgeItems.length;
    });
  } catch (error) {
    // The last transaction rolled back: the staged rows are still `importing`, and go.
    if (creations.length || updates.length) await discardImport(store, importId);
    if (error instanceof Refusal) {
      return refused([
        {
          sheet: current.sheet,
          row: current.row,
          column: error.field ? columnOf(error.field, {}) : 'id',
          message: t(error.key, error.values),
        },
      ]);
    }
    throw error;
  }
  // Decided: the updates' new content goes to their records a chunk at a time (a crash meanwhile
  // leaves the rest to the next start, which completes it, never to a cleanup).
  if (updates.length) await handOverImport(store, importId);
  return { ok: true, issues: [], issueCount: 0, created: creations.length, updated: updates.length, unchanged, pledgesCreated };
}
