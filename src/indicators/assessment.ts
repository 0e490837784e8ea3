// Progress assessment of a time series against a 2030 target: where a country, a region or the
// world stands. Three published methods, each a pure function of the series and its parameters,
// and every result carries the components it was computed from (INDICATORS.md section 2), as
// Open SDG writes them to indicator_calculation_components.yml.
//
//   unsd-2022-cr        UNSD SDG Progress Chart 2022, ratio of growth rates (INDICATORS.md 2.1) — the default
//   unsd-2023-expected  UN SDG Report 2023 onwards, share of the required change expected by 2030 (2.2)
//   statcan-2025        Statistics Canada method shipped in Open SDG 2.4.0 (2.3)
//
// Notation follows INDICATORS.md section 2: b base year, t latest year, v_b and v_t their values,
// T target year, v* target value, d the desired direction (+1 increase, −1 decrease).

export type Direction = 'increase' | 'decrease';

/** One value of the series being assessed. */
export interface Point {
  year: number;
  value: number;
}

/** Natural limits of the quantity: a share lies in [0, 100]; a rate per 100 people has only min 0. */
export interface Limits {
  min?: number;
  max?: number;
}

export type MethodId = 'unsd-2022-cr' | 'unsd-2023-expected' | 'statcan-2025';
export type ProjectionMethod = 'cagr' | 'linear';

export type Category =
  // shared
  | 'target-achieved'
  | 'deterioration'
  // unsd-2022-cr
  | 'on-track'
  | 'fair'
  | 'limited'
  // unsd-2023-expected
  | 'met-or-almost-met'
  | 'moderate'
  | 'marginal'
  | 'stagnation'
  | 'regression'
  // statcan-2025
  | 'substantial-progress'
  | 'moderate-progress'
  | 'limited-progress';

export type InsufficientReason = 'fewer-than-two-points' | 'no-data-since-base-year' | 'zero-baseline' | 'sign-change' | 'negative-values';

export interface AssessmentInput {
  /** The series; any order. Two points for one year is an error (thrown). */
  points: readonly Point[];
  direction: Direction;
  /** Target value (null: no numerical target, assess the trend only) and year. Default: none, 2030. */
  target?: { value: number | null; year?: number };
  /** Default 2015; when that year has no value, the first later year with one (sdg-build rule). */
  baseYear?: number;
  /** Natural limits; a target outside them is an error. See the `saturated` component. */
  limits?: Limits;
  /** Default `unsd-2022-cr`, the default. */
  method?: MethodId;
  /** Override some of the method's thresholds (the result lists those used). */
  thresholds?: Readonly<Record<string, number>>;
  /** Projection to the target year shown with the result; default `cagr`. */
  projection?: ProjectionMethod;
}

export interface AssessmentComponents {
  baseYear: number | null;
  baseValue: number | null;
  latestYear: number | null;
  latestValue: number | null;
  targetYear: number;
  targetValue: number | null;
  direction: Direction;
  limits: Limits | null;
  /** Compound annual growth, base to latest: (v_t / v_b)^(1/(t−b)) − 1. */
  cagrActual: number | null;
  /** Required compound annual growth, base to target: (v* / v_b)^(1/(T−b)) − 1. */
  cagrRequired: number | null;
  /** What `ratio` is, in the method's own terms. */
  ratioName: 'CR' | 'P' | 'progress value' | 'd × CAGR_a';
  /** The number the category is read from: CR, P, StatCan's progress value, or d × CAGR_a without a target. */
  ratio: number | null;
  /** unsd-2023-expected: v_t × (1 + CAGR_a)^(T − t), clamped to the limits; and before clamping. */
  expectedValue?: number | null;
  expectedValueUnclamped?: number | null;
  /** unsd-2023-expected: P computed from the unclamped expected value (as INDICATORS.md 2.4 tabulates it). */
  ratioUnclamped?: number | null;
  /** True when the exponential trend passes a natural limit before the target year. */
  saturated: boolean;
  /** statcan-2025: the −5…+5 score, the sign (−1 when v_b < 0) and the limit coefficient C. */
  score?: number | null;
  sign?: 1 | -1;
  limitCoefficient?: number | null;
  /** The thresholds the category was read with. */
  thresholds: Readonly<Record<string, number>>;
  /** Replacements and special rules applied, in words (e.g. "base value 0 replaced by 0.001"). */
  adjustments: string[];
}

