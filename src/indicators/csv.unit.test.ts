// The unquoted fast path of readCsvRows reads what the general CSV parser reads, line numbers included.
import { describe, expect, it } from 'vitest';
import { readCsvRows } from './csv.ts';

describe('readCsvRows', () => {
  it('gives the same rows and line numbers with and without quotes', () => {
    const plain = '\uFEFFseries,area,period,value\nA,GBR,2024,1.5\n\nA,FRA,2024,2,extra\n';
    const quoted = plain.replace('GBR', '"GBR"');
    const fast = readCsvRows(plain);
    const general = readCsvRows(quoted);
    expect(fast).toEqual(general);
    expect('rows' in fast && fast.rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });
});
