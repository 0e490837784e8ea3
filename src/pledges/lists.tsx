// Lists of pledges: the pledges section of an initiative's page, the table of an organization's
// pledges (and of the reader's, on "My organizations"), with what is due a report.
import { href, type PageContext } from '../web/layout.tsx';
import type { MessageKey } from '../i18n/index.ts';
import { UserText, Value } from '../web/text.tsx';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { initiativeProgress, type Pledge } from './reads.ts';
import { PledgeItem, RulesList } from './pledge-item.tsx';

type Ctx = PageContext & { csrf: string };

export function PledgesSection(props: { ctx: Ctx; initiativeId: string; pledges: Pledge[]; editable: boolean; canReport: boolean }) {
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

/** Pledges in a table: what, target, progress, status; those due a report get the link to report. */
export function PledgeTable(props: { ctx: Ctx; title: string; pledges: Pledge[]; hideTitle?: boolean; due?: (p: Pledge) => boolean }) {
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
export function OrganizationPledges(props: { ctx: Ctx; organizationId: string; pledges: Pledge[]; member: boolean }) {
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