export interface Projection {
  method: ProjectionMethod;
  /** How it was computed, in words. */
  description: string;
  year: number;
  value: number;
  unclampedValue: number;
  clamped: boolean;
  fromYear: number;
  toYear: number;
}

export interface Assessment {
  method: MethodId;
  methodVersion: string;
  /** Where the formula and thresholds come from. */
  methodSource: string;
  status: 'assessed' | 'insufficient-data';
  category: Category | null;
  /** The category's name in the method's source (English; interfaces translate the category id). */
  label: string;
  targetAchieved: boolean;
  reason: InsufficientReason | null;
  components: AssessmentComponents;
  projection: Projection | null;
}

interface MethodInfo {
  version: string;
  source: string;
  thresholds: Readonly<Record<string, number>>;
  noTargetThresholds: Readonly<Record<string, number>>;
}

/** Methods, versions, sources and default thresholds. */
export const methods: Readonly<Record<MethodId, MethodInfo>> = {
  'unsd-2022-cr': {
    version: 'progress-chart-2022/1',
    source:
      'UNSD, SDG Progress Chart 2022 Technical Note; thresholds as implemented in two agreeing codes (INDICATORS.md 2.1) [D]; ' +
      'https://unstats.un.org/sdgs/report/2022/Progress_Chart_Technical_Note_2022.pdf',
    // CR ≥ onTrack: substantial progress / on track; ≥ fair: fair progress; ≥ limited: limited or no progress; below: deterioration.
    thresholds: { onTrack: 0.95, fair: 0.5, limited: -0.1, achievedRatio: 0.9995 },
    // Without a numerical target: d × CAGR_a > substantial; > fair; ≥ limited; below (int_func.py [D]).
    noTargetThresholds: { substantial: 0.01, fair: 0.005, limited: -0.01 },
  },
  'unsd-2023-expected': {
    version: 'progress-chart-2023/1',
    source:
      'UN SDG Report 2023 onwards, per EUSTAT method pages and an R implementation (INDICATORS.md 2.2) [D]; ' +
      'https://unstats.un.org/sdgs/files/report/2023/Progress_Chart_Technical_Note_2023.pdf',
    // P ≥ met; ≥ moderate; ≥ marginal; ≥ stagnation (0 in the R code; −0.1 is the 2022 pattern, disputed [U]); below: regression.
    thresholds: { met: 0.95, moderate: 0.5, marginal: 0.1, stagnation: 0 },
    // Without a numerical target: the R code's cut-offs on d × CAGR_a (2 % / 1.25 % / 0.5 % / 0) [U].
    noTargetThresholds: { met: 0.02, moderate: 0.0125, marginal: 0.005, stagnation: 0 },
  },
  'statcan-2025': {
    version: 'open-sdg-2.4.0/sdg-build-139fede7',
    source: 'Statistics Canada method in Open SDG 2.4.0: open-sdg/sdg-build sdg/ProgressMeasure.py @ 139fede7 (INDICATORS.md 2.3) [V]',
    thresholds: { high: 0.95, med: 0.6, low: 0 },
    noTargetThresholds: { high: 0.015, med: 0.005, low: 0 },
  },
};

const labels: Record<Category, string> = {
  'target-achieved': 'Target achieved',
  deterioration: 'Deterioration',
  'on-track': 'Substantial progress / on track',
  fair: 'Fair progress but acceleration needed',
  limited: 'Limited or no progress',
  'met-or-almost-met': 'Target met or almost met',
  moderate: 'Moderate progress',
  marginal: 'Marginal progress',
  stagnation: 'Stagnation',
  regression: 'Regression',
  'substantial-progress': 'Substantial progress',
  'moderate-progress': 'Moderate progress',
  'limited-progress': 'Limited progress',
};

