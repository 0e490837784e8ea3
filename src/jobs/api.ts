// /api/v1/jobs/{id}: a job's state, progress, result or reason, for its creator and reviewers
// (the operator token too). A request that starts long work answers 202 with this address.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../web/env.ts';
import { jsonContent as json, problemResponses } from '../web/api.ts';
import { notFound, Problem } from '../web/problem.ts';
import { apiCaller } from '../web/session.ts';
import { isReviewer } from '../accounts/service.ts';
import { jobStates } from './schema.ts';
import { findJob, mayViewJob, type Job } from './service.ts';

export const JobSchema = z
  .object({
    id: z.number().int(),
    kind: z.string().openapi({ example: 'report-pdf' }),
    state: z.enum(jobStates),
    progress: z.object({
      done: z.number().int(),
      total: z.number().int().nullable().openapi({ description: 'Null while the amount of work is unknown' }),
      message: z.string().nullable(),
    }),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    error: z.string().nullable().openapi({ description: 'Why the last attempt failed' }),
    result: z.unknown().openapi({ description: 'What the job answered, once done' }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    links: z.object({ page: z.string().openapi({ description: 'The job’s page (English; any language prefix works)' }) }),
  })
  .openapi('Job');

export type JobView = z.infer<typeof JobSchema>;

/** The job as the API and the page show it (never its payload, which may hold what the creator sent). */
export function presentJob(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    progress: job.progress,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    error: job.error,
    result: job.result,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    links: { page: `/en/jobs/${job.id}` },
  };
}

export function registerJobApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}',
      tags: ['Jobs'],
      summary: 'A job: its state, progress, and its result or the reason it failed',
      description: 'Visible to the person who started it and to reviewers. Poll it until its state is done or failed.',
      request: {
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .positive()
            .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
        }),
      },
      responses: { 200: json(JobSchema, 'The job'), ...problemResponses },
    }),
    async (c) => {
      const caller = await apiCaller(c);
      if (!caller) throw new Problem(401, 'Unauthorized', 'Send an API token as Authorization: Bearer <token>.');
      const job = await findJob(c.var.store.db, c.req.valid('param').id);
      const viewer = caller === 'operator' ? { id: 'operator', reviewer: true } : { id: caller.id, reviewer: isReviewer(caller) };
      // Someone else's job is answered as missing: its existence is not theirs to learn.
      if (!job || !mayViewJob(job, viewer)) throw notFound(`No job ${c.req.valid('param').id}`);
      c.header('Cache-Control', 'private, no-store');
      if (job.state === 'queued' || job.state === 'running') c.header('Retry-After', '2');
      return c.json(presentJob(job), 200);
    },
  );
}
