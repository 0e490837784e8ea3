// /api/v1 routes for UN documents: list, upload (operator only), one document, its paragraphs,
// references, citations both ways, requested actions, search, and exports (JSON, Akoma Ntoso).
// Thin: validation here, logic in service.ts and search.ts.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { uploadLimit } from '../web/upload-limit.ts';
import type { AppEnv } from '../web/env.ts';
import { pageQuery, problemResponses, jsonContent as json, problemContent as problem } from '../web/api.ts';
import { notFound, Problem } from '../web/problem.ts';
import { apiCaller } from '../web/session.ts';
import { languages, type Language } from '../language/languages.ts';
import { blockKinds, DocumentReadError } from './model.ts';
import {
  citationGraph,
  getActions,
  getCitations,
  getDocument,
  getParagraphs,
  getReferences,
  ingestFile,
  listDocuments,
  storedDocument,
  versionLanguage,
  type DocumentDetail,
  type ActionView,
} from './service.ts';
import { verbForces } from './actions.ts';
import { searchDocuments, withAlignedParagraphs } from './search.ts';
import { toAkomaNtoso } from './akn.ts';
import { alignVersions } from './align.ts';
import { diffDocuments, revisionStatuses } from './versions.ts';
import { paragraphSuggestions } from './links.ts';
import { frameworkIds } from '../frameworks/service.ts';
import { registerParagraphLinkApi } from './links-api.ts';
import { JobSchema, presentJob } from '../jobs/api.ts';
import { enqueueIngest } from './ingest-job.ts';

const Lang = z.enum(languages).openapi('Language');
const langParam = z
  .enum(languages, { error: `must be one of ${languages.join(', ')}` })
  .optional()
  .openapi({ description: 'Language version (default: English when it exists, else the first the document has)', example: 'en' });

const DocumentSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'a-res-79-194' }),
    symbol: z.string().nullable().openapi({ example: 'A/RES/79/194' }),
    organ: z.string().nullable(),
    session: z.number().nullable(),
    date: z.string().nullable(),
    kind: z.string(),
    title: z.string().nullable(),
    titleLanguage: Lang.nullable(),
    languages: z.array(Lang),
  })
  .openapi('DocumentSummary');

