// The reviewers' upload of IATI activity files (/{lang}/registry/sources/iati): the same import as
// `concord import iati` (src/registries/iati-import.ts: streamed, all or nothing, a second upload
// of the same file changing nothing), behind the upload limit (CONCORD_MAX_UPLOAD_MB, checked as
// the body arrives) and the CSRF token, with the activity-by-activity report on the page.
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
import { isReviewer } from '../accounts/service.ts';
import { importIatiFiles, type IatiImportReport } from './iati-import.ts';

type Ctx = PageContext & { csrf: string };

function Report(props: { ctx: Ctx; report: IatiImportReport }) {
  const { ctx, report } = props;
  const { t } = ctx;
  const { load } = report;
  return (
    <div class={load ? 'note' : 'error'} role="status">
      <p>
        {load
          ? t('iatiUpload.done', {
              created: load.created,
              updated: load.updated,
              unchanged: load.unchanged,
              archived: load.archived,
              added: load.organizationsCreated,
            })
          : t('iatiUpload.refused')}
      </p>
      {load && load.created + load.updated > 0 ? (
        <p>
          <a href={href(ctx, '/registry?source=iati')}>{t('iatiUpload.open')}</a>
        </p>
      ) : null}
      {report.files.some((f) => f.error || f.problems.length) ? (
        <table>
          <caption>{t('iatiUpload.problemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('iatiUpload.activity')}</th>
              <th scope="col">{t('iatiUpload.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {report.files.flatMap((f) => [
              ...(f.error
                ? [
                    <tr>
                      <th scope="row" dir="ltr">
                        {f.name}
                      </th>
                      <td lang="en" dir="ltr">
                        {t('iatiUpload.notRead')} {f.error}
                      </td>
                    </tr>,
                  ]
                : []),
              ...f.problems.map((p) => (
                <tr>
                  <th scope="row" dir="ltr">
                    {p.sourceId}
                  </th>
                  <td lang="en" dir="ltr">
                    {p.problems.join('; ')}
                  </td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function UploadForm(props: { ctx: Ctx; maxMb: number; errors?: FieldErrors; report?: IatiImportReport }) {
  const { ctx, errors, report } = props;
  const { t } = ctx;
  const fileError = errors?.file;
  return (
    <FormPage
      ctx={ctx}
      title={t('iatiUpload.title')}
      backTo={href(ctx, '/registry/sources')}
      backLabel={t('registrySources.title')}
      errors={errors}
      labels={{ file: t('iatiUpload.file') }}
    >
      {report ? <Report ctx={ctx} report={report} /> : null}
      <p>{t('iatiUpload.intro', { mb: props.maxMb })}</p>
      <form method="post" action={href(ctx, '/registry/sources/iati')} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <div class={`field${fileError ? ' has-error' : ''}`}>
          <label for="f-file">{t('iatiUpload.file')}</label>
          {fileError ? (
            <p class="error" id="f-file-error">
              <span class="visually-hidden">{t('form.errorPrefix')}</span>
              {errorText(t, fileError)}
            </p>
          ) : null}
          <input
            id="f-file"
            name="file"
            type="file"
            multiple
            required
            accept=".xml,application/xml,text/xml"
            {...(fileError ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'f-file-error' } : {})}
          />
        </div>
        <button type="submit">{t('iatiUpload.submit')}</button>
      </form>
    </FormPage>
  );
}

/** Reviewers only: an import publishes at once, as the registry's own records. */
function requireReviewer(c: Context<AppEnv>) {
  const user = requireUser(c);
  if (!isReviewer(user)) throw new Refusal(403, 'iatiUpload.reviewersOnly');
  return user;
}

export function registerIatiUploadPage(app: Hono<AppEnv>): void {
  const path = `${localePath}/registry/sources/iati`;

  app.get(path, (c) => {
    requireReviewer(c);
    return c.html(<UploadForm ctx={pageContext(c)} maxMb={c.var.config.maxUploadMb} />);
  });

  app.post(
    path,
    async (c, next) => {
      // Who may upload is known before the body is read.
      requireReviewer(c);
      return next();
    },
    uploadLimitWith((c, max) =>
      c.html(<UploadForm ctx={pageContext(c)} maxMb={max} errors={{ file: { key: 'iatiUpload.tooLarge', values: { mb: max } } }} />, 413),
    ),
    async (c) => {
      requireReviewer(c);
      const ctx = pageContext(c);
      const maxMb = c.var.config.maxUploadMb;
      const body = await c.req.parseBody({ all: true });
      if (!csrfValid(c, body._csrf)) throw new Refusal(403, 'form.csrf');
      const files = [body.file].flat().filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ''));
      if (files.length === 0) return c.html(<UploadForm ctx={ctx} maxMb={maxMb} errors={{ file: 'iatiUpload.fileRequired' }} />, 400);
      const report = await importIatiFiles(
        c.var.store,
        files.map((f) => ({ name: f.name || 'upload.xml', open: () => f.stream() })),
      );
      return c.html(<UploadForm ctx={ctx} maxMb={maxMb} report={report} />, report.load ? 200 : 422);
    },
  );
}
