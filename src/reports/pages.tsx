// Report pages: the index of report kinds and their subjects; a report as a web page (and its print
// version), as a PDF printed by chromium, and as a data bundle (zip). A PDF already printed for
// the same data is served at once; otherwise the request enqueues a print job and sends the reader
// to its page, which links to the PDF when it is done (print-job.ts). Without chromium the PDF
// answers 503 with what the operator must do, and everything else still works.
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { Foreign, href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { errorPage } from '../web/error-page.tsx';
import { Problem, problemResponse } from '../web/problem.ts';
import { translator } from '../i18n/index.ts';
import type { ReportKind, ReportSubject } from './kind.ts';
import { findReportKind, reportKinds } from './kinds.ts';
import { buildReport } from './service.ts';
import { PrintPage, ReportPage, reportCss, reportPaths } from './frame.tsx';
import { bundleName, reportBundle } from './bundle.ts';
import { printerFor } from './pdf.ts';
import { enqueue, openJobsOfKind, TooManyJobs } from '../jobs/service.ts';
import { presentJob } from '../jobs/api.ts';
import { jobOwner } from '../jobs/client.ts';
import { MAX_OPEN_PRINTS, printKey, PRINTS_PER_CLIENT, reportPrintKind } from './print-job.ts';
import { freshPrintById, freshPrintByKey, type ReportPrint } from './prints-repository.ts';

/** Kinds with more subjects than this offer a list to choose from instead of links. */
const MAX_LINKS = 30;

function SubjectPicker(props: { ctx: PageContext; kind: ReportKind; subjects: ReportSubject[] }) {
  const { ctx, kind, subjects } = props;
  const { t } = ctx;
  if (subjects.length === 0) return <p class="meta">{t('reports.noSubjects')}</p>;
  if (subjects.length <= MAX_LINKS) {
    return (
      <ul class="links">
        {subjects.map((s) => (
          <li>
            <a href={href(ctx, `/reports/${kind.id}/${encodeURIComponent(s.id)}`)}>
              <Foreign lang={s.lang ?? ctx.lang} page={ctx.lang} t={t}>
                {s.label}
              </Foreign>
            </a>
            {s.note ? (
              <div class="meta" dir="auto">
                {s.note}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  const id = `subject-${kind.id}`;
  return (
    <form method="get" action={href(ctx, `/reports/${kind.id}`)} class="inline">
      <div>
        <label for={id}>{t(kind.subjectLabel)}</label>
        <select id={id} name="subject">
          {subjects.map((s) => (
            <option value={s.id} lang={s.lang}>
              {s.label} ({s.id})
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('reports.open')}</button>
    </form>
  );
}

function IndexPage(props: { ctx: PageContext; kinds: { kind: ReportKind; subjects: ReportSubject[] }[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reports.title')}>
      <h1>{t('reports.title')}</h1>
      <p class="lede">{t('reports.lede')}</p>
      {props.kinds.map(({ kind, subjects }) => (
        <section aria-labelledby={`kind-${kind.id}`} id={kind.id}>
          <h2 id={`kind-${kind.id}`}>{t(kind.title)}</h2>
          <p>{t(kind.description)}</p>
          <SubjectPicker ctx={ctx} kind={kind} subjects={subjects} />
        </section>
      ))}
    </Layout>
  );
}

/** Why there is no PDF now, and what to do: the other forms of the report stay available. */
type PdfRefusal = 'missing' | 'busy' | 'tooMany';

const refusals = {
  missing: { status: 503, title: 'reports.pdfUnavailable', detail: 'reports.pdfMissing', retryAfter: undefined },
  busy: { status: 503, title: 'reports.pdfUnavailable', detail: 'reports.pdfBusy', retryAfter: '30' },
  tooMany: { status: 429, title: 'reports.pdfTooManyTitle', detail: 'reports.pdfTooMany', retryAfter: '30' },
} as const;

function PdfUnavailable(c: Context<AppEnv>, kind: ReportKind, subject: string, reason: PdfRefusal): Response | Promise<Response> {
  const lang = c.var.lang;
  const t = c.var.t;
  const refusal = refusals[reason];
  const values = { count: PRINTS_PER_CLIENT };
  const headers = refusal.retryAfter ? { 'Retry-After': refusal.retryAfter } : undefined;
  if (wantsJson(c)) {
    const problem = new Problem(
      refusal.status,
      refusal.status === 429 ? 'Too Many Requests' : 'Service Unavailable',
      translator('en')(refusal.detail, values),
    );
    const response = problemResponse(c, problem);
    if (headers) response.headers.set('Retry-After', headers['Retry-After']);
    return response;
  }
  const ctx = pageContext(c);
  const paths = reportPaths({ kind: kind.id, subject, lang });
  return c.html(
    <Layout ctx={ctx} title={t(refusal.title)}>
      <h1>{t(refusal.title)}</h1>
      <p>{t(refusal.detail, values)}</p>
      <ul>
        <li>
          <a href={paths.html}>{t('reports.webVersion')}</a>
        </li>
        <li>
          <a href={paths.zip}>{t('reports.downloadBundle')}</a>
        </li>
      </ul>
    </Layout>,
    refusal.status,
    headers,
  );
}

/** A program asking for JSON (not a browser, which also accepts HTML). */
function wantsJson(c: Context<AppEnv>): boolean {
  const accept = c.req.header('Accept') ?? '';
  return /application\/(problem\+)?json/.test(accept) && !accept.includes('text/html');
}

function pdfResponse(c: Context<AppEnv>, print: ReportPrint, cacheControl: string): Response {
  return c.body(print.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="${print.fileName}.pdf"`,
    'Cache-Control': cacheControl,
  });
}

export function registerReportPages(app: Hono<AppEnv>): void {
  const L = localePath;

  app.get(reportCss.path, (c) =>
    c.body(reportCss.body, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' }),
  );

  // A printed PDF, where a finished print job links (public data; kept a day).
  app.get(`${L}/reports/prints/:id{[0-9a-f-]{36}}`, async (c) => {
    const print = await freshPrintById(c.var.store.db, c.req.param('id'));
    if (!print) return errorPage(c, 404, c.var.lang, c.var.t('reports.printGone'));
    return pdfResponse(c, print, 'public, max-age=3600');
  });

  app.get(`${L}/reports`, async (c) => {
    const ctx = pageContext(c);
    const kinds = await Promise.all(reportKinds.map(async (kind) => ({ kind, subjects: await kind.subjects(c.var.store.db, ctx.lang) })));
    return c.html(<IndexPage ctx={ctx} kinds={kinds} />);
  });

  // The subject picker's form: on to the report.
  app.get(`${L}/reports/:kind`, (c, next) => {
    const kind = findReportKind(c.req.param('kind'));
    if (!kind) return next();
    const subject = c.req.query('subject')?.trim();
    return c.redirect(
      subject ? `/${c.var.lang}/reports/${kind.id}/${encodeURIComponent(subject)}` : `/${c.var.lang}/reports#${kind.id}`,
      303,
    );
  });

  app.get(`${L}/reports/:kind/:subject`, async (c, next) => {
    const kind = findReportKind(c.req.param('kind'));
    if (!kind) return next();
    const lang = c.var.lang;
    const t = c.var.t;
    const [, subject = '', format = 'html'] = /^(.+?)(?:\.(pdf|zip))?$/.exec(c.req.param('subject')) ?? [];
    const config = c.var.config;

    if (format === 'pdf') {
      // Say so before building anything when there is no chromium.
      if (!printerFor(config.chromium).available()) return PdfUnavailable(c, kind, subject, 'missing');
      const db = c.var.store.db;
      const report = await buildReport(kind, { db, subject, lang, publicUrl: config.publicUrl });
      if (!report) return errorPage(c, 404, lang, t('reports.notFound', { id: subject }));
      const kept = await freshPrintByKey(db, printKey(report));
      if (kept) return pdfResponse(c, kept, 'no-cache');
      const printKind = reportPrintKind({ db, config, fetch: (request) => app.fetch(request) });
      if ((await openJobsOfKind(db, printKind)) >= MAX_OPEN_PRINTS) return PdfUnavailable(c, kind, subject, 'busy');
      let job;
      try {
        job = await enqueue(db, printKind, { kind: kind.id, subject, lang }, { ...jobOwner(c), limitPerPerson: PRINTS_PER_CLIENT });
      } catch (error) {
        if (error instanceof TooManyJobs) return PdfUnavailable(c, kind, subject, 'tooMany');
        throw error;
      }
      const page = `/${lang}/jobs/${job.id}`;
      // A job's answers are its asker's: never kept by a shared cache.
      c.header('Cache-Control', 'private, no-store');
      if (wantsJson(c)) {
        c.header('Location', page);
        return c.json({ ...presentJob(job), links: { page } }, 202);
      }
      return c.redirect(page, 303);
    }

    const report = await buildReport(kind, { db: c.var.store.db, subject, lang, publicUrl: config.publicUrl });
    if (!report) return errorPage(c, 404, lang, t('reports.notFound', { id: subject }));

    if (format === 'zip') {
      const zip = reportBundle(report, kind.tables(report));
      return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${bundleName(report)}.zip"`,
        'Cache-Control': 'no-cache',
      });
    }

    const ctx = pageContext(c);
    const body = kind.render({ ctx, report });
    if (c.req.query('print') !== undefined) {
      return c.html(
        <PrintPage ctx={ctx} kind={kind} report={report}>
          {body}
        </PrintPage>,
      );
    }
    return c.html(
      <ReportPage ctx={ctx} kind={kind} report={report}>
        {body}
      </ReportPage>,
    );
  });
}
