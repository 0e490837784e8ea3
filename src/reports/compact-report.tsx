// The Compact implementation map report, one GDC objective at a time (GDC para 71; issue 6, item
// 5): its commitments (the lettered actions) with what serves each, who contributes, the roadmap
// activities under it (the joint WSIS-GDC view), the indicators and their status, and the gap
// list, every figure with its source. Built from the implementation map's own services.
import { z } from '@hono/zod-openapi';
import { sql, pgTextArray } from '../store/index.ts';
import { translator, type MessageKey } from '../i18n/index.ts';
import { directionOf, languages, type Language } from '../language/languages.ts';
import { stakeholderTypes } from '../organizations/service.ts';
import { queryInitiatives, registryFacets } from '../initiatives/service.ts';
import { elementLabel } from '../frameworks/pages.tsx';
import { barsSvg } from '../charts/report-charts.ts';
import {
  ANY,
  axis,
  cellOf,
  cellRecords,
  coverageMatrix,
  gapKinds,
  gapList,
  jointView,
  measures,
  STALE_MONTHS,
  type AxisEntry,
} from '../coverage/service.ts';
import { defineReportKind, type BundleTable } from './kind.ts';
import { listMandates, mandateStatuses } from '../mandates/service.ts';
import { SourceList } from './sources.ts';
import { EmptyRows, Figure, formatNumber, SourceNote } from './frame.tsx';
import { WorldIndicator, worldIndicators } from './world-indicators.ts';
import { WorldIndicatorCells, worldIndicatorSources } from './world-indicator-cells.tsx';

const Counts = z.object(Object.fromEntries(measures.map((m) => [m, z.number()])) as Record<(typeof measures)[number], z.ZodNumber>);
const Element = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  title: z.string().nullable(),
  titleLang: z.enum(languages).nullable(),
});

export const CompactReportData = z
  .object({
    objective: Element,
    totals: Counts,
    actionLines: z.array(Element),
    commitments: z.array(
      Element.extend({
        deadline: z.string().nullable(),
        counts: Counts,
        /** Initiatives per action line (ids of `actionLines`), non-zero only. */
        byActionLine: z.record(z.string(), z.number()),
      }),
    ),
    contributors: z.object({
      byStakeholderType: z.array(z.object({ type: z.string(), initiatives: z.number() })),
      organizations: z.array(z.object({ id: z.string(), name: z.string(), stakeholderType: z.string(), initiatives: z.number() })),
    }),
    initiatives: z.object({
      total: z.number(),
      shown: z.array(
        z.object({ id: z.string(), title: z.string(), lang: z.string(), lead: z.string(), status: z.string(), areas: z.array(z.string()) }),
      ),
    }),
    activities: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        outcome: z.string(),
        roadmap: z.object({ id: z.string(), title: z.string(), actionLineId: z.string().nullable(), owner: z.string() }),
        lead: z.string().nullable(),
        dueDate: z.string().nullable(),
        status: z.string(),
        initiatives: z.number(),
      }),
    ),
    indicators: z.array(WorldIndicator),
    gaps: z.array(z.object({ action: Element, counts: Counts, stalePledges: z.number(), gaps: z.array(z.enum(gapKinds)) })),
    /** What the documents ask under the objective (paragraphs linked to it), soonest deadline first. */
    mandates: z.object({
      total: z.number(),
      shown: z.array(
        z.object({
          id: z.number(),
          document: z.string(),
          paragraph: z.string().nullable(),
          object: z.string(),
          lang: z.string(),
          actors: z.array(z.string()),
          deadline: z.string().nullable(),
          due: z.string().nullable(),
          status: z.enum(mandateStatuses),
        }),
      ),
    }),
  })
  .openapi('CompactReport');
export type CompactReportData = z.infer<typeof CompactReportData>;

/** Initiatives listed by name in the report (the bundle and the registry have them all). */
const SHOWN = 100;

