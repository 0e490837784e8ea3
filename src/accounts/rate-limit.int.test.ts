// The rate limit slides: a burst that straddles the edge of a counting window is still held to
// the limit, and the wait it announces is honest.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestStore } from '../testing/store.ts';
import type { Store } from '../store/index.ts';
import { hit } from './rate-limit.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());
afterEach(() => vi.useRealTimers());

describe('rate limits', () => {
  it('holds a burst across a window edge to the limit, then lets attempts through as the window slides', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const limit = { max: 10, windowSeconds: 15 * 60 };
    const key = `test:${Math.random()}`;
    vi.setSystemTime(new Date('2031-05-01T10:14:50Z'));
    for (let i = 0; i < 10; i++) expect((await hit(store.db, key, limit)).allowed).toBe(true);
    expect((await hit(store.db, key, limit)).allowed).toBe(false);
    // Ten seconds later a new fixed window has begun, but the last fifteen minutes hold eleven attempts.
    vi.setSystemTime(new Date('2031-05-01T10:15:00Z'));
    const blocked = await hit(store.db, key, limit);
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfter).toBeGreaterThan(60);
    // The wait it announces is enough, even after a burst far over the limit within one window.
    const key2 = `${key}:again`;
    vi.setSystemTime(new Date('2031-05-01T11:14:59Z'));
    for (let i = 0; i < 11; i++) await hit(store.db, key2, limit);
    const over = await hit(store.db, key2, limit);
    expect(over.allowed).toBe(false);
    vi.setSystemTime(new Date(Date.parse('2031-05-01T11:14:59Z') + over.retryAfter * 1000));
    expect((await hit(store.db, key2, limit)).allowed).toBe(true);
    // Once the burst has slid out of the window, attempts pass again.
    vi.setSystemTime(new Date('2031-05-01T10:29:55Z'));
    expect((await hit(store.db, key, limit)).allowed).toBe(true);
  });
});
