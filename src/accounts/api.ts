// /api/v1 routes for accounts: who the caller is (API tokens), and the public list of
// organizations. Writes through the API use bearer tokens, never cookies (so no CSRF).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { problemResponses, ProblemSchema, jsonContent as json } from '../web/api.ts';
import { apiCaller } from '../web/session.ts';
import { notFound, Problem } from '../web/problem.ts';
import { getOrganization, listOrganizations, membershipsOf, stakeholderTypes } from './service.ts';

const OrganizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    stakeholderType: z.enum(stakeholderTypes as [string, ...string[]]),
    description: z.string().nullable(),
    website: z.string().nullable(),
    country: z.string().nullable(),
    verified: z.boolean(),
    verifiedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Organization');

const unauthorized = {
  401: { description: 'No valid bearer token', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;

const routes = {
  me: createRoute({
    method: 'get',
    path: '/me',
    tags: ['Accounts'],
    summary: 'The account an API token belongs to, with its organizations',
    security: [{ bearer: [] }],
    responses: {
      200: json(
        z.object({
          id: z.string(),
          name: z.string(),
          email: z.string(),
          role: z.enum(['contributor', 'reviewer', 'administrator']),
          organizations: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), state: z.string() })),
        }),
        'The caller',
      ),
      ...unauthorized,
    },
  }),
  organizations: createRoute({
    method: 'get',
    path: '/organizations',
    tags: ['Accounts'],
    summary: 'Registered organizations',
    request: {
      query: z.object({
        verified: z.enum(['true', 'false']).optional(),
        q: z.string().trim().max(200).optional().openapi({ description: 'Part of the name or short name' }),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(OrganizationSchema) }), 'Organizations by name') },
  }),
  organization: createRoute({
    method: 'get',
    path: '/organizations/{id}',
    tags: ['Accounts'],
    summary: 'One organization',
    request: {
      params: z.object({
        id: z
          .string()
          .min(1)
          .max(100)
          .openapi({ param: { name: 'id', in: 'path' }, example: 'itu' }),
      }),
    },
    responses: { 200: json(OrganizationSchema, 'The organization'), ...problemResponses },
  }),
};

export function registerAccountApi(api: OpenAPIHono<AppEnv>): void {
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from your account page (or the operator token)',
  });

  api.openapi(routes.me, async (c) => {
    const caller = await apiCaller(c);
    if (!caller || caller === 'operator') throw new Problem(401, 'Unauthorized', 'Send an API token as Authorization: Bearer <token>.');
    const memberships = await membershipsOf(c.var.store.db, caller.id);
    return c.json(
      {
        id: caller.id,
        name: caller.name,
        email: caller.email,
        role: caller.role,
        organizations: memberships.map((m) => ({ id: m.organizationId, name: m.organizationName, role: m.role, state: m.state })),
      },
      200,
    );
  });

  api.openapi(routes.organizations, async (c) => {
    const q = c.req.valid('query');
    const items = await listOrganizations(c.var.store.db, {
      verified: q.verified === undefined ? undefined : q.verified === 'true',
      q: q.q || undefined,
    });
    return c.json({ items }, 200);
  });

  api.openapi(routes.organization, async (c) => {
    const organization = await getOrganization(c.var.store.db, c.req.valid('param').id);
    if (!organization) throw notFound(`No organization ${c.req.valid('param').id}`);
    return c.json(organization, 200);
  });
}
