// What account and organization routes check before acting: a rate limit per key (429 with
// Retry-After), the client's address for such keys, and sending a reader to sign in (then back).
import type { Context } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { Refusal } from '../shared/refusal.ts';
import { hit, type Limit } from './rate-limit.ts';
import { clientAddressOf } from './form-mapping.ts';

/** Counts one attempt under `key`; refuses (429, with Retry-After) past the limit. */
export async function limited(c: Context<AppEnv>, key: string, limit: Limit): Promise<void> {
  const result = await hit(c.var.store.db, key, limit);
  if (!result.allowed) {
    c.header('Retry-After', String(result.retryAfter));
    throw new Refusal(429, 'form.tooManyAttempts', undefined, { minutes: Math.ceil(result.retryAfter / 60) });
  }
}

/** The client's address for rate limits (form-mapping.ts says which, behind proxies). */
export function clientAddress(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return clientAddressOf(c.req.header('X-Forwarded-For'), c.var.config.trustProxy, incoming?.socket?.remoteAddress);
}

/** Sends the reader to sign in, and back to this page afterwards. */
export function signInFirst(c: Context<AppEnv>): Response {
  return c.redirect(`/${c.var.lang}/sign-in?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
}
