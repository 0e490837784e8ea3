// The public registry cache is bounded by the bytes it holds, not by its number of entries:
// thousands of distinct list addresses (or a few large answers) cannot grow the process without end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { atRevision, footprint, jsonRepresentation, registryCacheUse } from './registry-cache.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('the registry cache', () => {
  it('stays under its byte bound, dropping the least recently used entries first', async () => {
    const { maxBytes } = registryCacheUse(t.store.db);
    // Each answer holds about 2 MB of text plus its gzip: far fewer than 100 fit under the bound.
    const computed: string[] = [];
    const answer = (key: string) => () => {
      computed.push(key);
      return Promise.resolve(
        jsonRepresentation({ key, items: Array.from({ length: 2_000 }, (_, i) => `${key} item ${i} `.padEnd(500, '·')) }),
      );
    };
    for (let i = 0; i < 100; i++) {
      const key = `bound test ${i}`;
      await atRevision(t.store.db, key, answer(key));
      expect(registryCacheUse(t.store.db).bytes).toBeLessThanOrEqual(maxBytes);
    }
    const use = registryCacheUse(t.store.db);
    expect(use.entries).toBeLessThan(100);
    expect(use.bytes).toBeGreaterThan(maxBytes / 2);

    // The newest answer is served from memory; the oldest was dropped and is computed again.
    computed.length = 0;
    await atRevision(t.store.db, 'bound test 99', answer('bound test 99'));
    expect(computed).toEqual([]);
    await atRevision(t.store.db, 'bound test 0', answer('bound test 0'));
    expect(computed).toEqual(['bound test 0']);
  });

  it('keeps many distinct list addresses of the API under the bound', async () => {
    for (let i = 0; i < 300; i++) {
      const response = await t.app.request(`/api/v1/initiatives?q=${encodeURIComponent(`distinct search ${i}`)}&limit=${1 + (i % 50)}`);
      expect(response.status).toBe(200);
    }
    const use = registryCacheUse(t.store.db);
    expect(use.bytes).toBeLessThanOrEqual(use.maxBytes);
    expect(use.entries).toBeGreaterThan(0);
  });

  it('estimates what a value holds: text, binary data and nested records', () => {
    expect(footprint('x'.repeat(1000))).toBeGreaterThanOrEqual(2000);
    expect(footprint(new Uint8Array(5000))).toBeGreaterThanOrEqual(5000);
    const shared = { title: 'y'.repeat(1000) };
    expect(footprint([shared, shared])).toBeLessThan(2 * footprint(shared));
    expect(footprint(new Map([['k', 'z'.repeat(1000)]]))).toBeGreaterThanOrEqual(2000);
  });
});
