// Roadmap pages: the list (the joint WSIS-GDC roadmap first), a roadmap as a tree of outcomes,
// outputs and activities with its quality checks, a timeline against the milestones (SVG with its
// table) and its history; forms to start a roadmap and to add or change its parts.
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { Foreign, href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { requireUser } from '../web/session.ts';
import { firstValue, readRawForm, type FieldErrors } from '../web/forms.ts';
import { ErrorSummary, Field, PostForm, SelectField, errorText } from '../web/form-ui.tsx';
import { formRoute, type FormTarget } from '../web/form-page.tsx';
import type { MessageKey, Translate } from '../i18n/index.ts';
import { endonyms, languages, type Language } from '../language/languages.ts';
import { splitCodes } from '../areas/index.ts';
import { isReviewer } from '../accounts/service.ts';
import { listOrganizations, membershipsOf } from '../organizations/service.ts';
import { historyOf } from '../provenance/history.ts';
import { actorNames, ChangeTable } from '../provenance/change-table.tsx';
import { summaries } from '../frameworks/service.ts';
import { elementLabel } from '../frameworks/pages.tsx';
import { sql } from '../store/index.ts';
import { nodeInput, nodeStatuses, roadmapInput, childKind, type NodeKind } from './model.ts';
import {
  addNode,
  createRoadmap,
  getRoadmap,
  listRoadmaps,
  publishRoadmap,
  reopenRoadmap,
  updateNode,
  type Roadmap,
  type RoadmapNode,
} from './service.ts';
import type { Finding } from './checks.ts';
import { milestones } from './milestones.ts';

type Ctx = PageContext & { csrf: string };

const actionLines = Array.from({ length: 11 }, (_, k) => `wsis.C${k + 1}`);

function findingText(t: Translate, f: Finding): string {
  return t(`roadmap.check.${f.rule}`, { title: f.nodeTitle ?? '' });
}

// ---------------------------------------------------------------- the timeline

/** Activities' due dates against the milestones, as SVG; the table after it carries the same dates. */
function Timeline(props: { ctx: Ctx; roadmap: Roadmap }) {
  const { ctx, roadmap } = props;
  const { t } = ctx;
  const dated = roadmap.nodes.filter((n) => n.dueDate);
  const years = [...milestones.map((m) => Number(m.date.slice(0, 4))), ...dated.map((n) => Number(n.dueDate!.slice(0, 4)))];
  const from = Math.min(2025, ...years);
  const to = Math.max(2036, ...years.map((y) => y + 1));
  const w = 720;
  const h = 150;
  const pad = 30;
  const x = (date: string) =>
    pad + ((Date.parse(date) - Date.UTC(from, 0, 1)) / (Date.UTC(to, 0, 1) - Date.UTC(from, 0, 1))) * (w - 2 * pad);
  const ticks = Array.from({ length: to - from + 1 }, (_, k) => from + k).filter((y) => (y - from) % 2 === 0);
  const rows = [
    ...milestones.map((m) => ({ date: m.date, label: t(m.label), kind: 'milestone' as const, source: m.source })),
    ...dated.map((n) => ({ date: n.dueDate!, label: n.title, kind: n.kind, source: '' })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-labelledby="timeline-title" direction="ltr">
        <title id="timeline-title">{t('roadmap.timelineTitle', { count: dated.length })}</title>
        <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} class="axis" />
        {ticks.map((y) => (
          <text x={x(`${y}-01-01`)} y={h - pad + 16} class="tick" text-anchor="middle">
            {y}
          </text>
        ))}
        {milestones.map((m, k) => (
          <g>
            <line x1={x(m.date)} y1={pad / 2} x2={x(m.date)} y2={h - pad} class="milestone" />
            <text x={x(m.date) + 3} y={12 + (k % 3) * 12} class="tick">
              {m.date.slice(0, 4)}
            </text>
          </g>
        ))}
        {dated.map((n, k) => (
          <circle cx={x(n.dueDate!)} cy={h - pad - 14 - (k % 4) * 14} r="5" class={`point node-${n.kind}`}>
            <title>{`${n.title} (${n.dueDate})`}</title>
          </circle>
        ))}
      </svg>
      <figcaption class="meta">{t('roadmap.timelineLegend')}</figcaption>
      <table>
        <caption class="visually-hidden">{t('roadmap.timelineTitle', { count: dated.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pledge.date')}</th>
            <th scope="col">{t('roadmap.what')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td dir="ltr">{r.date}</td>
              <td>
                {r.kind === 'milestone' ? <strong>{r.label}</strong> : <span dir="auto">{r.label}</span>}
                {r.kind === 'milestone' ? <div class="meta">{r.source}</div> : <span class="meta"> · {t(`roadmap.kind.${r.kind}`)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

// ---------------------------------------------------------------- the roadmap

function NodeItem(props: { ctx: Ctx; roadmap: Roadmap; node: RoadmapNode; labels: Map<string, string>; findings: Finding[] }) {
  const { ctx, node: n } = props;
  const { t } = ctx;
  const children = props.roadmap.nodes.filter((c) => c.parentId === n.id);
  const next = childKind(n.kind);
  const mine = props.findings.filter((f) => f.nodeId === n.id);
  return (
    <li id={`node-${n.id}`} class={`node node-${n.kind}`}>
      <p>
        <span class="badge">{t(`roadmap.kind.${n.kind}`)}</span>{' '}
        <strong lang={props.roadmap.lang} dir="auto">
          {n.title}
        </strong>{' '}
        <span class="meta">{t(`roadmap.status.${n.status}`)}</span>
      </p>
      {n.description ? (
        <p class="meta" lang={props.roadmap.lang} dir="auto">
          {n.description}
        </p>
      ) : null}
      <dl class="facts">
        {n.leadOrganization ? (
          <>
            <dt>{t('roadmap.lead')}</dt>
            <dd>
              <a href={href(ctx, `/organizations/${n.leadOrganization.id}`)} dir="auto">
                {n.leadOrganization.name}
              </a>
              {n.contributors.length ? (
                <>
                  {' '}
                  · {t('roadmap.with')}{' '}
                  {n.contributors.map((c, k) => (
                    <>
                      {k ? ', ' : ''}
                      <a href={href(ctx, `/organizations/${c.id}`)} dir="auto">
                        {c.name}
                      </a>
                    </>
                  ))}
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {n.startDate || n.dueDate ? (
          <>
            <dt>{t('roadmap.dates')}</dt>
            <dd dir="ltr">
              {n.startDate ?? '…'} – {n.dueDate ?? '…'}
            </dd>
          </>
        ) : null}
        {n.elements.length ? (
          <>
            <dt>{t('roadmap.serves')}</dt>
            <dd>
              {n.elements.map((e, k) => (
                <>
                  {k ? ' · ' : ''}
                  <a href={href(ctx, `/elements/${e}`)}>{props.labels.get(e) ?? e}</a>
                </>
              ))}
            </dd>
          </>
        ) : null}
        {n.indicators.length ? (
          <>
            <dt>{t('roadmap.indicators')}</dt>
            <dd>
              {n.indicators.map((i, k) => (
                <>
                  {k ? ' · ' : ''}
                  <a href={href(ctx, `/indicators/${encodeURIComponent(i.code)}`)} dir="ltr">
                    {i.code}
                  </a>
                  {i.targetValue !== null ? ` → ${i.targetValue}${i.targetYear ? ` (${i.targetYear})` : ''}` : ''}
                </>
              ))}
            </dd>
          </>
        ) : null}
        {n.kind === 'activity' ? (
          <>
            <dt>{t('roadmap.carriedOutBy')}</dt>
            <dd>
              {n.initiatives.length
                ? n.initiatives.map((i, k) => (
                    <>
                      {k ? ' · ' : ''}
                      <a href={href(ctx, `/initiatives/${i.id}`)} dir="auto">
                        {i.title}
                      </a>
                    </>
                  ))
                : t('roadmap.noInitiative')}
            </dd>
          </>
        ) : null}
      </dl>
      {mine.length ? (
        <ul class="findings">
          {mine.map((f) => (
            <li class="error">{findingText(t, f)}</li>
          ))}
        </ul>
      ) : null}
      {props.roadmap.editable ? (
        <p class="meta">
          <a href={href(ctx, `/roadmap-nodes/${n.id}/edit`)}>{t('roadmap.edit', { kind: t(`roadmap.kind.${n.kind}`) })}</a>
          {next ? (
            <>
              {' · '}
              <a href={href(ctx, `/roadmaps/${props.roadmap.id}/nodes/new?parent=${n.id}`)}>{t(`roadmap.add.${next}`)}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {children.length ? (
        <ul class="tree">
          {children.map((c) => (
            <NodeItem ctx={ctx} roadmap={props.roadmap} node={c} labels={props.labels} findings={props.findings} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function RoadmapPage(props: {
  ctx: Ctx;
  roadmap: Roadmap;
  labels: Map<string, string>;
  changes: Awaited<ReturnType<typeof historyOf>>;
  names: Map<string, string>;
  /** The findings of a refused publication, shown as the page's errors. */
  refused?: Finding[];
  notice?: string | undefined;
}) {
  const { ctx, roadmap: r } = props;
  const { t } = ctx;
  const outcomes = r.nodes.filter((n) => n.parentId === null);
  const refusedErrors: FieldErrors = Object.fromEntries(
    (props.refused ?? []).map((f, k) => [
      `check${k}`,
      { key: `roadmap.check.${f.rule}` as MessageKey, values: { title: f.nodeTitle ?? '' } },
    ]),
  );
  return (
    <Layout ctx={ctx} title={r.title}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, '/roadmaps')}>{t('roadmap.listTitle')}</a>
          </li>
        </ol>
      </nav>
      {props.notice ? (
        <p role="status" class="notice">
          {props.notice}
        </p>
      ) : null}
      {props.refused ? <ErrorSummary ctx={ctx} errors={refusedErrors} labels={{}} /> : null}
      <h1>
        <Foreign lang={r.lang as Language} page={ctx.lang} t={t}>
          {r.title}
        </Foreign>
      </h1>
      <p class="meta">
        {r.actionLineId ? t('roadmap.forActionLine', { line: props.labels.get(r.actionLineId) ?? r.actionLineId }) : t('roadmap.joint')} ·{' '}
        <a href={href(ctx, `/organizations/${r.owner.id}`)} dir="auto">
          {r.owner.name}
        </a>{' '}
        <span class={`badge record-${r.state}`}>{t(`roadmap.state.${r.state}`)}</span>
      </p>
      {r.description ? (
        <p class="text" lang={r.lang} dir="auto">
          {r.description}
        </p>
      ) : null}
      {r.state === 'draft' && (r.editable || r.findings.length) ? (
        <section aria-labelledby="checks-title" class={r.findings.length ? 'checks has-findings' : 'checks'}>
          <h2 id="checks-title">{t('roadmap.checksTitle', { count: r.findings.length })}</h2>
          <p class="meta">{t('roadmap.checksRules')}</p>
          {r.findings.length ? (
            <ul>
              {r.findings.map((f) => (
                <li>{f.nodeId ? <a href={`#node-${f.nodeId}`}>{findingText(t, f)}</a> : findingText(t, f)}</li>
              ))}
            </ul>
          ) : null}
          {r.editable ? (
            <PostForm ctx={ctx} action={href(ctx, `/roadmaps/${r.id}/publish`)} class="action" label={t('roadmap.publish')}>
              <button type="submit">{t('roadmap.publish')}</button>
            </PostForm>
          ) : null}
        </section>
      ) : null}
      <h2>{t('roadmap.treeTitle', { count: outcomes.length })}</h2>
      {outcomes.length ? (
        <ul class="tree">
          {outcomes.map((n) => (
            <NodeItem ctx={ctx} roadmap={r} node={n} labels={props.labels} findings={r.state === 'draft' ? r.findings : []} />
          ))}
        </ul>
      ) : (
        <p class="meta">{t('roadmap.empty')}</p>
      )}
      {r.editable ? (
        <p>
          <a href={href(ctx, `/roadmaps/${r.id}/nodes/new`)}>{t('roadmap.add.outcome')}</a>
        </p>
      ) : null}
      {r.reopenable ? (
        <PostForm ctx={ctx} action={href(ctx, `/roadmaps/${r.id}/reopen`)} class="action" label={t('roadmap.reopen')}>
          <button type="submit" class="secondary">
            {t('roadmap.reopen')}
          </button>
        </PostForm>
      ) : null}
      <h2>{t('roadmap.timeline')}</h2>
      <Timeline ctx={ctx} roadmap={r} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('initiative.history')}</h2>
        <ChangeTable ctx={ctx} changes={props.changes} names={props.names} caption={t('initiative.history')} hideCaption />
      </section>
      <p class="meta">
        <a href={`/api/v1/roadmaps/${r.id}`}>{t('element.asJson')}</a>
      </p>
    </Layout>
  );
}

function RoadmapsPage(props: {
  ctx: Ctx;
  roadmaps: Awaited<ReturnType<typeof listRoadmaps>>;
  signedIn: boolean;
  labels: Map<string, string>;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('roadmap.listTitle')}>
      <h1>{t('roadmap.listTitle')}</h1>
      <p class="lede">{t('roadmap.listLede')}</p>
      {props.signedIn ? (
        <p>
          <a href={href(ctx, '/roadmaps/new')}>{t('roadmap.new')}</a>
        </p>
      ) : null}
      {props.roadmaps.length ? (
        <ul class="links">
          {props.roadmaps.map((r) => (
            <li>
              <a href={href(ctx, `/roadmaps/${r.id}`)}>
                <Foreign lang={r.lang as Language} page={ctx.lang} t={t}>
                  {r.title}
                </Foreign>
              </a>{' '}
              {r.state !== 'published' ? <span class={`badge record-${r.state}`}>{t(`roadmap.state.${r.state}`)}</span> : null}
              <div class="meta">
                {r.actionLineId ? (props.labels.get(r.actionLineId) ?? r.actionLineId) : t('roadmap.joint')} ·{' '}
                <span dir="auto">{r.owner.name}</span> · {t('roadmap.parts', { count: r.nodes })}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="meta">{t('roadmap.none')}</p>
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------- forms

const roadmapLabels = (t: Translate) => ({
  title: t('roadmap.title'),
  description: t('roadmap.description'),
  lang: t('roadmap.language'),
  ownerOrganizationId: t('roadmap.owner'),
  actionLineId: t('roadmap.actionLine'),
});

type RoadmapTarget = FormTarget & { organizations: { id: string; name: string }[]; lines: Map<string, string> };

function RoadmapForm(props: { ctx: Ctx; target: RoadmapTarget; errors?: FieldErrors; values?: Record<string, string> }) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={href(ctx, '/roadmaps/new')} label={t('roadmap.new')}>
      <Field ctx={ctx} name="title" label={t('roadmap.title')} value={values?.title} errors={errors} required dir="auto" />
      <Field
        ctx={ctx}
        name="description"
        label={t('roadmap.description')}
        value={values?.description}
        errors={errors}
        multiline
        dir="auto"
      />
      <SelectField
        ctx={ctx}
        name="lang"
        label={t('roadmap.language')}
        options={languages.map((l) => ({ value: l, label: endonyms[l], lang: l }))}
        value={values?.lang ?? ctx.lang}
        errors={errors}
        required
      />
      <SelectField
        ctx={ctx}
        name="ownerOrganizationId"
        label={t('roadmap.owner')}
        options={props.target.organizations.map((o) => ({ value: o.id, label: o.name }))}
        value={values?.ownerOrganizationId}
        errors={errors}
        required
      />
      <SelectField
        ctx={ctx}
        name="actionLineId"
        label={t('roadmap.actionLine')}
        options={[
          { value: '', label: t('roadmap.joint') },
          ...actionLines.map((l) => ({ value: l, label: props.target.lines.get(l) ?? l })),
        ]}
        value={values?.actionLineId}
        errors={errors}
      />
      <button type="submit">{t('roadmap.new')}</button>
    </PostForm>
  );
}

const nodeLabels = (t: Translate) => ({
  title: t('roadmap.title'),
  description: t('roadmap.description'),
  leadOrganizationId: t('roadmap.lead'),
  contributors: t('roadmap.contributors'),
  startDate: t('initiative.startDate'),
  dueDate: t('roadmap.dueDate'),
  status: t('roadmap.statusLabel'),
  elements: t('roadmap.serves'),
  indicators: t('roadmap.indicators'),
  initiatives: t('roadmap.carriedOutBy'),
  parentId: t('roadmap.parent'),
});

type NodeTarget = FormTarget & {
  action: string;
  kind: NodeKind;
  parentId: string | null;
  organizations: { id: string; name: string }[];
  current?: RoadmapNode;
};

const INDICATOR_ROWS = 3;

function NodeForm(props: { ctx: Ctx; target: NodeTarget; errors?: FieldErrors; values?: Record<string, string> }) {
  const { ctx, errors, target } = props;
  const { t } = ctx;
  const n = target.current;
  const values = props.values ?? {
    title: n?.title ?? '',
    description: n?.description ?? '',
    leadOrganizationId: n?.leadOrganization?.id ?? '',
    contributors: (n?.contributors ?? []).map((c) => c.id).join(', '),
    startDate: n?.startDate ?? '',
    dueDate: n?.dueDate ?? '',
    status: n?.status ?? 'planned',
    elements: (n?.elements ?? []).join(' '),
    initiatives: (n?.initiatives ?? []).map((i) => i.id).join(' '),
    ...Object.fromEntries(
      (n?.indicators ?? []).flatMap((i, k) => [
        [`indicator_code_${k}`, i.code],
        [`indicator_target_${k}`, i.targetValue === null ? '' : String(i.targetValue)],
        [`indicator_year_${k}`, i.targetYear === null ? '' : String(i.targetYear)],
      ]),
    ),
  };
  const organizations = target.organizations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <PostForm ctx={ctx} action={href(ctx, target.action)} label={t(`roadmap.kind.${target.kind}`)}>
      {target.parentId ? <input type="hidden" name="parentId" value={target.parentId} /> : null}
      <Field ctx={ctx} name="title" label={t('roadmap.title')} value={values.title} errors={errors} required dir="auto" />
      <Field
        ctx={ctx}
        name="description"
        label={t('roadmap.description')}
        value={values.description}
        errors={errors}
        multiline
        dir="auto"
      />
      <SelectField
        ctx={ctx}
        name="leadOrganizationId"
        label={t('roadmap.lead')}
        options={[{ value: '', label: t('roadmap.noLead') }, ...organizations]}
        value={values.leadOrganizationId}
        errors={errors}
      />
      <SelectField
        ctx={ctx}
        name="contributors"
        label={t('roadmap.contributors')}
        options={organizations}
        value={values.contributors}
        errors={errors}
        multiple
      />
      <div class="row">
        <Field
          ctx={ctx}
          name="startDate"
          label={t('initiative.startDate')}
          type="date"
          value={values.startDate}
          errors={errors}
          dir="ltr"
        />
        <Field ctx={ctx} name="dueDate" label={t('roadmap.dueDate')} type="date" value={values.dueDate} errors={errors} dir="ltr" />
        <SelectField
          ctx={ctx}
          name="status"
          label={t('roadmap.statusLabel')}
          options={nodeStatuses.map((s) => ({ value: s, label: t(`roadmap.status.${s}`) }))}
          value={values.status}
          errors={errors}
          required
        />
      </div>
      <Field
        ctx={ctx}
        name="elements"
        label={t('roadmap.serves')}
        hint={t('roadmap.servesHint')}
        value={values.elements}
        errors={errors}
        dir="ltr"
      />
      {target.kind === 'activity' ? (
        <Field
          ctx={ctx}
          name="initiatives"
          label={t('roadmap.carriedOutBy')}
          hint={t('roadmap.carriedOutByHint')}
          value={values.initiatives}
          errors={errors}
          dir="ltr"
        />
      ) : null}
      <fieldset class={errors?.indicators ? 'has-error' : undefined}>
        <legend>{t('roadmap.indicators')}</legend>
        <p class="hint">{t('roadmap.indicatorsHint')}</p>
        {errors?.indicators ? (
          <p class="error" id="f-indicators-error">
            <span class="visually-hidden">{t('form.errorPrefix')}</span>
            {errorText(t, errors.indicators)}
          </p>
        ) : null}
        {Array.from({ length: INDICATOR_ROWS }, (_, k) => (
          <div class="row">
            <Field
              ctx={ctx}
              name={`indicator_code_${k}`}
              label={t('roadmap.indicatorCode', { n: k + 1 })}
              value={values[`indicator_code_${k}`]}
              dir="ltr"
            />
            <Field
              ctx={ctx}
              name={`indicator_target_${k}`}
              label={t('roadmap.indicatorTarget', { n: k + 1 })}
              value={values[`indicator_target_${k}`]}
              dir="ltr"
            />
            <Field
              ctx={ctx}
              name={`indicator_year_${k}`}
              label={t('roadmap.indicatorYear', { n: k + 1 })}
              value={values[`indicator_year_${k}`]}
              dir="ltr"
            />
          </div>
        ))}
      </fieldset>
      <button type="submit">{t('roadmap.save')}</button>
    </PostForm>
  );
}

/** The node form's fields as the schema's input. */
function nodeFields(raw: Record<string, string | string[]>) {
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);
  const numberOrNull = (v: string) => (v === '' ? null : Number(v.replace(',', '.')));
  const indicators = Array.from({ length: INDICATOR_ROWS }, (_, k) => ({
    code: firstValue(raw[`indicator_code_${k}`]),
    targetValue: numberOrNull(firstValue(raw[`indicator_target_${k}`])),
    targetYear: numberOrNull(firstValue(raw[`indicator_year_${k}`])),
  })).filter((i) => i.code || i.targetValue !== null || i.targetYear !== null);
  const blank = (v: string) => (v === '' ? null : v);
  return nodeInput.safeParse({
    parentId: blank(firstValue(raw.parentId)),
    title: firstValue(raw.title),
    description: firstValue(raw.description),
    leadOrganizationId: blank(firstValue(raw.leadOrganizationId)),
    contributors: list(raw.contributors),
    startDate: blank(firstValue(raw.startDate)),
    dueDate: blank(firstValue(raw.dueDate)),
    status: firstValue(raw.status) || 'planned',
    elements: splitCodes(firstValue(raw.elements)),
    initiatives: splitCodes(firstValue(raw.initiatives)),
    indicators,
  });
}

// ---------------------------------------------------------------- routes

async function elementLabels(db: Parameters<typeof summaries>[0], ids: string[], ctx: PageContext): Promise<Map<string, string>> {
  const found = await summaries(db, [...new Set(ids)], ctx.lang);
  return new Map(found.map((e) => [e.id, `${elementLabel(ctx.t, e)}${e.title ? `: ${e.title}` : ''}`]));
}

export function registerRoadmapPages(app: Hono<AppEnv>): void {
  const L = localePath;

  const showRoadmap = async (
    c: Context<AppEnv>,
    id: string,
    extra: { refused?: Finding[]; notice?: string } = {},
    status: 200 | 422 = 200,
  ) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const roadmap = await getRoadmap(db, id, c.var.user);
    if (!roadmap) return undefined;
    const changes = await historyOf(db, 'roadmap', id, c.var.user);
    const labels = await elementLabels(
      db,
      [...roadmap.nodes.flatMap((n) => n.elements), ...(roadmap.actionLineId ? [roadmap.actionLineId] : [])],
      ctx,
    );
    return c.html(
      <RoadmapPage ctx={ctx} roadmap={roadmap} labels={labels} changes={changes} names={await actorNames(db, changes)} {...extra} />,
      status,
    );
  };

  app.get(`${L}/roadmaps`, async (c) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const roadmaps = await listRoadmaps(db, c.var.user);
    const labels = await elementLabels(db, actionLines, ctx);
    return c.html(<RoadmapsPage ctx={ctx} roadmaps={roadmaps} signedIn={Boolean(c.var.user)} labels={labels} />);
  });

  formRoute<ReturnType<typeof roadmapInput.parse>, RoadmapTarget>(app, `${L}/roadmaps/new`, {
    title: 'roadmap.new',
    target: async (c, ctx) => {
      const user = requireUser(c);
      const db = c.var.store.db;
      const organizations = isReviewer(user)
        ? (await listOrganizations(db)).map((o) => ({ id: o.id, name: o.name }))
        : (await membershipsOf(db, user.id))
            .filter((m) => m.state === 'active')
            .map((m) => ({ id: m.organizationId, name: m.organizationName }));
      return {
        back: href(ctx, '/roadmaps'),
        backLabel: ctx.t('roadmap.listTitle'),
        organizations,
        lines: await elementLabels(db, actionLines, ctx),
      };
    },
    labels: (t) => roadmapLabels(t),
    form: (props) => <RoadmapForm {...props} />,
    parse: (raw) =>
      roadmapInput.safeParse({
        title: firstValue(raw.title),
        description: firstValue(raw.description),
        lang: firstValue(raw.lang),
        ownerOrganizationId: firstValue(raw.ownerOrganizationId),
        actionLineId: firstValue(raw.actionLineId) || null,
      }),
    save: async (c, user, data) => `/${c.var.lang}/roadmaps/${await createRoadmap(c.var.store, user, data)}`,
  });

  app.get(`${L}/roadmaps/:id`, async (c, next) => {
    const notice = c.req.query('done') === 'publish' ? pageContext(c).t('roadmap.published') : undefined;
    return (await showRoadmap(c, c.req.param('id'), notice ? { notice } : {})) ?? next();
  });

  app.post(`${L}/roadmaps/:id/publish`, async (c, next) => {
    const user = requireUser(c);
    await readRawForm(c);
    const result = await publishRoadmap(c.var.store, user, c.req.param('id'));
    if (result.published) return c.redirect(`/${c.var.lang}/roadmaps/${c.req.param('id')}?done=publish`, 303);
    return (await showRoadmap(c, c.req.param('id'), { refused: result.findings }, 422)) ?? next();
  });

  app.post(`${L}/roadmaps/:id/reopen`, async (c) => {
    const user = requireUser(c);
    await readRawForm(c);
    await reopenRoadmap(c.var.store, user, c.req.param('id'));
    return c.redirect(`/${c.var.lang}/roadmaps/${c.req.param('id')}`, 303);
  });

  const organizationsFor = async (c: Context<AppEnv>) => (await listOrganizations(c.var.store.db)).map((o) => ({ id: o.id, name: o.name }));

  formRoute<ReturnType<typeof nodeInput.parse>, NodeTarget>(app, `${L}/roadmaps/:id/nodes/new`, {
    title: 'roadmap.addTitle',
    target: async (c, ctx) => {
      const roadmapId = c.req.param('id')!;
      const db = c.var.store.db;
      const roadmap = await getRoadmap(db, roadmapId, c.var.user);
      if (!roadmap?.editable) return undefined;
      // The parent comes with the link (?parent=), which the form posts back to.
      const parent = c.req.query('parent') || null;
      const [row] = parent
        ? await db.query<{ kind: NodeKind }>(sql`SELECT kind FROM roadmap_nodes WHERE id = ${parent} AND roadmap_id = ${roadmapId}`)
        : [];
      if (parent && !row) return undefined;
      const kind = childKind(row?.kind ?? null) ?? 'activity';
      return {
        back: href(ctx, `/roadmaps/${roadmapId}`),
        backLabel: roadmap.title,
        action: `/roadmaps/${roadmapId}/nodes/new${parent ? `?parent=${encodeURIComponent(parent)}` : ''}`,
        kind,
        parentId: parent,
        organizations: await organizationsFor(c),
      };
    },
    labels: (t) => nodeLabels(t),
    form: (props) => <NodeForm {...props} />,
    parse: nodeFields,
    save: async (c, user, data) => {
      const id = await addNode(c.var.store, user, c.req.param('id')!, data);
      return `/${c.var.lang}/roadmaps/${c.req.param('id')}#node-${id}`;
    },
  });

  formRoute<ReturnType<typeof nodeInput.parse>, NodeTarget>(app, `${L}/roadmap-nodes/:id/edit`, {
    title: 'roadmap.editTitle',
    target: async (c, ctx) => {
      const db = c.var.store.db;
      const [row] = await db.query<{ roadmap_id: string }>(sql`SELECT roadmap_id FROM roadmap_nodes WHERE id = ${c.req.param('id')}`);
      const roadmap = row ? await getRoadmap(db, row.roadmap_id, c.var.user) : undefined;
      const current = roadmap?.nodes.find((n) => n.id === c.req.param('id'));
      if (!roadmap || !current) return undefined;
      return {
        back: href(ctx, `/roadmaps/${roadmap.id}`),
        backLabel: roadmap.title,
        action: `/roadmap-nodes/${current.id}/edit`,
        kind: current.kind,
        parentId: null,
        organizations: await organizationsFor(c),
        current,
      };
    },
    labels: (t) => nodeLabels(t),
    form: (props) => <NodeForm {...props} />,
    parse: nodeFields,
    save: async (c, user, data) => {
      await updateNode(c.var.store, user, c.req.param('id')!, data);
      const [row] = await c.var.store.db.query<{ roadmap_id: string }>(
        sql`SELECT roadmap_id FROM roadmap_nodes WHERE id = ${c.req.param('id')}`,
      );
      return `/${c.var.lang}/roadmaps/${row!.roadmap_id}#node-${c.req.param('id')}`;
    },
  });
}