/** The English label of a category as its method's source names it. */
export function categoryLabel(category: Category): string {
  return labels[category];
}

/** Compound annual growth rate from (year b, value vb) to (year t, value vt). */
export function cagr(vb: number, b: number, vt: number, t: number): number {
  return Math.pow(vt / vb, 1 / (t - b)) - 1;
}

function clamp(value: number, limits: Limits | undefined): number {
  let v = value;
  if (limits?.max !== undefined) v = Math.min(v, limits.max);
  if (limits?.min !== undefined) v = Math.max(v, limits.min);
  return v;
}

interface Selected {
  base: Point;
  latest: Point;
  since: Point[];
}

function selectPoints(points: readonly Point[], baseYear: number): Selected | InsufficientReason {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i];
    if (!p || !Number.isInteger(p.year) || !Number.isFinite(p.value))
      throw new RangeError(`point ${i}: year must be an integer and value finite`);
    if (i > 0 && sorted[i - 1]?.year === p.year) throw new RangeError(`two values for ${p.year}`);
  }
  if (sorted.length < 2) return 'fewer-than-two-points';
  const since = sorted.filter((p) => p.year >= baseYear);
  const base = since[0];
  const latest = since.at(-1);
  if (!base || !latest) return 'no-data-since-base-year';
  if (since.length < 2) return 'fewer-than-two-points';
  return { base, latest, since };
}

/**
 * Projects a series to a year, clamped to its natural limits.
 * - `cagr`: v_t × (1 + CAGR_a)^(T − t), CAGR_a from base and latest values (the expected value of
 *   INDICATORS.md 2.2). Undefined (null) for a zero or sign-changing base.
 * - `linear`: ordinary least-squares line through every point from the base year on, read at T.
 *   (ESCAP's Anticipated Progress Index weights recent years more; this is the unweighted line.)
 */
export function projectToYear(
  points: readonly Point[],
  year: number,
  options: { method?: ProjectionMethod; baseYear?: number; limits?: Limits } = {},
): Projection | null {
  const method = options.method ?? 'cagr';
  const selected = selectPoints(points, options.baseYear ?? 2015);
  if (typeof selected === 'string') return null;
  const { base, latest, since } = selected;
  let unclamped: number;
  let description: string;
  switch (method) {
    case 'cagr': {
      if (base.value === 0 || Math.sign(base.value) !== Math.sign(latest.value)) return null;
      const growth = cagr(base.value, base.year, latest.value, latest.year);
      unclamped = latest.value * Math.pow(1 + growth, year - latest.year);
      description = `compound annual growth ${base.year}-${latest.year} (${(growth * 100).toFixed(2)} % a year) continued from ${latest.year} to ${year}`;
      break;
    }
    case 'linear': {
      const n = since.length;
      const mx = since.reduce((s, p) => s + p.year, 0) / n;
      const my = since.reduce((s, p) => s + p.value, 0) / n;
      const sxx = since.reduce((s, p) => s + (p.year - mx) ** 2, 0);
      const slope = since.reduce((s, p) => s + (p.year - mx) * (p.value - my), 0) / sxx;
      unclamped = my + slope * (year - mx);
      description = `least-squares straight line through the ${n} values ${base.year}-${latest.year} (${slope.toFixed(3)} a year), read at ${year}`;
      break;
    }
  }
  const value = clamp(unclamped, options.limits);
  return {
    method,
    description: value !== unclamped ? `${description}, held at the natural limit ${value}` : description,
    year,
    value,
    unclampedValue: unclamped,
    clamped: value !== unclamped,
    fromYear: base.year,
    toYear: latest.year,
  };
}

