// The list of documents, filtered by symbol, organ, year and language.
import { href, Layout } from '../web/layout.tsx';
import { endonyms } from '../language/languages.ts';
import type { DocumentSummary } from './service.ts';
import { InLanguage, type Ctx } from './page-parts.tsx';
import { canUpload } from './policy.ts';

export function DocumentsPage(props: {
  ctx: Ctx;
  items: DocumentSummary[];
  total: number;
  filter: Record<string, string>;
  error: string | null;
}) {
  const { ctx, items } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('documents.title')} description={t('documents.intro')}>
      <h1>{t('documents.title')}</h1>
      <p class="lede">{t('documents.intro')}</p>
      <p>
        <a href={href(ctx, '/documents/search')}>{t('documents.searchLink')}</a> ·{' '}
        <a href={href(ctx, '/documents/citations')}>{t('documents.graph.title')}</a>
        {canUpload(ctx.user) ? (
          <>
            {' '}
            · <a href={href(ctx, '/documents/upload')}>{t('documents.upload.link')}</a>
          </>
        ) : null}
      </p>
      <form class="inline" method="get" action={href(ctx, '/documents')}>
        <div>
          <label for="symbol">{t('document.symbol')}</label>
          <input id="symbol" name="symbol" value={props.filter.symbol ?? ''} size={18} />
        </div>
        <div>
          <label for="organ">{t('document.organ')}</label>
          <input id="organ" name="organ" value={props.filter.organ ?? ''} size={10} />
        </div>
        <div>
          <label for="year">{t('documents.filter.year')}</label>
          <input id="year" name="year" inputmode="numeric" value={props.filter.year ?? ''} size={6} />
        </div>
        <button type="submit">{t('documents.filter.submit')}</button>
      </form>
      {props.error ? (
        <p class="note" role="alert">
          {props.error}
        </p>
      ) : null}
      <h2>{t('documents.count', { count: props.total })}</h2>
      {items.length ? (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('document.symbol')}</th>
                <th scope="col">{t('documents.column.title')}</th>
                <th scope="col">{t('document.date')}</th>
                <th scope="col">{t('document.versions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr>
                  <td>
                    <a href={href(ctx, `/documents/${d.id}`)}>{d.symbol ?? t('documents.noSymbol')}</a>
                  </td>
                  <td>
                    {d.titleLanguage ? (
                      <InLanguage lang={d.titleLanguage} page={ctx.lang}>
                        {d.title}
                      </InLanguage>
                    ) : null}
                  </td>
                  <td>{d.date ?? ''}</td>
                  <td>
                    {d.languages.map((l, i) => (
                      <>
                        {i ? ' · ' : ''}
                        <a href={href(ctx, `/documents/${d.id}?in=${l}`)} lang={l}>
                          {endonyms[l]}
                        </a>
                      </>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Layout>
  );
}
