// Search across document paragraphs: the form, and hits grouped by document, highlighted.
import { href, Layout } from '../web/layout.tsx';
import { directionOf, endonyms, languageOrder } from '../language/languages.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { DocumentSearchResult } from './search.ts';
import type { Ctx } from './page-parts.tsx';

/** The block kinds a reader may filter search by. */
const searchKinds = ['preambular', 'operative', 'subparagraph', 'heading', 'section', 'paragraph'] as const;

export function SearchPage(props: { ctx: Ctx; form: Record<string, string>; result: DocumentSearchResult | null; error: string | null }) {
  const { ctx, form, result } = props;
  const { t } = ctx;
  const q = form.q ?? '';
  return (
    <Layout ctx={ctx} title={q ? `${t('documents.search.title')}: ${q}` : t('documents.search.title')}>
      <h1>{t('documents.search.title')}</h1>
      <form class="inline" method="get" action={href(ctx, '/documents/search')} role="search">
        <div>
          <label for="q">{t('documents.search.query')}</label>
          <input id="q" name="q" type="search" value={q} size={36} />
        </div>
        <div>
          <label for="in">{t('documents.search.language')}</label>
          <select id="in" name="in">
            <option value="">{t('documents.search.allLanguages')}</option>
            {languageOrder.map((l) => (
              <option value={l} selected={form.in === l} lang={l}>
                {endonyms[l]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="kind">{t('documents.search.kind')}</label>
          <select id="kind" name="kind">
            <option value="">{t('documents.search.anyKind')}</option>
            {searchKinds.map((k) => (
              <option value={k} selected={form.kind === k}>
                {t(`documents.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="organ">{t('document.organ')}</label>
          <input id="organ" name="organ" value={form.organ ?? ''} size={8} />
        </div>
        <div>
          <label for="year">{t('documents.filter.year')}</label>
          <input id="year" name="year" inputmode="numeric" value={form.year ?? ''} size={6} />
        </div>
        <div>
          <label for="symbol">{t('document.symbol')}</label>
          <input id="symbol" name="symbol" value={form.symbol ?? ''} size={14} />
        </div>
        <div>
          <label for="element">{t('documents.search.element')}</label>
          <input id="element" name="element" value={form.element ?? ''} size={12} dir="ltr" placeholder="sdg.9" />
        </div>
        <button type="submit">{t('documents.search.submit')}</button>
      </form>
      {props.error ? (
        <p class="note" role="alert">
          {props.error}
        </p>
      ) : null}
      {result ? (
        <>
          <h2 aria-live="polite">{t('documents.search.count', { count: result.total, q })}</h2>
          {form.element ? (
            <p class="meta">
              {t('documents.search.elementFilter', { id: form.element })}{' '}
              <a href={href(ctx, `/elements/${encodeURIComponent(form.element)}`)}>{form.element}</a>
            </p>
          ) : null}
          {result.documents.map((group) => (
            <section>
              <h3>
                <a href={href(ctx, `/documents/${group.document.id}`)}>{group.document.symbol ?? t('documents.noSymbol')}</a>
                {group.document.title ? <> — {group.document.title}</> : null}
              </h3>
              <ol class="links">
                {group.hits.map((h) => (
                  <li>
                    <div>
                      <a href={href(ctx, `/documents/${group.document.id}?in=${h.lang}#${h.eid}`)}>
                        {h.number
                          ? t('document.paragraph', { number: h.number })
                          : t(
                              `documents.kind.${searchKinds.includes(h.kind as (typeof searchKinds)[number]) ? h.kind : 'paragraph'}` as MessageKey,
                            )}
                      </a>{' '}
                      <span class="meta">
                        ({endonyms[h.lang]}
                        {h.match === 'similar' ? `, ${t('documents.search.similar')}` : ''})
                      </span>
                    </div>
                    {/* The snippet is escaped by search.ts; only its <mark> elements are markup. */}
                    <p lang={h.lang} dir={directionOf(h.lang)} dangerouslySetInnerHTML={{ __html: h.snippet }} />
                    {h.aligned ? (
                      <p class="aligned">
                        <a href={href(ctx, `/documents/${group.document.id}?in=${h.aligned.lang}#${h.aligned.eid}`)}>
                          {t('documents.search.aligned', { language: endonyms[h.aligned.lang] })}
                        </a>{' '}
                        <span lang={h.aligned.lang} dir={directionOf(h.aligned.lang)}>
                          {h.aligned.text.length > 400 ? `${h.aligned.text.slice(0, 400)}…` : h.aligned.text}
                        </span>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      ) : null}
    </Layout>
  );
}
