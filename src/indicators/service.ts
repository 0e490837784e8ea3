// Indicators in the store: the catalogue as read by pages and the API, observations imported
// (all or nothing, with a row-by-row report) and exported in CSV, SDMX-CSV and SDMX-JSON, and the
// progress assessments recomputed from them. Routes and the CLI call these; no HTTP here.
import { sql, join, empty, type Sql } from '../store/sql.ts';
import { pgArray, type Database, type Store } from '../store/index.ts';
import { areaCatalog, type AreaCatalog } from '../areas/index.ts';
import type { Language } from '../language/languages.ts';
import { dimensionsKey, type Observation } from './observation.ts';
import { formatIssues, type ImportContext, type ImportIssue, type ImportResult } from './validate.ts';
import { parseObservationsCsv, writeObservationsCsv } from './csv.ts';
import { parseSdmxCsv, parseSdmxJson, parseSdmxMl, writeSdmxCsv, writeSdmxJson } from './sdmx.ts';
import type { Direction, Limits } from './assessment.ts';

export const importFormats = ['csv', 'sdmx-csv', 'sdmx-json', 'sdmx-ml'] as const;
export type ImportFormat = (typeof importFormats)[number];
export const exportFormats = ['csv', 'sdmx-csv', 'sdmx-json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const mediaTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  'sdmx-csv': 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8',
  'sdmx-json': 'application/vnd.sdmx.data+json; version=2.0.0; charset=utf-8',
};

// ---------------------------------------------------------------------------------------------
// Catalogue

export interface IndicatorSummary {
  code: string;
  kind: string;
  unit: string;
  direction: Direction;
  limits: Limits;
  sdgSeries: string | null;
  disaggregations: string[];
  name: string;
  /** The language of `name` and `definition` (English where the catalogue lacks the page's). */
  lang: Language;
  definition: string | null;
  definitionLang: Language;
  source: { id: string; title: string; address: string | null; licence: string };
  licence: string;
  caveats: string[];
  /** Null when not counted. */
  observationCount: number | null;
}

export interface IndicatorElementLink {
  elementId: string;
  code: string;
  framework: string;
  type: 'measures' | 'proxy-for';
  rationale: string | null;
  sourceId: string;
  title: string | null;
}

export interface Target {
  id: string;
  indicatorCode: string;
  area: string | null;
  year: number;
  value: number;
  label: string;
  sourceId: string;
  caveats: string[];
}

interface IndicatorRow {
  code: string;
  kind: string;
  unit: string;
  direction: Direction;
  limit_min: number | null;
  limit_max: number | null;
  sdg_series: string | null;
  disaggregations: string[];
  licence: string;
  caveats: string[];
  source_id: string;
  source_title: string;
  source_address: string | null;
  source_licence: string;
  name: string;
  name_lang: Language;
  definition: string | null;
  definition_lang: Language;
  observations: number | string | null;
}

function toSummary(r: IndicatorRow): IndicatorSummary {
  return {
    code: r.code,
    kind: r.kind,
    unit: r.unit,
    direction: r.direction,
    limits: { ...(r.limit_min !== null ? { min: r.limit_min } : {}), ...(r.limit_max !== null ? { max: r.limit_max } : {}) },
    sdgSeries: r.sdg_series,
    disaggregations: r.disaggregations,
    name: r.name,
    lang: r.name_lang,
    definition: r.definition,
    definitionLang: r.definition_lang,
    source: { id: r.source_id, title: r.source_title, address: r.source_address, licence: r.source_licence },
    licence: r.licence,
    caveats: r.caveats,
    observationCount: r.observations === null ? null : Number(r.observations),
  };
}

function indicatorQuery(lang: Language, where: Sql, counts = true): Sql {
  return sql`SELECT i.code, i.kind, i.unit, i.direction, i.limit_min, i.limit_max, i.sdg_series, i.disaggregations, i.licence, i.caveats,
      s.id AS source_id, s.title AS source_title, s.address AS source_address, s.licence AS source_licence,
      coalesce(l.name, e.name) AS name, CASE WHEN l.name IS NULL THEN 'en' ELSE ${lang} END AS name_lang,
      coalesce(l.definition, e.definition) AS definition,
      CASE WHEN l.definition IS NULL THEN 'en' ELSE ${lang} END AS definition_lang,
      ${counts ? sql`(SELECT count(*) FROM observations o WHERE o.indicator_code = i.code)` : sql`NULL`} AS observations
    FROM indicators i
    JOIN sources s ON s.id = i.source_id
    JOIN indicator_texts e ON e.indicator_code = i.code AND e.lang = 'en'
    LEFT JOIN indicator_texts l ON l.indicator_code = i.code AND l.lang = ${lang}
    ${where}
    ORDER BY i.position`;
}

