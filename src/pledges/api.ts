// /api/v1 routes for pledges: read with the initiative's visibility; write with a bearer token.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { problemResponses, jsonContent as json, writeResponses as writes, idParam as id, createdResponse as created } from '../web/api.ts';
import { apiCaller, apiWriter } from '../web/session.ts';
import { notFound } from '../web/problem.ts';
import { getInitiative } from '../initiatives/service.ts';
import { getOrganization } from '../organizations/service.ts';
import {
  addProgressUpdate,
  addTransaction,
  createPledge,
  getPledge,
  initiativeProgress,
  pledgeDecisions,
  pledgesBy,
  reviewPledge,
  pledgeInput,
  pledgesOf,
  reviewProgressUpdate,
  transactionInput,
  updateInput,
} from './service.ts';

const Pledge = z
  .object({
    id: z.string(),
    initiativeId: z.string().nullable().openapi({ description: 'Null for an organization’s own pledge' }),
    state: z.string().nullable().openapi({ description: 'An organization’s own pledge: submitted, published, rejected or archived' }),
    reviewNote: z.string().nullable(),
    organization: z.object({ id: z.string(), name: z.string() }),
    metric: z.string(),
    unit: z.string(),
    baselineValue: z.number(),
    baselineDate: z.string(),
    targetValue: z.number(),
    targetDate: z.string(),
    beneficiaries: z.number().nullable(),
    weight: z.number().nullable(),
    areas: z.array(z.string()),
    transactions: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        amount: z.string(),
        currency: z.string(),
        date: z.string(),
        note: z.string().nullable(),
      }),
    ),
    money: z.array(z.object({ kind: z.string(), currency: z.string(), amount: z.number() })),
    updates: z.array(
      z.object({
        id: z.string(),
        date: z.string(),
        value: z.number(),
        narrative: z.string(),
        evidenceUrl: z.string().nullable(),
        state: z.string(),
      }),
    ),
    progress: z.object({
      status: z.enum(['achieved', 'on-track', 'off-track', 'overdue', 'no-report', 'inactive', 'awaiting-report']),
      progressPercent: z.number().nullable(),
      latest: z.object({ date: z.string(), value: z.number() }).nullable(),
      expectedAtLatest: z.number().nullable(),
      coverage: z.number().nullable(),
    }),
    editable: z.boolean().openapi({ description: 'Whether the caller may change it (add money transactions)' }),
    canReport: z.boolean().openapi({ description: 'Whether the caller may report progress on it' }),
    createdAt: z.string(),
  })
  .openapi('Pledge');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/initiatives/{id}/pledges',
    tags: ['Registry'],
    summary: "An initiative's pledges with their status, money and progress",
    request: { params: id },
    responses: { 200: json(z.object({ progressPercent: z.number().nullable(), items: z.array(Pledge) }), 'Pledges'), ...problemResponses },
  }),
  create: createRoute({
    method: 'post',
    path: '/initiatives/{id}/pledges',
    tags: ['Registry'],
    summary: 'Add a pledge to a draft or returned initiative',
    security: [{ bearer: [] }],
    request: { params: id, body: { content: { 'application/json': { schema: pledgeInput } }, required: true } },
    responses: { 201: created, ...problemResponses, ...writes },
  }),
  transaction: createRoute({
    method: 'post',
    path: '/pledges/{id}/transactions',
    tags: ['Registry'],
    summary: 'Record money pledged, committed, disbursed or spent',
    security: [{ bearer: [] }],
    request: { params: id, body: { content: { 'application/json': { schema: transactionInput } }, required: true } },
    responses: { 201: created, ...problemResponses, ...writes },
  }),
  update: createRoute({
    method: 'post',
    path: '/pledges/{id}/updates',
    tags: ['Registry'],
    summary: 'Report progress (public once a reviewer publishes it)',
    security: [{ bearer: [] }],
    request: { params: id, body: { content: { 'application/json': { schema: updateInput } }, required: true } },
    responses: { 201: created, ...problemResponses, ...writes },
  }),
  get: createRoute({
    method: 'get',
    path: '/pledges/{id}',
    tags: ['Registry'],
    summary: 'One pledge with its status, money and progress (public once its record is published)',
    request: { params: id },
    responses: { 200: json(Pledge, 'The pledge'), ...problemResponses },
  }),
  byOrganization: createRoute({
    method: 'get',
    path: '/organizations/{id}/pledges',
    tags: ['Registry'],
    summary: 'Everything an organization pledged, on its own and in initiatives',
    request: { params: id },
    responses: { 200: json(z.object({ items: z.array(Pledge) }), 'Pledges'), ...problemResponses },
  }),
  createOwn: createRoute({
    method: 'post',
    path: '/organizations/{id}/pledges',
    tags: ['Registry'],
    summary: 'An organization’s own pledge, outside any initiative: submitted for review at once',
    security: [{ bearer: [] }],
    request: { params: id, body: { content: { 'application/json': { schema: pledgeInput } }, required: true } },
    responses: { 201: created, ...problemResponses, ...writes },
  }),
  decide: createRoute({
    method: 'post',
    path: '/pledges/{id}/{decision}',
    tags: ['Registry'],
    summary: 'A reviewer publishes, rejects (with a reason) or archives an organization’s own pledge',
    description: 'JSON body {"note": "..."}: required to reject, shown to the organization.',
    security: [{ bearer: [] }],
    request: {
      params: id.extend({ decision: z.enum(pledgeDecisions).openapi({ param: { name: 'decision', in: 'path' } }) }),
    },
    responses: { 200: json(Pledge, 'The pledge in its new state'), ...problemResponses, ...writes },
  }),
  review: createRoute({
    method: 'post',
    path: '/progress/{id}/{decision}',
    tags: ['Registry'],
    summary: 'A reviewer publishes or rejects a progress report',
    security: [{ bearer: [] }],
    request: { params: id.extend({ decision: z.enum(['publish', 'reject']).openapi({ param: { name: 'decision', in: 'path' } }) }) },
    responses: { 200: json(z.object({ id: z.string(), state: z.string() }), 'Done'), ...problemResponses, ...writes },
  }),
};

