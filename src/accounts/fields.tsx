// Fields the account forms share: the email address, and a new password with its confirmation.
import { Field } from '../web/form-ui.tsx';
import type { FieldErrors } from '../web/forms.ts';
import type { PageContext } from '../web/layout.tsx';
import { PASSWORD_MIN } from './form-mapping.ts';

export function EmailField(props: {
  ctx: PageContext;
  value?: string | undefined;
  errors?: FieldErrors | undefined;
  autocomplete: 'email' | 'username';
}) {
  const { ctx } = props;
  return (
    <Field
      ctx={ctx}
      name="email"
      label={ctx.t('account.email')}
      type="email"
      value={props.value}
      errors={props.errors}
      autocomplete={props.autocomplete}
      required
      dir="ltr"
    />
  );
}

/** The new password (`next`, with the rule as hint) and its confirmation (`confirm`). */
export function NewPasswordFields(props: { ctx: PageContext; errors?: FieldErrors | undefined }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <Field
        ctx={ctx}
        name="next"
        label={t('account.newPassword')}
        type="password"
        errors={props.errors}
        autocomplete="new-password"
        hint={t('account.passwordHint', { min: PASSWORD_MIN })}
        required
      />
      <Field
        ctx={ctx}
        name="confirm"
        label={t('account.confirmPassword')}
        type="password"
        errors={props.errors}
        autocomplete="new-password"
        required
      />
    </>
  );
}
