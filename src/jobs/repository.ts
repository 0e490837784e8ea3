// The jobs slice's SQL: enqueue, claim, progress, finish. The claim is one statement with
// `FOR UPDATE SKIP LOCKED`, so several Concord processes on one PostgreSQL each take different
// jobs; the embedded store has one process and one connection, where the same statement is simply
// serial. Every statement is short: a job's own work runs in its handler's transactions.
import { sql, pgTextArray, type Database } from '../store/index.ts';
import type { JobRow, JobState } from './schema.ts';

/** A job as read from its row (timestamps as ISO strings). */
export interface Job {
  id: number;
  kind: string;
  state: JobState;
  payload: unknown;
  result: unknown;
  progress: { done: number; total: number | null; message: string | null };
  attempts: number;
  maxAttempts: number;
  timeoutMs: number;
  runAfter: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  error: string | null;
  createdBy: string | null;
  /** The anonymous browser that asked (a keyed hash of its cookie), when no account did. */
  client: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

type JobRecord = { [K in keyof JobRow as SnakeCase<K & string>]: JobRow[K] };
type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

const columns = sql`id::float8 AS id, kind, state, payload, result, progress_done, progress_total, progress_message,
  attempts, max_attempts, timeout_ms, run_after::text, locked_by, locked_until::text, error, created_by, client,
  created_at::text, started_at::text, finished_at::text, updated_at::text`;

function toJob(row: JobRecord): Job {
  return {
    id: Number(row.id),
    kind: row.kind,
    state: row.state,
    payload: row.payload,
    result: row.result ?? null,
    progress: { done: row.progress_done, total: row.progress_total, message: row.progress_message },
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    timeoutMs: row.timeout_ms,
    runAfter: row.run_after,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    error: row.error,
    createdBy: row.created_by,
    client: row.client,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
  };
}

export interface NewJob {
  kind: string;
  payload: unknown;
  maxAttempts: number;
  timeoutMs: number;
  createdBy: string | null;
  client: string | null;
}

export async function insertJob(db: Database, job: NewJob): Promise<Job> {
  const [row] = await db.query<JobRecord>(sql`
    INSERT INTO jobs (kind, payload, max_attempts, timeout_ms, created_by, client)
    VALUES (${job.kind}, ${JSON.stringify(job.payload)}::jsonb, ${job.maxAttempts}, ${job.timeoutMs}, ${job.createdBy}, ${job.client})
    RETURNING ${columns}`);
  return toJob(row!);
}

export async function jobById(db: Database, id: number): Promise<Job | undefined> {
  const [row] = await db.query<JobRecord>(sql`SELECT ${columns} FROM jobs WHERE id = ${id}`);
  return row ? toJob(row) : undefined;
}

/** Jobs waiting or running of one kind asked by one person or one browser (the per-client limit). */
export async function countOpenJobs(db: Database, kind: string, by: { createdBy: string } | { client: string }): Promise<number> {
  const who = 'createdBy' in by ? sql`created_by = ${by.createdBy}` : sql`client = ${by.client}`;
  const [row] = await db.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM jobs WHERE kind = ${kind} AND ${who} AND state IN ('queued', 'running')`,
  );
  return row?.n ?? 0;
}

/** Jobs waiting or running of one kind, whoever asked (a bound on the whole queue). */
export async function countAllOpenJobs(db: Database, kind: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM jobs WHERE kind = ${kind} AND state IN ('queued', 'running')`,
  );
  return row?.n ?? 0;
}

/**
 * Fails for good the running jobs whose lease ran out on their last attempt: their worker died
 * (a crash, a kill) and no attempt is left. Returns how many.
 */
export async function failAbandoned(db: Database, kinds: readonly string[]): Promise<number> {
  const failed = await db.query<{ id: number }>(sql`
    UPDATE jobs SET state = 'failed', locked_by = NULL, locked_until = NULL, finished_at = now(), updated_at = now(),
      error = 'The worker running it stopped before it finished (' || locked_by || '), on its last attempt'
    WHERE state = 'running' AND locked_until < now() AND attempts >= max_attempts AND kind = ANY(${pgTextArray(kinds)}::text[])
    RETURNING id::float8 AS id`);
  return failed.length;
}

/**
 * Takes the next due job of these kinds for this worker: a queued job whose time has come, or a
 * running one whose lease ran out (its worker died; the attempt counts). The lease covers the
 * attempt's timeout and a grace period, so a live worker always finishes within it.
 */