/** The catalogue; `counts` adds each indicator's number of observations (a scan: lists only). */
export async function listIndicators(db: Database, lang: Language, options: { counts?: boolean } = {}): Promise<IndicatorSummary[]> {
  return (await db.query<IndicatorRow>(indicatorQuery(lang, empty, options.counts ?? false))).map(toSummary);
}

export async function getIndicator(db: Database, code: string, lang: Language): Promise<IndicatorSummary | undefined> {
  const [row] = await db.query<IndicatorRow>(indicatorQuery(lang, sql`WHERE i.code = ${code}`));
  return row ? toSummary(row) : undefined;
}

export async function elementsOf(db: Database, code: string, lang: Language): Promise<IndicatorElementLink[]> {
  return db.query<IndicatorElementLink>(sql`
    SELECT ie.element_id AS "elementId", el.code, el.framework_id AS framework, ie.type, ie.rationale, ie.source_id AS "sourceId",
           coalesce(tl.title, te.title, tl.text, te.text) AS title
    FROM indicator_elements ie
    JOIN elements el ON el.id = ie.element_id
    LEFT JOIN element_texts tl ON tl.element_id = el.id AND tl.lang = ${lang}
    LEFT JOIN element_texts te ON te.element_id = el.id AND te.lang = 'en'
    WHERE ie.indicator_code = ${code}
    ORDER BY el.framework_id, el.position`);
}

/** Indicators that measure an element or anything under it (a GDC objective, an action line). */
export async function indicatorsMeasuring(db: Database, elementId: string): Promise<{ code: string; elementId: string; type: string }[]> {
  return db.query(sql`
    SELECT DISTINCT ie.indicator_code AS code, ie.element_id AS "elementId", ie.type
    FROM indicator_elements ie JOIN elements el ON el.id = ie.element_id
    WHERE el.id = ${elementId} OR ${elementId} = ANY(el.ancestors)
    ORDER BY ie.indicator_code`);
}

export async function targetsOf(db: Database, code: string): Promise<Target[]> {
  return (
    await db.query<Target & { year: number | string; value: number | string }>(sql`
      SELECT id, indicator_code AS "indicatorCode", area, year, value, label, source_id AS "sourceId", caveats
      FROM indicator_targets WHERE indicator_code = ${code} ORDER BY area NULLS FIRST, year`)
  ).map((t) => ({ ...t, year: Number(t.year), value: Number(t.value) }));
}

/**
 * The target an area's chart of this indicator draws: the first that is global or the area's own
 * (a global target first, as targetsOf lists them); the indicator page and the area report draw the same.
 */
