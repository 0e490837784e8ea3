// Presenters shared by pages and the API: an area's profile (latest values and assessments of every
// indicator) and the "where do we stand on 2030" dashboard per GDC objective and WSIS action line.
import { sql } from '../store/sql.ts';
import type { Database } from '../store/index.ts';
import { areaCatalog, type Area, type AreaCatalog } from '../areas/index.ts';
import type { Language } from '../language/languages.ts';
import type { Membership } from '../areas/catalog.ts';
import { aggregateSourcePrefix, storedAssessments, type StoredAssessment } from './assess.ts';
import type { MethodId } from './assessment.ts';
import { listIndicators, type IndicatorSummary } from './service.ts';

export function areaName(area: Area, lang: Language): { name: string; lang: Language } {
  const own = area.names[lang];
  return own ? { name: own, lang } : { name: area.names.en ?? area.code, lang: 'en' };
}

export interface LatestValue {
  source: string;
  period: string;
  value: number;
  status: string | null;
}

export interface AreaProfile {
  area: { code: string; kind: string; m49: string | null; iso3: string | null; name: string; nameLang: Language; within: string[] };
  membership: Membership | null;
  method: MethodId;
  indicators: { indicator: IndicatorSummary; latest: LatestValue[]; assessments: StoredAssessment[] }[];
}

/** The profile of a country, region or group; undefined when the code is no area. */
export async function areaProfile(
  db: Database,
  code: string,
  lang: Language,
  method: MethodId,
  catalog?: AreaCatalog,
): Promise<AreaProfile | undefined> {
  const areas = catalog ?? (await areaCatalog());
  const resolved = areas.resolve(code);
  const area = resolved === undefined ? undefined : areas.areas.get(resolved);
  if (!area) return undefined;
  let membership: Membership | null = null;
  if (area.kind !== 'country' && area.kind !== 'wb-aggregate') {
    try {
      membership = areas.membershipOf(area.code, new Date().getUTCFullYear());
    } catch {
      membership = null;
    }
  }
  const latest = await db.query<LatestValue & { indicator_code: string; value: number | string }>(sql`
    SELECT DISTINCT ON (o.indicator_code, o.source) o.indicator_code, o.source, o.period, o.value, o.status
    FROM indicators i JOIN observations o ON o.indicator_code = i.code AND o.area = ${area.code} AND o.dimensions_key = '[]'
    ORDER BY o.indicator_code, o.source, o.year DESC, o.period DESC`);
  const assessments = await storedAssessments(db, { area: area.code, method });
  const indicators = (await listIndicators(db, lang))
    .map((indicator) => ({
      indicator,
      latest: latest
        .filter((l) => l.indicator_code === indicator.code)
        .map((l) => ({ source: l.source, period: l.period, value: Number(l.value), status: l.status })),
      assessments: assessments.filter((a) => a.indicatorCode === indicator.code),
    }))
    .filter((row) => row.latest.length > 0 || row.assessments.length > 0);
  const name = areaName(area, lang);
  return {
    area: { code: area.code, kind: area.kind, m49: area.m49, iso3: area.iso3, name: name.name, nameLang: name.lang, within: area.within },
    membership,
    method,
    indicators,
  };
}

/**
 * The assessment a summary shows for an area: the published source's own figure first (a
 * statistical office's aggregate), then Concord's aggregate; among those, the most recent data.
 */
export function headline(assessments: readonly StoredAssessment[]): StoredAssessment | undefined {
  const rank = (a: StoredAssessment) => [a.source.startsWith(aggregateSourcePrefix) ? 1 : 0, -(a.components.latestYear ?? 0)];
  return [...assessments]
    .filter((a) => a.variant === 'total')
    .sort((a, b) => {
      const [x0 = 0, x1 = 0] = rank(a);
      const [y0 = 0, y1 = 0] = rank(b);
      return x0 - y0 || x1 - y1 || a.source.localeCompare(b.source);
    })[0];
}

export interface DashboardEntry {
  elementId: string;
  title: string | null;
  indicators: {
    code: string;
    name: string;
    lang: Language;
    /** The indicator's unit code (SDMX UNIT_MEASURE), to round and name its values. */
    unit: string;
    linkedTo: string[];
    world: StoredAssessment | null;
  }[];
}

/** Every GDC objective and WSIS action line, with the indicators measuring it and the world's headline assessment. */
export async function dashboard(
  db: Database,
  lang: Language,
  method: MethodId,
): Promise<{ method: MethodId; gdc: DashboardEntry[]; wsis: DashboardEntry[] }> {
  const roots = await db.query<{ id: string; framework_id: string; title: string | null }>(sql`
    SELECT e.id, e.framework_id, coalesce(tl.title, te.title, te.text) AS title
    FROM elements e
    LEFT JOIN element_texts tl ON tl.element_id = e.id AND tl.lang = ${lang}
    LEFT JOIN element_texts te ON te.element_id = e.id AND te.lang = 'en'
    WHERE e.kind = 'objective' AND e.framework_id = 'gdc' OR e.kind = 'action-line' AND e.framework_id = 'wsis'
    ORDER BY e.framework_id, e.position`);
  const links = await db.query<{ code: string; element_id: string; roots: string[] }>(sql`
    SELECT ie.indicator_code AS code, ie.element_id, array_append(e.ancestors, e.id) AS roots
    FROM indicator_elements ie JOIN elements e ON e.id = ie.element_id`);
  const indicators = new Map((await listIndicators(db, lang)).map((i) => [i.code, i]));
  const world = await storedAssessments(db, { area: '001', method, variant: 'total' });
  const entry = (root: { id: string; title: string | null }): DashboardEntry => {
    const codes = new Map<string, string[]>();
    for (const l of links) if (l.roots.includes(root.id)) codes.set(l.code, [...(codes.get(l.code) ?? []), l.element_id]);
    return {
      elementId: root.id,
      title: root.title,
      indicators: [...codes].map(([code, linkedTo]) => {
        const i = indicators.get(code);
        return {
          code,
          name: i?.name ?? code,
          lang: i?.lang ?? 'en',
          unit: i?.unit ?? '',
          linkedTo,
          world: headline(world.filter((a) => a.indicatorCode === code)) ?? null,
        };
      }),
    };
  };
  return {
    method,
    gdc: roots.filter((r) => r.framework_id === 'gdc').map(entry),
    wsis: roots.filter((r) => r.framework_id === 'wsis').map(entry),
  };
}
