// Long-format CSV: one observation per row, the format analysts edit in a spreadsheet. What is
// read is written back with the same columns (issue 5, item 4), and re-reading an export changes
// nothing.
//
//   series,area,period,SEX,value,unit,unit_mult,obs_status,source,notes
//   IT.NET.USER.FE.ZS,001,2024,F,68.2,PT,,E,wdi-2025,
//
// Columns in lower case are Concord's fields; any other column is a disaggregation dimension,
// named by its SDMX id (SEX, AGE, URBANISATION...), empty for the total.
import { parse } from 'csv-parse/sync';
import { plainCell, writeCsv, type CsvCell } from '../shared/csv.ts';
import { compareObservations, type Observation } from './observation.ts';
import {
  finalise,
  idPattern,
  type Draft,
  type Field,
  type FieldNames,
  type ImportContext,
  type ImportIssue,
  type ImportResult,
} from './validate.ts';

/** Concord's fields and their column names. */
export const longFields: FieldNames = {
  series: 'series',
  area: 'area',
  period: 'period',
  value: 'value',
  unit: 'unit',
  unitMultiplier: 'unit_mult',
  status: 'obs_status',
  source: 'source',
  notes: 'notes',
};
const requiredColumns = ['series', 'area', 'period', 'value', 'unit', 'source'];
const fieldOfColumn = new Map(Object.entries(longFields).map(([field, column]) => [column, field as Field]));

/** A CSV record with the line it starts on (1-based). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Splits CSV text into rows with their line numbers; a malformed file gives one issue instead. */
export function readCsvRows(text: string, delimiter = ','): { rows: CsvRow[] } | { issue: ImportIssue } {
  // Fast path: without quotes or carriage returns a CSV record is a line and its cells are split on
  // the delimiter (about three times faster than the general parser on a million rows).
  if (!text.includes('"') && !text.includes('\r')) {
    const rows: CsvRow[] = [];
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line) rows.push({ line: i + 1, cells: line.split(delimiter).map(plainCell) });
    }
    return { rows };
  }
  try {
    const records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return { rows: records.map((r) => ({ line: r.info.lines, cells: r.record.map(plainCell) })) };
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return { issue: { row: lines ?? 0, field: '', code: 'malformed', message: `not valid CSV: ${(error as Error).message}` } };
  }
}

/** Checks a header row: no duplicates, required columns present, dimension names valid SDMX ids. */
function checkHeader(header: readonly string[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) issues.push({ row: 1, field: column, code: 'duplicate-column', message: `column ${column} appears twice` });
    seen.add(column);
    if (!fieldOfColumn.has(column) && !idPattern.test(column)) {
      issues.push({
        row: 1,
        field: column,
        code: 'unknown-column',
        message: `column ${JSON.stringify(column)} is neither a field nor a dimension id (letters, digits, _ @ $ -)`,
      });
    }
  }
  for (const column of requiredColumns)
    if (!seen.has(column)) issues.push({ row: 1, field: column, code: 'missing-column', message: `no ${column} column` });
  return issues;
}

/**
 * Parses long-format CSV. All or nothing: either every row becomes an observation, or the result
 * lists every issue (line, column, code, message) and no observation. `columns` is the header as
 * read, to write the data back the same way.
 *
 * @example
 * const result = parseObservationsCsv(text, { resolveArea: catalog.resolve });
 * if (!result.ok) console.log(formatIssues(result.issues));
 */
export function parseObservationsCsv(text: string, ctx: ImportContext): ImportResult {
  const read = readCsvRows(text);
  if ('issue' in read) return { ok: false, issues: [read.issue], notices: [] };
  const [head, ...body] = read.rows;
  if (!head) return { ok: false, issues: [{ row: 1, field: '', code: 'malformed', message: 'the file is empty' }], notices: [] };
  const header = head.cells.map((c) => c.trim());
  const headerIssues = checkHeader(header);
  if (headerIssues.length > 0) return { ok: false, issues: headerIssues, notices: [] };

  const issues: ImportIssue[] = [];
  const drafts: Draft[] = [];
  for (const { line, cells } of body) {
    if (cells.length !== header.length) {
      issues.push({ row: line, field: '', code: 'malformed', message: `${cells.length} cells where the header has ${header.length}` });
      continue;
    }
    const draft: Draft = { row: line, fields: {}, dimensions: {} };
    header.forEach((column, i) => {
      const cell = cells[i] ?? '';
      const field = fieldOfColumn.get(column);
      if (field) draft.fields[field] = cell;
      else draft.dimensions[column] = cell;
    });
    drafts.push(draft);
  }
  return finalise(drafts, ctx, longFields, { issues, columns: header });
}

/** The columns written when none are given: fields, with the dimensions used after `period`. */
export function defaultColumns(observations: readonly Observation[]): string[] {
  const dims = [...new Set(observations.flatMap((o) => Object.keys(o.dimensions)))].sort();
  return ['series', 'area', 'period', ...dims, 'value', 'unit', 'unit_mult', 'obs_status', 'source', 'notes'];
}

/**
 * Writes long-format CSV, with the given columns (e.g. those parseObservationsCsv returned) or the
 * default ones. Throws if an observation has something the columns cannot hold (a dimension or a
 * status without its column): data is never dropped silently. Numbers are written in the shortest
 * form that reads back to the same value.
 */
export function writeObservationsCsv(observations: readonly Observation[], options: { columns?: readonly string[] } = {}): string {
  const columns = options.columns ? [...options.columns] : defaultColumns(observations);
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new Error(`columns lack ${missing.join(', ')}`);
  const rows = [...observations].sort(compareObservations).map((o) => {
    for (const dim of Object.keys(o.dimensions))
      if (!columns.includes(dim)) throw new Error(`no column for dimension ${dim} (${o.series} ${o.area} ${o.period})`);
    const cell = (column: string): CsvCell => {
      switch (fieldOfColumn.get(column)) {
        case 'series':
          return o.series;
        case 'area':
          return o.area;
        case 'period':
          return o.period;
        case 'value':
          return o.value;
        case 'unit':
          return o.unit;
        case 'unitMultiplier':
          return o.unitMultiplier;
        case 'status':
          return o.status ?? '';
        case 'source':
          return o.source;
        case 'notes':
          return o.notes ?? '';
        case undefined:
          return o.dimensions[column] ?? '';
      }
    };
    for (const [field, present] of [
      ['unit_mult', o.unitMultiplier !== undefined],
      ['obs_status', o.status !== undefined],
      ['notes', o.notes !== undefined],
    ] as const) {
      if (present && !columns.includes(field)) throw new Error(`no ${field} column for ${o.series} ${o.area} ${o.period}`);
    }
    return columns.map(cell);
  });
  return writeCsv([columns, ...rows], { record_delimiter: '\n' });
}