export async function chartTarget(db: Database, code: string, area: string): Promise<Target | null> {
  return (await targetsOf(db, code)).find((x) => x.area === null || x.area === area) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Observations

interface ObservationRow {
  indicator_code: string;
  area: string;
  period: string;
  dimensions: Record<string, string>;
  value: number;
  unit: string;
  unit_multiplier: number | null;
  status: string | null;
  source: string;
  notes: string | null;
}

function toObservation(r: ObservationRow): Observation {
  return {
    series: r.indicator_code,
    area: r.area,
    period: r.period,
    dimensions: r.dimensions,
    value: Number(r.value),
    unit: r.unit,
    ...(r.unit_multiplier !== null ? { unitMultiplier: Number(r.unit_multiplier) } : {}),
    ...(r.status !== null ? { status: r.status } : {}),
    source: r.source,
    ...(r.notes !== null ? { notes: r.notes } : {}),
  };
}

export interface ObservationFilter {
  indicator?: string;
  areas?: readonly string[];
  /** Only the totals (no disaggregation). */
  totalsOnly?: boolean;
  source?: string;
}

export async function findObservations(db: Database, filter: ObservationFilter): Promise<Observation[]> {
  const where: Sql[] = [];
  if (filter.indicator !== undefined) where.push(sql`indicator_code = ${filter.indicator}`);
  if (filter.areas !== undefined) {
    // Any code the catalogue knows (`LDC`, `826`, `gb`) reads as Concord's area code.
    const catalog = await areaCatalog();
    where.push(sql`area = ANY(${pgArray(filter.areas.map((a) => catalog.resolve(a) ?? a))}::text[])`);
  }
  if (filter.totalsOnly) where.push(sql`dimensions_key = '[]'`);
  if (filter.source !== undefined) where.push(sql`source = ${filter.source}`);
  const rows = await db.query<ObservationRow>(sql`
    SELECT indicator_code, area, period, dimensions, value, unit, unit_multiplier, status, source, notes
    FROM observations ${where.length ? sql`WHERE ${join(where, ' AND ')}` : empty}
    ORDER BY indicator_code, area, dimensions_key, period, source`);
  return rows.map(toObservation);
}

/** Rows per statement: every column travels as one array parameter, so the size only bounds memory. */
const BATCH = 5000;

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Upserts observations by their key (indicator, area, period, disaggregation, source), in batches
 * of multi-row inserts (unnest of one array per column). A row that exists with the same value,
 * unit, status and notes is left untouched, so re-importing an export changes nothing.
 */
export async function writeObservations(tx: Database, observations: readonly Observation[], importId: number | null): Promise<WriteCounts> {
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < observations.length; i += BATCH) {
    const chunk = observations.slice(i, i + BATCH);
    const col = <T extends string | number | null>(pick: (o: Observation) => T) => pgArray(chunk.map(pick));
    const result = await tx.query<{ inserted: boolean }>(sql`
      INSERT INTO observations AS t (indicator_code, area, period, year, dimensions, dimensions_key, value, unit, unit_multiplier, status, source, notes, import_id)
      SELECT s, a, p, y, d::jsonb, k, v, u, m, st, src, n, ${importId}::bigint
      FROM unnest(${col((o) => o.series)}::text[], ${col((o) => o.area)}::text[], ${col((o) => o.period)}::text[],
                  ${col((o) => Number(o.period.slice(0, 4)))}::smallint[], ${col((o) => JSON.stringify(o.dimensions))}::text[],
                  ${col((o) => dimensionsKey(o.dimensions))}::text[], ${col((o) => o.value)}::float8[], ${col((o) => o.unit)}::text[],
                  ${col((o) => o.unitMultiplier ?? null)}::smallint[], ${col((o) => o.status ?? null)}::text[],
                  ${col((o) => o.source)}::text[], ${col((o) => o.notes ?? null)}::text[])
           AS x(s, a, p, y, d, k, v, u, m, st, src, n)
      ON CONFLICT (indicator_code, area, period, dimensions_key, source) DO UPDATE
        SET value = excluded.value, unit = excluded.unit, unit_multiplier = excluded.unit_multiplier, status = excluded.status,
            notes = excluded.notes, import_id = excluded.import_id
        WHERE (t.value, t.unit, t.unit_multiplier, t.status, t.notes)
          IS DISTINCT FROM (excluded.value, excluded.unit, excluded.unit_multiplier, excluded.status, excluded.notes)
      RETURNING (xmax = 0) AS inserted`);
    for (const row of result) {
      if (row.inserted) inserted++;
      else updated++;
    }
  }
  return { inserted, updated, unchanged: observations.length - inserted - updated };
}

/** What validation needs from the store: the areas, and each catalogued series' unit and limits. */
export async function importContext(db: Database, catalog?: AreaCatalog): Promise<ImportContext & { known: Set<string> }> {
  const areas = catalog ?? (await areaCatalog());
  const rows = await db.query<{ code: string; unit: string; limit_min: number | null; limit_max: number | null }>(
    sql`SELECT code, unit, limit_min, limit_max FROM indicators`,
  );
  return {
    resolveArea: areas.resolve,
    seriesUnits: Object.fromEntries(rows.map((r) => [r.code, r.unit])),
    seriesLimits: Object.fromEntries(
      rows.map((r) => [
        r.code,
        { ...(r.limit_min !== null ? { min: Number(r.limit_min) } : {}), ...(r.limit_max !== null ? { max: Number(r.limit_max) } : {}) },
      ]),
    ),
    known: new Set(rows.map((r) => r.code)),
  };
}

/** The format of a message, from its first characters. */
export function detectFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'sdmx-json';
  if (start.startsWith('<')) return 'sdmx-ml';
  if (/^(STRUCTURE|DATAFLOW)[,;\t|]/.test(start)) return 'sdmx-csv';
  return 'csv';
}

export function parseObservations(text: string, format: ImportFormat, ctx: ImportContext): ImportResult {
  switch (format) {
    case 'csv':
      return parseObservationsCsv(text, ctx);
    case 'sdmx-csv':
      return parseSdmxCsv(text, ctx);
    case 'sdmx-json':
      return parseSdmxJson(text, ctx);
    case 'sdmx-ml':
      return parseSdmxMl(text, ctx);
  }
}

