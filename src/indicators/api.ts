// /api/v1 routes for indicators: the catalogue, observations in and out (CSV, SDMX-CSV, SDMX-JSON),
// assessments with their components, area profiles and the 2030 dashboard. Thin: the services
// do the work, the presenter in profile.ts shapes what pages and API both show.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { uploadLimit } from '../web/upload-limit.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { langQuery, problemResponses, jsonContent as json, problemContent as problem } from '../web/api.ts';
import { apiCaller } from '../web/session.ts';
import { notFound, Problem } from '../web/problem.ts';
import { hit, limits } from '../accounts/rate-limit.ts';
import {
  elementsOf,
  exportFormats,
  exportObservations,
  findObservations,
  getIndicator,
  importFormats,
  importObservations,
  listIndicators,
  mediaTypes,
  targetsOf,
  type ImportFormat,
} from './service.ts';
import { storedAssessments } from './assess.ts';
import { areaProfile, dashboard } from './profile.ts';
import { methods, type MethodId } from './assessment.ts';
import { areaCatalog } from '../areas/index.ts';
import { canImport } from './policy.ts';

const methodIds = Object.keys(methods) as [MethodId, ...MethodId[]];
const methodQuery = z
  .enum(methodIds)
  .default('unsd-2022-cr')
  .openapi({ description: 'Progress method (INDICATORS.md section 2); default the UNSD progress-chart ratio' });
const codeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(120)
    .openapi({
      param: { name: 'code', in: 'path' },
      description: 'Indicator code (`IT.NET.USER.ZS`); encode a `/` as %2F',
      example: 'IT.NET.USER.ZS',
    }),
});

const Indicator = z
  .object({
    code: z.string(),
    kind: z.string(),
    unit: z.string(),
    direction: z.enum(['increase', 'decrease']),
    limits: z.object({ min: z.number().optional(), max: z.number().optional() }),
    sdgSeries: z.string().nullable(),
    disaggregations: z.array(z.string()),
    name: z.string(),
    lang: z.string(),
    definition: z.string().nullable(),
    definitionLang: z.string(),
    source: z.object({ id: z.string(), title: z.string(), address: z.string().nullable(), licence: z.string() }),
    licence: z.string(),
    caveats: z.array(z.string()),
    observationCount: z.number().nullable(),
  })
  .openapi('Indicator');

const Target = z
  .object({
    id: z.string(),
    indicatorCode: z.string(),
    area: z.string().nullable(),
    year: z.number(),
    value: z.number(),
    label: z.string(),
    sourceId: z.string(),
    caveats: z.array(z.string()),
  })
  .openapi('Target');

