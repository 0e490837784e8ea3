// Rate limits kept in the store (shared by every Concord process on it): a sliding window,
// estimated from the counts of the current fixed window and the one before it (the earlier one
// weighted by how much of it still lies inside the sliding window), so a burst across a window
// boundary is not allowed twice the limit.
import { sql, type Database } from '../store/index.ts';

export interface Limit {
  /** Requests allowed per window. */
  max: number;
  windowSeconds: number;
}

export const limits = {
  signIn: { max: 10, windowSeconds: 15 * 60 },
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
  const [row] = await db.query<{ count: number; previous: number | null }>(
    sql`WITH counted AS (
          INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${new Date(currentStart).toISOString()}, 1)
          ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
          RETURNING count)
        SELECT counted.count, (SELECT count FROM rate_limits WHERE key = ${key} AND window_start = ${new Date(previousStart).toISOString()}) AS previous
        FROM counted`,
  );
  // Old windows are pruned as we go, a few at a time.
  if (Math.random() < 0.01) await db.query(sql`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
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
