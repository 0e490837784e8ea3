// The country or group profile (issue 6, item 5): for a country (ISO3), an M49 region or a group
// (LDC, LLDC, SIDS), the published initiatives working there by GDC objective and WSIS action line,
// their pledges, the indicator series and progress assessments Concord holds for the area, and the
// activities of published roadmaps carried out there through those initiatives.
import { z } from '@hono/zod-openapi';
import { sql, pgTextArray, type Database } from '../store/index.ts';
import { translator, type MessageKey } from '../i18n/index.ts';
import { directionOf, languages } from '../language/languages.ts';
import { areaCatalog, type AreaCatalog } from '../areas/index.ts';
import { groupToken } from '../initiatives/area-groups.ts';
import { queryInitiatives, registryFacets } from '../initiatives/service.ts';
import { pledgesOfMany } from '../pledges/service.ts';
import { areaName, areaProfile, headline } from '../indicators/profile.ts';
import { chartTarget, findObservations } from '../indicators/service.ts';
import { methods, type MethodId } from '../indicators/assessment.ts';
import { formatMeasure, unitName } from '../indicators/units.ts';
import { summaries } from '../frameworks/service.ts';
import { elementLabel } from '../frameworks/pages.tsx';
import { timeSeriesSvg } from '../charts/svg.ts';
import { barsSvg } from '../charts/report-charts.ts';
import { nodeStatuses } from '../roadmaps/model.ts';
import { defineReportKind, type BundleTable } from './kind.ts';
import { SourceList } from './sources.ts';
import { EmptyRows, Figure, formatNumber, SourceNote } from './frame.tsx';

const METHOD: MethodId = 'unsd-2022-cr';
/** Initiatives listed by name (the counts cover all of them). */
const LISTED = 200;
/** Indicator series drawn as charts. */
const CHARTS = 8;

const Org = z.object({ id: z.string(), name: z.string() });
/** A count of initiatives under an element; `short` is its code label ("Action line C5") for compact lists. */
const Count = z.object({ id: z.string(), label: z.string(), short: z.string(), count: z.number() });

export const AreaReportData = z
  .object({
    area: z.object({
      code: z.string(),
      kind: z.string(),
      m49: z.string().nullable(),
      iso3: z.string().nullable(),
      name: z.string(),
      nameLang: z.enum(languages),
      within: z.array(z.object({ code: z.string(), name: z.string() })),
      /** A group's or region's member countries this year (ISO3); null for a country. */
      members: z.array(z.string()).nullable(),
      membershipYear: z.number().nullable(),
    }),
    initiatives: z.object({
      total: z.number(),
      totalIsLowerBound: z.boolean(),
      byObjective: z.array(Count),
      byActionLine: z.array(Count),
      byStatus: z.array(Count),
      /** The most recently updated ones, at most 200. */
      listed: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          titleLang: z.enum(languages),
          lead: Org,
          status: z.string(),
          startDate: z.string().nullable(),
          endDate: z.string().nullable(),
          elements: z.array(z.string()),
        }),
      ),
    }),
    pledges: z.array(
      z.object({
        id: z.string(),
        initiativeId: z.string().nullable(),
        organization: Org,
        metric: z.string(),
        unit: z.string(),
        baselineValue: z.number(),
        baselineDate: z.string(),
        targetValue: z.number(),
        targetDate: z.string(),
        latestValue: z.number().nullable(),
        progressPercent: z.number().nullable(),
        status: z.string(),
      }),
    ),
    method: z.string(),
    indicators: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        nameLang: z.enum(languages),
        unit: z.string(),
        catalogueSource: z.string(),
        latest: z.array(z.object({ source: z.string(), period: z.string(), value: z.number() })),
        /** Annual totals, per source. */
        series: z.array(z.object({ source: z.string(), year: z.number(), value: z.number() })),
        /** The target the indicator's page draws on this area's chart (a global one first, else the area's own). */
        target: z.object({ year: z.number(), value: z.number(), label: z.string(), sourceId: z.string() }).nullable(),
        /** The indicator's natural upper bound (100 for a share), the top of its chart's axis. */
        max: z.number().nullable(),
        assessment: z
          .object({
            status: z.string(),
            category: z.string().nullable(),
            reason: z.string().nullable(),
            source: z.string(),
            targetId: z.string(),
          })
          .nullable(),
      }),
    ),
    activities: z.array(
      z.object({
        roadmapId: z.string(),
        roadmapTitle: z.string(),
        nodeId: z.string(),
        title: z.string(),
        status: z.enum(nodeStatuses),
        dueDate: z.string().nullable(),
        lead: z.string().nullable(),
        initiatives: z.array(z.string()),
      }),
    ),
  })
  .openapi('AreaReport');
