// /api/v1 routes for the framework graph: frameworks, elements, texts, links, derived links,
// search and the crosswalk matrix. Thin: validation here, logic in service.ts.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { langQuery, pageQuery, problemResponses, jsonContent as json } from '../web/api.ts';
import { notFound, Problem } from '../web/problem.ts';
import { languages } from '../language/languages.ts';
import {
  derivedLinks,
  frameworkIds,
  getElement,
  getFramework,
  getTexts,
  linkStates,
  linkTypes,
  listElements,
  listFrameworks,
  listLinks,
  searchElements,
} from './service.ts';
import { axes, crosswalkCell, crosswalkMatrix } from './crosswalk.ts';
import { elementKinds } from './reference.ts';
import { DocumentHitsSchema } from '../documents/api.ts';
import { searchDocuments } from '../documents/search.ts';

const Lang = z.enum(languages).openapi('Language');

const SourceSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    documentSymbol: z.string().nullable(),
    address: z.string().nullable(),
    repository: z.string().nullable(),
    commit: z.string().nullable(),
    path: z.string().nullable(),
    licence: z.string(),
  })
  .openapi('Source');

const FrameworkSchema = z
  .object({
    id: z.enum(frameworkIds),
    title: z.string(),
    languages: z.array(Lang),
    counts: z.record(z.string(), z.number()),
    elementCount: z.number(),
    source: SourceSchema,
  })
  .openapi('Framework');

const ElementSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'sdg.9.c' }),
    framework: z.enum(frameworkIds),
    kind: z.enum(elementKinds),
    code: z.string().openapi({ example: '9.c' }),
    title: z.string().nullable(),
    text: z.string().nullable(),
    textLanguage: Lang.nullable().openapi({
      description: 'Language of title and text: the one asked for, or en where that text does not exist',
    }),
  })
  .openapi('ElementSummary');

const TextDocumentSchema = z.object({ documentId: z.string(), symbol: z.string().nullable(), lang: Lang }).openapi('TextDocument', {
  description: 'The language version of a document the text was read from: the official text, with that document as its source',
});

const ElementSchema = ElementSummarySchema.extend({
  parentId: z.string().nullable(),
  position: z.number(),
  attributes: z.record(z.string(), z.unknown()),
  languages: z.array(Lang),
  caveats: z.array(z.string()),
  source: SourceSchema,
  textDocument: TextDocumentSchema.nullable(),
  ancestors: z.array(ElementSummarySchema),
  children: z.array(ElementSummarySchema),
}).openapi('Element');

const ElementTextSchema = z
  .object({
    lang: Lang,
    title: z.string().nullable(),
    text: z.string().nullable(),
    caveats: z.array(z.string()),
    source: SourceSchema,
    document: TextDocumentSchema.nullable(),
  })
  .openapi('ElementText');

const LinkSchema = z
  .object({
    id: z.number(),
    from: ElementSummarySchema,
    to: ElementSummarySchema,
    type: z.enum(linkTypes),
    state: z.enum(linkStates),
    rationale: z.string().nullable(),
    source: SourceSchema.nullable(),
    sourceLocator: z.string().nullable().openapi({ example: 'para 11 (b)' }),
    sourceAddress: z.string().nullable(),
    assertedBy: z.string(),
    flags: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Link');

const DerivedLinkSchema = z
  .object({
    other: ElementSummarySchema,
    via: z.array(ElementSummarySchema).openapi({ description: 'The SDG goals both elements contribute to' }),
  })
  .openapi('DerivedLink');

const SearchHitSchema = ElementSummarySchema.extend({
  matchLanguage: Lang,
  rank: z.number(),
  snippet: z.string().openapi({ description: 'HTML-escaped text with <mark> around the matches' }),
  englishFallback: z.boolean().openapi({
    description:
      'True when the element has no text in the language searched (`lang`, else English) and was found in its English text, any word of the query matching',
  }),
}).openapi('SearchHit');

const page = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ total: z.number(), limit: z.number(), offset: z.number(), items: z.array(item) }).openapi(name);

