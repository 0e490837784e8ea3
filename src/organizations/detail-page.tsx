// An organization's page: its facts, verification, joining, its members (to its members and
// those who manage it) and what other slices show of it (its pledges, initiatives...).
import type { Child } from 'hono/jsx';
import { href, Layout, type PageContext } from '../web/layout.tsx';
import { PostForm } from '../web/form-ui.tsx';
import type { MessageKey } from '../i18n/index.ts';
import type { Member, Organization } from './service.ts';
import { canAskToJoin } from './policy.ts';

type Ctx = PageContext & { csrf: string };

export function OrganizationPage(props: {
  ctx: Ctx;
  organization: Organization;
  members: Member[] | null;
  canManage: boolean;
  canVerify: boolean;
  myState: string | null;
  notice?: string | undefined;
  sections: Child[];
}) {
  const { ctx, organization: o } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={o.name}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, '/organizations')}>{t('organization.listTitle')}</a>
          </li>
        </ol>
      </nav>
      <h1 dir="auto">{o.name}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <OrganizationFacts ctx={ctx} organization={o} />
      {props.canVerify && !o.verified ? (
        <PostForm ctx={ctx} action={href(ctx, `/organizations/${o.id}/verify`)} label={t('organization.verify')}>
          <button type="submit">{t('organization.verify')}</button>
        </PostForm>
      ) : null}
      {canAskToJoin(Boolean(ctx.user), props.myState) ? (
        <PostForm ctx={ctx} action={href(ctx, `/organizations/${o.id}/join`)} label={t('organization.join')}>
          <button type="submit">{t('organization.join')}</button>
        </PostForm>
      ) : null}
      {props.myState ? <p class="meta">{t(`membership.state.${props.myState}` as MessageKey)}</p> : null}
      {props.members ? (
        <>
          <h2>{t('organization.members')}</h2>
          <MembersTable ctx={ctx} organizationId={o.id} members={props.members} canManage={props.canManage} />
        </>
      ) : null}
      {props.sections}
    </Layout>
  );
}

function OrganizationFacts(props: { ctx: Ctx; organization: Organization }) {
  const { ctx, organization: o } = props;
  const { t } = ctx;
  return (
    <>
      <dl class="facts">
        <dt>{t('organization.stakeholderType')}</dt>
        <dd>{t(`stakeholder.${o.stakeholderType}` as MessageKey)}</dd>
        {o.website ? (
          <>
            <dt>{t('organization.website')}</dt>
            <dd>
              <a href={o.website} rel="nofollow noopener" dir="ltr">
                {o.website}
              </a>
            </dd>
          </>
        ) : null}
        {o.country ? (
          <>
            <dt>{t('organization.country')}</dt>
            <dd>{o.country}</dd>
          </>
        ) : null}
        <dt>{t('organization.verified')}</dt>
        <dd>{o.verified ? t('organization.isVerified') : t('organization.awaitingVerification')}</dd>
      </dl>
      {o.description ? (
        <p class="text" dir="auto">
          {o.description}
        </p>
      ) : null}
    </>
  );
}

/** The members with their role and state; those who manage the organization answer requests here. */
function MembersTable(props: { ctx: Ctx; organizationId: string; members: Member[]; canManage: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  const decide = (m: Member, decision: 'accept' | 'reject') =>
    href(ctx, `/organizations/${props.organizationId}/members/${m.userId}/${decision}`);
  return (
    <table>
      <caption class="visually-hidden">{t('organization.members')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('account.name')}</th>
          <th scope="col">{t('account.role')}</th>
          <th scope="col">{t('organization.memberState')}</th>
        </tr>
      </thead>
      <tbody>
        {props.members.map((m) => (
          <tr>
            <th scope="row">{m.name}</th>
            <td>{t(`membership.role.${m.role}` as MessageKey)}</td>
            <td>
              {t(`membership.state.${m.state}` as MessageKey)}
              {m.state === 'requested' && props.canManage ? (
                <>
                  <PostForm ctx={ctx} action={decide(m, 'accept')} class="action" label={t('organization.accept')}>
                    <button type="submit">{t('organization.accept')}</button>
                  </PostForm>
                  <PostForm ctx={ctx} action={decide(m, 'reject')} class="action" label={t('organization.reject')}>
                    <button type="submit" class="secondary">
                      {t('organization.reject')}
                    </button>
                  </PostForm>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
