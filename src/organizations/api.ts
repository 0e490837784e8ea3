// /api/v1 routes for organizations: the public list and one organization.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { problemResponses, jsonContent as json } from '../web/api.ts';
import { notFound } from '../web/problem.ts';
import { getOrganization, listOrganizations, stakeholderTypes } from './service.ts';

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

const routes = {
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

export function registerOrganizationApi(api: OpenAPIHono<AppEnv>): void {
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