export const compactReport = defineReportKind({
  id: 'compact',
  title: 'reports.compact.title',
  description: 'reports.compact.description',
  subjectLabel: 'reports.compact.subject',
  data: CompactReportData,
  exampleSubject: 'gdc.obj.3',

  async subjects(db, lang) {
    const t = translator(lang);
    return (await axis(db, 'objective', lang)).map((o) => ({
      id: o.id,
      label: `${elementLabel(t, { kind: 'objective', code: o.code, title: o.title, text: o.title })}: ${o.title ?? ''}`,
      ...(o.titleLanguage && o.titleLanguage !== lang ? { lang: o.titleLanguage } : {}),
    }));
  },

  async load({ db, subject, lang, publicUrl }) {
    if (!/^gdc\.obj\.[1-5]$/.test(subject)) return undefined;
    const t = translator(lang);
    const objective = (await axis(db, 'objective', lang)).find((o) => o.id === subject);
    if (!objective) return undefined;
    const element = (e: AxisEntry) => ({
      id: e.id,
      code: e.code,
      label: elementLabel(t, { kind: e.kind as never, code: e.code, title: e.title, text: e.title }),
      title: e.title,
      titleLang: e.titleLanguage,
    });
    const sources = new SourceList();
    const [frameworkSource] = await db.query<{ source_id: string }>(sql`SELECT source_id FROM elements WHERE id = ${subject}`);
    if (frameworkSource) await sources.addStored(db, [frameworkSource.source_id], 'the objective and its commitments (GDC text)');
    sources.add(
      {
        id: 'concord:registry',
        title: 'Concord registry of initiatives and pledges (published records)',
        address: `${publicUrl}/en/registry`,
        licence: null,
      },
      'initiatives, pledges, contributors and overlaps',
    );
    sources.add(
      {
        id: 'concord:implementation-map',
        title: 'Concord implementation map: coverage of the GDC by published records',
        address: `${publicUrl}/en/implementation?rows=action&objective=${subject}`,
        licence: null,
      },
      'the counts per commitment and action line, and the gap list',
    );
    sources.add(
      { id: 'concord:roadmaps', title: 'Concord roadmaps (published)', address: `${publicUrl}/en/implementation/joint`, licence: null },
      'the roadmap activities under the objective',
    );
    sources.add(
      {
        id: 'concord:mandates',
        title: 'Concord mandate tracker: the requests of the documents Concord holds',
        address: `${publicUrl}/en/mandates?element=${subject}`,
        licence: null,
      },
      'the mandates under the objective and their status',
    );

    const [matrix, gaps, joint, listed, facets, organizations, indicatorCodes, mandates] = await Promise.all([
      coverageMatrix(db, { rows: 'action', columns: 'action-line', objective: subject }, lang),
      gapList(db, { objective: subject }, lang),
      jointView(db, lang),
      queryInitiatives(db, { element: subject, lang, limit: SHOWN, offset: 0 }),
      registryFacets(db, { element: subject }),
      db.query<{ id: string; name: string; stakeholder_type: string; initiatives: number }>(
        sql`SELECT o.id, o.name, o.stakeholder_type, count(*)::int AS initiatives
            FROM initiatives i JOIN organizations o ON o.id = i.lead_organization_id
            WHERE i.state = 'published' AND i.element_closure @> ${pgTextArray([subject])}::text[]
            GROUP BY o.id ORDER BY initiatives DESC, o.name LIMIT 20`,
      ),
      cellRecords(db, { row: subject, column: ANY, measure: 'indicators', limit: 200, offset: 0 }, lang),
      listMandates(db, lang, { element: subject, order: 'deadline', limit: SHOWN }),
    ]);
    const indicators = await worldIndicators(
      db,
      indicatorCodes.items.map((i) => i.id),
      lang,
      sources,
    );
    const cells = new Map(matrix.cells.map((c) => [`${c.row}|${c.column}`, c.counts]));
    const activities = joint.objectives.find((o) => o.objective.id === subject)?.activities ?? [];
    return {
      title: t('reports.compact.reportTitle', { objective: objective.code }),
      sources: sources.list(),
      data: {
        objective: element(objective),
        totals: cellOf(matrix, ANY, ANY),
        actionLines: matrix.columns.map(element),
        commitments: matrix.rows.map((r) => ({
          ...element(r),
          deadline: r.deadline,
          counts: cellOf(matrix, r.id, ANY),
          byActionLine: Object.fromEntries(
            matrix.columns.flatMap((c) => {
              const n = cells.get(`${r.id}|${c.id}`)?.initiatives ?? 0;
              return n ? [[c.id, n]] : [];
            }),
          ),
        })),
        contributors: {
          byStakeholderType: stakeholderTypes
            .map((type) => ({ type, initiatives: facets.stakeholderType[type] ?? 0 }))
            .filter((s) => s.initiatives > 0),
          organizations: organizations.map((o) => ({
            id: o.id,
            name: o.name,
            stakeholderType: o.stakeholder_type,
            initiatives: o.initiatives,
          })),
        },
        initiatives: {
          total: listed.total,
          shown: listed.items.map((i) => ({
            id: i.id,
            title: i.title,
            lang: i.titleLanguage,
            lead: i.leadOrganization.name,
            status: i.status,
            areas: i.areas,
          })),
        },
        activities: activities.map((a) => ({
          id: a.id,
          title: a.title,
          outcome: a.outcome,
          roadmap: a.roadmap,
          lead: a.lead,
          dueDate: a.dueDate,
          status: a.status,
          initiatives: a.initiatives,
        })),
        indicators,
        gaps: gaps.map((g) => ({ action: element(g.element), counts: g.counts, stalePledges: g.stalePledges, gaps: g.gaps })),
        mandates: {
          total: mandates.total,
          shown: mandates.items.map((m) => ({
            id: m.id,
            document: m.document.symbol ?? m.document.id,
            paragraph: m.paragraph,
            object: m.object,
            lang: m.lang,
            actors: m.actors.map((a) => a.name),
            deadline: m.deadline?.text ?? null,
            due: m.deadline?.to ?? null,
            status: m.status,
          })),
        },
      },
    };
  },

  render({ ctx, report }) {
    const { t, lang } = ctx;
    const d = report.data;
    const rtl = directionOf(lang) === 'rtl';
    const n = (v: number) => formatNumber(lang, v);
    const registry = 'concord:registry';
    const map = 'concord:implementation-map';
    const lineLabel = new Map(d.actionLines.map((l) => [l.id, l.label]));
    // A commitment's code in bold, its text in the body weight (a whole paragraph in bold is hard
    // to read); the text is left off paper where the code is enough (the gap list).
    const Title = (props: { e: { label: string; title: string | null; titleLang: Language | null }; brief?: boolean }) => (
      <>
        <strong>{props.e.label}</strong>{' '}
        <span lang={props.e.titleLang ?? undefined} dir="auto" class={props.brief ? 'screen-only' : undefined}>
          {props.e.title ?? ''}
        </span>
      </>
    );
    // Served: something other than an indicator (which measures, not serves) counts for it.
    const served = (c: { counts: Record<(typeof measures)[number], number> }) =>
      measures.some((m) => m !== 'indicators' && c.counts[m] > 0);
    const servedOnes = d.commitments.filter(served);
    const unserved = d.commitments.filter((c) => !served(c));
    const bars = d.commitments.filter((c) => c.counts.initiatives > 0).map((c) => ({ label: c.label, value: c.counts.initiatives }));
    // A gap row of zeros only (nothing serves the action, nothing measures it): named, not printed.
    const emptyGap = (g: (typeof d.gaps)[number]) => g.stalePledges === 0 && measures.every((m) => g.counts[m] === 0);
    const emptyGaps = d.gaps.filter(emptyGap);
    const gapCounts = gapKinds
      .map((k) => [k, d.gaps.filter((g) => g.gaps.includes(k)).length] as const)
      .filter(([, count]) => count > 0)
      .map(([k, count]) => `${t(`coverage.gap.${k}`)}: ${n(count)}`);
    const commitmentsTable = (
      <table class="measures" tabindex={0}>
        <caption class="visually-hidden">{t('reports.compact.commitments')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.rows.action')}</th>
            {measures.map((m) => (
              <th scope="col" class="num">
                {t(`coverage.measure.${m}`)}
              </th>
            ))}
            <th scope="col">{t('coverage.columns.action-line')}</th>
          </tr>
        </thead>
        <tbody>
          {d.commitments.map((c) => (
            <tr class={served(c) ? undefined : 'empty'}>
              <th scope="row">
                <Title e={c} />
                {c.deadline ? <div class="meta">{t('reports.compact.dueBy', { year: c.deadline })}</div> : null}
              </th>
              {measures.map((m) => (
                <td class="num">{n(c.counts[m])}</td>
              ))}
              <td>
                {Object.entries(c.byActionLine)
                  .map(([line, count]) => `${lineLabel.get(line) ?? line} (${n(count)})`)
                  .join(', ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    return (
      <>
        <p>
          <Title e={d.objective} />
        </p>
        <section aria-labelledby="c-summary">
          <h2 id="c-summary">{t('reports.summary')}</h2>
          <dl class="facts">
            {measures.map((m) => (
              <>
                <dt>{t(`coverage.measure.${m}`)}</dt>
                <dd>{n(d.totals[m])}</dd>
              </>
            ))}
            <dt>{t('reports.covered')}</dt>
            <dd>
              {t('reports.compact.served', { count: servedOnes.length, total: d.commitments.length })}
              {servedOnes.length ? `: ${servedOnes.map((c) => c.label).join(' · ')}` : ''}
            </dd>
            {d.gaps.length ? (
              <>
                <dt>{t('coverage.gapsTitle')}</dt>
                <dd>{[n(d.gaps.length), ...gapCounts].join(' · ')}</dd>
              </>
            ) : null}
          </dl>
          <SourceNote t={t} report={report} ids={[map]} />
        </section>

        <section aria-labelledby="c-commitments">
          <h2 id="c-commitments">{t('reports.compact.commitments')}</h2>
          {bars.length ? (
            <Figure
              t={t}
              report={report}
              svg={barsSvg({
                title: t('reports.compact.chart'),
                desc: t('reports.sameInTable'),
                lang,
                rtl,
                bars,
                unitLabel: t('coverage.measure.initiatives'),
              })}
              caption={t('reports.compact.chart')}
              sources={[map, registry]}
            >
              {commitmentsTable}
            </Figure>
          ) : (
            <>
              {commitmentsTable}
              <SourceNote t={t} report={report} ids={[map, registry]} />
            </>
          )}
          <EmptyRows label={t('reports.compact.nothingYet', { count: unserved.length })} items={unserved.map((c) => c.label)} />
        </section>

        <section aria-labelledby="c-contributors">
          <h2 id="c-contributors">{t('reports.compact.contributors')}</h2>
          <table tabindex={0}>
            <caption>{t('organization.stakeholderType')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organization.stakeholderType')}</th>
                <th scope="col" class="num">
                  {t('coverage.measure.initiatives')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.contributors.byStakeholderType.map((s) => (
                <tr>
                  <th scope="row">{t(`stakeholder.${s.type}` as MessageKey)}</th>
                  <td class="num">{n(s.initiatives)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table tabindex={0}>
            <caption>{t('reports.compact.organizations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.leadOrganization')}</th>
                <th scope="col">{t('organization.stakeholderType')}</th>
                <th scope="col" class="num">
                  {t('coverage.measure.initiatives')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.contributors.organizations.map((o) => (
                <tr>
                  <th scope="row" dir="auto">
                    {o.name}
                  </th>
                  <td>{t(`stakeholder.${o.stakeholderType}` as MessageKey)}</td>
                  <td class="num">{n(o.initiatives)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <SourceNote t={t} report={report} ids={[registry]} />
        </section>

        <section aria-labelledby="c-roadmap">
          <h2 id="c-roadmap">{t('reports.compact.roadmap')}</h2>
          {d.activities.length ? (
            <table tabindex={0}>
              <caption class="visually-hidden">{t('reports.compact.roadmap')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roadmap.kind.activity')}</th>
                  <th scope="col">{t('nav.roadmaps')}</th>
                  <th scope="col">{t('roadmap.lead')}</th>
                  <th scope="col">{t('roadmap.dueDate')}</th>
                  <th scope="col">{t('roadmap.statusLabel')}</th>
                  <th scope="col" class="num">
                    {t('coverage.measure.initiatives')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.activities.map((a) => (
                  <tr>
                    <th scope="row">
                      <span dir="auto">{a.title}</span>
                      <div class="meta" dir="auto">
                        {a.outcome}
                      </div>
                    </th>
                    <td>
                      <span dir="auto">{a.roadmap.title}</span> (
                      {a.roadmap.actionLineId ? (lineLabel.get(a.roadmap.actionLineId) ?? a.roadmap.actionLineId) : t('roadmap.joint')})
                    </td>
                    <td dir="auto">{a.lead ?? a.roadmap.owner}</td>
                    <td dir="ltr">{a.dueDate ?? '—'}</td>
                    <td>{t(`roadmap.status.${a.status}` as MessageKey)}</td>
                    <td class="num">{a.initiatives ? n(a.initiatives) : t('roadmap.noInitiative')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('coverage.noActivities')}</p>
          )}
          <SourceNote t={t} report={report} ids={['concord:roadmaps']} />
        </section>

        <section aria-labelledby="c-indicators">
          <h2 id="c-indicators">{t('reports.compact.indicators')}</h2>
          {d.indicators.length ? (
            <>
              <table tabindex={0}>
                <caption class="visually-hidden">{t('reports.compact.indicators')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('indicators.name')}</th>
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
                      <WorldIndicatorCells t={t} lang={lang} indicator={i} />
                    </tr>
                  ))}
                </tbody>
              </table>
              <SourceNote t={t} report={report} ids={worldIndicatorSources(d.indicators)} />
            </>
          ) : (
            <p class="meta">{t('indicators.noData')}</p>
          )}
        </section>

        <section aria-labelledby="c-gaps">
          <h2 id="c-gaps">{t('coverage.gapsTitle')}</h2>
          <p class="meta">{t('coverage.gapsLede', { months: STALE_MONTHS })}</p>
          {d.gaps.length ? (
            <table class="measures" tabindex={0}>
              <caption class="visually-hidden">{t('coverage.gapsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('coverage.rows.action')}</th>
                  <th scope="col" class="num">
                    {t('coverage.measure.initiatives')}
                  </th>
                  <th scope="col" class="num">
                    {t('coverage.measure.pledges')}
                  </th>
                  <th scope="col" class="num">
                    {t('coverage.stalePledges')}
                  </th>
                  <th scope="col" class="num">
                    {t('coverage.measure.indicators')}
                  </th>
                  <th scope="col">{t('coverage.gaps')}</th>
                </tr>
              </thead>
              <tbody>
                {d.gaps.map((g) => (
                  <tr class={emptyGap(g) ? 'empty' : undefined}>
                    <th scope="row">
                      <Title e={g.action} brief />
                    </th>
                    <td class="num">{n(g.counts.initiatives)}</td>
                    <td class="num">{n(g.counts.pledges)}</td>
                    <td class="num">{n(g.stalePledges)}</td>
                    <td class="num">{n(g.counts.indicators)}</td>
                    <td>{g.gaps.map((k) => t(`coverage.gap.${k}`)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('coverage.noGaps')}</p>
          )}
          {emptyGaps.length ? (
            <EmptyRows
              label={`${emptyGaps[0]!.gaps.map((k) => t(`coverage.gap.${k}`)).join(', ')} (${n(emptyGaps.length)})`}
              items={emptyGaps.map((g) => g.action.label)}
            />
          ) : null}
          <SourceNote t={t} report={report} ids={[map]} />
        </section>

        <section aria-labelledby="c-mandates">
          <h2 id="c-mandates">{t('reports.compact.mandates', { shown: d.mandates.shown.length, total: d.mandates.total })}</h2>
          {d.mandates.shown.length ? (
            <table tabindex={0}>
              <caption class="visually-hidden">{t('mandate.list.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mandate.col.document')}</th>
                  <th scope="col">{t('mandate.col.what')}</th>
                  <th scope="col">{t('mandate.col.who')}</th>
                  <th scope="col">{t('mandate.col.when')}</th>
                  <th scope="col">{t('mandate.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {d.mandates.shown.map((m) => (
                  <tr>
                    <td>
                      <bdi>{m.document}</bdi>
                      {m.paragraph ? <> ¶ {m.paragraph}</> : null}
                    </td>
                    <td lang={m.lang} dir="auto">
                      {m.object}
                    </td>
                    <td>{m.actors.length ? m.actors.join(', ') : t('mandate.noActor')}</td>
                    <td dir="auto">{m.deadline ?? t('mandate.noDeadline')}</td>
                    <td>{t(`mandate.status.${m.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('mandate.none')}</p>
          )}
          <SourceNote t={t} report={report} ids={['concord:mandates']} />
        </section>

        <section aria-labelledby="c-initiatives">
          <h2 id="c-initiatives">{t('reports.compact.initiatives', { shown: d.initiatives.shown.length, total: d.initiatives.total })}</h2>
          <table tabindex={0}>
            <caption class="visually-hidden">{t('reports.initiatives')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.initiative')}</th>
                <th scope="col">{t('coverage.leadOrganization')}</th>
                <th scope="col">{t('initiative.status')}</th>
                <th scope="col">{t('registry.area')}</th>
              </tr>
            </thead>
            <tbody>
              {d.initiatives.shown.map((i) => (
                <tr>
                  <th scope="row" lang={i.lang} dir="auto">
                    {i.title}
                  </th>
                  <td dir="auto">{i.lead}</td>
                  <td>{t(`initiative.status.${i.status}` as MessageKey)}</td>
                  <td dir="ltr">{i.areas.join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <SourceNote t={t} report={report} ids={[registry]} />
        </section>
      </>
    );
  },

  tables(report): BundleTable[] {
    const d = report.data;
    return [
      {
        name: 'commitments',
        columns: ['action', 'text', 'deadline', ...measures, 'initiatives_by_action_line'],
        rows: d.commitments.map((c) => [
          c.id,
          c.title,
          c.deadline,
          ...measures.map((m) => c.counts[m]),
          Object.entries(c.byActionLine)
            .map(([line, count]) => `${line}:${count}`)
            .join(' '),
        ]),
      },
      {
        name: 'contributors',
        columns: ['organization_id', 'organization', 'stakeholder_type', 'initiatives'],
        rows: d.contributors.organizations.map((o) => [o.id, o.name, o.stakeholderType, o.initiatives]),
      },
      {
        name: 'roadmap-activities',
        columns: [
          'activity_id',
          'activity',
          'outcome',
          'roadmap_id',
          'roadmap',
          'action_line',
          'lead',
          'due_date',
          'status',
          'initiatives',
        ],
        rows: d.activities.map((a) => [
          a.id,
          a.title,
          a.outcome,
          a.roadmap.id,
          a.roadmap.title,
          a.roadmap.actionLineId,
          a.lead ?? a.roadmap.owner,
          a.dueDate,
          a.status,
          a.initiatives,
        ]),
      },
      {
        name: 'indicators',
        columns: ['indicator', 'name', 'unit', 'world_period', 'world_value', 'world_source', 'assessment', 'source'],
        rows: d.indicators.map((i) => [
          i.code,
          i.name,
          i.unit,
          i.world?.period ?? null,
          i.world?.value ?? null,
          i.world?.source ?? null,
          i.assessment ? (i.assessment.category ?? i.assessment.status) : null,
          i.sourceId,
        ]),
      },
      {
        name: 'gaps',
        columns: ['action', 'text', 'initiatives', 'pledges', 'stale_pledges', 'indicators', 'activities', 'gaps'],
        rows: d.gaps.map((g) => [
          g.action.id,
          g.action.title,
          g.counts.initiatives,
          g.counts.pledges,
          g.stalePledges,
          g.counts.indicators,
          g.counts.activities,
          g.gaps.join(' '),
        ]),
      },
      {
        name: 'mandates',
        columns: ['mandate_id', 'document', 'paragraph', 'what', 'language', 'of_whom', 'by_when', 'due', 'status'],
        rows: d.mandates.shown.map((m) => [
          m.id,
          m.document,
          m.paragraph,
          m.object,
          m.lang,
          m.actors.join('; '),
          m.deadline,
          m.due,
          m.status,
        ]),
      },
      {
        name: 'initiatives',
        columns: ['initiative_id', 'title', 'language', 'lead_organization', 'status', 'areas'],
        rows: d.initiatives.shown.map((i) => [i.id, i.title, i.lang, i.lead, i.status, i.areas.join(' ')]),
      },
    ];
  },
});