const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: { name: 'id', in: 'path' },
      example: 'gdc.11.b',
      description: 'Element id, e.g. sdg.9.c, gdc.11.b, wsis.C7.e-health, pact.action.28',
    }),
});

const routes = {
  frameworks: createRoute({
    method: 'get',
    path: '/frameworks',
    tags: ['Frameworks'],
    summary: 'List the frameworks',
    responses: { 200: json(z.object({ items: z.array(FrameworkSchema) }), 'The frameworks with element counts and sources') },
  }),
  framework: createRoute({
    method: 'get',
    path: '/frameworks/{id}',
    tags: ['Frameworks'],
    summary: 'One framework',
    request: { params: z.object({ id: z.enum(frameworkIds).openapi({ param: { name: 'id', in: 'path' } }) }) },
    responses: { 200: json(FrameworkSchema, 'The framework'), ...problemResponses },
  }),
  frameworkElements: createRoute({
    method: 'get',
    path: '/frameworks/{id}/elements',
    tags: ['Frameworks'],
    summary: "A framework's elements in document order",
    request: {
      params: z.object({ id: z.enum(frameworkIds).openapi({ param: { name: 'id', in: 'path' } }) }),
      query: z.object({
        lang: langQuery,
        kind: z.enum(elementKinds).optional(),
        roots: z.enum(['true', 'false']).optional(),
        ...pageQuery,
      }),
    },
    responses: { 200: json(page(ElementSummarySchema, 'ElementPage'), 'Elements'), ...problemResponses },
  }),
  element: createRoute({
    method: 'get',
    path: '/elements/{id}',
    tags: ['Elements'],
    summary: 'One element with its text, ancestors and children',
    request: { params: idParam, query: z.object({ lang: langQuery }) },
    responses: { 200: json(ElementSchema, 'The element'), ...problemResponses },
  }),
  children: createRoute({
    method: 'get',
    path: '/elements/{id}/children',
    tags: ['Elements'],
    summary: "An element's children",
    request: { params: idParam, query: z.object({ lang: langQuery }) },
    responses: { 200: json(z.object({ items: z.array(ElementSummarySchema) }), 'Children in order'), ...problemResponses },
  }),
  ancestors: createRoute({
    method: 'get',
    path: '/elements/{id}/ancestors',
    tags: ['Elements'],
    summary: "An element's ancestors, root first",
    request: { params: idParam, query: z.object({ lang: langQuery }) },
    responses: { 200: json(z.object({ items: z.array(ElementSummarySchema) }), 'Ancestors'), ...problemResponses },
  }),
  texts: createRoute({
    method: 'get',
    path: '/elements/{id}/texts',
    tags: ['Elements'],
    summary: "An element's text in every language it exists in",
    request: { params: idParam },
    responses: { 200: json(z.object({ items: z.array(ElementTextSchema) }), 'Texts with their sources'), ...problemResponses },
  }),
  elementLinks: createRoute({
    method: 'get',
    path: '/elements/{id}/links',
    tags: ['Links'],
    summary: "An element's links, outgoing and incoming",
    request: {
      params: idParam,
      query: z.object({
        lang: langQuery,
        direction: z.enum(['out', 'in', 'both']).default('both'),
        framework: z.enum(frameworkIds).optional().openapi({ description: 'Framework of the other end' }),
        type: z.enum(linkTypes).optional(),
        state: z.enum(linkStates).optional(),
        descendants: z.enum(['true', 'false']).optional().openapi({ description: "Include the links of the element's descendants" }),
        ...pageQuery,
      }),
    },
    responses: { 200: json(page(LinkSchema, 'LinkPage'), 'Links'), ...problemResponses },
  }),
  derived: createRoute({
    method: 'get',
    path: '/elements/{id}/derived-links',
    tags: ['Links'],
    summary: 'Links derived through a shared SDG goal (computed, never stored, not an official mapping)',
    request: { params: idParam, query: z.object({ lang: langQuery }) },
    responses: {
      200: json(z.object({ derived: z.literal(true), items: z.array(DerivedLinkSchema) }), 'Derived links'),
      ...problemResponses,
    },
  }),
  links: createRoute({
    method: 'get',
    path: '/links',
    tags: ['Links'],
    summary: 'Links, filtered by framework, type and state',
    request: {
      query: z.object({
        lang: langQuery,
        framework: z.enum(frameworkIds).optional().openapi({ description: 'Either end in this framework' }),
        from: z.enum(frameworkIds).optional().openapi({ description: 'Framework of the from end' }),
        to: z.enum(frameworkIds).optional().openapi({ description: 'Framework of the to end' }),
        type: z.enum(linkTypes).optional(),
        state: z.enum(linkStates).optional(),
        ...pageQuery,
      }),
    },
    responses: { 200: json(page(LinkSchema, 'LinkPage'), 'Links'), ...problemResponses },
  }),
  search: createRoute({
    method: 'get',
    path: '/search',
    tags: ['Search'],
    summary: 'Search element texts and document paragraphs in any of the six languages',
    request: {
      query: z.object({
        q: z.string().trim().min(1, 'is required').max(500),
        lang: z
          .enum(languages, { error: `must be one of ${languages.join(', ')}` })
          .optional()
          .openapi({ description: 'Search only texts in this language (default: all six); results are shown in it too' }),
        framework: z.enum(frameworkIds).optional(),
        kind: z.enum(elementKinds).optional(),
        ...pageQuery,
      }),
    },
    responses: {
      200: json(
        page(SearchHitSchema, 'SearchPage').extend({
          q: z.string(),
          documents: z.object({ total: z.number(), items: DocumentHitsSchema }).optional().openapi({
            description:
              'Document paragraphs matched (first page, grouped by document; more at /documents/search); absent when `framework` or `kind` asks for framework elements only',
          }),
        }),
        'Matches, best first: framework elements in items, document paragraphs in documents',
      ),
      ...problemResponses,
    },
  }),
  matrix: createRoute({
    method: 'get',
    path: '/crosswalk',
    tags: ['Crosswalk'],
    summary: 'The crosswalk matrix: link counts between two axes, derived counts apart',
    request: {
      query: z.object({
        rows: z.enum(axes).default('gdc-objectives'),
        columns: z.enum(axes).default('sdg-goals'),
        lang: langQuery,
      }),
    },
    responses: {
      200: json(
        z
          .object({
            rows: z.array(ElementSummarySchema),
            columns: z.array(ElementSummarySchema),
            derivedApplies: z.boolean(),
            cells: z.array(
              z.object({
                row: z.string(),
                column: z.string(),
                links: z.number(),
                confirmed: z.number(),
                suggested: z.number(),
                derived: z.number(),
              }),
            ),
          })
          .openapi('CrosswalkMatrix'),
        'The matrix',
      ),
      ...problemResponses,
    },
  }),
  cell: createRoute({
    method: 'get',
    path: '/crosswalk/cell',
    tags: ['Crosswalk'],
    summary: 'What stands behind one matrix cell',
    request: { query: z.object({ row: z.string().min(1), column: z.string().min(1), lang: langQuery }) },
    responses: {
      200: json(
        z
          .object({
            row: ElementSummarySchema,
            column: ElementSummarySchema,
            links: z.array(LinkSchema),
            derived: z.array(
              z.object({ goal: ElementSummarySchema, rowSide: z.array(ElementSummarySchema), columnSide: z.array(ElementSummarySchema) }),
            ),
          })
          .openapi('CrosswalkCell'),
        'Links and derived connections',
      ),
      ...problemResponses,
    },
  }),
};

