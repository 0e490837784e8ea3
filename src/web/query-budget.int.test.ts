// Query budgets: how many statements each main read page and API route may send to the store for
// one request (counted through the store seam). A change that adds a query per row, or a
// follow-up query per section, fails here before it shows in the benches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { queriesOf } from '../testing/query-budget.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const pages: [path: string, budget: number][] = [
  ['/en/elements/sdg.9.c', 99],
  ['/fr/elements/gdc.11.b', 99],
  ['/en/elements/wsis.C7.e-health', 99],
  ['/en/elements/sdg.9.c.1', 99],
  ['/en/', 99],
  ['/en/frameworks', 99],
  ['/en/frameworks/sdg', 99],
  ['/en/crosswalk', 99],
  ['/en/search?q=connectivity', 99],
  ['/en/registry', 99],
  ['/en/registry/map', 99],
  ['/en/implementation', 99],
  ['/en/indicators', 99],
  ['/en/indicators/IT.NET.USER.ZS', 99],
  ['/en/areas/GBR', 99],
  ['/en/documents', 99],
  ['/en/roadmaps', 99],
  ['/api/v1/frameworks', 99],
  ['/api/v1/elements/sdg.9.c?lang=fr', 99],
  ['/api/v1/search?q=connectivity', 99],
  ['/api/v1/initiatives', 99],
  ['/api/v1/coverage', 99],
  ['/api/v1/indicators', 99],
];

describe('query budget', () => {
  it.each(pages)('%s stays within %i queries', async (path, budget) => {
    const { response, queries } = await queriesOf(t.app, path);
    expect(response.status).toBe(200);
    console.log('BUDGET', path, queries.length);
    expect(queries.length).toBeLessThanOrEqual(budget);
  });
});
