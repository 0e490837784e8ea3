// One form as a pair of routes (GET shows it, POST validates, saves and redirects, or shows it
// again with each error next to its field), inside a page with a way back. Used by every form
// that is a page of its own.
import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from './env.ts';
import { Layout, pageContext, type PageContext } from './layout.tsx';
import { requireUser } from './session.ts';
import { fieldErrors, readRawForm, refusalError, type FieldErrors } from './forms.ts';
import { ErrorSummary } from './form-ui.tsx';
import { Refusal } from '../shared/refusal.ts';
import type { MessageKey, Translate } from '../i18n/index.ts';
import type { User } from '../accounts/service.ts';

type Ctx = PageContext & { csrf: string };

export function FormPage(props: {
  ctx: PageContext;
  title: string;
  backTo: string;
  backLabel: string;
  errors?: FieldErrors | undefined;
  labels: Record<string, string>;
  children: Child;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      <nav class="crumbs" aria-label={ctx.t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={props.backTo} dir="auto">
              {props.backLabel}
            </a>
          </li>
        </ol>
      </nav>
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors} labels={props.labels} />
      {props.children}
    </Layout>
  );
}

/** What a form is for: where "back" leads (and whatever else its fields need). */
export interface FormTarget {
  back: string;
  backLabel: string;
}

/**
 * One form as a pair of routes: GET shows it; POST reads the fields, validates them with the
 * schema, saves, and redirects; errors (from the schema or the service) land next to their
 * fields, in the reader's language, with what was typed kept.
 */
export function formRoute<T, Target extends FormTarget = FormTarget>(
  app: Hono<AppEnv>,
  path: string,
  spec: {
    title: MessageKey;
    /** What the form is for, or undefined when there is no such record (404). */
    target: (c: Context<AppEnv>, ctx: Ctx) => Promise<Target | undefined>;
    labels: (t: Translate, target: Target) => Record<string, string>;
    form: (props: { ctx: Ctx; target: Target; errors?: FieldErrors; values?: Record<string, string> }) => Child;
    parse: (
      raw: Record<string, string | string[]>,
    ) => { success: true; data: T } | { success: false; error: { issues: Parameters<typeof fieldErrors>[0] } };
    /** Saves and says where to go next. */
    save: (c: Context<AppEnv>, user: User, data: T) => Promise<string>;
  },
): void {
  const page = (ctx: Ctx, target: Target, errors?: FieldErrors, values?: Record<string, string>) => (
    <FormPage
      ctx={ctx}
      title={ctx.t(spec.title)}
      backTo={target.back}
      backLabel={target.backLabel}
      errors={errors}
      labels={spec.labels(ctx.t, target)}
    >
      {spec.form({ ctx, target, ...(errors ? { errors } : {}), ...(values ? { values } : {}) })}
    </FormPage>
  );
  app.get(path, async (c, next) => {
    requireUser(c);
    const ctx = pageContext(c);
    const target = await spec.target(c, ctx);
    return target ? c.html(page(ctx, target)) : next();
  });
  app.post(path, async (c, next) => {
    const user = requireUser(c);
    const ctx = pageContext(c);
    const target = await spec.target(c, ctx);
    if (!target) return next();
    const { raw, values } = await readRawForm(c);
    const parsed = spec.parse(raw);
    let errors: FieldErrors;
    if (parsed.success) {
      try {
        return c.redirect(await spec.save(c, user, parsed.data), 303);
      } catch (error) {
        // A refusal from the service lands next to its field (or at the top of the form).
        if (!(error instanceof Refusal) || [401, 403, 404, 429].includes(error.status)) throw error;
        errors = { [error.field?.split('.')[0] ?? '_form']: refusalError(error) };
      }
    } else {
      errors = fieldErrors(parsed.error.issues);
    }
    return c.html(page(ctx, target, errors, values), 400);
  });
}
