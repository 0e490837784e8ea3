// The forms of a pledge: a new pledge (to an initiative, or an organization's own), a progress
// report, and a money transaction. Each is shown inside a form page (web/form-page.tsx).
import { href, type PageContext } from '../web/layout.tsx';
import type { FieldErrors } from '../web/forms.ts';
import { Field, PostForm, SelectField } from '../web/form-ui.tsx';
import type { MessageKey, Translate } from '../i18n/index.ts';
import { transactionKinds } from './inputs.ts';

type Ctx = PageContext & { csrf: string };

export const pledgeLabels = (t: Translate) => ({
  metric: t('pledge.metric'),
  unit: t('pledge.unit'),
  baselineValue: t('pledge.baselineValue'),
  baselineDate: t('pledge.baselineDate'),
  targetValue: t('pledge.targetValue'),
  targetDate: t('pledge.targetDate'),
  beneficiaries: t('pledge.beneficiaries'),
  weight: t('pledge.weight'),
  areas: t('initiative.areas'),
});

/** A figure of a pledge (its baseline or its target): a value and the date it holds on, side by side. */
function ValueAndDate(props: {
  ctx: Ctx;
  figure: 'baseline' | 'target';
  errors?: FieldErrors | undefined;
  values?: Record<string, string> | undefined;
}) {
  const { ctx, figure, errors, values } = props;
  const value = `${figure}Value` as const;
  const date = `${figure}Date` as const;
  return (
    <div class="row">
      <Field ctx={ctx} name={value} label={ctx.t(`pledge.${value}`)} value={values?.[value]} errors={errors} required dir="ltr" />
      <Field ctx={ctx} name={date} label={ctx.t(`pledge.${date}`)} type="date" value={values?.[date]} errors={errors} required dir="ltr" />
    </div>
  );
}

export function NewPledgeForm(props: {
  ctx: Ctx;
  action: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, string> | undefined;
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={href(ctx, props.action)} label={t('pledge.add')}>
      <Field
        ctx={ctx}
        name="metric"
        label={t('pledge.metric')}
        hint={t('pledge.metricHint')}
        value={values?.metric}
        errors={errors}
        required
        dir="auto"
      />
      <Field ctx={ctx} name="unit" label={t('pledge.unit')} value={values?.unit} errors={errors} required dir="auto" />
      <ValueAndDate ctx={ctx} figure="baseline" errors={errors} values={values} />
      <ValueAndDate ctx={ctx} figure="target" errors={errors} values={values} />
      <div class="row">
        <Field ctx={ctx} name="beneficiaries" label={t('pledge.beneficiaries')} value={values?.beneficiaries} errors={errors} dir="ltr" />
        <Field
          ctx={ctx}
          name="weight"
          label={t('pledge.weight')}
          hint={t('pledge.weightHint')}
          value={values?.weight}
          errors={errors}
          dir="ltr"
        />
      </div>
      <Field
        ctx={ctx}
        name="areas"
        label={t('initiative.areas')}
        hint={t('initiative.areasHint')}
        value={values?.areas}
        errors={errors}
        dir="ltr"
      />
      <button type="submit">{t('pledge.add')}</button>
    </PostForm>
  );
}

export function ReportForm(props: {
  ctx: Ctx;
  pledgeId: string;
  unit: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, string> | undefined;
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={href(ctx, `/pledges/${props.pledgeId}/report`)} label={t('pledge.report')}>
      <p class="hint">{t('pledge.reportHint')}</p>
      <div class="row">
        <Field ctx={ctx} name="date" label={t('pledge.date')} type="date" value={values?.date} errors={errors} required dir="ltr" />
        <Field
          ctx={ctx}
          name="value"
          label={t('pledge.valueIn', { unit: props.unit })}
          value={values?.value}
          errors={errors}
          required
          dir="ltr"
        />
      </div>
      <Field
        ctx={ctx}
        name="narrative"
        label={t('pledge.narrative')}
        value={values?.narrative}
        errors={errors}
        multiline
        required
        dir="auto"
      />
      <Field ctx={ctx} name="evidenceUrl" label={t('pledge.evidence')} type="url" value={values?.evidenceUrl} errors={errors} dir="ltr" />
      <button type="submit">{t('pledge.sendReport')}</button>
    </PostForm>
  );
}

export function TransactionForm(props: {
  ctx: Ctx;
  pledgeId: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, string> | undefined;
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={href(ctx, `/pledges/${props.pledgeId}/transactions/new`)} label={t('pledge.addTransaction')}>
      <div class="row">
        <SelectField
          ctx={ctx}
          name="kind"
          label={t('pledge.kind')}
          options={transactionKinds.map((k) => ({ value: k, label: t(`pledge.kind.${k}` as MessageKey) }))}
          value={values?.kind}
          errors={errors}
          required
        />
        <Field ctx={ctx} name="amount" label={t('pledge.amount')} value={values?.amount} errors={errors} required dir="ltr" />
        <Field
          ctx={ctx}
          name="currency"
          label={t('initiative.budgetCurrency')}
          value={values?.currency}
          errors={errors}
          required
          dir="ltr"
        />
        <Field ctx={ctx} name="date" label={t('pledge.date')} type="date" value={values?.date} errors={errors} required dir="ltr" />
      </div>
      <Field ctx={ctx} name="note" label={t('pledge.note')} value={values?.note} errors={errors} dir="auto" />
      <button type="submit">{t('pledge.addTransaction')}</button>
    </PostForm>
  );
}
