// The page shell: landmarks, skip link, navigation, language switch; every string from the catalog.
import type { Child } from 'hono/jsx';
import { directionOf, endonyms, languageOrder, type Language } from '../language/languages.ts';
import type { Translate } from '../i18n/index.ts';
import { assets } from './assets.ts';
import { canReview } from './policy.ts';

export interface PageContext {
  lang: Language;
  t: Translate;
  /** The path after the language prefix, with its query: "/elements/sdg.9.c". */
  path: string;
  /** The signed-in reader, if any (for the account links). */
  user?: { name: string; role: string } | null;
  /** This browser's CSRF token, for forms (sign-out included). */
  csrf?: string;
}

/** The page context of a request under a language prefix. */
export function pageContext(c: {
  var: { lang: Language; t: Translate; user: PageContext['user']; csrf: string };
  req: { url: string };
}): PageContext & {
  csrf: string;
} {
  const url = new URL(c.req.url);
  const path = url.pathname.replace(/^\/[a-z]{2}(?=\/|$)/, '') || '/';
  return { lang: c.var.lang, t: c.var.t, path: path + url.search, user: c.var.user, csrf: c.var.csrf };
}

export function href(ctx: PageContext, path: string): string {
  return `/${ctx.lang}${path}`;
}

/**
 * Marks text that is not in the page's language: the lang attribute lets screen readers and
 * fonts switch, and a visible "in English" tells the reader (never silently, ARCHITECTURE.md).
 */
export function Foreign(props: { lang: Language | null; page: Language; t?: Translate; children: Child; block?: boolean }) {
  const lang = props.lang ?? props.page;
  if (lang === props.page) return <>{props.children}</>;
  const mark = props.t ? (
    <span class="badge lang-mark">{props.t('text.inLanguage', { language: props.t(`language.${lang}`) })}</span>
  ) : null;
  return props.block ? (
    <div lang={lang} dir={directionOf(lang)}>
      {props.children}
    </div>
  ) : (
    <>
      <span lang={lang} dir={directionOf(lang)}>
        {props.children}
      </span>
      {mark ? <> {mark}</> : null}
    </>
  );
}

export function Layout(props: { ctx: PageContext; title: string; description?: string; head?: Child; children: Child }) {
  const { ctx } = props;
  const { t, lang } = ctx;
  const nav = [
    { path: '/', label: t('nav.home') },
    { path: '/frameworks', label: t('nav.frameworks') },
    { path: '/crosswalk', label: t('nav.crosswalk') },
    { path: '/registry', label: t('nav.registry') },
    { path: '/roadmaps', label: t('nav.roadmaps') },
    { path: '/implementation', label: t('coverage.nav') },
    { path: '/documents', label: t('documents.nav') },
    { path: '/indicators', label: t('indicators.nav') },
    { path: '/reports', label: t('reports.nav') },
    { path: '/search', label: t('nav.search') },
    { path: '/api', label: t('nav.api') },
    { path: '/sources', label: t('nav.sources') },
  ];
  const current = ctx.path.split('?')[0] ?? '/';
  return (
    <html lang={lang} dir={directionOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Concord`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href={assets.cssPath} />
        <link rel="icon" href={assets.faviconPath} type="image/svg+xml" />
        {props.head ?? null}
        {languageOrder.map((l) => (
          <link rel="alternate" hreflang={l} href={`/${l}${ctx.path}`} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href={href(ctx, '/')}>
              Concord
            </a>
            {/* On a phone the links fold into a menu that opens without JavaScript (a disclosure);
                on a wide screen the CSS shows them all and hides the toggle (concord.css, "menu"). */}
            <details class="menu">
              <summary>{t('layout.menu')}</summary>
              <div class="menu-body">
                <nav aria-label={t('layout.nav')}>
                  <ul>
                    {nav.map((item) => (
                      <li>
                        <a href={href(ctx, item.path)} aria-current={current === item.path ? 'page' : undefined}>
                          {item.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
                <nav class="account-nav" aria-label={t('layout.account')}>
                  {ctx.user ? (
                    <>
                      <a href={href(ctx, '/account')}>{ctx.user.name}</a> · <a href={href(ctx, '/mine')}>{t('nav.mine')}</a>
                      {canReview(ctx.user) ? (
                        <>
                          {' · '}
                          <a href={href(ctx, '/review')}>{t('nav.review')}</a>
                        </>
                      ) : null}
                      {' · '}
                      <form method="post" action={href(ctx, '/sign-out')}>
                        <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
                        <button type="submit" class="linklike">
                          {t('nav.signOut')}
                        </button>
                      </form>
                    </>
                  ) : (
                    <>
                      <a href={href(ctx, '/sign-in')}>{t('nav.signIn')}</a> · <a href={href(ctx, '/sign-up')}>{t('nav.signUp')}</a>
                    </>
                  )}
                </nav>
                <nav class="langs" aria-label={t('layout.languages')}>
                  <ul>
                    {languageOrder.map((l) => (
                      <li>
                        <a
                          href={`/${l}${ctx.path}`}
                          hreflang={l}
                          lang={l}
                          dir={directionOf(l)}
                          aria-current={l === lang ? 'true' : undefined}
                        >
                          {endonyms[l]}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              </div>
            </details>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="bar">
            <p>{t('layout.footer')}</p>
            <p>
              <a href={href(ctx, '/sources')}>{t('nav.sources')}</a> · <a href="/api/v1/openapi.json">OpenAPI</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
