// The frame every report is drawn in: the site's layout on screen (with the links to the PDF, the
// data bundle and the JSON), or a bare page for printing (no navigation: what the PDF printer
// loads); the report's kind, title and generation date at the top; its sources at the end, each
// cited by the figures and tables that use it. Shared building blocks for the kinds' bodies.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { directionOf, type Language } from '../language/languages.ts';
import { assets } from '../web/assets.ts';
import { Foreign, href, Layout, type PageContext } from '../web/layout.tsx';
import type { Translate } from '../i18n/index.ts';
import { formatNumber, localeOf } from '../i18n/format.ts';
import type { ReportKind, Report } from './kind.ts';
import type { ReportSource } from './sources.ts';

const css = readFileSync(new URL('./report.css', import.meta.url));
export const reportCss = {
  path: `/assets/reports.${createHash('sha256').update(css).digest('hex').slice(0, 12)}.css`,
  body: css,
};

// Numbers as the reader's language writes them: the helpers every page shares (src/i18n/format.ts).
export { formatNumber, localeOf };

/** "17 March 2026, 09:30 UTC" in the report's language. */
export function formatGeneratedAt(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';
}

/** The anchor of a source in the report's list of sources. */
export const sourceAnchor = (id: string) => `source-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/** "Source: X; Y" under a figure or table, each linking to the list of sources. */
export function SourceNote(props: { t: Translate; report: Report<unknown>; ids: readonly string[] }) {
  const cited = props.ids.map((id) => props.report.sources.find((s) => s.id === id) ?? { id, title: id });
  if (cited.length === 0) return null;
  return (
    <p class="source-note">
      {props.t('reports.sourceLabel', { count: cited.length })}{' '}
      {cited.map((s, k) => (
        <>
          {k ? '; ' : ''}
          <a href={`#${sourceAnchor(s.id)}`} lang="en" dir="auto">
            {s.title}
          </a>
        </>
      ))}
    </p>
  );
}

/**
 * What a table leaves off paper: its empty rows, named in one compact line ("12 actions that
 * nothing serves yet 11 (b) · 11 (c) · …") instead of a row of zeros each (issue 16, item 4).
 * The rows carry class "empty"; the print stylesheet hides them.
 */
export function EmptyRows(props: { label: string; items: readonly string[] }) {
  if (props.items.length === 0) return null;
  return (
    <p class="empty-rows">
      <strong>{props.label}</strong>{' '}
      {props.items.map((item, k) => (
        <>
          {k ? ' · ' : ''}
          <bdi>{item}</bdi>
        </>
      ))}
    </p>
  );
}

let figures = 0;

/**
 * A chart (SVG text from src/charts) with its caption, its sources and the table of the same
 * figures. The SVG's ids are made unique, since a report holds several charts.
 */
export function Figure(props: {
  t: Translate;
  report: Report<unknown>;
  svg: string;
  caption: string;
  sources: readonly string[];
  children?: Child;
}) {
  const id = `fig${++figures}`;
  const svg = props.svg.replaceAll('chart-title', `${id}-title`).replaceAll('chart-desc', `${id}-desc`);
  return (
    <figure class="report-figure">
      {raw(svg)}
      <figcaption>
        {props.caption}
        <SourceNote t={props.t} report={props.report} ids={props.sources} />
      </figcaption>
      {props.children}
    </figure>
  );
}

function Sources(props: { t: Translate; sources: readonly ReportSource[] }) {
  const { t } = props;
  return (
    <section aria-labelledby="report-sources" class="report-sources">
      <h2 id="report-sources">{t('reports.sources')}</h2>
      <ol>
        {props.sources.map((s) => (
          <li id={sourceAnchor(s.id)}>
            <span lang="en" dir="auto">
              {s.address?.startsWith('http') ? <a href={s.address}>{s.title}</a> : s.title}
            </span>{' '}
            <code dir="ltr">{s.id}</code>
            {s.licence ? <> · {t('reports.licence', { name: s.licence })}</> : null}
            <div class="used" lang="en" dir="ltr">
              {s.usedFor.join('; ')}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The report's own addresses: the HTML, the PDF, the bundle, the JSON. */
export function reportPaths(report: { kind: string; subject: string; lang: Language }) {
  const base = `/${report.lang}/reports/${report.kind}/${encodeURIComponent(report.subject)}`;
  return {
    html: base,
    pdf: `${base}.pdf`,
    zip: `${base}.zip`,
    print: `${base}?print=1`,
    json: `/api/v1/reports/${report.kind}/${encodeURIComponent(report.subject)}?lang=${report.lang}`,
  };
}

function ReportArticle(props: { ctx: PageContext; kind: ReportKind; report: Report<unknown>; children: Child }) {
  const { ctx, report } = props;
  const { t } = ctx;
  return (
    <article class="report">
      <header class="report-head">
        <p class="kind">{t(props.kind.title)}</p>
        <h1>
          <Foreign lang={report.titleLang ?? ctx.lang} page={ctx.lang} t={t}>
            {report.title}
          </Foreign>
        </h1>
        <p class="meta">
          {t('reports.generatedAt')} <time datetime={report.generatedAt}>{formatGeneratedAt(ctx.lang, report.generatedAt)}</time> ·{' '}
          {t('reports.onlineAt')} <span dir="ltr">{report.address}</span>
        </p>
      </header>
      {props.children}
      <Sources t={t} sources={report.sources} />
    </article>
  );
}

/** The report as a page of the site, with the links to its other forms. */
export function ReportPage(props: { ctx: PageContext; kind: ReportKind; report: Report<unknown>; children: Child }) {
  const { ctx, report } = props;
  const { t } = ctx;
  const paths = reportPaths(report);
  return (
    <Layout ctx={ctx} title={report.title} head={<link rel="stylesheet" href={reportCss.path} />}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, '/reports')}>{t('reports.title')}</a>
          </li>
        </ol>
      </nav>
      <ul class="report-tools" aria-label={t('reports.formats')}>
        <li>
          {/* Format names in Latin letters keep their parenthesis in place on a right-to-left page. */}
          <a href={paths.pdf} dir="auto">
            {t('reports.downloadPdf')}
          </a>
        </li>
        <li>
          <a href={paths.zip}>{t('reports.downloadBundle')}</a>
        </li>
        <li>
          <a href={paths.json} dir="auto">
            {t('reports.asJson')}
          </a>
        </li>
        <li>
          <a href={paths.print}>{t('reports.printVersion')}</a>
        </li>
      </ul>
      <ReportArticle ctx={ctx} kind={props.kind} report={report}>
        {props.children}
      </ReportArticle>
    </Layout>
  );
}

/** The report alone, for printing: no navigation, no links to other forms (what the PDF is made from). */
export function PrintPage(props: { ctx: PageContext; kind: ReportKind; report: Report<unknown>; children: Child }) {
  const { ctx, report } = props;
  return (
    <html lang={ctx.lang} dir={directionOf(ctx.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${report.title} · Concord`}</title>
        <link rel="stylesheet" href={assets.cssPath} />
        <link rel="stylesheet" href={reportCss.path} />
      </head>
      <body class="report-print">
        <main id="main">
          <ReportArticle ctx={ctx} kind={props.kind} report={report}>
            {props.children}
          </ReportArticle>
        </main>
      </body>
    </html>
  );
}
