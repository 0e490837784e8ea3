// Progress assessments in the store: for every indicator with a target, every area and source with
// data, each of the three methods (INDICATORS.md section 2), the totals and the gaps (gender parity,
// urban-rural), and the groups Concord aggregates itself from country values with that year's
// members. Recomputed after each import; each row keeps its components, method and version.
import { sql, join } from '../store/sql.ts';
import type { Database, Store } from '../store/index.ts';
import { areaCatalog, type AreaCatalog } from '../areas/index.ts';
import { aggregateSeries, type GroupAggregate } from '../areas/aggregate.ts';
import {
  assessParity,
  assessProgress,
  methods,
  type Assessment,
  type Direction,
  type Limits,
  type MethodId,
  type Point,
} from './assessment.ts';
import { frequencyOf } from './observation.ts';

export const methodIds = Object.keys(methods) as MethodId[];

/** Groups Concord aggregates from country values: the world, the M49 regions, LDC, LLDC, SIDS. */
export const aggregatedGroups = ['001', '002', '009', '019', '142', '150', '199', '432', '722'] as const;

/**
 * Years in which members with a value make up less than this share of the group's members are left
 * out of a Concord aggregate: a mean of a handful of countries does not speak for a group.
 */
export const minimumCoverage = 0.5;

export const aggregateSourcePrefix = 'concord-aggregate:';

interface Row {
  indicatorCode: string;
  area: string;
  targetId: string;
  method: MethodId;
  variant: string;
  source: string;
  assessment: Assessment;
  aggregation: Record<string, unknown> | null;
}

interface SeriesRow {
  area: string;
  period: string;
  dimensions_key: string;
  value: number;
  source: string;
}

const variantKeys: Record<string, { dimension: string; numerator: string; denominator: string }> = {
  'parity:SEX': { dimension: 'SEX', numerator: 'F', denominator: 'M' },
  'parity:URBANISATION': { dimension: 'URBANISATION', numerator: 'R', denominator: 'U' },
};

function keyOf(dimension: string, code: string): string {
  return JSON.stringify([[dimension, code]]);
}

/** Recomputes and stores the assessments of the given indicators; returns those that have targets. */
export async function assessIndicators(store: Store, codes: readonly string[], catalog?: AreaCatalog): Promise<string[]> {
  const areas = catalog ?? (await areaCatalog());
  const done: string[] = [];
  for (const code of codes) {
    const [indicator] = await store.db.query<{ direction: Direction; limit_min: number | null; limit_max: number | null }>(
      sql`SELECT direction, limit_min, limit_max FROM indicators WHERE code = ${code}`,
    );
    if (!indicator) continue;
    const targets = await store.db.query<{ id: string; area: string | null; year: number | string; value: number | string }>(
      sql`SELECT id, area, year, value FROM indicator_targets WHERE indicator_code = ${code}`,
    );
    if (targets.length === 0) continue;
    const limits: Limits = {
      ...(indicator.limit_min !== null ? { min: Number(indicator.limit_min) } : {}),
      ...(indicator.limit_max !== null ? { max: Number(indicator.limit_max) } : {}),
    };
    const wanted = [
      JSON.stringify([]),
      ...Object.values(variantKeys).flatMap((v) => [keyOf(v.dimension, v.numerator), keyOf(v.dimension, v.denominator)]),
    ];
    const observations = await store.db.query<SeriesRow>(sql`
      SELECT area, period, dimensions_key, value, source FROM observations
      WHERE indicator_code = ${code} AND dimensions_key IN (${join(wanted)})`);
    const rows = assessSeries(
      code,
      observations,
      targets.map((t) => ({ ...t, year: Number(t.year), value: Number(t.value) })),
      indicator.direction,
      limits,
      areas,
    );
    await store.transaction(async (tx) => {
      await tx.query(sql`DELETE FROM assessments WHERE indicator_code = ${code}`);
      await insertAssessments(tx, rows);
    });
    done.push(code);
  }
  return done;
}

/** Series by (area, source, dimensions key) → annual points. Sub-annual periods are not assessed. */
function seriesOf(observations: readonly SeriesRow[]): Map<string, Point[]> {
  const series = new Map<string, Point[]>();
  for (const o of observations) {
    if (frequencyOf(o.period) !== 'A') continue;
    const key = `${o.area}\u0000${o.source}\u0000${o.dimensions_key}`;
    const list = series.get(key) ?? [];
    list.push({ year: Number(o.period), value: Number(o.value) });
    series.set(key, list);
  }
  return series;
}

