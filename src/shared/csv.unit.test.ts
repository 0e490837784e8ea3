// The spreadsheet guard of every CSV Concord writes: OWASP's rule on text, numbers left alone,
// and reading a written cell back gives exactly what was written.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { plainCell, spreadsheetSafe, writeCsv } from './csv.ts';

describe('spreadsheet-safe CSV cells', () => {
  it('prefixes text that a spreadsheet would read as a formula', () => {
    for (const cell of ['=1+1', '+SUM(A1)', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'])
      expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
    for (const cell of ['plain', 'a=b', ' =1', '', '3.5', 'Côte d’Ivoire', 'تنمية']) expect(spreadsheetSafe(cell)).toBe(cell);
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect(spreadsheetSafe(-3.5)).toBe(-3.5);
    expect(spreadsheetSafe('-3.5')).toBe('-3.5');
    expect(spreadsheetSafe('-1e5')).toBe('-1e5');
    expect(spreadsheetSafe(null)).toBe('');
    expect(
      writeCsv(
        [
          ['value', 'note'],
          [-3.5, '-cmd'],
        ],
        { record_delimiter: '\n' },
      ),
    ).toBe("value,note\n-3.5,'-cmd\n");
  });

  it('reads back every cell exactly as it was before the guard', () => {
    const cells = ['=1+1', "'=1+1", "''=x", "'quoted", "'", '-3.5', "'-3.5", '@home', 'plain', '\t=tab', "'\r"];
    for (const cell of cells) expect(plainCell(String(spreadsheetSafe(cell)))).toBe(cell);
    const [row] = parse(writeCsv([cells]), { relax_quotes: true });
    expect(row!.map(plainCell)).toEqual(cells);
  });
});