export interface ImportReport {
  ok: boolean;
  format: ImportFormat;
  /** Observations read (all of them when ok). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  issues: ImportIssue[];
  notices: string[];
  /** Indicators whose assessments were recomputed. */
  assessed: string[];
}

/**
 * Imports a message: every row is checked (unknown area, unit mismatch with the catalogue,
 * duplicate key, a percentage outside 0-100, an unknown indicator...) and either every observation
 * is written, in one transaction, or none and every issue is reported. Assessments of the
 * indicators touched are then recomputed.
 */
export async function importObservations(
  store: Store,
  text: string,
  options: { format?: ImportFormat; actor: string; defaultSource?: string; assess?: boolean },
): Promise<ImportReport> {
  const format = options.format ?? detectFormat(text);
  const ctx = await importContext(store.db);
  const parsed = parseObservations(text, format, { ...ctx, ...(options.defaultSource ? { defaultSource: options.defaultSource } : {}) });
  const empty = { format, inserted: 0, updated: 0, unchanged: 0, assessed: [] as string[] };
  if (!parsed.ok) return { ok: false, rows: 0, issues: parsed.issues, notices: parsed.notices, ...empty };
  const unknown = new Map<string, number>();
  for (const o of parsed.observations) if (!ctx.known.has(o.series)) unknown.set(o.series, (unknown.get(o.series) ?? 0) + 1);
  if (unknown.size > 0) {
    const issues: ImportIssue[] = [...unknown].map(([series, n]) => ({
      row: 0,
      field: 'series',
      code: 'unsupported',
      message: `unknown indicator ${JSON.stringify(series)} (${n} rows): add it to the catalogue first`,
      value: series,
    }));
    return { ok: false, rows: 0, issues, notices: parsed.notices, ...empty };
  }
  const counts = await store.transaction(async (tx) => {
    const [run] = await tx.query<{ id: number | string }>(
      sql`INSERT INTO observation_imports (format, actor, rows, inserted, updated, unchanged) VALUES (${format}, ${options.actor}, ${parsed.observations.length}, 0, 0, 0) RETURNING id`,
    );
    const importId = Number(run?.id);
    const written = await writeObservations(tx, parsed.observations, importId);
    await tx.query(
      sql`UPDATE observation_imports SET inserted = ${written.inserted}, updated = ${written.updated}, unchanged = ${written.unchanged} WHERE id = ${importId}`,
    );
    return written;
  });
  const touched = [...new Set(parsed.observations.map((o) => o.series))].sort();
  let assessed: string[] = [];
  if (options.assess !== false && counts.inserted + counts.updated > 0) {
    const { assessIndicators } = await import('./assess.ts');
    assessed = await assessIndicators(store, touched);
  }
  return { ok: true, format, rows: parsed.observations.length, ...counts, issues: [], notices: parsed.notices, assessed };
}

/** The report in lines, for the CLI. */
export function describeImport(report: ImportReport): string {
  if (!report.ok) return `Nothing imported (${report.format}): ${report.issues.length} issue(s)\n${formatIssues(report.issues)}`;
  return [
    `Imported ${report.rows} observations (${report.format}): ${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged.`,
    ...report.notices.map((n) => `Note: ${n}`),
    ...(report.assessed.length ? [`Assessments recomputed for ${report.assessed.join(', ')}.`] : []),
  ].join('\n');
}

/** Observations as a file in one of the export formats (SDMX REF_AREA: M49 codes where an area has one). */
export async function exportObservations(db: Database, filter: ObservationFilter, format: ExportFormat): Promise<string> {
  const observations = await findObservations(db, filter);
  const catalog = await areaCatalog();
  const refArea = (a: string) => catalog.m49Of(a) ?? a;
  switch (format) {
    case 'csv':
      return writeObservationsCsv(observations);
    case 'sdmx-csv':
      return writeSdmxCsv(observations, { refArea });
    case 'sdmx-json':
      return writeSdmxJson(observations, { refArea, id: `concord-${filter.indicator ?? 'all'}` });
  }
}

/** Deletes the observations of the given indicators (or all) — for operators replacing a release. */
export async function clearObservations(store: Store, indicators?: readonly string[]): Promise<void> {
  await store.transaction(async (tx) => {
    const where = indicators ? sql`WHERE indicator_code = ANY(${pgArray(indicators)}::text[])` : empty;
    await tx.query(sql`DELETE FROM assessments ${where}`);
    await tx.query(sql`DELETE FROM observations ${where}`);
  });
}
