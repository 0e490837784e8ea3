// Import and export of initiatives and their pledges as CSV or XLSX, with the same columns
// out as in. An import is all or nothing: every row is checked first, and one bad row imports
// nothing and is reported by row and field; re-importing an export changes nothing.
import { parse as parseCsv } from 'csv-parse/sync';
import { sql, type Database, type Store } from '../store/index.ts';
import { plainCell, writeCsv } from '../shared/csv.ts';
import { splitCodes } from '../areas/index.ts';
import { translator, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { languages, type Language } from '../language/languages.ts';
import { Refusal } from '../shared/refusal.ts';
import type { User } from '../accounts/service.ts';
import { initiativeInput, type InitiativeInput } from './model.ts';
import {
  checkInput,
  createInitiative,
  getInitiative,
  getInitiatives,
  queryInitiatives,
  updateInitiative,
  type Initiative,
} from './service.ts';
import { createPledge, ownPledges, pledgeInput, pledgesOfMany, type Pledge } from '../pledges/service.ts';

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

/** Reads the rows of a CSV file, or of the named sheet (else the first) of an XLSX workbook. */
export async function readRows(bytes: Uint8Array, format: Format, sheetName: string): Promise<Row[]> {
  if (format === 'csv') {
    try {
      return parseCsv<Row>(Buffer.from(bytes).toString('utf8'), {
        columns: true,
        skip_empty_lines: true,
        bom: true,
        trim: false,
        relax_column_count: false,
        // Cells the export guarded against spreadsheet formulas come back as they were.
        cast: (cell) => plainCell(cell),
      });
    } catch (error) {
      throw new Refusal(400, 'transfer.badCsv', 'file', { detail: error instanceof Error ? error.message : String(error) });
    }
  }
  const book = new (await excel()).Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new Refusal(400, 'transfer.badXlsx', 'file');
  }
  const ws = book.getWorksheet(sheetName) ?? book.worksheets[0];
  if (!ws) return [];
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col] = String(cell.text ?? '').trim()));
  const rows: Row[] = [];
  ws.eachRow({ includeEmpty: false }, (r, number) => {
    if (number === 1) return;
    const row: Row = {};
    header.forEach((name, col) => {
      if (name) row[name] = String(r.getCell(col).text ?? '');
    });
    if (Object.values(row).some((v) => v.trim() !== '')) rows.push(row);
  });
  return rows;
}

// ---------------------------------------------------------------- export

export async function exportRecords(db: Database, viewer: User | null, scope: 'published' | 'mine') {
  const states =
    scope === 'published' ? (['published'] as const) : (['draft', 'submitted', 'returned', 'published', 'rejected', 'archived'] as const);
  const list = await queryInitiatives(db, {
    lang: 'en',
    states: [...states],
    organizationsOf: scope === 'mine' ? viewer?.id : undefined,
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
  issues: ImportIssue[];
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

/**
 * Imports initiative rows (and pledge rows for them) for `user`. Nothing is written unless every
 * row is valid; messages are in `lang`. New ids are kept, so an export re-imported elsewhere
 * keeps its identifiers; rows identical to the stored record change nothing.
 */
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
  const plan: { id: string | null; input: InitiativeInput; existing: Initiative | undefined; row: number }[] = [];
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
    plan.push({ id, input: parsed.data, existing: undefined, row: rowNumber });
  });

  // References and permissions, row by row (read-only): organizations, elements, areas.
  for (const item of plan) {
    try {
      await checkInput(store.db, user, item.input);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      issues.push({
        sheet: 'initiatives',
        row: item.row,
        column: error.field ? columnOf(error.field, item.input) : 'id',
        message: t(error.key, error.values),
      });
    }
    if (item.id) {
      const [found] = await store.db.query<{ id: string }>(sql`SELECT id FROM initiatives WHERE id = ${item.id}`);
      if (found) {
        item.existing = await getInitiative(store.db, item.id, user);
        if (!item.existing) issues.push({ sheet: 'initiatives', row: item.row, column: 'id', message: say('initiative.notYours') });
      }
    }
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

  if (issues.length) return { ok: false, issues, created: 0, updated: 0, unchanged: 0, pledgesCreated: 0 };

  // Write everything, or nothing: the first refusal rolls the whole import back and is reported.
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let pledgesCreated = 0;
  let current: { sheet: ImportIssue['sheet']; row: number } = { sheet: 'initiatives', row: 0 };
  try {
    await store.transaction(async (tx) => {
      const scoped: Store = { ...store, db: tx, transaction: (work) => work(tx) };
      const newIds = new Map<string, string>();
      for (const item of plan) {
        current = { sheet: 'initiatives', row: item.row };
        if (item.existing) {
          const before = initiativeInput.parse(inputOf(initiativeRow(item.existing)));
          if (same(canonical(before), canonical(item.input))) {
            unchanged++;
            continue;
          }
          await updateInitiative(scoped, user, item.existing.id, item.input, item.existing.version);
          updated++;
        } else {
          const made = await createInitiative(scoped, user, item.input, item.id ?? undefined);
          if (item.id) newIds.set(item.id, made.id);
          created++;
        }
      }
      for (const item of pledgePlan) {
        current = { sheet: 'pledges', row: item.row };
        const initiativeId = item.initiativeId ? (newIds.get(item.initiativeId) ?? item.initiativeId) : null;
        if (item.id) {
          const [exists] = await tx.query<{ id: string }>(sql`SELECT id FROM pledges WHERE id = ${item.id}`);
          if (exists) continue; // pledges already there stay as they are
        }
        await createPledge(scoped, user, initiativeId, item.input, initiativeId ? undefined : item.organizationId, item.id ?? undefined);
        pledgesCreated++;
      }
    });
  } catch (error) {
    if (error instanceof Refusal) {
      return {
        ok: false,
        issues: [
          {
            sheet: current.sheet,
            row: current.row,
            column: error.field ? columnOf(error.field, {}) : 'id',
            message: t(error.key, error.values),
          },
        ],
        created: 0,
        updated: 0,
        unchanged: 0,
        pledgesCreated: 0,
      };
    }
    throw error;
  }
  return { ok: true, issues: [], created, updated, unchanged, pledgesCreated };
}
