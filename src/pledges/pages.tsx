// Pledges on the initiative page: each with its status and the rule behind it, progress (a
// small SVG chart with its data table), money by stage, and the forms to add pledges,
// transactions and progress updates. Reviewers publish progress updates from their queue.
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { requireUser } from '../web/session.ts';
import { firstValue, readRawForm, type FieldErrors } from '../web/forms.ts';
import { Field, PostForm, SelectField } from '../web/form-ui.tsx';
import { registerSection } from '../web/sections.tsx';
import { formRoute, type FormTarget } from '../web/form-page.tsx';
import type { MessageKey, Translate } from '../i18n/index.ts';
import { isMember, isReviewer, membershipsOf } from '../accounts/service.ts';
import {
  addProgressUpdate,
  addTransaction,
  createPledge,
  getPledge,
  initiativeProgress,
  pendingUpdates,
  pledgeInput,
  pledgesBy,
  pledgesOf,
  reviewPledge,
  reviewProgressUpdate,
  submittedPledges,
  type PledgeDecision,
  transactionInput,
  transactionKinds,
  updateInput,
  type Pledge,
} from './service.ts';
import { decimalsOf, expectedValue } from './progress.ts';
import { sql, type Database } from '../store/index.ts';
import { historyOf, type Change } from '../provenance/history.ts';
import { actorNames, ChangeTable } from '../provenance/change-table.tsx';
import type { Language } from '../language/languages.ts';
import { splitCodes } from '../areas/index.ts';
import { isolate, UserText, Value } from '../web/text.tsx';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.ts';
import { labelWidth } from '../charts/svg.ts';

type Ctx = PageContext & { csrf: string };

/** Progress against the straight line from baseline to target, as SVG; the table beside it carries the same data. */
function ProgressChart(props: { ctx: Ctx; pledge: Pledge; id: string }) {
  const { pledge: p, ctx } = props;
  const points = p.updates.filter((u) => u.state === 'published');
  const w = 420;
  const h = 160;
  const pad = 34;
  const digits = decimalsOf(p);
  const targetLabel = formatNumber(ctx.lang, p.targetValue, digits);
  // The value axis is as wide as its label (11 px, concord.css ".chart .tick"): "40,000" must not lose its "4".
  const left = Math.max(pad, labelWidth(targetLabel, 11) + 8);
  const t0 = Date.parse(p.baselineDate);
  const t1 = Date.parse(p.targetDate);
  const values = [p.baselineValue, p.targetValue, ...points.map((u) => u.value)];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (date: string) => left + ((Date.parse(date) - t0) / (t1 - t0 || 1)) * (w - left - pad);
  const y = (v: number) => h - pad - ((v - lo) / (hi - lo || 1)) * (h - 2 * pad);
  const line = `M${x(p.baselineDate)},${y(p.baselineValue)} L${x(p.targetDate)},${y(p.targetValue)}`;
  const path = [{ date: p.baselineDate, value: p.baselineValue }, ...points]
    .map((u, i) => `${i ? 'L' : 'M'}${x(u.date)},${y(u.value)}`)
    .join(' ');
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-labelledby={`${props.id}-title`} direction="ltr">
        <title id={`${props.id}-title`}>
          {ctx.t('pledge.chartTitle', {
            metric: isolate(p.metric),
            baseline: formatNumber(ctx.lang, p.baselineValue, digits),
            target: targetLabel,
            year: p.targetDate.slice(0, 4),
          })}
        </title>
        <line x1={left} y1={h - pad} x2={w - pad} y2={h - pad} class="axis" />
        <line x1={left} y1={pad / 2} x2={left} y2={h - pad} class="axis" />
        <path d={line} class="expected" />
        <path d={path} class="actual" />
        {points.map((u) => (
          <circle cx={x(u.date)} cy={y(u.value)} r="4" class="point" />
        ))}
        <text x={left} y={h - pad + 16} class="tick">
          {p.baselineDate.slice(0, 4)}
        </text>
        <text x={w - pad} y={h - pad + 16} class="tick" text-anchor="end">
          {p.targetDate.slice(0, 4)}
        </text>
        <text x={left - 4} y={y(p.targetValue) + 4} class="tick" text-anchor="end">
          {targetLabel}
        </text>
      </svg>
      <figcaption class="meta">{ctx.t('pledge.chartLegend')}</figcaption>
    </figure>
  );
}

