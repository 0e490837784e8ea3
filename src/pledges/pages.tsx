// Pledges on the initiative page: each with its status and the rule behind it, progress (a
// small SVG chart with its data table), money by stage, and the forms to add pledges,
// transactions and progress updates. Reviewers publish progress updates from their queue.
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import type { Child } from 'hono/jsx';
import { href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { requireUser } from '../web/session.ts';
import { fieldErrors, firstValue, readRawForm, refusalError, type FieldErrors } from '../web/forms.ts';
import { ErrorSummary, Field, PostForm, SelectField } from '../web/form-ui.tsx';
import { registerSection } from '../web/sections.tsx';
import { Refusal } from '../shared/refusal.ts';
import type { MessageKey, Translate } from '../i18n/index.ts';
import { isMember, isReviewer } from '../accounts/service.ts';
import {
  addProgressUpdate,
  addTransaction,
  createPledge,
  initiativeProgress,
  pendingUpdates,
  pledgeInput,
  pledgesOf,
  reviewProgressUpdate,
  transactionInput,
  transactionKinds,
  updateInput,
  type Pledge,
} from './service.ts';
import { expectedValue } from './progress.ts';
import { sql } from '../store/index.ts';
import { splitCodes } from '../areas/index.ts';

type Ctx = PageContext & { csrf: string };

const fmt = (lang: string, n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n);

/** Progress against the straight line from baseline to target, as SVG; the table beside it carries the same data. */
function ProgressChart(props: { ctx: Ctx; pledge: Pledge; id: string }) {
  const { pledge: p, ctx } = props;
  const points = p.updates.filter((u) => u.state === 'published');
  const w = 420;
  const h = 160;
  const pad = 34;
  const t0 = Date.parse(p.baselineDate);
  const t1 = Date.parse(p.targetDate);
  const values = [p.baselineValue, p.targetValue, ...points.map((u) => u.value)];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (date: string) => pad + ((Date.parse(date) - t0) / (t1 - t0 || 1)) * (w - 2 * pad);
  const y = (v: number) => h - pad - ((v - lo) / (hi - lo || 1)) * (h - 2 * pad);
  const line = `M${x(p.baselineDate)},${y(p.baselineValue)} L${x(p.targetDate)},${y(p.targetValue)}`;
  const path = [{ date: p.baselineDate, value: p.baselineValue }, ...points]
    .map((u, i) => `${i ? 'L' : 'M'}${x(u.date)},${y(u.value)}`)
    .join(' ');
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-labelledby={`${props.id}-title`}>
        <title id={`${props.id}-title`}>
          {ctx.t('pledge.chartTitle', {
            metric: p.metric,
            baseline: fmt(ctx.lang, p.baselineValue),
            target: fmt(ctx.lang, p.targetValue),
            year: p.targetDate.slice(0, 4),
          })}
        </title>
        <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} class="axis" />
        <line x1={pad} y1={pad / 2} x2={pad} y2={h - pad} class="axis" />
        <path d={line} class="expected" />
        <path d={path} class="actual" />
        {points.map((u) => (
          <circle cx={x(u.date)} cy={y(u.value)} r="4" class="point" />
        ))}
        <text x={pad} y={h - pad + 16} class="tick">
          {p.baselineDate.slice(0, 4)}
        </text>
        <text x={w - pad} y={h - pad + 16} class="tick" text-anchor="end">
          {p.targetDate.slice(0, 4)}
        </text>
        <text x={pad - 4} y={y(p.targetValue) + 4} class="tick" text-anchor="end">
          {fmt(ctx.lang, p.targetValue)}
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
  return (
    <li class="pledge" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} dir="auto">
        {p.metric} <span class={`badge pledge-${p.progress.status}`}>{t(`pledge.status.${p.progress.status}` as MessageKey)}</span>
      </h3>
      <p class="meta">{t(`pledge.rule.${p.progress.status}` as MessageKey)}</p>
      <dl class="facts">
        <dt>{t('pledge.from')}</dt>
        <dd>
          {fmt(ctx.lang, p.baselineValue)} <span dir="auto">{p.unit}</span> ({p.baselineDate})
        </dd>
        <dt>{t('pledge.to')}</dt>
        <dd>
          {fmt(ctx.lang, p.targetValue)} <span dir="auto">{p.unit}</span> ({p.targetDate})
        </dd>
        <dt>{t('pledge.progress')}</dt>
        <dd>
          {p.progress.progressPercent === null ? t('pledge.noProgressYet') : t('pledge.percent', { percent: p.progress.progressPercent })}
          {p.progress.expectedAtLatest !== null && p.progress.latest
            ? ` · ${t('pledge.expectedThen', { value: fmt(ctx.lang, p.progress.expectedAtLatest), date: p.progress.latest.date })}`
            : ''}
        </dd>
        {p.beneficiaries !== null ? (
          <>
            <dt>{t('pledge.beneficiaries')}</dt>
            <dd>{fmt(ctx.lang, p.beneficiaries)}</dd>
          </>
        ) : null}
        {p.money.length ? (
          <>
            <dt>{t('pledge.money')}</dt>
            <dd>
              {p.money
                .map(
                  (m) =>
                    `${t(`pledge.kind.${m.kind}` as MessageKey)}${t('ui.colon')}${new Intl.NumberFormat(ctx.lang, { style: 'currency', currency: m.currency, maximumFractionDigits: 0 }).format(m.amount)}`,
                )
                .join(' · ')}
            </dd>
          </>
        ) : null}
      </dl>
      <ProgressChart ctx={ctx} pledge={p} id={id} />
      <table>
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
            <td>{fmt(ctx.lang, p.baselineValue)}</td>
            <td>{fmt(ctx.lang, p.baselineValue)}</td>
            <td>{t('pledge.baseline')}</td>
          </tr>
          {p.updates.map((u) => (
            <tr>
              <td>{u.date}</td>
              <td>{fmt(ctx.lang, u.value)}</td>
              <td>{fmt(ctx.lang, expectedValue(p, u.date))}</td>
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

function FormPage(props: {
  ctx: Ctx;
  title: string;
  backTo: string;
  errors?: FieldErrors | undefined;
  labels: Record<string, string>;
  children: Child;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      <nav class="crumbs" aria-label={ctx.t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={props.backTo}>{ctx.t('pledge.backToInitiative')}</a>
          </li>
        </ol>
      </nav>
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors} labels={props.labels} />
      {props.children}
    </Layout>
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

function NewPledgeForm(props: {
  ctx: Ctx;
  initiativeId: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, string> | undefined;
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={href(ctx, `/initiatives/${props.initiativeId}/pledges/new`)} label={t('pledge.add')}>
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

export function registerPledgePages(app: Hono<AppEnv>): void {
  const L = localePath;

  registerSection('initiative', async ({ db, id, ctx, user }) => {
    const [row] = await db.query<{ state: string; lead_organization_id: string }>(
      sql`SELECT state, lead_organization_id FROM initiatives WHERE id = ${id}`,
    );
    if (!row) return null;
    const member = user ? isReviewer(user) || (await isMember(db, user.id, row.lead_organization_id)) : false;
    const editable = member && (['draft', 'returned'].includes(row.state) || isReviewer(user));
    const canReport = member && !['rejected', 'archived'].includes(row.state);
    return <PledgesSection ctx={ctx} initiativeId={id} pledges={await pledgesOf(db, id, user)} editable={editable} canReport={canReport} />;
  });

  const done = (c: Context<AppEnv>, initiativeId: string, what: string) =>
    c.redirect(`/${c.var.lang}/initiatives/${initiativeId}?done=${what}#pledges-title`, 303);
  const pledgeOf = async (c: Context<AppEnv>, pledgeId: string) =>
    (
      await c.var.store.db.query<{ initiative_id: string; unit: string }>(
        sql`SELECT initiative_id, unit FROM pledges WHERE id = ${pledgeId}`,
      )
    )[0];
  /** A refusal from the service lands next to its field (or at the top of the form). */
  const asFieldErrors = (error: unknown): FieldErrors => {
    if (error instanceof Refusal && ![401, 403, 404, 429].includes(error.status))
      return { [error.field?.split('.')[0] ?? '_form']: refusalError(error) };
    throw error;
  };

  // ---- a new pledge
  app.get(`${L}/initiatives/:id/pledges/new`, (c) => {
    requireUser(c);
    const ctx = pageContext(c);
    const id = c.req.param('id');
    return c.html(
      <FormPage ctx={ctx} title={ctx.t('pledge.add')} backTo={href(ctx, `/initiatives/${id}`)} labels={pledgeLabels(ctx.t)}>
        <NewPledgeForm ctx={ctx} initiativeId={id} />
      </FormPage>,
    );
  });
  app.post(`${L}/initiatives/:id/pledges/new`, async (c) => {
    const user = requireUser(c);
    const ctx = pageContext(c);
    const id = c.req.param('id');
    const { raw, values } = await readRawForm(c);
    const again = (errors: FieldErrors) =>
      c.html(
        <FormPage
          ctx={ctx}
          title={ctx.t('pledge.add')}
          backTo={href(ctx, `/initiatives/${id}`)}
          errors={errors}
          labels={pledgeLabels(ctx.t)}
        >
          <NewPledgeForm ctx={ctx} initiativeId={id} errors={errors} values={values} />
        </FormPage>,
        400,
      );
    const parsed = pledgeInput.safeParse({
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
    if (!parsed.success) return again(fieldErrors(parsed.error.issues));
    try {
      await createPledge(c.var.store, user, id, parsed.data);
    } catch (error) {
      return again(asFieldErrors(error));
    }
    return done(c, id, 'pledge');
  });

  // ---- a progress report
  app.get(`${L}/pledges/:id/report`, async (c, next) => {
    requireUser(c);
    const ctx = pageContext(c);
    const pledge = await pledgeOf(c, c.req.param('id'));
    if (!pledge) return next();
    return c.html(
      <FormPage ctx={ctx} title={ctx.t('pledge.report')} backTo={href(ctx, `/initiatives/${pledge.initiative_id}`)} labels={{}}>
        <ReportForm ctx={ctx} pledgeId={c.req.param('id')} unit={pledge.unit} />
      </FormPage>,
    );
  });
  app.post(`${L}/pledges/:id/report`, async (c, next) => {
    const user = requireUser(c);
    const ctx = pageContext(c);
    const pledge = await pledgeOf(c, c.req.param('id'));
    if (!pledge) return next();
    const { raw, values } = await readRawForm(c);
    const labels = {
      date: ctx.t('pledge.date'),
      value: ctx.t('pledge.value'),
      narrative: ctx.t('pledge.narrative'),
      evidenceUrl: ctx.t('pledge.evidence'),
    };
    const again = (errors: FieldErrors) =>
      c.html(
        <FormPage
          ctx={ctx}
          title={ctx.t('pledge.report')}
          backTo={href(ctx, `/initiatives/${pledge.initiative_id}`)}
          errors={errors}
          labels={labels}
        >
          <ReportForm ctx={ctx} pledgeId={c.req.param('id')} unit={pledge.unit} errors={errors} values={values} />
        </FormPage>,
        400,
      );
    const parsed = updateInput.safeParse({
      date: firstValue(raw.date),
      value: firstValue(raw.value),
      narrative: firstValue(raw.narrative),
      evidenceUrl: blankToNull(firstValue(raw.evidenceUrl)),
    });
    if (!parsed.success) return again(fieldErrors(parsed.error.issues));
    try {
      await addProgressUpdate(c.var.store, user, c.req.param('id'), parsed.data);
    } catch (error) {
      return again(asFieldErrors(error));
    }
    return done(c, pledge.initiative_id, 'progress');
  });

  // ---- a transaction
  app.get(`${L}/pledges/:id/transactions/new`, async (c, next) => {
    requireUser(c);
    const ctx = pageContext(c);
    const pledge = await pledgeOf(c, c.req.param('id'));
    if (!pledge) return next();
    return c.html(
      <FormPage ctx={ctx} title={ctx.t('pledge.addTransaction')} backTo={href(ctx, `/initiatives/${pledge.initiative_id}`)} labels={{}}>
        <TransactionForm ctx={ctx} pledgeId={c.req.param('id')} />
      </FormPage>,
    );
  });
  app.post(`${L}/pledges/:id/transactions/new`, async (c, next) => {
    const user = requireUser(c);
    const ctx = pageContext(c);
    const pledge = await pledgeOf(c, c.req.param('id'));
    if (!pledge) return next();
    const { raw, values } = await readRawForm(c);
    const labels = {
      kind: ctx.t('pledge.kind'),
      amount: ctx.t('pledge.amount'),
      currency: ctx.t('initiative.budgetCurrency'),
      date: ctx.t('pledge.date'),
      note: ctx.t('pledge.note'),
    };
    const again = (errors: FieldErrors) =>
      c.html(
        <FormPage
          ctx={ctx}
          title={ctx.t('pledge.addTransaction')}
          backTo={href(ctx, `/initiatives/${pledge.initiative_id}`)}
          errors={errors}
          labels={labels}
        >
          <TransactionForm ctx={ctx} pledgeId={c.req.param('id')} errors={errors} values={values} />
        </FormPage>,
        400,
      );
    const parsed = transactionInput.safeParse({
      kind: firstValue(raw.kind),
      amount: firstValue(raw.amount),
      currency: firstValue(raw.currency),
      date: firstValue(raw.date),
      note: blankToNull(firstValue(raw.note)),
    });
    if (!parsed.success) return again(fieldErrors(parsed.error.issues));
    try {
      await addTransaction(c.var.store, user, c.req.param('id'), parsed.data);
    } catch (error) {
      return again(asFieldErrors(error));
    }
    return done(c, pledge.initiative_id, 'transaction');
  });

  registerSection('review', async ({ db, ctx }) => <PendingUpdates ctx={ctx} db={db} />);

  app.post(`${L}/progress/:id/:decision{publish|reject}`, async (c) => {
    const user = requireUser(c);
    await readRawForm(c);
    await reviewProgressUpdate(c.var.store, user, c.req.param('id'), c.req.param('decision') === 'publish');
    return c.redirect(`/${c.var.lang}/review#progress`, 303);
  });
}

/** The reviewers' list of progress updates waiting (shown in the review queue). */
export async function PendingUpdates(props: { ctx: Ctx; db: AppEnv['Variables']['store']['db'] }) {
  const { ctx } = props;
  const t: Translate = ctx.t;
  const updates = await pendingUpdates(props.db);
  return (
    <section aria-labelledby="progress">
      <h2 id="progress">{t('review.progress', { count: updates.length })}</h2>
      <ul class="links">
        {updates.map((u) => (
          <li>
            <a href={href(ctx, `/initiatives/${u.initiative_id}`)} dir="auto">
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
