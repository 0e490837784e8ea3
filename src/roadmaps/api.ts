// /api/v1 routes for roadmaps: read without a key (published ones; drafts with the owner's
// token), write with a bearer token. Publishing answers 422 with every failed check named.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import {
  problemResponses,
  jsonContent as json,
  problemContent as problem,
  writeResponses as writes,
  idParam as id,
  createdResponse as created,
} from '../web/api.ts';
import { apiCaller, apiWriter } from '../web/session.ts';
import { notFound, Problem } from '../web/problem.ts';
import { translator } from '../i18n/index.ts';
import { historyOf } from '../provenance/history.ts';
import { nodeInput, nodeKinds, nodeStatuses, roadmapInput, roadmapStates } from './model.ts';
import { addNode, createRoadmap, getRoadmap, listRoadmaps, publishRoadmap, reopenRoadmap, updateNode } from './service.ts';
import { checkRules, type Finding } from './checks.ts';

const FindingSchema = z.object({
  rule: z.enum(checkRules),
  nodeId: z.string().nullable(),
  nodeTitle: z.string().nullable(),
});

const Node = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(nodeKinds),
  position: z.number(),
  title: z.string(),
  description: z.string(),
  leadOrganization: z.object({ id: z.string(), name: z.string() }).nullable(),
  contributors: z.array(z.object({ id: z.string(), name: z.string() })),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(nodeStatuses),
  elements: z.array(z.string()),
  indicators: z.array(z.object({ code: z.string(), targetValue: z.number().nullable(), targetYear: z.number().nullable() })),
  initiatives: z
    .array(z.object({ id: z.string(), title: z.string() }))
    .openapi({ description: 'Published initiatives that carry out the activity' }),
});

const Roadmap = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    lang: z.string(),
    owner: z.object({ id: z.string(), name: z.string() }),
    actionLineId: z.string().nullable(),
    state: z.enum(roadmapStates),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    nodes: z.array(Node),
    findings: z.array(FindingSchema).openapi({ description: 'What stops it from being published (empty when it may be)' }),
    editable: z.boolean(),
    reopenable: z.boolean(),
  })
  .openapi('Roadmap');

const Summary = z.object({
  id: z.string(),
  title: z.string(),
  lang: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }),
  actionLineId: z.string().nullable(),
  state: z.enum(roadmapStates),
  nodes: z.number(),
  updatedAt: z.string(),
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/roadmaps',
    tags: ['Roadmaps'],
    summary: 'Published roadmaps (the joint WSIS-GDC roadmap first, then by action line); with a token, also your drafts',
    responses: { 200: json(z.object({ items: z.array(Summary) }), 'Roadmaps') },
  }),
  get: createRoute({
    method: 'get',
    path: '/roadmaps/{id}',
    tags: ['Roadmaps'],
    summary: 'One roadmap: its tree of outcomes, outputs and activities, and what its quality checks find',
    request: { params: id },
    responses: { 200: json(Roadmap, 'The roadmap'), ...problemResponses },
  }),
  history: createRoute({
    method: 'get',
    path: '/roadmaps/{id}/history',
    tags: ['Roadmaps'],
    summary: 'Every change to a roadmap: who, when, what',
    request: { params: id },
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              id: z.number(),
              action: z.string(),
              actor: z.string(),
              at: z.string(),
              before: z.record(z.string(), z.unknown()).nullable(),
              after: z.record(z.string(), z.unknown()).nullable(),
              note: z.string().nullable(),
              changed: z.array(z.string()),
            }),
          ),
        }),
        'Changes, oldest first',
      ),
      ...problemResponses,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/roadmaps',
    tags: ['Roadmaps'],
    summary: 'Start a roadmap (a draft) for an organization you belong to',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: roadmapInput } }, required: true } },
    responses: { 201: created, ...problemResponses, ...writes },
  }),
  addNode: createRoute({
    method: 'post',
    path: '/roadmaps/{id}/nodes',
    tags: ['Roadmaps'],
    summary: 'Add an outcome (no parentId), an output (under an outcome) or an activity (under an output) to a draft',
    security: [{ bearer: [] }],
    request: { params: id, body: { content: { 'application/json': { schema: nodeInput } }, required: true } },
    responses: { 201: created, ...problemResponses, ...writes },
  }),
  updateNode: createRoute({
    method: 'put',
    path: '/roadmap-nodes/{id}',
    tags: ['Roadmaps'],
    summary: 'Change an outcome, output or activity of a draft (its place in the tree stays)',
    security: [{ bearer: [] }],
    request: { params: id, body: { content: { 'application/json': { schema: nodeInput } }, required: true } },
    responses: { 200: json(z.object({ id: z.string() }), 'Changed'), ...problemResponses, ...writes },
  }),
  publish: createRoute({
    method: 'post',
    path: '/roadmaps/{id}/publish',
    tags: ['Roadmaps'],
    summary: 'Publish a draft: refused with 422, listing every failed check, until the checks pass',
    security: [{ bearer: [] }],
    request: { params: id },
    responses: {
      200: json(Roadmap, 'Published'),
      422: problem('Quality checks failed: `errors` names each one (field `roadmap` or `nodes.<id>`)'),
      ...problemResponses,
      ...writes,
    },
  }),
  reopen: createRoute({
    method: 'post',
    path: '/roadmaps/{id}/reopen',
    tags: ['Roadmaps'],
    summary: 'Take a published roadmap back to draft for changes',
    security: [{ bearer: [] }],
    request: { params: id },
    responses: { 200: json(Roadmap, 'Back to draft'), ...problemResponses, ...writes },
  }),
};