/** Pure: every assessment row for one indicator's observations and targets. */
export function assessSeries(
  code: string,
  observations: readonly SeriesRow[],
  targets: readonly { id: string; area: string | null; year: number; value: number }[],
  direction: Direction,
  limits: Limits,
  catalog: AreaCatalog,
): Row[] {
  const series = seriesOf(observations);
  const total = JSON.stringify([]);
  const rows: Row[] = [];
  const areaSources = new Set<string>();
  for (const key of series.keys()) {
    const [area, source] = key.split('\u0000');
    if (area !== undefined && source !== undefined) areaSources.add(`${area}\u0000${source}`);
  }
  const get = (area: string, source: string, dims: string) => series.get(`${area}\u0000${source}\u0000${dims}`) ?? [];
  const add = (
    target: (typeof targets)[number],
    area: string,
    source: string,
    variant: string,
    run: (method: MethodId) => Assessment,
    aggregation: Row['aggregation'] = null,
  ) => {
    for (const method of methodIds) {
      try {
        rows.push({ indicatorCode: code, area, targetId: target.id, method, variant, source, assessment: run(method), aggregation });
      } catch (error) {
        // A target outside the natural limits or two values for one year: a data problem the import
        // report already covers; the assessment is left out rather than guessed.
        if (!(error instanceof RangeError)) throw error;
      }
    }
  };
  const applicable = (area: string) => targets.filter((t) => t.area === null || t.area === area);

  for (const pair of areaSources) {
    const [area = '', source = ''] = pair.split('\u0000');
    for (const target of applicable(area)) {
      const points = get(area, source, total);
      if (points.length > 0)
        add(target, area, source, 'total', (method) =>
          assessProgress({ points, direction, target: { value: target.value, year: target.year }, limits, method }),
        );
      for (const [variant, v] of Object.entries(variantKeys)) {
        const num = get(area, source, keyOf(v.dimension, v.numerator));
        const den = get(area, source, keyOf(v.dimension, v.denominator));
        if (num.length > 0 && den.length > 0)
          add(target, area, source, variant, (method) => assessParity(num, den, { method, targetYear: target.year }));
      }
    }
  }

  // Concord's own group aggregates, from country totals of one source (never mixing sources).
  const countryTotals = new Map<string, { area: string; year: number; value: number }[]>();
  for (const [key, points] of series) {
    const [area = '', source = '', dims] = key.split('\u0000');
    if (dims !== total || catalog.areas.get(area)?.kind !== 'country') continue;
    const list = countryTotals.get(source) ?? [];
    for (const p of points) list.push({ area, year: p.year, value: p.value });
    countryTotals.set(source, list);
  }
  for (const [source, values] of countryTotals) {
    for (const group of aggregatedGroups) {
      const aggregates = aggregateSeries(catalog, group, values).filter(
        (a): a is GroupAggregate & { value: number } => a.value !== null && a.coverage >= minimumCoverage,
      );
      if (aggregates.length === 0) continue;
      const points = aggregates.map((a) => ({ year: a.year, value: a.value }));
      const aggregation = {
        method: aggregates[0]?.method ?? 'simple-mean',
        note: aggregates[0]?.methodNote ?? '',
        minimumCoverage,
        fromSource: source,
        years: aggregates.map((a) => ({
          year: a.year,
          value: a.value,
          members: a.members.length,
          contributing: a.contributing.length,
          coverage: a.coverage,
        })),
        membershipCaveats: [...new Set(aggregates.flatMap((a) => a.membershipCaveats))],
      };
      for (const target of applicable(group))
        add(
          target,
          group,
          `${aggregateSourcePrefix}${source}`,
          'total',
          (method) => assessProgress({ points, direction, target: { value: target.value, year: target.year }, limits, method }),
          aggregation,
        );
    }
  }
  return rows;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

async function insertAssessments(tx: Database, rows: readonly Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    const values = rows.slice(i, i + 400).map(
      (r) =>
        sql`(${r.indicatorCode}, ${r.area}, ${r.targetId}, ${r.method}, ${r.variant}, ${r.source}, ${r.assessment.status}, ${r.assessment.category},
             ${r.assessment.targetAchieved}, ${r.assessment.reason}, ${r.assessment.methodVersion}, ${json(r.assessment.components)},
             ${json(r.assessment.projection)}, ${json(r.aggregation)})`,
    );
    await tx.query(sql`INSERT INTO assessments (indicator_code, area, target_id, method, variant, source, status, category, target_achieved,
        reason, method_version, components, projection, aggregation) VALUES ${join(values)}`);
  }
}

export interface StoredAssessment {
  indicatorCode: string;
  area: string;
  targetId: string;
  method: MethodId;
  variant: string;
  source: string;
  status: 'assessed' | 'insufficient-data';
  category: string | null;
  targetAchieved: boolean;
  reason: string | null;
  methodVersion: string;
  components: Assessment['components'];
  projection: Assessment['projection'];
  aggregation: Record<string, unknown> | null;
}

export async function storedAssessments(
  db: Database,
  filter: { indicator?: string; area?: string; method?: MethodId; variant?: string },
): Promise<StoredAssessment[]> {
  const where = [sql`true`];
  if (filter.indicator !== undefined) where.push(sql`indicator_code = ${filter.indicator}`);
  if (filter.area !== undefined) where.push(sql`area = ${filter.area}`);
  if (filter.method !== undefined) where.push(sql`method = ${filter.method}`);
  if (filter.variant !== undefined) where.push(sql`variant = ${filter.variant}`);
  return db.query<StoredAssessment>(sql`
    SELECT indicator_code AS "indicatorCode", area, target_id AS "targetId", method, variant, source, status, category,
           target_achieved AS "targetAchieved", reason, method_version AS "methodVersion", components, projection, aggregation
    FROM assessments WHERE ${join(where, ' AND ')}
    ORDER BY indicator_code, area, variant, source, target_id`);
}