export type AreaReportData = z.infer<typeof AreaReportData>;

/** Activities of published roadmaps whose initiatives work in the area (a group: this year's members). */
async function activitiesIn(db: Database, catalog: AreaCatalog, code: string) {
  const token = groupToken(catalog, code, new Date().getUTCFullYear());
  const inArea = token ? sql`i.area_groups @> ${pgTextArray([token])}::text[]` : sql`i.area_closure @> ${pgTextArray([code])}::text[]`;
  return db.query<{
    roadmap_id: string;
    roadmap_title: string;
    node_id: string;
    title: string;
    status: (typeof nodeStatuses)[number];
    due_date: string | null;
    lead: string | null;
    initiatives: string[];
  }>(sql`
    SELECT r.id AS roadmap_id, r.title AS roadmap_title, n.id AS node_id, n.title, n.status, n.due_date, o.name AS lead,
           array_agg(DISTINCT i.id) AS initiatives
    FROM roadmap_nodes n
    JOIN roadmaps r ON r.id = n.roadmap_id AND r.state = 'published'
    JOIN roadmap_node_initiatives rni ON rni.node_id = n.id
    JOIN initiatives i ON i.id = rni.initiative_id AND i.state = 'published' AND ${inArea}
    LEFT JOIN organizations o ON o.id = n.lead_organization_id
    WHERE n.kind = 'activity'
    GROUP BY r.id, r.title, n.id, n.title, n.status, n.due_date, o.name
    ORDER BY r.title, n.due_date NULLS LAST, n.title`);
}

