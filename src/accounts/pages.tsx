// Account routes: sign-up, sign-in, sign-out, the account page (password, API tokens), and
// password reset by mail. Plain forms; the views are in their own files. Organizations and their
// members are a slice of their own (src/organizations).
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/env.ts';
import { pageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { readForm, refusalError } from '../web/forms.ts';
import { endSessionCookie, requireUser, startSessionCookie } from '../web/session.ts';
import { renderSections } from '../web/sections.tsx';
import { Refusal } from '../shared/refusal.ts';
import { translator } from '../i18n/index.ts';
import { isLanguage, type Language } from '../language/languages.ts';
import type { Store } from '../store/index.ts';
import type { Config } from '../config.ts';
import { backoffs, limits, signInAttempt, signInSucceeded } from './rate-limit.ts';
import { mailConfigured, sendMail } from './mail.ts';
import {
  authenticate,
  changePassword,
  createApiToken,
  createSession,
  createUser,
  endSession,
  finishPasswordReset,
  listApiTokens,
  normalizeEmail,
  revokeApiToken,
  startPasswordReset,
} from './service.ts';
import type { User } from './user.ts';
import {
  accountNotice,
  passwordSchema,
  resetRequestSchema,
  resetSchema,
  safeNext,
  signInSchema,
  signUpSchema,
  tokenSchema,
} from './form-mapping.ts';
import { clientAddress, limited, signInFirst } from './guards.ts';
import { SignInPage, SignUpPage } from './sign-in-pages.tsx';
import { AccountPage, type AccountData } from './account-page.tsx';
import { ResetPage, ResetRequestPage } from './reset-pages.tsx';

const L = localePath;
const ctxOf = pageContext;

export function registerAccountPages(app: Hono<AppEnv>): void {
  registerSignUpAndIn(app);
  registerAccountPage(app);
  registerPasswordReset(app);
}

function registerSignUpAndIn(app: Hono<AppEnv>): void {
  app.get(`${L}/sign-up`, (c) => c.html(<SignUpPage ctx={ctxOf(c)} />));
  app.post(`${L}/sign-up`, async (c) => {
    const ctx = ctxOf(c);
    const form = await readForm(c, signUpSchema);
    if (!form.ok) return c.html(<SignUpPage ctx={ctx} errors={form.errors} values={form.values} />, 400);
    await limited(c, `sign-up:${clientAddress(c)}`, limits.signUp);
    try {
      const user = await createUser(c.var.store, { ...form.data, language: ctx.lang });
      startSessionCookie(c, await createSession(c.var.store.db, user.id));
      return c.redirect(`/${ctx.lang}/account?welcome=1`, 303);
    } catch (error) {
      if (error instanceof Refusal && error.field) {
        return c.html(<SignUpPage ctx={ctx} errors={{ [error.field]: refusalError(error) }} values={form.values} />, error.status);
      }
      throw error;
    }
  });

  app.get(`${L}/sign-in`, (c) => c.html(<SignInPage ctx={ctxOf(c)} next={c.req.query('next')} />));
  app.post(`${L}/sign-in`, signIn);

  app.post(`${L}/sign-out`, async (c) => {
    await readForm(c, z.object({}));
    if (c.var.sessionToken) await endSession(c.var.store.db, c.var.sessionToken);
    endSessionCookie(c);
    return c.redirect(`/${c.var.lang}/`, 303);
  });
}

async function signIn(c: Context<AppEnv>): Promise<Response> {
  const ctx = ctxOf(c);
  const next = c.req.query('next');
  const form = await readForm(c, signInSchema);
  if (!form.ok) return c.html(<SignInPage ctx={ctx} errors={form.errors} values={form.values} next={next} />, 400);
  // Failures slow down per (account, address), and per address with a wider allowance against
  // spraying; a lock would let anyone shut the owner out, and successes never count.
  const address = clientAddress(c);
  const own = `${normalizeEmail(form.data.email)}|${address}`;
  const shared = `*|${address}`;
  const attempt = await signInAttempt(c.var.store.db, [
    { key: own, backoff: backoffs.accountAddress },
    { key: shared, backoff: backoffs.address },
  ]);
  if (!attempt.allowed) {
    c.header('Retry-After', String(attempt.retryAfter));
    const slowDown = { key: 'account.signInSlowDown' as const, values: { seconds: attempt.retryAfter } };
    return c.html(<SignInPage ctx={ctx} errors={{ password: slowDown }} values={{ email: form.values.email ?? '' }} next={next} />, 429);
  }
  const user = await authenticate(c.var.store.db, form.data.email, form.data.password);
  if (!user) {
    return c.html(
      <SignInPage ctx={ctx} errors={{ password: 'account.signInFailed' }} values={{ email: form.values.email ?? '' }} next={next} />,
      401,
    );
  }
  await signInSucceeded(c.var.store.db, own, [shared]);
  startSessionCookie(c, await createSession(c.var.store.db, user.id));
  return c.redirect(safeNext(next, ctx.lang), 303);
}

async function accountData(c: Context<AppEnv>, user: User): Promise<AccountData> {
  const db = c.var.store.db;
  return {
    sections: await renderSections(c, 'account', { db, id: user.id, ctx: ctxOf(c), user }),
    tokens: await listApiTokens(db, user),
  };
}

function registerAccountPage(app: Hono<AppEnv>): void {
  app.get(`${L}/account`, async (c) => {
    const user = c.var.user;
    if (!user) return signInFirst(c);
    const ctx = ctxOf(c);
    const shown = accountNotice({ welcome: c.req.query('welcome'), saved: c.req.query('saved') });
    const notice =
      shown === 'welcome'
        ? ctx.t('account.welcome', { name: user.name })
        : shown === 'saved'
          ? ctx.t('account.passwordChanged')
          : undefined;
    return c.html(<AccountPage ctx={ctx} user={user} data={await accountData(c, user)} notice={notice} />);
  });

  app.post(`${L}/account/password`, async (c) => {
    const user = requireUser(c);
    const ctx = ctxOf(c);
    const form = await readForm(c, passwordSchema);
    if (!form.ok) return c.html(<AccountPage ctx={ctx} user={user} data={await accountData(c, user)} errors={form.errors} />, 400);
    await limited(c, `password:${user.id}`, limits.passwordChange);
    try {
      await changePassword(c.var.store, user, form.data.current, form.data.next, c.var.sessionToken ?? undefined);
    } catch (error) {
      if (error instanceof Refusal && error.field) {
        return c.html(
          <AccountPage ctx={ctx} user={user} data={await accountData(c, user)} errors={{ [error.field]: refusalError(error) }} />,
          error.status,
        );
      }
      throw error;
    }
    return c.redirect(`/${ctx.lang}/account?saved=1`, 303);
  });

  app.post(`${L}/account/tokens`, async (c) => {
    const user = requireUser(c);
    const ctx = ctxOf(c);
    const form = await readForm(c, tokenSchema);
    if (!form.ok) return c.html(<AccountPage ctx={ctx} user={user} data={await accountData(c, user)} errors={form.errors} />, 400);
    const { token } = await createApiToken(c.var.store, user, form.data.name);
    // Shown once, on this response only; never stored in clear.
    return c.html(<AccountPage ctx={ctx} user={user} data={await accountData(c, user)} newToken={token} />, 201);
  });

  app.post(`${L}/account/tokens/:id/revoke`, async (c) => {
    const user = requireUser(c);
    await readForm(c, z.object({}));
    await revokeApiToken(c.var.store.db, user, c.req.param('id'));
    return c.redirect(`/${c.var.lang}/account#tokens`, 303);
  });
}

/** Sends a reset link to the account with this address, if one exists (in the account's language). */
async function mailPasswordReset(store: Store, config: Config, email: string, fallback: Language): Promise<void> {
  const started = await startPasswordReset(store.db, email);
  if (!started) return;
  const lang = isLanguage(started.user.language) ? started.user.language : fallback;
  const tm = translator(lang);
  await sendMail(config, {
    to: started.user.email,
    subject: tm('mail.resetSubject'),
    text: tm('mail.resetBody', { name: started.user.name, link: `${config.publicUrl}/${lang}/password-reset/${started.token}` }),
  });
}

function registerPasswordReset(app: Hono<AppEnv>): void {
  app.get(`${L}/password-reset`, (c) => c.html(<ResetRequestPage ctx={ctxOf(c)} noMail={!mailConfigured(c.var.config)} />));
  app.post(`${L}/password-reset`, async (c) => {
    const ctx = ctxOf(c);
    const form = await readForm(c, resetRequestSchema);
    if (!form.ok)
      return c.html(<ResetRequestPage ctx={ctx} errors={form.errors} values={form.values} noMail={!mailConfigured(c.var.config)} />, 400);
    await limited(c, `reset:${clientAddress(c)}`, limits.passwordReset);
    // The same answer, at once, whether or not an account has this address: looking it up,
    // storing a token and talking to the mail server happen after answering, so the time the
    // answer takes does not tell either.
    if (mailConfigured(c.var.config)) {
      const { store, config } = c.var;
      void mailPasswordReset(store, config, form.data.email, ctx.lang).catch((error: unknown) =>
        console.error('password reset mail not sent:', error),
      );
    }
    return c.html(<ResetRequestPage ctx={ctx} sent noMail={!mailConfigured(c.var.config)} />);
  });

  app.get(`${L}/password-reset/:token`, (c) => c.html(<ResetPage ctx={ctxOf(c)} token={c.req.param('token')} />));
  app.post(`${L}/password-reset/:token`, async (c) => {
    const ctx = ctxOf(c);
    const token = c.req.param('token');
    const form = await readForm(c, resetSchema);
    if (!form.ok) return c.html(<ResetPage ctx={ctx} token={token} errors={form.errors} />, 400);
    await limited(c, `reset:${clientAddress(c)}`, limits.passwordReset);
    try {
      await finishPasswordReset(c.var.store, token, form.data.next);
    } catch (error) {
      if (error instanceof Refusal)
        return c.html(<ResetPage ctx={ctx} token={token} errors={{ [error.field ?? '_form']: refusalError(error) }} />, error.status);
      throw error;
    }
    return c.html(<SignInPage ctx={ctx} notice={ctx.t('account.resetDone')} />);
  });
}
