// Progress assessment: the worked examples of INDICATORS.md section 2.4 (inputs from the shipped
// WDI release) and the edge cases the issue names.
import { describe, expect, it } from 'vitest';
import {
  assessParity,
  assessProgress,
  genderParityScore,
  projectToYear,
  rollUpStatcan,
  urbanRuralGap,
  type AssessmentInput,
  type Point,
} from './assessment.ts';

const share = { direction: 'increase', target: { value: 100, year: 2030 }, limits: { min: 0, max: 100 } } as const;
const series = (...pairs: [number, number][]): Point[] => pairs.map(([year, value]) => ({ year, value }));
// INDICATORS.md 2.4 inputs (global/internet-use-total-aggregates.wdi.csv).
const world = series([2015, 39.9], [2024, 71.2]);
const ldcs = series([2015, 10.7], [2024, 31.4]);
const highIncome = series([2015, 78.3], [2024, 93.0]);

describe('unsd-2022-cr (the default): INDICATORS.md 2.4 worked examples', () => {
  it.each([
    ['World', world, 0.0665, 0.0632, 1.05, 'on-track'],
    ['LDCs', ldcs, 0.127, 0.161, 0.79, 'fair'],
    ['High income', highIncome, 0.0193, 0.0164, 1.17, 'on-track'],
  ] as const)('%s: CAGR_a, CAGR_r, CR and category', (_name, points, cagrA, cagrR, cr, category) => {
    const result = assessProgress({ ...share, points });
    expect(result.method).toBe('unsd-2022-cr');
    expect(result.status).toBe('assessed');
    expect(result.components.cagrActual).toBeCloseTo(cagrA, 3);
    expect(result.components.cagrRequired).toBeCloseTo(cagrR, 3);
    expect(result.components.ratio).toBeCloseTo(cr, 2);
    expect(result.category).toBe(category);
  });

  it('carries every component: base, latest, target, direction, method and version', () => {
    const result = assessProgress({ ...share, points: ldcs });
    expect(result).toMatchObject({
      method: 'unsd-2022-cr',
      methodVersion: expect.stringMatching(/2022/) as unknown,
      label: 'Fair progress but acceleration needed',
      targetAchieved: false,
      reason: null,
      components: {
        baseYear: 2015,
        baseValue: 10.7,
        latestYear: 2024,
        latestValue: 31.4,
        targetYear: 2030,
        targetValue: 100,
        direction: 'increase',
        ratioName: 'CR',
      },
    });
    expect(result.components.thresholds).toMatchObject({ onTrack: 0.95, fair: 0.5, limited: -0.1 });
  });

  it('projects the world to 100 %, not 104.7 %, and says the trend saturates', () => {
    const result = assessProgress({ ...share, points: world });
    expect(result.components.saturated).toBe(true);
    expect(result.projection).toMatchObject({ method: 'cagr', year: 2030, value: 100, clamped: true });
    expect(result.projection?.unclampedValue).toBeCloseTo(104.7, 1);
    expect(result.projection?.description).toMatch(/natural limit 100/);
  });
});

describe('unsd-2023-expected: INDICATORS.md 2.4 worked examples', () => {
  it.each([
    ['World', world, 104.7, 1.08, 1.0, 'met-or-almost-met'],
    ['LDCs', ldcs, 64.4, 0.6, 0.6, 'moderate'],
    ['High income', highIncome, 104.3, 1.2, 1.0, 'met-or-almost-met'],
  ] as const)('%s: expected 2030 value, P and category', (_name, points, expected, pUnclamped, p, category) => {
    const result = assessProgress({ ...share, points, method: 'unsd-2023-expected' });
    expect(result.components.expectedValueUnclamped).toBeCloseTo(expected, 1);
    expect(result.components.ratioUnclamped).toBeCloseTo(pUnclamped, 2);
    expect(result.components.ratio).toBeCloseTo(p, 2);
    expect(result.components.expectedValue).toBeLessThanOrEqual(100);
    expect(result.category).toBe(category);
  });

  it('bands P as the R implementation does, with the stagnation floor configurable', () => {
    // P for 20 → 21 (2015-2024), target 100: small positive progress.
    const slow = series([2015, 20], [2024, 21]);
    const base = { ...share, points: slow, method: 'unsd-2023-expected' } as const;
    expect(assessProgress(base).category).toBe('stagnation');
    const falling = series([2015, 20], [2024, 19]);
    expect(assessProgress({ ...base, points: falling }).category).toBe('regression');
    expect(assessProgress({ ...base, points: falling, thresholds: { stagnation: -0.1 } }).category).toBe('stagnation');
  });
});

