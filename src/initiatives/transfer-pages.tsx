// The import and export page, the downloads (CSV, XLSX) and the JSON export of everything
// published. Uploads are limited to CONCORD_MAX_UPLOAD_MB and carry the CSRF token.
import { sourceFilterValues } from '../registries/sources.ts';
import type { Context, Hono } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { uploadLimitWith } from '../web/upload-limit.ts';
import type { AppEnv } from '../web/env.ts';
import { href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { csrfValid } from '../web/session.ts';
import { Refusal } from '../shared/refusal.ts';
import type { User } from '../accounts/service.ts';
import {
  exportRecords,
  importRecords,
  initiativeColumns,
  initiativeRow,
  pledgeColumns,
  pledgeRow,
  readCsv,
  readWorkbook,
  toCsv,
  toXlsx,
  type Format,
  type ImportReport,
  type Row,
} from './transfer.ts';
import type { Initiative } from './service.ts';
import type { Pledge } from '../pledges/service.ts';

type Ctx = PageContext & { csrf: string };

/**
 * The export's columns: the import's, each organization id followed by the organization's name so
 * a reader of the file sees who is meant. The names are for reading only: an import takes the ids
 * and drops these columns (namedColumns), so an export still imports as it is.
 */
const named = (columns: readonly string[], after: Record<string, string>) => columns.flatMap((c) => (after[c] ? [c, after[c]] : [c]));
const initiativeExportColumns = named(initiativeColumns, {
  lead_organization_id: 'lead_organization_name',
  partners: 'partner_names',
});
const pledgeExportColumns = named(pledgeColumns, { organization_id: 'organization_name' });
const namedColumns = ['lead_organization_name', 'partner_names', 'organization_name'];

const initiativeExportRow = (i: Initiative): Row => ({
  ...initiativeRow(i),
  lead_organization_name: i.leadOrganization.name,
  // One line per partner, in the order of the partners cell.
  partner_names: i.partners.map((p) => p.name).join('\n'),
});
const pledgeExportRow = (p: Pledge): Row => ({ ...pledgeRow(p), organization_name: p.organization.name });

/** A read row without the name columns the export adds. */
const withoutNames = (rows: Row[]): Row[] =>
  rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !namedColumns.includes(column))));

