// /api/v1 routes for initiatives: the public registry (no key), and writes with a bearer
// API token: create, edit, submit, review, archive. The body schema is the form's schema.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { langQuery, problemResponses, jsonContent as json, writeResponses, idParam } from '../web/api.ts';
import { apiCaller, apiWriter } from '../web/session.ts';
import { notFound, Problem } from '../web/problem.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { duplicateCandidates } from './duplicates.ts';
import { historyOf } from '../provenance/history.ts';
import { initiativeInput, initiativeStates, initiativeStatuses } from './model.ts';
import { canEdit, createInitiative, getInitiative, listInitiatives, transition, updateInitiative } from './service.ts';
import { atRevision, jsonRepresentation, sendRepresentation } from './registry-cache.ts';
import { sourceFilterValues } from '../registries/sources.ts';

const Link = z.object({
  elementId: z.string(),
  framework: z.string(),
  kind: z.string(),
  code: z.string(),
  type: z.string(),
  evidence: z.string(),
  address: z.string().nullable(),
  source: z
    .string()
    .nullable()
    .openapi({ description: 'Who stated it: null for the record’s author, else the registry (dpga) or matcher' }),
  reviewedAtSource: z
    .boolean()
    .openapi({ description: 'Reviewed at the source by someone other than the owner (the DPGA’s review of a DPG)' }),
});

const Initiative = z
  .object({
    id: z.string(),
    state: z.enum(initiativeStates),
    status: z.enum(initiativeStatuses),
    leadOrganization: z.object({ id: z.string(), name: z.string(), stakeholderType: z.string() }),
    partners: z.array(z.object({ organizationId: z.string(), name: z.string(), role: z.string() })),
    texts: z.array(z.object({ lang: z.string(), title: z.string(), description: z.string() })),
    areas: z.array(z.string()),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    budget: z.object({ amount: z.string(), currency: z.string() }).nullable(),
    webLinks: z.array(z.object({ url: z.string(), label: z.string().nullable() })),
    links: z.array(Link),
    suggestedLinks: z.array(Link).openapi({ description: 'Links Concord’s matcher suggested from the text, awaiting a reviewer' }),
    source: z
      .object({
        id: z.string(),
        recordId: z.string(),
        url: z.string().nullable(),
        licence: z.string().nullable(),
        readAt: z.string().nullable(),
        claimed: z.boolean(),
      })
      .nullable()
      .openapi({ description: 'The registry an imported record was read from; null when made in Concord' }),
    archivedReason: z.string().nullable(),
    reviewNote: z.string().nullable(),
    version: z.number(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .openapi('Initiative');

const Summary = z
  .object({
    id: z.string(),
    state: z.enum(initiativeStates),
    status: z.enum(initiativeStatuses),
    title: z.string(),
    titleLanguage: z.string(),
    leadOrganization: z.object({ id: z.string(), name: z.string() }),
    areas: z.array(z.string()),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    elements: z.array(z.string()),
    source: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('InitiativeSummary');

const Change = z
  .object({
    id: z.number(),
    action: z.string(),
    actor: z.string(),
    at: z.string(),
    changed: z.array(z.string()),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    note: z.string().nullable(),
  })
  .openapi('Change');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/initiatives',
    tags: ['Registry'],
    summary: 'Published initiatives, filtered and paged (no key needed)',
    request: {
      query: z.object({
        element: z
          .string()
          .max(100)
          .optional()
          .openapi({ description: 'Linked to this element or an element below it', example: 'gdc.obj.1' }),
        area: z
          .string()
          .max(10)
          .optional()
          .openapi({ description: 'In this country, region or group (ISO, M49, LDC, LLDC, SIDS)', example: 'KEN' }),
        stakeholderType: z.string().max(40).optional(),
        status: z.enum(initiativeStatuses).optional(),
        organization: z.string().max(100).optional(),
        source: z
          .enum(sourceFilterValues)
          .optional()
          .openapi({ description: 'Read from this registry (dpga, iati), or concord for records made in Concord', example: 'dpga' }),
        year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ description: 'Active in this year' }),
        q: z.string().trim().max(200).optional(),
        lang: langQuery,
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
    },
    responses: {
      200: json(
        z.object({
          total: z.number(),
          totalIsLowerBound: z.boolean().openapi({ description: 'True when there are more matches than the total counted' }),
          limit: z.number(),
          offset: z.number(),
          items: z.array(Summary),
        }),
        'Initiatives',
      ),
      ...problemResponses,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/initiatives/{id}',
    tags: ['Registry'],
    summary: 'One initiative (published; or your organization’s, with a token)',
    request: { params: idParam },
    responses: { 200: json(Initiative, 'The initiative'), ...problemResponses },
  }),
  history: createRoute({
    method: 'get',
    path: '/initiatives/{id}/history',
    tags: ['Registry'],
    summary: 'Every change to an initiative: who, when, what',
    request: { params: idParam },
    responses: { 200: json(z.object({ items: z.array(Change) }), 'Changes, oldest first'), ...problemResponses },
  }),
  create: createRoute({
    method: 'post',
    path: '/initiatives',
    tags: ['Registry'],
    summary: 'Create a draft initiative for your organization',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: initiativeInput } }, required: true } },
    responses: { 201: json(Initiative, 'The draft'), ...problemResponses, ...writeResponses },
  }),
  update: createRoute({
    method: 'put',
    path: '/initiatives/{id}',
    tags: ['Registry'],
    summary: 'Replace a draft or returned initiative (send the version you read)',
    security: [{ bearer: [] }],
    request: {
      params: idParam,
      body: {
        content: { 'application/json': { schema: z.object({ version: z.number().int(), initiative: initiativeInput }) } },
        required: true,
      },
    },
    responses: { 200: json(Initiative, 'The initiative'), ...problemResponses, ...writeResponses },
  }),
  transition: createRoute({
    method: 'post',
    path: '/initiatives/{id}/{action}',
    tags: ['Registry'],
    summary: 'Submit, publish, return (with a request), reject (with a reason), archive or reopen',
    description: 'Optional JSON body {"note": "..."}: required for return and reject, shown to the submitters.',
    security: [{ bearer: [] }],
    request: {
      params: idParam.extend({
        action: z.enum(['submit', 'publish', 'return', 'reject', 'archive', 'reopen']).openapi({ param: { name: 'action', in: 'path' } }),
      }),
    },
    responses: { 200: json(Initiative, 'The initiative in its new state'), ...problemResponses, ...writeResponses },
  }),
  duplicates: createRoute({
    method: 'get',
    path: '/initiatives/{id}/duplicates',
    tags: ['Registry'],
    summary: 'Records that may describe the same work (for its organization and reviewers): check before submitting',
    security: [{ bearer: [] }],
    request: { params: idParam },
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              lang: z.string(),
              leadOrganization: z.string(),
              state: z.string(),
              titleSimilarity: z.number(),
              sharedAreas: z.number(),
              sharedElements: z.number(),
              score: z.number(),
            }),
          ),
        }),
        'Candidate duplicates, most alike first',
      ),
      ...problemResponses,
      ...writeResponses,
    },
  }),
  queue: createRoute({
    method: 'get',
    path: '/review/initiatives',
    tags: ['Registry'],
    summary: 'The reviewers’ queue: submitted initiatives, oldest first',
    security: [{ bearer: [] }],
    request: { query: z.object({ lang: langQuery }) },
    responses: {
      200: json(z.object({ total: z.number(), totalIsLowerBound: z.boolean(), items: z.array(Summary) }), 'Submitted initiatives'),
      ...writeResponses,
    },
  }),
};

