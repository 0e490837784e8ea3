// The crosswalk matrix: GDC objectives or paragraphs, WSIS action lines and SDG goals against
// each other, counting links with drill-down; and, apart, links derived through a shared SDG.
import { sql, empty } from '../store/sql.ts';
import { pgTextArray, type Database } from '../store/index.ts';
import { atRevision } from '../store/revisions.ts';
import type { Language } from '../language/languages.ts';
import { listLinks, summaries, type ElementSummary, type Link, type LinkState } from './service.ts';

/** Which elements make the rows or the columns of a matrix. */
export const axes = ['gdc-objectives', 'gdc-paragraphs', 'wsis-lines', 'sdg-goals'] as const;
export type Axis = (typeof axes)[number];

const axisUnits: Record<Axis, { framework: string; kinds: string[]; underObjective?: boolean }> = {
  'gdc-objectives': { framework: 'gdc', kinds: ['objective'] },
  // Commitment paragraphs: the ones filed under an objective.
  'gdc-paragraphs': { framework: 'gdc', kinds: ['paragraph'], underObjective: true },
  'wsis-lines': { framework: 'wsis', kinds: ['action-line', 'sub-line'] },
  'sdg-goals': { framework: 'sdg', kinds: ['goal'] },
};

export interface MatrixCell {
  row: string;
  column: string;
  /** Stored links between the two subtrees (not rejected). */
  links: number;
  confirmed: number;
  suggested: number;
  /** Derived: SDG goals both sides contribute to (only between GDC and WSIS). */
  derived: number;
}

export interface Matrix {
  rows: ElementSummary[];
  columns: ElementSummary[];
  cells: MatrixCell[];
  /** Whether derived counts apply (GDC against WSIS: no official mapping exists). */
  derivedApplies: boolean;
}

async function units(db: Database, axis: Axis, lang: Language): Promise<ElementSummary[]> {
  const spec = axisUnits[axis];
  const result = await db.query<{
    id: string;
  }>(sql`SELECT id FROM elements WHERE framework_id = ${spec.framework} AND kind = ANY(${pgTextArray(spec.kinds)}::text[])
        ${spec.underObjective ? sql`AND ancestors[1] LIKE 'gdc.obj.%'` : empty}
        ORDER BY position`);
  return summaries(
    db,
    result.map((r) => r.id),
    lang,
  );
}

/** Counts the links between every row unit's subtree and every column unit's subtree. */
export function crosswalkMatrix(db: Database, rowAxis: Axis, columnAxis: Axis, lang: Language): Promise<Matrix> {
  // Counted once per `reference` revision: every link and element it counts moves that revision.
  return atRevision(db, ['reference'], `crosswalk ${rowAxis} ${columnAxis} ${lang}`, () => countCrosswalk(db, rowAxis, columnAxis, lang));
}

async function countCrosswalk(db: Database, rowAxis: Axis, columnAxis: Axis, lang: Language): Promise<Matrix> {
  const [rowUnits, columnUnits] = await Promise.all([units(db, rowAxis, lang), units(db, columnAxis, lang)]);
  const rowIds = pgTextArray(rowUnits.map((u) => u.id));
  const columnIds = pgTextArray(columnUnits.map((u) => u.id));
  const counts = await db.query<{ row_id: string; col_id: string; links: number; confirmed: number; suggested: number }>(sql`WITH ends AS (
          SELECT l.id, l.state, f.id AS a, f.ancestors AS aa, t.id AS b, t.ancestors AS ba
          FROM links l JOIN elements f ON f.id = l.from_id JOIN elements t ON t.id = l.to_id
          WHERE l.state <> 'rejected'
        ), r AS (SELECT unnest(${rowIds}::text[]) AS id), c AS (SELECT unnest(${columnIds}::text[]) AS id)
        SELECT r.id AS row_id, c.id AS col_id, count(DISTINCT e.id) AS links,
               count(DISTINCT e.id) FILTER (WHERE e.state = 'confirmed') AS confirmed,
               count(DISTINCT e.id) FILTER (WHERE e.state = 'suggested') AS suggested
        FROM ends e
        JOIN r ON (r.id = e.a OR r.id = ANY(e.aa) OR r.id = e.b OR r.id = ANY(e.ba))
        JOIN c ON ((c.id = e.b OR c.id = ANY(e.ba)) AND (r.id = e.a OR r.id = ANY(e.aa))
                OR (c.id = e.a OR c.id = ANY(e.aa)) AND (r.id = e.b OR r.id = ANY(e.ba)))
        GROUP BY r.id, c.id`);
  const frameworks = new Set([axisUnits[rowAxis].framework, axisUnits[columnAxis].framework]);
  const derivedApplies = frameworks.has('gdc') && frameworks.has('wsis');
  const derived = derivedApplies ? await derivedCounts(db, rowIds, columnIds) : [];
  const cells = new Map<string, MatrixCell>();
  const cell = (row: string, column: string) => {
    const key = `${row}|${column}`;
    let c = cells.get(key);
    if (!c) {
      c = { row, column, links: 0, confirmed: 0, suggested: 0, derived: 0 };
      cells.set(key, c);
    }
    return c;
  };
  for (const c of counts) Object.assign(cell(c.row_id, c.col_id), { links: c.links, confirmed: c.confirmed, suggested: c.suggested });
  for (const d of derived) cell(d.row_id, d.col_id).derived = d.shared;
  return { rows: rowUnits, columns: columnUnits, cells: [...cells.values()], derivedApplies };
}

