// Who may keep an answer: one rule for every route. An answer given to a credential (a signed-in
// session on pages, a bearer token on the API) may hold what only that person may read, so no
// cache keeps it; an answer given to nobody in particular keeps the caching its route chose, and
// says that a credential would change it, so a shared cache never serves it to one.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/**
 * The header that carries a credential: the API reads bearer tokens only (never cookies, so a
 * browser's cookies do not split a shared cache of the API); pages read the session cookie.
 */
const credentialHeader = (path: string) => (path === '/api' || path.startsWith('/api/') ? 'Authorization' : 'Cookie');

/** Adds header names to `Vary`, keeping those already there. */
function vary(headers: Headers, names: readonly string[]): void {
  const current = (headers.get('Vary') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (current.includes('*')) return;
  const lower = new Set(current.map((name) => name.toLowerCase()));
  headers.set('Vary', [...current, ...names.filter((name) => !lower.has(name.toLowerCase()))].join(', '));
}

/**
 * Answers to a credential are `private, no-store`, whatever the route set; shareable answers
 * (`public`, `no-cache`, or no `Cache-Control` at all: caches may then guess) vary by the header
 * that would carry one. Assets named by their content (`immutable`) are the same for everyone.
 */
export function credentialCaching(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const cacheControl = c.res.headers.get('Cache-Control') ?? '';
    if (/\bimmutable\b/.test(cacheControl)) return;
    const credential = c.req.header('Authorization') !== undefined || Boolean(c.get('user'));
    if (credential) {
      c.res.headers.set('Cache-Control', 'private, no-store');
    } else if (!/\b(private|no-store)\b/.test(cacheControl)) {
      vary(c.res.headers, [credentialHeader(c.req.path)]);
    }
  };
}
