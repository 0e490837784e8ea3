// Rate limits kept in the store (shared by every Concord process on it): a sliding window,
// estimated from the counts of the current fixed window and the one before it (the earlier one
// weighted by how much of it still lies inside the sliding window), so a burst across a window
// boundary is not allowed twice the limit.
import type { Database } from '../store/index.ts';
import { clearFailures, countFailure, countHit, failuresUnder, pruneFailures, pruneWindows } from './rate-limit-repository.ts';

export interface Limit {
  /** Requests allowed per window. */
  max: number;
  windowSeconds: number;
}

export const limits = {
  /** Password changes per account (the current password is checked: a guess like any other). */
  passwordChange: { max: 10, windowSeconds: 15 * 60 },
  signUp: { max: 10, windowSeconds: 60 * 60 },
  passwordReset: { max: 5, windowSeconds: 60 * 60 },
  write: { max: 120, windowSeconds: 60 },
} satisfies Record<string, Limit>;

export interface LimitResult {
  allowed: boolean;
  /** Seconds until an attempt would be allowed again (for Retry-After). */
  retryAfter: number;
}

/** Counts one attempt under `key`; allowed while the attempts in the last window are within the limit. */
export async function hit(db: Database, key: string, limit: Limit): Promise<LimitResult> {
  const now = Date.now();
  const windowMs = limit.windowSeconds * 1000;
  const currentStart = Math.floor(now / windowMs) * windowMs;
  const previousStart = currentStart - windowMs;
  const row = await countHit(db, key, new Date(currentStart).toISOString(), new Date(previousStart).toISOString());
  // Old windows are pruned as we go, a few at a time.
  if (Math.random() < 0.01) await pruneWindows(db);
  const current = row?.count ?? 1;
  const previous = row?.previous ?? 0;
  const overlap = 1 - (now - currentStart) / windowMs;
  const estimate = current + previous * overlap;
  if (estimate <= limit.max) return { allowed: true, retryAfter: 0 };
  // How long until an attempt passes. Within this window: until enough of the earlier window has
  // slid out. Past it (this window alone is over the limit): into the next window, until this
  // window's weight (now the earlier one) has fallen far enough for one more attempt.
  const excess = estimate - limit.max;
  const wait =
    current <= limit.max && previous > 0
      ? (excess / previous) * windowMs
      : currentStart + windowMs - now + windowMs * Math.max(0, 1 - (limit.max - 1) / current);
  return { allowed: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
}

// ---------------------------------------------------------------- sign-in back-off

/**
 * Failed sign-ins slow down rather than lock (OWASP Authentication Cheat Sheet, "Account
 * lockout"): past `free` failures under one key, each further failure doubles the wait before the
 * next try under that key, up to `capSeconds`; a key forgets after `forgetSeconds` without a
 * failure. Keys are (account, address), so nobody elsewhere can lock the owner out, and the
 * address alone with a generous allowance, against one address spraying many accounts.
 */
export interface Backoff {
  free: number;
  baseSeconds: number;
  capSeconds: number;
  forgetSeconds: number;
}

export const backoffs = {
  accountAddress: { free: 5, baseSeconds: 1, capSeconds: 15 * 60, forgetSeconds: 24 * 3600 },
  address: { free: 100, baseSeconds: 1, capSeconds: 15 * 60, forgetSeconds: 3600 },
} satisfies Record<string, Backoff>;

/** Seconds to wait after `failures` failures, the last at `lastMs`; 0 when a try may go ahead now. */
function backoffWait(backoff: Backoff, failures: number, lastMs: number, now: number): number {
  if (now - lastMs >= backoff.forgetSeconds * 1000 || failures < backoff.free) return 0;
  const delayMs = Math.min(backoff.baseSeconds * 2 ** (failures - backoff.free), backoff.capSeconds) * 1000;
  return Math.max(0, Math.ceil((lastMs + delayMs - now) / 1000));
}

/**
 * Asks whether a sign-in may be tried under each key; when it may, counts it as a failure at
 * once (so parallel guesses cannot all slip through) and returns `{ allowed: true }`. The caller
 * calls `signInSucceeded` when the password was right: a success never counts.
 */
export async function signInAttempt(db: Database, keys: readonly { key: string; backoff: Backoff }[]): Promise<LimitResult> {
  const now = Date.now();
  const rows = await failuresUnder(
    db,
    keys.map((k) => k.key),
  );
  let retryAfter = 0;
  for (const { key, backoff } of keys) {
    const row = rows.find((r) => r.key === key);
    if (row) retryAfter = Math.max(retryAfter, backoffWait(backoff, row.failures, Number(row.last_ms), now));
  }
  if (retryAfter > 0) return { allowed: false, retryAfter };
  const at = new Date(now).toISOString();
  for (const { key, backoff } of keys) {
    const forgetBefore = new Date(now - backoff.forgetSeconds * 1000).toISOString();
    await countFailure(db, key, at, forgetBefore);
  }
  if (Math.random() < 0.01) await pruneFailures(db);
  return { allowed: true, retryAfter: 0 };
}

/** Takes back the failure `signInAttempt` counted: the account's own key is cleared, shared keys lose one. */
export async function signInSucceeded(db: Database, ownKey: string, sharedKeys: readonly string[]): Promise<void> {
  await clearFailures(db, ownKey, sharedKeys);
}
