// Asking for long work: a job is enqueued with its kind's payload checked and its retry and
// timeout rules copied onto the row (a row outlives the code that wrote it).
import type { Database } from '../store/index.ts';
import { defaultMaxAttempts, defaultTimeoutMs, type JobKind } from './kind.ts';
import { randomUUID } from 'node:crypto';
import { countAllOpenJobs, countOpenJobs, deleteUpload, insertJob, insertUpload, jobById, uploadById, type Job } from './repository.ts';

export type { Job } from './repository.ts';

/** The person (or browser) already has as many jobs of this kind waiting or running as allowed. */
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
  /**
   * Who asked when no account did: an opaque id of the browser (`jobOwner` in jobs/client.ts);
   * that browser, and reviewers, may see the job.
   */
  client?: string | null;
  /** At most this many open jobs of the kind per `createdBy`, else per `client` (TooManyJobs past it). */
  limitPerPerson?: number;
}

/** Workers in this process waiting on a database, woken when a job is enqueued on it. */
const listeners = new WeakMap<Database, Set<() => void>>();

/**
 * Calls `wake` whenever a job is enqueued on `db` in this process (other processes on the same
 * PostgreSQL find it at their next poll). Returns the function that stops listening.
 */
export function onEnqueue(db: Database, wake: () => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  const own = set;
  own.add(wake);
  return () => own.delete(wake);
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
  const client = createdBy === null ? (options.client ?? null) : null;
  if (options.limitPerPerson !== undefined && (createdBy !== null || client !== null)) {
    // A check then an insert: two racing requests of one person may pass it together, by one job.
    const open = await countOpenJobs(db, kind.name, createdBy !== null ? { createdBy } : { client: client ?? '' });
    if (open >= options.limitPerPerson) throw new TooManyJobs(kind.name, options.limitPerPerson);
  }
  const job = await insertJob(db, {
    kind: kind.name,
    payload: checked,
    maxAttempts: kind.maxAttempts ?? defaultMaxAttempts,
    timeoutMs: kind.timeoutMs ?? defaultTimeoutMs,
    createdBy,
    client,
  });
  for (const wake of listeners.get(db) ?? []) wake();
  return job;
}

/** Jobs of a kind waiting or running, whoever asked (to bound a queue as a whole). */
export function openJobsOfKind(db: Database, kind: Pick<JobKind, 'name'>): Promise<number> {
  return countAllOpenJobs(db, kind.name);
}

/** A job by id, or undefined. Who may see it is the caller's rule (mayViewJob). */
export function findJob(db: Database, id: number): Promise<Job | undefined> {
  return jobById(db, id);
}

/** Who is looking at a job: a signed-in person, or an anonymous browser by its client id. */
export type JobViewer = { id: string; reviewer: boolean } | { client: string };

/**
 * A job and its result are its creator's (a person, or the browser that asked), and reviewers'
 * (who answer for the platform's work).
 */
export function mayViewJob(job: Pick<Job, 'createdBy' | 'client'>, viewer: JobViewer | undefined): boolean {
  if (!viewer) return false;
  if ('client' in viewer) return job.client !== null && job.client === viewer.client;
  return viewer.reviewer || (job.createdBy !== null && job.createdBy === viewer.id);
}

/**
 * Keeps an uploaded file for the job about to be enqueued (its payload names the returned id), so
 * that the request answers at once and every attempt, in any process, reads the same bytes.
 */
export async function keepUpload(db: Database, fileName: string, bytes: Uint8Array): Promise<string> {
  const id = randomUUID();
  await insertUpload(db, id, fileName, bytes);
  return id;
}

/** The file kept for a job, or undefined once it was released. */
export function keptUpload(db: Database, id: string): Promise<{ fileName: string; bytes: Uint8Array } | undefined> {
  return uploadById(db, id);
}

/** Removes a kept file: its job is done with it (done, or failed for a reason no retry mends). */
export function releaseUpload(db: Database, id: string): Promise<void> {
  return deleteUpload(db, id);
}
