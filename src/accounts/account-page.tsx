// The account page: who you are, your organizations (a section the organizations slice adds),
// your password, and your API tokens.
import type { Child } from 'hono/jsx';
import { href, Layout, type PageContext } from '../web/layout.tsx';
import type { FieldErrors } from '../web/forms.ts';
import { ErrorSummary, Field, PostForm } from '../web/form-ui.tsx';
import type { MessageKey } from '../i18n/index.ts';
import type { ApiToken } from './service.ts';
import type { User } from './user.ts';
import { NewPasswordFields } from './fields.tsx';

type Ctx = PageContext & { csrf: string };

export interface AccountData {
  tokens: ApiToken[];
  /** What other slices show on the account page (the reader's organizations). */
  sections: Child[];
}

export function AccountPage(props: { ctx: Ctx; user: User; data: AccountData; errors?: FieldErrors; notice?: string; newToken?: string }) {
  const { ctx, user, data } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd dir="ltr">{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${user.role}` as MessageKey)}</dd>
      </dl>
      {data.sections}
      <PasswordSection ctx={ctx} errors={props.errors} />
      <TokensSection ctx={ctx} tokens={data.tokens} errors={props.errors} newToken={props.newToken} />
    </Layout>
  );
}

function PasswordSection(props: { ctx: Ctx; errors?: FieldErrors | undefined }) {
  const { ctx } = props;
  const { t } = ctx;
  const labels = {
    current: t('account.currentPassword'),
    next: t('account.newPassword'),
    confirm: t('account.confirmPassword'),
    name: t('account.tokenName'),
  };
  return (
    <>
      <h2 id="password">{t('account.changePassword')}</h2>
      <p class="meta">{t('account.changePasswordEffects')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, '/account/password')} label={t('account.changePassword')}>
        <Field
          ctx={ctx}
          name="current"
          label={labels.current}
          type="password"
          errors={props.errors}
          autocomplete="current-password"
          required
        />
        <NewPasswordFields ctx={ctx} errors={props.errors} />
        <button type="submit">{t('account.changePassword')}</button>
      </PostForm>
    </>
  );
}

function TokensSection(props: { ctx: Ctx; tokens: ApiToken[]; errors?: FieldErrors | undefined; newToken?: string | undefined }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="tokens">{t('account.tokens')}</h2>
      <p class="meta">{t('account.tokensLede')}</p>
      {props.newToken ? (
        <div class="notice" role="status">
          <p>{t('account.tokenCreated')}</p>
          <p>
            <code dir="ltr">{props.newToken}</code>
          </p>
        </div>
      ) : null}
      {props.tokens.length ? (
        <ul>
          {props.tokens.map((token) => (
            <li>
              {token.name}{' '}
              <span class="meta">
                {t('account.tokenCreatedAt', { date: token.createdAt.slice(0, 10) })}
                {token.lastUsedAt ? ` · ${t('account.tokenLastUsed', { date: token.lastUsedAt.slice(0, 10) })}` : ''}
              </span>{' '}
              <PostForm ctx={ctx} action={href(ctx, `/account/tokens/${token.id}/revoke`)} class="action" label={t('account.revoke')}>
                <button type="submit" class="secondary">
                  {t('account.revoke')}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      ) : null}
      <PostForm ctx={ctx} action={href(ctx, '/account/tokens')} label={t('account.newToken')}>
        <Field ctx={ctx} name="name" label={t('account.tokenName')} errors={props.errors} required />
        <button type="submit">{t('account.newToken')}</button>
      </PostForm>
    </>
  );
}
