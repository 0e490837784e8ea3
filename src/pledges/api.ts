// /api/v1 routes for pledges: read with the initiative's visibility; write with a bearer token.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { problemResponses, ProblemSchema } from '../web/api.ts';
import { apiCaller, apiWriter } from '../web/session.ts';
import { notFound } from '../web/problem.ts';
import { getInitiative } from '../initiatives/service.ts';
import {
  addProgressUpdate,
  addTransaction,
  createPledge,
  initiativeProgress,
  pledgeInput,
  pledgesOf,
  reviewProgressUpdate,
  transactionInput,
  updateInput,
} from './service.ts';

const Pledge = z
  .object({
    id: z.string(),
    initiativeId: z.string(),
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
    createdAt: z.string(),
  })
  .openapi('Pledge');

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
const writes = {
  401: problem('No valid bearer token'),
  403: problem('Not allowed for this record'),
  409: problem('Conflicts with the record’s state'),
  429: problem('Too many writes'),
} as const;
const id = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const created = json(z.object({ id: z.string() }), 'Created');

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

export function registerPledgeApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.list, async (c) => {
    const caller = await apiCaller(c);
    const viewer = caller === 'operator' ? null : caller;
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
  api.openapi(routes.review, async (c) => {
    const { id: updateId, decision } = c.req.valid('param');
    await reviewProgressUpdate(c.var.store, await apiWriter(c), updateId, decision === 'publish');
    return c.json({ id: updateId, state: decision === 'publish' ? 'published' : 'rejected' }, 200);
  });
}
