// A pledge's own page: the pledge, the rules, the reviewer's decisions on an organization's own
// pledge, and its history.
import { href, Layout, type PageContext } from '../web/layout.tsx';
import { Field, PostForm } from '../web/form-ui.tsx';
import type { MessageKey } from '../i18n/index.ts';
import type { Change } from '../provenance/history.ts';
import { ChangeTable } from '../provenance/change-table.tsx';
import type { Pledge } from './reads.ts';
import { PledgeItem, RulesList } from './pledge-item.tsx';

type Ctx = PageContext & { csrf: string };

export function PledgePage(props: {
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
        <ReviewActions ctx={ctx} pledge={p} />
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('initiative.history')}</h2>
        <ChangeTable ctx={ctx} changes={props.changes} names={props.names} caption={t('initiative.history')} hideCaption />
      </section>
    </Layout>
  );
}

/** A reviewer's decisions on an organization's own pledge: publish or reject it, or archive it once published. */
function ReviewActions(props: { ctx: Ctx; pledge: Pledge }) {
  const { ctx, pledge: p } = props;
  const { t } = ctx;
  return (
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
  );
}