function PledgeItem(props: { ctx: Ctx; pledge: Pledge; editable: boolean; canReport: boolean; n: number }) {
  const { ctx, pledge: p } = props;
  const { t } = ctx;
  const id = `pledge-${props.n}`;
  const digits = decimalsOf(p);
  return (
    <li class="pledge" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        <UserText>{p.metric}</UserText>{' '}
        <span class={`badge pledge-${p.progress.status}`}>{t(`pledge.status.${p.progress.status}` as MessageKey)}</span>
      </h3>
      <p class="meta">{t(`pledge.rule.${p.progress.status}` as MessageKey)}</p>
      <dl class="facts">
        <dt>{t('pledge.from')}</dt>
        <dd>
          {formatNumber(ctx.lang, p.baselineValue, digits)} <UserText>{p.unit}</UserText> (
          <Value>{formatDate(ctx.lang, p.baselineDate)}</Value>)
        </dd>
        <dt>{t('pledge.to')}</dt>
        <dd>
          {formatNumber(ctx.lang, p.targetValue, digits)} <UserText>{p.unit}</UserText> (<Value>{formatDate(ctx.lang, p.targetDate)}</Value>
          )
        </dd>
        <dt>{t('pledge.progress')}</dt>
        <dd>
          {p.progress.progressPercent === null ? t('pledge.noProgressYet') : t('pledge.percent', { percent: p.progress.progressPercent })}
          {p.progress.expectedAtLatest !== null && p.progress.latest
            ? ` · ${t('pledge.expectedThen', { value: formatNumber(ctx.lang, p.progress.expectedAtLatest, digits), date: p.progress.latest.date })}`
            : ''}
        </dd>
        {p.beneficiaries !== null ? (
          <>
            <dt>{t('pledge.beneficiaries')}</dt>
            <dd>{formatNumber(ctx.lang, p.beneficiaries)}</dd>
          </>
        ) : null}
        {p.money.length ? (
          <>
            <dt>{t('pledge.money')}</dt>
            <dd>
              {p.money
                .map(
                  (m) =>
                    `${t(`pledge.kind.${m.kind}` as MessageKey)}${t('ui.colon')}${isolate(formatMoney(ctx.lang, m.amount, m.currency))}`,
                )
                .join(' · ')}
            </dd>
          </>
        ) : null}
      </dl>
      <ProgressChart ctx={ctx} pledge={p} id={id} />
      {/* Focusable: on a phone the table scrolls in its own frame (concord.css), and a keyboard must reach it. */}
      <table tabindex={0}>
        <caption>{t('pledge.updates')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pledge.date')}</th>
            <th scope="col">{t('pledge.value')}</th>
            <th scope="col">{t('pledge.expected')}</th>
            <th scope="col">{t('pledge.narrative')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{p.baselineDate}</td>
            <td>{formatNumber(ctx.lang, p.baselineValue, digits)}</td>
            <td>{formatNumber(ctx.lang, p.baselineValue, digits)}</td>
            <td>{t('pledge.baseline')}</td>
          </tr>
          {p.updates.map((u) => (
            <tr>
              <td>{u.date}</td>
              <td>{formatNumber(ctx.lang, u.value, digits)}</td>
              <td>{formatNumber(ctx.lang, expectedValue(p, u.date), digits)}</td>
              <td dir="auto">
                {u.narrative}
                {u.state !== 'published' ? (
                  <span class="badge record-submitted"> {t(`pledge.updateState.${u.state}` as MessageKey)}</span>
                ) : null}
                {u.evidenceUrl ? (
                  <>
                    {' '}
                    <a href={u.evidenceUrl} rel="nofollow noopener ugc" dir="ltr">
                      {t('pledge.evidence')}
                    </a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {props.canReport ? <a href={href(ctx, `/pledges/${p.id}/report`)}>{t('pledge.report')}</a> : null}
        {props.canReport && props.editable ? ' · ' : null}
        {props.editable ? <a href={href(ctx, `/pledges/${p.id}/transactions/new`)}>{t('pledge.addTransaction')}</a> : null}
      </p>
    </li>
  );
}

const pledgeLabels = (t: Translate) => ({
  metric: t('pledge.metric'),
  unit: t('pledge.unit'),
  baselineValue: t('pledge.baselineValue'),
  baselineDate: t('pledge.baselineDate'),
  targetValue: t('pledge.targetValue'),
  targetDate: t('pledge.targetDate'),
  beneficiaries: t('pledge.beneficiaries'),
  weight: t('pledge.weight'),
  areas: t('initiative.areas'),
});

function NewPledgeForm(props: { ctx: Ctx; action: string; errors?: FieldErrors | undefined; values?: Record<string, string> | undefined }) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={href(ctx, props.action)} label={t('pledge.add')}>
      <Field
        ctx={ctx}
        name="metric"
        label={t('pledge.metric')}
        hint={t('pledge.metricHint')}
        value={values?.metric}
        errors={errors}
        required
        dir="auto"
      />
      <Field ctx={ctx} name="unit" label={t('pledge.unit')} value={values?.unit} errors={errors} required dir="auto" />
      <div class="row">
        <Field
          ctx={ctx}
          name="baselineValue"
          label={t('pledge.baselineValue')}
          value={values?.baselineValue}
          errors={errors}
          required
          dir="ltr"
        />
        <Field
          ctx={ctx}
          name="baselineDate"
          label={t('pledge.baselineDate')}
          type="date"
          value={values?.baselineDate}
          errors={errors}
          required
          dir="ltr"
        />
      </div>
      <div class="row">
        <Field
          ctx={ctx}
          name="targetValue"
          label={t('pledge.targetValue')}
          value={values?.targetValue}
          errors={errors}
          required
          dir="ltr"
        />
        <Field
          ctx={ctx}
          name="targetDate"
          label={t('pledge.targetDate')}
          type="date"
          value={values?.targetDate}
          errors={errors}
          required
          dir="ltr"
        />
      </div>
      <div class="row">
        <Field ctx={ctx} name="beneficiaries" label={t('pledge.beneficiaries')} value={values?.beneficiaries} errors={errors} dir="ltr" />
        <Field
          ctx={ctx}
          name="weight"
          label={t('pledge.weight')}
          hint={t('pledge.weightHint')}
          value={values?.weight}
          errors={errors}
          dir="ltr"
        />
      </div>
      <Field
        ctx={ctx}
        name="areas"
        label={t('initiative.areas')}
        hint={t('initiative.areasHint')}
        value={values?.areas}
        errors={errors}
        dir="ltr"
      />
      <button type="submit">{t('pledge.add')}</button>
    </PostForm>
  );
}

function PledgesSection(props: { ctx: Ctx; initiativeId: string; pledges: Pledge[]; editable: boolean; canReport: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  const overall = initiativeProgress(props.pledges);
  return (
    <section aria-labelledby="pledges-title">
      <h2 id="pledges-title">{t('pledge.title', { count: props.pledges.length })}</h2>
      {overall !== null ? <p>{t('pledge.overall', { percent: overall })}</p> : null}
      <RulesList ctx={ctx} />
      {props.pledges.length ? (
        <ul class="pledges">
          {props.pledges.map((p, n) => (
            <PledgeItem ctx={ctx} pledge={p} editable={props.editable} canReport={props.canReport} n={n} />
          ))}
        </ul>
      ) : (
        <p class="meta">{t('pledge.none')}</p>
      )}
      {props.editable ? (
        <p>
          <a href={href(ctx, `/initiatives/${props.initiativeId}/pledges/new`)}>{t('pledge.add')}</a>
        </p>
      ) : null}
    </section>
  );
}

const blankToNull = (v: string) => (v === '' ? null : v);

function ReportForm(props: {
  ctx: Ctx;
  pledgeId: string;
  unit: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, string> | undefined;
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={href(ctx, `/pledges/${props.pledgeId}/report`)} label={t('pledge.report')}>
      <p class="hint">{t('pledge.reportHint')}</p>
      <div class="row">
        <Field ctx={ctx} name="date" label={t('pledge.date')} type="date" value={values?.date} errors={errors} required dir="ltr" />
        <Field
          ctx={ctx}
          name="value"
          label={t('pledge.valueIn', { unit: props.unit })}
          value={values?.value}
          errors={errors}
          required
          dir="ltr"
        />
      </div>
      <Field
        ctx={ctx}
        name="narrative"
        label={t('pledge.narrative')}
        value={values?.narrative}
        errors={errors}
        multiline
        required
        dir="auto"
      />
      <Field ctx={ctx} name="evidenceUrl" label={t('pledge.evidence')} type="url" value={values?.evidenceUrl} errors={errors} dir="ltr" />
      <button type="submit">{t('pledge.sendReport')}</button>
    </PostForm>
  );
}

function TransactionForm(props: {
  ctx: Ctx;
  pledgeId: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, string> | undefined;
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={href(ctx, `/pledges/${props.pledgeId}/transactions/new`)} label={t('pledge.addTransaction')}>
      <div class="row">
        <SelectField
          ctx={ctx}
          name="kind"
          label={t('pledge.kind')}
          options={transactionKinds.map((k) => ({ value: k, label: t(`pledge.kind.${k}` as MessageKey) }))}
          value={values?.kind}
          errors={errors}
          required
        />
        <Field ctx={ctx} name="amount" label={t('pledge.amount')} value={values?.amount} errors={errors} required dir="ltr" />
        <Field
          ctx={ctx}
          name="currency"
          label={t('initiative.budgetCurrency')}
          value={values?.currency}
          errors={errors}
          required
          dir="ltr"
        />
        <Field ctx={ctx} name="date" label={t('pledge.date')} type="date" value={values?.date} errors={errors} required dir="ltr" />
      </div>
      <Field ctx={ctx} name="note" label={t('pledge.note')} value={values?.note} errors={errors} dir="auto" />
      <button type="submit">{t('pledge.addTransaction')}</button>
    </PostForm>
  );
}

/** What a pledge form is for: where "back" leads, and the unit a value is in. */
type PledgeTarget = FormTarget & { unit: string };

const pledgeFields = (raw: Record<string, string | string[]>) =>
  pledgeInput.safeParse({
    metric: firstValue(raw.metric),
    unit: firstValue(raw.unit),
    baselineValue: firstValue(raw.baselineValue),
    baselineDate: firstValue(raw.baselineDate),
    targetValue: firstValue(raw.targetValue),
    targetDate: firstValue(raw.targetDate),
    beneficiaries: blankToNull(firstValue(raw.beneficiaries)),
    weight: blankToNull(firstValue(raw.weight)),
    areas: splitCodes(firstValue(raw.areas)),
  });

/** Where a pledge lives: its initiative, or its organization. */
async function pledgeHome(
  db: Database,
  pledgeId: string,
  lang: Language,
): Promise<{ back: string; label: string; unit: string } | undefined> {
  const [row] = await db.query<{
    initiative_id: string | null;
    organization_id: string;
    organization_name: string;
    unit: string;
    title: string | null;
  }>(
    sql`SELECT p.initiative_id, p.organization_id, o.name AS organization_name, p.unit,
               (SELECT title FROM initiative_texts WHERE initiative_id = p.initiative_id ORDER BY (lang = ${lang}) DESC, (lang = 'en') DESC, lang LIMIT 1) AS title
        FROM pledges p JOIN organizations o ON o.id = p.organization_id WHERE p.id = ${pledgeId}`,
  );
  if (!row) return undefined;
  return row.initiative_id
    ? { back: `/initiatives/${row.initiative_id}`, label: row.title ?? row.initiative_id, unit: row.unit }
    : { back: `/organizations/${row.organization_id}`, label: row.organization_name, unit: row.unit };
}

function PledgePage(props: {
  ctx: Ctx;
  pledge: Pledge;
  home: { back: string; label: string };
  reviewer: boolean;
  changes: Change[];
  names: Map<string, string>;
  notice?: string | undefined;
}) {
  const { ctx, pledge: p } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={p.metric}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, props.home.back)} dir="auto">
              {props.home.label}
            </a>
          </li>
        </ol>
      </nav>
      {props.notice ? (
        <p role="status" class="notice">
          {props.notice}
        </p>
      ) : null}
      <p class="meta">
        {p.initiativeId ? t('pledge.ofInitiative') : t('pledge.ofOrganization')} ·{' '}
        <a href={href(ctx, `/organizations/${p.organization.id}`)} dir="auto">
          {p.organization.name}
        </a>
        {p.state ? (
          <>
            {' '}
            <span class={`badge record-${p.state}`}>{t(`initiative.state.${p.state}` as MessageKey)}</span>
          </>
        ) : null}
      </p>
      {p.state === 'rejected' && p.reviewNote ? (
        <p class="notice" dir="auto">
          {t('pledge.rejectedBecause', { note: p.reviewNote })}
        </p>
      ) : null}
      <h1 class="visually-hidden">{p.metric}</h1>
      <ul class="pledges">
        <PledgeItem ctx={ctx} pledge={p} editable={p.editable} canReport={p.canReport} n={0} />
      </ul>
      <RulesList ctx={ctx} />
      {props.reviewer && !p.initiativeId && (p.state === 'submitted' || p.state === 'published') ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t('review.title')}</h2>
          {p.state === 'submitted' ? (
            <>
              <PostForm ctx={ctx} action={href(ctx, `/pledges/${p.id}/publish`)} class="action" label={t('review.publish')}>
                <button type="submit">{t('review.publish')}</button>
              </PostForm>
              <PostForm ctx={ctx} action={href(ctx, `/pledges/${p.id}/reject`)} label={t('review.reject')}>
                <Field ctx={ctx} name="note" label={t('review.note')} hint={t('review.noteHint')} multiline required />
                <button type="submit" class="secondary">
                  {t('review.reject')}
                </button>
              </PostForm>
            </>
          ) : (
            <PostForm ctx={ctx} action={href(ctx, `/pledges/${p.id}/archive`)} class="action" label={t('initiative.archive')}>
              <button type="submit" class="secondary">
                {t('initiative.archive')}
              </button>
            </PostForm>
          )}
        </section>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('initiative.history')}</h2>
        <ChangeTable ctx={ctx} changes={props.changes} names={props.names} caption={t('initiative.history')} hideCaption />
      </section>
    </Layout>
  );
}

function RulesList(props: { ctx: Ctx }) {
  const { t } = props.ctx;
  return (
    <details>
      <summary>{t('pledge.rulesTitle')}</summary>
      <ul class="meta">
        {(['achieved', 'on-track', 'off-track', 'overdue', 'no-report', 'inactive'] as const).map((s) => (
          <li>
            <strong>{t(`pledge.status.${s}` as MessageKey)}</strong>
            {t('ui.colon')}
            {t(`pledge.rule.${s}` as MessageKey)}
          </li>
        ))}
        <li>{t('pledge.rule.rollUp')}</li>
      </ul>
    </details>
  );
}

/** Pledges in a table: what, target, progress, status; those due a report get the link to report. */
function PledgeTable(props: { ctx: Ctx; title: string; pledges: Pledge[]; hideTitle?: boolean; due?: (p: Pledge) => boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.pledges.length === 0) return props.hideTitle ? <p class="meta">{t('pledge.none')}</p> : null;
  return (
    <table>
      <caption class={props.hideTitle ? 'visually-hidden' : undefined}>{props.title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('pledge.metric')}</th>
          <th scope="col">{t('pledge.to')}</th>
          <th scope="col">{t('pledge.progress')}</th>
          <th scope="col">{t('pledge.statusColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {props.pledges.map((p) => (
          <tr>
            <td>
              <a href={href(ctx, `/pledges/${p.id}`)} dir="auto">
                {p.metric}
              </a>
              {p.state && p.state !== 'published' ? (
                <>
                  {' '}
                  <span class={`badge record-${p.state}`}>{t(`initiative.state.${p.state}` as MessageKey)}</span>
                </>
              ) : null}
              <div class="meta">
                <span dir="auto">{p.organization.name}</span> · {p.initiativeId ? t('pledge.ofInitiative') : t('pledge.ofOrganization')}
              </div>
            </td>
            <td>
              {formatNumber(ctx.lang, p.targetValue)} <UserText>{p.unit}</UserText> (<Value>{formatDate(ctx.lang, p.targetDate)}</Value>)
            </td>
            <td>
              {p.progress.progressPercent === null
                ? t('pledge.noProgressYet')
                : t('pledge.percent', { percent: p.progress.progressPercent })}
            </td>
            <td>
              <span class={`badge pledge-${p.progress.status}`}>{t(`pledge.status.${p.progress.status}` as MessageKey)}</span>
              {props.due?.(p) ? (
                <>
                  {' '}
                  <a href={href(ctx, `/pledges/${p.id}/report`)}>{t('pledge.report')}</a>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An organization's pledges (its own and in initiatives), on the organization's page. */
function OrganizationPledges(props: { ctx: Ctx; organizationId: string; pledges: Pledge[]; member: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="org-pledges-title">
      <h2 id="org-pledges-title">{t('pledge.title', { count: props.pledges.length })}</h2>
      <PledgeTable ctx={ctx} title={t('pledge.title', { count: props.pledges.length })} pledges={props.pledges} hideTitle />
      {props.member ? (
        <p>
          <a href={href(ctx, `/organizations/${props.organizationId}/pledges/new`)}>{t('pledge.addOwn')}</a>
        </p>
      ) : null}
    </section>
  );
}

export function registerPledgePages(app: Hono<AppEnv>): void {
  const L = localePath;

  registerSection(app, 'initiative', async ({ db, id, ctx, user }) => {
    const [row] = await db.query<{ state: string; lead_organization_id: string }>(
      sql`SELECT state, lead_organization_id FROM initiatives WHERE id = ${id}`,
    );
    if (!row) return null;
    const member = user ? isReviewer(user) || (await isMember(db, user.id, row.lead_organization_id)) : false;
    const editable = member && (['draft', 'returned'].includes(row.state) || isReviewer(user));
    const canReport = member && !['rejected', 'archived'].includes(row.state);
    return <PledgesSection ctx={ctx} initiativeId={id} pledges={await pledgesOf(db, id, user)} editable={editable} canReport={canReport} />;
  });

  registerSection(app, 'organization', async ({ db, id, ctx, user }) => {
    const member = user ? isReviewer(user) || (await isMember(db, user.id, id)) : false;
    return <OrganizationPledges ctx={ctx} organizationId={id} pledges={await pledgesBy(db, id, user)} member={member} />;
  });

  // "My organizations": every pledge of the reader's organizations, those due a report first.
  registerSection(app, 'mine', async ({ db, ctx, user }) => {
    if (!user) return null;
    const organizations = (await membershipsOf(db, user.id)).filter((m) => m.state === 'active');
    const pledges = (await Promise.all(organizations.map((m) => pledgesBy(db, m.organizationId, user)))).flat();
    const due = (p: Pledge) => p.canReport && ['no-report', 'inactive', 'overdue', 'awaiting-report'].includes(p.progress.status);
    return (
      <PledgeTable
        ctx={ctx}
        title={ctx.t('mine.pledges', { count: pledges.length })}
        pledges={[...pledges.filter(due), ...pledges.filter((p) => !due(p))]}
        due={due}
      />
    );
  });

  // ---- a pledge
  app.get(`${L}/pledges/:id`, async (c, next) => {
    const ctx = pageContext(c);
    const db = c.var.store.db;
    const pledge = await getPledge(db, c.req.param('id'), c.var.user);
    const home = pledge ? await pledgeHome(db, pledge.id, ctx.lang) : undefined;
    if (!pledge || !home) return next();
    const changes = pledge.initiativeId
      ? (await historyOf(db, 'initiative', pledge.initiativeId, c.var.user)).filter((ch) => ch.after?.pledge === pledge.id)
      : await historyOf(db, 'pledge', pledge.id, c.var.user);
    const done = c.req.query('done');
    return c.html(
      <PledgePage
        ctx={ctx}
        pledge={pledge}
        home={{ back: home.back, label: home.label }}
        reviewer={isReviewer(c.var.user)}
        changes={changes}
        names={await actorNames(db, changes)}
        notice={
          done === 'pledge' && !pledge.initiativeId
            ? ctx.t('pledge.sentForReview')
            : done === 'progress' || done === 'transaction'
              ? ctx.t(`initiative.done.${done}`)
              : undefined
        }
      />,
    );
  });

  app.post(`${L}/pledges/:id/:decision{publish|reject|archive}`, async (c) => {
    const user = requireUser(c);
    const { raw } = await readRawForm(c);
    const decision = c.req.param('decision') as PledgeDecision;
    await reviewPledge(c.var.store, user, c.req.param('id'), decision, firstValue(raw.note));
    return c.redirect(`/${c.var.lang}/pledges/${c.req.param('id')}`, 303);
  });

  // ---- a new pledge: to an initiative, or an organization's own
  formRoute(app, `${L}/initiatives/:id/pledges/new`, {
    title: 'pledge.add',
    target: (c, ctx) =>
      Promise.resolve({ back: href(ctx, `/initiatives/${c.req.param('id')}`), backLabel: ctx.t('pledge.backToInitiative'), unit: '' }),
    labels: (t) => pledgeLabels(t),
    form: (props) => <NewPledgeForm {...props} action={`/initiatives/${props.target.back.split('/').pop()}/pledges/new`} />,
    parse: pledgeFields,
    save: async (c, user, data) => {
      await createPledge(c.var.store, user, c.req.param('id')!, data);
      return `/${c.var.lang}/initiatives/${c.req.param('id')}?done=pledge#pledges-title`;
    },
  });
  formRoute(app, `${L}/organizations/:id/pledges/new`, {
    title: 'pledge.addOwn',
    target: async (c, ctx) => {
      const [org] = await c.var.store.db.query<{ name: string }>(sql`SELECT name FROM organizations WHERE id = ${c.req.param('id')}`);
      return org ? { back: href(ctx, `/organizations/${c.req.param('id')}`), backLabel: org.name, unit: '' } : undefined;
    },
    labels: (t) => pledgeLabels(t),
    form: (props) => <NewPledgeForm {...props} action={`/organizations/${props.target.back.split('/').pop()}/pledges/new`} />,
    parse: pledgeFields,
    save: async (c, user, data) => {
      const id = await createPledge(c.var.store, user, null, data, c.req.param('id'));
      return `/${c.var.lang}/pledges/${id}?done=pledge`;
    },
  });

  const pledgeTarget = async (c: Context<AppEnv>, ctx: Ctx): Promise<PledgeTarget | undefined> => {
    // Only for a pledge the reader may report on: nothing of a draft is shown to others.
    const pledge = await getPledge(c.var.store.db, c.req.param('id')!, c.var.user);
    if (!pledge?.canReport) return undefined;
    const home = await pledgeHome(c.var.store.db, pledge.id, ctx.lang);
    return home ? { back: href(ctx, `/pledges/${c.req.param('id')}`), backLabel: home.label, unit: home.unit } : undefined;
  };

  // ---- a progress report
  formRoute(app, `${L}/pledges/:id/report`, {
    title: 'pledge.report',
    target: pledgeTarget,
    labels: (t) => ({
      date: t('pledge.date'),
      value: t('pledge.value'),
      narrative: t('pledge.narrative'),
      evidenceUrl: t('pledge.evidence'),
    }),
    form: (props) => <ReportForm {...props} pledgeId={props.target.back.split('/').pop()!} unit={props.target.unit} />,
    parse: (raw) =>
      updateInput.safeParse({
        date: firstValue(raw.date),
        value: firstValue(raw.value),
        narrative: firstValue(raw.narrative),
        evidenceUrl: blankToNull(firstValue(raw.evidenceUrl)),
      }),
    save: async (c, user, data) => {
      await addProgressUpdate(c.var.store, user, c.req.param('id')!, data);
      return `/${c.var.lang}/pledges/${c.req.param('id')}?done=progress`;
    },
  });

  // ---- a transaction
  formRoute(app, `${L}/pledges/:id/transactions/new`, {
    title: 'pledge.addTransaction',
    target: pledgeTarget,
    labels: (t) => ({
      kind: t('pledge.kind'),
      amount: t('pledge.amount'),
      currency: t('initiative.budgetCurrency'),
      date: t('pledge.date'),
      note: t('pledge.note'),
    }),
    form: (props) => <TransactionForm {...props} pledgeId={props.target.back.split('/').pop()!} />,
    parse: (raw) =>
      transactionInput.safeParse({
        kind: firstValue(raw.kind),
        amount: firstValue(raw.amount),
        currency: firstValue(raw.currency),
        date: firstValue(raw.date),
        note: blankToNull(firstValue(raw.note)),
      }),
    save: async (c, user, data) => {
      await addTransaction(c.var.store, user, c.req.param('id')!, data);
      return `/${c.var.lang}/pledges/${c.req.param('id')}?done=transaction`;
    },
  });

  registerSection(app, 'review', async ({ db, ctx }) => <PendingUpdates ctx={ctx} db={db} />);
  registerSection(app, 'review', async ({ db, ctx }) => <SubmittedPledges ctx={ctx} db={db} />);

  app.post(`${L}/progress/:id/:decision{publish|reject}`, async (c) => {
    const user = requireUser(c);
    await readRawForm(c);
    await reviewProgressUpdate(c.var.store, user, c.req.param('id'), c.req.param('decision') === 'publish');
    return c.redirect(`/${c.var.lang}/review#progress`, 303);
  });
}

/** Organizations' own pledges waiting for a reviewer (shown in the review queue). */
async function SubmittedPledges(props: { ctx: Ctx; db: Database }) {
  const { ctx } = props;
  const { t } = ctx;
  const pledges = await submittedPledges(props.db);
  return (
    <section aria-labelledby="own-pledges">
      <h2 id="own-pledges">{t('review.ownPledges', { count: pledges.length })}</h2>
      <ul class="links">
        {pledges.map((p) => (
          <li>
            <a href={href(ctx, `/pledges/${p.id}`)} dir="auto">
              {p.metric}
            </a>{' '}
            <span class="meta">
              <span dir="auto">{p.organization_name}</span> · {formatNumber(ctx.lang, Number(p.target_value))}{' '}
              <span dir="auto">{p.unit}</span> ({p.target_date})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The reviewers' list of progress updates waiting (shown in the review queue). */
export async function PendingUpdates(props: { ctx: Ctx; db: Database }) {
  const { ctx } = props;
  const t: Translate = ctx.t;
  const updates = await pendingUpdates(props.db);
  return (
    <section aria-labelledby="progress">
      <h2 id="progress">{t('review.progress', { count: updates.length })}</h2>
      <ul class="links">
        {updates.map((u) => (
          <li>
            <a href={href(ctx, `/pledges/${u.pledge_id}`)} dir="auto">
              {u.metric}
            </a>{' '}
            <span class="meta">
              {u.date} · {u.value} <span dir="auto">{u.unit}</span>
            </span>
            <p dir="auto">{u.narrative}</p>
            <PostForm ctx={ctx} action={href(ctx, `/progress/${u.id}/publish`)} class="action" label={t('review.publish')}>
              <button type="submit">{t('review.publish')}</button>
            </PostForm>
            <PostForm ctx={ctx} action={href(ctx, `/progress/${u.id}/reject`)} class="action" label={t('review.reject')}>
              <button type="submit" class="secondary">
                {t('review.reject')}
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
    </section>
  );
}
