// Every CSV Concord writes goes through here, so that no cell reaches a spreadsheet program as a
// formula (CSV injection), and every CSV importer reads those cells back as they were written.
import { stringify, type Options } from 'csv-stringify/sync';

/** A cell as Concord writes it: numbers are written as numbers, null as an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet program read a cell as a formula (OWASP, "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection): `=`, `+`, `-`, `@`, tab and carriage return.
 */
const formulaStart = /^[=+\-@\t\r]/;
/** A plain decimal number (`-3.5`, `-1e5`) is read as a number, never as a formula. */
const plainNumber = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Would a spreadsheet read this text as a formula, or is it text that starts with the quote this
 * module adds (so that reading it back is exact: `'=x` is written `''=x`)?
 */
function needsQuote(text: string): boolean {
  if (formulaStart.test(text)) return !plainNumber.test(text);
  return text.startsWith("'") && needsQuote(text.slice(1));
}

/**
 * The cell as it is safe to write: text that a spreadsheet would read as a formula gets a leading
 * single quote (OWASP's rule), numbers stay numbers.
 *
 * @example
 * spreadsheetSafe('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * spreadsheetSafe(-3.5) // -3.5
 * spreadsheetSafe('-3.5') // '-3.5'
 */
export function spreadsheetSafe(cell: CsvCell): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return cell;
  const text = String(cell);
  return needsQuote(text) ? `'${text}` : text;
}

/**
 * A cell as it was before `spreadsheetSafe`: importers call it on every cell they read, so that
 * importing an export changes nothing.
 *
 * @example
 * plainCell("'=SUM(A1)") // '=SUM(A1)'
 * plainCell("'quoted") // "'quoted" (not a quote this module added)
 */
export function plainCell(cell: string): string {
  return cell.startsWith("'") && needsQuote(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Writes rows (the header first, if any) as CSV, every cell through `spreadsheetSafe`.
 *
 * @example
 * writeCsv([['title', 'value'], ['=1+1', -2]], { record_delimiter: '\n' }) // "title,value\n'=1+1,-2\n"
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: Pick<Options, 'bom' | 'record_delimiter'> = {}): string {
  return stringify(
    rows.map((row) => row.map(spreadsheetSafe)),
    options,
  );
}
