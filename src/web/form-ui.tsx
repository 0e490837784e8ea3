// Accessible form parts: labels tied to inputs, hints and errors announced with the field
// (aria-describedby, aria-invalid), and an error summary at the top that links to each field.
import type { Child } from 'hono/jsx';
import type { PageContext } from './layout.tsx';
import type { FieldError, FieldErrors } from './forms.ts';
import type { Translate } from '../i18n/index.ts';

/** An error's message in the page's language. */
export function errorText(t: Translate, error: FieldError): string {
  return typeof error === 'string' ? t(error) : t(error.key, error.values);
}

export interface FieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'number' | 'search';
  value?: string | undefined;
  errors?: FieldErrors | undefined;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  multiline?: boolean;
  /** Text direction of the value, where it differs from the page (e.g. an English title on an Arabic page). */
  dir?: 'ltr' | 'rtl' | 'auto';
  lang?: string;
  /** data-* attributes for a script that enhances a one-line field (e.g. suggestions as you type); the field works without it. */
  data?: Record<`data-${string}`, string>;
}

export function Field(props: FieldProps) {
  const error = props.errors?.[props.name];
  const id = `f-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    required: props.required,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described,
    dir: props.dir,
    lang: props.lang,
  };
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? null : <span class="meta"> ({props.ctx.t('form.optional')})</span>}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          <span class="visually-hidden">{props.ctx.t('form.errorPrefix')}</span>
          {errorText(props.ctx.t, error)}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} rows={6}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input {...common} {...props.data} type={props.type ?? 'text'} value={props.value ?? ''} autocomplete={props.autocomplete} />
      )}
    </div>
  );
}

export function SelectField(props: {
  ctx: PageContext;
  name: string;
  label: string;
  options: { value: string; label: string; lang?: string }[];
  value?: string | undefined;
  errors?: FieldErrors | undefined;
  required?: boolean;
  multiple?: boolean;
}) {
  const error = props.errors?.[props.name];
  const id = `f-${props.name}`;
  const selected = new Set((props.value ?? '').split(', ').filter(Boolean));
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? null : <span class="meta"> ({props.ctx.t('form.optional')})</span>}
      </label>
      {error ? (
        <p class="error" id={`${id}-error`}>
          <span class="visually-hidden">{props.ctx.t('form.errorPrefix')}</span>
          {errorText(props.ctx.t, error)}
        </p>
      ) : null}
      <select
        id={id}
        name={props.name}
        required={props.required}
        multiple={props.multiple}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {props.multiple || props.required ? null : <option value="">—</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={selected.has(o.value)} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary(props: { ctx: PageContext; errors: FieldErrors | undefined; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{props.ctx.t('form.errorSummary', { count: entries.length })}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li>
            {field === '_form' ? (
              errorText(props.ctx.t, key!)
            ) : (
              <a href={`#f-${field}`}>
                {props.labels[field] ?? field}
                {props.ctx.t('ui.colon')}
                {errorText(props.ctx.t, key!)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A POST form with its CSRF token. */
export function PostForm(props: { ctx: PageContext & { csrf: string }; action: string; children: Child; class?: string; label?: string }) {
  return (
    <form method="post" action={props.action} class={props.class} aria-label={props.label} novalidate>
      <input type="hidden" name="_csrf" value={props.ctx.csrf} />
      {props.children}
    </form>
  );
}
