// Group aggregates (a region's or the LDCs' value for a year) computed from member values, with
// the method always stated. Issue 5, item 2: "Aggregates for groups are computed with an explicit,
// documented method (weighted where weights exist), never silently".
import type { AreaCatalog } from './catalog.ts';

export type AggregationMethod = 'population-weighted' | 'simple-mean';

export interface GroupAggregate {
  group: string;
  year: number;
  /** Null when no member has a value. */
  value: number | null;
  method: AggregationMethod;
  /** Why the method was chosen, in words, e.g. "no weights given: simple mean". */
  methodNote: string;
  /** Members of the group that year (dated membership; see AreaCatalog.membershipOf). */
  members: string[];
  /** Members with a value (and a weight, if weighted) that went into the aggregate. */
  contributing: string[];
  /** Members without a value that year. */
  missing: string[];
  /** Share of members with data; for a weighted aggregate, share of the group's total weight. */
  coverage: number;
  /** Caveats of the membership itself (unverified dates, undated lists). */
  membershipCaveats: string[];
}

export interface AggregateInput {
  group: string;
  year: number;
  /** Value per member (ISO alpha-3). Values of non-members are ignored. */
  values: ReadonlyMap<string, number>;
  /**
   * Weight per member, normally the population the indicator is a share of (total population for
   * Internet use, female population for the female rate). No population data ships with Concord
   * (data/indicators/SOURCES.md), so without weights the aggregate is a simple mean and says so.
   */
  weights?: ReadonlyMap<string, number>;
  /** What the weights are, for the note (e.g. "UN WPP 2024 total population"). */
  weightsLabel?: string;
}

/**
 * Aggregates member values for one group and year.
 *
 * Method (stated in every result):
 * - **population-weighted** `Σ wᵢ·vᵢ / Σ wᵢ` over members with a value, when a weight is given for
 *   every such member. This is how the World Bank and ITU aggregate rates such as Internet use
 *   (the group's value is the share of the group's people), and why group values differ from a
 *   mean of country values.
 * - **simple mean** `Σ vᵢ / n` otherwise: no weights, or a member with a value lacks a weight
 *   (named in `methodNote`). An unweighted mean gives Tuvalu the weight of Bangladesh: show it as
 *   such.
 * Members without a value are left out and listed in `missing`; `coverage` says how much of the
 * group is behind the number. No imputation is done.
 *
 * @example
 * aggregateGroup(catalog, { group: 'LDC', year: 2024, values: new Map([['BGD', 44.5], ['NPL', 55.8]]) });
 * // { value: 50.15, method: 'simple-mean', coverage: 2/45, ... }
 */
export function aggregateGroup(catalog: AreaCatalog, input: AggregateInput): GroupAggregate {
  const membership = catalog.membershipOf(input.group, input.year);
  const members = membership.members;
  const withValue = members.filter((m) => {
    const v = input.values.get(m);
    return v !== undefined && Number.isFinite(v);
  });
  const missing = members.filter((m) => !withValue.includes(m));
  const base = { group: membership.group, year: input.year, members, missing, membershipCaveats: membership.caveats };
  const valueOf = (m: string) => input.values.get(m) ?? Number.NaN;

  const weights = input.weights;
  const unweighted = weights ? withValue.filter((m) => !(Number(weights.get(m)) > 0)) : withValue;
  if (weights && unweighted.length === 0 && withValue.length > 0) {
    const weightOf = (m: string) => weights.get(m) ?? 0;
    const total = withValue.reduce((s, m) => s + weightOf(m), 0);
    const allMembersWeight = members.reduce((s, m) => s + (weights.get(m) ?? 0), 0);
    return {
      ...base,
      value: withValue.reduce((s, m) => s + weightOf(m) * valueOf(m), 0) / total,
      method: 'population-weighted',
      methodNote: `weighted by ${input.weightsLabel ?? 'the weights given'}`,
      contributing: withValue,
      coverage: allMembersWeight > 0 ? total / allMembersWeight : 0,
    };
  }
  const why = !weights
    ? 'no weights given: simple mean of member values'
    : withValue.length === 0
      ? 'no member has a value'
      : `no weight for ${unweighted.join(', ')}: simple mean of member values`;
  return {
    ...base,
    value: withValue.length === 0 ? null : withValue.reduce((s, m) => s + valueOf(m), 0) / withValue.length,
    method: 'simple-mean',
    methodNote: why,
    contributing: withValue,
    coverage: members.length === 0 ? 0 : withValue.length / members.length,
  };
}

/** A value of one area in one year (the shape aggregateSeries reads). */
export interface AreaYearValue {
  area: string;
  year: number;
  value: number;
}

/**
 * Aggregates a series for a group, year by year, each year with that year's members (so an LDC
 * aggregate for 2023 counts Bhutan and one for 2024 does not). Weights, when given, are per
 * area and year.
 */
export function aggregateSeries(
  catalog: AreaCatalog,
  group: string,
  values: readonly AreaYearValue[],
  options: { weights?: readonly AreaYearValue[]; weightsLabel?: string } = {},
): GroupAggregate[] {
  const byYear = new Map<number, Map<string, number>>();
  for (const v of values) {
    const year = byYear.get(v.year) ?? new Map<string, number>();
    year.set(v.area, v.value);
    byYear.set(v.year, year);
  }
  const weightsByYear = new Map<number, Map<string, number>>();
  for (const w of options.weights ?? []) {
    const year = weightsByYear.get(w.year) ?? new Map<string, number>();
    year.set(w.area, w.value);
    weightsByYear.set(w.year, year);
  }
  return [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year) =>
      aggregateGroup(catalog, {
        group,
        year,
        values: byYear.get(year) ?? new Map(),
        weights: options.weights ? (weightsByYear.get(year) ?? new Map()) : undefined,
        weightsLabel: options.weightsLabel,
      }),
    );
}