describe('statcan-2025 (Open SDG 2.4.0)', () => {
  it('reads the worked examples with its own thresholds (0.95 / 0.6 / 0) and scores them', () => {
    const w = assessProgress({ ...share, points: world, method: 'statcan-2025' });
    const l = assessProgress({ ...share, points: ldcs, method: 'statcan-2025' });
    expect(w.category).toBe('substantial-progress');
    expect(l.category).toBe('moderate-progress');
    expect(l.components.ratio).toBeCloseTo(0.79, 2);
    // Score for R ≥ 0.6: min(7.1429 R − 4.2857, 5).
    expect(l.components.score).toBeCloseTo(7.1429 * 0.79087 - 4.2857, 3);
    // Roll-up: the mean score, 2.30, falls in the moderate band [0, 2.5).
    expect(rollUpStatcan([w, l])).toEqual({
      score: ((w.components.score ?? 0) + (l.components.score ?? 0)) / 2,
      category: 'moderate-progress',
    });
  });

  it('scales the no-target thresholds near the limit (C = 1 − (B/L)^4.44)', () => {
    const result = assessProgress({
      points: series([2015, 90], [2020, 92]),
      direction: 'increase',
      limits: { max: 100 },
      method: 'statcan-2025',
    });
    const c = 1 - Math.pow(0.9, 4.44);
    expect(result.components.limitCoefficient).toBeCloseTo(c, 10);
    expect(result.components.thresholds.high).toBeCloseTo(0.015 * c, 10);
    expect(result.components.ratioName).toBe('d × CAGR_a');
    // 0.44 % a year: limited progress against the plain 0.5 % cut, moderate once scaled near 100.
    expect(result.components.ratio).toBeCloseTo(0.0044, 4);
    expect(result.category).toBe('moderate-progress');
    expect(assessProgress({ points: series([2015, 90], [2020, 92]), direction: 'increase', method: 'statcan-2025' }).category).toBe(
      'limited-progress',
    );
  });

  it('replaces a zero base by 0.001, as sdg-build does, and says so', () => {
    const result = assessProgress({ ...share, points: series([2015, 0], [2020, 5]), method: 'statcan-2025' });
    expect(result.status).toBe('assessed');
    expect(result.components.adjustments).toContain('base value 0 replaced by 0.001 (sdg-build ProgressMeasure.py)');
  });
});

