// A job's page and its API answer, over HTTP in-process: its creator and reviewers see it, no one
// else learns it exists; an unfinished job's page refreshes itself without JavaScript; a finished
// one links to its result, a failed one says why; nothing of it is kept by a shared cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { createApiToken, createUser } from '../accounts/service.ts';
import type { User } from '../accounts/service.ts';
import { defineJobKind, JobKinds, PermanentJobError } from './kind.ts';
import { enqueue } from './service.ts';
import { JobWorker } from './worker.ts';

const export_ = defineJobKind({
  name: 'test-export',
  payload: z.object({ rows: z.number().int(), fail: z.boolean().default(false) }),
  async run(payload, context) {
    if (payload.fail) throw new PermanentJobError('the roadmap <b>was</b> removed');
    await context.progress(payload.rows, payload.rows, 'written');
    return { href: '/en/frameworks' };
  },
});

let t: TestApp;
let worker: JobWorker;
let owner: User;
let other: User;
let reviewer: User;
const password = 'correct horse battery';

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
  worker = new JobWorker(t.store, new JobKinds().add(export_));
  owner = await createUser(t.store, { email: 'job-owner@example.org', name: 'Job Owner', password });
  other = await createUser(t.store, { email: 'job-other@example.org', name: 'Job Other', password });
  reviewer = await createUser(t.store, { email: 'job-reviewer@example.org', name: 'Job Reviewer', password, role: 'reviewer' });
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

async function visitorFor(user: User): Promise<Visitor> {
  const visitor = new Visitor(t.app);
  await visitor.signIn('fr', user.email, password);
  return visitor;
}

describe('a job’s page', () => {
  it('shows a waiting job with its progress and refreshes itself, then links to the result', async () => {
    const job = await enqueue(t.store.db, export_, { rows: 12, fail: false }, { createdBy: owner.id });
    const visitor = await visitorFor(owner);
    const waiting = await visitor.get(`/fr/jobs/${job.id}`);
    expect(waiting.status).toBe(200);
    expect(waiting.headers.get('Cache-Control')).toBe('private, no-store');
    expect(waiting.html).toContain('<meta http-equiv="refresh" content="3"');
    expect(waiting.html).toContain('En attente de son tour');
    expect(waiting.html).toContain('<progress');

    await worker.runDue();
    const done = await visitor.get(`/fr/jobs/${job.id}`);
    expect(done.html).not.toContain('http-equiv="refresh"');
    expect(done.html).toContain('Terminée');
    expect(done.html).toContain('<a href="/en/frameworks">Ouvrir le résultat</a>');
  });

  it('says why a job failed, escaped, in the reader’s language', async () => {
    const job = await enqueue(t.store.db, export_, { rows: 1, fail: true }, { createdBy: owner.id });
    await worker.runDue();
    const page = await (await visitorFor(owner)).get(`/ar/jobs/${job.id}`);
    expect(page.html).toContain('فشلت');
    expect(page.html).toContain('the roadmap &lt;b&gt;was&lt;/b&gt; removed');
    expect(page.html).not.toContain('http-equiv="refresh"');
  });

  it('is seen by reviewers, not by another person, and asks a stranger to sign in', async () => {
    const job = await enqueue(t.store.db, export_, { rows: 1, fail: false }, { createdBy: owner.id });
    expect((await (await visitorFor(reviewer)).get(`/en/jobs/${job.id}`)).status).toBe(200);
    const refused = await (await visitorFor(other)).get(`/en/jobs/${job.id}`);
    expect(refused.status).toBe(404);
    expect(refused.html).toContain(`There is no job ${job.id}, or it is not yours to see.`);
    const stranger = await new Visitor(t.app).get(`/en/jobs/${job.id}`);
    expect(stranger.status).not.toBe(200);
    expect(stranger.html).not.toContain(`Job ${job.id}`);
    await worker.runDue();
  });
});

describe('GET /api/v1/jobs/{id}', () => {
  it('answers the job to its creator and reviewers, privately; 404 to others, 401 without a token', async () => {
    const job = await enqueue(t.store.db, export_, { rows: 4, fail: false }, { createdBy: owner.id });
    const get = async (user?: User) =>
      t.app.request(
        `/api/v1/jobs/${job.id}`,
        user ? { headers: { Authorization: `Bearer ${(await createApiToken(t.store, user, 'jobs')).token}` } } : undefined,
      );
    const queued = await get(owner);
    expect(queued.status).toBe(200);
    expect(queued.headers.get('Cache-Control')).toBe('private, no-store');
    expect(queued.headers.get('Retry-After')).toBe('2');
    expect(await queued.json()).toMatchObject({ id: job.id, kind: 'test-export', state: 'queued', attempts: 0 });

    await worker.runDue();
    const done = await get(reviewer);
    expect(await done.json()).toMatchObject({ state: 'done', progress: { done: 4, total: 4 }, result: { href: '/en/frameworks' } });
    expect(done.headers.get('Retry-After')).toBeNull();

    const hidden = await get(other);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('Content-Type')).toContain('application/problem+json');
    expect((await get()).status).toBe(401);
    expect((await t.app.request('/api/v1/jobs/not-a-number', { headers: { Authorization: 'Bearer x' } })).status).toBe(400);
  });
});
