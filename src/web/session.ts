// Who is asking, and is this form post genuine: the session cookie (pages), bearer tokens
// (API), and CSRF tokens bound to a per-browser cookie and signed with the instance secret.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';
import { apiTokenUser, sessionUser, type User } from '../accounts/service.ts';
import { hmac, newToken, sameToken } from '../accounts/tokens.ts';
import { instanceSecret } from '../accounts/secret.ts';
import { hit, limits } from '../accounts/rate-limit.ts';
import { Problem } from './problem.ts';
import { Refusal } from '../shared/refusal.ts';

export const SESSION_COOKIE = 'concord_session';
export const CSRF_COOKIE = 'concord_csrf';
const SESSION_MAX_AGE = 14 * 86400;

/** Cookie attributes: HttpOnly, SameSite=Lax, Secure (browsers accept Secure on localhost too). */
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' } as const;

/** Loads the signed-in user and this browser's CSRF token for every request. */
export function sessions(): MiddlewareHandler<AppEnv> {
  let secret: Promise<string> | undefined;
  return async (c, next) => {
    secret ??= instanceSecret(c.var.store.db, c.var.config.secret).catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
    c.set('secret', await secret);
    c.set('user', null);
    c.set('sessionToken', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const user = await sessionUser(c.var.store.db, token);
      if (user) {
        c.set('user', user);
        c.set('sessionToken', token);
      } else deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    }
    let browser = getCookie(c, CSRF_COOKIE);
    if (!browser || browser.length < 20) {
      browser = newToken(24);
      setCookie(c, CSRF_COOKIE, browser, { ...cookieOptions, maxAge: 365 * 86400 });
    }
    c.set('csrf', hmac(c.var.secret, `csrf:${browser}`));
    await next();
  };
}

export function startSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_MAX_AGE });
}

export function endSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
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
  return (await apiTokenUser(c.var.store.db, token)) ?? null;
}

/** The signed-in caller of an API write, rate-limited; the operator token is not a person and may not write records. */
export async function apiWriter(c: Context<AppEnv>): Promise<User> {
  const caller = await apiCaller(c);
  if (!caller || caller === 'operator') throw new Problem(401, 'Unauthorized', 'Send an API token as Authorization: Bearer <token>.');
  const result = await hit(c.var.store.db, `write:${caller.id}`, limits.write);
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