/**
 * Assesses progress of a series towards a target by the chosen method (default: UNSD progress-chart
 * ratio). Returns "insufficient data" with its reason when fewer than two values exist from the base
 * year on, when the base value is zero (CAGR undefined; statcan-2025 replaces it by 0.001 as
 * sdg-build does, and says so) or when base and latest values have opposite signs.
 *
 * Natural limits: the target must lie within them; projections and the 2023 expected value are
 * clamped to them (World Internet use would otherwise reach 104.7 % in 2030, INDICATORS.md 2.4),
 * with the unclamped figures kept in the components; a latest value at the limit counts as the
 * target achieved when no numerical target is given; statcan-2025 scales its no-target thresholds
 * near the limit.
 *
 * @example
 * assessProgress({ points: [{ year: 2015, value: 10.7 }, { year: 2024, value: 31.4 }], direction: 'increase',
 *   target: { value: 100, year: 2030 }, limits: { min: 0, max: 100 } });
 * // { category: 'fair', components: { ratio: 0.79, cagrActual: 0.127, cagrRequired: 0.161, ... } }
 */
export function assessProgress(input: AssessmentInput): Assessment {
  const method = input.method ?? 'unsd-2022-cr';
  const info = methods[method];
  const targetYear = input.target?.year ?? 2030;
  const targetValue = input.target?.value ?? null;
  const limits = input.limits;
  if (
    targetValue !== null &&
    limits &&
    ((limits.max !== undefined && targetValue > limits.max) || (limits.min !== undefined && targetValue < limits.min))
  ) {
    throw new RangeError(`target ${targetValue} lies outside the natural limits [${limits.min ?? '-∞'}, ${limits.max ?? '∞'}]`);
  }
  const d = input.direction === 'increase' ? 1 : -1;
  const thresholds = { ...(targetValue === null ? info.noTargetThresholds : info.thresholds), ...input.thresholds };
  const components: AssessmentComponents = {
    baseYear: null,
    baseValue: null,
    latestYear: null,
    latestValue: null,
    targetYear,
    targetValue,
    direction: input.direction,
    limits: limits ?? null,
    cagrActual: null,
    cagrRequired: null,
    ratioName:
      targetValue === null ? 'd × CAGR_a' : method === 'unsd-2022-cr' ? 'CR' : method === 'unsd-2023-expected' ? 'P' : 'progress value',
    ratio: null,
    saturated: false,
    thresholds,
    adjustments: [],
  };
  const result = (category: Category, targetAchieved = false): Assessment => ({
    method,
    methodVersion: info.version,
    methodSource: info.source,
    status: 'assessed',
    category,
    label: labels[category],
    targetAchieved,
    reason: null,
    components,
    projection: projectToYear(input.points, targetYear, { method: input.projection, baseYear: components.baseYear ?? undefined, limits }),
  });
  const insufficient = (reason: InsufficientReason): Assessment => ({
    method,
    methodVersion: info.version,
    methodSource: info.source,
    status: 'insufficient-data',
    category: null,
    label: 'Insufficient data',
    targetAchieved: false,
    reason,
    components,
    projection: null,
  });

  const selected = selectPoints(input.points, input.baseYear ?? 2015);
  if (typeof selected === 'string') return insufficient(selected);
  const { base, latest } = selected;
  Object.assign(components, { baseYear: base.year, baseValue: base.value, latestYear: latest.year, latestValue: latest.value });

  let vb = base.value;
  const vt = latest.value;
  if (vb === 0) {
    if (method !== 'statcan-2025') return insufficient('zero-baseline');
    vb = 0.001;
    components.adjustments.push('base value 0 replaced by 0.001 (sdg-build ProgressMeasure.py)');
  }
  if ((vb > 0 && vt < 0) || (vb < 0 && vt > 0)) return insufficient('sign-change');
  if (vb < 0 && method !== 'statcan-2025') return insufficient('negative-values');

  const cagrA = cagr(vb, base.year, vt, latest.year);
  components.cagrActual = cagrA;
  if (limits) {
    const trend = vt * Math.pow(1 + cagrA, targetYear - latest.year);
    components.saturated = clamp(trend, limits) !== trend;
  }

  switch (method) {
    case 'unsd-2022-cr':
      return unsd2022(d, vb, vt, targetValue, thresholds, components, result);
    case 'unsd-2023-expected':
      return unsd2023(d, vb, vt, targetValue, thresholds, components, result, limits);
    case 'statcan-2025':
      return statcan(d, vb, vt, targetValue, thresholds, components, result, limits);
  }
}

