// The action-line roadmap report (issue 6, item 5; WSIS+20 para 113): a published roadmap with
// its tree of outcomes, outputs and activities (tags, owners, dates, status), the indicators and
// targets that measure it with the latest world value and assessment where Concord has them, its
// quality checks, the initiatives behind its activities, and its timeline against the milestones.
import { z } from '@hono/zod-openapi';
import { sql, pgTextArray, type Database } from '../store/index.ts';
import { translator, type MessageKey } from '../i18n/index.ts';
import { languages, type Language } from '../language/languages.ts';
import { getRoadmap, listRoadmaps } from '../roadmaps/service.ts';
import { nodeKinds, nodeStatuses } from '../roadmaps/model.ts';
import { checkRules } from '../roadmaps/checks.ts';
import { milestones } from '../roadmaps/milestones.ts';
import { summaries } from '../frameworks/service.ts';
import { elementLabel } from '../frameworks/pages.tsx';
import { barsSvg, timelineSvg } from '../charts/report-charts.ts';
import { directionOf } from '../language/languages.ts';
import { defineReportKind, type BundleTable } from './kind.ts';
import { SourceList } from './sources.ts';
import { WorldIndicator, worldIndicators } from './world-indicators.ts';
import { WorldIndicatorCells, worldIndicatorSources } from './world-indicator-cells.tsx';
import { Figure, formatNumber, SourceNote } from './frame.tsx';

const Org = z.object({ id: z.string(), name: z.string() });
const Labelled = z.object({ id: z.string(), label: z.string() });
export const RoadmapReportData = z
  .object({
    roadmap: z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      lang: z.enum(languages),
      owner: Org,
      actionLine: Labelled.nullable(),
      state: z.string(),
      version: z.number(),
      publishedAt: z.string().nullable(),
      updatedAt: z.string(),
    }),
    counts: z.object({ outcome: z.number(), output: z.number(), activity: z.number() }),
    /** Activities per status, every status listed. */
    activityStatuses: z.array(z.object({ status: z.enum(nodeStatuses), count: z.number() })),
    nodes: z.array(
      z.object({
        id: z.string(),
        parentId: z.string().nullable(),
        kind: z.enum(nodeKinds),
        title: z.string(),
        description: z.string(),
        lead: Org.nullable(),
        contributors: z.array(Org),
        startDate: z.string().nullable(),
        dueDate: z.string().nullable(),
        status: z.enum(nodeStatuses),
        elements: z.array(Labelled),
        indicators: z.array(z.object({ code: z.string(), targetValue: z.number().nullable(), targetYear: z.number().nullable() })),
        initiatives: z.array(z.object({ id: z.string(), title: z.string(), lang: z.string() })),
      }),
    ),
    checks: z.object({
      rules: z.array(z.enum(checkRules)),
      findings: z.array(z.object({ rule: z.enum(checkRules), nodeId: z.string().nullable(), nodeTitle: z.string().nullable() })),
    }),
    indicators: z.array(
      WorldIndicator.extend({
        /** The roadmap's own targets for it, per part. */
        roadmapTargets: z.array(z.object({ nodeId: z.string(), value: z.number().nullable(), year: z.number().nullable() })),
      }),
    ),
    timeline: z.array(
      z.object({ date: z.string(), label: z.string(), kind: z.enum(['milestone', ...nodeKinds]), sourceId: z.string().nullable() }),
    ),
  })
  .openapi('RoadmapReport');
export type RoadmapReportData = z.infer<typeof RoadmapReportData>;

async function initiativesBehind(db: Database, nodeIds: string[], lang: Language) {
  if (nodeIds.length === 0) return [];
  return db.query<{ node_id: string; id: string; title: string | null; lang: string | null }>(
    sql`SELECT rni.node_id, i.id, tx.title, tx.lang
        FROM roadmap_node_initiatives rni JOIN initiatives i ON i.id = rni.initiative_id AND i.state = 'published'
        LEFT JOIN LATERAL (SELECT title, lang FROM initiative_texts WHERE initiative_id = i.id
                           ORDER BY (lang = ${lang}) DESC, (lang = 'en') DESC, lang LIMIT 1) tx ON true
        WHERE rni.node_id = ANY(${pgTextArray(nodeIds)}::text[])
        ORDER BY rni.node_id, tx.title`,
  );
}

