// /{lang}/jobs/{id}: a job's page for the person who started it (and reviewers). While the job
// waits or runs, the page refreshes itself with <meta http-equiv="refresh"> (no JavaScript) and
// shows a <progress>; once done it links to the result, once failed it says why.
import type { Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { Layout, pageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { errorPage } from '../web/error-page.tsx';
import { requireUser } from '../web/session.ts';
import type { Translate } from '../i18n/index.ts';
import { findJob, mayViewJob, type Job } from './service.ts';
import { jobViewer } from './client.ts';

/** Seconds between two refreshes of a page whose job is not finished. */
const REFRESH_SECONDS = 3;

/** Where a finished job's result is read, when its kind gives one (`{ href: '/...' }`). */
export function resultHref(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null || !('href' in result)) return undefined;
  const href = result.href;
  // Only a path of this site: a result never sends the reader elsewhere.
  return typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') ? href : undefined;
}

function JobProgress(props: { job: Job; t: Translate }) {
  const { job, t } = props;
  const { done, total, message } = job.progress;
  return (
    <>
      <p>
        {total !== null ? (
          <>
            <progress value={done} max={Math.max(total, 1)} aria-labelledby="job-progress" />{' '}
            <span id="job-progress">{t('jobs.progress', { count: done, total })}</span>
          </>
        ) : (
          <progress aria-label={t(`jobs.state.${job.state}`)} />
        )}
      </p>
      {message ? <p class="meta">{message}</p> : null}
    </>
  );
}

export function registerJobPages(app: Hono<AppEnv>): void {
  app.get(`${localePath}/jobs/:id{[0-9]+}`, async (c) => {
    // A signed-in person, or the browser that asked without an account (a report print).
    const viewer = jobViewer(c);
    if (!viewer) requireUser(c);
    const id = Number(c.req.param('id'));
    const job = Number.isSafeInteger(id) ? await findJob(c.var.store.db, id) : undefined;
    if (!job || !mayViewJob(job, viewer)) {
      // A reader without an account may own it once signed in: they are asked to.
      if (!c.var.user) requireUser(c);
      return errorPage(c, 404, c.var.lang, c.var.t('jobs.notFound', { id: c.req.param('id') }));
    }
    const ctx = pageContext(c);
    const { t } = ctx;
    const open = job.state === 'queued' || job.state === 'running';
    const result = job.state === 'done' ? resultHref(job.result) : undefined;
    c.header('Cache-Control', 'private, no-store');
    return c.html(
      <Layout
        ctx={ctx}
        title={t('jobs.title', { id: job.id })}
        head={open ? <meta http-equiv="refresh" content={String(REFRESH_SECONDS)} /> : undefined}
      >
        <h1>{t('jobs.title', { id: job.id })}</h1>
        <p role="status">
          <strong>{t(`jobs.state.${job.state}`)}</strong>
          {job.attempts > 1 || job.state === 'failed' ? <> · {t('jobs.attempt', { n: job.attempts, max: job.maxAttempts })}</> : null}
        </p>
        {open ? <JobProgress job={job} t={t} /> : null}
        {open ? <p class="meta">{t('jobs.refreshes')}</p> : null}
        {/* What the job said last, e.g. what a document's reading stored. */}
        {job.state === 'done' && job.progress.message ? <p>{job.progress.message}</p> : null}
        {job.state === 'failed' && job.error ? <p>{t('jobs.failedBecause', { reason: job.error })}</p> : null}
        {result ? (
          <p>
            <a href={result}>{t('jobs.result')}</a>
          </p>
        ) : null}
      </Layout>,
    );
  });
}