describe('edge cases', () => {
  const methods = ['unsd-2022-cr', 'unsd-2023-expected', 'statcan-2025'] as const;

  it.each(methods)('%s: a target already met is "target achieved"', (method) => {
    const result = assessProgress({ ...share, points: series([2015, 96], [2024, 100]), method });
    expect(result.targetAchieved).toBe(true);
    expect(result.category).toBe(method === 'unsd-2023-expected' ? 'met-or-almost-met' : 'target-achieved');
  });

  it('unsd-2022-cr: within 0.05 % of the target counts as achieved (v_t / v* > 0.9995)', () => {
    expect(assessProgress({ ...share, points: series([2015, 90], [2024, 99.96]) }).category).toBe('target-achieved');
    expect(assessProgress({ ...share, points: series([2015, 90], [2024, 99.9]) }).category).not.toBe('target-achieved');
  });

  it.each(methods)('%s: a value moving away from the target deteriorates', (method) => {
    const result = assessProgress({ ...share, points: series([2015, 50], [2024, 40]), method });
    expect(result.category).toBe(method === 'unsd-2023-expected' ? 'regression' : 'deterioration');
    expect(result.components.ratio).toBeLessThan(-0.1);
  });

  it('a decrease desired: falling towards a lower target is progress', () => {
    const input: AssessmentInput = {
      points: series([2015, 10], [2024, 4]),
      direction: 'decrease',
      target: { value: 2, year: 2030 },
      limits: { min: 0 },
    };
    const result = assessProgress(input);
    expect(result.components.cagrRequired).toBeLessThan(0);
    expect(result.components.ratio).toBeGreaterThan(0.95);
    expect(result.category).toBe('on-track');
    expect(assessProgress({ ...input, points: series([2015, 10], [2024, 12]) }).category).toBe('deterioration');
  });

  it.each(methods)('%s: a single data point is insufficient data', (method) => {
    const result = assessProgress({ ...share, points: series([2024, 50]), method });
    expect(result).toMatchObject({ status: 'insufficient-data', category: null, reason: 'fewer-than-two-points', projection: null });
  });

  it('one point since the base year is insufficient, however many before it', () => {
    expect(assessProgress({ ...share, points: series([2010, 20], [2012, 25], [2016, 30]) }).reason).toBe('fewer-than-two-points');
    expect(assessProgress({ ...share, points: series([2010, 20], [2012, 25]) }).reason).toBe('no-data-since-base-year');
  });

  it('the base year moves to the first later year with data', () => {
    const result = assessProgress({ ...share, points: series([2014, 1], [2017, 20], [2024, 60]) });
    expect(result.components).toMatchObject({ baseYear: 2017, baseValue: 20 });
  });

  it('a zero baseline is insufficient data for the UNSD methods', () => {
    for (const method of ['unsd-2022-cr', 'unsd-2023-expected'] as const) {
      expect(assessProgress({ ...share, points: series([2015, 0], [2024, 10]), method }).reason).toBe('zero-baseline');
    }
  });

  it.each(methods)('%s: a sign change is insufficient data', (method) => {
    const result = assessProgress({
      points: series([2015, -2], [2024, 3]),
      direction: 'increase',
      target: { value: 5, year: 2030 },
      method,
    });
    expect(result.reason).toBe('sign-change');
  });

  it('extrapolation past 100 % is held at the limit everywhere it shows', () => {
    const points = series([2015, 60], [2020, 90]);
    const result = assessProgress({ ...share, points, method: 'unsd-2023-expected' });
    expect(result.components.expectedValueUnclamped).toBeGreaterThan(200);
    expect(result.components.expectedValue).toBe(100);
    expect(result.components.ratio).toBe(1);
    expect(result.projection?.value).toBe(100);
    // Without limits nothing is clamped: a rate per 100 people may pass 100.
    expect(projectToYear(points, 2030)?.value).toBeGreaterThan(200);
  });

  it('refuses a target beyond the natural limit, and two values for one year', () => {
    expect(() => assessProgress({ ...share, target: { value: 110, year: 2030 }, points: world })).toThrow(RangeError);
    expect(() => assessProgress({ ...share, points: series([2015, 1], [2015, 2], [2020, 3]) })).toThrow(/two values for 2015/);
  });

  it('without a numerical target, reads d × CAGR_a against fixed cut-offs', () => {
    const base = { points: series([2015, 50], [2020, 55]), direction: 'increase' } as const;
    const result = assessProgress(base);
    expect(result.components.ratioName).toBe('d × CAGR_a');
    expect(result.components.ratio).toBeCloseTo(Math.pow(1.1, 1 / 5) - 1, 10);
    expect(result.category).toBe('on-track');
    expect(assessProgress({ ...base, direction: 'decrease' }).category).toBe('deterioration');
  });

  it('a linear projection is available and named', () => {
    const result = projectToYear(series([2015, 10], [2016, 12], [2017, 14]), 2030, { method: 'linear', limits: { min: 0, max: 100 } });
    expect(result).toMatchObject({ method: 'linear', value: 40, clamped: false });
    expect(result?.description).toMatch(/least-squares/);
  });
});

describe('gaps', () => {
  it('gender parity score: female / male, parity at 0.98-1.02 (World 2024, WDI: 68.2 / 74.2)', () => {
    const gps = genderParityScore(68.2, 74.2);
    expect(gps.value).toBeCloseTo(0.919, 3);
    expect(gps.band).toBe('below');
    expect(genderParityScore(50, 50.5).band).toBe('parity');
    expect(genderParityScore(60, 50).band).toBe('above');
  });

  it('urban-rural gap: points of difference and the rural/urban parity score', () => {
    expect(urbanRuralGap(82, 46)).toEqual({ difference: 36, parity: { value: 46 / 82, band: 'below' } });
  });

  it('assesses progress towards gender parity on the folded score', () => {
    const female = series([2015, 30], [2024, 45]);
    const male = series([2015, 40], [2024, 50]);
    const result = assessParity(female, male);
    expect(result.parity.map((p) => p.value)).toEqual([0.75, 0.9]);
    expect(result.components.targetValue).toBe(0.98);
    expect(result.status).toBe('assessed');
    expect(assessParity(series([2015, 40], [2024, 50]), series([2015, 40], [2024, 50.5])).category).toBe('target-achieved');
  });
});
