// Who a job belongs to when no account asked for it. A reader may print a report without signing
// in; their job (and its per-client limit) is tied to their browser through the per-browser cookie
// Concord already sets for CSRF (random, HttpOnly, Secure, SameSite=Lax; web/session.ts), kept on
// the row only as a keyed hash, so the jobs table never holds a value a browser could present.
// Not the address: many readers share one behind a NAT or a proxy, and one reader's address changes.
// A browser that drops cookies gets a new identity per request; the whole queue is bounded for that.
import type { Context } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { browserCookie } from '../web/session.ts';
import { hmac } from '../accounts/tokens.ts';
import { isReviewer } from '../accounts/service.ts';
import type { JobViewer } from './service.ts';

/** This browser's job client id; with `mint`, one is made (and its cookie set) when it has none. */
export function jobClient(c: Context<AppEnv>, options: { mint: boolean }): string | undefined {
  const cookie = browserCookie(c, options);
  return cookie === undefined ? undefined : hmac(c.var.secret, `jobs:browser:${cookie}`);
}

/** Who asks for or looks at a job on a page: the signed-in person, else this browser (if it has a cookie). */
export function jobViewer(c: Context<AppEnv>): JobViewer | undefined {
  const user = c.var.user;
  if (user) return { id: user.id, reviewer: isReviewer(user) };
  const client = jobClient(c, { mint: false });
  return client === undefined ? undefined : { client };
}

/** Who enqueues on a page: the person's id, else this browser's client id (minted if need be). */
export function jobOwner(c: Context<AppEnv>): { createdBy: string } | { client: string } {
  const user = c.var.user;
  if (user) return { createdBy: user.id };
  return { client: jobClient(c, { mint: true }) ?? '' };
}