function TransferPage(props: { ctx: Ctx; report?: ImportReport; error?: string }) {
  const { ctx, report } = props;
  const { t } = ctx;
  const dl = (what: string, format: string, scope: string) => href(ctx, `/registry/export/${what}.${format}?scope=${scope}`);
  return (
    <Layout ctx={ctx} title={t('transfer.title')}>
      <h1>{t('transfer.title')}</h1>
      <p class="lede">{t('transfer.lede')}</p>
      {report?.ok ? (
        <p class="notice" role="status">
          {t('transfer.done', {
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
            pledges: report.pledgesCreated,
          })}
        </p>
      ) : null}
      {props.error ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <p>{props.error}</p>
        </div>
      ) : null}
      {report && !report.ok ? (
        <div class="error-summary" role="alert" aria-labelledby="import-problems" tabindex={-1}>
          <h2 id="import-problems">{t('transfer.failed', { count: report.issueCount })}</h2>
          {report.issueCount > report.issues.length ? <p>{t('transfer.firstIssues', { shown: report.issues.length })}</p> : null}
          <table>
            <thead>
              <tr>
                <th scope="col">{t('transfer.sheet')}</th>
                <th scope="col">{t('transfer.row')}</th>
                <th scope="col">{t('transfer.column')}</th>
                <th scope="col">{t('transfer.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.issues.map((issue) => (
                <tr>
                  <td>{issue.sheet}</td>
                  <td>{issue.row}</td>
                  <td>
                    <code>{issue.column}</code>
                  </td>
                  <td>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>{t('transfer.export')}</h2>
      <h3>{t('transfer.exportPublished')}</h3>
      <ul>
        <li>
          <a href={dl('initiatives', 'csv', 'published')}>{t('transfer.initiativesCsv')}</a>
        </li>
        <li>
          <a href={dl('pledges', 'csv', 'published')}>{t('transfer.pledgesCsv')}</a>
        </li>
        <li>
          <a href={dl('registry', 'xlsx', 'published')}>{t('transfer.workbook')}</a>
        </li>
        <li>
          <a href="/api/v1/export">{t('transfer.json')}</a>
        </li>
      </ul>
      {ctx.user ? (
        <>
          <h3>{t('transfer.exportMine')}</h3>
          <ul>
            <li>
              <a href={dl('initiatives', 'csv', 'mine')}>{t('transfer.initiativesCsv')}</a>
            </li>
            <li>
              <a href={dl('pledges', 'csv', 'mine')}>{t('transfer.pledgesCsv')}</a>
            </li>
            <li>
              <a href={dl('registry', 'xlsx', 'mine')}>{t('transfer.workbook')}</a>
            </li>
          </ul>
          <h2>{t('transfer.import')}</h2>
          <form method="post" action={href(ctx, '/registry/import')} enctype="multipart/form-data">
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <div class="field">
              <label for="f-file">{t('transfer.file')}</label>
              <p class="hint" id="f-file-hint">
                {t('transfer.fileHint')}
              </p>
              <input id="f-file" name="file" type="file" accept=".csv,.xlsx,text/csv" required aria-describedby="f-file-hint" />
            </div>
            <div class="field">
              <label for="f-pledges">
                {t('transfer.pledgesFile')} <span class="meta">({t('form.optional')})</span>
              </label>
              <input id="f-pledges" name="pledges" type="file" accept=".csv,text/csv" />
            </div>
            <button type="submit">{t('transfer.submit')}</button>
          </form>
        </>
      ) : (
        <p>
          <a href={href(ctx, '/sign-in?next=' + encodeURIComponent(`/${ctx.lang}/registry/transfer`))}>{t('nav.signIn')}</a>
        </p>
      )}
    </Layout>
  );
}

function formatOf(name: string): Format | undefined {
  const lower = name.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : undefined;
}

async function records(c: Context<AppEnv>, scope: string) {
  const user = c.var.user;
  if (scope === 'mine' && !user) throw new Refusal(401, 'account.signInFirst');
  // The registry's source filter (`?source=dpga`): the records read from one registry, or made here.
  const source = sourceFilterValues.find((value) => value === c.req.query('source'));
  return exportRecords(c.var.store.db, user, scope === 'mine' ? 'mine' : 'published', source);
}

export function registerTransferPages(app: Hono<AppEnv>): void {
  const L = localePath;

  app.get(`${L}/registry/transfer`, (c) => c.html(<TransferPage ctx={pageContext(c)} />));

  app.get(`${L}/registry/export/:file{(initiatives|pledges)\\.csv|registry\\.xlsx}`, async (c) => {
    const file = c.req.param('file');
    const scope = c.req.query('scope') === 'mine' ? 'mine' : 'published';
    const { initiatives, pledges } = await records(c, scope);
    const stamp = new Date().toISOString().slice(0, 10);
    const headers = (type: string, name: string) => ({
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="concord-${name}-${scope}-${stamp}"`,
      'Cache-Control': scope === 'mine' ? 'private, no-store' : 'no-cache',
    });
    if (file === 'initiatives.csv')
      return c.body(
        toCsv(initiatives.map(initiativeExportRow), initiativeExportColumns),
        200,
        headers('text/csv; charset=utf-8', 'initiatives.csv'),
      );
    if (file === 'pledges.csv')
      return c.body(toCsv(pledges.map(pledgeExportRow), pledgeExportColumns), 200, headers('text/csv; charset=utf-8', 'pledges.csv'));
    const book = await toXlsx([
      { name: 'initiatives', columns: initiativeExportColumns, rows: initiatives.map(initiativeExportRow) },
      { name: 'pledges', columns: pledgeExportColumns, rows: pledges.map(pledgeExportRow) },
    ]);
    return c.body(book, 200, headers('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'registry.xlsx'));
  });

  app.post(
    `${L}/registry/import`,
    uploadLimitWith((c, max) => c.html(<TransferPage ctx={pageContext(c)} error={c.var.t('transfer.tooLarge', { mb: max })} />, 413)),
    async (c) => {
      const ctx = pageContext(c);
      const user: User | null = c.var.user;
      if (!user) throw new Refusal(401, 'account.signInFirst');
      const body = await c.req.parseBody();
      if (!csrfValid(c, body._csrf)) throw new Refusal(403, 'form.csrf');
      const file = body.file;
      if (!(file instanceof File) || file.size === 0) return c.html(<TransferPage ctx={ctx} error={ctx.t('transfer.noFile')} />, 400);
      const format = formatOf(file.name);
      if (!format) return c.html(<TransferPage ctx={ctx} error={ctx.t('transfer.formatUnknown')} />, 400);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const sheets = format === 'xlsx' ? await readWorkbook(bytes) : { initiatives: await readCsv(bytes), pledges: [] };
        const pledgesFile = body.pledges;
        if (pledgesFile instanceof File && pledgesFile.size > 0)
          sheets.pledges = await readCsv(new Uint8Array(await pledgesFile.arrayBuffer()), 'pledges');
        const { initiatives: initiativeRows, pledges: pledgeRows } = sheets;
        const report = await importRecords(c.var.store, user, withoutNames(initiativeRows), withoutNames(pledgeRows), ctx.lang);
        return c.html(<TransferPage ctx={ctx} report={report} />, report.ok ? 200 : 400);
      } catch (error) {
        // A file that cannot be read, or goes over a limit (rows, cell length, inflated size).
        if (error instanceof Refusal && error.field === 'file')
          return c.html(<TransferPage ctx={ctx} error={ctx.t(error.key, error.values)} />, error.status);
        throw error;
      }
    },
  );
}

/** GET /api/v1/export: everything published, as JSON (no key needed). */
export function registerTransferApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags: ['Registry'],
      summary: 'Everything published in the registry: initiatives and their pledges',
      responses: {
        200: {
          description: 'Initiatives (as GET /initiatives/{id}) and pledges (as GET /initiatives/{id}/pledges)',
          content: {
            'application/json': {
              schema: z.object({ exportedAt: z.string(), initiatives: z.array(z.unknown()), pledges: z.array(z.unknown()) }),
            },
          },
        },
      },
    }),
    async (c) => {
      const { initiatives, pledges } = await exportRecords(c.var.store.db, null, 'published');
      return c.json({ exportedAt: new Date().toISOString(), initiatives, pledges }, 200);
    },
  );
}
