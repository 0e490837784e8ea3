// The reviewers' queue entries of the pledges slice: organizations' own pledges and progress
// reports waiting for a decision.
import { href, type PageContext } from '../web/layout.tsx';
import { PostForm } from '../web/form-ui.tsx';
import type { Translate } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Database } from '../store/index.ts';
import { pendingUpdates, submittedPledges } from './reads.ts';

type Ctx = PageContext & { csrf: string };

/** Organizations' own pledges waiting for a reviewer (shown in the review queue). */
export async function SubmittedPledges(props: { ctx: Ctx; db: Database }) {
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
