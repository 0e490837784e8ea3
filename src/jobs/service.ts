// Asking for long work: a job is enqueued with its kind's payload checked and its retry and
// timeout rules copied onto the row (a row outlives the code that wrote it).
import type { Database } from '../store/index.ts';
import { defaultMaxAttempts, defaultTimeoutMs, type JobKind } from './kind.ts';
import { countOpenJobs, insertJob, jobById, type Job } from './repository.ts';

export type { Job } from './repository.ts';

/** The person already has as many jobs of this kind waiting or running as allowed. */
export class TooManyJobs extends Error {
  constructor(
    readonly kind: string,
    readonly limit: number,
  ) {
    super(`At most ${limit} ${kind} jobs may wait or run at once per person`);
    this.name = 'TooManyJobs';
  }
}

export interface EnqueueOptions {
  /** Who asked (a user id); they, and reviewers, may see the job and its result. */
  createdBy?: string | null;
  /** At most this many open jobs of the kind per `createdBy` (TooManyJobs past it). */
  limitPerPerson?: number;
}

/**
 * Enqueues a job of a kind; a worker picks it up. Throws the schema's error on a bad payload.
 *
 * @example
 * const job = await enqueue(store.db, reportPdf, { url }, { createdBy: user.id, limitPerPerson: 5 });
 */
export async function enqueue<P>(db: Database, kind: JobKind<P, unknown>, payload: P, options: EnqueueOptions = {}): Promise<Job> {
  const checked = kind.payload.parse(payload);
  const createdBy = options.createdBy ?? null;
  if (options.limitPerPerson !== undefined && createdBy !== null) {
    // A check then an insert: two racing requests of one person may pass it together, by one job.
    if ((await countOpenJobs(db, kind.name, createdBy)) >= options.limitPerPerson) throw new TooManyJobs(kind.name, options.limitPerPerson);
  }
  return insertJob(db, {
    kind: kind.name,
    payload: checked,
    maxAttempts: kind.maxAttempts ?? defaultMaxAttempts,
    timeoutMs: kind.timeoutMs ?? defaultTimeoutMs,
    createdBy,
  });
}

/** A job by id, or undefined. Who may see it is the caller's rule (mayViewJob). */
export function findJob(db: Database, id: number): Promise<Job | undefined> {
  return jobById(db, id);
}

/** A job and its result are its creator's, and reviewers' (who answer for the platform's work). */
export function mayViewJob(job: Pick<Job, 'createdBy'>, viewer: { id: string; reviewer: boolean } | undefined): boolean {
  if (!viewer) return false;
  return viewer.reviewer || (job.createdBy !== null && job.createdBy === viewer.id);
}
