// The worker: claims due jobs of the kinds it knows and runs them, each attempt under its kind's
// timeout, recording progress, result or the reason it failed. The server starts one (src/main.ts);
// on PostgreSQL every Concord process runs one and the claim's SKIP LOCKED shares the jobs out.
// A worker that dies leaves its jobs `running` with a lease: when the lease runs out another
// worker takes them over (the attempt counts), or fails them with the reason when none is left.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Store } from '../store/index.ts';
import { defaultRetryDelayMs, PermanentJobError, type JobContext, type JobKind, type JobKinds } from './kind.ts';
import { claimJob, completeJob, failAbandoned, failAttempt, recordProgress, releaseJob, type Job } from './repository.ts';
import { onEnqueue } from './service.ts';

export interface WorkerOptions {
  /** Names this worker in `locked_by` (default host:pid:random). */
  id?: string;
  /** How often an idle worker looks for due jobs (default 1 s); `wake()` looks at once. */
  pollMs?: number;
  /** Jobs run at once (default 1: the embedded store has one connection, the printer one browser). */
  concurrency?: number;
  /** The lease past an attempt's timeout before another worker may take the job over (default 30 s). */
  graceMs?: number;
  /** Where a failure of the worker itself (not of a job) is told (default console.error). */
  onError?: (error: unknown) => void;
}

/** An attempt ran past its kind's timeout. */
export class JobTimedOut extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The job did not finish within ${timeoutMs / 1000} s`);
    this.name = 'JobTimedOut';
  }
}

class WorkerStopping extends Error {
  constructor() {
    super('The worker is stopping');
    this.name = 'WorkerStopping';
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Kept on the row and shown on the job's page: a reason, not a dump.
  return message.length > 2000 ? `${message.slice(0, 2000)}…` : message;
}

export class JobWorker {
  readonly id: string;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly graceMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly running = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private stopListening: (() => void) | undefined;
  /** A wake() that came while the loop was not waiting (it was claiming): the loop looks again. */
  private woken = false;

  constructor(
    private readonly store: Store,
    private readonly kinds: JobKinds,
    options: WorkerOptions = {},
  ) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollMs = options.pollMs ?? 1000;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.graceMs = options.graceMs ?? 30_000;
    this.onError = options.onError ?? ((error) => console.error('The job worker met an error:', error));
  }

  /** Starts looking for jobs in the background until `stop()`. */
  start(): this {
    // A job enqueued in this process starts at once rather than at the next poll.
    this.stopListening ??= onEnqueue(this.store.db, () => this.wake());
    this.loop ??= this.run();
    return this;
  }

  /** Looks for due jobs now (after an enqueue) instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * Claims one due job and runs it to its end (done, failed or queued again); false when no job
   * was due. Tests and the CLI use it to run the queue in the foreground.
   */
  async runOne(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    await this.attempt(job);
    return true;
  }

  /** Runs due jobs until none is left (jobs waiting for a retry later are not waited for). */
  async runDue(): Promise<number> {
    let ran = 0;
    while (!this.stopping && (await this.runOne())) ran++;
    return ran;
  }

  /**
   * Stops claiming, asks running handlers to stop and puts their jobs back to the queue without
   * counting the attempt; waits for them at most `waitMs` (a handler deaf to its signal keeps its
   * lease, which runs out and lets the next worker retry it).
   */
  async stop(waitMs = 10_000): Promise<void> {
    this.stopping = true;
    this.stopListening?.();
    this.wakeUp?.();
    for (const controller of this.controllers) controller.abort(new WorkerStopping());
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
    await Promise.race([Promise.allSettled([...this.running, this.loop]), deadline]);
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      if (this.running.size >= this.concurrency) {
        await Promise.race(this.running);
        continue;
      }
      let job: Job | undefined;
      this.woken = false;
      try {
        job = await this.claim();
      } catch (error) {
        if (this.stopping) break;
        this.onError(error);
      }
      if (job) {
        const running: Promise<void> = this.attempt(job)
          .catch((error: unknown) => this.onError(error))
          .finally(() => this.running.delete(running));
        this.running.add(running);
        continue;
      }
      if (this.woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }

  private async claim(): Promise<Job | undefined> {
    const names = this.kinds.names();
    if (names.length === 0 || this.stopping) return undefined;
    await failAbandoned(this.store.db, names);
    return claimJob(this.store.db, this.id, names, this.graceMs);
  }

  private async attempt(job: Job): Promise<void> {
    const db = this.store.db;
    const kind = this.kinds.get(job.kind);
    if (!kind) {
      await failAttempt(db, job.id, this.id, `No handler for jobs of kind ${job.kind}`, { permanent: true, delayMs: 0 });
      return;
    }
    const payload = kind.payload.safeParse(job.payload);
    if (!payload.success) {
      await failAttempt(db, job.id, this.id, `The job's payload is not valid: ${payload.error.message}`, { permanent: true, delayMs: 0 });
      return;
    }
    const controller = new AbortController();
    this.controllers.add(controller);
    let timer: NodeJS.Timeout | undefined;
    try {
      // stop() came while this job was being claimed: it goes back to the queue without running.
      if (this.stopping) throw new WorkerStopping();
      // Whatever aborts the signal (the timeout, stop(), a lost lease) ends the attempt at once
      // with that reason; the handler is told through the same signal.
      const stopped = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
      });
      timer = setTimeout(() => controller.abort(new JobTimedOut(job.timeoutMs)), job.timeoutMs);
      const result = await Promise.race([kind.run(payload.data, this.context(job, controller)), stopped]);
      await completeJob(db, job.id, this.id, result);
    } catch (error) {
      if (error instanceof WorkerStopping) {
        await releaseJob(db, job.id, this.id);
        return;
      }
      await failAttempt(db, job.id, this.id, reasonOf(error), {
        permanent: error instanceof PermanentJobError,
        delayMs: (kind.retryDelayMs ?? defaultRetryDelayMs)(job.attempts),
      });
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
  }

  private context(job: Job, controller: AbortController): JobContext {
    return {
      jobId: job.id,
      attempt: job.attempts,
      signal: controller.signal,
      progress: async (done, total = null, message = null) => {
        const held = await recordProgress(this.store.db, job.id, this.id, { done, total, message });
        // Another worker took it over (our lease ran out): this attempt's work no longer counts.
        if (!held) controller.abort(new Error('The job was taken over by another worker'));
      },
    };
  }
}

/** Starts a worker for these kinds on the store (the server does, in src/main.ts). */
export function startWorker(store: Store, kinds: JobKinds, options?: WorkerOptions): JobWorker {
  return new JobWorker(store, kinds, options).start();
}

export type { JobKind };
