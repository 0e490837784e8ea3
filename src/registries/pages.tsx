// The sources page of the registry: each connected registry with its licence, how many of its
// records Concord holds and when they were last loaded, and what a review at the source means.
import type { Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { href, Layout, pageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { readRawForm } from '../web/forms.ts';
import { PostForm } from '../web/form-ui.tsx';
import { registerSection } from '../web/sections.tsx';
import { Refusal } from '../shared/refusal.ts';
import { isReviewer } from '../accounts/service.ts';
import { isMember } from '../organizations/service.ts';
import { claimRecord, claimState, decideClaim } from './claims.ts';
import { sql, type Database } from '../store/index.ts';
import { registrySources } from './sources.ts';
import { registryReleases, type RegistryRelease } from './shipped.ts';

export interface RegistrySourceFigures {
  published: number;
  archived: number;
  /** Its last load into this store; null when never. */
  release: RegistryRelease | null;
}

/** How many records of each registry the store holds (published, archived) and the last load, by source id. */
export async function registrySourceFigures(db: Database): Promise<Map<string, RegistrySourceFigures>> {
  const [rows, releases] = await Promise.all([
    db.query<{ source: string; published: number; archived: number }>(
      sql`SELECT source, count(*) FILTER (WHERE state = 'published')::int AS published, count(*) FILTER (WHERE state = 'archived')::int AS archived
          FROM initiatives WHERE source IS NOT NULL GROUP BY source`,
    ),
    registryReleases(db),
  ]);
  const counts = new Map(rows.map((r) => [r.source, r]));
  return new Map(
    registrySources.map((s) => [
      s.id,
      {
        published: Number(counts.get(s.id)?.published ?? 0),
        archived: Number(counts.get(s.id)?.archived ?? 0),
        release: releases.get(s.id) ?? null,
      },
    ]),
  );
}

export function registerRegistryPages(app: Hono<AppEnv>): void {
  // On an imported record not yet claimed: its organization's administrators may claim it, reviewers decide.
  registerSection(app, 'initiative', async ({ db, id, ctx, user }) => {
    const claim = await claimState(db, id);
    if (!claim || claim.confirmedAt || !user) return null;
    const { t } = ctx;
    const admin = await isMember(db, user.id, claim.leadOrganizationId, true);
    if (!admin && !isReviewer(user)) return null;
    const source = claim.source.toUpperCase();
    return (
      <section aria-labelledby="claim-title">
        <h2 id="claim-title">{t('claim.title')}</h2>
        {claim.requestedBy ? (
          <>
            <p>{t('claim.requested', { name: claim.requestedByName ?? claim.requestedBy })}</p>
            {isReviewer(user) ? (
              <>
                <PostForm ctx={ctx} action={href(ctx, `/initiatives/${id}/claim/confirm`)} class="action" label={t('claim.confirm')}>
                  <button type="submit">{t('claim.confirm')}</button>
                </PostForm>
                <PostForm ctx={ctx} action={href(ctx, `/initiatives/${id}/claim/refuse`)} class="action" label={t('claim.refuse')}>
                  <button type="submit" class="secondary">
                    {t('claim.refuse')}
                  </button>
                </PostForm>
              </>
            ) : null}
          </>
        ) : admin ? (
          <>
            <p>{t('claim.explain', { source })}</p>
            <PostForm ctx={ctx} action={href(ctx, `/initiatives/${id}/claim`)} class="action" label={t('claim.button')}>
              <button type="submit">{t('claim.button')}</button>
            </PostForm>
          </>
        ) : null}
      </section>
    );
  });

  app.post(`${localePath}/initiatives/:id/claim`, async (c) => {
    const user = c.var.user;
    if (!user) throw new Refusal(401, 'account.signInFirst');
    await readRawForm(c);
    await claimRecord(c.var.store, user, c.req.param('id'));
    return c.redirect(`/${c.var.lang}/initiatives/${c.req.param('id')}`, 303);
  });

  app.post(`${localePath}/initiatives/:id/claim/:decision{confirm|refuse}`, async (c) => {
    const user = c.var.user;
    if (!user) throw new Refusal(401, 'account.signInFirst');
    await readRawForm(c);
    await decideClaim(c.var.store, user, c.req.param('id'), c.req.param('decision') === 'confirm');
    return c.redirect(`/${c.var.lang}/initiatives/${c.req.param('id')}`, 303);
  });

  app.get(`${localePath}/registry/sources`, async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const figures = await registrySourceFigures(c.var.store.db);
    const date = new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    return c.html(
      <Layout ctx={ctx} title={t('registrySources.title')}>
        <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
          <ol>
            <li>
              <a href={href(ctx, '/registry')}>{t('registry.title')}</a>
            </li>
          </ol>
        </nav>
        <h1>{t('registrySources.title')}</h1>
        <p class="lede">{t('registrySources.lede')}</p>
        {registrySources.map((s) => {
          const f = figures.get(s.id)!;
          return (
            <section aria-labelledby={s.id}>
              <h2 id={s.id} lang="en" dir="ltr">
                {s.name}
              </h2>
              <dl class="facts">
                <dt>{t('sources.address')}</dt>
                <dd>
                  <a href={s.url} dir="ltr">
                    {s.url}
                  </a>
                </dd>
                <dt>{t('source.licence')}</dt>
                <dd lang="en" dir="ltr">
                  <a href={s.licence.url}>{s.licence.name}</a>
                </dd>
                <dt>{t('registrySources.records')}</dt>
                <dd>
                  {f.published ? (
                    <a href={href(ctx, `/registry?source=${s.id}`)}>{t('registrySources.published', { count: f.published })}</a>
                  ) : (
                    t('registrySources.published', { count: 0 })
                  )}
                  {f.archived ? ` · ${t('registrySources.archived', { count: f.archived })}` : ''}
                </dd>
                <dt>{t('registrySources.lastLoaded')}</dt>
                <dd>
                  {f.release ? (
                    <>
                      <time datetime={f.release.loadedAt}>{date.format(new Date(f.release.loadedAt))}</time>
                      <br />
                      <span class="meta">
                        {t('registrySources.lastReport', {
                          records: f.release.counts.records ?? 0,
                          created: f.release.counts.created ?? 0,
                          updated: f.release.counts.updated ?? 0,
                          archived: f.release.counts.archived ?? 0,
                          problems: f.release.counts.problems ?? 0,
                          unmapped: f.release.counts.unmapped ?? 0,
                        })}
                      </span>
                    </>
                  ) : (
                    t('registrySources.never')
                  )}
                </dd>
              </dl>
              {s.id === 'dpga' ? (
                <>
                  <h3>{t('registrySources.dpgaReviewTitle')}</h3>
                  <p>{t('registrySources.dpgaReview')}</p>
                </>
              ) : null}
              {s.id === 'iati' && isReviewer(c.var.user) ? (
                <p>
                  <a href={href(ctx, '/registry/sources/iati')}>{t('iatiUpload.title')}</a>
                </p>
              ) : null}
            </section>
          );
        })}
      </Layout>,
    );
  });
}
