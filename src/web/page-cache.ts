// Pages for readers who are not signed in, rendered and compressed once per revision of what they
// show (src/store/revisions.ts). A framework tree or the crosswalk costs far more to render and
// compress than to read: measured at one statement (the revisions), the framework page still served
// 11 pages/s where its SQL alone allowed 613. Entries live in the read-model cache, bounded by bytes,
// keyed by path, query and revisions (the language is the path's first segment); a page that
// carries a form token, or any answer but a 200 HTML page, is never kept.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { chooseEncoding } from './compression.ts';
import { atRevision, type RevisionName } from '../store/revisions.ts';

interface RenderedPage {
  /** Absent when the answer was not one to keep (another status, a form token, a redirect...). */
  page?: {
    html: Uint8Array<ArrayBuffer>;
    headers: [string, string][];
    /**
     * Its encodings, made when first asked for: a page read once (an odd query string) is not worth
     * compressing twice. They are a fraction of the text, which alone the cache's bound counts.
     */
    encoded: { br?: Uint8Array<ArrayBuffer>; gzip?: Uint8Array<ArrayBuffer> };
  };
}

// Made once per revision, so worth a denser encoding than a page made per request (compression.ts).
const BROTLI_QUALITY = 9;

function answer(page: NonNullable<RenderedPage['page']>, acceptEncoding: string | undefined): Response {
  const headers = new Headers(page.headers);
  headers.set('Vary', 'Accept-Encoding');
  const encoding = chooseEncoding(acceptEncoding);
  if (encoding === 'br') {
    headers.set('Content-Encoding', encoding);
    page.encoded.br ??= new Uint8Array(brotliCompressSync(page.html, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }));
    return new Response(page.encoded.br, { status: 200, headers });
  }
  if (encoding === 'gzip') {
    headers.set('Content-Encoding', encoding);
    page.encoded.gzip ??= new Uint8Array(gzipSync(page.html));
    return new Response(page.encoded.gzip, { status: 200, headers });
  }
  return new Response(page.html, { status: 200, headers });
}

/**
 * Serves a reading page from the cache to anyone not signed in, while `revisions` are unchanged:
 * the first reader after a change renders it (readers at the same moment share that rendering).
 *
 * @example
 * app.get(`${L}/crosswalk`, cachedForReaders(['reference']), async (c) => c.html(...));
 */
export function cachedForReaders(revisions: readonly RevisionName[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' || c.var.user) return next();
    const url = new URL(c.req.url);
    let rendered = false;
    const cached = await atRevision<RenderedPage>(c.var.store.db, revisions, `page ${url.pathname}${url.search}`, async () => {
      rendered = true;
      await next();
      const res = c.res;
      if (res.status !== 200 || !/^text\/html\b/.test(res.headers.get('Content-Type') ?? '') || res.headers.has('Set-Cookie')) return {};
      const text = await res.clone().text();
      if (c.var.csrf && text.includes(c.var.csrf)) return {};
      const html = new TextEncoder().encode(text);
      return {
        page: {
          html,
          encoded: {},
          headers: [...res.headers].filter(([name]) => !/^(content-length|content-encoding)$/i.test(name)),
        },
      };
    });
    if (rendered) return;
    if (!cached.page) return next();
    c.res = answer(cached.page, c.req.header('Accept-Encoding'));
  };
}
