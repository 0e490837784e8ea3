// Counts what one request sends to the store, for the query budgets of pages and API routes.
import type { Hono } from 'hono';
import { recordQueries, type LoggedQuery } from '../store/index.ts';
import type { AppEnv } from '../web/env.ts';

/**
 * Requests `path` in-process, reads the whole body (sections render while it streams), and
 * returns the response with the statements it sent through the store seam.
 *
 * @example
 * const { queries } = await queriesOf(app, '/en/elements/sdg.9.c');
 * expect(queries.length).toBeLessThanOrEqual(3);
 */
export async function queriesOf(
  app: Hono<AppEnv>,
  path: string,
  init: RequestInit = {},
): Promise<{ response: Response; body: string; queries: LoggedQuery[] }> {
  const { result, queries } = await recordQueries(async () => {
    const response = await app.request(path, init);
    return { response, body: await response.text() };
  });
  return { ...result, queries };
}
