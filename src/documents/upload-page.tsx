// The upload form for administrators: a DOCX, PDF, HTML or text file ingested through the
// browser by the same path as `concord ingest` and POST /api/v1/documents (all or nothing, the
// same file twice changing nothing), with the size limit checked as the body arrives and every
// error next to its field in the reader's language. A multipart form with its CSRF token. The file
// is kept and read by a job (ingest-job.ts): the form answers at once with the job's page, which
// links to the document when it is read, or says, in the reader's language, why it could not be.
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { localePath } from '../web/locale.ts';
import { href, pageContext, type PageContext } from '../web/layout.tsx';
import { csrfValid, requireUser } from '../web/session.ts';
import { uploadLimitWith } from '../web/upload-limit.ts';
import { FormPage } from '../web/form-page.tsx';
import { errorText } from '../web/form-ui.tsx';
import type { FieldErrors } from '../web/forms.ts';
import { Refusal } from '../shared/refusal.ts';
import { canUpload } from './policy.ts';
import { endonyms, isLanguage, languageOrder } from '../language/languages.ts';
import { enqueueIngest } from './ingest-job.ts';

type Ctx = PageContext & { csrf: string };

function UploadForm(props: { ctx: Ctx; maxMb: number; errors?: FieldErrors; values?: Record<string, string> }) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  const error = (name: string) => {
    const e = errors?.[name];
    return e ? (
      <p class="error" id={`f-${name}-error`}>
        <span class="visually-hidden">{t('form.errorPrefix')}</span>
        {errorText(t, e)}
      </p>
    ) : null;
  };
  const invalid = (name: string) => (errors?.[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `f-${name}-error` } : {});
  return (
    <FormPage
      ctx={ctx}
      title={t('documents.upload.title')}
      backTo={href(ctx, '/documents')}
      backLabel={t('documents.title')}
      errors={errors}
      labels={{ file: t('documents.upload.file'), lang: t('documents.upload.lang'), symbol: t('documents.upload.symbol') }}
    >
      <p>{t('documents.upload.intro', { mb: props.maxMb })}</p>
      <form method="post" action={href(ctx, '/documents/upload')} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <div class={`field${errors?.file ? ' has-error' : ''}`}>
          <label for="f-file">{t('documents.upload.file')}</label>
          {error('file')}
          <input
            id="f-file"
            name="file"
            type="file"
            required
            accept=".docx,.pdf,.html,.htm,.md,.txt,application/pdf,text/html,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            {...invalid('file')}
          />
        </div>
        <div class={`field${errors?.lang ? ' has-error' : ''}`}>
          <label for="f-lang">
            {t('documents.upload.lang')} <span class="meta">({t('form.optional')})</span>
          </label>
          {error('lang')}
          <select id="f-lang" name="lang" {...invalid('lang')}>
            <option value="">{t('documents.upload.detect')}</option>
            {languageOrder.map((l) => (
              <option value={l} lang={l} selected={values?.lang === l}>
                {endonyms[l]}
              </option>
            ))}
          </select>
        </div>
        <div class={`field${errors?.symbol ? ' has-error' : ''}`}>
          <label for="f-symbol">
            {t('documents.upload.symbol')} <span class="meta">({t('form.optional')})</span>
          </label>
          {error('symbol')}
          <input id="f-symbol" name="symbol" value={values?.symbol ?? ''} dir="ltr" placeholder="A/RES/79/194" {...invalid('symbol')} />
        </div>
        <button type="submit">{t('documents.upload.submit')}</button>
      </form>
    </FormPage>
  );
}

/** Administrators only (the API's upload is the operator token's). */
function requireAdministrator(c: Context<AppEnv>) {
  const user = requireUser(c);
  if (!canUpload(user)) throw new Refusal(403, 'documents.upload.administratorsOnly');
  return user;
}

export function registerUploadPage(app: Hono<AppEnv>): void {
  const path = `${localePath}/documents/upload`;

  app.get(path, (c) => {
    requireAdministrator(c);
    return c.html(<UploadForm ctx={pageContext(c)} maxMb={c.var.config.maxUploadMb} />);
  });

  app.post(
    path,
    async (c, next) => {
      // Who may upload is known before the body is read.
      requireAdministrator(c);
      return next();
    },
    uploadLimitWith((c, max) =>
      c.html(
        <UploadForm ctx={pageContext(c)} maxMb={max} errors={{ file: { key: 'documents.upload.tooLarge', values: { mb: max } } }} />,
        413,
      ),
    ),
    async (c) => {
      const user = requireAdministrator(c);
      const ctx = pageContext(c);
      const maxMb = c.var.config.maxUploadMb;
      const body = await c.req.parseBody();
      if (!csrfValid(c, body._csrf)) throw new Refusal(403, 'form.csrf');
      const text = (name: string) => (typeof body[name] === 'string' ? body[name].trim() : '');
      const values = { lang: text('lang'), symbol: text('symbol') };
      const errors: FieldErrors = {};
      const file = body.file;
      if (!(file instanceof File) || (file.size === 0 && !file.name)) errors.file = 'documents.upload.fileRequired';
      if (values.lang && !isLanguage(values.lang)) errors.lang = 'form.chooseOne';
      if (values.symbol.length > 100) errors.symbol = 'form.tooLong';
      if (Object.keys(errors).length || !(file instanceof File))
        return c.html(<UploadForm ctx={ctx} maxMb={maxMb} errors={errors} values={values} />, 400);
      // An empty file needs no reading to be refused: said at once, next to the field.
      if (file.size === 0)
        return c.html(<UploadForm ctx={ctx} maxMb={maxMb} errors={{ file: 'documents.upload.error.empty' }} values={values} />, 422);
      const job = await enqueueIngest(
        c.var.store,
        file,
        {
          provenance: `web upload (${user.id})`,
          uiLang: ctx.lang,
          lang: isLanguage(values.lang) ? values.lang : undefined,
          symbol: values.symbol,
        },
        { createdBy: user.id },
      );
      return c.redirect(`/${ctx.lang}/jobs/${job.id}`, 303);
    },
  );
}
