// /api/v1 routes for what a registry's records wait for: an organization's claim of an imported
// record (asked by an administrator of its lead organization, decided by a reviewer) and the
// matcher's suggested framework links (confirmed or rejected by a reviewer), with the reviewers'
// queues of both. The same rules as the pages (claims.ts, link-review.ts); thin here.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { jsonContent as json, langQuery, problemResponses, writeResponses } from '../web/api.ts';
import { Problem } from '../web/problem.ts';
import { apiWriter } from '../web/session.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { isMember } from '../organizations/service.ts';
import { frameworkIds } from '../frameworks/service.ts';
import { Refusal } from '../shared/refusal.ts';
import { claimRecord, claimState, decideClaim, waitingClaims, type ClaimState } from './claims.ts';
import { decideSuggestedLink, suggestedLinks } from '../initiatives/link-review.ts';
import { registrySources } from './sources.ts';

const tags = ['Registry'];
const sourceIds = registrySources.map((s) => s.id) as [string, ...string[]];

const initiativeParam = z.object({
  initiativeId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'initiativeId', in: 'path' }, example: 'a4f1c2d0-…' }),
});

const Claim = z
  .object({
    initiativeId: z.string(),
    source: z.string().openapi({ description: 'The registry the record was read from', example: 'dpga' }),
    leadOrganizationId: z.string(),
    state: z.enum(['open', 'waiting', 'confirmed']).openapi({
      description: 'open: nobody asked; waiting: asked, awaiting a reviewer; confirmed: the organization edits the record',
    }),
    requestedBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
    confirmedAt: z.string().nullable(),
  })
  .openapi('Claim');

const WaitingClaim = z
  .object({
    initiativeId: z.string(),
    title: z.string(),
    titleLanguage: z.string(),
    source: z.string(),
    leadOrganization: z.object({ id: z.string(), name: z.string() }),
    requestedBy: z.object({ id: z.string(), name: z.string().nullable() }),
    requestedAt: z.string().nullable(),
  })
  .openapi('WaitingClaim');

const Suggestion = z
  .object({
    initiativeId: z.string(),
    title: z.string(),
    titleLanguage: z.string(),
    recordSource: z.string().nullable().openapi({ description: 'The registry the record was read from; null when made in Concord' }),
    elementId: z.string(),
    framework: z.string(),
    code: z.string(),
    type: z.string(),
    evidence: z.string().openapi({ description: 'What in the record’s text the matcher found' }),
    suggestedBy: z.string().nullable(),
  })
  .openapi('SuggestedLink');

