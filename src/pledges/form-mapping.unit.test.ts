import { describe, expect, it } from 'vitest';
import { pledgeFields, pledgeNotice, transactionFields, updateFields } from './form-mapping.ts';

describe('pledge form mapping', () => {
  it('reads a new pledge: numbers, blank optional fields as null, area codes split', () => {
    const parsed = pledgeFields({
      metric: ' Schools connected ',
      unit: 'schools',
      baselineValue: '0',
      baselineDate: '2024-01-01',
      targetValue: '1200',
      targetDate: '2027-12-31',
      beneficiaries: '',
      weight: '',
      areas: 'KEN, TZA;UGA',
    });
    expect(parsed.success && parsed.data).toEqual({
      metric: 'Schools connected',
      unit: 'schools',
      baselineValue: 0,
      baselineDate: '2024-01-01',
      targetValue: 1200,
      targetDate: '2027-12-31',
      beneficiaries: null,
      weight: null,
      areas: ['KEN', 'TZA', 'UGA'],
    });
  });

  it('names the field of a target before its baseline, and of a number that is not one', () => {
    const result = pledgeFields({
      metric: 'Schools connected',
      unit: 'schools',
      baselineValue: 'many',
      baselineDate: '2027-01-01',
      targetValue: '10',
      targetDate: '2026-01-01',
    });
    const fields = (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);
    expect(fields).toContainEqual(['baselineValue', 'form.numberInvalid']);
    expect(result.success).toBe(false);
  });

  it('reads a progress report with the first of repeated values, and no evidence as null', () => {
    const parsed = updateFields({
      date: ['2025-06-30', '2025-07-01'],
      value: '420',
      narrative: 'Two districts connected.',
      evidenceUrl: ' ',
    });
    expect(parsed.success && parsed.data).toEqual({
      date: '2025-06-30',
      value: 420,
      narrative: 'Two districts connected.',
      evidenceUrl: null,
    });
  });

  it('reads a transaction, its currency in capitals', () => {
    const parsed = transactionFields({ kind: 'committed', amount: '2500.50', currency: 'eur', date: '2025-03-01', note: '' });
    expect(parsed.success && parsed.data).toEqual({ kind: 'committed', amount: 2500.5, currency: 'EUR', date: '2025-03-01', note: null });
    const refused = transactionFields({ kind: 'promised', amount: '-1', currency: 'EURO', date: 'x' });
    expect(new Set(refused.error?.issues.map((i) => i.path[0]))).toEqual(new Set(['kind', 'amount', 'currency', 'date']));
  });

  it('opens a pledge page with the notice of the form that led there', () => {
    expect(pledgeNotice('pledge', true)).toBe('sentForReview');
    expect(pledgeNotice('pledge', false)).toBeUndefined();
    expect(pledgeNotice('progress', false)).toBe('progress');
    expect(pledgeNotice('transaction', true)).toBe('transaction');
    expect(pledgeNotice(undefined, true)).toBeUndefined();
  });
});