type Result = (category: Category, targetAchieved?: boolean) => Assessment;

/** At the natural limit in the desired direction: nothing is left to gain without a numerical target. */
function atLimit(d: 1 | -1, vt: number, limits: Limits | null): boolean {
  if (!limits) return false;
  return d === 1 ? limits.max !== undefined && vt >= limits.max : limits.min !== undefined && vt <= limits.min;
}

function unsd2022(
  d: 1 | -1,
  vb: number,
  vt: number,
  target: number | null,
  t: Record<string, number>,
  c: AssessmentComponents,
  result: Result,
): Assessment {
  const th = (k: string) => t[k] ?? Number.NaN;
  if (target === null) {
    if (atLimit(d, vt, c.limits)) {
      c.adjustments.push('latest value at the natural limit: counted as target achieved (Concord rule)');
      return result('target-achieved', true);
    }
    const g = d * (c.cagrActual ?? 0);
    c.ratio = g;
    return result(g > th('substantial') ? 'on-track' : g > th('fair') ? 'fair' : g >= th('limited') ? 'limited' : 'deterioration');
  }
  // "Target achieved" when v_t / v* > 0.9995 (increase desired) or v* / v_t > 0.9995 (decrease desired).
  const achieved = d === 1 ? vt / target > th('achievedRatio') : vt <= target || target / vt > th('achievedRatio');
  if (achieved) return result('target-achieved', true);
  if (d * (target - vb) <= 0) {
    c.adjustments.push('target already met in the base year and no longer met: deterioration');
    return result('deterioration');
  }
  const required = cagr(vb, c.baseYear ?? 0, target, c.targetYear);
  c.cagrRequired = required;
  const cr = (c.cagrActual ?? 0) / required;
  c.ratio = cr;
  return result(cr >= th('onTrack') ? 'on-track' : cr >= th('fair') ? 'fair' : cr >= th('limited') ? 'limited' : 'deterioration');
}

function unsd2023(
  d: 1 | -1,
  vb: number,
  vt: number,
  target: number | null,
  t: Record<string, number>,
  c: AssessmentComponents,
  result: Result,
  limits: Limits | undefined,
): Assessment {
  const th = (k: string) => t[k] ?? Number.NaN;
  const band = (x: number): Category =>
    x >= th('met')
      ? 'met-or-almost-met'
      : x >= th('moderate')
        ? 'moderate'
        : x >= th('marginal')
          ? 'marginal'
          : x >= th('stagnation')
            ? 'stagnation'
            : 'regression';
  const growth = c.cagrActual ?? 0;
  const unclamped = vt * Math.pow(1 + growth, c.targetYear - (c.latestYear ?? 0));
  c.expectedValueUnclamped = unclamped;
  c.expectedValue = clamp(unclamped, limits);
  if (target === null) {
    if (atLimit(d, vt, c.limits)) {
      c.adjustments.push('latest value at the natural limit: counted as met (Concord rule)');
      return result('met-or-almost-met', true);
    }
    c.ratio = d * growth;
    return result(band(d * growth));
  }
  c.cagrRequired = d * (target - vb) > 0 ? cagr(vb, c.baseYear ?? 0, target, c.targetYear) : null;
  // "When the latest value meets the target it is met regardless of trend" (EUSTAT exceptions, INDICATORS.md 2.2).
  if (d * (vt - target) >= 0) {
    c.adjustments.push('latest value meets the target: met regardless of trend');
    return result('met-or-almost-met', true);
  }
  if (d * (target - vb) <= 0) {
    c.adjustments.push('target already met in the base year and no longer met: regression');
    return result('regression');
  }
  // P = (v_2030^e − v_b) / (v* − v_b): the share of the required change expected by the target year.
  c.ratio = (c.expectedValue - vb) / (target - vb);
  c.ratioUnclamped = (unclamped - vb) / (target - vb);
  if (c.expectedValue !== unclamped)
    c.adjustments.push(`expected value ${unclamped.toFixed(2)} clamped to the natural limit ${c.expectedValue}`);
  return result(band(c.ratio));
}

