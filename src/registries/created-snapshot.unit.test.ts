// The budget amount a created record's history keeps is the one the store gives back
// (numeric(18, 2)): these pairs are what PostgreSQL 15 answered for `'<text>'::numeric(18,2)`.
import { expect, it } from 'vitest';
import { moneyText } from './created-snapshot.ts';

it('writes an amount as the budget column gives it back: two places, rounded half away from zero', () => {
  const stored: [number, string][] = [
    [3000, '3000.00'],
    [9270.5, '9270.50'],
    [0.125, '0.13'],
    [1.005, '1.01'],
    [0.1 + 0.2, '0.30'],
    [-2.5, '-2.50'],
    [-0.001, '0.00'],
    [123456789.995, '123456790.00'],
    [1e-7, '0.00'],
    [0, '0.00'],
  ];
  for (const [value, text] of stored) expect(moneyText(value), String(value)).toBe(text);
});