/** The caller as a viewer of records: a user with a token, or nobody (anonymous, operator). */
async function apiViewer(c: Parameters<typeof apiCaller>[0]) {
  const caller = await apiCaller(c);
  return caller === 'operator' ? null : caller;
}

export function registerPledgeApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.list, async (c) => {
    const viewer = await apiViewer(c);
    const { id: initiativeId } = c.req.valid('param');
    if (!(await getInitiative(c.var.store.db, initiativeId, viewer))) throw notFound(`No initiative ${initiativeId}`);
    const items = await pledgesOf(c.var.store.db, initiativeId, viewer);
    return c.json({ progressPercent: initiativeProgress(items), items }, 200);
  });
  api.openapi(routes.create, async (c) =>
    c.json({ id: await createPledge(c.var.store, await apiWriter(c), c.req.valid('param').id, c.req.valid('json')) }, 201),
  );
  api.openapi(routes.transaction, async (c) =>
    c.json({ id: await addTransaction(c.var.store, await apiWriter(c), c.req.valid('param').id, c.req.valid('json')) }, 201),
  );
  api.openapi(routes.update, async (c) =>
    c.json({ id: await addProgressUpdate(c.var.store, await apiWriter(c), c.req.valid('param').id, c.req.valid('json')) }, 201),
  );
  api.openapi(routes.get, async (c) => {
    const viewer = await apiViewer(c);
    const pledge = await getPledge(c.var.store.db, c.req.valid('param').id, viewer);
    if (!pledge) throw notFound(`No pledge ${c.req.valid('param').id}`);
    return c.json(pledge, 200);
  });
  api.openapi(routes.byOrganization, async (c) => {
    const { id: organizationId } = c.req.valid('param');
    if (!(await getOrganization(c.var.store.db, organizationId))) throw notFound(`No organization ${organizationId}`);
    const viewer = await apiViewer(c);
    return c.json({ items: await pledgesBy(c.var.store.db, organizationId, viewer) }, 200);
  });
  api.openapi(routes.createOwn, async (c) =>
    c.json({ id: await createPledge(c.var.store, await apiWriter(c), null, c.req.valid('json'), c.req.valid('param').id) }, 201),
  );
  api.openapi(routes.decide, async (c) => {
    const user = await apiWriter(c);
    const { id: pledgeId, decision } = c.req.valid('param');
    const body = (await c.req.json().catch(() => ({}))) as { note?: unknown };
    await reviewPledge(c.var.store, user, pledgeId, decision, typeof body.note === 'string' ? body.note : undefined);
    return c.json((await getPledge(c.var.store.db, pledgeId, user))!, 200);
  });
  api.openapi(routes.review, async (c) => {
    const { id: updateId, decision } = c.req.valid('param');
    await reviewProgressUpdate(c.var.store, await apiWriter(c), updateId, decision === 'publish');
    return c.json({ id: updateId, state: decision === 'publish' ? 'published' : 'rejected' }, 200);
  });
}
