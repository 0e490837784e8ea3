// The durable jobs (issue 15, item 5): long work (prints, ingest, imports) runs as a row here that
// a worker claims, so that it outlives the request that asked for it and the process that ran it.
import { sql } from 'drizzle-orm';
import { bigserial, check, customType, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const jobStates = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof jobStates)[number];

/**
 * One job. A worker claims a queued job (or a running one whose lease ran out: its worker died)
 * by setting `locked_by` and `locked_until`; it finishes it as done or failed, or puts it back
 * to the queue with `run_after` in the future when an attempt failed and attempts remain.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The registered kind that runs it (`report-pdf`, `document-ingest`, ...). */
    kind: text('kind').notNull(),
    state: text('state').$type<JobState>().notNull().default('queued'),
    payload: jsonb('payload').$type<unknown>().notNull(),
    result: jsonb('result').$type<unknown>(),
    progressDone: integer('progress_done').notNull().default(0),
    /** Null while the amount of work is unknown. */
    progressTotal: integer('progress_total'),
    progressMessage: text('progress_message'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    /** How long one attempt may run before it is stopped and counted as failed. */
    timeoutMs: integer('timeout_ms').notNull().default(300_000),
    runAfter: at('run_after').notNull().defaultNow(),
    /** The worker holding it (`host:pid:random`) while it runs. */
    lockedBy: text('locked_by'),
    /** The lease: past it, another worker may take the job over. */
    lockedUntil: at('locked_until'),
    /** Why the last attempt failed (kept when a later attempt succeeds, cleared on done). */
    error: text('error'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Who asked when no account did (a reader printing a report): a keyed hash of the per-browser
     * cookie, never the cookie itself. That browser, and reviewers, may see the job.
     */
    client: text('client'),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('jobs_state_check', sql`${t.state} in ('queued', 'running', 'done', 'failed')`),
    check('jobs_attempts_check', sql`${t.maxAttempts} >= 1 and ${t.attempts} >= 0`),
    // What the claim reads: queued jobs by due time, running ones by lease.
    index('jobs_queued_idx')
      .on(t.runAfter, t.id)
      .where(sql`${t.state} = 'queued'`),
    index('jobs_lease_idx')
      .on(t.lockedUntil)
      .where(sql`${t.state} = 'running'`),
    index('jobs_created_by_idx').on(t.createdBy, t.createdAt),
    // The per-client limit counts a browser's open jobs.
    index('jobs_client_idx')
      .on(t.client, t.kind)
      .where(sql`${t.client} is not null and ${t.state} in ('queued', 'running')`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;

/**
 * A file a job works on (a document to ingest), stored before the job is enqueued so that the
 * request can answer at once and a retry, or another process, reads the same bytes. The job's
 * handler removes it once it is done with it; left-overs (a job that failed for good) go after a week.
 */
export const jobUploads = pgTable('job_uploads', {
  id: text('id').primaryKey(),
  fileName: text('file_name').notNull(),
  bytes: customType<{ data: Uint8Array }>({ dataType: () => 'bytea' })('bytes').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});
