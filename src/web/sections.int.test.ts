// Sections other slices add to a page belong to one app: a second app in the same process (a
// test, a worker) registers its own, and neither app's pages show a section twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { createApp } from './app.ts';
import { loadConfig } from '../config.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/** The `aria-labelledby` of every section of a page, in order. */
async function sectionsOf(app: TestApp['app'], path: string): Promise<string[]> {
  const html = await (await app.request(path)).text();
  return [...html.matchAll(/<section aria-labelledby="([^"]+)"/g)].map((m) => m[1]!);
}

describe('page sections', () => {
  it('shows each section of an element page once, in every app of the process', async () => {
    const first = await sectionsOf(t.app, '/en/elements/gdc.13.a');
    expect(first.length).toBeGreaterThan(2);
    expect(new Set(first).size).toBe(first.length);
    const second = createApp(t.store, loadConfig({}));
    expect(await sectionsOf(second, '/en/elements/gdc.13.a')).toEqual(first);
    expect(await sectionsOf(t.app, '/en/elements/gdc.13.a')).toEqual(first);
  });
});