/** SDG goals that both a row unit's subtree and a column unit's subtree link to. */
async function derivedCounts(db: Database, rowIds: string, columnIds: string) {
  return db.query<{ row_id: string; col_id: string; shared: number }>(sql`WITH goal_links AS (
          SELECT DISTINCT f.id AS fid, f.ancestors AS fa, CASE WHEN t.kind = 'goal' THEN t.id ELSE t.ancestors[1] END AS goal
          FROM links l JOIN elements f ON f.id = l.from_id JOIN elements t ON t.id = l.to_id
          WHERE t.framework_id = 'sdg' AND l.state <> 'rejected'
        ),
        rg AS (SELECT DISTINCT u.id, g.goal FROM unnest(${rowIds}::text[]) AS u(id) JOIN goal_links g ON g.fid = u.id OR u.id = ANY(g.fa)),
        cg AS (SELECT DISTINCT u.id, g.goal FROM unnest(${columnIds}::text[]) AS u(id) JOIN goal_links g ON g.fid = u.id OR u.id = ANY(g.fa))
        SELECT rg.id AS row_id, cg.id AS col_id, count(*) AS shared FROM rg JOIN cg ON cg.goal = rg.goal GROUP BY rg.id, cg.id`);
}

export interface CellDetail {
  row: ElementSummary;
  column: ElementSummary;
  links: Link[];
  /** Derived through shared SDG goals: each goal with the row-side and column-side elements linking to it. */
  derived: { goal: ElementSummary; rowSide: ElementSummary[]; columnSide: ElementSummary[] }[];
}

/** What stands behind one cell: the stored links, and the derived connections apart. */
export async function crosswalkCell(db: Database, rowId: string, columnId: string, lang: Language): Promise<CellDetail | undefined> {
  const [row, column] = await summaries(db, [rowId, columnId], lang);
  if (!row || !column || row.id !== rowId) return undefined;
  const candidates = await listLinks(db, lang, { element: rowId, descendants: true, limit: 5000 });
  const underColumn = await db.query<{ id: string }>(sql`SELECT id FROM elements WHERE id = ${columnId} OR ${columnId} = ANY(ancestors)`);
  const inColumn = new Set(underColumn.map((r) => r.id));
  const links = candidates.items.filter((l) => l.state !== 'rejected' && (inColumn.has(l.to.id) || inColumn.has(l.from.id)));

  const derived: CellDetail['derived'] = [];
  if (
    new Set([row.framework, column.framework]).size === 2 &&
    [row.framework, column.framework].every((f) => f === 'gdc' || f === 'wsis')
  ) {
    const pairs = await db.query<{
      side: string;
      element: string;
      goal: string;
    }>(sql`SELECT CASE WHEN (f.id = ${rowId} OR ${rowId} = ANY(f.ancestors)) THEN 'row' ELSE 'column' END AS side,
                 f.id AS element, CASE WHEN t.kind = 'goal' THEN t.id ELSE t.ancestors[1] END AS goal
          FROM links l JOIN elements f ON f.id = l.from_id JOIN elements t ON t.id = l.to_id
          WHERE t.framework_id = 'sdg' AND l.state <> 'rejected'
            AND (f.id = ${rowId} OR ${rowId} = ANY(f.ancestors) OR f.id = ${columnId} OR ${columnId} = ANY(f.ancestors))
          GROUP BY 1, 2, 3`);
    const goalsBySide = { row: new Set<string>(), column: new Set<string>() };
    for (const p of pairs) goalsBySide[p.side as 'row' | 'column'].add(p.goal);
    const shared = [...goalsBySide.row].filter((g) => goalsBySide.column.has(g));
    const named = await summaries(db, [...new Set([...shared, ...pairs.map((p) => p.element)])], lang);
    const byId = new Map(named.map((s) => [s.id, s]));
    for (const goal of shared.sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))) {
      const side = (s: string) =>
        [...new Set(pairs.filter((p) => p.goal === goal && p.side === s).map((p) => p.element))].flatMap((id) => byId.get(id) ?? []);
      const g = byId.get(goal);
      if (g) derived.push({ goal: g, rowSide: side('row'), columnSide: side('column') });
    }
  }
  return { row, column, links, derived };
}

export type { LinkState };
