// /api/v1 routes for accounts: who the caller is (API tokens), with their organizations (read
// through the function the app passes in, so accounts does not depend on the organizations slice).
// Writes through the API use bearer tokens, never cookies (so no CSRF).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { ProblemSchema, jsonContent as json } from '../web/api.ts';
import { apiCaller } from '../web/session.ts';
import { Problem } from '../web/problem.ts';
import type { Database } from '../store/index.ts';

/** A user's place in an organization, as the caller's own account shows it. */
export interface AccountMembership {
  organizationId: string;
  organizationName: string;
  role: string;
  state: string;
}

/** Where accounts reads a user's organizations from (organizations' membershipsOf). */
export type MembershipsOf = (db: Database, userId: string) => Promise<AccountMembership[]>;

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
};

export function registerAccountApi(api: OpenAPIHono<AppEnv>, membershipsOf: MembershipsOf): void {
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
}