const AssessmentSchema = z
  .object({
    indicatorCode: z.string(),
    area: z.string(),
    targetId: z.string(),
    method: z.string(),
    variant: z.string(),
    source: z.string(),
    status: z.enum(['assessed', 'insufficient-data']),
    category: z.string().nullable(),
    targetAchieved: z.boolean(),
    reason: z.string().nullable(),
    methodVersion: z.string(),
    components: z.record(z.string(), z.unknown()),
    projection: z.record(z.string(), z.unknown()).nullable(),
    aggregation: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('Assessment');

const ObservationSchema = z
  .object({
    series: z.string(),
    area: z.string(),
    period: z.string(),
    dimensions: z.record(z.string(), z.string()),
    value: z.number(),
    unit: z.string(),
    unitMultiplier: z.number().optional(),
    status: z.string().optional(),
    source: z.string(),
    notes: z.string().optional(),
  })
  .openapi('Observation');

const ImportReportSchema = z
  .object({
    ok: z.boolean(),
    format: z.enum(importFormats),
    rows: z.number(),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    issues: z.array(
      z.object({
        row: z.number(),
        where: z.string().optional(),
        field: z.string(),
        code: z.string(),
        message: z.string(),
        value: z.string().optional(),
      }),
    ),
    notices: z.array(z.string()),
    assessed: z.array(z.string()),
  })
  .openapi('ImportReport');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/indicators',
    tags: ['Indicators'],
    summary: 'The indicator catalogue',
    request: { query: z.object({ lang: langQuery }) },
    responses: { 200: json(z.object({ items: z.array(Indicator) }), 'Indicators'), ...problemResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/indicators/{code}',
    tags: ['Indicators'],
    summary: 'An indicator with the framework elements it measures and its targets',
    request: { params: codeParam, query: z.object({ lang: langQuery }) },
    responses: {
      200: json(
        Indicator.extend({
          elements: z.array(
            z.object({
              elementId: z.string(),
              code: z.string(),
              framework: z.string(),
              type: z.string(),
              rationale: z.string().nullable(),
              sourceId: z.string(),
              title: z.string().nullable(),
            }),
          ),
          targets: z.array(Target),
        }),
        'The indicator',
      ),
      ...problemResponses,
    },
  }),
  observations: createRoute({
    method: 'get',
    path: '/indicators/{code}/observations',
    tags: ['Indicators'],
    summary: 'Observations of an indicator, as JSON, long CSV, SDMX-CSV 2.0 or SDMX-JSON 2.0',
    request: {
      params: codeParam,
      query: z.object({
        format: z.enum(['json', ...exportFormats]).default('json'),
        area: z.string().max(2000).optional().openapi({ description: 'Area codes, comma-separated' }),
      }),
    },
    responses: {
      200: {
        description: 'Observations, every one with its source',
        content: {
          'application/json': { schema: z.object({ items: z.array(ObservationSchema) }) },
          'text/csv': { schema: z.string() },
          'application/vnd.sdmx.data+csv': { schema: z.string() },
          'application/vnd.sdmx.data+json': { schema: z.string() },
        },
      },
      ...problemResponses,
    },
  }),
  assessments: createRoute({
    method: 'get',
    path: '/indicators/{code}/assessments',
    tags: ['Indicators'],
    summary: 'Progress assessments with their components (base, latest, target, direction, method, version)',
    request: {
      params: codeParam,
      query: z.object({
        method: methodQuery,
        area: z.string().max(20).optional().openapi({ description: 'Area code: ISO alpha-3, M49, LDC/LLDC/SIDS, World Bank aggregate' }),
        variant: z.enum(['total', 'parity:SEX', 'parity:URBANISATION']).optional(),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(AssessmentSchema) }), 'Assessments'), ...problemResponses },
  }),
  area: createRoute({
    method: 'get',
    path: '/areas/{code}',
    tags: ['Indicators'],
    summary: 'Area profile: latest values and assessments of every indicator (country, region or group)',
    request: {
      params: z.object({
        code: z
          .string()
          .min(1)
          .max(20)
          .openapi({ param: { name: 'code', in: 'path' }, example: 'GBR' }),
      }),
      query: z.object({ lang: langQuery, method: methodQuery }),
    },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'The profile'), ...problemResponses },
  }),
  dashboard: createRoute({
    method: 'get',
    path: '/dashboard',
    tags: ['Indicators'],
    summary: 'Where the world stands on 2030, per GDC objective and WSIS action line',
    request: { query: z.object({ lang: langQuery, method: methodQuery }) },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'Dashboard'), ...problemResponses },
  }),
  import: createRoute({
    method: 'post',
    path: '/observations',
    tags: ['Indicators'],
    summary:
      'Import observations, all or nothing, with a row-by-row report (operator token or an API token of a reviewer or administrator)',
    description:
      'The body is the file itself: long CSV (`text/csv`), SDMX-CSV (`application/vnd.sdmx.data+csv`), SDMX-JSON (`application/vnd.sdmx.data+json`) or SDMX-ML (`application/xml`); the format is taken from `format`, else the media type, else the content.',
    security: [{ bearer: [] }],
    request: {
      query: z.object({
        format: z.enum(importFormats).optional().openapi({ description: 'Default: detected from the content' }),
        source: z.string().max(200).optional().openapi({ description: 'Source id for rows that name none (SDMX)' }),
      }),
    },
    responses: {
      200: json(ImportReportSchema, 'Imported'),
      ...problemResponses,
      401: problem('No valid bearer token'),
      403: problem('Not allowed to import'),
      413: problem('Too large'),
      422: {
        description: 'Nothing imported: the report lists every issue',
        content: { 'application/problem+json': { schema: ImportReportSchema } },
      },
      429: problem('Too many writes'),
    },
  }),
};

