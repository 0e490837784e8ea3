// Accounts as people use them, through the pages (forms without JavaScript) and the API:
// sign-up, sign-in and its limits, CSRF, passwords (hashed, changed, reset by real mail),
// organizations with join requests and verification, API tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { catalogs } from '../i18n/index.ts';
import { sql } from '../store/index.ts';
import { createUser } from './service.ts';

let t: TestApp;
let mailed: string[] = [];
let smtp: SMTPServer;

const password = 'correct horse battery';

beforeAll(async () => {
  // A real SMTP server on loopback receives the password-reset mail.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        mailed.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await openTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, CONCORD_PUBLIC_URL: 'http://concord.test', CONCORD_TRUST_PROXY: '1' });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const visitor = (lang = 'en') => new Visitor(t.app, { 'Accept-Language': lang });
let n = 0;
const unique = (name: string) => `${name}.${++n}.${Date.now()}@example.org`;

describe('sign-up and sign-in', () => {
  it('signs a new reader up and in, and shows their account', async () => {
    const v = visitor();
    const page = await v.signUp('en', 'Amina Diallo', unique('amina'), password);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Amina Diallo');
    expect(v.cookies.has('concord_session')).toBe(true);
  });

  it('sets the session cookie HttpOnly, Secure and SameSite', async () => {
    const v = visitor();
    await v.get('/en/sign-up');
    const response = await v.post('/en/sign-up', { name: 'Cookie Check', email: unique('cookie'), password });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('concord_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('stores a memory-hard hash, never the password', async () => {
    const email = unique('hash');
    await visitor().signUp('en', 'Hash Check', email, password);
    const [row] = await t.store.db.query<{ password_hash: string }>(sql`SELECT password_hash FROM users WHERE email = ${email}`);
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row!.password_hash).not.toContain(password);
    const everything = await t.store.db.query<{ dump: string }>(
      sql`SELECT (SELECT string_agg(coalesce(before::text, '') || coalesce(after::text, ''), '') FROM changes) AS dump`,
    );
    expect(everything[0]!.dump ?? '').not.toContain(password);
  });

  it('shows field errors next to the fields, in the reader’s language', async () => {
    const v = visitor('fr');
    await v.get('/fr/sign-up');
    const response = await v.post('/fr/sign-up', { name: '', email: 'not-an-address', password: 'short' });
    expect(response.status).toBe(400);
    expect(response.html).toContain('aria-invalid="true"');
    expect(response.html).toContain(catalogs.fr['account.emailInvalid']!);
    expect(response.html).toContain(catalogs.fr['account.passwordTooShort']!);
    expect(response.html).toContain('href="#f-email"');
    expect(response.html).toContain('value="not-an-address"');
  });

  it('refuses an address already in use', async () => {
    const email = unique('twice');
    await visitor().signUp('en', 'First', email, password);
    const v = visitor('es');
    await v.get('/es/sign-up');
    const response = await v.post('/es/sign-up', { name: 'Second', email: email.toUpperCase(), password });
    expect(response.status).toBe(409);
    expect(response.html).toContain(catalogs.es['account.emailTaken']!);
  });

  it('refuses a form post without its CSRF token, and creates nothing', async () => {
    const email = unique('csrf');
    const v = visitor();
    await v.get('/en/sign-up');
    const response = await v.post('/en/sign-up', { name: 'No Token', email, password }, { csrf: false });
    expect(response.status).toBe(403);
    const forged = await v.post('/en/sign-up', { name: 'Forged', email, password }, { csrf: 'forged-token-value' });
    expect(forged.status).toBe(403);
    expect(await t.store.db.query(sql`SELECT 1 FROM users WHERE email = ${email}`)).toHaveLength(0);
  });

  it('signs in with the right password only', async () => {
    const email = unique('signin');
    await visitor().signUp('en', 'Sign In', email, password);
    const wrong = await visitor().signIn('en', email, 'not the password');
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain(catalogs.en['account.signInFailed']!);
    const v = visitor();
    const right = await v.signIn('en', email, password);
    expect(right.status).toBe(303);
    expect((await v.get('/en/account')).html).toContain(email);
  });

  it('limits sign-in attempts on one account', async () => {
    const email = unique('limit');
    await visitor().signUp('en', 'Limited', email, password);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await visitor().signIn('en', email, `wrong ${i}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const blocked = await visitor().signIn('en', email, password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('signs out', async () => {
    const v = visitor();
    await v.signUp('en', 'Leaving', unique('out'), password);
    await v.post('/en/sign-out');
    const account = await v.get('/en/account');
    expect(account.status).toBe(303);
    expect(account.location).toMatch(/^\/en\/sign-in/);
  });
});

describe('passwords', () => {
  it('changes a password after checking the current one, signing out other sessions', async () => {
    const email = unique('change');
    const here = visitor();
    await here.signUp('en', 'Changer', email, password);
    const elsewhere = visitor();
    await elsewhere.signIn('en', email, password);
    await here.get('/en/account');
    const wrong = await here.post('/en/account/password', {
      current: 'nope',
      next: 'a brand new passphrase',
      confirm: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(400);
    const done = await here.post('/en/account/password', {
      current: password,
      next: 'a brand new passphrase',
      confirm: 'a brand new passphrase',
    });
    expect(done.status).toBe(303);
    expect((await here.get('/en/account')).status).toBe(200);
    expect((await elsewhere.get('/en/account')).status).toBe(303);
    expect((await visitor().signIn('en', email, 'a brand new passphrase')).status).toBe(303);
  });

  it('resets a forgotten password through a link sent by mail, once', async () => {
    const email = unique('reset');
    await visitor().signUp('fr', 'Réinitialiser', email, password);
    mailed = [];
    const v = visitor('fr');
    await v.get('/fr/password-reset');
    const sent = await v.post('/fr/password-reset', { email });
    expect(sent.html).toContain(catalogs.fr['account.resetSent']!);
    expect(mailed).toHaveLength(1);
    const message = mailed[0]!.replace(/=\r?\n/g, '');
    const link = /http:\/\/concord\.test(\/fr\/password-reset\/[A-Za-z0-9_-]+)/.exec(message)?.[1];
    expect(link).toBeTruthy();
    await v.get(link!);
    const saved = await v.post(link!, { next: 'chosen after reset', confirm: 'chosen after reset' });
    expect(saved.status).toBe(200);
    expect(saved.html).toContain(catalogs.fr['account.resetDone']!);
    expect((await visitor().signIn('fr', email, 'chosen after reset')).status).toBe(303);
    const again = await v.post(link!, { next: 'another password here', confirm: 'another password here' });
    expect(again.status).toBe(400);
  });

  it('says the same whether or not an account has the address', async () => {
    mailed = [];
    const v = visitor();
    await v.get('/en/password-reset');
    const response = await v.post('/en/password-reset', { email: 'nobody-here@example.org' });
    expect(response.html).toContain(catalogs.en['account.resetSent']!);
    expect(mailed).toHaveLength(0);
  });
});

describe('organizations', () => {
  it('makes the creator the administrator, who accepts a colleague; a stranger cannot', async () => {
    const founder = visitor();
    await founder.signUp('en', 'Founder', unique('founder'), password);
    await founder.get('/en/organizations/new');
    const created = await founder.post('/en/organizations/new', {
      name: `Digital Access Trust ${n}`,
      stakeholderType: 'civil-society',
      website: 'https://example.org',
      country: 'ken',
    });
    expect(created.status).toBe(303);
    const orgPath = created.location!.split('?')[0]!;
    const page = await founder.get(orgPath);
    expect(page.html).toContain(catalogs.en['organization.awaitingVerification']!);

    const colleague = visitor();
    await colleague.signUp('en', 'Colleague', unique('colleague'), password);
    await colleague.get(orgPath);
    expect((await colleague.post(`${orgPath}/join`)).status).toBe(303);
    const colleagueId = (
      await t.store.db.query<{ id: string }>(sql`SELECT id FROM users WHERE name = 'Colleague' ORDER BY created_at DESC LIMIT 1`)
    )[0]!.id;

    const stranger = visitor();
    await stranger.signUp('en', 'Stranger', unique('stranger'), password);
    await stranger.get(orgPath);
    expect((await stranger.post(`${orgPath}/members/${colleagueId}/accept`)).status).toBe(403);

    await founder.get(orgPath);
    expect((await founder.post(`${orgPath}/members/${colleagueId}/accept`)).status).toBe(303);
    const members = await founder.get(orgPath);
    expect(members.html).toContain('Colleague');
    expect(members.html).not.toContain(catalogs.en['membership.state.requested']!);
  });

  it('lets only reviewers verify an organization', async () => {
    const founder = visitor();
    await founder.signUp('en', 'Org Maker', unique('maker'), password);
    await founder.get('/en/organizations/new');
    const created = await founder.post('/en/organizations/new', { name: `Verify Me ${n}`, stakeholderType: 'academia' });
    const orgPath = created.location!.split('?')[0]!;
    await founder.get(orgPath);
    expect((await founder.post(`${orgPath}/verify`)).status).toBe(403);

    const reviewerEmail = unique('reviewer');
    await createUser(t.store, { email: reviewerEmail, name: 'Reviewer', password, role: 'reviewer' });
    const reviewer = visitor();
    await reviewer.signIn('en', reviewerEmail, password);
    await reviewer.get(orgPath);
    expect((await reviewer.post(`${orgPath}/verify`)).status).toBe(303);
    expect((await reviewer.get(orgPath)).html).toContain(catalogs.en['organization.isVerified']!);
  });

  it('escapes what people type', async () => {
    const v = visitor();
    await v.signUp('en', '<img src=x onerror=alert(1)>', unique('xss'), password);
    await v.get('/en/organizations/new');
    const created = await v.post('/en/organizations/new', { name: `<script>alert("x")</script> ${n}`, stakeholderType: 'youth' });
    const page = await v.get(created.location!.split('?')[0]!);
    expect(page.html).not.toContain('<script>alert("x")</script>');
    expect(page.html).toContain('&lt;script&gt;');
    expect(page.html).not.toContain('<img src=x');
  });

  it('lists organizations through the API, reference entities verified', async () => {
    const response = await t.app.request('/api/v1/organizations?verified=true');
    const body = (await response.json()) as { items: { id: string; stakeholderType: string }[] };
    expect(body.items.find((o) => o.id === 'itu')?.stakeholderType).toBe('un-entity');
  });
});

describe('API tokens', () => {
  it('creates a token shown once, which identifies its owner, until revoked', async () => {
    const v = visitor();
    const email = unique('token');
    await v.signUp('en', 'Integrator', email, password);
    const created = await v.post('/en/account/tokens', { name: 'nightly sync' });
    expect(created.status).toBe(201);
    const token = /<code dir="ltr">(cnc_[A-Za-z0-9_-]+)<\/code>/.exec(created.html)?.[1];
    expect(token).toBeTruthy();
    expect((await v.get('/en/account')).html).not.toContain(token!);
    const me = await t.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(email);
    const id = (
      await t.store.db.query<{ id: string }>(sql`SELECT t.id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = ${email}`)
    )[0]!.id;
    await v.get('/en/account');
    await v.post(`/en/account/tokens/${id}/revoke`);
    const after = await t.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect(after.headers.get('Content-Type')).toMatch(/problem\+json/);
  });
});
