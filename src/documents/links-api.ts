// /api/v1/paragraph-links: links from document paragraphs to framework elements, as stored (the
// matcher's suggestions, people's proposals, reviewers' decisions), one link with its history,
// a proposal (signed-in callers) and a decision (reviewers). Thin: the rules are in paragraph-links.ts.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { jsonContent as json, pageQuery, problemResponses, writeResponses } from '../web/api.ts';
import { notFound } from '../web/problem.ts';
import { apiWriter } from '../web/session.ts';
import { languages } from '../language/languages.ts';
import { blockKinds } from './model.ts';
import { decideLink, getParagraphLink, linkHistory, linkStates, linkTypes, listParagraphLinks, proposeLink } from './paragraph-links.ts';

const tags = ['Paragraph links'];
const Lang = z.enum(languages);
const LinkType = z.enum(linkTypes).openapi('ParagraphLinkType');
const LinkState = z.enum(linkStates).openapi('ParagraphLinkState');

const LinkSchema = z
  .object({
    paragraph: z.object({
      id: z.number(),
      eid: z.string().openapi({ example: 'para_12' }),
      number: z.string().nullable(),
      kind: z.enum(blockKinds),
      lang: Lang,
      text: z.string(),
      preamble: z
        .number()
        .nullable()
        .openapi({ description: 'A preambular paragraph’s place in the preamble (1 for pp1): it prints no number' }),
    }),
    document: z.object({ id: z.string(), symbol: z.string().nullable() }),
    element: z.object({
      id: z.string().openapi({ example: 'sdg.9.c' }),
      kind: z.string(),
      code: z.string(),
      title: z.string().nullable(),
      text: z.string().nullable(),
      lang: Lang.nullable().openapi({ description: 'Language of the element text shown: the paragraph’s, else English' }),
    }),
    type: LinkType,
    state: LinkState,
    score: z.number().nullable().openapi({ description: 'The matcher’s score; null when a person proposed the link' }),
    evidence: z.string().nullable(),
    suggestedBy: z.string().openapi({
      description: '`matcher`, `document` (the paragraph is the element’s own text: GDC annex of A/RES/79/1, the Pact) or a user id',
    }),
    suggestedByName: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ParagraphLink');

const HistorySchema = z
  .array(
    z.object({
      at: z.string(),
      by: z.string(),
      byName: z.string().nullable(),
      action: z.enum(['suggest', 'propose', 'confirm', 'reject']),
      state: LinkState,
      type: LinkType,
      note: z.string().nullable(),
    }),
  )
  .openapi('ParagraphLinkHistory');

const linkParams = z.object({
  paragraphId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'paragraphId', in: 'path' }, example: 1234 }),
  elementId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'elementId', in: 'path' }, example: 'sdg.9.c' }),
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/paragraph-links',
    tags,
    summary: 'Links from document paragraphs to framework elements, filtered by document, language, element, state',
    request: {
      query: z.object({
        document: z.string().min(1).max(200).optional().openapi({ example: 'a-res-79-194' }),
        lang: Lang.optional(),
        element: z.string().min(1).max(100).optional().openapi({ description: 'An element id; its descendants’ links are included' }),
        state: LinkState.optional(),
        ...pageQuery,
      }),
    },
    responses: {
      200: json(
        z.object({ total: z.number(), limit: z.number(), offset: z.number(), items: z.array(LinkSchema) }).openapi('ParagraphLinkPage'),
        'Links in document and reading order',
      ),
      ...problemResponses,
    },
  }),
  propose: createRoute({
    method: 'post',
    path: '/paragraph-links',
    tags,
    summary: 'Propose a link from a paragraph to an element, with evidence (any signed-in caller); it awaits a reviewer',
    security: [{ bearer: [] }],
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              paragraphId: z.number().int().positive(),
              elementId: z.string().trim().min(1).max(100),
              type: LinkType.default('contributes-to'),
              evidence: z.string().trim().min(1, 'is required').max(2000),
            }),
          },
        },
      },
    },
    responses: { 201: json(LinkSchema, 'The proposed link (state suggested)'), ...problemResponses, ...writeResponses },
  }),
  one: createRoute({
    method: 'get',
    path: '/paragraph-links/{paragraphId}/{elementId}',
    tags,
    summary: 'One link, with who suggested it and every decision since',
    request: { params: linkParams },
    responses: { 200: json(LinkSchema.extend({ history: HistorySchema }), 'The link and its history'), ...problemResponses },
  }),
  decide: createRoute({
    method: 'post',
    path: '/paragraph-links/{paragraphId}/{elementId}/decision',
    tags,
    summary: 'Confirm (optionally with another type) or reject a link (reviewers)',
    security: [{ bearer: [] }],
    request: {
      params: linkParams,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              decision: z.enum(['confirm', 'reject']),
              type: LinkType.optional().openapi({ description: 'On confirm: the type the reviewer settles on (default: as suggested)' }),
              note: z.string().trim().max(2000).optional(),
            }),
          },
        },
      },
    },
    responses: { 200: json(LinkSchema, 'The link as decided'), ...problemResponses, ...writeResponses },
  }),
};

export function registerParagraphLinkApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.list, async (c) => {
    const q = c.req.valid('query');
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    const result = await listParagraphLinks(c.var.store.db, { ...q, descendants: true, limit, offset });
    c.header('Cache-Control', 'no-cache');
    return c.json({ ...result, limit, offset }, 200);
  });

  api.openapi(routes.propose, async (c) => {
    const user = await apiWriter(c);
    const link = await proposeLink(c.var.store, user, c.req.valid('json'));
    return c.json(link, 201);
  });

  api.openapi(routes.one, async (c) => {
    const { paragraphId, elementId } = c.req.valid('param');
    const db = c.var.store.db;
    const link = await getParagraphLink(db, paragraphId, elementId);
    if (!link) throw notFound(`No link from paragraph ${paragraphId} to ${elementId}`);
    c.header('Cache-Control', 'no-cache');
    return c.json({ ...link, history: await linkHistory(db, link) }, 200);
  });

  api.openapi(routes.decide, async (c) => {
    const user = await apiWriter(c);
    const { paragraphId, elementId } = c.req.valid('param');
    const link = await decideLink(c.var.store, user, paragraphId, elementId, c.req.valid('json'));
    return c.json(link, 200);
  });
}
