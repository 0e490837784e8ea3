// The Compact implementation map (GDC para 71; WSIS+20 paras 113, 122): how far the published
// records cover the frameworks. One mechanism serves every view: each kind of record (initiative,
// pledge, roadmap activity, document paragraph, indicator) is read as (element closure, count),
// grouped by closure first (records tagged alike are counted once as a set), then spread over the
// rows (GDC objectives, paragraphs or actions) and columns (WSIS action lines or SDG goals) the
// closure contains. `*` stands for "any": (row, *) is a row's total, (*, *) the grand total.
import { z } from '@hono/zod-openapi';
import { sql, join, empty, pgArray, pgTextArray, type Database, type Sql } from '../store/index.ts';
import { registryCondition } from '../initiatives/service.ts';
import { atRevision } from '../initiatives/registry-cache.ts';
import { areaCatalog } from '../areas/index.ts';
import { stakeholderTypes } from '../organizations/service.ts';
import { sourceFilterValues } from '../registries/sources.ts';
import type { Language } from '../language/languages.ts';

export const rowLevels = ['objective', 'paragraph', 'action'] as const;
export type RowLevel = (typeof rowLevels)[number];
export const columnAxes = ['action-line', 'sdg'] as const;
export type ColumnAxis = (typeof columnAxes)[number];
export const measures = ['initiatives', 'pledges', 'activities', 'paragraphs', 'indicators'] as const;
export type Measure = (typeof measures)[number];
export type Counts = Record<Measure, number>;

export const ANY = '*';

/** How long without a published progress report before a pledge counts as stale. */
export const STALE_MONTHS = 12;

/**
 * What narrows the records counted. Area and country group apply to initiatives, their pledges,
 * and the roadmap activities they carry out; organization, stakeholder type and year to
 * initiatives, pledges and activities; the source (a registry Concord reads, or `concord`) to initiatives, their
 * pledges and the activities they carry out. Document paragraphs and indicators are reference: counted whatever the filter.
 */
export const coverageFilter = z.object({
  area: z.string().trim().min(1).max(20).optional(),
  stakeholderType: z.enum(stakeholderTypes as [string, ...string[]]).optional(),
  organization: z.string().trim().min(1).max(80).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  source: z.enum(sourceFilterValues).optional(),
});
export type CoverageFilter = z.infer<typeof coverageFilter>;

export const coverageQuery = coverageFilter.extend({
  rows: z.enum(rowLevels).default('objective'),
  columns: z.enum(columnAxes).default('action-line'),
  /** Only the rows under one GDC objective (gdc.obj.1 … gdc.obj.5). */
  objective: z
    .string()
    .regex(/^gdc\.obj\.[1-5]$/)
    .optional(),
});
export type CoverageQuery = z.infer<typeof coverageQuery>;

export interface AxisEntry {
  id: string;
  code: string;
  kind: string;
  title: string | null;
  /** The language of the title (English when the element has no text in the reader's). */
  titleLanguage: Language | null;
  /** For GDC actions: the year the paragraph's chapeau commits to ("2030"), if any. */
  deadline: string | null;
}

export interface CoverageCell {
  row: string;
  column: string;
  counts: Counts;
}

export interface CoverageMatrix {
  query: CoverageQuery;
  rows: AxisEntry[];
  columns: AxisEntry[];
  /** Non-empty cells, with (row, *) row totals, (*, column) column totals and (*, *) the grand total. */
  cells: CoverageCell[];
}

const zero = (): Counts => ({ initiatives: 0, pledges: 0, activities: 0, paragraphs: 0, indicators: 0 });

// ------------------------------------------------------------------ axes

