// Who a job belongs to when no account asked for it. A reader may print a report without signing
// in; their job (and its per-client limit) is tied to their browser through the per-browser cookie
// Concord already sets for CSRF (random, HttpOnly, Secure, SameSite=Lax; web/session.ts), kept on
// the row only as a keyed hash, so the jobs table never holds a value a browser could present.
// Not the address: many readers share one behind a NAT or a proxy, and one reader's address changes.
// A browser that drops cookies gets a new identity per request; the whole queue is bounded for that.
import type { Context } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { browserCookie, sentBrowserCookie } from '../web/session.ts';
import { hmac } from '../accounts/tokens.ts';
import { isReviewer } from '../accounts/service.ts';
import type { JobViewer } from './service.ts';

/** A browser's job client id: a keyed hash of its cookie. */
function clientId(c: Context<AppEnv>, cookie: string): string {
  return hmac(c.var.secret, `jobs:browser:${cookie}`);
}

/** Who asks for or looks at a job on a page: the signed-in person, else this browser (if it has a cookie). */
export function jobViewer(c: Context<AppEnv>): JobViewer | undefined {
  const user = c.var.user;
  if (user) return { id: user.id, reviewer: isReviewer(user) };
  const cookie = sentBrowserCookie(c);
  return cookie === undefined ? undefined : { client: clientId(c, cookie) };
}

/** Who enqueues on a page: the person's id, else this browser's client id (its cookie minted if need be). */
export function jobOwner(c: Context<AppEnv>): { createdBy: string } | { client: string } {
  const user = c.var.user;
  if (user) return { createdBy: user.id };
  return { client: clientId(c, browserCookie(c)) };
}