export const areaReport = defineReportKind({
  id: 'area',
  title: 'reports.area.title',
  description: 'reports.area.description',
  subjectLabel: 'reports.area.subject',
  data: AreaReportData,
  exampleSubject: 'KEN',

  async subjects(_db, lang) {
    const catalog = await areaCatalog();
    const order = ['world', 'un-group', 'region', 'subregion', 'intermediate-region', 'country'];
    return [...catalog.areas.values()]
      .filter((a) => order.includes(a.kind))
      .map((a) => ({ area: a, name: areaName(a, lang) }))
      .sort((a, b) => order.indexOf(a.area.kind) - order.indexOf(b.area.kind) || a.name.name.localeCompare(b.name.name, lang))
      .map(({ area, name }) => ({ id: area.code, label: name.name, lang: name.lang, note: area.kind }));
  },

  async load({ db, subject, lang, publicUrl }) {
    const catalog = await areaCatalog();
    const code = catalog.resolve(subject);
    const area = code === undefined ? undefined : catalog.areas.get(code);
    if (!area || code === undefined) return undefined;
    const t = translator(lang);
    const sources = new SourceList();
    sources.add(
      {
        id: 'un-m49',
        title:
          'UNSD, Standard country or area codes for statistical use (M49), with the LDC, LLDC and SIDS lists as shipped in Concord (data/areas)',
        address: 'https://unstats.un.org/unsd/methodology/m49/',
        licence: null,
      },
      'the area, the regions it sits in and the members of a group',
    );
    sources.add(
      {
        id: 'concord:registry',
        title: 'Concord registry of initiatives and pledges (published records)',
        address: `${publicUrl}/en/registry`,
        licence: null,
      },
      'initiatives, their pledges and the roadmap activities they carry out',
    );

    const profile = await areaProfile(db, code, lang, METHOD, catalog);
    const [page, facets, activities] = await Promise.all([
      queryInitiatives(db, { area: code, lang, limit: LISTED, offset: 0 }),
      registryFacets(db, { area: code }),
      activitiesIn(db, catalog, code),
    ]);
    const pledges = await pledgesOfMany(
      db,
      page.items.map((i) => i.id),
      null,
    );
    if (activities.length) {
      sources.add(
        { id: 'concord:roadmaps', title: 'Concord roadmaps (published)', address: `${publicUrl}/en/roadmaps`, licence: null },
        'roadmap activities',
      );
    }

    const rootIds = [...Object.keys(facets.objective), ...Object.keys(facets.actionLine)];
    const elements = new Map((await summaries(db, rootIds, lang)).map((e) => [e.id, e]));
    const counts = (record: Record<string, number>) =>
      Object.entries(record).map(([id, count]) => {
        const e = elements.get(id);
        const short = e ? elementLabel(t, e) : id;
        return { id, label: e?.title ? `${short}: ${e.title}` : short, short, count };
      });

    const indicators: AreaReportData['indicators'] = [];
    for (const row of profile?.indicators ?? []) {
      // The target the indicator's page draws on this area's chart (src/indicators/pages.tsx).
      const [observations, target] = await Promise.all([
        findObservations(db, { indicator: row.indicator.code, areas: [code], totalsOnly: true }),
        chartTarget(db, row.indicator.code, code),
      ]);
      const series = observations
        .filter((o) => /^\d{4}$/.test(o.period))
        .map((o) => ({ source: o.source, year: Number(o.period), value: o.value }));
      const head = headline(row.assessments);
      await sources.addStored(db, [row.indicator.source.id], `catalogue entry of indicator ${row.indicator.code}`);
      if (target && series.length > 1) await sources.addStored(db, [target.sourceId], `the target of ${row.indicator.code} on its chart`);
      await sources.addStored(
        db,
        [...new Set(observations.map((o) => o.source))],
        `values of ${row.indicator.code} for ${area.names.en ?? code}`,
      );
      if (head) {
        sources.add(
          { id: `method:${METHOD}`, title: methods[METHOD].source, address: null, licence: null },
          'progress assessments (method and thresholds)',
        );
        await sources.addStored(db, [head.source], `assessment of ${row.indicator.code}`);
      }
      indicators.push({
        code: row.indicator.code,
        name: row.indicator.name,
        nameLang: row.indicator.lang,
        unit: row.indicator.unit,
        catalogueSource: row.indicator.source.id,
        latest: row.latest.map((l) => ({ source: l.source, period: l.period, value: l.value })),
        series,
        target: target ? { year: target.year, value: target.value, label: target.label, sourceId: target.sourceId } : null,
        max: row.indicator.limits.max ?? null,
        assessment: head
          ? { status: head.status, category: head.category, reason: head.reason, source: head.source, targetId: head.targetId }
          : null,
      });
    }

    const name = areaName(area, lang);
    let members: string[] | null = null;
    let membershipYear: number | null = null;
    if (profile?.membership) {
      members = profile.membership.members;
      membershipYear = profile.membership.year;
    }
    return {
      title: name.name,
      titleLang: name.lang,
      sources: sources.list(),
      data: {
        area: {
          code,
          kind: area.kind,
          m49: area.m49,
          iso3: area.iso3,
          name: name.name,
          nameLang: name.lang,
          within: area.within.map((w) => {
            const a = catalog.areas.get(w);
            return { code: w, name: a ? areaName(a, lang).name : w };
          }),
          members,
          membershipYear,
        },
        initiatives: {
          total: page.total,
          totalIsLowerBound: page.totalIsLowerBound,
          byObjective: counts(facets.objective),
          byActionLine: counts(facets.actionLine),
          byStatus: Object.entries(facets.status).map(([id, count]) => {
            const label = t(`initiative.status.${id}` as MessageKey);
            return { id, label, short: label, count };
          }),
          listed: page.items.map((i) => ({
            id: i.id,
            title: i.title,
            titleLang: i.titleLanguage,
            lead: i.leadOrganization,
            status: i.status,
            startDate: i.startDate,
            endDate: i.endDate,
            elements: i.elements,
          })),
        },
        pledges: pledges.map((p) => ({
          id: p.id,
          initiativeId: p.initiativeId,
          organization: p.organization,
          metric: p.metric,
          unit: p.unit,
          baselineValue: p.baselineValue,
          baselineDate: p.baselineDate,
          targetValue: p.targetValue,
          targetDate: p.targetDate,
          latestValue: p.progress.latest?.value ?? null,
          progressPercent: p.progress.progressPercent,
          status: p.progress.status,
        })),
        method: METHOD,
        indicators,
        activities: activities.map((a) => ({
          roadmapId: a.roadmap_id,
          roadmapTitle: a.roadmap_title,
          nodeId: a.node_id,
          title: a.title,
          status: a.status,
          dueDate: a.due_date,
          lead: a.lead,
          initiatives: a.initiatives,
        })),
      },
    };
  },

  render({ ctx, report }) {
    const { t, lang } = ctx;
    const d = report.data;
    const rtl = directionOf(lang) === 'rtl';
    const num = (v: number | null, digits = 2) => (v === null ? '—' : formatNumber(lang, v, digits));
    // Series are named by their source's title, as the report's list of sources names them.
    const sourceTitle = (id: string) => report.sources.find((s) => s.id === id)?.title ?? id;
    // Bars for what has initiatives; what has none is named in one line under the table (and its
    // rows are left off paper), instead of a column of zeros.
    const CountFigure = (props: { title: string; rows: AreaReportData['initiatives']['byObjective'] }) => {
      const none = props.rows.filter((r) => r.count === 0);
      const bars = props.rows.filter((r) => r.count > 0).map((r) => ({ label: r.label, value: r.count }));
      return (
        <Figure
          t={t}
          report={report}
          svg={barsSvg({ title: props.title, desc: t('reports.sameInTable'), lang, rtl, bars, unitLabel: t('reports.initiatives') })}
          caption={props.title}
          sources={['concord:registry']}
        >
          <table tabindex={0}>
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roadmap.what')}</th>
                <th scope="col" class="num">
                  {t('reports.initiatives')}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr class={r.count === 0 ? 'empty' : undefined}>
                  <th scope="row">{r.label}</th>
                  <td class="num">{formatNumber(lang, r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <EmptyRows label={t('reports.noneYet')} items={none.map((r) => r.short)} />
        </Figure>
      );
    };
    // The summary: what has initiatives, what has none yet, and where the indicators stand.
    const elements = [...d.initiatives.byObjective, ...d.initiatives.byActionLine];
    const covered = elements.filter((c) => c.count > 0);
    const uncovered = elements.filter((c) => c.count === 0);
    const categories = new Map<string, number>();
    for (const i of d.indicators) {
      if (!i.assessment) continue;
      const label =
        i.assessment.status === 'insufficient-data'
          ? t('indicator.insufficient')
          : t(`indicator.category.${i.assessment.category ?? 'deterioration'}` as MessageKey);
      categories.set(label, (categories.get(label) ?? 0) + 1);
    }
    const standing = [...categories].map(([label, count]) => `${label}: ${formatNumber(lang, count)}`);
    return (
      <>
        <section aria-labelledby="a-summary">
          <h2 id="a-summary">{t('reports.summary')}</h2>
          <dl class="facts">
            <dt>{t('reports.area.code')}</dt>
            <dd dir="ltr">
              {d.area.code}
              {d.area.m49 ? ` · M49 ${d.area.m49}` : ''}
            </dd>
            {d.area.within.length ? (
              <>
                <dt>{t('reports.area.within')}</dt>
                <dd>{d.area.within.map((w) => w.name).join(' · ')}</dd>
              </>
            ) : null}
            {d.area.members && d.area.membershipYear !== null ? (
              <>
                <dt>{t('area.members', { year: String(d.area.membershipYear), count: d.area.members.length })}</dt>
                <dd dir="ltr">{d.area.members.join(' ')}</dd>
              </>
            ) : null}
            <dt>{t('reports.initiatives')}</dt>
            <dd>
              {d.initiatives.totalIsLowerBound ? `> ${formatNumber(lang, d.initiatives.total)}` : formatNumber(lang, d.initiatives.total)}
            </dd>
            <dt>{t('reports.area.pledges')}</dt>
            <dd>{formatNumber(lang, d.pledges.length)}</dd>
            {covered.length ? (
              <>
                <dt>{t('reports.covered')}</dt>
                <dd>{covered.map((c) => `${c.short} (${formatNumber(lang, c.count)})`).join(' · ')}</dd>
              </>
            ) : null}
            {uncovered.length ? (
              <>
                <dt>{t('reports.noneYet')}</dt>
                <dd>{uncovered.map((c) => c.short).join(' · ')}</dd>
              </>
            ) : null}
            {d.indicators.length ? (
              <>
                <dt>{t('reports.area.indicators')}</dt>
                <dd>{[formatNumber(lang, d.indicators.length), ...standing].join(' · ')}</dd>
              </>
            ) : null}
          </dl>
          <SourceNote t={t} report={report} ids={['un-m49', 'concord:registry']} />
        </section>

        <section aria-labelledby="a-initiatives">
          <h2 id="a-initiatives">{t('reports.initiatives')}</h2>
          {d.initiatives.total === 0 ? (
            <p class="meta">{t('reports.area.noInitiatives')}</p>
          ) : (
            <>
              <CountFigure title={t('reports.area.byObjective')} rows={d.initiatives.byObjective} />
              <CountFigure title={t('reports.area.byActionLine')} rows={d.initiatives.byActionLine} />
              <table tabindex={0}>
                <caption>{t('reports.area.listed', { count: d.initiatives.listed.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('initiative.title')}</th>
                    <th scope="col">{t('initiative.lead')}</th>
                    <th scope="col">{t('initiative.status')}</th>
                    <th scope="col">{t('initiative.dates')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.initiatives.listed.map((i) => (
                    <tr>
                      <th scope="row" lang={i.titleLang} dir="auto">
                        {i.title}
                      </th>
                      <td dir="auto">{i.lead.name}</td>
                      <td>{t(`initiative.status.${i.status}` as MessageKey)}</td>
                      <td dir="ltr">{i.startDate || i.endDate ? `${i.startDate ?? '…'} – ${i.endDate ?? '…'}` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <SourceNote t={t} report={report} ids={['concord:registry']} />
            </>
          )}
        </section>

        <section aria-labelledby="a-pledges">
          <h2 id="a-pledges">{t('reports.area.pledges')}</h2>
          {d.pledges.length ? (
            <>
              <table tabindex={0}>
                <caption class="visually-hidden">{t('reports.area.pledges')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('pledge.metric')}</th>
                    <th scope="col">{t('reports.organization')}</th>
                    <th scope="col" class="num">
                      {t('pledge.baseline')}
                    </th>
                    <th scope="col" class="num">
                      {t('pledge.targetValue')}
                    </th>
                    <th scope="col" class="num">
                      {t('pledge.progress')}
                    </th>
                    <th scope="col">{t('pledge.statusColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.pledges.map((p) => (
                    <tr>
                      <th scope="row" dir="auto">
                        {p.metric} <span class="meta">({p.unit})</span>
                      </th>
                      <td dir="auto">{p.organization.name}</td>
                      <td class="num">
                        {num(p.baselineValue)} <span dir="ltr">({p.baselineDate})</span>
                      </td>
                      <td class="num">
                        {num(p.targetValue)} <span dir="ltr">({p.targetDate})</span>
                      </td>
                      <td class="num">{p.progressPercent === null ? '—' : `${num(p.progressPercent, 0)} %`}</td>
                      <td>{t(`pledge.status.${p.status}` as MessageKey)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <SourceNote t={t} report={report} ids={['concord:registry']} />
            </>
          ) : (
            <p class="meta">{t('reports.area.noPledges')}</p>
          )}
        </section>

        <section aria-labelledby="a-indicators">
          <h2 id="a-indicators">{t('reports.area.indicators')}</h2>
          {d.indicators.length ? (
            <>
              <p class="meta">
                {t(`indicator.method.${d.method}` as MessageKey)} · <span lang="en">{methods[d.method as MethodId].source}</span>
              </p>
              <table tabindex={0}>
                <caption class="visually-hidden">{t('area.latest')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('indicators.name')}</th>
                    <th scope="col" class="num">
                      {t('indicator.latest')}
                    </th>
                    <th scope="col">{t('indicator.source')}</th>
                    <th scope="col">{t('indicator.category')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.indicators.map((i) => (
                    <tr>
                      <th scope="row">
                        <span lang={i.nameLang}>{i.name}</span> <span class="meta">({unitName(t, i.unit)})</span>
                      </th>
                      <td class="num">
                        {i.latest.map((l) => (
                          <div>
                            {formatMeasure(lang, l.value, i.unit)} ({l.period})
                          </div>
                        ))}
                      </td>
                      <td>
                        {i.latest.map((l) => (
                          <div>
                            <bdi>{sourceTitle(l.source)}</bdi>
                          </div>
                        ))}
                      </td>
                      <td>
                        {i.assessment
                          ? i.assessment.status === 'insufficient-data'
                            ? t('indicator.insufficient')
                            : t(`indicator.category.${i.assessment.category ?? 'deterioration'}` as MessageKey)
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <SourceNote
                t={t}
                report={report}
                ids={[
                  ...new Set(
                    d.indicators.flatMap((i) => [
                      i.catalogueSource,
                      ...i.latest.map((l) => l.source),
                      ...(i.assessment ? [`method:${d.method}`, i.assessment.source] : []),
                    ]),
                  ),
                ]}
              />
              {d.indicators
                .filter((i) => i.series.length > 1)
                .slice(0, CHARTS)
                .map((i) => {
                  const bySource = [...new Set(i.series.map((p) => p.source))];
                  const title = t('chart.seriesTitle', { indicator: i.name, area: d.area.name });
                  const years = i.series.map((p) => p.year);
                  return (
                    <Figure
                      t={t}
                      report={report}
                      svg={timeSeriesSvg({
                        title,
                        desc: t('chart.seriesDesc', { count: i.series.length, from: Math.min(...years), to: Math.max(...years) }),
                        lang,
                        rtl,
                        series: bySource.map((s) => ({ label: sourceTitle(s), points: i.series.filter((p) => p.source === s) })),
                        ...(i.target
                          ? {
                              target: {
                                year: i.target.year,
                                value: i.target.value,
                                label: t('indicator.target', {
                                  value: formatMeasure(lang, i.target.value, i.unit),
                                  year: String(i.target.year),
                                }),
                              },
                            }
                          : {}),
                        ...(i.max === null ? {} : { domain: { min: 0, max: i.max } }),
                        unitLabel: unitName(t, i.unit),
                      })}
                      caption={title}
                      sources={i.target ? [...bySource, i.target.sourceId] : bySource}
                    />
                  );
                })}
            </>
          ) : (
            <p class="meta">{t('reports.area.noIndicators')}</p>
          )}
        </section>

        <section aria-labelledby="a-activities">
          <h2 id="a-activities">{t('reports.area.activities')}</h2>
          {d.activities.length ? (
            <>
              <table tabindex={0}>
                <caption class="visually-hidden">{t('reports.area.activities')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('roadmap.kind.activity')}</th>
                    <th scope="col">{t('reports.roadmap.subject')}</th>
                    <th scope="col">{t('roadmap.lead')}</th>
                    <th scope="col">{t('roadmap.dueDate')}</th>
                    <th scope="col">{t('roadmap.statusLabel')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.activities.map((a) => (
                    <tr>
                      <th scope="row" dir="auto">
                        {a.title}
                      </th>
                      <td dir="auto">{a.roadmapTitle}</td>
                      <td dir="auto">{a.lead ?? '—'}</td>
                      <td dir="ltr">{a.dueDate ?? '—'}</td>
                      <td>{t(`roadmap.status.${a.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <SourceNote t={t} report={report} ids={['concord:roadmaps', 'concord:registry']} />
            </>
          ) : (
            <p class="meta">{t('reports.area.noActivities')}</p>
          )}
        </section>
      </>
    );
  },

  tables(report): BundleTable[] {
    const d = report.data;
    return [
      {
        name: 'initiatives-by-element',
        columns: ['element', 'label', 'initiatives'],
        rows: [...d.initiatives.byObjective, ...d.initiatives.byActionLine].map((c) => [c.id, c.label, c.count]),
      },
      {
        name: 'initiatives',
        columns: ['id', 'title', 'title_lang', 'lead', 'status', 'start_date', 'end_date', 'elements'],
        rows: d.initiatives.listed.map((i) => [
          i.id,
          i.title,
          i.titleLang,
          i.lead.name,
          i.status,
          i.startDate,
          i.endDate,
          i.elements.join(' '),
        ]),
      },
      {
        name: 'pledges',
        columns: [
          'id',
          'initiative_id',
          'organization',
          'metric',
          'unit',
          'baseline_value',
          'baseline_date',
          'target_value',
          'target_date',
          'latest_value',
          'progress_percent',
          'status',
        ],
        rows: d.pledges.map((p) => [
          p.id,
          p.initiativeId,
          p.organization.name,
          p.metric,
          p.unit,
          p.baselineValue,
          p.baselineDate,
          p.targetValue,
          p.targetDate,
          p.latestValue,
          p.progressPercent,
          p.status,
        ]),
      },
      {
        name: 'indicator-values',
        columns: ['indicator', 'area', 'year', 'value', 'source'],
        rows: d.indicators.flatMap((i) => i.series.map((p) => [i.code, d.area.code, p.year, p.value, p.source])),
      },
      {
        name: 'assessments',
        columns: ['indicator', 'area', 'method', 'status', 'category', 'reason', 'target', 'source'],
        rows: d.indicators
          .filter((i) => i.assessment)
          .map((i) => [
            i.code,
            d.area.code,
            d.method,
            i.assessment!.status,
            i.assessment!.category,
            i.assessment!.reason,
            i.assessment!.targetId,
            i.assessment!.source,
          ]),
      },
      {
        name: 'roadmap-activities',
        columns: ['roadmap_id', 'roadmap_title', 'activity_id', 'title', 'status', 'due_date', 'lead', 'initiatives'],
        rows: d.activities.map((a) => [
          a.roadmapId,
          a.roadmapTitle,
          a.nodeId,
          a.title,
          a.status,
          a.dueDate,
          a.lead,
          a.initiatives.join(' '),
        ]),
      },
    ];
  },
});
