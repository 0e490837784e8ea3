// Indicators as reports show them: the catalogue entry, the internationally agreed targets, the
// world's latest value and its headline progress assessment, each with its source. Shared by the
// roadmap report and the Compact implementation map report.
import { z } from '@hono/zod-openapi';
import { sql, pgTextArray, type Database } from '../store/index.ts';
import { languages, type Language } from '../language/languages.ts';
import { listIndicators, targetsOf } from '../indicators/service.ts';
import { storedAssessments } from '../indicators/assess.ts';
import { headline } from '../indicators/profile.ts';
import { methods, type MethodId } from '../indicators/assessment.ts';
import type { SourceList } from './sources.ts';

const METHOD: MethodId = 'unsd-2022-cr';
const WORLD = '001';

export const WorldIndicator = z.object({
  code: z.string(),
  name: z.string(),
  nameLang: z.enum(languages),
  unit: z.string(),
  sourceId: z.string(),
  /** Internationally agreed targets in Concord's catalogue (world-wide ones). */
  agreedTargets: z.array(z.object({ id: z.string(), label: z.string(), value: z.number(), year: z.number(), sourceId: z.string() })),
  world: z.object({ period: z.string(), value: z.number(), source: z.string() }).nullable(),
  assessment: z
    .object({
      method: z.string(),
      status: z.enum(['assessed', 'insufficient-data']),
      category: z.string().nullable(),
      reason: z.string().nullable(),
      targetId: z.string(),
      source: z.string(),
    })
    .nullable(),
});
export type WorldIndicator = z.infer<typeof WorldIndicator>;

/** The indicators of the catalogue among `codes`, in that order, their sources added to `sources`. */
export async function worldIndicators(
  db: Database,
  codes: readonly string[],
  lang: Language,
  sources: SourceList,
): Promise<WorldIndicator[]> {
  if (codes.length === 0) return [];
  const catalogue = new Map((await listIndicators(db, lang)).map((i) => [i.code, i]));
  const latest = await db.query<{ indicator_code: string; period: string; value: number | string; source: string }>(sql`
      SELECT DISTINCT ON (indicator_code) indicator_code, period, value, source FROM observations
      WHERE indicator_code = ANY(${pgTextArray(codes)}::text[]) AND area = ${WORLD} AND dimensions_key = '[]'
      ORDER BY indicator_code, year DESC, period DESC, source`);
  const assessed = await storedAssessments(db, { area: WORLD, method: METHOD });
  const indicators: WorldIndicator[] = [];
  for (const code of codes) {
    const entry = catalogue.get(code);
    if (!entry) continue;
    await sources.addStored(db, [entry.source.id], `catalogue entry of indicator ${code}`);
    const agreed = (await targetsOf(db, code)).filter((x) => x.area === null);
    await sources.addStored(
      db,
      agreed.map((x) => x.sourceId),
      `agreed target of ${code}`,
    );
    const world = latest.find((l) => l.indicator_code === code);
    if (world) await sources.addStored(db, [world.source], `latest world value of ${code}`);
    const head = headline(assessed.filter((a) => a.indicatorCode === code));
    if (head) {
      sources.add(
        { id: `method:${METHOD}`, title: methods[METHOD].source, address: null, licence: null },
        'progress assessments (method and thresholds)',
      );
      await sources.addStored(db, [head.source], `world assessment of ${code}`);
    }
    indicators.push({
      code,
      name: entry.name,
      nameLang: entry.lang,
      unit: entry.unit,
      sourceId: entry.source.id,
      agreedTargets: agreed.map((x) => ({ id: x.id, label: x.label, value: x.value, year: x.year, sourceId: x.sourceId })),
      world: world ? { period: world.period, value: Number(world.value), source: world.source } : null,
      assessment: head
        ? {
            method: head.method,
            status: head.status,
            category: head.category,
            reason: head.reason,
            targetId: head.targetId,
            source: head.source,
          }
        : null,
    });
  }
  return indicators;
}