function statcan(
  d: 1 | -1,
  vb: number,
  vt: number,
  target: number | null,
  t: Record<string, number>,
  c: AssessmentComponents,
  result: Result,
  limits: Limits | undefined,
): Assessment {
  const sign: 1 | -1 = vb < 0 ? -1 : 1;
  c.sign = sign;
  const growth = c.cagrActual ?? 0;
  const thresholds = { ...t };
  let coefficient = 1;
  let progress: number;
  let achieved = false;
  let tgt = target;
  if (tgt === 0) {
    tgt = 0.001;
    c.adjustments.push('target 0 replaced by 0.001 (sdg-build ProgressMeasure.py)');
  }
  if (tgt === null) {
    progress = sign * d * growth;
    // Limit scaling (method 1 only): with a = 4.44, B = |v_b|, L = |limit|, C = 1 if B ≥ 2L,
    // 1 − (B/L)^a if B ≤ L, else 1 − ((2L − B)/L)^a; the thresholds are multiplied by C.
    const limit = d === 1 ? limits?.max : limits?.min;
    if (limit !== undefined) {
      const B = Math.abs(vb);
      const L = Math.abs(limit);
      const a = 4.44;
      coefficient = B >= 2 * L ? 1 : B <= L ? 1 - Math.pow(B / L, a) : 1 - Math.pow((2 * L - B) / L, a);
      for (const key of ['high', 'med', 'low']) thresholds[key] = (thresholds[key] ?? 0) * coefficient;
      c.limitCoefficient = coefficient;
    }
  } else {
    const required = cagr(vb, c.baseYear ?? 0, tgt, c.targetYear);
    c.cagrRequired = required;
    progress = (sign * d * growth) / Math.abs(required);
    achieved = (d === -1 && vt <= tgt) || (d === 1 && vt >= tgt);
  }
  c.ratio = progress;
  c.thresholds = thresholds;
  const high = thresholds.high ?? Number.NaN;
  const med = thresholds.med ?? Number.NaN;
  const low = thresholds.low ?? Number.NaN;
  // Score −5…+5 (sdg-build get_score; its formulas assume the default thresholds).
  let score: number;
  if (achieved) score = 5;
  else if (tgt !== null) score = progress >= med ? Math.min(7.1429 * progress - 4.2857, 5) : Math.max(4.1667 * progress - 2.5, -5);
  else if (progress < low) score = Math.max(125 * progress - 2.5, -5);
  else if (coefficient === 0) score = 5;
  else if (progress >= high) score = Math.min((500 * progress) / coefficient - 5, 5);
  else if (progress >= med) score = (250 * progress) / coefficient - 1.25;
  else score = (500 * progress) / coefficient - 2.5;
  c.score = score;
  if (achieved) return result('target-achieved', true);
  return result(
    progress >= high
      ? 'substantial-progress'
      : progress >= med
        ? 'moderate-progress'
        : progress >= low
          ? 'limited-progress'
          : 'deterioration',
  );
}

/**
 * Open SDG roll-up of series scores into one indicator status (INDICATORS.md 2.3): the mean score,
 * banded [2.5, 5] substantial, [0, 2.5) moderate, [−2.5, 0) limited, [−5, −2.5) deterioration;
 * target achieved only if every series achieved its target.
 */
export function rollUpStatcan(results: readonly Assessment[]): { score: number | null; category: Category | null } {
  const scored = results.filter((r) => r.method === 'statcan-2025' && typeof r.components.score === 'number');
  if (scored.length === 0) return { score: null, category: null };
  const score = scored.reduce((s, r) => s + (r.components.score ?? 0), 0) / scored.length;
  if (scored.every((r) => r.targetAchieved)) return { score, category: 'target-achieved' };
  return {
    score,
    category:
      score >= 2.5 ? 'substantial-progress' : score >= 0 ? 'moderate-progress' : score >= -2.5 ? 'limited-progress' : 'deterioration',
  };
}