/** The rows or columns of a matrix, in document order, named in the reader's language. */
export async function axis(db: Database, which: RowLevel | ColumnAxis, lang: Language, objective?: string): Promise<AxisEntry[]> {
  const where: Sql =
    which === 'objective'
      ? sql`e.kind = 'objective'`
      : which === 'paragraph'
        ? sql`e.framework_id = 'gdc' AND e.kind = 'paragraph' AND e.ancestors && ARRAY['gdc.obj.1','gdc.obj.2','gdc.obj.3','gdc.obj.4','gdc.obj.5']`
        : which === 'action'
          ? sql`e.framework_id = 'gdc' AND e.kind = 'action' AND e.ancestors && ARRAY['gdc.obj.1','gdc.obj.2','gdc.obj.3','gdc.obj.4','gdc.obj.5']`
          : which === 'action-line'
            ? sql`e.kind = 'action-line'`
            : sql`e.kind = 'goal'`;
  const under = objective ? sql` AND (e.id = ${objective} OR e.ancestors @> ${pgTextArray([objective])}::text[])` : empty;
  const rows = await db.query<{
    id: string;
    code: string;
    kind: string;
    title: string | null;
    lang: Language | null;
    deadline: string | null;
  }>(
    sql`SELECT e.id, e.code, e.kind, coalesce(t.title, t.text, en.title, en.text) AS title,
               CASE WHEN t.element_id IS NOT NULL THEN t.lang WHEN en.element_id IS NOT NULL THEN en.lang END AS lang,
               e.attributes->>'deadline' AS deadline
        FROM elements e
        LEFT JOIN element_texts t ON t.element_id = e.id AND t.lang = ${lang}
        LEFT JOIN element_texts en ON en.element_id = e.id AND en.lang = 'en'
        WHERE ${where}${under}
        ORDER BY e.framework_id, e.position`,
  );
  return rows.map((r) => ({ id: r.id, code: r.code, kind: r.kind, title: r.title, titleLanguage: r.lang, deadline: r.deadline }));
}

// ------------------------------------------------------------------ facts

/** The filter's condition over `initiatives i` (published only), as the registry reads it. */
async function initiativeCondition(filter: CoverageFilter): Promise<{ condition: Sql; from: Sql }> {
  return registryCondition({ ...filter, states: ['published'] });
}

/** The element closure of a roadmap node `n` (its tagged elements and their ancestors). */
const nodeClosure = sql`(SELECT coalesce(array_agg(DISTINCT x), '{}') FROM roadmap_node_elements ne JOIN elements e ON e.id = ne.element_id,
                          unnest(e.ancestors || e.id) x WHERE ne.node_id = n.id)`;

/** Each indicator (`indicator_code`) with the closure (`c`) of the elements it measures. */
const indicatorClosures = sql`SELECT ie.indicator_code, array_agg(DISTINCT x ORDER BY x) AS c
  FROM indicator_elements ie JOIN elements e ON e.id = ie.element_id, unnest(e.ancestors || e.id) x GROUP BY ie.indicator_code`;

/** Activities of published roadmaps that the filter keeps (over `roadmap_nodes n JOIN roadmaps r`). */
async function activityCondition(filter: CoverageFilter): Promise<Sql> {
  const where: Sql[] = [sql`r.state = 'published'`, sql`n.kind = 'activity'`];
  if (filter.organization) {
    where.push(sql`(n.lead_organization_id = ${filter.organization} OR r.owner_organization_id = ${filter.organization}
                    OR EXISTS (SELECT 1 FROM roadmap_node_contributors c WHERE c.node_id = n.id AND c.organization_id = ${filter.organization}))`);
  }
  if (filter.stakeholderType) {
    where.push(sql`EXISTS (SELECT 1 FROM organizations o WHERE o.id = coalesce(n.lead_organization_id, r.owner_organization_id)
                           AND o.stakeholder_type = ${filter.stakeholderType})`);
  }
  if (filter.year) {
    where.push(
      sql`(n.start_date IS NULL OR n.start_date <= ${`${filter.year}-12-31`}::date) AND (n.due_date IS NULL OR n.due_date >= ${`${filter.year}-01-01`}::date)`,
    );
  }
  if (filter.area || filter.source) {
    // A roadmap has no place or source of its own: an activity has them through the initiatives that carry it out.
    const { condition } = await registryCondition({ area: filter.area, source: filter.source, year: filter.year, states: ['published'] });
    where.push(sql`EXISTS (SELECT 1 FROM roadmap_node_initiatives ni JOIN initiatives i ON i.id = ni.initiative_id
                           WHERE ni.node_id = n.id AND ${condition})`);
  }
  return join(where, ' AND ');
}

// ------------------------------------------------------------------ facts, spread in memory

/** Records of one kind that share a closure: spread over the cells the closure names. */
interface Fact {
  closure: readonly string[];
  n: number;
}

/**
 * Element sets never change once written (a closure is stored once, under a number that is never
 * reused), so each process keeps those it has read: a query returns numbers, not arrays.
 */
const setCaches = new WeakMap<Database, Map<number, readonly string[]>>();