export async function claimJob(db: Database, workerId: string, kinds: readonly string[], graceMs: number): Promise<Job | undefined> {
  const [row] = await db.query<JobRecord>(sql`
    UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ${workerId},
      locked_until = now() + (timeout_ms + ${graceMs}::int) * interval '1 millisecond',
      started_at = coalesce(started_at, now()), updated_at = now()
    WHERE id = (
      SELECT id FROM jobs
      WHERE kind = ANY(${pgTextArray(kinds)}::text[])
        AND ((state = 'queued' AND run_after <= now()) OR (state = 'running' AND locked_until < now() AND attempts < max_attempts))
      ORDER BY run_after, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING ${columns}`);
  return row ? toJob(row) : undefined;
}

/** Records progress while this worker still holds the job (false: it lost the lease). */
export async function recordProgress(
  db: Database,
  id: number,
  workerId: string,
  progress: { done: number; total: number | null; message: string | null },
): Promise<boolean> {
  const updated = await db.query(sql`
    UPDATE jobs SET progress_done = ${progress.done}, progress_total = ${progress.total}, progress_message = ${progress.message},
      updated_at = now()
    WHERE id = ${id} AND locked_by = ${workerId} AND state = 'running'
    RETURNING 1 AS one`);
  return updated.length > 0;
}

export async function completeJob(db: Database, id: number, workerId: string, result: unknown): Promise<boolean> {
  const updated = await db.query(sql`
    UPDATE jobs SET state = 'done', result = ${JSON.stringify(result ?? null)}::jsonb, error = NULL, locked_by = NULL,
      locked_until = NULL, finished_at = now(), updated_at = now(),
      progress_done = coalesce(progress_total, progress_done)
    WHERE id = ${id} AND locked_by = ${workerId} AND state = 'running'
    RETURNING 1 AS one`);
  return updated.length > 0;
}

/**
 * Records a failed attempt: back to the queue after `retryDelayMs` while attempts remain (and the
 * failure is not permanent), else failed for good. The reason is kept either way.
 */
export async function failAttempt(
  db: Database,
  id: number,
  workerId: string,
  reason: string,
  retry: { permanent: boolean; delayMs: number },
): Promise<JobState | undefined> {
  const [row] = await db.query<{ state: JobState }>(sql`
    UPDATE jobs SET
      state = CASE WHEN ${retry.permanent} OR attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
      run_after = CASE WHEN ${retry.permanent} OR attempts >= max_attempts THEN run_after
        ELSE now() + ${retry.delayMs}::float8 * interval '1 millisecond' END,
      finished_at = CASE WHEN ${retry.permanent} OR attempts >= max_attempts THEN now() ELSE NULL END,
      error = ${reason}, locked_by = NULL, locked_until = NULL, updated_at = now()
    WHERE id = ${id} AND locked_by = ${workerId} AND state = 'running'
    RETURNING state`);
  return row?.state;
}

/** Puts a job this worker holds back to the queue without counting the attempt (the worker is stopping). */
export async function releaseJob(db: Database, id: number, workerId: string): Promise<void> {
  await db.query(sql`
    UPDATE jobs SET state = 'queued', attempts = greatest(attempts - 1, 0), locked_by = NULL, locked_until = NULL, updated_at = now()
    WHERE id = ${id} AND locked_by = ${workerId} AND state = 'running'`);
}

/** Keeps a file for a job and returns its id; files left over for a week (their job failed for good) go. */
export async function insertUpload(db: Database, id: string, fileName: string, bytes: Uint8Array): Promise<void> {
  await db.query(sql`DELETE FROM job_uploads WHERE created_at < now() - interval '7 days'`);
  await db.query(sql`INSERT INTO job_uploads (id, file_name, bytes) VALUES (${id}, ${fileName}, ${bytes})`);
}

export async function uploadById(db: Database, id: string): Promise<{ fileName: string; bytes: Uint8Array } | undefined> {
  const [row] = await db.query<{ file_name: string; bytes: Uint8Array }>(sql`SELECT file_name, bytes FROM job_uploads WHERE id = ${id}`);
  return row ? { fileName: row.file_name, bytes: row.bytes } : undefined;
}

export async function deleteUpload(db: Database, id: string): Promise<void> {
  await db.query(sql`DELETE FROM job_uploads WHERE id = ${id}`);
}
