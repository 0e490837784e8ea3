// Durable jobs on whichever store the tier runs against: they run, retry, time out, fail with
// their reason, survive a restart, are taken over after a worker's crash, and several workers
// (on PostgreSQL, two stores on one database: two Concord processes) never run one job twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openStore, type Store } from '../store/index.ts';
import { createEmptyDatabase, openTestStore, testTier } from '../testing/store.ts';
import { createUser } from '../accounts/service.ts';
import { defineJobKind, JobKinds, PermanentJobError } from './kind.ts';
import { claimJob } from './repository.ts';
import { enqueue, findJob, mayViewJob, TooManyJobs, type Job } from './service.ts';
import { JobWorker } from './worker.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the job reaches done or failed (the worker runs in the background). */
async function settled(store: Store, id: number, withinMs = 20_000): Promise<Job> {
  const until = Date.now() + withinMs;
  for (;;) {
    const job = await findJob(store.db, id);
    if (job && (job.state === 'done' || job.state === 'failed')) return job;
    if (Date.now() > until) throw new Error(`job ${id} is still ${job?.state ?? 'missing'}`);
    await sleep(50);
  }
}

const sum = defineJobKind({
  name: 'test-sum',
  payload: z.object({ numbers: z.array(z.number()) }),
  async run(payload, context) {
    let total = 0;
    for (const [i, n] of payload.numbers.entries()) {
      total += n;
      await context.progress(i + 1, payload.numbers.length, `added ${n}`);
    }
    return { total };
  },
});

let failures = 0;
const flaky = defineJobKind({
  name: 'test-flaky',
  payload: z.object({}),
  maxAttempts: 3,
  retryDelayMs: () => 0,
  run() {
    failures++;
    return Promise.reject(new Error(`the source answered 502 (failure ${failures})`));
  },
});

const refused = defineJobKind({
  name: 'test-refused',
  payload: z.object({}),
  retryDelayMs: () => 0,
  run: () => Promise.reject(new PermanentJobError('the document was removed')),
});

const slow = defineJobKind({
  name: 'test-slow',
  payload: z.object({}),
  maxAttempts: 1,
  timeoutMs: 100,
  run: (_payload, context) =>
    new Promise((resolve) => {
      // Stops when told, as handlers should.
      context.signal.addEventListener('abort', () => resolve('stopped'), { once: true });
    }),
});

