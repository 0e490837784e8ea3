// The list of organizations, searchable by a part of their name.
import { href, Layout, type PageContext } from '../web/layout.tsx';
import type { MessageKey } from '../i18n/index.ts';
import type { Organization } from './service.ts';

type Ctx = PageContext & { csrf: string };

export function OrganizationsPage(props: { ctx: Ctx; organizations: Organization[]; q: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('organization.listTitle')}>
      <h1>{t('organization.listTitle')}</h1>
      <form method="get" action={href(ctx, '/organizations')} class="inline" role="search">
        <div>
          <label for="q">{t('organization.search')}</label>
          <input id="q" name="q" type="search" value={props.q} />
        </div>
        <button type="submit">{t('search.submit')}</button>
      </form>
      <p>
        <a href={href(ctx, '/organizations/new')}>{t('organization.create')}</a>
      </p>
      <table>
        <caption class="visually-hidden">{t('organization.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organization.name')}</th>
            <th scope="col">{t('organization.stakeholderType')}</th>
            <th scope="col">{t('organization.verified')}</th>
          </tr>
        </thead>
        <tbody>
          {props.organizations.map((o) => (
            <tr>
              <th scope="row">
                <a href={href(ctx, `/organizations/${o.id}`)} dir="auto">
                  {o.name}
                </a>
              </th>
              <td>{t(`stakeholder.${o.stakeholderType}` as MessageKey)}</td>
              <td>{o.verified ? t('organization.isVerified') : t('organization.awaitingVerification')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