// ---------------------------------------------------------------------------------------------
// Gaps

/** The ITU parity band: a parity score between 0.98 and 1.02 is parity (INDICATORS.md 3.1). */
export const parityBand = { low: 0.98, high: 1.02 } as const;

export interface ParityScore {
  value: number;
  /** `parity` inside the band; `below` when the first group (women, rural) is behind; `above` when ahead. */
  band: 'parity' | 'below' | 'above';
}

function band(value: number): ParityScore['band'] {
  return value < parityBand.low ? 'below' : value > parityBand.high ? 'above' : 'parity';
}

/**
 * Gender parity score: the female value divided by the male value; parity at 0.98-1.02 (ITU,
 * https://www.itu.int/itu-d/reports/statistics/2023/10/10/ff23-the-gender-digital-divide/,
 * INDICATORS.md 3.1). World Internet use 2024 in the shipped WDI release: 68.2 / 74.2 = 0.919.
 */
export function genderParityScore(female: number, male: number): ParityScore {
  if (!(male > 0) || !(female >= 0))
    throw new RangeError('gender parity score needs a positive male value and a non-negative female value');
  const value = female / male;
  return { value, band: band(value) };
}

export interface UrbanRuralGap {
  /** Urban minus rural, in the unit of the inputs (percentage points for shares). */
  difference: number;
  /** Rural divided by urban, read against the same 0.98-1.02 band as gender parity. */
  parity: ParityScore;
}

/**
 * Urban-rural gap, both as ITU reports it: the difference in percentage points, and the rural/urban
 * ratio (a parity score, same band as gender parity; the band's use for urban-rural is by analogy
 * with ITU's gender parity score [D]).
 */
export function urbanRuralGap(urban: number, rural: number): UrbanRuralGap {
  if (!(urban > 0) || !(rural >= 0)) throw new RangeError('urban-rural gap needs a positive urban value and a non-negative rural value');
  const value = rural / urban;
  return { difference: urban - rural, parity: { value, band: band(value) } };
}

/** A parity series from two series: numerator / denominator for each year both have. */
export function paritySeries(numerator: readonly Point[], denominator: readonly Point[]): Point[] {
  const byYear = new Map(denominator.map((p) => [p.year, p.value]));
  return numerator
    .filter((p) => (byYear.get(p.year) ?? 0) > 0)
    .map((p) => ({ year: p.year, value: p.value / (byYear.get(p.year) ?? 1) }))
    .sort((a, b) => a.year - b.year);
}

/**
 * Assesses progress towards parity (female/male, or rural/urban). A parity score is good on both
 * sides of 1, so it is first folded to min(y, 1/y) — the "Goldilocks" transformation Open SDG
 * documents for parity indices (max(y, 1/y) with a decrease desired, INDICATORS.md 2.3) — which
 * makes "higher is better" with a natural limit of 1; the target is the lower edge of the ITU parity
 * band, 0.98, so a folded value of 0.98 or more is parity.
 */
export function assessParity(
  numerator: readonly Point[],
  denominator: readonly Point[],
  options: Omit<AssessmentInput, 'points' | 'direction' | 'target' | 'limits'> & { targetYear?: number } = {},
): Assessment & { parity: Point[] } {
  const parity = paritySeries(numerator, denominator);
  const folded = parity.map((p) => ({ year: p.year, value: Math.min(p.value, 1 / p.value) }));
  const assessment = assessProgress({
    ...options,
    points: folded,
    direction: 'increase',
    target: { value: parityBand.low, year: options.targetYear ?? 2030 },
    limits: { min: 0, max: 1 },
  });
  assessment.components.adjustments.push('parity score folded to min(y, 1/y); target = lower edge of the 0.98-1.02 parity band');
  return { ...assessment, parity };
}