describe('jobs on one store', () => {
  let store: Store;
  let worker: JobWorker;
  beforeAll(async () => {
    store = await openTestStore();
    worker = new JobWorker(store, new JobKinds().add(sum).add(flaky).add(refused).add(slow), {
      onError: (error) => {
        throw error;
      },
    });
  });
  afterAll(async () => {
    await worker.stop();
    await store.close();
  });

  it('runs a job to done, with its result and progress', async () => {
    const job = await enqueue(store.db, sum, { numbers: [1, 2, 39] });
    expect(job).toMatchObject({ state: 'queued', attempts: 0, maxAttempts: 3, kind: 'test-sum' });
    expect(await worker.runDue()).toBe(1);
    const done = await findJob(store.db, job.id);
    expect(done).toMatchObject({ state: 'done', result: { total: 42 }, attempts: 1, error: null, lockedBy: null });
    expect(done?.progress).toEqual({ done: 3, total: 3, message: 'added 39' });
    expect(done?.finishedAt).not.toBeNull();
  });

  it('refuses a payload its kind does not accept, enqueuing nothing', async () => {
    await expect(enqueue(store.db, sum, { numbers: ['one'] } as unknown as { numbers: number[] })).rejects.toThrow(/number/);
    expect(await worker.runDue()).toBe(0);
  });

  it('retries a failing handler, then fails with its reason after the last attempt', async () => {
    failures = 0;
    const job = await enqueue(store.db, flaky, {});
    await worker.runOne();
    expect(await findJob(store.db, job.id)).toMatchObject({ state: 'queued', attempts: 1, error: 'the source answered 502 (failure 1)' });
    await worker.runDue();
    expect(await findJob(store.db, job.id)).toMatchObject({ state: 'failed', attempts: 3, error: 'the source answered 502 (failure 3)' });
    expect(failures).toBe(3);
  });

  it('fails at once on a failure no retry mends', async () => {
    const job = await enqueue(store.db, refused, {});
    await worker.runDue();
    expect(await findJob(store.db, job.id)).toMatchObject({ state: 'failed', attempts: 1, error: 'the document was removed' });
  });

  it('stops an attempt at its timeout and says so', async () => {
    const job = await enqueue(store.db, slow, {});
    await worker.runDue();
    expect(await findJob(store.db, job.id)).toMatchObject({ state: 'failed', attempts: 1, error: 'The job did not finish within 0.1 s' });
  });

  it('puts a job claimed as its worker stops back in the queue, the attempt not counted', async () => {
    const job = await enqueue(store.db, slow, {});
    const stopping = new JobWorker(store, new JobKinds().add(slow));
    // The claim is under way when stop() comes: the job is taken, then handed back unrun.
    const ran = stopping.runOne();
    await stopping.stop();
    expect(await ran).toBe(true);
    expect(await findJob(store.db, job.id)).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
    await worker.runDue();
  });

  it('takes over a job whose worker died, and fails it with the reason when no attempt is left', async () => {
    const job = await enqueue(store.db, sum, { numbers: [5] });
    // A worker claims it with a lease that is already over, then "crashes" (never finishes).
    await claimJob(store.db, 'crashed-worker', ['test-sum'], -60_000 - job.timeoutMs);
    expect(await worker.runDue()).toBe(1);
    expect(await findJob(store.db, job.id)).toMatchObject({ state: 'done', attempts: 2, result: { total: 5 } });

    const last = await enqueue(store.db, slow, {});
    await claimJob(store.db, 'crashed-worker', ['test-slow'], -60_000);
    expect(await worker.runDue()).toBe(0);
    const failed = await findJob(store.db, last.id);
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toContain('crashed-worker');
  });

  it('limits the jobs one person may have waiting, and shows a job only to its creator and reviewers', async () => {
    const user = await createUser(store, {
      email: `jobs-${Date.now()}@example.org`,
      name: 'Job Asker',
      password: 'a long and unusual passphrase 7',
    });
    const first = await enqueue(store.db, sum, { numbers: [1] }, { createdBy: user.id, limitPerPerson: 2 });
    await enqueue(store.db, sum, { numbers: [2] }, { createdBy: user.id, limitPerPerson: 2 });
    await expect(enqueue(store.db, sum, { numbers: [3] }, { createdBy: user.id, limitPerPerson: 2 })).rejects.toBeInstanceOf(TooManyJobs);
    await worker.runDue();
    await enqueue(store.db, sum, { numbers: [3] }, { createdBy: user.id, limitPerPerson: 2 });
    expect(mayViewJob(first, { id: user.id, reviewer: false })).toBe(true);
    expect(mayViewJob(first, { id: 'someone-else', reviewer: false })).toBe(false);
    expect(mayViewJob(first, { id: 'someone-else', reviewer: true })).toBe(true);
    expect(mayViewJob(first, undefined)).toBe(false);
    await worker.runDue();
  });
});

describe('jobs across restarts and processes', () => {
  it('a job enqueued before the store closed runs in the next process', async () => {
    const database = await createEmptyDatabase();
    try {
      const before = await openStore(database.options);
      const job = await enqueue(before.db, sum, { numbers: [20, 22] });
      await before.close();

      const after = await openStore(database.options);
      const worker = new JobWorker(after, new JobKinds().add(sum), { pollMs: 20 }).start();
      try {
        expect(await settled(after, job.id)).toMatchObject({ state: 'done', result: { total: 42 } });
      } finally {
        await worker.stop();
        await after.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('two workers (on PostgreSQL, two stores on one database) share the jobs and never run one twice', async () => {
    const database = await createEmptyDatabase();
    const first = await openStore(database.options);
    // Two processes on PostgreSQL; the embedded store has one process, so two workers on it.
    const second = testTier() === 'postgres' ? await openStore(database.options) : first;
    const runs: { id: number; by: string }[] = [];
    const recorder = (by: string) =>
      defineJobKind({
        name: 'test-record',
        payload: z.object({ n: z.number() }),
        async run(_payload, context) {
          runs.push({ id: context.jobId, by });
          await sleep(20);
          return by;
        },
      });
    const workers = [
      new JobWorker(first, new JobKinds().add(recorder('a')), { pollMs: 10, concurrency: 2 }),
      new JobWorker(second, new JobKinds().add(recorder('b')), { pollMs: 10, concurrency: 2 }),
    ];
    try {
      const jobs = [];
      for (let n = 0; n < 24; n++) jobs.push(await enqueue(first.db, recorder('a'), { n }));
      for (const worker of workers) worker.start();
      const finished = await Promise.all(jobs.map((job) => settled(first, job.id)));
      expect(finished.every((job) => job.state === 'done' && job.attempts === 1)).toBe(true);
      expect(runs.map((run) => run.id).sort((x, y) => x - y)).toEqual(jobs.map((job) => job.id).sort((x, y) => x - y));
      expect(new Set(runs.map((run) => run.by))).toEqual(new Set(['a', 'b']));
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      if (second !== first) await second.close();
      await first.close();
      await database.drop();
    }
  });
});