/** Who may import: the operator token, or an API token of a reviewer or administrator. */
async function importer(c: Context<AppEnv>): Promise<string> {
  const caller = await apiCaller(c);
  if (!caller) throw new Problem(401, 'Unauthorized', 'Send the operator token or an API token as Authorization: Bearer <token>.');
  if (caller === 'operator') return 'operator';
  if (!canImport(caller)) throw new Problem(403, 'Forbidden', 'Only reviewers and administrators import observations.');
  const result = await hit(c.var.store.db, `write:${caller.id}`, limits.write);
  if (!result.allowed) {
    c.header('Retry-After', String(result.retryAfter));
    throw new Problem(429, 'Too Many Requests', `Too many writes; try again in ${result.retryAfter} s.`);
  }
  return `user:${caller.id}`;
}

export function registerIndicatorApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.list, async (c) =>
    c.json({ items: await listIndicators(c.var.store.db, c.req.valid('query').lang, { counts: true }) }, 200),
  );
  api.openapi(routes.get, async (c) => {
    const { code } = c.req.valid('param');
    const { lang } = c.req.valid('query');
    const indicator = await getIndicator(c.var.store.db, code, lang);
    if (!indicator) throw notFound(`No indicator ${code}`);
    return c.json(
      { ...indicator, elements: await elementsOf(c.var.store.db, code, lang), targets: await targetsOf(c.var.store.db, code) },
      200,
    );
  });
  api.openapi(routes.observations, async (c) => {
    const { code } = c.req.valid('param');
    const { format, area } = c.req.valid('query');
    if (!(await getIndicator(c.var.store.db, code, 'en'))) throw notFound(`No indicator ${code}`);
    const filter = { indicator: code, ...(area ? { areas: area.split(',').map((a) => a.trim()) } : {}) };
    if (format === 'json') return c.json({ items: await findObservations(c.var.store.db, filter) }, 200);
    const body = await exportObservations(c.var.store.db, filter, format);
    const ext = format === 'sdmx-json' ? 'json' : 'csv';
    return c.body(body, 200, {
      'Content-Type': mediaTypes[format],
      'Content-Disposition': `attachment; filename="${code.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}.${ext}"`,
    });
  });
  api.openapi(routes.assessments, async (c) => {
    const { code } = c.req.valid('param');
    const q = c.req.valid('query');
    if (!(await getIndicator(c.var.store.db, code, 'en'))) throw notFound(`No indicator ${code}`);
    const items = await storedAssessments(c.var.store.db, {
      indicator: code,
      method: q.method,
      ...(q.area ? { area: (await areaCatalog()).resolve(q.area) ?? q.area } : {}),
      ...(q.variant ? { variant: q.variant } : {}),
    });
    return c.json({ items: items as unknown as z.infer<typeof AssessmentSchema>[] }, 200);
  });
  api.openapi(routes.area, async (c) => {
    const { code } = c.req.valid('param');
    const { lang, method } = c.req.valid('query');
    const profile = await areaProfile(c.var.store.db, code, lang, method);
    if (!profile) throw notFound(`No area ${code}`);
    return c.json(profile as unknown as Record<string, unknown>, 200);
  });
  api.openapi(routes.dashboard, async (c) => {
    const { lang, method } = c.req.valid('query');
    return c.json((await dashboard(c.var.store.db, lang, method)) as unknown as Record<string, unknown>, 200);
  });
  // The size limit is checked as the body arrives (in bytes), before it is read whole.
  api.use('/observations', uploadLimit);
  api.openapi(routes.import, async (c) => {
    const actor = await importer(c);
    const q = c.req.valid('query');
    const text = await c.req.text();
    const contentType = c.req.header('Content-Type') ?? '';
    const format: ImportFormat | undefined =
      q.format ?? (contentType.includes('sdmx.data+json') ? 'sdmx-json' : contentType.includes('sdmx.data+csv') ? 'sdmx-csv' : undefined);
    const report = await importObservations(c.var.store, text, {
      actor,
      ...(format ? { format } : {}),
      ...(q.source ? { defaultSource: q.source } : {}),
    });
    if (!report.ok) {
      return c.json(
        {
          type: 'about:blank',
          title: 'Unprocessable Content',
          status: 422,
          detail: `Nothing imported: ${report.issues.length} issue(s)`,
          instance: new URL(c.req.url).pathname,
          ...report,
        },
        422,
        { 'Content-Type': 'application/problem+json; charset=utf-8' },
      );
    }
    return c.json(report, 200);
  });
}
