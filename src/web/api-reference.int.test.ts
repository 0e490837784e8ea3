// The API's front door: /api/v1 lists what there is to read, and every "Try it" link of the
// reference page is a real example that answers 200 on a store holding the reference data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { loadLibrary } from '../documents/library.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  // The documents a new installation reads from data/documents after its first start.
  await loadLibrary(t.store);
}, 300_000);
afterAll(() => t.close());

describe('the API reference', () => {
  it('offers "Try it" links that each answer 200 with JSON', async () => {
    const page = await (await t.app.request('/en/api')).text();
    const links = [...page.matchAll(/<a href="([^"]+)" class="try-it">/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
    expect(links.length).toBeGreaterThan(40);
    const failed: string[] = [];
    for (const link of links) {
      const response = await t.app.request(link);
      if (response.status !== 200) failed.push(`${response.status} ${link}`);
      await response.body?.cancel();
    }
    expect(failed).toEqual([]);
    // No placeholder stands in for a value: an element id for a document, a parameter's own name.
    expect(links).not.toContain('/api/v1/documents/gdc.11.b');
    expect(links.some((l) => /\/(code|id|subject)(\/|\?|$)/.test(l))).toBe(false);
  });

  it('answers /api/v1 with an index of the resources and the OpenAPI document', async () => {
    const response = await t.app.request('/api/v1');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    const index = (await response.json()) as { openapi: string; reference: string; resources: { path: string; summary: string }[] };
    expect(index.openapi).toBe('/api/v1/openapi.json');
    expect((await t.app.request(index.openapi)).status).toBe(200);
    expect(index.resources.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/v1/frameworks', '/api/v1/search', '/api/v1/initiatives', '/api/v1/indicators', '/api/v1/documents']),
    );
    expect(index.resources.every((r) => r.summary.length > 0 && !r.path.includes('{'))).toBe(true);
  });
});
