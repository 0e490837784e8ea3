// Fixed-window rate limits kept in the store (shared by every Concord process on it).
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
  /** Seconds until the window ends (for Retry-After). */
  retryAfter: number;
}

/** Counts one attempt under `key`; allowed while the window's count is within the limit. */
export async function hit(db: Database, key: string, limit: Limit): Promise<LimitResult> {
  const now = Date.now();
  const windowMs = limit.windowSeconds * 1000;
  const start = new Date(Math.floor(now / windowMs) * windowMs).toISOString();
  const [row] = await db.query<{ count: number }>(
    sql`INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${start}, 1)
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
        RETURNING count`,
  );
  // Old windows are pruned as we go, a few at a time.
  if (Math.random() < 0.01) await db.query(sql`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
  const count = row?.count ?? 1;
  return { allowed: count <= limit.max, retryAfter: Math.ceil((Math.floor(now / windowMs) * windowMs + windowMs - now) / 1000) };
}
