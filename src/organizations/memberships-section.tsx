// The reader's organizations on their account page, with the way to create or join one.
import { href, type PageContext } from '../web/layout.tsx';
import type { MessageKey } from '../i18n/index.ts';
import type { Membership } from './service.ts';

export function MembershipsSection(props: { ctx: PageContext; memberships: Membership[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2>{t('account.organizations')}</h2>
      {props.memberships.length ? (
        <ul>
          {props.memberships.map((m) => (
            <li>
              <a href={href(ctx, `/organizations/${m.organizationId}`)}>{m.organizationName}</a>{' '}
              <span class="meta">
                {t(`membership.role.${m.role}` as MessageKey)} · {t(`membership.state.${m.state}` as MessageKey)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="meta">{t('account.noOrganizations')}</p>
      )}
      <p>
        <a href={href(ctx, '/organizations/new')}>{t('organization.create')}</a> ·{' '}
        <a href={href(ctx, '/organizations')}>{t('organization.findToJoin')}</a>
      </p>
    </>
  );
}
