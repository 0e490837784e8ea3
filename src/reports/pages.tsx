// Report pages: the index of report kinds and their subjects; a report as a web page (and its print
// version), as a PDF printed by chromium, and as a data bundle (zip). Without chromium the PDF
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
import { ChromiumMissing, PrinterBusy, printerFor } from './pdf.ts';

/** Kinds with more subjects than this offer a list to choose from instead of links. */
const MAX_LINKS = 30;
/** The origin the printer loads report pages from; its requests never leave the process. */
const PRINT_ORIGIN = 'http://concord.internal';

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

/** Why there is no PDF, and what the operator can do; the other forms of the report stay available. */
function PdfUnavailable(c: Context<AppEnv>, kind: ReportKind, subject: string, reason: 'missing' | 'busy'): Response | Promise<Response> {
  const lang = c.var.lang;
  const t = c.var.t;
  const status = 503;
  const detail = reason === 'missing' ? t('reports.pdfMissing') : t('reports.pdfBusy');
  const headers = reason === 'busy' ? { 'Retry-After': '30' } : undefined;
  const accept = c.req.header('Accept') ?? '';
  if (/application\/(problem\+)?json/.test(accept) && !accept.includes('text/html')) {
    const english = reason === 'missing' ? translator('en')('reports.pdfMissing') : translator('en')('reports.pdfBusy');
    const response = problemResponse(c, new Problem(status, 'Service Unavailable', english));
    if (headers) response.headers.set('Retry-After', headers['Retry-After']);
    return response;
  }
  const ctx = pageContext(c);
  const paths = reportPaths({ kind: kind.id, subject, lang });
  return c.html(
    <Layout ctx={ctx} title={t('reports.pdfUnavailable')}>
      <h1>{t('reports.pdfUnavailable')}</h1>
      <p>{detail}</p>
      <ul>
        <li>
          <a href={paths.html}>{t('reports.webVersion')}</a>
        </li>
        <li>
          <a href={paths.zip}>{t('reports.downloadBundle')}</a>
        </li>
      </ul>
    </Layout>,
    status,
    headers,
  );
}

export function registerReportPages(app: Hono<AppEnv>): void {
  const L = localePath;

  app.get(reportCss.path, (c) =>
    c.body(reportCss.body, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' }),
  );

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
      const printer = printerFor(config.chromium);
      // Say so before building anything when there is no chromium.
      if (!printer.available()) return PdfUnavailable(c, kind, subject, 'missing');
      const report = await buildReport(kind, { db: c.var.store.db, subject, lang, publicUrl: config.publicUrl });
      if (!report) return errorPage(c, 404, lang, t('reports.notFound', { id: subject }));
      try {
        const pdf = await printer.print({
          url: `${PRINT_ORIGIN}${reportPaths(report).print}`,
          fetch: (request) => app.fetch(request),
        });
        return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `inline; filename="${bundleName(report)}.pdf"`,
          'Cache-Control': 'no-cache',
        });
      } catch (error) {
        if (error instanceof ChromiumMissing) return PdfUnavailable(c, kind, subject, 'missing');
        if (error instanceof PrinterBusy) return PdfUnavailable(c, kind, subject, 'busy');
        throw error;
      }
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