const VersionSchema = z
  .object({
    lang: Lang,
    title: z.string().nullable(),
    agendaTitle: z.string().nullable(),
    sourceFile: z.string().openapi({ description: 'The file this version was read from (provenance)' }),
    reader: z.string(),
    provenance: z.string().openapi({ example: 'concord ingest' }),
    contentHash: z.string(),
    readAt: z.string(),
    ocrNoise: z.number(),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .openapi('DocumentVersion');

const DocumentSchema = DocumentSummarySchema.extend({
  number: z.string().nullable(),
  agendaItem: z.string().nullable(),
  versions: z.array(VersionSchema),
}).openapi('Document');

const kindSchema = z.enum(blockKinds);
const FootnoteSchema = z.object({ number: z.number(), text: z.string(), offset: z.number().nullable() }).openapi('Footnote');
const ParagraphSchema = z
  .object({
    id: z.number(),
    eid: z.string().openapi({ example: 'para_65__subpara_a' }),
    position: z.number(),
    kind: kindSchema,
    number: z.string().nullable().openapi({ description: 'As printed ("65", "a"), or null' }),
    part: z.string(),
    parent: z.string().nullable(),
    heading: z.string().nullable(),
    level: z.number(),
    text: z.string(),
    footnotes: z.array(FootnoteSchema),
  })
  .openapi('Paragraph');

const ParagraphRefSchema = z.object({ id: z.number(), eid: z.string(), number: z.string().nullable(), kind: kindSchema });
const ReferenceSchema = z
  .object({
    raw: z.string().openapi({ example: '125/70' }),
    symbol: z.string().nullable().openapi({ example: 'A/RES/70/125' }),
    kind: z.string(),
    orientation: z.string(),
    lang: Lang,
    paragraph: ParagraphRefSchema,
    footnote: z.number().nullable(),
    paragraphCited: z.string().nullable(),
    instrument: z.string().nullable(),
    target: z.object({ id: z.string(), symbol: z.string().nullable() }).nullable().openapi({
      description: 'The cited document when Concord holds it; null: a placeholder until it is ingested',
    }),
  })
  .openapi('Reference');

const CitationSchema = z
  .object({ id: z.string().nullable(), symbol: z.string().nullable(), title: z.string().nullable(), count: z.number() })
  .openapi('Citation');

const ActionSchema = z
  .object({
    paragraph: z.string().nullable().openapi({ description: 'The paragraph number (or sub-paragraph letter) as printed', example: '67' }),
    paragraphId: z.number(),
    eid: z.string().openapi({ description: 'The paragraph anchor on the document page', example: 'para_67' }),
    part: z.string(),
    verb: z.string().openapi({ description: 'The verb as printed', example: 'Requests' }),
    verbNormalized: z.string().openapi({ description: 'English label of the verb', example: 'requests' }),
    force: z.enum(verbForces).openapi({ description: 'How strongly the verb asks; position: nobody is asked' }),
    directive: z.boolean(),
    actors: z
      .array(
        z.object({
          id: z.string().nullable().openapi({
            description: 'Canonical actor id; null for a phrase the catalogue does not know',
            example: 'office.secretary-general',
          }),
          name: z.string().openapi({ description: "The actor's name in the language asked for", example: 'Secretary-General' }),
          text: z.string().openapi({ description: 'The words that named the actor', example: 'the Secretary-General' }),
        }),
      )
      .openapi({ description: 'Who is asked; the object of the verb is never an actor' }),
    object: z
      .string()
      .openapi({ description: 'What is asked', example: 'to submit to the General Assembly at its eightieth session a report' }),
    deadline: z
      .object({
        from: z.string().nullable().openapi({ description: 'First day (ISO date); null when open-ended', example: '2025-09-01' }),
        to: z.string().nullable().openapi({ description: 'Last day (ISO date)', example: '2026-09-30' }),
        text: z.string().openapi({ example: 'at its eightieth session' }),
        recurrence: z.string().nullable().openapi({ description: 'ISO 8601 duration of a recurring request', example: 'P2Y' }),
      })
      .nullable(),
    inherited: z.boolean().openapi({ description: "A sub-paragraph that carries its chapeau's verb and actors" }),
  })
  .openapi('RequestedAction');

/** One requested action as the API shows it (the page shows the same fields). */
export function presentAction(a: ActionView): z.infer<typeof ActionSchema> {
  return {
    paragraph: a.paragraph.number,
    paragraphId: a.paragraph.id,
    eid: a.paragraph.eid,
    part: a.paragraph.part,
    verb: a.verbText,
    verbNormalized: a.verb,
    force: a.force,
    directive: a.directive,
    actors: a.actors,
    object: a.object,
    deadline: a.deadline ? { from: a.deadline.from, to: a.deadline.to, text: a.deadline.text, recurrence: a.deadline.recurrence } : null,
    inherited: a.inherited,
  };
}

const IngestSchema = z
  .object({
    status: z.enum(['created', 'replaced', 'unchanged']),
    documentId: z.string(),
    symbol: z.string().nullable(),
    lang: Lang,
    title: z.string().nullable(),
    counts: z.record(z.string(), z.number()),
  })
  .openapi('IngestResult');

/** Paragraph hits grouped by document (also part of GET /search). */
export const DocumentHitsSchema = z
  .array(
    z.object({
      document: z.object({
        id: z.string(),
        symbol: z.string().nullable(),
        organ: z.string().nullable(),
        date: z.string().nullable(),
        title: z.string().nullable(),
      }),
      hits: z.array(
        z.object({
          paragraphId: z.number(),
          eid: z.string(),
          kind: kindSchema,
          number: z.string().nullable(),
          lang: Lang,
          rank: z.number(),
          match: z.enum(['words', 'similar']),
          snippet: z.string().openapi({ description: 'HTML-escaped text with <mark> around the matches' }),
          aligned: z
            .object({ lang: Lang, eid: z.string(), number: z.string().nullable(), text: z.string() })
            .nullable()
            .optional()
            .openapi({
              description:
                'With `display`: the paragraph aligned with this one in that language, when the document has that version (null: none aligned)',
            }),
        }),
      ),
    }),
  )
  .openapi('DocumentHits');

const SearchSchema = z
  .object({ q: z.string(), total: z.number(), limit: z.number(), offset: z.number(), documents: DocumentHitsSchema })
  .openapi('DocumentSearch');

const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'a-res-79-194' }),
});
const tags = ['Documents'];

