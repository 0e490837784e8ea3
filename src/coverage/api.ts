// /api/v1/coverage: the Compact implementation map as data: the matrix, a cell's records, the
// gap list, overlaps, activities without initiatives, the joint roadmap view and the money chain.
// The same services as the pages; a query the schema refuses answers problem+json naming the field.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { langQuery, problemResponses, jsonContent as json } from '../web/api.ts';
import { Problem } from '../web/problem.ts';
import {
  activitiesWithoutInitiative,
  cellQuery,
  cellRecords,
  columnAxes,
  coverageFilter,
  coverageMatrix,
  coverageQuery,
  financialCommitments,
  gapKinds,
  gapList,
  gapQuery,
  jointView,
  knownArea,
  measures,
  moneyKinds,
  overlapQuery,
  overlaps,
  rowLevels,
} from './service.ts';

const Counts = z.object(Object.fromEntries(measures.map((m) => [m, z.number().int()])) as Record<(typeof measures)[number], z.ZodNumber>);

const AxisEntry = z
  .object({
    id: z.string(),
    code: z.string(),
    kind: z.string(),
    title: z.string().nullable(),
    titleLanguage: z.string().nullable(),
    deadline: z.string().nullable(),
  })
  .openapi('CoverageAxisEntry');

const Matrix = z
  .object({
    query: z.record(z.string(), z.unknown()),
    rows: z.array(AxisEntry),
    columns: z.array(AxisEntry),
    cells: z
      .array(z.object({ row: z.string(), column: z.string(), counts: Counts }))
      .openapi({ description: 'Non-empty cells; "*" is "any": (row, *) a row total, (*, column) a column total, (*, *) the grand total' }),
  })
  .openapi('CoverageMatrix');

const Gap = z.object({
  element: AxisEntry,
  objective: z.string(),
  counts: Counts,
  stalePledges: z.number().int(),
  gaps: z.array(z.enum(gapKinds)),
});

const Activity = z.object({
  id: z.string(),
  title: z.string(),
  roadmap: z.object({ id: z.string(), title: z.string(), actionLineId: z.string().nullable() }),
  lead: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  status: z.string(),
  elements: z.array(z.string()),
});

const JointActivity = z.object({
  id: z.string(),
  title: z.string(),
  outcome: z.string(),
  roadmap: z.object({ id: z.string(), title: z.string(), actionLineId: z.string().nullable(), owner: z.string() }),
  lead: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.string(),
  initiatives: z.number().int(),
  elements: z.array(z.string()),
});

const MoneyRow = z.object({
  element: AxisEntry,
  currency: z.string(),
  amounts: z.object(Object.fromEntries(moneyKinds.map((k) => [k, z.number()])) as Record<(typeof moneyKinds)[number], z.ZodNumber>),
  pledges: z.number().int(),
});

const tags = ['Implementation map'];
const withLang = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) => schema.extend({ lang: langQuery });

