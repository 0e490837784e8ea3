// The /api/v1 router: one zod schema per route gives validation, types and the OpenAPI 3.1
// document. Invalid requests are answered with problem+json naming each field.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import type { AppEnv } from './env.ts';
import { fieldErrors, fieldTarget, validationProblem, problemResponse, notFound } from './problem.ts';
import { controlCharacterFields } from './bad-input.ts';
import { languages } from '../language/languages.ts';

export function createApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return problemResponse(c, validationProblem(fieldErrors(result.error, result.target)));
      // Whatever each schema allows, no field may carry a NUL or another control character text has no use for.
      const unsafe = controlCharacterFields(result.data, fieldTarget(result.target));
      if (unsafe.length) return problemResponse(c, validationProblem(unsafe));
      return undefined;
    },
  });
  api.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag'], maxAge: 86400 }));
  // Reference data changes rarely: clients revalidate with the ETag and get 304s.
  api.use('*', etag({ weak: true }));
  // Shareable by default; an answer to a bearer token becomes `private, no-store` (caching.ts).
  api.use('*', async (c, next) => {
    await next();
    if (c.req.method === 'GET' && c.res.status < 400 && !c.res.headers.has('Cache-Control')) {
      c.res.headers.set('Cache-Control', 'public, max-age=60, must-revalidate');
    }
  });
  api.notFound((c) => problemResponse(c, notFound(`No API resource at ${new URL(c.req.url).pathname}`)));
  // The index: what a client finds at /api/v1, read from the OpenAPI document (built once, on first use).
  let index: ApiIndex | undefined;
  api.get('/', (c) => c.json((index ??= apiIndex(openApiDocument(api)))));
  return api;
}

interface ApiIndex {
  name: string;
  openapi: string;
  reference: string;
  resources: { path: string; summary: string; tags: string[] }[];
}

/**
 * The API's entry points: each collection or resource readable without naming a record (a GET
 * whose path has no parameter), with the OpenAPI document and the reference page beside them.
 */
export function apiIndex(doc: ReturnType<typeof openApiDocument>): ApiIndex {
  const resources = Object.entries(doc.paths ?? {}).flatMap(([path, item]) => {
    const get = (item as { get?: { summary?: string; tags?: string[] } } | undefined)?.get;
    return get && !path.includes('{') && path !== '/' && path !== '/openapi.json'
      ? [{ path: `/api/v1${path}`, summary: get.summary ?? '', tags: get.tags ?? [] }]
      : [];
  });
  return { name: doc.info.title, openapi: '/api/v1/openapi.json', reference: '/en/api', resources };
}

/** `?lang=` shared by every route that returns texts. */
export const langQuery = z
  .enum(languages, { error: `must be one of ${languages.join(', ')}` })
  .default('en')
  .openapi({
    description: 'Language of the texts returned; English is returned (and marked) where a text does not exist in this language.',
    example: 'ar',
  });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: 'Page size' }),
  offset: z.coerce.number().int().min(0).optional().openapi({ description: 'Items to skip' }),
};

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string(), allowed: z.array(z.string()).optional() })).optional(),
  })
  .openapi('Problem');

export const problemResponses = {
  400: { description: 'The request is not valid (each field named)', content: { 'application/problem+json': { schema: ProblemSchema } } },
  404: { description: 'No such resource', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;

export function openApiDocument(api: OpenAPIHono<AppEnv>) {
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Concord API',
      version: '1',
      description:
        'The Global Digital Compact, the WSIS action lines, the SDGs and the Pact for the Future as one graph with typed, sourced crosswalks. Read access needs no key; every datum carries its source.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: '/api/v1' }],
  });
}

/** A JSON response of a route, for its OpenAPI description. */
export const jsonContent = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A problem+json response of a route, for its OpenAPI description. */
export const problemContent = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** What a write (with a bearer token) may answer besides success. */
export const writeResponses = {
  401: problemContent('No valid bearer token'),
  403: problemContent('Not allowed for this record'),
  409: problemContent('Conflicts with the record’s state or version'),
  429: problemContent('Too many writes'),
} as const;

/** `{id}` in a route's path. */
export const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** 201 with the new record's id. */
export const createdResponse = jsonContent(z.object({ id: z.string() }), 'Created');
