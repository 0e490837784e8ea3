// Password reset by mail: asking for a link, and setting a new password with it.
import { href, Layout, type PageContext } from '../web/layout.tsx';
import type { FieldErrors } from '../web/forms.ts';
import { ErrorSummary, PostForm } from '../web/form-ui.tsx';
import { EmailField, NewPasswordFields } from './fields.tsx';

type Ctx = PageContext & { csrf: string };

export function ResetRequestPage(props: {
  ctx: Ctx;
  errors?: FieldErrors;
  values?: Record<string, string>;
  sent?: boolean;
  noMail?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.resetTitle')}>
      <h1>{t('account.resetTitle')}</h1>
      {props.noMail ? (
        <p class="note" role="note">
          {t('account.resetNoMail')}
        </p>
      ) : null}
      {props.sent ? (
        <p class="notice" role="status">
          {t('account.resetSent')}
        </p>
      ) : (
        <>
          <p class="lede">{t('account.resetLede')}</p>
          <ErrorSummary ctx={ctx} errors={props.errors} labels={{ email: t('account.email') }} />
          <PostForm ctx={ctx} action={href(ctx, '/password-reset')}>
            <EmailField ctx={ctx} value={props.values?.email} errors={props.errors} autocomplete="email" />
            <button type="submit">{t('account.resetSend')}</button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

export function ResetPage(props: { ctx: Ctx; token: string; errors?: FieldErrors }) {
  const { ctx } = props;
  const { t } = ctx;
  const labels = { next: t('account.newPassword'), confirm: t('account.confirmPassword') };
  return (
    <Layout ctx={ctx} title={t('account.resetTitle')}>
      <h1>{t('account.resetTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, `/password-reset/${encodeURIComponent(props.token)}`)}>
        <NewPasswordFields ctx={ctx} errors={props.errors} />
        <button type="submit">{t('account.resetSave')}</button>
      </PostForm>
    </Layout>
  );
}