/** Filters shared by the document list and the search. */
export const documentFilters = {
  organ: z.string().trim().min(1).max(40).optional().openapi({ example: 'GA' }),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  symbol: z.string().trim().min(1).max(100).optional().openapi({ example: 'A/RES/79/194' }),
};

/** The search query, shared by GET /documents/search, GET /search and the search page. */
export const documentSearchQuery = z.object({
  q: z.string().trim().min(1, 'is required').max(500),
  lang: z
    .enum(languages, { error: `must be one of ${languages.join(', ')}` })
    .optional()
    .openapi({ description: 'Search only paragraphs in this language (default: all six)' }),
  kind: kindSchema.optional().openapi({ description: 'Paragraph kind: preambular, operative, subparagraph, heading …' }),
  element: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Only paragraphs with a confirmed link to this framework element or one below it', example: 'sdg.9' }),
  display: z
    .enum(languages, { error: `must be one of ${languages.join(', ')}` })
    .optional()
    .openapi({ description: 'The reader’s language: each hit in another language comes with its aligned paragraph in this one' }),
  ...documentFilters,
  ...pageQuery,
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/documents',
    tags,
    summary: 'UN documents held by Concord, filtered by symbol, organ, year, language',
    request: { query: z.object({ ...documentFilters, lang: langParam, ...pageQuery }) },
    responses: {
      200: json(
        z
          .object({ total: z.number(), limit: z.number(), offset: z.number(), items: z.array(DocumentSummarySchema) })
          .openapi('DocumentPage'),
        'Documents, newest first',
      ),
      ...problemResponses,
    },
  }),
  upload: createRoute({
    method: 'post',
    path: '/documents',
    tags,
    summary: 'Upload a document (txt, Markdown, HTML, DOCX, PDF); operator token only',
    description:
      'With `Prefer: respond-async` (RFC 7240) the file is kept and read by a job: the answer is 202 with the job, its address in `Location` (`GET /api/v1/jobs/{id}`, whose result is what 201/200 answer here, with `href`, the document’s page; a file that cannot be read fails the job with the reason, and nothing is stored). Without it the file is read within the request.',
    security: [{ bearer: [] }],
    request: {
      headers: z.object({
        prefer: z.string().optional().openapi({ description: '`respond-async`: read the file in a job (202)', example: 'respond-async' }),
      }),
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({
              file: z.instanceof(File, { message: 'must be a file' }).openapi({ type: 'string', format: 'binary' }),
              lang: z.enum(languages).optional(),
              symbol: z.string().trim().min(1).max(100).optional(),
            }),
          },
        },
      },
    },
    responses: {
      201: json(IngestSchema, 'Stored: a new language version, or a changed text replacing it'),
      202: json(JobSchema, 'Kept; a job reads it (Prefer: respond-async); Location is the job'),
      200: json(IngestSchema, 'The same file again: nothing changed'),
      400: problemResponses[400],
      401: problem('No operator token'),
      403: problem('A token that is not the operator token'),
      413: problem('Larger than CONCORD_MAX_UPLOAD_MB'),
      422: problem('The file cannot be read (empty, binary, corrupt DOCX or PDF); nothing was stored'),
    },
  }),
  graph: createRoute({
    method: 'get',
    path: '/documents/citations',
    tags,
    summary: 'The citation graph: which document cites which (placeholders for documents not yet held)',
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(10000).optional() }) },
    responses: {
      200: json(
        z
          .object({
            total: z.number(),
            edges: z.array(
              z.object({
                from: z.object({ id: z.string(), symbol: z.string().nullable() }),
                to: z.object({ id: z.string().nullable(), symbol: z.string() }),
                count: z.number(),
              }),
            ),
          })
          .openapi('CitationGraph'),
        'Edges, most frequent first',
      ),
      ...problemResponses,
    },
  }),
  search: createRoute({
    method: 'get',
    path: '/documents/search',
    tags: ['Search'],
    summary: 'Search document paragraphs in the six languages, grouped by document',
    request: { query: documentSearchQuery },
    responses: { 200: json(SearchSchema, 'Matches, best first, grouped by document'), ...problemResponses },
  }),
  document: createRoute({
    method: 'get',
    path: '/documents/{id}',
    tags,
    summary: 'One document with its language versions and their provenance',
    request: { params: idParam, query: z.object({ lang: langParam }) },
    responses: { 200: json(DocumentSchema, 'The document'), ...problemResponses },
  }),
  paragraphs: createRoute({
    method: 'get',
    path: '/documents/{id}/paragraphs',
    tags,
    summary: 'The paragraphs of one language version in order, footnotes attached',
    request: { params: idParam, query: z.object({ lang: langParam }) },
    responses: {
      200: json(z.object({ document: z.string(), lang: Lang, items: z.array(ParagraphSchema) }), 'Paragraphs'),
      ...problemResponses,
    },
  }),
  references: createRoute({
    method: 'get',
    path: '/documents/{id}/references',
    tags,
    summary: 'Cross-references to UN documents, each with its canonical symbol and the paragraph it occurs in',
    request: {
      params: idParam,
      query: z.object({ lang: langParam.openapi({ description: 'Only this language version (default: all)' }) }),
    },
    responses: { 200: json(z.object({ items: z.array(ReferenceSchema) }), 'References in reading order'), ...problemResponses },
  }),
  cites: createRoute({
    method: 'get',
    path: '/documents/{id}/cites',
    tags,
    summary: 'Documents this one cites (placeholders for those not yet in Concord)',
    request: { params: idParam, query: z.object({ lang: langParam }) },
    responses: { 200: json(z.object({ items: z.array(CitationSchema) }), 'Cited documents'), ...problemResponses },
  }),
  citedBy: createRoute({
    method: 'get',
    path: '/documents/{id}/cited-by',
    tags,
    summary: 'Documents in Concord that cite this one',
    request: { params: idParam, query: z.object({ lang: langParam }) },
    responses: { 200: json(z.object({ items: z.array(CitationSchema) }), 'Citing documents'), ...problemResponses },
  }),
  actions: createRoute({
    method: 'get',
    path: '/documents/{id}/actions',
    tags,
    summary: 'Requested actions: who must do what by when, per operative paragraph',
    request: { params: idParam, query: z.object({ lang: langParam }) },
    responses: { 200: json(z.object({ lang: Lang, items: z.array(ActionSchema) }), 'Requested actions'), ...problemResponses },
  }),
  alignment: createRoute({
    method: 'get',
    path: '/documents/{id}/alignment',
    tags,
    summary: 'Two language versions aligned paragraph by paragraph (numbers, then order, then text similarity)',
    request: {
      params: idParam,
      query: z.object({ a: z.enum(languages).openapi({ example: 'en' }), b: z.enum(languages).openapi({ example: 'fr' }) }),
    },
    responses: {
      200: json(
        z
          .object({
            a: Lang,
            b: Lang,
            pairs: z.array(
              z.object({ by: z.enum(['number', 'order', 'gap']), a: ParagraphSchema.nullable(), b: ParagraphSchema.nullable() }),
            ),
          })
          .openapi('Alignment'),
        'Aligned pairs in reading order; a gap where a block exists in one version only',
      ),
      ...problemResponses,
    },
  }),
  diff: createRoute({
    method: 'get',
    path: '/documents/{id}/diff',
    tags,
    summary: 'Paragraph-level changes from an earlier text (a draft, last year’s resolution) to this one, in one language',
    request: {
      params: idParam,
      query: z.object({
        against: z.string().min(1).max(200).openapi({ description: 'Id of the earlier document', example: 'a-res-78-132' }),
        lang: langParam,
      }),
    },
    responses: {
      200: json(
        z
          .object({
            before: z.string(),
            after: z.string(),
            lang: Lang,
            pairs: z.array(
              z.object({
                status: z.enum(revisionStatuses),
                before: ParagraphSchema.nullable(),
                after: ParagraphSchema.nullable(),
                changes: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
              }),
            ),
          })
          .openapi('Diff'),
        'Paired paragraphs with word-level changes',
      ),
      ...problemResponses,
    },
  }),
  suggestions: createRoute({
    method: 'get',
    path: '/documents/{id}/suggestions',
    tags,
    summary: 'Suggested links from each operative paragraph to framework elements (computed lexically, never confirmed)',
    request: {
      params: idParam,
      query: z.object({
        lang: langParam,
        framework: z.enum(frameworkIds).optional(),
        limit: z.coerce.number().int().min(1).max(10).optional(),
      }),
    },
    responses: {
      200: json(
        z
          .object({
            lang: Lang,
            state: z.literal('suggested'),
            items: z.array(
              z.object({
                paragraph: ParagraphRefSchema,
                suggestions: z.array(
                  z.object({
                    elementId: z.string(),
                    kind: z.string(),
                    code: z.string(),
                    title: z.string().nullable(),
                    text: z.string().nullable(),
                    score: z.number(),
                  }),
                ),
              }),
            ),
          })
          .openapi('LinkSuggestions'),
        'Per operative paragraph, the best-matching elements with a text in the paragraph’s language, then those whose texts are English only, matched through the paragraph’s English twin when the document has an English version',
      ),
      ...problemResponses,
    },
  }),
  exportJson: createRoute({
    method: 'get',
    path: '/documents/{id}/export.json',
    tags,
    summary: 'Export one language version as JSON: document, paragraphs, references, requested actions',
    request: { params: idParam, query: z.object({ lang: langParam }) },
    responses: {
      200: json(
        z.object({
          document: DocumentSchema,
          lang: Lang,
          paragraphs: z.array(ParagraphSchema),
          references: z.array(ReferenceSchema),
          actions: z.array(ActionSchema),
        }),
        'The export',
      ),
      ...problemResponses,
    },
  }),
  akn: createRoute({
    method: 'get',
    path: '/documents/{id}/akn.xml',
    tags,
    summary: 'Export one language version as Akoma Ntoso 3.0 XML',
    request: { params: idParam, query: z.object({ lang: langParam }) },
    responses: {
      200: { description: 'Akoma Ntoso 3.0', content: { 'application/akn+xml': { schema: z.string() } } },
      ...problemResponses,
    },
  }),
};