async function closuresOf(db: Database, ids: readonly number[]): Promise<Map<number, readonly string[]>> {
  let cache = setCaches.get(db);
  if (!cache) setCaches.set(db, (cache = new Map<number, readonly string[]>()));
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length) {
    const rows = await db.query<{ id: number; closure: string[] }>(
      sql`SELECT id, closure FROM element_sets WHERE id = ANY(${pgArray(missing)}::int[])`,
    );
    for (const r of rows) cache.set(Number(r.id), r.closure);
  }
  return cache;
}

/** Counts grouped by element set (`set`, `n`), read and named by their closures. */
async function bySet(db: Database, grouped: Sql): Promise<Fact[]> {
  const rows = await db.query<{ set: number | null; n: number | string }>(grouped);
  const closures = await closuresOf(
    db,
    rows.flatMap((r) => (r.set === null ? [] : [Number(r.set)])),
  );
  return rows.flatMap((r) => (r.set === null ? [] : [{ closure: closures.get(Number(r.set)) ?? [], n: Number(r.n) }]));
}

/** Counts grouped by a closure computed in the query (`c`, `n`): roadmap activities, indicators (hundreds). */
async function byClosure(db: Database, grouped: Sql): Promise<Fact[]> {
  return (await db.query<{ c: string[]; n: number | string }>(grouped)).map((r) => ({ closure: r.c, n: Number(r.n) }));
}

/** The closures of published roadmap activities the filter keeps, one per activity. */
async function activityFacts(db: Database, filter: CoverageFilter): Promise<Fact[]> {
  const condition = await activityCondition(filter);
  return byClosure(
    db,
    sql`SELECT c, count(*) AS n FROM (
          SELECT array_agg(DISTINCT x ORDER BY x) AS c
          FROM roadmap_nodes n JOIN roadmaps r ON r.id = n.roadmap_id
          JOIN roadmap_node_elements ne ON ne.node_id = n.id JOIN elements e ON e.id = ne.element_id, unnest(e.ancestors || e.id) x
          WHERE ${condition} GROUP BY n.id) a GROUP BY 1`,
  );
}

/** Every kind of record the matrix counts, grouped by closure. */
async function readFacts(db: Database, filter: CoverageFilter, stale = false): Promise<Record<Measure | 'stale', Fact[]>> {
  const { condition, from } = await initiativeCondition(filter);
  // Initiatives and their pledges in one pass: each initiative keeps the number of its pledges (a trigger).
  const registry = db.query<{ set: number; n: number | string; pledges: number | string }>(
    sql`SELECT i.element_set_id AS set, count(*) AS n, sum(i.pledge_count) AS pledges FROM ${from} WHERE ${condition} GROUP BY 1`,
  );
  const [counted, activities, paragraphs, indicators, stalePledges] = await Promise.all([
    registry,
    activityFacts(db, filter),
    // One version of each linked paragraph carries its set (migration paragraph_sets_once): counted once in all its languages.
    bySet(db, sql`SELECT element_set_id AS set, count(*) AS n FROM document_paragraphs WHERE element_set_id IS NOT NULL GROUP BY 1`),
    byClosure(db, sql`SELECT c, count(*) AS n FROM (${indicatorClosures}) s GROUP BY 1`),
    // Stale: nothing reported for STALE_MONTHS since its latest published report (each pledge keeps its date), or, before
    // any, since the pledge was made public (made, and its initiative published): a pledge published today with an old
    // baseline has had no chance to report yet (issue 16 item 9), as the pledge's own status says (progress.ts).
    stale
      ? bySet(
          db,
          sql`SELECT i.element_set_id AS set, count(*) AS n FROM ${from} JOIN pledges p ON p.initiative_id = i.id
              WHERE ${condition}
                AND coalesce(p.reported_on, greatest(p.baseline_date, p.created_at::date, i.published_at::date))
                    < (now() - ${`${STALE_MONTHS} months`}::interval)::date
              GROUP BY 1`,
        )
      : Promise.resolve([]),
  ]);
  const closures = await closuresOf(
    db,
    counted.flatMap((r) => (r.set === null ? [] : [Number(r.set)])),
  );
  const of = (r: (typeof counted)[number]) => (r.set === null ? [] : (closures.get(Number(r.set)) ?? []));
  return {
    initiatives: counted.map((r) => ({ closure: of(r), n: Number(r.n) })),
    pledges: counted.map((r) => ({ closure: of(r), n: Number(r.pledges ?? 0) })).filter((f) => f.n > 0),
    activities,
    paragraphs,
    indicators,
    stale: stalePledges,
  };
}

