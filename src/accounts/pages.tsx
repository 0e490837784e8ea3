// Account pages: sign-up, sign-in, sign-out, the account page (password, API tokens,
// memberships), password reset by mail, and organizations with their members. Plain forms.
import { areaReader, type AreaReader } from '../areas/typed.ts';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/env.ts';
import { href, Layout, pageContext, type PageContext } from '../web/layout.tsx';
import { localePath } from '../web/locale.ts';
import { readForm, refusalError, type FieldErrors } from '../web/forms.ts';
import { ErrorSummary, Field, PostForm, SelectField } from '../web/form-ui.tsx';
import { endSessionCookie, requireUser, startSessionCookie } from '../web/session.ts';
import { Refusal } from '../shared/refusal.ts';
import { sameSitePath } from '../shared/fields.ts';
import { renderSections } from '../web/sections.tsx';
import type { Child } from 'hono/jsx';
import { backoffs, hit, limits, signInAttempt, signInSucceeded } from './rate-limit.ts';
import { mailConfigured, sendMail } from './mail.ts';
import { translator, type MessageKey } from '../i18n/index.ts';
import { isLanguage, type Language } from '../language/languages.ts';
import type { Store } from '../store/index.ts';
import type { Config } from '../config.ts';
import {
  authenticate,
  changePassword,
  createApiToken,
  createOrganization,
  createSession,
  createUser,
  decideJoinRequest,
  endSession,
  finishPasswordReset,
  getOrganization,
  isMember,
  isReviewer,
  listApiTokens,
  listOrganizations,
  membersOf,
  normalizeEmail,
  membershipsOf,
  requestToJoin,
  revokeApiToken,
  stakeholderTypes,
  startPasswordReset,
  verifyOrganization,
  type User,
} from './service.ts';

type Ctx = PageContext & { csrf: string };

const PASSWORD_MIN = 10;
const password = z.string().min(PASSWORD_MIN, 'account.passwordTooShort').max(200, 'account.passwordTooLong');
const email = z.string().trim().min(1, 'form.required').max(254, 'form.tooLong').email('account.emailInvalid');

