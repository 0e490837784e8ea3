// Error pages in the reader's language.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from './layout.tsx';
import { translator } from '../i18n/index.ts';
import type { Language } from '../language/languages.ts';
import type { AppEnv } from './env.ts';

export function errorPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  lang: Language,
  message?: string,
): Response | Promise<Response> {
  const t = translator(lang);
  const notFound = status === 404;
  const ctx = { lang, t, path: '/', user: c.get('user'), csrf: c.get('csrf') };
  return c.html(
    <Layout ctx={ctx} title={notFound ? t('error.notFound.title') : t('error.other.title')}>
      <h1>{notFound ? t('error.notFound.title') : t('error.other.title')}</h1>
      <p>{message ?? (notFound ? t('error.notFound.body') : t('error.other.body', { status }))}</p>
      <p>
        <a href={`/${lang}/`}>{t('error.home')}</a> · <a href={`/${lang}/search`}>{t('nav.search')}</a>
      </p>
    </Layout>,
    status,
  );
}
