// The SQL of the rate limits and sign-in back-off (rate-limit.ts holds their rules): counters
// in the store, so that several Concord processes on one store share them.
import { pgTextArray, sql, type Database } from '../store/index.ts';

/** Counts one hit in the window starting at `currentStart`; this window's count and the previous window's. */
export async function countHit(
  db: Database,
  key: string,
  currentStart: string,
  previousStart: string,
): Promise<{ count: number; previous: number | null } | undefined> {
  const [row] = await db.query<{ count: number; previous: number | null }>(
    sql`WITH counted AS (
          INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${currentStart}, 1)
          ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
          RETURNING count)
        SELECT counted.count, (SELECT count FROM rate_limits WHERE key = ${key} AND window_start = ${previousStart}) AS previous
        FROM counted`,
  );
  return row;
}

export async function pruneWindows(db: Database): Promise<void> {
  await db.query(sql`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
}

export async function failuresUnder(
  db: Database,
  keys: readonly string[],
): Promise<{ key: string; failures: number; last_ms: number | string }[]> {
  return db.query<{ key: string; failures: number; last_ms: number | string }>(
    sql`SELECT key, failures, extract(epoch FROM last_failed_at) * 1000 AS last_ms FROM sign_in_failures WHERE key = ANY(${pgTextArray(keys)}::text[])`,
  );
}

/** Counts a failure under `key` at `at`, starting over when the last one came before `forgetBefore`. */
export async function countFailure(db: Database, key: string, at: string, forgetBefore: string): Promise<void> {
  await db.query(
    sql`INSERT INTO sign_in_failures (key, failures, last_failed_at) VALUES (${key}, 1, ${at})
        ON CONFLICT (key) DO UPDATE SET last_failed_at = ${at},
          failures = CASE WHEN sign_in_failures.last_failed_at < ${forgetBefore} THEN 1 ELSE sign_in_failures.failures + 1 END`,
  );
}

export async function pruneFailures(db: Database): Promise<void> {
  await db.query(sql`DELETE FROM sign_in_failures WHERE last_failed_at < now() - interval '1 day'`);
}

/** The account's own key is cleared; shared keys lose one failure. */
export async function clearFailures(db: Database, ownKey: string, sharedKeys: readonly string[]): Promise<void> {
  await db.query(sql`DELETE FROM sign_in_failures WHERE key = ${ownKey}`);
  await db.query(sql`UPDATE sign_in_failures SET failures = greatest(failures - 1, 0) WHERE key = ANY(${pgTextArray(sharedKeys)}::text[])`);
}
