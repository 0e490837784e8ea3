// Indicator pages: the catalogue, an indicator (definition, elements, chart with target, gaps, map,
// data table, assessments with their components and method), area profiles, the 2030 dashboard,
// the SVG charts as files, and a section on element pages. Read pages need no JavaScript.
import type { Context, Hono } from 'hono';
import { uploadLimitWith } from '../web/upload-limit.ts';
import { raw } from 'hono/html';
import type { AppEnv } from '../web/env.ts';
import { Foreign, href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { registerSection, renderSections } from '../web/sections.tsx';
import { errorPage } from '../web/error-page.tsx';
import { csrfValid } from '../web/session.ts';
import { Refusal } from '../shared/refusal.ts';
import type { MessageKey } from '../i18n/index.ts';
import { directionOf, type Language } from '../language/languages.ts';
import { areaCatalog, type AreaCatalog } from '../areas/index.ts';
import {
  elementsOf,
  findObservations,
  importFormats,
  importObservations,
  type ImportFormat,
  type ImportReport,
  getIndicator,
  indicatorsMeasuring,
  listIndicators,
  targetsOf,
  chartTarget,
  type IndicatorSummary,
} from './service.ts';
import { aggregateSourcePrefix, storedAssessments, type StoredAssessment } from './assess.ts';
import { areaName, areaProfile, dashboard, headline } from './profile.ts';
import { methods, paritySeries, parityBand, type MethodId } from './assessment.ts';
import { choroplethSvg, svgToPng, timeSeriesSvg } from '../charts/svg.ts';
import type { Observation } from './observation.ts';
import { sql } from '../store/sql.ts';
import { canImport } from './policy.ts';
import { formatMeasure, unitDigits, unitName } from './units.ts';

const methodIds = Object.keys(methods) as MethodId[];

function methodOf(value: string | undefined): MethodId {
  return methodIds.includes(value as MethodId) ? (value as MethodId) : 'unsd-2022-cr';
}

function num(lang: Language, value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

const enc = encodeURIComponent;

function nameOf(catalog: AreaCatalog, code: string, lang: Language): string {
  const area = catalog.areas.get(code);
  return area ? areaName(area, lang).name : code;
}

/** Every source's title, read once per request however many sections of a page name sources. */
const titlesOfRequest = new WeakMap<Request, Promise<Map<string, string>>>();

/**
 * The readable names of the sources of observations (their titles in the sources table); an
 * imported source not in that table keeps the name its importer gave it. A Concord aggregate is
 * named after the source it was computed from. The sources table is small reference data: one
 * statement per request reads all of it (the page's query budget, src/web/query-budget.int.test.ts).
 */
async function sourceNames(c: Context<AppEnv>, ids: readonly string[]): Promise<Map<string, string>> {
  const of = (id: string) => (id.startsWith(aggregateSourcePrefix) ? id.slice(aggregateSourcePrefix.length) : id);
  let titles = titlesOfRequest.get(c.req.raw);
  if (!titles) {
    titles = c.var.store.db
      .query<{ id: string; title: string }>(sql`SELECT id, title FROM sources`)
      .then((rows) => new Map(rows.map((r) => [r.id, r.title])));
    titlesOfRequest.set(c.req.raw, titles);
  }
  const known = await titles;
  return new Map(ids.map((id) => [id, known.get(of(id)) ?? of(id)]));
}

/** Who an assessment's series comes from: the publisher's own figure, or Concord's aggregate of member countries. */
function AssessedFrom(props: { ctx: PageContext; source: string; names: ReadonlyMap<string, string> }) {
  const name = props.names.get(props.source) ?? props.source;
  return (
    <span title={props.source}>
      {props.ctx.t(props.source.startsWith(aggregateSourcePrefix) ? 'indicator.from.concord' : 'indicator.from.published', {
        source: name,
      })}
    </span>
  );
}

/**
 * An indicator whose two assessments for one target disagree: the publisher's own aggregate and
 * Concord's mean of member countries run through the same method yet start from different
 * series, so they may land in different categories. The area page says which is which.
 */
interface Disagreement {
  indicator: string;
  published: StoredAssessment;
  concord: StoredAssessment;
}

function disagreements(rows: readonly { indicator: IndicatorSummary; assessments: readonly StoredAssessment[] }[]): Disagreement[] {
  return rows.flatMap((row) => {
    const totals = row.assessments.filter((a) => a.variant === 'total' && a.status === 'assessed');
    return [...new Set(totals.map((a) => a.targetId))].flatMap((target) => {
      const ofTarget = totals.filter((a) => a.targetId === target);
      const concord = ofTarget.find((a) => a.source.startsWith(aggregateSourcePrefix));
      const published = ofTarget.find((a) => !a.source.startsWith(aggregateSourcePrefix));
      return concord && published && concord.category !== published.category ? [{ indicator: row.indicator.name, published, concord }] : [];
    });
  });
}

function DisagreementNote(props: { ctx: PageContext; items: readonly Disagreement[]; names: ReadonlyMap<string, string> }) {
  const { t } = props.ctx;
  const category = (a: StoredAssessment) => t(`indicator.category.${a.category ?? 'deterioration'}` as MessageKey);
  if (props.items.length === 0) return null;
  return (
    <div class="note" role="note">
      <p>{t('area.disagreeIntro')}</p>
      <ul>
        {props.items.map((d) => (
          <li>
            {t('area.disagree', {
              indicator: d.indicator,
              published: category(d.published),
              publishedYear: String(d.published.components.latestYear ?? '—'),
              source: props.names.get(d.published.source) ?? d.published.source,
              concord: category(d.concord),
              concordYear: String(d.concord.components.latestYear ?? '—'),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CategoryBadge(props: { ctx: PageContext; a: StoredAssessment | null | undefined }) {
  const { t } = props.ctx;
  if (!props.a) return <span class="meta">{t('indicators.noData')}</span>;
  if (props.a.status === 'insufficient-data')
    return (
      <span class="badge">
        {t('indicator.insufficient')}
        {props.a.reason ? ` (${t(`indicator.reason.${props.a.reason}` as MessageKey)})` : ''}
      </span>
    );
  return (
    <span class={`badge category-${props.a.category ?? ''}`}>
      {t(`indicator.category.${props.a.category ?? 'deterioration'}` as MessageKey)}
    </span>
  );
}

function MethodForm(props: { ctx: PageContext; method: MethodId; action: string; extra?: Record<string, string> }) {
  const { t } = props.ctx;
  return (
    <form method="get" action={props.action} class="inline-form">
      {Object.entries(props.extra ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <label for="method">{t('indicator.method')}</label>{' '}
      <select id="method" name="method">
        {methodIds.map((m) => (
          <option value={m} selected={m === props.method}>
            {t(`indicator.method.${m}` as MessageKey)}
          </option>
        ))}
      </select>{' '}
      <button type="submit">{t('indicator.show')}</button>
    </form>
  );
}

function AssessmentTable(props: {
  ctx: PageContext;
  rows: readonly StoredAssessment[];
  catalog: AreaCatalog;
  caption: string;
  /** Each indicator's unit, so that values are rounded to what it supports. */
  units: ReadonlyMap<string, string>;
  sourceNames: ReadonlyMap<string, string>;
}) {
  const { t, lang } = props.ctx;
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicator.area')}</th>
            <th scope="col">{t('indicator.source')}</th>
            <th scope="col">{t('indicator.base')}</th>
            <th scope="col">{t('indicator.latest')}</th>
            <th scope="col">{t('indicators.targets')}</th>
            <th scope="col">{t('indicator.ratio')}</th>
            <th scope="col">{t('indicator.category')}</th>
            <th scope="col">{t('indicator.projection', { year: '2030' })}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((a) => {
            const c = a.components;
            const unit = props.units.get(a.indicatorCode) ?? '';
            // A parity score (female ÷ male) is read against 0.98-1.02: it keeps three decimals whatever the unit.
            const value = (v: number | null | undefined) => (a.variant === 'total' ? formatMeasure(lang, v, unit) : num(lang, v, 3));
            return (
              <tr>
                <th scope="row">
                  {/* World Bank aggregates are named in English only: on an Arabic page the name keeps its own direction. */}
                  <a href={href(props.ctx, `/areas/${enc(a.area)}`)} dir="auto">
                    {nameOf(props.catalog, a.area, lang)}
                  </a>
                  {a.variant !== 'total' ? (
                    <span class="meta"> · {t(`indicator.gap.${a.variant.split(':')[1] ?? 'SEX'}` as MessageKey)}</span>
                  ) : null}
                </th>
                <td>
                  <AssessedFrom ctx={props.ctx} source={a.source} names={props.sourceNames} />
                </td>
                <td>
                  {value(c.baseValue)} ({c.baseYear ?? '—'})
                </td>
                <td>
                  {value(c.latestValue)} ({c.latestYear ?? '—'})
                </td>
                <td>
                  {value(c.targetValue)} ({c.targetYear})
                </td>
                <td>
                  {c.ratioName} = {num(lang, c.ratio, 3)}
                  <span class="meta">
                    {' '}
                    (CAGR {num(lang, c.cagrActual === null ? null : c.cagrActual * 100)} % /{' '}
                    {num(lang, c.cagrRequired === null ? null : c.cagrRequired * 100)} %)
                  </span>
                </td>
                <td>
                  <CategoryBadge ctx={props.ctx} a={a} />
                </td>
                <td>
                  {a.projection ? (
                    <span title={a.projection.description}>
                      {value(a.projection.value)}
                      {a.projection.clamped ? ` (${value(a.projection.unclampedValue)})` : ''}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function DataTable(props: { ctx: PageContext; observations: readonly Observation[]; caption: string; catalog: AreaCatalog }) {
  const { t, lang } = props.ctx;
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicator.area')}</th>
            <th scope="col">{t('indicator.year')}</th>
            <th scope="col">{t('indicator.disaggregations')}</th>
            <th scope="col">{t('indicator.value')}</th>
            <th scope="col">{t('indicator.status')}</th>
            <th scope="col">{t('indicator.source')}</th>
          </tr>
        </thead>
        <tbody>
          {props.observations.map((o) => (
            <tr>
              <td>{nameOf(props.catalog, o.area, lang)}</td>
              <td>{o.period}</td>
              <td>
                {Object.entries(o.dimensions)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ') || t('indicator.variant.total')}
              </td>
              <td>{formatMeasure(lang, o.value, o.unit)}</td>
              <td>{o.status === 'E' || o.status === 'P' ? t(`indicator.status.${o.status}`) : (o.status ?? '')}</td>
              <td>
                <code>{o.source}</code>
                {o.notes ? <span class="meta"> {o.notes}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The series chart of one indicator and area: one line per source, the target line. */
async function seriesChart(c: Context<AppEnv>, indicator: IndicatorSummary, area: string, catalog: AreaCatalog, lang: Language) {
  const t = c.var.t;
  const [observations, target] = await Promise.all([
    findObservations(c.var.store.db, { indicator: indicator.code, areas: [area], totalsOnly: true }),
    chartTarget(c.var.store.db, indicator.code, area),
  ]);
  const sources = [...new Set(observations.map((o) => o.source))];
  const names = await sourceNames(c, sources);
  const series = sources.map((s) => ({
    label: names.get(s) ?? s,
    points: observations.filter((o) => o.source === s && /^\d{4}$/.test(o.period)).map((o) => ({ year: Number(o.period), value: o.value })),
  }));
  const years = observations.map((o) => Number(o.period.slice(0, 4)));
  const svg =
    observations.length === 0
      ? null
      : timeSeriesSvg({
          title: t('chart.seriesTitle', { indicator: indicator.name, area: nameOf(catalog, area, lang) }),
          desc: t('chart.seriesDesc', { count: observations.length, from: Math.min(...years), to: Math.max(...years) }),
          lang,
          rtl: directionOf(lang) === 'rtl',
          series,
          ...(target
            ? {
                target: {
                  year: target.year,
                  value: target.value,
                  label: t('indicator.target', { value: formatMeasure(lang, target.value, indicator.unit), year: String(target.year) }),
                },
              }
            : {}),
          ...(indicator.limits.max !== undefined ? { domain: { min: 0, max: indicator.limits.max } } : {}),
          unitLabel: unitName(t, indicator.unit),
        });
  return { svg, observations };
}

async function gapChart(
  c: Context<AppEnv>,
  indicator: IndicatorSummary,
  area: string,
  dimension: string,
  catalog: AreaCatalog,
  lang: Language,
) {
  const t = c.var.t;
  const observations = (await findObservations(c.var.store.db, { indicator: indicator.code, areas: [area] })).filter(
    (o) => Object.keys(o.dimensions).length === 1 && o.dimensions[dimension] !== undefined,
  );
  const [num_, den] = dimension === 'SEX' ? ['F', 'M'] : ['R', 'U'];
  const sources = [...new Set(observations.map((o) => o.source))];
  const names = await sourceNames(c, sources);
  const series = sources
    .map((s) => {
      const of = (code: string) =>
        observations
          .filter((o) => o.source === s && o.dimensions[dimension] === code && /^\d{4}$/.test(o.period))
          .map((o) => ({ year: Number(o.period), value: o.value }));
      return { label: names.get(s) ?? s, points: paritySeries(of(num_ ?? 'F'), of(den ?? 'M')) };
    })
    .filter((s) => s.points.length > 0);
  if (series.length === 0) return null;
  const count = series.reduce((n, s) => n + s.points.length, 0);
  return {
    series,
    svg: timeSeriesSvg({
      title: t('chart.gapTitle', { indicator: indicator.name, area: nameOf(catalog, area, lang) }),
      desc: t('chart.gapDesc', { count }),
      lang,
      rtl: directionOf(lang) === 'rtl',
      series,
      band: { low: parityBand.low, high: parityBand.high, label: t('indicator.gap.band') },
      unitLabel: t(`indicator.gap.${dimension}` as MessageKey),
    }),
  };
}

async function mapData(c: Context<AppEnv>, code: string, catalog: AreaCatalog, lang: Language) {
  const rows = await c.var.store.db.query<{ area: string; period: string; value: number; source: string }>(
    // The latest total per country, from whichever source has the latest year (ties: by source id).
    sql`
      SELECT DISTINCT ON (area) area, period, value, source FROM observations
      WHERE indicator_code = ${code} AND dimensions_key = '[]' AND period ~ '^[0-9]{4}$'
      ORDER BY area, year DESC, source`,
  );
  const values = new Map<string, { value: number; name: string; year: number; source: string; code: string }>();
  for (const r of rows) {
    const area = catalog.areas.get(r.area);
    if (area?.kind !== 'country' || !area.m49) continue;
    values.set(area.m49, {
      value: Number(r.value),
      name: areaName(area, lang).name,
      year: Number(r.period),
      source: r.source,
      code: r.area,
    });
  }
  return values;
}

function ImportPage(props: { ctx: PageContext & { csrf: string }; allowed: boolean; report?: ImportReport; error?: string }) {
  const { ctx } = props;
  const { t, lang } = ctx;
  const report = props.report;
  return (
    <Layout ctx={ctx} title={t('indicators.import')}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <a href={href(ctx, '/indicators')}>{t('indicators.title')}</a>
      </nav>
      <h1>{t('indicators.import')}</h1>
      <p class="lede">{t('indicators.importIntro')}</p>
      {props.error ? (
        <div class="note error" role="alert">
          <p>{props.error}</p>
        </div>
      ) : null}
      {report?.ok ? (
        <div class="note" role="status">
          <p>
            {t('indicators.importDone', {
              count: report.rows,
              created: report.inserted,
              updated: report.updated,
              unchanged: report.unchanged,
            })}
          </p>
        </div>
      ) : null}
      {report && !report.ok ? (
        <div role="alert">
          <p class="note error">{t('indicators.importFailed', { count: report.issues.length })}</p>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t('indicators.importFailed', { count: report.issues.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.importRow')}</th>
                  <th scope="col">{t('indicators.importField')}</th>
                  <th scope="col">{t('indicators.importProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.slice(0, 500).map((i) => (
                  <tr>
                    <td>
                      {num(lang, i.row, 0)}
                      {i.where ? <span class="meta"> {i.where}</span> : null}
                    </td>
                    <td>
                      <code>{i.field}</code>
                    </td>
                    <td lang="en">
                      {i.message} <span class="meta">({i.code})</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {props.allowed ? (
        <form method="post" action={href(ctx, '/indicators/import')} enctype="multipart/form-data">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <div class="field">
            <label for="f-file">{t('indicators.importFile')}</label>
            <input id="f-file" name="file" type="file" accept=".csv,.json,.xml,text/csv,application/json,application/xml" required />
          </div>
          <div class="field">
            <label for="f-format">{t('indicators.importFormat')}</label>
            <select id="f-format" name="format">
              <option value="">{t('indicators.importFormatAuto')}</option>
              {importFormats.map((f) => (
                <option value={f}>{f}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-source">{t('indicators.importSource')}</label>
            <input id="f-source" name="source" type="text" maxlength={200} />
          </div>
          <button type="submit">{t('indicators.importSubmit')}</button>
        </form>
      ) : ctx.user ? (
        <p>{t('indicators.importReviewersOnly')}</p>
      ) : (
        <p>
          <a href={href(ctx, '/sign-in?next=' + encodeURIComponent(`/${lang}/indicators/import`))}>{t('nav.signIn')}</a>
        </p>
      )}
    </Layout>
  );
}

export function registerIndicatorPages(app: Hono<AppEnv>): void {
  const L = localePath;

  registerSection(app, 'element', async ({ db, id, ctx }) => {
    const measuring = await indicatorsMeasuring(db, id);
    const all = new Map((await listIndicators(db, ctx.lang)).map((i) => [i.code, i]));
    return (
      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">{ctx.t('indicators.section')}</h2>
        {measuring.length === 0 ? (
          <p class="meta">{ctx.t('indicators.sectionNone')}</p>
        ) : (
          <ul>
            {measuring.map((m) => (
              <li>
                <a href={href(ctx, `/indicators/${enc(m.code)}`)}>{all.get(m.code)?.name ?? m.code}</a>{' '}
                <span class="meta">
                  ({ctx.t(`indicator.linkType.${m.type}` as MessageKey)} <code>{m.elementId}</code>)
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  });

  app.get(`${L}/indicators`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const items = await listIndicators(c.var.store.db, ctx.lang, { counts: true });
    return c.html(
      <Layout ctx={ctx} title={t('indicators.title')} description={t('indicators.intro')}>
        <h1>{t('indicators.title')}</h1>
        <p class="lede">{t('indicators.intro')}</p>
        <p>
          <a href={href(ctx, '/indicators/dashboard')}>{t('indicators.dashboard')}</a> ·{' '}
          <a href={href(ctx, '/areas')}>{t('area.profiles')}</a> · <a href="/api/v1/indicators">JSON</a>
        </p>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('indicators.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.name')}</th>
                <th scope="col">{t('indicators.code')}</th>
                <th scope="col">{t('indicators.unit')}</th>
                <th scope="col">{t('indicators.observations')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr>
                  <th scope="row">
                    <a href={href(ctx, `/indicators/${enc(i.code)}`)}>
                      <Foreign lang={i.lang} page={ctx.lang} t={t}>
                        {i.name}
                      </Foreign>
                    </a>
                  </th>
                  <td>
                    <code>{i.code}</code>
                  </td>
                  <td>{unitName(t, i.unit)}</td>
                  <td>{num(ctx.lang, i.observationCount, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
    );
  });

  const mayImport = (c: Context<AppEnv>) => canImport(c.var.user);
  app.get(`${L}/indicators/import`, (c) => c.html(<ImportPage ctx={pageContext(c)} allowed={mayImport(c)} />));
  app.post(
    `${L}/indicators/import`,
    uploadLimitWith((c, max) =>
      c.html(<ImportPage ctx={pageContext(c)} allowed={mayImport(c)} error={c.var.t('indicators.importTooLarge', { mb: max })} />, 413),
    ),
    async (c) => {
      const ctx = pageContext(c);
      const user = c.var.user;
      if (!user) throw new Refusal(401, 'account.signInFirst');
      const body = await c.req.parseBody();
      if (!csrfValid(c, body._csrf)) throw new Refusal(403, 'form.csrf');
      if (!mayImport(c)) return c.html(<ImportPage ctx={ctx} allowed={false} error={ctx.t('indicators.importReviewersOnly')} />, 403);
      const file = body.file;
      if (!(file instanceof File) || file.size === 0)
        return c.html(<ImportPage ctx={ctx} allowed error={ctx.t('indicators.importNoFile')} />, 400);
      const format =
        typeof body.format === 'string' && (importFormats as readonly string[]).includes(body.format)
          ? (body.format as ImportFormat)
          : undefined;
      const source = typeof body.source === 'string' ? body.source.trim().slice(0, 200) : '';
      const report = await importObservations(c.var.store, await file.text(), {
        actor: `user:${user.id}`,
        ...(format ? { format } : {}),
        ...(source ? { defaultSource: source } : {}),
      });
      return c.html(<ImportPage ctx={ctx} allowed report={report} />, report.ok ? 200 : 400);
    },
  );

  app.get(`${L}/indicators/dashboard`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const method = methodOf(c.req.query('method'));
    const data = await dashboard(c.var.store.db, ctx.lang, method);
    const Block = (props: { heading: string; entries: typeof data.gdc }) => (
      <section>
        <h2>{props.heading}</h2>
        {props.entries.map((e) => (
          <article class="card">
            <h3>
              <a href={href(ctx, `/elements/${enc(e.elementId)}`)}>
                <code>{e.elementId}</code>
              </a>{' '}
              {e.title}
            </h3>
            {e.indicators.length === 0 ? (
              <p class="meta">{t('indicators.sectionNone')}</p>
            ) : (
              <ul>
                {e.indicators.map((i) => (
                  <li>
                    <a href={href(ctx, `/indicators/${enc(i.code)}?method=${method}`)}>{i.name}</a>
                    {i.unit ? <span class="meta"> ({unitName(t, i.unit)})</span> : null}: <CategoryBadge ctx={ctx} a={i.world} />
                    {i.world ? (
                      <span class="meta">
                        {' '}
                        {formatMeasure(ctx.lang, i.world.components.latestValue, i.unit)} ({i.world.components.latestYear ?? '—'}),{' '}
                        <code>{i.world.source}</code>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </article>
        ))}
      </section>
    );
    return c.html(
      <Layout ctx={ctx} title={t('indicators.dashboard')}>
        <h1>{t('indicators.dashboard')}</h1>
        <p class="lede">{t('indicators.dashboardIntro')}</p>
        <MethodForm ctx={ctx} method={method} action={href(ctx, '/indicators/dashboard')} />
        <Block heading={t('indicators.gdcObjectives')} entries={data.gdc} />
        <Block heading={t('indicators.actionLines')} entries={data.wsis} />
      </Layout>,
    );
  });

  app.get(`${L}/areas`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const catalog = await areaCatalog();
    const list = [...catalog.areas.values()];
    const link = (code: string) => <a href={href(ctx, `/areas/${enc(code)}`)}>{nameOf(catalog, code, ctx.lang)}</a>;
    return c.html(
      <Layout ctx={ctx} title={t('area.profiles')}>
        <h1>{t('area.profiles')}</h1>
        <h2>{t('area.groups')}</h2>
        <ul class="columns">
          {list
            .filter((a) => a.kind !== 'country')
            .map((a) => (
              <li>
                {link(a.code)} <span class="meta">{a.code}</span>
              </li>
            ))}
        </ul>
        <h2>{t('area.countries')}</h2>
        <ul class="columns">
          {list
            .filter((a) => a.kind === 'country')
            .sort((a, b) => nameOf(catalog, a.code, ctx.lang).localeCompare(nameOf(catalog, b.code, ctx.lang), ctx.lang))
            .map((a) => (
              <li>
                {link(a.code)} <span class="meta">{a.code}</span>
              </li>
            ))}
        </ul>
      </Layout>,
    );
  });

  app.get(`${L}/areas/:code`, async (c) => {
    const ctx = pageContext(c);
    const { t, lang } = ctx;
    const method = methodOf(c.req.query('method'));
    const catalog = await areaCatalog();
    const profile = await areaProfile(c.var.store.db, c.req.param('code'), lang, method, catalog);
    if (!profile) return errorPage(c, 404, lang, t('area.notFound', { code: c.req.param('code') }));
    const assessed = profile.indicators.flatMap((r) => r.assessments);
    const names = await sourceNames(c, [
      ...assessed.map((a) => a.source),
      ...profile.indicators.flatMap((r) => r.latest.map((l) => l.source)),
    ]);
    const units = new Map(profile.indicators.map((r) => [r.indicator.code, r.indicator.unit]));
    const disagreeing = disagreements(profile.indicators);
    const charts = await Promise.all(
      profile.indicators
        .filter((row) => row.latest.length > 0)
        .map(async (row) => ({ row, chart: await seriesChart(c, row.indicator, profile.area.code, catalog, lang) })),
    );
    return c.html(
      <Layout ctx={ctx} title={t('area.title', { name: profile.area.name })}>
        <h1>
          <Foreign lang={profile.area.nameLang} page={lang} t={t}>
            {t('area.title', { name: profile.area.name })}
          </Foreign>
        </h1>
        <p class="meta">
          <bdi>
            {profile.area.code}
            {profile.area.m49 ? ` · M49 ${profile.area.m49}` : ''}
          </bdi>
          {profile.area.within.length ? ' · ' : ''}
          {profile.area.within.map((w, i) => (
            <>
              {i ? ', ' : ''}
              <a href={href(ctx, `/areas/${enc(w)}`)}>{nameOf(catalog, w, lang)}</a>
            </>
          ))}
        </p>
        {profile.membership ? (
          <details>
            <summary>{t('area.members', { year: String(profile.membership.year), count: profile.membership.members.length })}</summary>
            <p>
              {profile.membership.members.map((m, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={href(ctx, `/areas/${m}`)}>{nameOf(catalog, m, lang)}</a>
                </>
              ))}
            </p>
            {profile.membership.caveats.length ? (
              <div class="note" role="note">
                <p>{t('area.membershipCaveats')}</p>
                <ul>
                  {profile.membership.caveats.map((x) => (
                    <li lang="en" dir="auto">
                      {x}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </details>
        ) : null}
        <MethodForm ctx={ctx} method={method} action={href(ctx, `/areas/${enc(profile.area.code)}`)} />
        {await renderSections(c, 'area', { db: c.var.store.db, id: profile.area.code, ctx, user: c.var.user })}
        <h2>{t('area.latest')}</h2>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('area.latest')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.name')}</th>
                <th scope="col">{t('indicator.latest')}</th>
                <th scope="col">{t('indicator.source')}</th>
                <th scope="col">{t('indicator.category')}</th>
              </tr>
            </thead>
            <tbody>
              {profile.indicators.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={href(ctx, `/indicators/${enc(row.indicator.code)}?area=${enc(profile.area.code)}&method=${method}`)}>
                      {row.indicator.name}
                    </a>
                  </th>
                  <td>
                    {row.latest.map((l) => (
                      <div>
                        {formatMeasure(lang, l.value, row.indicator.unit)} ({l.period})
                      </div>
                    ))}
                  </td>
                  <td>
                    {row.latest.map((l) => (
                      <div>
                        <span title={l.source}>{names.get(l.source) ?? l.source}</span>
                      </div>
                    ))}
                  </td>
                  <td>
                    <CategoryBadge ctx={ctx} a={headline(row.assessments)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {charts.map(({ row, chart }) =>
          chart.svg ? (
            <figure class="chart">
              {raw(chart.svg)}
              <figcaption>
                {row.indicator.name} ·{' '}
                <a href={href(ctx, `/charts/series.svg?indicator=${enc(row.indicator.code)}&area=${enc(profile.area.code)}`)} download>
                  {t('chart.downloadSvg')}
                </a>{' '}
                ·{' '}
                <a href={`/api/v1/indicators/${enc(row.indicator.code)}/observations?format=csv&area=${enc(profile.area.code)}`}>
                  {t('chart.downloadCsv')}
                </a>
              </figcaption>
              <details>
                <summary>{t('indicator.table')}</summary>
                <DataTable ctx={ctx} observations={chart.observations} caption={row.indicator.name} catalog={catalog} />
              </details>
            </figure>
          ) : null,
        )}
        {profile.indicators.some((r) => r.assessments.length > 0) ? (
          <>
            <h2>{t('indicator.assessment')}</h2>
            <DisagreementNote ctx={ctx} items={disagreeing} names={names} />
            <AssessmentTable
              ctx={ctx}
              rows={assessed}
              catalog={catalog}
              caption={t(`indicator.method.${method}` as MessageKey)}
              units={units}
              sourceNames={names}
            />
          </>
        ) : null}
      </Layout>,
    );
  });

  // Charts as files (the same SVG the pages show, or that SVG as PNG), for download and <img>.
  const charts: Record<'series' | 'gap' | 'map', (c: Context<AppEnv>) => Promise<string | null>> = {
    series: async (c) => {
      const catalog = await areaCatalog();
      const indicator = await getIndicator(c.var.store.db, c.req.query('indicator') ?? '', c.var.lang);
      const area = catalog.resolve(c.req.query('area') ?? '001');
      if (!indicator || !area) return null;
      return (await seriesChart(c, indicator, area, catalog, c.var.lang)).svg;
    },
    gap: async (c) => {
      const catalog = await areaCatalog();
      const indicator = await getIndicator(c.var.store.db, c.req.query('indicator') ?? '', c.var.lang);
      const area = catalog.resolve(c.req.query('area') ?? '001');
      const dimension = c.req.query('dimension') === 'URBANISATION' ? 'URBANISATION' : 'SEX';
      if (!indicator || !area) return null;
      return (await gapChart(c, indicator, area, dimension, catalog, c.var.lang))?.svg ?? null;
    },
    map: async (c) => {
      const catalog = await areaCatalog();
      const lang = c.var.lang;
      const indicator = await getIndicator(c.var.store.db, c.req.query('indicator') ?? '', lang);
      if (!indicator) return null;
      const values = await mapData(c, indicator.code, catalog, lang);
      return choroplethSvg({
        title: c.var.t('chart.mapTitle', { indicator: indicator.name }),
        desc: c.var.t('chart.mapDesc', { count: values.size }),
        lang,
        rtl: directionOf(lang) === 'rtl',
        values,
        breaks: indicator.unit === 'PT' ? [20, 40, 60, 80] : [10, 25, 50, 100],
        noDataLabel: c.var.t('chart.noData'),
        unitLabel: unitName(c.var.t, indicator.unit),
        digits: unitDigits(indicator.unit),
      });
    },
  };
  for (const [kind, render] of Object.entries(charts)) {
    app.get(`${L}/charts/${kind}.svg`, async (c) => {
      const svg = await render(c);
      if (!svg) return c.notFound();
      return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
    });
    app.get(`${L}/charts/${kind}.png`, async (c) => {
      const svg = await render(c);
      if (!svg) return c.notFound();
      return c.body(new Uint8Array(await svgToPng(svg)), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=300' });
    });
  }

  app.get(`${L}/indicators/:code{.+}`, async (c) => {
    const ctx = pageContext(c);
    const { t, lang } = ctx;
    const code = c.req.param('code');
    const db = c.var.store.db;
    const indicator = await getIndicator(db, code, lang);
    if (!indicator) return errorPage(c, 404, lang, t('indicators.notFound', { code }));
    const catalog = await areaCatalog();
    const method = methodOf(c.req.query('method'));
    const area = catalog.resolve(c.req.query('area') ?? '001') ?? '001';
    const [elements, targets, assessments] = await Promise.all([
      elementsOf(db, code, lang),
      targetsOf(db, code),
      storedAssessments(db, { indicator: code, method }),
    ]);
    const series = await seriesChart(c, indicator, area, catalog, lang);
    const gaps = (
      await Promise.all(
        ['SEX', 'URBANISATION']
          .filter((d) => indicator.disaggregations.includes(d))
          .map(async (d) => ({ dimension: d, gap: await gapChart(c, indicator, area, d, catalog, lang) })),
      )
    ).filter((g) => g.gap !== null);
    const mapValues: Awaited<ReturnType<typeof mapData>> =
      indicator.kind === 'national' ? new Map<string, never>() : await mapData(c, code, catalog, lang);
    const shown = assessments.filter((a) => a.area === area || catalog.areas.get(a.area)?.kind !== 'country');
    const q = (extra: string) => `/indicators/${enc(code)}?${extra}`;
    return c.html(
      <Layout ctx={ctx} title={indicator.name} description={indicator.definition ?? undefined}>
        <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
          <a href={href(ctx, '/indicators')}>{t('indicators.title')}</a>
        </nav>
        <h1>
          <Foreign lang={indicator.lang} page={lang} t={t}>
            {indicator.name}
          </Foreign>
        </h1>
        <p class="meta">
          <code>{indicator.code}</code>
          {indicator.sdgSeries ? (
            <>
              {' · '}
              <bdi>
                SDG <code>{indicator.sdgSeries}</code>
              </bdi>
            </>
          ) : null}
        </p>
        <h2>{t('indicator.definition')}</h2>
        {indicator.definition ? (
          <Foreign lang={indicator.definitionLang} page={lang} t={t} block>
            <p>{indicator.definition}</p>
          </Foreign>
        ) : null}
        <dl class="facts">
          <dt>{t('indicators.unit')}</dt>
          <dd>{unitName(t, indicator.unit)}</dd>
          <dt>{t('indicator.direction')}</dt>
          <dd>{t(`indicator.direction.${indicator.direction}`)}</dd>
          <dt>{t('indicator.disaggregations')}</dt>
          <dd>{indicator.disaggregations.join(', ') || '—'}</dd>
          <dt>{t('indicator.source')}</dt>
          <dd>
            {indicator.source.address?.startsWith('http') ? (
              <a href={indicator.source.address}>{indicator.source.title}</a>
            ) : (
              indicator.source.title
            )}
          </dd>
          <dt>{t('indicator.licence')}</dt>
          <dd>{indicator.licence}</dd>
        </dl>
        {indicator.caveats.length ? (
          <div class="note" role="note">
            <p>{t('indicator.caveats')}</p>
            <ul>
              {indicator.caveats.map((x) => (
                <li lang="en" dir="auto">
                  {x}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <h2>{t('indicator.measures')}</h2>
        <ul>
          {elements.map((e) => (
            <li>
              {t(`indicator.linkType.${e.type}` as MessageKey)}{' '}
              <a href={href(ctx, `/elements/${enc(e.elementId)}`)}>
                <code>{e.elementId}</code>
              </a>{' '}
              {e.title ? <span dir="auto">{e.title.length > 140 ? `${e.title.slice(0, 140)}…` : e.title}</span> : null}
              {e.rationale ? (
                <span class="meta" lang="en" dir="auto">
                  {' '}
                  — {e.rationale}
                </span>
              ) : null}{' '}
              <span class="meta">
                ({t('indicator.source')}: <code>{e.sourceId}</code>)
              </span>
            </li>
          ))}
        </ul>
        <h2>{t('indicators.targets')}</h2>
        {targets.length === 0 ? (
          <p class="meta">{t('indicators.noData')}</p>
        ) : (
          <ul>
            {targets.map((x) => (
              <li>
                {t('indicator.target', { value: formatMeasure(lang, x.value, indicator.unit), year: String(x.year) })}
                {x.area ? ` · ${nameOf(catalog, x.area, lang)}` : ''} — <bdi lang="en">{x.label}</bdi>{' '}
                <span class="meta">
                  (<code>{x.sourceId}</code>)
                </span>
              </li>
            ))}
          </ul>
        )}
        <MethodForm ctx={ctx} method={method} action={href(ctx, `/indicators/${enc(code)}`)} extra={{ area }} />
        <h2>{t('indicator.series')}</h2>
        {series.svg ? (
          <figure class="chart">
            {raw(series.svg)}
            <figcaption>
              {t('chart.downloads')}:{' '}
              <a href={href(ctx, `/charts/series.svg?indicator=${enc(code)}&area=${enc(area)}`)} download>
                {t('chart.downloadSvg')}
              </a>{' '}
              · <a href={href(ctx, `/charts/series.png?indicator=${enc(code)}&area=${enc(area)}`)}>{t('chart.downloadPng')}</a> ·{' '}
              <a href={`/api/v1/indicators/${enc(code)}/observations?format=csv&area=${enc(area)}`}>{t('chart.downloadCsv')}</a> ·{' '}
              <a href={`/api/v1/indicators/${enc(code)}/observations?format=sdmx-csv&area=${enc(area)}`}>{t('chart.downloadSdmx')}</a>
            </figcaption>
            <details>
              <summary>{t('indicator.table')}</summary>
              <DataTable
                ctx={ctx}
                observations={series.observations}
                caption={t('chart.seriesTitle', { indicator: indicator.name, area: nameOf(catalog, area, lang) })}
                catalog={catalog}
              />
            </details>
          </figure>
        ) : (
          <p class="meta">{t('indicators.noData')}</p>
        )}
        {gaps.length ? <h2>{t('indicator.gaps')}</h2> : null}
        {gaps.map(({ dimension, gap }) =>
          gap ? (
            <figure class="chart">
              {raw(gap.svg)}
              <figcaption>
                {t(`indicator.gap.${dimension}` as MessageKey)} ·{' '}
                <a href={href(ctx, `/charts/gap.svg?indicator=${enc(code)}&area=${enc(area)}&dimension=${dimension}`)} download>
                  {t('chart.downloadSvg')}
                </a>
              </figcaption>
              <details>
                <summary>{t('indicator.table')}</summary>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('indicator.source')}</th>
                      <th scope="col">{t('indicator.year')}</th>
                      <th scope="col">{t('indicator.value')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {gap.series.flatMap((s) =>
                      s.points.map((p) => (
                        <tr>
                          <td>{s.label}</td>
                          <td>{p.year}</td>
                          <td>{num(lang, p.value, 3)}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </details>
            </figure>
          ) : null,
        )}
        {mapValues.size ? (
          <>
            <h2>{t('indicator.map')}</h2>
            <figure class="chart">
              <img
                src={href(ctx, `/charts/map.svg?indicator=${enc(code)}`)}
                alt={`${t('chart.mapTitle', { indicator: indicator.name })}. ${t('chart.mapDesc', { count: mapValues.size })}`}
                width="720"
                height="408"
                loading="lazy"
              />
              <figcaption>
                <a href={href(ctx, `/charts/map.svg?indicator=${enc(code)}`)} download>
                  {t('chart.downloadSvg')}
                </a>{' '}
                · <a href={href(ctx, `/charts/map.png?indicator=${enc(code)}`)}>{t('chart.downloadPng')}</a> ·{' '}
                <a href={`/api/v1/indicators/${enc(code)}/observations?format=csv`}>{t('chart.downloadCsv')}</a>
              </figcaption>
              <details>
                <summary>{t('indicator.table')}</summary>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('indicator.area')}</th>
                      <th scope="col">{t('indicator.year')}</th>
                      <th scope="col">{t('indicator.value')}</th>
                      <th scope="col">{t('indicator.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...mapValues.values()]
                      .sort((a, b) => a.name.localeCompare(b.name, lang))
                      .map((v) => (
                        <tr>
                          <td>
                            <a href={href(ctx, q(`area=${enc(v.code)}&method=${method}`))} dir="auto">
                              {v.name}
                            </a>
                          </td>
                          <td>{v.year}</td>
                          <td>{formatMeasure(lang, v.value, indicator.unit)}</td>
                          <td>
                            <code>{v.source}</code>
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </details>
            </figure>
          </>
        ) : null}
        <h2>{t('indicator.assessment')}</h2>
        <p class="meta">
          {t(`indicator.method.${method}` as MessageKey)} — {t('indicator.methodVersion', { method, version: methods[method].version })}.{' '}
          <span lang="en">{methods[method].source}</span>
        </p>
        {shown.some((a) => a.aggregation) ? (
          <p class="note" role="note">
            {t('indicator.aggregate', {
              source: [
                ...new Set(
                  shown.filter((a) => a.aggregation).map((a) => (a.aggregation as { fromSource?: string } | null)?.fromSource ?? ''),
                ),
              ].join(', '),
            })}
          </p>
        ) : null}
        {shown.length ? (
          <AssessmentTable
            ctx={ctx}
            rows={shown}
            catalog={catalog}
            caption={t('indicator.assessment')}
            units={new Map([[indicator.code, indicator.unit]])}
            sourceNames={await sourceNames(
              c,
              shown.map((a) => a.source),
            )}
          />
        ) : (
          <p class="meta">{t('indicators.noData')}</p>
        )}
        <p>
          <a href={`/api/v1/indicators/${enc(code)}/assessments?method=${method}`}>JSON</a>
        </p>
      </Layout>,
    );
  });
}
