// A job kind: a small named handler with its own retry and timeout (STYLE.md 10). Kinds are
// gathered per worker (a JobKinds), not in a module-level registry, so two apps in one process
// never see each other's kinds.
import type { ZodType } from 'zod';

/** What a running handler may tell the job's page, and how it learns it must stop. */
export interface JobContext {
  readonly jobId: number;
  /** Which attempt this is (1 for the first). */
  readonly attempt: number;
  /** Aborted when the attempt times out or the worker stops: stop at the next safe point. */
  readonly signal: AbortSignal;
  /** Records progress (done of total, with a short message) on the job's row. */
  progress(done: number, total?: number | null, message?: string | null): Promise<void>;
}

export interface JobKind<P = unknown, R = unknown> {
  readonly name: string;
  /** Checks the payload when it is enqueued and again when it is run (rows outlive code). */
  readonly payload: ZodType<P>;
  /** Attempts before the job fails for good (default 3). */
  readonly maxAttempts?: number;
  /** How long one attempt may run (default 5 minutes). */
  readonly timeoutMs?: number;
  /** The wait before attempt n+1 after attempt n failed (default 2^(n-1) s, at most 5 min). */
  readonly retryDelayMs?: (attempt: number) => number;
  /** Does the work; its JSON-serialisable answer is kept as the job's result. */
  run(payload: P, context: JobContext): Promise<R>;
}

/** A failure that no retry will mend (bad payload, a record gone): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/**
 * Declares a kind with its payload type inferred from the schema.
 *
 * @example
 * const print = defineJobKind({ name: 'report-pdf', payload: z.object({ url: z.string() }), run: async (p) => ({ bytes: 1 }) });
 */
export function defineJobKind<P, R>(kind: JobKind<P, R>): JobKind<P, R> {
  return kind;
}

export const defaultMaxAttempts = 3;
export const defaultTimeoutMs = 300_000;

export function defaultRetryDelayMs(attempt: number): number {
  return Math.min(2 ** Math.max(0, attempt - 1) * 1000, 300_000);
}

/** The kinds one worker runs, by name. */
export class JobKinds {
  private readonly byName = new Map<string, JobKind>();

  add<P, R>(kind: JobKind<P, R>): this {
    if (this.byName.has(kind.name)) throw new Error(`Job kind ${kind.name} is registered twice`);
    // Kept without its payload type: the worker parses each payload with the kind's own schema.
    this.byName.set(kind.name, kind);
    return this;
  }

  get(name: string): JobKind | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
