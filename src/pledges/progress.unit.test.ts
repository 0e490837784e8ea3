import { describe, expect, it } from 'vitest';
import { assessPledge, decimalsOf, expectedValue, progressPercent, rollUp } from './progress.ts';

// 1,000 schools connected from 200 (2024-01-01) by 2028-01-01: 200 a year on the line.
const pledge = {
  baselineValue: 200,
  baselineDate: '2024-01-01',
  targetValue: 1000,
  targetDate: '2028-01-01',
  createdAt: '2024-01-15T00:00:00Z',
};

describe('pledge status', () => {
  it('expects a straight line from baseline to target', () => {
    expect(expectedValue(pledge, '2026-01-01')).toBeCloseTo(600, 0);
    expect(expectedValue(pledge, '2030-01-01')).toBe(1000);
  });

  it('is on track at 90% of the expected change, off track below', () => {
    // Expected by 2026-01-01: about +400 (the line counts days). 362 covers over 90%; 350 does not.
    expect(assessPledge(pledge, [{ date: '2026-01-01', value: 562 }], '2026-03-01').status).toBe('on-track');
    const off = assessPledge(pledge, [{ date: '2026-01-01', value: 550 }], '2026-03-01');
    expect(off.status).toBe('off-track');
    expect(off.coverage).toBeCloseTo(0.875, 2);
    expect(off.progressPercent).toBe(43.8);
  });

  it('is achieved when the target is reached, whatever the date', () => {
    expect(assessPledge(pledge, [{ date: '2025-06-01', value: 1000 }], '2029-01-01').status).toBe('achieved');
  });

  it('is overdue past the target date without reaching it', () => {
    expect(assessPledge(pledge, [{ date: '2027-12-01', value: 990 }], '2028-02-01').status).toBe('overdue');
  });

  it('has no report after 12 months of silence, and is inactive after 24', () => {
    expect(assessPledge(pledge, [{ date: '2025-01-01', value: 400 }], '2026-02-01').status).toBe('no-report');
    expect(assessPledge(pledge, [{ date: '2025-01-01', value: 400 }], '2027-02-01').status).toBe('inactive');
    expect(assessPledge(pledge, [], '2024-06-01').status).toBe('awaiting-report');
    expect(assessPledge(pledge, [], '2025-03-01').status).toBe('no-report');
  });

  it('works for targets that go down (e.g. cost of 1 GB from 8 to 2 USD)', () => {
    const down = { baselineValue: 8, baselineDate: '2024-01-01', targetValue: 2, targetDate: '2028-01-01', createdAt: '2024-01-01' };
    expect(assessPledge(down, [{ date: '2026-01-01', value: 5 }], '2026-02-01').status).toBe('on-track');
    expect(assessPledge(down, [{ date: '2026-01-01', value: 7 }], '2026-02-01').status).toBe('off-track');
    expect(assessPledge(down, [{ date: '2026-01-01', value: 1.5 }], '2026-02-01').status).toBe('achieved');
    expect(progressPercent(down, 5)).toBe(50);
  });
});

describe('initiative roll-up', () => {
  it('is the mean of its pledges, or weighted when every pledge has a weight', () => {
    expect(
      rollUp([
        { progressPercent: 50, weight: null },
        { progressPercent: 100, weight: null },
      ]),
    ).toBe(75);
    expect(
      rollUp([
        { progressPercent: 50, weight: 3 },
        { progressPercent: 100, weight: 1 },
      ]),
    ).toBe(62.5);
    expect(rollUp([{ progressPercent: null, weight: null }])).toBeNull();
  });
});

describe('decimalsOf', () => {
  it('shows a pledge counted in whole units without decimals, and keeps the decimals its figures use', () => {
    expect(decimalsOf({ baselineValue: 0, targetValue: 40000, updates: [{ value: 1200 }] })).toBe(0);
    expect(decimalsOf({ baselineValue: 12.5, targetValue: 60, updates: [] })).toBe(1);
    expect(decimalsOf({ baselineValue: 0, targetValue: 1, updates: [{ value: 0.125 }] })).toBe(3);
    expect(decimalsOf({ baselineValue: 0, targetValue: 1, updates: [{ value: 1 / 3 }] })).toBe(3);
  });
});
