// The account forms' rules and the small pure decisions of the account pages (where to go after
// signing in, which address a request came from), kept apart from the views so they are unit-tested.
import { z } from 'zod';
import { sameSitePath } from '../shared/fields.ts';

export const PASSWORD_MIN = 10;
const password = z.string().min(PASSWORD_MIN, 'account.passwordTooShort').max(200, 'account.passwordTooLong');
const email = z.string().trim().min(1, 'form.required').max(254, 'form.tooLong').email('account.emailInvalid');

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'form.required').max(120, 'form.tooLong'),
  email,
  password,
});
export const signInSchema = z.object({ email, password: z.string().min(1, 'form.required').max(200, 'form.tooLong') });
export const passwordSchema = z
  .object({ current: z.string().min(1, 'form.required'), next: password, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { message: 'account.passwordsDiffer', path: ['confirm'] });
export const resetRequestSchema = z.object({ email });
export const resetSchema = z
  .object({ next: password, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { message: 'account.passwordsDiffer', path: ['confirm'] });
export const tokenSchema = z.object({ name: z.string().trim().min(1, 'form.required').max(80, 'form.tooLong') });

/** The address the reader came from, kept on sign-in so they go back there; only local paths. */
export function safeNext(value: string | undefined, lang: string): string {
  return sameSitePath(value) ?? `/${lang}/account`;
}

/**
 * The client's address for rate limits: the socket's, or behind `hops` trusted proxies the entry
 * the outermost of them added to X-Forwarded-For, counted from the right. Entries further left were
 * written by the client and prove nothing (rotating them would dodge every limit); with fewer
 * entries than proxies, the leftmost is the best there is (as Express's `trust proxy` N).
 */
export function clientAddressOf(forwardedFor: string | undefined, hops: number, socketAddress: string | undefined): string {
  if (hops > 0) {
    const forwarded = (forwardedFor ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const address = forwarded[Math.max(0, forwarded.length - hops)];
    if (address) return address;
  }
  return socketAddress ?? 'local';
}

/** The notice the account page opens with, from its query (after sign-up, after a password change). */
export function accountNotice(query: { welcome?: string | undefined; saved?: string | undefined }): 'welcome' | 'saved' | undefined {
  return query.welcome ? 'welcome' : query.saved ? 'saved' : undefined;
}