const signUpSchema = z.object({
  name: z.string().trim().min(1, 'form.required').max(120, 'form.tooLong'),
  email,
  password,
});
const signInSchema = z.object({ email, password: z.string().min(1, 'form.required').max(200, 'form.tooLong') });
const passwordSchema = z
  .object({ current: z.string().min(1, 'form.required'), next: password, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { message: 'account.passwordsDiffer', path: ['confirm'] });
const resetRequestSchema = z.object({ email });
const resetSchema = z
  .object({ next: password, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { message: 'account.passwordsDiffer', path: ['confirm'] });
const tokenSchema = z.object({ name: z.string().trim().min(1, 'form.required').max(80, 'form.tooLong') });
/** An optional text field: absent or blank is undefined. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'form.tooLong')
    .optional()
    .transform((v) => v || undefined);
const optionalUrl = optionalText(500).refine((v) => v === undefined || /^https?:\/\/[^\s]+\.[^\s]+/.test(v), 'form.urlInvalid');
/** The organization form's rules; its country may be typed by name in any of the six languages or by code (areas/typed.ts). */
const organizationSchema = (places: AreaReader) =>
  z.object({
    name: z.string().trim().min(2, 'form.required').max(200, 'form.tooLong'),
    shortName: optionalText(40),
    stakeholderType: z.enum(stakeholderTypes as [string, ...string[]], 'form.chooseOne'),
    website: optionalUrl,
    country: optionalText(200)
      .transform((v) => (v === undefined ? undefined : (places.one(v) ?? v)))
      .refine((v) => v === undefined || /^[A-Z]{3}$/.test(v), 'organization.countryInvalid'),
    description: optionalText(2000),
  });

/** The address the reader came from, kept on sign-in so they go back there; only local paths. */
function safeNext(value: string | undefined, lang: string): string {
  return sameSitePath(value) ?? `/${lang}/account`;
}

/**
 * The client's address for rate limits: the socket's, or behind N trusted proxies the entry the
 * outermost of them added to X-Forwarded-For, counted from the right. Entries further left were
 * written by the client and prove nothing (rotating them would dodge every limit); with fewer
 * entries than proxies, the leftmost is the best there is (as Express's `trust proxy` N).
 */
function clientAddress(c: Context<AppEnv>): string {
  const hops = c.var.config.trustProxy;
  if (hops > 0) {
    const forwarded = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const address = forwarded[Math.max(0, forwarded.length - hops)];
    if (address) return address;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
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

async function limited(c: Context<AppEnv>, key: string, limit: (typeof limits)[keyof typeof limits]): Promise<void> {
  const result = await hit(c.var.store.db, key, limit);
  if (!result.allowed) {
    c.header('Retry-After', String(result.retryAfter));
    throw new Refusal(429, 'form.tooManyAttempts', undefined, { minutes: Math.ceil(result.retryAfter / 60) });
  }
}

// ---------------------------------------------------------------- views

function SignUpPage(props: { ctx: Ctx; errors?: FieldErrors; values?: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  const labels = { name: t('account.name'), email: t('account.email'), password: t('account.password') };
  return (
    <Layout ctx={ctx} title={t('account.signUpTitle')}>
      <h1>{t('account.signUpTitle')}</h1>
      <p class="lede">{t('account.signUpLede')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, '/sign-up')}>
        <Field ctx={ctx} name="name" label={labels.name} value={props.values?.name} errors={props.errors} autocomplete="name" required />
        <Field
          ctx={ctx}
          name="email"
          label={labels.email}
          type="email"
          value={props.values?.email}
          errors={props.errors}
          autocomplete="email"
          required
          dir="ltr"
        />
        <Field
          ctx={ctx}
          name="password"
          label={labels.password}
          type="password"
          errors={props.errors}
          autocomplete="new-password"
          hint={t('account.passwordHint', { min: PASSWORD_MIN })}
          required
        />
        <button type="submit">{t('account.signUp')}</button>
      </PostForm>
      <p>
        {t('account.haveAccount')} <a href={href(ctx, '/sign-in')}>{t('nav.signIn')}</a>
      </p>
    </Layout>
  );
}

function SignInPage(props: { ctx: Ctx; errors?: FieldErrors; values?: Record<string, string>; next?: string; notice?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  const labels = { email: t('account.email'), password: t('account.password') };
  return (
    <Layout ctx={ctx} title={t('account.signInTitle')}>
      <h1>{t('account.signInTitle')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, `/sign-in${props.next ? `?next=${encodeURIComponent(props.next)}` : ''}`)}>
        <Field
          ctx={ctx}
          name="email"
          label={labels.email}
          type="email"
          value={props.values?.email}
          errors={props.errors}
          autocomplete="username"
          required
          dir="ltr"
        />
        <Field
          ctx={ctx}
          name="password"
          label={labels.password}
          type="password"
          errors={props.errors}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t('nav.signIn')}</button>
      </PostForm>
      <p>
        <a href={href(ctx, '/password-reset')}>{t('account.forgotPassword')}</a> · <a href={href(ctx, '/sign-up')}>{t('nav.signUp')}</a>
      </p>
    </Layout>
  );
}

interface AccountData {
  memberships: Awaited<ReturnType<typeof membershipsOf>>;
  tokens: Awaited<ReturnType<typeof listApiTokens>>;
}

function AccountPage(props: { ctx: Ctx; user: User; data: AccountData; errors?: FieldErrors; notice?: string; newToken?: string }) {
  const { ctx, user, data } = props;
  const { t } = ctx;
  const labels = {
    current: t('account.currentPassword'),
    next: t('account.newPassword'),
    confirm: t('account.confirmPassword'),
    name: t('account.tokenName'),
  };
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd dir="ltr">{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${user.role}` as MessageKey)}</dd>
      </dl>
      <h2>{t('account.organizations')}</h2>
      {data.memberships.length ? (
        <ul>
          {data.memberships.map((m) => (
            <li>
              <a href={href(ctx, `/organizations/${m.organizationId}`)}>{m.organizationName}</a>{' '}
              <span class="meta">
                {t(`membership.role.${m.role}` as MessageKey)} · {t(`membership.state.${m.state}` as MessageKey)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="meta">{t('account.noOrganizations')}</p>
      )}
      <p>
        <a href={href(ctx, '/organizations/new')}>{t('organization.create')}</a> ·{' '}
        <a href={href(ctx, '/organizations')}>{t('organization.findToJoin')}</a>
      </p>
      <h2 id="password">{t('account.changePassword')}</h2>
      <p class="meta">{t('account.changePasswordEffects')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, '/account/password')} label={t('account.changePassword')}>
        <Field
          ctx={ctx}
          name="current"
          label={labels.current}
          type="password"
          errors={props.errors}
          autocomplete="current-password"
          required
        />
        <Field
          ctx={ctx}
          name="next"
          label={labels.next}
          type="password"
          errors={props.errors}
          autocomplete="new-password"
          hint={t('account.passwordHint', { min: PASSWORD_MIN })}
          required
        />
        <Field ctx={ctx} name="confirm" label={labels.confirm} type="password" errors={props.errors} autocomplete="new-password" required />
        <button type="submit">{t('account.changePassword')}</button>
      </PostForm>
      <h2 id="tokens">{t('account.tokens')}</h2>
      <p class="meta">{t('account.tokensLede')}</p>
      {props.newToken ? (
        <div class="notice" role="status">
          <p>{t('account.tokenCreated')}</p>
          <p>
            <code dir="ltr">{props.newToken}</code>
          </p>
        </div>
      ) : null}
      {data.tokens.length ? (
        <ul>
          {data.tokens.map((token) => (
            <li>
              {token.name}{' '}
              <span class="meta">
                {t('account.tokenCreatedAt', { date: token.createdAt.slice(0, 10) })}
                {token.lastUsedAt ? ` · ${t('account.tokenLastUsed', { date: token.lastUsedAt.slice(0, 10) })}` : ''}
              </span>{' '}
              <PostForm ctx={ctx} action={href(ctx, `/account/tokens/${token.id}/revoke`)} class="action" label={t('account.revoke')}>
                <button type="submit" class="secondary">
                  {t('account.revoke')}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      ) : null}
      <PostForm ctx={ctx} action={href(ctx, '/account/tokens')} label={t('account.newToken')}>
        <Field ctx={ctx} name="name" label={labels.name} errors={props.errors} required />
        <button type="submit">{t('account.newToken')}</button>
      </PostForm>
    </Layout>
  );
}

function ResetRequestPage(props: { ctx: Ctx; errors?: FieldErrors; values?: Record<string, string>; sent?: boolean; noMail?: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.resetTitle')}>
      <h1>{t('account.resetTitle')}</h1>
      {props.noMail ? (
        <p class="note" role="note">
          {t('account.resetNoMail')}
        </p>
      ) : null}
      {props.sent ? (
        <p class="notice" role="status">
          {t('account.resetSent')}
        </p>
      ) : (
        <>
          <p class="lede">{t('account.resetLede')}</p>
          <ErrorSummary ctx={ctx} errors={props.errors} labels={{ email: t('account.email') }} />
          <PostForm ctx={ctx} action={href(ctx, '/password-reset')}>
            <Field
              ctx={ctx}
              name="email"
              label={t('account.email')}
              type="email"
              value={props.values?.email}
              errors={props.errors}
              autocomplete="email"
              required
              dir="ltr"
            />
            <button type="submit">{t('account.resetSend')}</button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

function ResetPage(props: { ctx: Ctx; token: string; errors?: FieldErrors }) {
  const { ctx } = props;
  const { t } = ctx;
  const labels = { next: t('account.newPassword'), confirm: t('account.confirmPassword') };
  return (
    <Layout ctx={ctx} title={t('account.resetTitle')}>
      <h1>{t('account.resetTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, `/password-reset/${encodeURIComponent(props.token)}`)}>
        <Field
          ctx={ctx}
          name="next"
          label={labels.next}
          type="password"
          errors={props.errors}
          autocomplete="new-password"
          hint={t('account.passwordHint', { min: PASSWORD_MIN })}
          required
        />
        <Field ctx={ctx} name="confirm" label={labels.confirm} type="password" errors={props.errors} autocomplete="new-password" required />
        <button type="submit">{t('account.resetSave')}</button>
      </PostForm>
    </Layout>
  );
}

function stakeholderOptions(t: PageContext['t']) {
  return stakeholderTypes.map((s) => ({ value: s, label: t(`stakeholder.${s}` as MessageKey) }));
}

function OrganizationFormPage(props: { ctx: Ctx; errors?: FieldErrors; values?: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  const labels = {
    name: t('organization.name'),
    shortName: t('organization.shortName'),
    stakeholderType: t('organization.stakeholderType'),
    website: t('organization.website'),
    country: t('organization.country'),
    description: t('organization.description'),
  };
  return (
    <Layout ctx={ctx} title={t('organization.create')}>
      <h1>{t('organization.create')}</h1>
      <p class="lede">{t('organization.createLede')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} labels={labels} />
      <PostForm ctx={ctx} action={href(ctx, '/organizations/new')}>
        <Field
          ctx={ctx}
          name="name"
          label={labels.name}
          value={props.values?.name}
          errors={props.errors}
          autocomplete="organization"
          required
          dir="auto"
        />
        <Field ctx={ctx} name="shortName" label={labels.shortName} value={props.values?.shortName} errors={props.errors} dir="auto" />
        <SelectField
          ctx={ctx}
          name="stakeholderType"
          label={labels.stakeholderType}
          options={stakeholderOptions(t)}
          value={props.values?.stakeholderType}
          errors={props.errors}
          required
        />
        <Field ctx={ctx} name="website" label={labels.website} type="url" value={props.values?.website} errors={props.errors} dir="ltr" />
        <Field
          ctx={ctx}
          name="country"
          label={labels.country}
          value={props.values?.country}
          errors={props.errors}
          hint={t('organization.countryHint')}
          dir="auto"
        />
        <Field
          ctx={ctx}
          name="description"
          label={labels.description}
          value={props.values?.description}
          errors={props.errors}
          multiline
          dir="auto"
        />
        <button type="submit">{t('organization.create')}</button>
      </PostForm>
    </Layout>
  );
}

function OrganizationsPage(props: { ctx: Ctx; organizations: Awaited<ReturnType<typeof listOrganizations>>; q: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('organization.listTitle')}>
      <h1>{t('organization.listTitle')}</h1>
      <form method="get" action={href(ctx, '/organizations')} class="inline" role="search">
        <div>
          <label for="q">{t('organization.search')}</label>
          <input id="q" name="q" type="search" value={props.q} />
        </div>
        <button type="submit">{t('search.submit')}</button>
      </form>
      <p>
        <a href={href(ctx, '/organizations/new')}>{t('organization.create')}</a>
      </p>
      <table>
        <caption class="visually-hidden">{t('organization.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organization.name')}</th>
            <th scope="col">{t('organization.stakeholderType')}</th>
            <th scope="col">{t('organization.verified')}</th>
          </tr>
        </thead>
        <tbody>
          {props.organizations.map((o) => (
            <tr>
              <th scope="row">
                <a href={href(ctx, `/organizations/${o.id}`)} dir="auto">
                  {o.name}
                </a>
              </th>
              <td>{t(`stakeholder.${o.stakeholderType}` as MessageKey)}</td>
              <td>{o.verified ? t('organization.isVerified') : t('organization.awaitingVerification')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

function OrganizationPage(props: {
  ctx: Ctx;
  organization: NonNullable<Awaited<ReturnType<typeof getOrganization>>>;
  members: Awaited<ReturnType<typeof membersOf>> | null;
  canManage: boolean;
  canVerify: boolean;
  myState: string | null;
  notice?: string;
  sections: Child[];
}) {
  const { ctx, organization: o } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={o.name}>
      <nav class="crumbs" aria-label={t('layout.breadcrumb')}>
        <ol>
          <li>
            <a href={href(ctx, '/organizations')}>{t('organization.listTitle')}</a>
          </li>
        </ol>
      </nav>
      <h1 dir="auto">{o.name}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('organization.stakeholderType')}</dt>
        <dd>{t(`stakeholder.${o.stakeholderType}` as MessageKey)}</dd>
        {o.website ? (
          <>
            <dt>{t('organization.website')}</dt>
            <dd>
              <a href={o.website} rel="nofollow noopener" dir="ltr">
                {o.website}
              </a>
            </dd>
          </>
        ) : null}
        {o.country ? (
          <>
            <dt>{t('organization.country')}</dt>
            <dd>{o.country}</dd>
          </>
        ) : null}
        <dt>{t('organization.verified')}</dt>
        <dd>{o.verified ? t('organization.isVerified') : t('organization.awaitingVerification')}</dd>
      </dl>
      {o.description ? (
        <p class="text" dir="auto">
          {o.description}
        </p>
      ) : null}
      {props.canVerify && !o.verified ? (
        <PostForm ctx={ctx} action={href(ctx, `/organizations/${o.id}/verify`)} label={t('organization.verify')}>
          <button type="submit">{t('organization.verify')}</button>
        </PostForm>
      ) : null}
      {ctx.user && props.myState === null ? (
        <PostForm ctx={ctx} action={href(ctx, `/organizations/${o.id}/join`)} label={t('organization.join')}>
          <button type="submit">{t('organization.join')}</button>
        </PostForm>
      ) : null}
      {props.myState ? <p class="meta">{t(`membership.state.${props.myState}` as MessageKey)}</p> : null}
      {props.members ? (
        <>
          <h2>{t('organization.members')}</h2>
          <table>
            <caption class="visually-hidden">{t('organization.members')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.name')}</th>
                <th scope="col">{t('account.role')}</th>
                <th scope="col">{t('organization.memberState')}</th>
              </tr>
            </thead>
            <tbody>
              {props.members.map((m) => (
                <tr>
                  <th scope="row">{m.name}</th>
                  <td>{t(`membership.role.${m.role}` as MessageKey)}</td>
                  <td>
                    {t(`membership.state.${m.state}` as MessageKey)}
                    {m.state === 'requested' && props.canManage ? (
                      <>
                        <PostForm
                          ctx={ctx}
                          action={href(ctx, `/organizations/${o.id}/members/${m.userId}/accept`)}
                          class="action"
                          label={t('organization.accept')}
                        >
                          <button type="submit">{t('organization.accept')}</button>
                        </PostForm>
                        <PostForm
                          ctx={ctx}
                          action={href(ctx, `/organizations/${o.id}/members/${m.userId}/reject`)}
                          class="action"
                          label={t('organization.reject')}
                        >
                          <button type="submit" class="secondary">
                            {t('organization.reject')}
                          </button>
                        </PostForm>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {props.sections}
    </Layout>
  );
}

// ---------------------------------------------------------------- routes

export function registerAccountPages(app: Hono<AppEnv>): void {
  const L = localePath;
  const ctxOf = pageContext;

  const accountData = async (c: Context<AppEnv>, user: User): Promise<AccountData> => ({
    memberships: await membershipsOf(c.var.store.db, user.id),
    tokens: await listApiTokens(c.var.store.db, user),
  });
  const signInFirst = (c: Context<AppEnv>) =>
    c.redirect(`/${c.var.lang}/sign-in?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);

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
  app.post(`${L}/sign-in`, async (c) => {
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
  });

  app.post(`${L}/sign-out`, async (c) => {
    await readForm(c, z.object({}));
    if (c.var.sessionToken) await endSession(c.var.store.db, c.var.sessionToken);
    endSessionCookie(c);
    return c.redirect(`/${c.var.lang}/`, 303);
  });

  app.get(`${L}/account`, async (c) => {
    const user = c.var.user;
    if (!user) return signInFirst(c);
    const ctx = ctxOf(c);
    const notice = c.req.query('welcome')
      ? ctx.t('account.welcome', { name: user.name })
      : c.req.query('saved')
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

  // ---- organizations

  app.get(`${L}/organizations`, async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    return c.html(
      <OrganizationsPage ctx={ctxOf(c)} organizations={await listOrganizations(c.var.store.db, { q: q || undefined })} q={q} />,
    );
  });

  app.get(`${L}/organizations/new`, (c) => (c.var.user ? c.html(<OrganizationFormPage ctx={ctxOf(c)} />) : signInFirst(c)));
  app.post(`${L}/organizations/new`, async (c) => {
    const user = requireUser(c);
    const ctx = ctxOf(c);
    const form = await readForm(c, organizationSchema(await areaReader()));
    if (!form.ok) return c.html(<OrganizationFormPage ctx={ctx} errors={form.errors} values={form.values} />, 400);
    await limited(c, `write:${user.id}`, limits.write);
    try {
      const organization = await createOrganization(c.var.store, user, {
        ...form.data,
        stakeholderType: form.data.stakeholderType as (typeof stakeholderTypes)[number],
      });
      return c.redirect(`/${ctx.lang}/organizations/${organization.id}?created=1`, 303);
    } catch (error) {
      if (error instanceof Refusal && error.field) {
        return c.html(
          <OrganizationFormPage ctx={ctx} errors={{ [error.field]: refusalError(error) }} values={form.values} />,
          error.status,
        );
      }
      throw error;
    }
  });

  app.get(`${L}/organizations/:id`, async (c, next) => {
    const ctx = ctxOf(c);
    const db = c.var.store.db;
    const organization = await getOrganization(db, c.req.param('id'));
    if (!organization) return next();
    const user = c.var.user;
    const canManage = user ? isReviewer(user) || (await isMember(db, user.id, organization.id, true)) : false;
    const member = user ? await isMember(db, user.id, organization.id) : false;
    const mine = user ? (await membershipsOf(db, user.id)).find((m) => m.organizationId === organization.id) : undefined;
    const notice = c.req.query('created')
      ? ctx.t('organization.created')
      : c.req.query('requested')
        ? ctx.t('organization.requested')
        : undefined;
    return c.html(
      <OrganizationPage
        ctx={ctx}
        organization={organization}
        members={canManage || member ? await membersOf(db, organization.id) : null}
        canManage={canManage}
        canVerify={isReviewer(user)}
        myState={mine ? mine.state : null}
        notice={notice}
        sections={await renderSections(c, 'organization', { db, id: organization.id, ctx, user })}
      />,
    );
  });

  app.post(`${L}/organizations/:id/join`, async (c) => {
    const user = requireUser(c);
    await readForm(c, z.object({}));
    await limited(c, `write:${user.id}`, limits.write);
    await requestToJoin(c.var.store, user, c.req.param('id'));
    return c.redirect(`/${c.var.lang}/organizations/${c.req.param('id')}?requested=1`, 303);
  });

  app.post(`${L}/organizations/:id/members/:userId/:decision{accept|reject}`, async (c) => {
    const user = requireUser(c);
    await readForm(c, z.object({}));
    await decideJoinRequest(c.var.store, user, c.req.param('id'), c.req.param('userId'), c.req.param('decision') === 'accept');
    return c.redirect(`/${c.var.lang}/organizations/${c.req.param('id')}`, 303);
  });

  app.post(`${L}/organizations/:id/verify`, async (c) => {
    const user = requireUser(c);
    await readForm(c, z.object({}));
    await verifyOrganization(c.var.store, user, c.req.param('id'));
    return c.redirect(`/${c.var.lang}/organizations/${c.req.param('id')}`, 303);
  });
}