const english = translator('en');

/** A failed check in English, for the API's problem document. */
export function findingMessage(t: typeof english, finding: Finding): string {
  return t(`roadmap.check.${finding.rule}`, { title: finding.nodeTitle ?? '' });
}

async function viewer(c: Parameters<typeof apiCaller>[0]) {
  const caller = await apiCaller(c);
  return caller === 'operator' ? null : caller;
}

export function registerRoadmapApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.list, async (c) => {
    const who = await viewer(c);
    if (who) c.header('Cache-Control', 'private, no-store');
    return c.json({ items: await listRoadmaps(c.var.store.db, who) }, 200);
  });
  api.openapi(routes.get, async (c) => {
    const who = await viewer(c);
    const roadmap = await getRoadmap(c.var.store.db, c.req.valid('param').id, who);
    if (!roadmap) throw notFound(`No roadmap ${c.req.valid('param').id}`);
    if (roadmap.state === 'draft') c.header('Cache-Control', 'private, no-store');
    return c.json(roadmap, 200);
  });
  api.openapi(routes.history, async (c) => {
    const { id: roadmapId } = c.req.valid('param');
    const who = await viewer(c);
    if (!(await getRoadmap(c.var.store.db, roadmapId, who))) throw notFound(`No roadmap ${roadmapId}`);
    const items = await historyOf(c.var.store.db, 'roadmap', roadmapId, who);
    return c.json({ items: items.map(({ entity: _e, entityId: _i, ...rest }) => rest) }, 200);
  });
  api.openapi(routes.create, async (c) => c.json({ id: await createRoadmap(c.var.store, await apiWriter(c), c.req.valid('json')) }, 201));
  api.openapi(routes.addNode, async (c) =>
    c.json({ id: await addNode(c.var.store, await apiWriter(c), c.req.valid('param').id, c.req.valid('json')) }, 201),
  );
  api.openapi(routes.updateNode, async (c) => {
    await updateNode(c.var.store, await apiWriter(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ id: c.req.valid('param').id }, 200);
  });
  api.openapi(routes.publish, async (c) => {
    const user = await apiWriter(c);
    const { id: roadmapId } = c.req.valid('param');
    const result = await publishRoadmap(c.var.store, user, roadmapId);
    if (!result.published) {
      throw new Problem(
        422,
        'Quality checks failed',
        `${result.findings.length} check(s) must pass before this roadmap is published.`,
        result.findings.map((f) => ({ field: f.nodeId ? `nodes.${f.nodeId}` : 'roadmap', message: findingMessage(english, f) })),
      );
    }
    return c.json((await getRoadmap(c.var.store.db, roadmapId, user))!, 200);
  });
  api.openapi(routes.reopen, async (c) => {
    const user = await apiWriter(c);
    await reopenRoadmap(c.var.store, user, c.req.valid('param').id);
    return c.json((await getRoadmap(c.var.store.db, c.req.valid('param').id, user))!, 200);
  });
}
