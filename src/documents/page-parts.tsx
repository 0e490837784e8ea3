// What the document pages share: links to a cited symbol, text in another language, the frame of a
// page about one document.
import type { Child } from 'hono/jsx';
import { href, Layout, type PageContext } from '../web/layout.tsx';
import { directionOf, type Language } from '../language/languages.ts';

export type Ctx = PageContext;

export function symbolHref(ctx: Ctx, symbol: string): string {
  return href(ctx, `/documents/cited?symbol=${encodeURIComponent(symbol)}`);
}

/** Text in another language than the page's carries its own lang and dir. */
export function InLanguage(props: { lang: Language; page: Language; children: Child }) {
  if (props.lang === props.page) return <>{props.children}</>;
  return (
    <span lang={props.lang} dir={directionOf(props.lang)}>
      {props.children}
    </span>
  );
}

/** A page about one document (its links, languages side by side, a diff): the way back, and its title. */
export function DocumentSubpage(props: {
  ctx: PageContext;
  detail: { id: string; symbol: string | null };
  title: string;
  back: string;
  children: Child;
}) {
  const { ctx, detail } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${detail.symbol ?? detail.id} · ${props.title}`}>
      <nav class="crumbs" aria-label={t('document.crumbs')}>
        <ol>
          <li>
            <a href={href(ctx, '/documents')}>{t('documents.title')}</a>
          </li>
          <li>
            <a href={href(ctx, props.back)}>{detail.symbol ?? detail.id}</a>
          </li>
        </ol>
      </nav>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}
