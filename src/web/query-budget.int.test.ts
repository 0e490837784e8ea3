// Query budgets: how many statements each main read page and API route may send to the store for
// one request (counted through the store seam). A change that adds a query per row, or a
// follow-up query per section, fails here before it shows in the benches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { queriesOf } from '../testing/query-budget.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  // What an app does once in its life (its signing secret) is not a page's cost.
  await (await t.app.request('/en/')).text();
});
afterAll(() => t.close());

// Budgets at what each page sends today (issue 17, item 2), the sections of other domains
// included; lower one when a page gets cheaper. The element page: one statement for the framework
// graph (getElementView) and eight for the sections of other domains (registry revision and
// initiatives, documents, mandates, indicators). A page whose read models are cached by revision
// (src/store/revisions.ts) counts here as on its first request: the revisions (one statement for
// all) and what it computes; on a second request it sends the revisions only
// (src/store/revisions.int.test.ts).
const budgets: [path: string, budget: number][] = [
  ['/en/elements/sdg.9.c', 9],
  ['/fr/elements/gdc.11.b', 9],
  ['/en/elements/wsis.C7.e-health', 9],
  ['/en/elements/sdg.9.c.1', 9],
  ['/en/', 25],
  ['/en/frameworks', 2],
  ['/en/frameworks/sdg', 2],
  ['/en/crosswalk', 6],
  ['/en/search?q=connectivity', 3],
  ['/en/registry', 6],
  ['/en/registry/map', 2],
  ['/en/implementation', 1],
  ['/en/indicators', 1],
  // One more each since their series and assessments are named by their sources' titles (one statement).
  ['/en/indicators/IT.NET.USER.ZS', 10],
  ['/en/areas/GBR', 23],
  ['/en/documents', 1],
  ['/en/roadmaps', 2],
  ['/api/v1/frameworks', 1],
  ['/api/v1/elements/sdg.9.c?lang=fr', 1],
  ['/api/v1/search?q=connectivity', 4],
  ['/api/v1/initiatives', 4],
  ['/api/v1/coverage', 1],
  ['/api/v1/indicators', 1],
];

describe('query budget', () => {
  it.each(budgets)('%s sends at most %i statements', async (path, budget) => {
    const { response, queries } = await queriesOf(t.app, path);
    expect(response.status).toBe(200);
    expect(queries.length, queries.map((q) => q.text.replace(/\s+/g, ' ').slice(0, 100)).join('\n')).toBeLessThanOrEqual(budget);
  });

  it('reads an element with its ancestors and children in one statement, whatever its depth', async () => {
    for (const id of ['sdg.9', 'sdg.9.c', 'sdg.9.c.1', 'gdc.obj.1', 'wsis.C7.e-health']) {
      const { response, queries } = await queriesOf(t.app, `/api/v1/elements/${id}?lang=ar`);
      expect(response.status).toBe(200);
      expect(queries).toHaveLength(1);
    }
  });

  it('counts each request apart when requests run at the same time', async () => {
    const paths = ['/en/crosswalk', '/api/v1/elements/sdg.9.c', '/en/frameworks/sdg'];
    const alone = [];
    for (const path of paths) alone.push((await queriesOf(t.app, path)).queries.map((q) => q.text));
    const together = await Promise.all(paths.map((path) => queriesOf(t.app, path)));
    expect(together.map((r) => r.queries.map((q) => q.text))).toEqual(alone);
  });
});
