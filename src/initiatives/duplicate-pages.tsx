// "Possible duplicates" on an initiative's page, for its organization and reviewers; reviewers
// decide each pair (remembered).
import type { Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { href, Layout, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { readRawForm } from '../web/forms.ts';
import { PostForm } from '../web/form-ui.tsx';
import { registerSection } from '../web/sections.tsx';
import { Refusal } from '../shared/refusal.ts';
import { isReviewer } from '../accounts/service.ts';
import { isMember } from '../organizations/service.ts';
import { sql } from '../store/index.ts';
import { decideDuplicate, duplicateCandidates, type DuplicateCandidate } from './duplicates.ts';

/** Shown instead of submitting when records like this one exist: look first, then submit anyway or go back. */
export function SubmitCheckPage(props: {
  ctx: PageContext & { csrf: string };
  id: string;
  title: string;
  candidates: DuplicateCandidate[];
}) {
  const { ctx, id } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('duplicate.checkTitle')}>
      <h1>{t('duplicate.checkTitle')}</h1>
      <p role="status">{t('duplicate.checkLede', { count: props.candidates.length, title: props.title })}</p>
      <CandidateList ctx={ctx} candidates={props.candidates} />
      <PostForm ctx={ctx} action={href(ctx, `/initiatives/${id}/submit`)} class="action" label={t('duplicate.submitAnyway')}>
        <input type="hidden" name="confirm" value="1" />
        <button type="submit">{t('duplicate.submitAnyway')}</button>
      </PostForm>
      <p>
        <a href={href(ctx, `/initiatives/${id}`)}>{t('duplicate.goBack')}</a>
      </p>
    </Layout>
  );
}

function CandidateList(props: { ctx: PageContext; candidates: DuplicateCandidate[]; decide?: (d: DuplicateCandidate) => unknown }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <ul class="links">
      {props.candidates.map((d) => (
        <li>
          <a href={href(ctx, `/initiatives/${d.id}`)} lang={d.lang} dir="auto">
            {d.title}
          </a>{' '}
          <span class="meta" dir="auto">
            {d.leadOrganization}
          </span>
          <p class="meta">{t('duplicate.why', { similarity: d.titleSimilarity, areas: d.sharedAreas, elements: d.sharedElements })}</p>
          {props.decide ? props.decide(d) : null}
        </li>
      ))}
    </ul>
  );
}

export function registerDuplicatePages(app: Hono<AppEnv>): void {
  registerSection(app, 'initiative', async ({ db, id, ctx, user }) => {
    if (!user) return null;
    const [row] = await db.query<{ lead_organization_id: string }>(sql`SELECT lead_organization_id FROM initiatives WHERE id = ${id}`);
    if (!row || !(isReviewer(user) || (await isMember(db, user.id, row.lead_organization_id)))) return null;
    const candidates = await duplicateCandidates(db, id, user);
    if (candidates.length === 0) return null;
    const { t } = ctx;
    return (
      <section aria-labelledby="duplicates-title">
        <h2 id="duplicates-title">{t('duplicate.title', { count: candidates.length })}</h2>
        <p class="meta">{t('duplicate.lede')}</p>
        <CandidateList
          ctx={ctx}
          candidates={candidates}
          decide={
            isReviewer(user)
              ? (d) => (
                  <>
                    <PostForm
                      ctx={ctx}
                      action={href(ctx, `/initiatives/${id}/duplicates/${d.id}/not-duplicate`)}
                      class="action"
                      label={t('duplicate.notDuplicate')}
                    >
                      <button type="submit" class="secondary">
                        {t('duplicate.notDuplicate')}
                      </button>
                    </PostForm>
                    <PostForm
                      ctx={ctx}
                      action={href(ctx, `/initiatives/${id}/duplicates/${d.id}/duplicate`)}
                      class="action"
                      label={t('duplicate.isDuplicate')}
                    >
                      <button type="submit">{t('duplicate.isDuplicate')}</button>
                    </PostForm>
                  </>
                )
              : undefined
          }
        />
      </section>
    );
  });

  app.post(`${localePath}/initiatives/:id/duplicates/:other/:decision{duplicate|not-duplicate}`, async (c) => {
    const user = c.var.user;
    if (!user) throw new Refusal(401, 'account.signInFirst');
    await readRawForm(c);
    await decideDuplicate(c.var.store, user, c.req.param('id'), c.req.param('other'), c.req.param('decision') === 'duplicate');
    return c.redirect(`/${c.var.lang}/initiatives/${c.req.param('id')}`, 303);
  });
}
