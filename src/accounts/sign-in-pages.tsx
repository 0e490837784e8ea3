// The sign-up and sign-in pages: plain forms, errors next to their fields.
import { href, Layout, type PageContext } from '../web/layout.tsx';
import type { FieldErrors } from '../web/forms.ts';
import { ErrorSummary, Field, PostForm } from '../web/form-ui.tsx';
import { PASSWORD_MIN } from './form-mapping.ts';
import { EmailField } from './fields.tsx';

type Ctx = PageContext & { csrf: string };

export function SignUpPage(props: { ctx: Ctx; errors?: FieldErrors; values?: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  const labels = { name: t('account.name'), email: t('account.email'), password: t('account.password') };
  return (
    <Layout ctx={ctx} title={t('account.signUpTitle')}>
      <h1>{t('account.signUpTitle')}</h1>
      <p class="lede">{t('account.signUpLede')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, '/sign-up')}>
        <Field ctx={ctx} name="name" label={labels.name} value={props.values?.name} errors={props.errors} autocomplete="name" required />
        <EmailField ctx={ctx} value={props.values?.email} errors={props.errors} autocomplete="email" />
        <Field
          ctx={ctx}
          name="password"
          label={labels.password}
          type="password"
          errors={props.errors}
          autocomplete="new-password"
          hint={t('account.passwordHint', { min: PASSWORD_MIN })}
          required
        />
        <button type="submit">{t('account.signUp')}</button>
      </PostForm>
      <p>
        {t('account.haveAccount')} <a href={href(ctx, '/sign-in')}>{t('nav.signIn')}</a>
      </p>
    </Layout>
  );
}

export function SignInPage(props: { ctx: Ctx; errors?: FieldErrors; values?: Record<string, string>; next?: string; notice?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  const labels = { email: t('account.email'), password: t('account.password') };
  return (
    <Layout ctx={ctx} title={t('account.signInTitle')}>
      <h1>{t('account.signInTitle')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, `/sign-in${props.next ? `?next=${encodeURIComponent(props.next)}` : ''}`)}>
        <EmailField ctx={ctx} value={props.values?.email} errors={props.errors} autocomplete="username" />
        <Field
          ctx={ctx}
          name="password"
          label={labels.password}
          type="password"
          errors={props.errors}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t('nav.signIn')}</button>
      </PostForm>
      <p>
        <a href={href(ctx, '/password-reset')}>{t('account.forgotPassword')}</a> · <a href={href(ctx, '/sign-up')}>{t('nav.signUp')}</a>
      </p>
    </Layout>
  );
}