type ApiContext = Context<AppEnv>;

async function documentOr404(c: ApiContext, id: string, lang: Language | undefined): Promise<{ detail: DocumentDetail; lang: Language }> {
  const detail = await getDocument(c.var.store.db, id, lang ?? 'en');
  if (!detail) throw notFound(`No document with id ${id}`);
  const shown = versionLanguage(detail, lang);
  if (!shown || (lang && shown !== lang))
    throw notFound(`Document ${detail.symbol ?? id} has no ${lang ?? ''} version; it has ${detail.languages.join(', ')}`);
  return { detail, lang: shown };
}

/** Only the operator may upload while accounts cannot yet (issue 3: restricted to CONCORD_OPERATOR_TOKEN). */
async function requireOperator(c: ApiContext): Promise<void> {
  const caller = await apiCaller(c);
  if (caller === 'operator') return;
  if (!caller) throw new Problem(401, 'Unauthorized', 'Send the operator token as Authorization: Bearer <CONCORD_OPERATOR_TOKEN>.');
  throw new Problem(403, 'Forbidden', 'Uploading documents needs the operator token for now.');
}

/** Authorization and the size limit of an upload, checked before the body is read. */
const uploadGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  await requireOperator(c);
  return uploadLimit(c, next);
};

export function registerDocumentApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(routes.list, async (c) => {
    const q = c.req.valid('query');
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    const result = await listDocuments(c.var.store.db, q.lang ?? 'en', { ...q, limit, offset });
    return c.json({ ...result, limit, offset }, 200);
  });

  api.use('/documents', uploadGuard);

  api.openapi(routes.upload, async (c) => {
    const form = c.req.valid('form');
    if (/\brespond-async\b/i.test(c.req.valid('header').prefer ?? '')) {
      const job = await enqueueIngest(c.var.store, form.file, {
        provenance: 'api upload (operator)',
        uiLang: 'en',
        lang: form.lang,
        symbol: form.symbol,
      });
      c.header('Location', `/api/v1/jobs/${job.id}`);
      c.header('Preference-Applied', 'respond-async');
      return c.json(presentJob(job), 202);
    }
    try {
      const result = await ingestFile(
        c.var.store,
        new Uint8Array(await form.file.arrayBuffer()),
        { fileName: form.file.name || 'upload', provenance: 'api upload (operator)' },
        { ...(form.lang ? { lang: form.lang } : {}), ...(form.symbol ? { symbol: form.symbol } : {}) },
      );
      return c.json(result, result.status === 'unchanged' ? 200 : 201);
    } catch (error) {
      if (error instanceof DocumentReadError)
        throw new Problem(
          422,
          'Unprocessable Content',
          `${error.message} Nothing was stored.`,
          undefined,
          `urn:concord:document-read:${error.code}`,
        );
      throw error;
    }
  });

  api.openapi(routes.graph, async (c) => c.json(await citationGraph(c.var.store.db, c.req.valid('query').limit ?? 2000), 200));

  api.openapi(routes.search, async (c) => {
    const q = c.req.valid('query');
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    const found = await searchDocuments(c.var.store.db, q.q, { ...q, limit, offset });
    const result = q.display ? await withAlignedParagraphs(c.var.store.db, found, q.display) : found;
    return c.json({ q: q.q, ...result, limit, offset }, 200);
  });

  api.openapi(routes.document, async (c) => {
    const { detail } = await documentOr404(c, c.req.valid('param').id, undefined);
    const lang = c.req.valid('query').lang;
    return c.json(lang ? ((await getDocument(c.var.store.db, detail.id, lang)) ?? detail) : detail, 200);
  });

  api.openapi(routes.paragraphs, async (c) => {
    const { detail, lang } = await documentOr404(c, c.req.valid('param').id, c.req.valid('query').lang);
    return c.json({ document: detail.id, lang, items: await getParagraphs(c.var.store.db, detail.id, lang) }, 200);
  });

  api.openapi(routes.references, async (c) => {
    const lang = c.req.valid('query').lang;
    const { detail } = await documentOr404(c, c.req.valid('param').id, lang);
    return c.json({ items: await getReferences(c.var.store.db, detail.id, lang) }, 200);
  });

  api.openapi(routes.cites, async (c) => {
    const { detail, lang } = await documentOr404(c, c.req.valid('param').id, undefined);
    return c.json({ items: await getCitations(c.var.store.db, detail.id, 'cites', c.req.valid('query').lang ?? lang) }, 200);
  });

  api.openapi(routes.citedBy, async (c) => {
    const { detail, lang } = await documentOr404(c, c.req.valid('param').id, undefined);
    return c.json({ items: await getCitations(c.var.store.db, detail.id, 'cited-by', c.req.valid('query').lang ?? lang) }, 200);
  });

  api.openapi(routes.actions, async (c) => {
    const { detail, lang } = await documentOr404(c, c.req.valid('param').id, c.req.valid('query').lang);
    return c.json({ lang, items: (await getActions(c.var.store.db, detail.id, lang)).map(presentAction) }, 200);
  });

  api.openapi(routes.alignment, async (c) => {
    const { a, b } = c.req.valid('query');
    const id = c.req.valid('param').id;
    await documentOr404(c, id, a);
    const { detail } = await documentOr404(c, id, b);
    const db = c.var.store.db;
    const pairs = alignVersions(await getParagraphs(db, detail.id, a), await getParagraphs(db, detail.id, b));
    return c.json({ a, b, pairs }, 200);
  });

  api.openapi(routes.diff, async (c) => {
    const { against, lang: wanted } = c.req.valid('query');
    const { detail, lang } = await documentOr404(c, c.req.valid('param').id, wanted);
    const earlier = await documentOr404(c, against, lang);
    const pairs = await diffDocuments(c.var.store.db, earlier.detail.id, detail.id, lang);
    if (!pairs) throw notFound(`No ${lang} text to compare`);
    return c.json({ before: earlier.detail.id, after: detail.id, lang, pairs }, 200);
  });

  api.openapi(routes.suggestions, async (c) => {
    const q = c.req.valid('query');
    const { detail, lang } = await documentOr404(c, c.req.valid('param').id, q.lang);
    const items = await paragraphSuggestions(c.var.store.db, detail.id, lang, { framework: q.framework, limit: q.limit ?? 3 });
    return c.json({ lang, state: 'suggested' as const, items }, 200);
  });

  api.openapi(routes.exportJson, async (c) => {
    const { detail, lang } = await documentOr404(c, c.req.valid('param').id, c.req.valid('query').lang);
    const db = c.var.store.db;
    const body = {
      document: detail,
      lang,
      paragraphs: await getParagraphs(db, detail.id, lang),
      references: await getReferences(db, detail.id, lang),
      actions: (await getActions(db, detail.id, lang)).map(presentAction),
    };
    c.header('Content-Disposition', `attachment; filename="${detail.id}.${lang}.json"`);
    return c.json(body, 200);
  });

  api.openapi(routes.akn, async (c) => {
    const { detail, lang } = await documentOr404(c, c.req.valid('param').id, c.req.valid('query').lang);
    const doc = await storedDocument(c.var.store.db, detail.id, lang);
    if (!doc) throw notFound(`No ${lang} version`);
    return c.body(toAkomaNtoso(doc), 200, { 'Content-Type': 'application/akn+xml; charset=utf-8' });
  });

  registerParagraphLinkApi(api);
}
