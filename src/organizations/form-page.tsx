// The form that registers a new organization (its creator becomes its first administrator).
import { href, Layout, type PageContext } from '../web/layout.tsx';
import type { FieldErrors } from '../web/forms.ts';
import { ErrorSummary, Field, PostForm, SelectField } from '../web/form-ui.tsx';
import type { MessageKey } from '../i18n/index.ts';
import { stakeholderTypes } from './service.ts';

type Ctx = PageContext & { csrf: string };

function stakeholderOptions(t: PageContext['t']) {
  return stakeholderTypes.map((s) => ({ value: s, label: t(`stakeholder.${s}` as MessageKey) }));
}

export function OrganizationFormPage(props: { ctx: Ctx; errors?: FieldErrors; values?: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  const labels = {
    name: t('organization.name'),
    shortName: t('organization.shortName'),
    stakeholderType: t('organization.stakeholderType'),
    website: t('organization.website'),
    country: t('organization.country'),
    description: t('organization.description'),
  };
  return (
    <Layout ctx={ctx} title={t('organization.create')}>
      <h1>{t('organization.create')}</h1>
      <p class="lede">{t('organization.createLede')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, '/organizations/new')}>
        <Field
          ctx={ctx}
          name="name"
          label={labels.name}
          value={props.values?.name}
          errors={props.errors}
          autocomplete="organization"
          required
          dir="auto"
        />
        <Field ctx={ctx} name="shortName" label={labels.shortName} value={props.values?.shortName} errors={props.errors} dir="auto" />
        <SelectField
          ctx={ctx}
          name="stakeholderType"
          label={labels.stakeholderType}
          options={stakeholderOptions(t)}
          value={props.values?.stakeholderType}
          errors={props.errors}
          required
        />
        <Field ctx={ctx} name="website" label={labels.website} type="url" value={props.values?.website} errors={props.errors} dir="ltr" />
        <Field
          ctx={ctx}
          name="country"
          label={labels.country}
          value={props.values?.country}
          errors={props.errors}
          hint={t('organization.countryHint')}
          dir="auto"
        />
        <Field
          ctx={ctx}
          name="description"
          label={labels.description}
          value={props.values?.description}
          errors={props.errors}
          multiline
          dir="auto"
        />
        <button type="submit">{t('organization.create')}</button>
      </PostForm>
    </Layout>
  );
}