const routes = {
  matrix: createRoute({
    method: 'get',
    path: '/coverage',
    tags,
    summary: `Coverage matrix: GDC rows (${rowLevels.join(', ')}) by columns (${columnAxes.join(', ')}), counting ${measures.join(', ')}`,
    description:
      'Filters: area (country, region, LDC/LLDC/SIDS), stakeholderType, organization, year. They narrow initiatives, pledges and roadmap activities; document paragraphs and indicators are counted whatever the filter. objective=gdc.obj.5 with rows=action is the AI capacity-building map (WSIS+20 para 86).',
    request: { query: withLang(coverageQuery) },
    responses: { 200: json(Matrix, 'The matrix'), ...problemResponses },
  }),
  cell: createRoute({
    method: 'get',
    path: '/coverage/cell',
    tags,
    summary: 'The records behind one cell of the matrix (column "*" for a row total)',
    request: { query: withLang(cellQuery) },
    responses: {
      200: json(
        z.object({
          total: z.number().int(),
          items: z.array(
            z.object({
              kind: z.enum(measures),
              id: z.string(),
              title: z.string(),
              by: z.string().nullable(),
              path: z.string(),
              detail: z.string().nullable(),
            }),
          ),
        }),
        'A page of records',
      ),
      ...problemResponses,
    },
  }),
  gaps: createRoute({
    method: 'get',
    path: '/coverage/gaps',
    tags,
    summary: 'GDC actions due by 2030 with no initiative, no pledge, no indicator, or only stale pledges',
    request: { query: withLang(gapQuery) },
    responses: { 200: json(z.object({ items: z.array(Gap) }), 'The gap list'), ...problemResponses },
  }),
  overlaps: createRoute({
    method: 'get',
    path: '/coverage/overlaps',
    tags,
    summary: 'Several organizations on the same GDC action in the same country (candidate duplication, WSIS+20 paras 106, 120)',
    request: { query: withLang(overlapQuery) },
    responses: {
      200: json(
        z.object({
          total: z.number().int(),
          groups: z.array(
            z.object({
              element: AxisEntry,
              area: z.string(),
              organizations: z.number().int(),
              initiatives: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  organization: z.object({ id: z.string(), name: z.string() }),
                  status: z.string(),
                  startDate: z.string().nullable(),
                  endDate: z.string().nullable(),
                }),
              ),
            }),
          ),
        }),
        'Overlapping groups, most organizations first',
      ),
      ...problemResponses,
    },
  }),
  uncovered: createRoute({
    method: 'get',
    path: '/coverage/activities-without-initiative',
    tags,
    summary: 'Activities of published roadmaps that no published initiative carries out',
    request: {
      query: withLang(
        coverageFilter.extend({
          objective: z
            .string()
            .regex(/^gdc\.obj\.[1-5]$/)
            .optional(),
        }),
      ),
    },
    responses: { 200: json(z.object({ items: z.array(Activity) }), 'Activities'), ...problemResponses },
  }),
  joint: createRoute({
    method: 'get',
    path: '/coverage/joint',
    tags,
    summary: 'The joint WSIS-GDC view: every published roadmap activity under the GDC objectives it serves',
    request: { query: z.object({ lang: langQuery }) },
    responses: {
      200: json(
        z.object({
          objectives: z.array(z.object({ objective: AxisEntry, activities: z.array(JointActivity) })),
          unplaced: z.array(JointActivity),
        }),
        'The joint view',
      ),
      ...problemResponses,
    },
  }),
  finance: createRoute({
    method: 'get',
    path: '/coverage/finance',
    tags,
    summary: 'Pledged, committed, disbursed and spent by GDC objective and by WSIS action line, per currency (WSIS+20 para 67)',
    request: { query: withLang(coverageFilter) },
    responses: {
      200: json(z.object({ objectives: z.array(MoneyRow), actionLines: z.array(MoneyRow) }), 'The money chain'),
      ...problemResponses,
    },
  }),
};

/** The query, once its area (if any) is one Concord knows: an unknown code would match nothing, silently. */
async function known<Q extends { area?: string | undefined }>(query: Q): Promise<Q> {
  if (query.area && !(await knownArea(query.area))) {
    throw new Problem(400, 'Bad Request', `no country, region or group ${JSON.stringify(query.area)}`, [
      { field: 'query.area', message: 'use an ISO 3166 alpha-3 or alpha-2 code, an M49 code, or LDC, LLDC, SIDS' },
    ]);
  }
  return query;
}

export function registerCoverageApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.matrix, async (c) => {
    const { lang, ...query } = await known(c.req.valid('query'));
    return c.json(await coverageMatrix(c.var.store.db, query, lang), 200);
  });
  api.openapi(routes.cell, async (c) => {
    const { lang, ...query } = await known(c.req.valid('query'));
    return c.json(await cellRecords(c.var.store.db, query, lang), 200);
  });
  api.openapi(routes.gaps, async (c) => {
    const { lang, ...query } = await known(c.req.valid('query'));
    return c.json({ items: await gapList(c.var.store.db, query, lang) }, 200);
  });
  api.openapi(routes.overlaps, async (c) => {
    const { lang, ...query } = await known(c.req.valid('query'));
    return c.json(await overlaps(c.var.store.db, query, lang), 200);
  });
  api.openapi(routes.uncovered, async (c) => {
    const query = await known(c.req.valid('query'));
    return c.json({ items: await activitiesWithoutInitiative(c.var.store.db, query) }, 200);
  });
  api.openapi(routes.joint, async (c) => c.json(await jointView(c.var.store.db, c.req.valid('query').lang), 200));
  api.openapi(routes.finance, async (c) => {
    const { lang, ...query } = await known(c.req.valid('query'));
    return c.json(await financialCommitments(c.var.store.db, query, lang), 200);
  });
}