export const roadmapReport = defineReportKind({
  id: 'roadmap',
  title: 'reports.roadmap.title',
  description: 'reports.roadmap.description',
  subjectLabel: 'reports.roadmap.subject',
  data: RoadmapReportData,
  exampleSubject: '3f1c2d9e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',

  async subjects(db) {
    return (await listRoadmaps(db, null)).map((r) => ({
      id: r.id,
      label: r.title,
      lang: r.lang as Language,
      note: `${r.actionLineId ?? 'WSIS–GDC'} · ${r.owner.name}`,
    }));
  },

  async load({ db, subject, lang, publicUrl }) {
    const roadmap = await getRoadmap(db, subject, null);
    if (!roadmap || roadmap.state === 'draft') return undefined;
    const t = translator(lang);
    const sources = new SourceList();
    const recordSource = sources.add(
      {
        id: `concord:roadmap:${roadmap.id}`,
        title: `Concord roadmap “${roadmap.title}” (${roadmap.owner.name}), version ${roadmap.version}${roadmap.publishedAt ? `, published ${roadmap.publishedAt.slice(0, 10)}` : ''}`,
        address: `${publicUrl}/en/roadmaps/${roadmap.id}`,
        licence: null,
      },
      'the roadmap: its parts, tags, owners, dates, status, indicator targets and checks (as entered by its owner)',
    );

    const elementIds = [...new Set([...roadmap.nodes.flatMap((n) => n.elements), ...(roadmap.actionLineId ? [roadmap.actionLineId] : [])])];
    const labels = new Map(
      (await summaries(db, elementIds, lang)).map((e) => [e.id, `${elementLabel(t, e)}${e.title ? `: ${e.title}` : ''}`]),
    );
    const label = (id: string) => ({ id, label: labels.get(id) ?? id });

    const behind = await initiativesBehind(
      db,
      roadmap.nodes.map((n) => n.id),
      lang,
    );
    if (behind.length) {
      sources.add(
        {
          id: 'concord:registry',
          title: 'Concord registry of initiatives (published records)',
          address: `${publicUrl}/en/registry`,
          licence: null,
        },
        'the initiatives linked to the roadmap’s activities',
      );
    }

    // The indicators the roadmap names, with the world's latest value and headline assessment.
    const codes = [...new Set(roadmap.nodes.flatMap((n) => n.indicators.map((i) => i.code)))];
    const indicators: RoadmapReportData['indicators'] = (await worldIndicators(db, codes, lang, sources)).map((i) => ({
      ...i,
      roadmapTargets: roadmap.nodes.flatMap((n) =>
        n.indicators.filter((x) => x.code === i.code).map((x) => ({ nodeId: n.id, value: x.targetValue, year: x.targetYear })),
      ),
    }));

    const timeline: RoadmapReportData['timeline'] = [
      ...milestones.map((m) => ({
        date: m.date,
        label: t(m.label),
        kind: 'milestone' as const,
        sourceId: sources.add({ id: `milestone:${m.id}`, title: m.source, address: null, licence: null }, 'a milestone of the timeline'),
      })),
      ...roadmap.nodes.filter((n) => n.dueDate).map((n) => ({ date: n.dueDate!, label: n.title, kind: n.kind, sourceId: recordSource })),
    ].sort((a, b) => a.date.localeCompare(b.date));

    const count = (kind: string) => roadmap.nodes.filter((n) => n.kind === kind).length;
    return {
      title: roadmap.title,
      titleLang: roadmap.lang as Language,
      sources: sources.list(),
      data: {
        roadmap: {
          id: roadmap.id,
          title: roadmap.title,
          description: roadmap.description,
          lang: roadmap.lang as Language,
          owner: roadmap.owner,
          actionLine: roadmap.actionLineId ? label(roadmap.actionLineId) : null,
          state: roadmap.state,
          version: roadmap.version,
          publishedAt: roadmap.publishedAt,
          updatedAt: roadmap.updatedAt,
        },
        counts: { outcome: count('outcome'), output: count('output'), activity: count('activity') },
        activityStatuses: nodeStatuses.map((status) => ({
          status,
          count: roadmap.nodes.filter((n) => n.kind === 'activity' && n.status === status).length,
        })),
        nodes: roadmap.nodes.map((n) => ({
          id: n.id,
          parentId: n.parentId,
          kind: n.kind,
          title: n.title,
          description: n.description,
          lead: n.leadOrganization,
          contributors: n.contributors,
          startDate: n.startDate,
          dueDate: n.dueDate,
          status: n.status,
          elements: n.elements.map(label),
          indicators: n.indicators,
          initiatives: behind.filter((b) => b.node_id === n.id).map((b) => ({ id: b.id, title: b.title ?? b.id, lang: b.lang ?? 'en' })),
        })),
        checks: { rules: [...checkRules], findings: roadmap.findings },
        indicators,
        timeline,
      },
    };
  },

  render({ ctx, report }) {
    const { t, lang } = ctx;
    const d = report.data;
    const r = d.roadmap;
    const recordSource = `concord:roadmap:${r.id}`;
    const rtl = directionOf(lang) === 'rtl';
    const depth = (n: { kind: string }) => (n.kind === 'outcome' ? 0 : n.kind === 'output' ? 1 : 2);
    const nodeTitle = new Map(d.nodes.map((n) => [n.id, n.title]));
    const num = (v: number | null) => (v === null ? '—' : formatNumber(lang, v));
    const statusBars = d.activityStatuses.map((s) => ({ label: t(`roadmap.status.${s.status}`), value: s.count }));
    return (
      <>
        {r.description ? (
          <p lang={r.lang} dir="auto">
            {r.description}
          </p>
        ) : null}
        <section aria-labelledby="r-summary">
          <h2 id="r-summary">{t('reports.summary')}</h2>
          <dl class="facts">
            <dt>{t('roadmap.actionLine')}</dt>
            <dd>{r.actionLine ? r.actionLine.label : t('roadmap.joint')}</dd>
            <dt>{t('roadmap.owner')}</dt>
            <dd dir="auto">{r.owner.name}</dd>
            <dt>{t('roadmap.statusLabel')}</dt>
            <dd>
              {t(`roadmap.state.${r.state}` as MessageKey)}
              {r.publishedAt ? (
                <>
                  {' '}
                  <span dir="ltr">{r.publishedAt.slice(0, 10)}</span>
                </>
              ) : null}{' '}
              · {t('reports.version', { number: r.version })}
            </dd>
            {nodeKinds.map((k) => (
              <>
                <dt>{t(`reports.roadmap.count.${k}`)}</dt>
                <dd>{formatNumber(lang, d.counts[k])}</dd>
              </>
            ))}
          </dl>
          <Figure
            t={t}
            report={report}
            svg={barsSvg({
              title: t('reports.roadmap.statusChart'),
              desc: t('reports.sameInTable'),
              lang,
              rtl,
              bars: statusBars,
              unitLabel: t('reports.roadmap.count.activity'),
            })}
            caption={t('reports.roadmap.statusChart')}
            sources={[recordSource]}
          >
            <table tabindex={0}>
              <caption class="visually-hidden">{t('reports.roadmap.statusChart')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roadmap.statusLabel')}</th>
                  <th scope="col" class="num">
                    {t('reports.roadmap.count.activity')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {statusBars.map((b) => (
                  <tr>
                    <th scope="row">{b.label}</th>
                    <td class="num">{formatNumber(lang, b.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Figure>
        </section>

        <section aria-labelledby="r-checks">
          <h2 id="r-checks">{t('reports.roadmap.checks')}</h2>
          {d.checks.findings.length === 0 ? (
            <p>{t('reports.roadmap.checksPass')}</p>
          ) : (
            <ul>
              {d.checks.findings.map((f) => (
                <li>{t(`roadmap.check.${f.rule}`, { title: f.nodeTitle ?? '' })}</li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="r-tree">
          <h2 id="r-tree">{t('reports.roadmap.tree')}</h2>
          <table tabindex={0}>
            <caption class="visually-hidden">{t('reports.roadmap.tree')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.part')}</th>
                <th scope="col">{t('roadmap.lead')}</th>
                <th scope="col">{t('roadmap.dates')}</th>
                <th scope="col">{t('roadmap.statusLabel')}</th>
                <th scope="col">{t('roadmap.serves')}</th>
                <th scope="col">{t('roadmap.indicators')}</th>
              </tr>
            </thead>
            <tbody>
              {d.nodes.map((n) => (
                <tr>
                  <th scope="row" class={`depth-${depth(n)}`}>
                    <span class="badge">{t(`roadmap.kind.${n.kind}`)}</span>{' '}
                    <span lang={r.lang} dir="auto">
                      {n.title}
                    </span>
                  </th>
                  <td>
                    {n.lead ? <span dir="auto">{n.lead.name}</span> : '—'}
                    {n.contributors.length ? (
                      <div class="meta">
                        {t('roadmap.with')} <span dir="auto">{n.contributors.map((c) => c.name).join(', ')}</span>
                      </div>
                    ) : null}
                  </td>
                  <td dir="ltr">{n.startDate || n.dueDate ? `${n.startDate ?? '…'} – ${n.dueDate ?? '…'}` : '—'}</td>
                  <td>{t(`roadmap.status.${n.status}`)}</td>
                  <td>{n.elements.length ? n.elements.map((e) => <div>{e.label}</div>) : '—'}</td>
                  <td>
                    {n.indicators.length
                      ? n.indicators.map((i) => (
                          <div dir="ltr">
                            {i.code}
                            {i.targetValue !== null ? ` → ${num(i.targetValue)}${i.targetYear ? ` (${i.targetYear})` : ''}` : ''}
                          </div>
                        ))
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <SourceNote t={t} report={report} ids={[recordSource]} />
        </section>

        <section aria-labelledby="r-indicators">
          <h2 id="r-indicators">{t('reports.roadmap.indicators')}</h2>
          {d.indicators.length ? (
            <>
              <table tabindex={0}>
                <caption class="visually-hidden">{t('reports.roadmap.indicators')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('indicators.name')}</th>
                    <th scope="col">{t('reports.roadmap.roadmapTarget')}</th>
                    <th scope="col">{t('reports.roadmap.agreedTarget')}</th>
                    <th scope="col">{t('reports.worldLatest')}</th>
                    <th scope="col">{t('reports.worldAssessment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.indicators.map((i) => (
                    <tr>
                      <th scope="row">
                        <span dir="ltr">{i.code}</span>
                        <div lang={i.nameLang}>{i.name}</div>
                      </th>
                      <td>
                        {i.roadmapTargets.map((x) => (
                          <div>
                            {num(x.value)}
                            {x.year ? ` (${x.year})` : ''} · <span dir="auto">{nodeTitle.get(x.nodeId)}</span>
                          </div>
                        ))}
                      </td>
                      <WorldIndicatorCells t={t} lang={lang} indicator={i} />
                    </tr>
                  ))}
                </tbody>
              </table>
              <SourceNote t={t} report={report} ids={[...new Set([recordSource, ...worldIndicatorSources(d.indicators)])]} />
            </>
          ) : (
            <p class="meta">{t('indicators.noData')}</p>
          )}
        </section>

        <section aria-labelledby="r-initiatives">
          <h2 id="r-initiatives">{t('reports.roadmap.initiatives')}</h2>
          {d.nodes.some((n) => n.initiatives.length) ? (
            <>
              <table tabindex={0}>
                <caption class="visually-hidden">{t('reports.roadmap.initiatives')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('roadmap.kind.activity')}</th>
                    <th scope="col">{t('reports.initiatives')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.nodes
                    .filter((n) => n.initiatives.length)
                    .map((n) => (
                      <tr>
                        <th scope="row" dir="auto">
                          {n.title}
                        </th>
                        <td>
                          {n.initiatives.map((i) => (
                            <div lang={i.lang} dir="auto">
                              {i.title}
                            </div>
                          ))}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
              <SourceNote t={t} report={report} ids={['concord:registry']} />
            </>
          ) : (
            <p class="meta">{t('reports.roadmap.noInitiatives')}</p>
          )}
        </section>

        <section aria-labelledby="r-timeline">
          <h2 id="r-timeline">{t('roadmap.timeline')}</h2>
          <Figure
            t={t}
            report={report}
            svg={timelineSvg({
              title: t('roadmap.timeline'),
              desc: t('reports.sameInTable'),
              rtl,
              items: d.timeline,
            })}
            caption={t('roadmap.timelineLegend')}
            sources={[...new Set(d.timeline.map((x) => x.sourceId).filter((x): x is string => x !== null))]}
          >
            <table tabindex={0}>
              <caption class="visually-hidden">{t('roadmap.timeline')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pledge.date')}</th>
                  <th scope="col">{t('roadmap.what')}</th>
                </tr>
              </thead>
              <tbody>
                {d.timeline.map((x) => (
                  <tr>
                    <td dir="ltr">{x.date}</td>
                    <td>
                      {x.kind === 'milestone' ? <strong>{x.label}</strong> : <span dir="auto">{x.label}</span>}
                      {x.kind === 'milestone' ? null : <span class="meta"> · {t(`roadmap.kind.${x.kind}`)}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Figure>
        </section>
      </>
    );
  },

  tables(report): BundleTable[] {
    const d = report.data;
    return [
      {
        name: 'parts',
        columns: ['id', 'parent_id', 'kind', 'title', 'status', 'lead', 'contributors', 'start_date', 'due_date', 'elements', 'indicators'],
        rows: d.nodes.map((n) => [
          n.id,
          n.parentId,
          n.kind,
          n.title,
          n.status,
          n.lead?.name ?? null,
          n.contributors.map((c) => c.name).join('; '),
          n.startDate,
          n.dueDate,
          n.elements.map((e) => e.id).join(' '),
          n.indicators.map((i) => i.code).join(' '),
        ]),
      },
      {
        name: 'indicator-targets',
        columns: ['part_id', 'indicator', 'target_value', 'target_year'],
        rows: d.nodes.flatMap((n) => n.indicators.map((i) => [n.id, i.code, i.targetValue, i.targetYear])),
      },
      {
        name: 'indicators',
        columns: [
          'indicator',
          'name',
          'unit',
          'catalogue_source',
          'world_latest_period',
          'world_latest_value',
          'world_latest_source',
          'assessment_method',
          'assessment_status',
          'assessment_category',
          'assessment_target',
        ],
        rows: d.indicators.map((i) => [
          i.code,
          i.name,
          i.unit,
          i.sourceId,
          i.world?.period ?? null,
          i.world?.value ?? null,
          i.world?.source ?? null,
          i.assessment?.method ?? null,
          i.assessment?.status ?? null,
          i.assessment?.category ?? null,
          i.assessment?.targetId ?? null,
        ]),
      },
      {
        name: 'activity-initiatives',
        columns: ['part_id', 'initiative_id', 'initiative_title'],
        rows: d.nodes.flatMap((n) => n.initiatives.map((i) => [n.id, i.id, i.title])),
      },
      {
        name: 'timeline',
        columns: ['date', 'kind', 'label', 'source'],
        rows: d.timeline.map((x) => [x.date, x.kind, x.label, x.sourceId]),
      },
    ];
  },
});