const page = {
  lang: langQuery,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** The claim of one record: read it, or ask for it. */
const claimAt = { path: '/claims/{initiativeId}', tags, security: [{ bearer: [] }], request: { params: initiativeParam } };

const routes = {
  claim: createRoute({
    ...claimAt,
    method: 'get',
    summary: 'The claim standing of an imported record (for its organization’s members and reviewers)',
    responses: { 200: json(Claim, 'The claim'), ...problemResponses, ...writeResponses },
  }),
  ask: createRoute({
    ...claimAt,
    method: 'post',
    summary: 'Ask for an imported record on behalf of its lead organization (its administrators only)',
    description: 'Once a reviewer confirms, the organization edits the record and refreshing the source no longer writes it.',
    responses: { 200: json(Claim, 'The claim, now waiting'), ...problemResponses, ...writeResponses },
  }),
  decide: createRoute({
    method: 'post',
    path: '/claims/{initiativeId}/decision',
    tags,
    summary: 'Confirm or refuse a waiting claim (reviewers)',
    security: [{ bearer: [] }],
    request: {
      params: initiativeParam,
      body: {
        content: {
          'application/json': {
            schema: z.object({
              decision: z.enum(['confirm', 'refuse']),
              note: z.string().trim().max(2000).optional().openapi({ description: 'Kept in the record’s history' }),
            }),
          },
        },
        required: true,
      },
    },
    responses: { 200: json(Claim, 'The claim after the decision'), ...problemResponses, ...writeResponses },
  }),
  claimQueue: createRoute({
    method: 'get',
    path: '/review/claims',
    tags,
    summary: 'The reviewers’ queue of claims awaiting a decision, oldest request first',
    security: [{ bearer: [] }],
    request: { query: z.object(page) },
    responses: {
      200: json(z.object({ total: z.number(), limit: z.number(), offset: z.number(), items: z.array(WaitingClaim) }), 'Waiting claims'),
      ...problemResponses,
      ...writeResponses,
    },
  }),
  suggestionQueue: createRoute({
    method: 'get',
    path: '/review/suggested-links',
    tags,
    summary: 'The reviewers’ queue of links the matcher suggested from records’ texts',
    security: [{ bearer: [] }],
    request: {
      query: z.object({
        ...page,
        source: z.enum(sourceIds).optional().openapi({ description: 'Only records read from this registry', example: 'dpga' }),
        framework: z.enum(frameworkIds).optional().openapi({ description: 'Only links to this framework’s elements', example: 'gdc' }),
      }),
    },
    responses: {
      200: json(z.object({ total: z.number(), limit: z.number(), offset: z.number(), items: z.array(Suggestion) }), 'Suggested links'),
      ...problemResponses,
      ...writeResponses,
    },
  }),
  decideSuggestion: createRoute({
    method: 'post',
    path: '/review/suggested-links/{initiativeId}/{elementId}',
    tags,
    summary: 'Confirm a suggested link (it becomes one of the record’s links) or reject it (not suggested again)',
    security: [{ bearer: [] }],
    request: {
      params: initiativeParam.extend({
        elementId: z
          .string()
          .min(1)
          .max(100)
          .openapi({ param: { name: 'elementId', in: 'path' }, example: 'gdc.obj.1' }),
      }),
      body: { content: { 'application/json': { schema: z.object({ decision: z.enum(['confirm', 'reject']) }) } }, required: true },
    },
    responses: {
      200: json(
        z.object({ initiativeId: z.string(), elementId: z.string(), state: z.enum(['confirmed', 'rejected']) }),
        'The link after the decision',
      ),
      ...problemResponses,
      ...writeResponses,
    },
  }),
};

function reviewerOnly(user: User, what: string): void {
  if (!isReviewer(user)) throw new Problem(403, 'Forbidden', `Only reviewers see ${what}.`);
}

/** A claim as the API shows it (the writes return the state they left, so it is not read again). */
function claimOf(initiativeId: string, state: ClaimState): z.infer<typeof Claim> {
  return {
    initiativeId,
    source: state.source,
    leadOrganizationId: state.leadOrganizationId,
    state: state.confirmedAt ? 'confirmed' : state.requestedBy ? 'waiting' : 'open',
    requestedBy: state.requestedBy ? { id: state.requestedBy, name: state.requestedByName } : null,
    confirmedAt: state.confirmedAt,
  };
}

export function registerRegistryReviewApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.claim, async (c) => {
    const user = await apiWriter(c);
    const { initiativeId } = c.req.valid('param');
    const state = await claimState(c.var.store.db, initiativeId);
    if (!state) throw new Refusal(404, 'claim.notImported');
    const claim = claimOf(initiativeId, state);
    // Who asked is a person's name: their organization and reviewers only.
    if (!isReviewer(user) && !(await isMember(c.var.store.db, user.id, claim.leadOrganizationId, false)))
      throw new Problem(403, 'Forbidden', 'Only its organization’s members and reviewers see the claim of a record.');
    return c.json(claim, 200);
  });

  api.openapi(routes.ask, async (c) => {
    const user = await apiWriter(c);
    const { initiativeId } = c.req.valid('param');
    return c.json(claimOf(initiativeId, await claimRecord(c.var.store, user, initiativeId)), 200);
  });

  api.openapi(routes.decide, async (c) => {
    const user = await apiWriter(c);
    const { initiativeId } = c.req.valid('param');
    const { decision, note } = c.req.valid('json');
    return c.json(claimOf(initiativeId, await decideClaim(c.var.store, user, initiativeId, decision === 'confirm', note)), 200);
  });

  api.openapi(routes.claimQueue, async (c) => {
    const user = await apiWriter(c);
    reviewerOnly(user, 'the claims awaiting a decision');
    const { lang, limit, offset } = c.req.valid('query');
    return c.json({ ...(await waitingClaims(c.var.store.db, { lang, limit, offset })), limit, offset }, 200);
  });

  api.openapi(routes.suggestionQueue, async (c) => {
    const user = await apiWriter(c);
    reviewerOnly(user, 'the suggested links');
    const query = c.req.valid('query');
    return c.json({ ...(await suggestedLinks(c.var.store.db, query)), limit: query.limit, offset: query.offset }, 200);
  });

  api.openapi(routes.decideSuggestion, async (c) => {
    const user = await apiWriter(c);
    const { initiativeId, elementId } = c.req.valid('param');
    const confirm = c.req.valid('json').decision === 'confirm';
    await decideSuggestedLink(c.var.store, user, initiativeId, elementId, confirm);
    return c.json({ initiativeId, elementId, state: confirm ? ('confirmed' as const) : ('rejected' as const) }, 200);
  });
}
