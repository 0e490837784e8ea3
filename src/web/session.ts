// Who is asking, and is this form post genuine: the session cookie (pages), bearer tokens
// (API), and CSRF tokens signed with the instance secret and bound to the session (or, before
// sign-in, to a per-browser cookie), so a token changes at sign-in and cannot be fixed in advance.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';
import { hmac, identityIn, newToken, sameToken, type User } from '../accounts/identity.ts';
import { Problem } from './problem.ts';
import { Refusal } from '../shared/refusal.ts';

export const SESSION_COOKIE = 'concord_session';
export const CSRF_COOKIE = 'concord_csrf';
const SESSION_MAX_AGE = 14 * 86400;

/** Cookie attributes: HttpOnly, SameSite=Lax, Secure (browsers accept Secure on localhost too). */
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' } as const;

/**
 * The name a cookie has here. Served over HTTPS (the request, or the public address readers use
 * behind a TLS proxy) it takes the `__Host-` prefix: browsers then accept it only Secure, for
 * Path=/ and without Domain, so a neighbouring subdomain or a plain-HTTP page cannot plant it.
 */
export function cookieName(c: Context<AppEnv>, name: typeof SESSION_COOKIE | typeof CSRF_COOKIE): string {
  const https = new URL(c.req.url).protocol === 'https:' || c.var.config.publicUrl.startsWith('https:');
  return https ? `__Host-${name}` : name;
}

/** The CSRF token for forms: an HMAC of the session token when signed in, else of the browser cookie. */
function csrfToken(secret: string, session: string | null, browser: string): string {
  return session ? hmac(secret, `csrf:session:${session}`) : hmac(secret, `csrf:browser:${browser}`);
}

/** A new per-browser cookie (for CSRF before sign-in); renewed at sign-in and sign-out. */
function newBrowserCookie(c: Context<AppEnv>): string {
  const browser = newToken(24);
  setCookie(c, cookieName(c, CSRF_COOKIE), browser, { ...cookieOptions, maxAge: 365 * 86400 });
  return browser;
}

/**
 * The per-browser cookie this browser sent (the one its CSRF tokens are bound to before sign-in),
 * when it looks like one Concord made; it also names an anonymous reader's jobs (a report print).
 */
export function sentBrowserCookie(c: Context<AppEnv>): string | undefined {
  const sent = getCookie(c, cookieName(c, CSRF_COOKIE));
  return sent && sent.length >= 20 ? sent : undefined;
}

/** This browser's per-browser cookie, or a new one set on this answer when it sent none. */
export function browserCookie(c: Context<AppEnv>): string {
  return sentBrowserCookie(c) ?? newBrowserCookie(c);
}

/** Loads the signed-in user and this browser's CSRF token for every request. */
export function sessions(): MiddlewareHandler<AppEnv> {
  let secret: Promise<string> | undefined;
  return async (c, next) => {
    secret ??= identityIn(c.var.store.db)
      .signingSecret(c.var.config.secret)
      .catch((error: unknown) => {
        secret = undefined;
        throw error;
      });
    c.set('secret', await secret);
    c.set('user', null);
    c.set('sessionToken', null);
    const token = getCookie(c, cookieName(c, SESSION_COOKIE));
    if (token) {
      const user = await identityIn(c.var.store.db).sessionUser(token);
      if (user) {
        c.set('user', user);
        c.set('sessionToken', token);
      } else deleteCookie(c, cookieName(c, SESSION_COOKIE), { path: '/', secure: true });
    }
    const sent = sentBrowserCookie(c);
    if (sent) {
      c.set('csrf', csrfToken(c.var.secret, c.var.sessionToken, sent));
      await next();
      return;
    }
    // A browser without the cookie gets one only with a page that carries a form token: images,
    // stylesheets, API answers and pages without a form stay free of Set-Cookie, so shared caches
    // keep them (issue 17).
    const browser = newToken(24);
    const formToken = csrfToken(c.var.secret, c.var.sessionToken, browser);
    c.set('csrf', formToken);
    await next();
    // (Signing in or out mints a cookie of its own and a token bound to it: that one stands.)
    if (c.var.sessionToken === null && c.var.csrf === formToken && (await carriesToken(c.res, formToken)))
      setCookie(c, cookieName(c, CSRF_COOKIE), browser, { ...cookieOptions, maxAge: 365 * 86400 });
  };
}

/** Whether an answer holds the given form token: an HTML page, read from a copy. */
async function carriesToken(response: Response, token: string): Promise<boolean> {
  if (!/^text\/html\b/.test(response.headers.get('Content-Type') ?? '') || !response.body) return false;
  return (await response.clone().text()).includes(token);
}

/** Starts the session cookie; the CSRF token is renewed with it (bound to the new session). */
export function startSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, cookieName(c, SESSION_COOKIE), token, { ...cookieOptions, maxAge: SESSION_MAX_AGE });
  newBrowserCookie(c);
  c.set('sessionToken', token);
  c.set('csrf', csrfToken(c.var.secret, token, ''));
}

/** Ends the session cookie; the next forms carry a token bound to a new browser cookie. */
export function endSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, cookieName(c, SESSION_COOKIE), { path: '/', secure: true });
  c.set('sessionToken', null);
  c.set('csrf', csrfToken(c.var.secret, null, newBrowserCookie(c)));
}

/** True when a posted form carries this browser's CSRF token. */
export function csrfValid(c: Context<AppEnv>, posted: unknown): boolean {
  return typeof posted === 'string' && sameToken(posted, c.var.csrf);
}

/**
 * The API's caller: a bearer API token (or the operator token before accounts exist).
 * Cookies are not accepted for API writes, so the API needs no CSRF token.
 */
export async function apiCaller(c: Context<AppEnv>): Promise<User | 'operator' | null> {
  const header = c.req.header('Authorization');
  if (!header?.startsWith('Bearer ')) return null;
  const token = header.slice(7).trim();
  const operator = c.var.config.operatorToken;
  if (operator && sameToken(token, operator)) return 'operator';
  return (await identityIn(c.var.store.db).apiTokenUser(token)) ?? null;
}

/** The signed-in caller of an API write, rate-limited; the operator token is not a person and may not write records. */
export async function apiWriter(c: Context<AppEnv>): Promise<User> {
  const caller = await apiCaller(c);
  if (!caller || caller === 'operator') throw new Problem(401, 'Unauthorized', 'Send an API token as Authorization: Bearer <token>.');
  const result = await identityIn(c.var.store.db).countWrite(caller.id);
  if (!result.allowed) {
    c.header('Retry-After', String(result.retryAfter));
    throw new Problem(429, 'Too Many Requests', `Too many writes; try again in ${result.retryAfter} s.`);
  }
  return caller;
}

/** The signed-in reader of a page, or a refusal that sends them to sign in (then back). */
export function requireUser(c: Context<AppEnv>): User {
  if (!c.var.user) throw new Refusal(401, 'account.signInFirst');
  return c.var.user;
}