/** Adds each fact to the cells its closure names: (row, column), (row, *), (*, column) and (*, *). */
function spread(
  facts: readonly Fact[],
  rows: ReadonlySet<string>,
  columns: ReadonlySet<string>,
  add: (row: string, column: string, n: number) => void,
) {
  for (const f of facts) {
    const r = [ANY, ...f.closure.filter((e) => rows.has(e))];
    const c = [ANY, ...f.closure.filter((e) => columns.has(e))];
    for (const row of r) for (const column of c) add(row, column, f.n);
  }
}

// ------------------------------------------------------------------ the matrix

/** The coverage matrix, read from the store (the benchmark's cold path). */
export async function queryCoverage(db: Database, query: CoverageQuery, lang: Language): Promise<CoverageMatrix> {
  const [rows, columns, facts] = await Promise.all([
    axis(db, query.rows, lang, query.objective),
    axis(db, query.columns, lang),
    readFacts(db, query),
  ]);
  const rowIds = new Set(rows.map((r) => r.id));
  const columnIds = new Set(columns.map((c) => c.id));
  const cells = new Map<string, CoverageCell>();
  for (const m of measures) {
    // With an objective, the totals row counts what lies under the objective only.
    const scoped = query.objective ? facts[m].filter((f) => f.closure.includes(query.objective!)) : facts[m];
    spread(scoped, rowIds, columnIds, (row, column, n) => {
      const key = `${row}|${column}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { row, column, counts: zero() }));
      cell.counts[m] += n;
    });
  }
  return { query, rows, columns, cells: [...cells.values()] };
}

/** The coverage matrix, served from memory while no counted record changed (registry-cache.ts). */
export async function coverageMatrix(db: Database, query: CoverageQuery, lang: Language): Promise<CoverageMatrix> {
  return atRevision(db, cacheKey('coverage', { ...query, lang }), () => queryCoverage(db, query, lang));
}

function cacheKey(kind: string, value: Record<string, unknown>): string {
  // A group filter without a year reads this year's members: the year is part of the key.
  return `${kind} ${new Date().getUTCFullYear()} ${JSON.stringify(value, Object.keys(value).sort())}`;
}

/** A cell's counts (zeros when it is empty). */
export function cellOf(matrix: CoverageMatrix, row: string, column: string): Counts {
  return matrix.cells.find((c) => c.row === row && c.column === column)?.counts ?? zero();
}

// ------------------------------------------------------------------ gaps

export const gapKinds = ['no-initiative', 'no-pledge', 'no-indicator', 'stale-pledges-only'] as const;
export type GapKind = (typeof gapKinds)[number];

export interface GapEntry {
  element: AxisEntry;
  objective: string;
  counts: Counts;
  /** Pledges with nothing reported (no published progress report, nor a baseline) in the last STALE_MONTHS months. */
  stalePledges: number;
  gaps: GapKind[];
}

export const gapQuery = coverageFilter.extend({
  objective: z
    .string()
    .regex(/^gdc\.obj\.[1-5]$/)
    .optional(),
  gap: z.enum(gapKinds).optional(),
});
export type GapQuery = z.infer<typeof gapQuery>;

/** GDC actions due by 2030 that no initiative, pledge or indicator serves, or only stale pledges (read from the store). */
export async function queryGaps(db: Database, query: GapQuery, lang: Language): Promise<GapEntry[]> {
  const actions = (await axis(db, 'action', lang, query.objective)).filter((a) => a.deadline === '2030');
  const ids = actions.map((a) => a.id);
  const facts = await readFacts(db, query, true);
  const counts = new Map(ids.map((id) => [id, { counts: zero(), stale: 0 }]));
  const wanted = new Set(ids);
  for (const kind of [...measures, 'stale'] as const) {
    spread(facts[kind], wanted, new Set(), (row, column, n) => {
      const entry = counts.get(row);
      if (!entry || column !== ANY) return;
      if (kind === 'stale') entry.stale += n;
      else entry.counts[kind] += n;
    });
  }
  const [ancestry] = await Promise.all([
    db.query<{ id: string; objective: string }>(
      sql`SELECT id, (SELECT a FROM unnest(ancestors) a WHERE a LIKE 'gdc.obj.%' LIMIT 1) AS objective FROM elements WHERE id = ANY(${pgTextArray(ids)}::text[])`,
    ),
  ]);
  const objectiveOf = new Map(ancestry.map((r) => [r.id, r.objective]));
  const entries = actions.map((element): GapEntry => {
    const { counts: c, stale: s } = counts.get(element.id)!;
    const gaps: GapKind[] = [];
    if (c.initiatives === 0) gaps.push('no-initiative');
    if (c.pledges === 0) gaps.push('no-pledge');
    if (c.indicators === 0) gaps.push('no-indicator');
    if (c.pledges > 0 && s === c.pledges) gaps.push('stale-pledges-only');
    return { element, objective: objectiveOf.get(element.id) ?? '', counts: c, stalePledges: s, gaps };
  });
  return entries.filter((e) => (query.gap ? e.gaps.includes(query.gap) : e.gaps.length > 0));
}

export async function gapList(db: Database, query: GapQuery, lang: Language): Promise<GapEntry[]> {
  // A pledge turns stale with time, not only with writes: the day is part of the key.
  const day = new Date().toISOString().slice(0, 10);
  return atRevision(db, cacheKey('gaps', { ...query, lang, day }), async () => ({ entries: await queryGaps(db, query, lang) })).then(
    (r) => r.entries,
  );
}

// ------------------------------------------------------------------ drill-down

export interface CellRecord {
  kind: Measure;
  id: string;
  title: string;
  /** Who: the lead organization, the pledging organization, the roadmap owner, the document symbol. */
  by: string | null;
  /** Where the record lives in Concord, as a path under the language prefix. */
  path: string;
  detail: string | null;
}

export const cellQuery = coverageFilter.extend({
  row: z.string().trim().min(1).max(60),
  column: z.string().trim().min(1).max(60).default(ANY),
  measure: z.enum(measures).default('initiatives'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CellQuery = z.infer<typeof cellQuery>;

/** The records behind one cell of the matrix, a page at a time. */
export async function cellRecords(db: Database, query: CellQuery, lang: Language): Promise<{ total: number; items: CellRecord[] }> {
  const wanted = [query.row, query.column].filter((e) => e !== ANY);
  const tags = pgTextArray(wanted);
  const page = sql`LIMIT ${query.limit} OFFSET ${query.offset}`;
  const title = (id: Sql) =>
    sql`(SELECT title FROM initiative_texts WHERE initiative_id = ${id} ORDER BY (lang = ${lang}) DESC, (lang = 'en') DESC, lang LIMIT 1)`;
  let rows: (Omit<CellRecord, 'kind'> & { total: number | string })[];
  if (query.measure === 'initiatives' || query.measure === 'pledges') {
    const { condition, from } = await initiativeCondition(query);
    rows =
      query.measure === 'initiatives'
        ? await db.query(
            sql`SELECT i.id, ${title(sql`i.id`)} AS title, (SELECT name FROM organizations WHERE id = i.lead_organization_id) AS by,
                       '/initiatives/' || i.id AS path, i.status AS detail, count(*) OVER () AS total
                FROM ${from} WHERE ${condition} AND i.element_closure @> ${tags}::text[]
                ORDER BY i.updated_at DESC, i.id ${page}`,
          )
        : await db.query(
            sql`SELECT p.id, p.metric || ' (' || ${title(sql`i.id`)} || ')' AS title, (SELECT name FROM organizations WHERE id = p.organization_id) AS by,
                       '/pledges/' || p.id AS path, p.target_value::text || ' ' || p.unit || ' · ' || p.target_date AS detail, count(*) OVER () AS total
                FROM ${from} JOIN pledges p ON p.initiative_id = i.id WHERE ${condition} AND i.element_closure @> ${tags}::text[]
                ORDER BY p.target_date, p.id ${page}`,
          );
  } else if (query.measure === 'activities') {
    const condition = await activityCondition(query);
    rows = await db.query(
      sql`SELECT n.id, n.title, (SELECT name FROM organizations WHERE id = coalesce(n.lead_organization_id, r.owner_organization_id)) AS by,
                 '/roadmaps/' || r.id || '#node-' || n.id AS path, r.title || ' · ' || n.status || coalesce(' · ' || n.due_date, '') AS detail,
                 count(*) OVER () AS total
          FROM roadmap_nodes n JOIN roadmaps r ON r.id = n.roadmap_id
          WHERE ${condition} AND ${nodeClosure} @> ${tags}::text[]
          ORDER BY n.due_date NULLS LAST, n.id ${page}`,
    );
  } else if (query.measure === 'paragraphs') {
    rows = await db.query(
      sql`WITH hits AS (
            SELECT DISTINCT ON (p.document_id, p.eid) p.id::text AS id, left(p.text, 240) AS title, d.symbol AS by,
                   '/documents/' || d.id || '#' || p.eid AS path, p.lang || coalesce(' · ¶ ' || p.number, '') AS detail,
                   d.date, p.position
            FROM document_paragraphs p JOIN documents d ON d.id = p.document_id
            WHERE p.element_closure @> ${tags}::text[]
            ORDER BY p.document_id, p.eid, (p.lang = ${lang}) DESC, (p.lang = 'en') DESC)
          SELECT id, title, by, path, detail, count(*) OVER () AS total FROM hits
          ORDER BY date DESC NULLS LAST, by, position ${page}`,
    );
  } else {
    rows = await db.query(
      sql`WITH tagged AS (${indicatorClosures})
          SELECT i.code AS id, coalesce(t.name, en.name, i.code) AS title, null AS by, '/indicators/' || i.code AS path, i.unit AS detail,
                 count(*) OVER () AS total
          FROM tagged JOIN indicators i ON i.code = tagged.indicator_code
          LEFT JOIN indicator_texts t ON t.indicator_code = i.code AND t.lang = ${lang}
          LEFT JOIN indicator_texts en ON en.indicator_code = i.code AND en.lang = 'en'
          WHERE tagged.c @> ${tags}::text[] ORDER BY i.code ${page}`,
    );
  }
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      kind: query.measure,
      id: r.id,
      title: r.title ?? r.id,
      by: r.by,
      path: r.path,
      detail: r.detail,
    })),
  };
}

// ------------------------------------------------------------------ overlaps

export interface OverlapGroup {
  element: AxisEntry;
  area: string;
  organizations: number;
  initiatives: {
    id: string;
    title: string;
    organization: { id: string; name: string };
    status: string;
    startDate: string | null;
    endDate: string | null;
  }[];
}

export const overlapQuery = coverageFilter.extend({
  objective: z
    .string()
    .regex(/^gdc\.obj\.[1-5]$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type OverlapQuery = z.infer<typeof overlapQuery>;

/** How many records side by side a group shows (the total is given). */
const OVERLAP_SHOWN = 8;

/**
 * Candidate duplication (WSIS+20 paras 106, 120): several organizations leading published
 * initiatives on the same GDC action in the same country, most organizations first.
 */
export async function overlaps(db: Database, query: OverlapQuery, lang: Language): Promise<{ total: number; groups: OverlapGroup[] }> {
  const actions = await axis(db, 'action', lang, query.objective);
  const byId = new Map(actions.map((a) => [a.id, a]));
  const { condition, from } = await initiativeCondition(query);
  const groups = await db.query<{ element: string; area: string; organizations: number; ids: string[]; total: number | string }>(
    sql`WITH pairs AS (
          SELECT x AS element, a.area_code AS area, i.id, i.lead_organization_id AS org
          FROM ${from} JOIN initiative_areas a ON a.initiative_id = i.id
          CROSS JOIN LATERAL unnest(i.element_closure) x
          WHERE ${condition} AND x = ANY(${pgTextArray(actions.map((a) => a.id))}::text[]) AND a.area_code ~ '^[A-Z]{3}$')
        SELECT element, area, count(DISTINCT org)::int AS organizations,
               (array_agg(id ORDER BY id))[1:${OVERLAP_SHOWN}] AS ids, count(*) OVER () AS total
        FROM pairs GROUP BY element, area HAVING count(DISTINCT org) > 1
        ORDER BY organizations DESC, element, area
        LIMIT ${query.limit} OFFSET ${query.offset}`,
  );
  const ids = [...new Set(groups.flatMap((g) => g.ids))];
  const records = ids.length
    ? await db.query<{
        id: string;
        title: string | null;
        org_id: string;
        org_name: string;
        status: string;
        start_date: string | null;
        end_date: string | null;
      }>(
        sql`SELECT i.id, (SELECT title FROM initiative_texts WHERE initiative_id = i.id ORDER BY (lang = ${lang}) DESC, (lang = 'en') DESC, lang LIMIT 1) AS title,
                   o.id AS org_id, o.name AS org_name, i.status, i.start_date, i.end_date
            FROM initiatives i JOIN organizations o ON o.id = i.lead_organization_id WHERE i.id = ANY(${pgTextArray(ids)}::text[])`,
      )
    : [];
  const record = new Map(records.map((r) => [r.id, r]));
  return {
    total: Number(groups[0]?.total ?? 0),
    groups: groups.map((g) => ({
      element: byId.get(g.element)!,
      area: g.area,
      organizations: g.organizations,
      initiatives: g.ids.flatMap((id) => {
        const r = record.get(id);
        return r
          ? [
              {
                id,
                title: r.title ?? id,
                organization: { id: r.org_id, name: r.org_name },
                status: r.status,
                startDate: r.start_date,
                endDate: r.end_date,
              },
            ]
          : [];
      }),
    })),
  };
}

export interface UncoveredActivity {
  id: string;
  title: string;
  roadmap: { id: string; title: string; actionLineId: string | null };
  lead: { id: string; name: string } | null;
  dueDate: string | null;
  status: string;
  elements: string[];
}

/**
 * Activities of published roadmaps (over `roadmap_nodes n JOIN roadmaps r`) with what the joint
 * view and the list of activities without initiatives show: outcome, roadmap, lead, the
 * initiatives that carry them out, the elements they are tagged with and their closure.
 */
async function activityRows(db: Database, where: Sql, order: Sql) {
  return db.query<{
    id: string;
    title: string;
    outcome: string;
    roadmap_id: string;
    roadmap_title: string;
    action_line_id: string | null;
    owner: string;
    lead_id: string | null;
    lead_name: string | null;
    due_date: string | null;
    status: string;
    initiatives: number;
    elements: string[] | null;
    closure: string[];
  }>(
    sql`SELECT n.id, n.title, oc.title AS outcome, r.id AS roadmap_id, r.title AS roadmap_title, r.action_line_id, ow.name AS owner,
               lo.id AS lead_id, lo.name AS lead_name, n.due_date, n.status,
               (SELECT count(*)::int FROM roadmap_node_initiatives ni JOIN initiatives i ON i.id = ni.initiative_id
                WHERE ni.node_id = n.id AND i.state = 'published') AS initiatives,
               (SELECT array_agg(element_id ORDER BY element_id) FROM roadmap_node_elements WHERE node_id = n.id) AS elements,
               ${nodeClosure} AS closure
        FROM roadmap_nodes n JOIN roadmaps r ON r.id = n.roadmap_id JOIN organizations ow ON ow.id = r.owner_organization_id
        JOIN roadmap_nodes op ON op.id = n.parent_id JOIN roadmap_nodes oc ON oc.id = op.parent_id
        LEFT JOIN organizations lo ON lo.id = n.lead_organization_id
        WHERE ${where} ORDER BY ${order}`,
  );
}

/** Activities of published roadmaps that no published initiative carries out (cancelled ones aside). */
export async function activitiesWithoutInitiative(
  db: Database,
  filter: CoverageFilter & { objective?: string | undefined },
): Promise<UncoveredActivity[]> {
  const condition = await activityCondition({ ...filter, area: undefined });
  const rows = await activityRows(
    db,
    sql`${condition} AND n.status <> 'cancelled'
        AND NOT EXISTS (SELECT 1 FROM roadmap_node_initiatives ni JOIN initiatives i ON i.id = ni.initiative_id
                        WHERE ni.node_id = n.id AND i.state = 'published')`,
    sql`n.due_date NULLS LAST, r.title, n.position`,
  );
  return rows
    .filter((r) => !filter.objective || r.closure.includes(filter.objective))
    .slice(0, 500)
    .map((r) => ({
      id: r.id,
      title: r.title,
      roadmap: { id: r.roadmap_id, title: r.roadmap_title, actionLineId: r.action_line_id },
      lead: r.lead_id ? { id: r.lead_id, name: r.lead_name ?? r.lead_id } : null,
      dueDate: r.due_date,
      status: r.status,
      elements: r.elements ?? [],
    }));
}

// ------------------------------------------------------------------ money

export const moneyKinds = ['pledged', 'committed', 'disbursed', 'spent'] as const;
export type MoneyKind = (typeof moneyKinds)[number];

export interface MoneyRow {
  element: AxisEntry;
  currency: string;
  amounts: Record<MoneyKind, number>;
  pledges: number;
}

/**
 * The money chain of published pledges (WSIS+20 para 67), by GDC objective and by WSIS action
 * line, one row per currency: amounts in different currencies are never added together.
 */
export async function financialCommitments(
  db: Database,
  filter: CoverageFilter,
  lang: Language,
): Promise<{ objectives: MoneyRow[]; actionLines: MoneyRow[] }> {
  const [objectives, actionLines] = await Promise.all([axis(db, 'objective', lang), axis(db, 'action-line', lang)]);
  const { condition, from } = await initiativeCondition(filter);
  const ids = [...objectives, ...actionLines].map((e) => e.id);
  // One row per (element, currency, kind) with its sum, and one per (element, currency) with kind
  // null that counts the pledges behind them.
  const rows = await db.query<{ element: string; currency: string; kind: MoneyKind | null; amount: string; pledges: number }>(
    sql`SELECT x AS element, t.currency, t.kind, sum(t.amount)::text AS amount, count(DISTINCT p.id)::int AS pledges
        FROM ${from} JOIN pledges p ON p.initiative_id = i.id JOIN pledge_transactions t ON t.pledge_id = p.id
        CROSS JOIN LATERAL unnest(i.element_closure) x
        WHERE ${condition} AND x = ANY(${pgTextArray(ids)}::text[])
        GROUP BY GROUPING SETS ((x, t.currency, t.kind), (x, t.currency))`,
  );
  const table = (axisEntries: AxisEntry[]): MoneyRow[] =>
    axisEntries.flatMap((element) => {
      const mine = rows.filter((r) => r.element === element.id);
      const currencies = [...new Set(mine.map((r) => r.currency))].sort();
      return currencies.map((currency) => {
        const amounts = Object.fromEntries(moneyKinds.map((k) => [k, 0])) as Record<MoneyKind, number>;
        let pledges = 0;
        for (const r of mine.filter((m) => m.currency === currency)) {
          if (r.kind) amounts[r.kind] = Number(r.amount);
          else pledges = r.pledges;
        }
        return { element, currency, amounts, pledges };
      });
    });
  return { objectives: table(objectives), actionLines: table(actionLines) };
}

/** Area codes a filter may name: countries, regions and the LDC/LLDC/SIDS groups. */
export async function knownArea(code: string): Promise<boolean> {
  const catalog = await areaCatalog();
  return Boolean(catalog.resolve(code));
}

// ------------------------------------------------------------------ the joint view

export interface JointActivity {
  id: string;
  title: string;
  outcome: string;
  roadmap: { id: string; title: string; actionLineId: string | null; owner: string };
  lead: string | null;
  dueDate: string | null;
  status: string;
  initiatives: number;
  elements: string[];
}

export interface JointObjective {
  objective: AxisEntry;
  activities: JointActivity[];
}

/**
 * The joint WSIS-GDC view (WSIS+20 para 122): every activity of every published roadmap (the
 * joint one and each action line's), under the GDC objectives it serves; those that serve none
 * are listed last (objective null), as something to fix.
 */
export async function jointView(db: Database, lang: Language): Promise<{ objectives: JointObjective[]; unplaced: JointActivity[] }> {
  const [objectives, rows] = await Promise.all([
    axis(db, 'objective', lang),
    activityRows(db, await activityCondition({}), sql`r.action_line_id NULLS FIRST, r.title, n.due_date NULLS LAST, n.position`),
  ]);
  const activity = (r: (typeof rows)[number]): JointActivity => ({
    id: r.id,
    title: r.title,
    outcome: r.outcome,
    roadmap: { id: r.roadmap_id, title: r.roadmap_title, actionLineId: r.action_line_id, owner: r.owner },
    lead: r.lead_name,
    dueDate: r.due_date,
    status: r.status,
    initiatives: r.initiatives,
    elements: r.elements ?? [],
  });
  return {
    objectives: objectives.map((objective) => ({
      objective,
      activities: rows.filter((r) => r.closure.includes(objective.id)).map(activity),
    })),
    unplaced: rows.filter((r) => !r.closure.some((e) => e.startsWith('gdc.obj.'))).map(activity),
  };
}