async function reader(c: Context<AppEnv>): Promise<User | null> {
  const caller = await apiCaller(c);
  return caller === 'operator' ? null : caller;
}

export function registerInitiativeApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.list, async (c) => {
    const q = c.req.valid('query');
    // The public list is prepared once per registry revision: text, gzip and entity tag.
    const key = `api ${JSON.stringify(q, Object.keys(q).sort())}`;
    const prepared = await atRevision(c.var.store.db, key, async () => {
      const result = await listInitiatives(c.var.store.db, { ...q, q: q.q || undefined });
      return jsonRepresentation({ ...result, limit: q.limit, offset: q.offset });
    });
    return sendRepresentation(c.req.raw, prepared);
  });

  api.openapi(routes.get, async (c) => {
    const initiative = await getInitiative(c.var.store.db, c.req.valid('param').id, await reader(c));
    if (!initiative) throw notFound(`No initiative ${c.req.valid('param').id}`);
    return c.json(initiative, 200);
  });

  api.openapi(routes.history, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = await reader(c);
    if (!(await getInitiative(c.var.store.db, id, viewer))) throw notFound(`No initiative ${id}`);
    const items = await historyOf(c.var.store.db, 'initiative', id, viewer);
    return c.json({ items: items.map(({ entity: _e, entityId: _i, ...rest }) => rest) }, 200);
  });

  api.openapi(routes.create, async (c) => {
    const user = await apiWriter(c);
    return c.json(await createInitiative(c.var.store, user, c.req.valid('json')), 201);
  });

  api.openapi(routes.update, async (c) => {
    const user = await apiWriter(c);
    const body = c.req.valid('json');
    return c.json(await updateInitiative(c.var.store, user, c.req.valid('param').id, body.initiative, body.version), 200);
  });

  api.openapi(routes.transition, async (c) => {
    const user = await apiWriter(c);
    const { id, action } = c.req.valid('param');
    const body = (await c.req.json().catch(() => ({}))) as { note?: unknown };
    return c.json(await transition(c.var.store, user, id, action, typeof body.note === 'string' ? body.note : undefined), 200);
  });

  api.openapi(routes.duplicates, async (c) => {
    const user = await apiWriter(c);
    const { id } = c.req.valid('param');
    const initiative = await getInitiative(c.var.store.db, id, user);
    if (!initiative) throw notFound(`No initiative ${id}`);
    if (!isReviewer(user) && !(await canEdit(c.var.store.db, user, initiative)))
      throw new Problem(403, 'Forbidden', 'Only its organization and reviewers see the candidate duplicates of a record.');
    return c.json({ items: await duplicateCandidates(c.var.store.db, id, user) }, 200);
  });

  api.openapi(routes.queue, async (c) => {
    const user = await apiWriter(c);
    if (user.role === 'contributor') throw new Problem(403, 'Forbidden', 'Only reviewers can see the review queue.');
    const result = await listInitiatives(c.var.store.db, { lang: c.req.valid('query').lang, states: ['submitted'], limit: 500, offset: 0 });
    return c.json(result, 200);
  });
}