async function elementOr404(c: Parameters<Parameters<OpenAPIHono<AppEnv>['openapi']>[1]>[0], id: string, lang: (typeof languages)[number]) {
  const element = await getElement(c.var.store.db, id, lang);
  if (!element) throw notFound(`No element with id ${id}`);
  return element;
}

export function registerFrameworkApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.frameworks, async (c) => c.json({ items: await listFrameworks(c.var.store.db) }, 200));

  api.openapi(routes.framework, async (c) => {
    const framework = await getFramework(c.var.store.db, c.req.valid('param').id);
    if (!framework) throw notFound(`No framework ${c.req.valid('param').id}`);
    return c.json(framework, 200);
  });

  api.openapi(routes.frameworkElements, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const limit = q.limit ?? 1000;
    const offset = q.offset ?? 0;
    const result = await listElements(c.var.store.db, q.lang, { framework: id, kind: q.kind, roots: q.roots === 'true', limit, offset });
    return c.json({ ...result, limit, offset }, 200);
  });

  api.openapi(routes.element, async (c) => {
    const element = await elementOr404(c, c.req.valid('param').id, c.req.valid('query').lang);
    return c.json(element, 200);
  });

  api.openapi(routes.children, async (c) => {
    const element = await elementOr404(c, c.req.valid('param').id, c.req.valid('query').lang);
    return c.json({ items: element.children }, 200);
  });

  api.openapi(routes.ancestors, async (c) => {
    const element = await elementOr404(c, c.req.valid('param').id, c.req.valid('query').lang);
    return c.json({ items: element.ancestors }, 200);
  });

  api.openapi(routes.texts, async (c) => {
    const { id } = c.req.valid('param');
    const texts = await getTexts(c.var.store.db, id);
    if (texts.length === 0) throw notFound(`No element with id ${id}`);
    return c.json({ items: texts }, 200);
  });

  api.openapi(routes.elementLinks, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    await elementOr404(c, id, q.lang);
    const limit = q.limit ?? 1000;
    const offset = q.offset ?? 0;
    const result = await listLinks(c.var.store.db, q.lang, {
      element: id,
      direction: q.direction,
      framework: q.framework,
      type: q.type,
      state: q.state,
      descendants: q.descendants === 'true',
      limit,
      offset,
    });
    return c.json({ ...result, limit, offset }, 200);
  });

  api.openapi(routes.derived, async (c) => {
    const { id } = c.req.valid('param');
    const { lang } = c.req.valid('query');
    await elementOr404(c, id, lang);
    return c.json({ derived: true as const, items: await derivedLinks(c.var.store.db, id, lang) }, 200);
  });

  api.openapi(routes.links, async (c) => {
    const q = c.req.valid('query');
    const limit = q.limit ?? 1000;
    const offset = q.offset ?? 0;
    const result = await listLinks(c.var.store.db, q.lang, {
      framework: q.framework,
      fromFramework: q.from,
      toFramework: q.to,
      type: q.type,
      state: q.state,
      limit,
      offset,
    });
    return c.json({ ...result, limit, offset }, 200);
  });

  api.openapi(routes.search, async (c) => {
    const q = c.req.valid('query');
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    const result = await searchElements(c.var.store.db, q.q, q.lang ?? 'en', {
      lang: q.lang,
      framework: q.framework,
      kind: q.kind,
      limit,
      offset,
    });
    // Asked for framework elements only (a framework or kind): documents are not searched (issue 17).
    if (q.framework || q.kind) return c.json({ q: q.q, ...result, limit, offset }, 200);
    const documents = await searchDocuments(c.var.store.db, q.q, { lang: q.lang, limit: 20 });
    return c.json({ q: q.q, ...result, limit, offset, documents: { total: documents.total, items: documents.documents } }, 200);
  });

  api.openapi(routes.matrix, async (c) => {
    const q = c.req.valid('query');
    if (q.rows === q.columns) {
      throw new Problem(400, 'Bad Request', 'rows and columns must be different axes', [
        { field: 'query.columns', message: 'must differ from rows' },
      ]);
    }
    return c.json(await crosswalkMatrix(c.var.store.db, q.rows, q.columns, q.lang), 200);
  });

  api.openapi(routes.cell, async (c) => {
    const q = c.req.valid('query');
    const cell = await crosswalkCell(c.var.store.db, q.row, q.column, q.lang);
    if (!cell) throw notFound(`No element ${q.row} or ${q.column}`);
    return c.json(cell, 200);
  });
}
