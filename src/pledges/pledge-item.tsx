// One pledge as shown on its initiative's page and on its own: status and the rule behind it,
// figures, money by stage, a small SVG chart with its data table, and the links to report.
import { href, type PageContext } from '../web/layout.tsx';
import type { MessageKey } from '../i18n/index.ts';
import { isolate, UserText, Value } from '../web/text.tsx';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.ts';
import { labelWidth } from '../charts/svg.ts';
import { decimalsOf, expectedValue } from './progress.ts';
import type { Pledge } from './reads.ts';

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

export function PledgeItem(props: { ctx: Ctx; pledge: Pledge; editable: boolean; canReport: boolean; n: number }) {
  const { ctx, pledge: p } = props;
  const { t } = ctx;
  const id = `pledge-${props.n}`;
  return (
    <li class="pledge" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        <UserText>{p.metric}</UserText>{' '}
        <span class={`badge pledge-${p.progress.status}`}>{t(`pledge.status.${p.progress.status}` as MessageKey)}</span>
      </h3>
      <p class="meta">{t(`pledge.rule.${p.progress.status}` as MessageKey)}</p>
      <PledgeFacts ctx={ctx} pledge={p} />
      <ProgressChart ctx={ctx} pledge={p} id={id} />
      <UpdatesTable ctx={ctx} pledge={p} />
      <p>
        {props.canReport ? <a href={href(ctx, `/pledges/${p.id}/report`)}>{t('pledge.report')}</a> : null}
        {props.canReport && props.editable ? ' · ' : null}
        {props.editable ? <a href={href(ctx, `/pledges/${p.id}/transactions/new`)}>{t('pledge.addTransaction')}</a> : null}
      </p>
    </li>
  );
}

/** Baseline, target, progress, beneficiaries and money by stage. */
function PledgeFacts(props: { ctx: Ctx; pledge: Pledge }) {
  const { ctx, pledge: p } = props;
  const { t } = ctx;
  const digits = decimalsOf(p);
  return (
    <dl class="facts">
      <dt>{t('pledge.from')}</dt>
      <dd>
        {formatNumber(ctx.lang, p.baselineValue, digits)} <UserText>{p.unit}</UserText> (
        <Value>{formatDate(ctx.lang, p.baselineDate)}</Value>)
      </dd>
      <dt>{t('pledge.to')}</dt>
      <dd>
        {formatNumber(ctx.lang, p.targetValue, digits)} <UserText>{p.unit}</UserText> (<Value>{formatDate(ctx.lang, p.targetDate)}</Value>)
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
                (m) => `${t(`pledge.kind.${m.kind}` as MessageKey)}${t('ui.colon')}${isolate(formatMoney(ctx.lang, m.amount, m.currency))}`,
              )
              .join(' · ')}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The progress reports beside the chart, each with the value expected on its date. */
function UpdatesTable(props: { ctx: Ctx; pledge: Pledge }) {
  const { ctx, pledge: p } = props;
  const { t } = ctx;
  const digits = decimalsOf(p);
  return (
    // Focusable: on a phone the table scrolls in its own frame (concord.css), and a keyboard must reach it.
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
  );
}

export function RulesList(props: { ctx: Ctx }) {
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
