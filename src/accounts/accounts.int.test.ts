// Accounts as people use them, through the pages (forms without JavaScript) and the API:
// sign-up, sign-in and its throttle, CSRF, passwords (hashed, changed, reset by real mail),
// organizations with join requests and verification (look-alike names refused), API tokens.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
// `n`: the number the last unique address carries (a live binding), to name things after it.
import { serial as n, uniqueEmail as unique } from '../testing/builders.ts';
import { catalogs, translator } from '../i18n/index.ts';
import { sql } from '../store/index.ts';
import { createUser } from './service.ts';
import { createOrganization } from '../organizations/service.ts';
import { createApp } from '../web/app.ts';
import { loadConfig } from '../config.ts';

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
/** A visitor behind the trusted proxy, which appended `address` to what the client sent in X-Forwarded-For. */
const from = (address: string, spoofed?: string) => new Visitor(t.app, { 'X-Forwarded-For': spoofed ? `${spoofed}, ${address}` : address });
let addresses = 0;
const newAddress = () => `198.51.100.${++addresses}`;

/** Reset mail is sent after the answer: wait for it (a real SMTP server receives it). */
async function mailArrives(count: number): Promise<string[]> {
  for (let waited = 0; mailed.length < count && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  return mailed;
}

afterEach(() => vi.useRealTimers());

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

  it('slows wrong passwords down per account and address, never locking the owner out elsewhere', async () => {
    const email = unique('limit');
    await visitor().signUp('en', 'Limited', email, password);
    const guesser = newAddress();
    // The clock stands still, so the first waits (a second or two) do not pass while the test runs.
    vi.useFakeTimers({ toFake: ['Date'] });
    const statuses: number[] = [];
    // The guesser rotates the X-Forwarded-For entries it writes itself; the proxy's entry stays.
    for (let i = 0; i < 5; i++) statuses.push((await from(guesser, `10.0.0.${i}`).signIn('en', email, `wrong ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const slowed = await from(guesser, '10.9.9.9').signIn('en', email, 'wrong again');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(slowed.html).toContain('Too many wrong passwords. Try again in');
    // The owner, from their own address, signs in at once.
    const owner = from(newAddress());
    expect((await owner.signIn('en', email, password)).status).toBe(303);
    expect((await owner.get('/en/account')).html).toContain(email);
  });

  it('doubles the wait after each further failure, and a right password clears it', async () => {
    const email = unique('backoff');
    await visitor().signUp('en', 'Backoff', email, password);
    const address = newAddress();
    vi.useFakeTimers({ toFake: ['Date'] });
    let now = Date.now();
    for (let i = 0; i < 5; i++) expect((await from(address).signIn('en', email, `wrong ${i}`)).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const slowed = await from(address).signIn('en', email, 'still wrong');
      expect(slowed.status).toBe(429);
      const wait = Number(slowed.headers.get('Retry-After'));
      waits.push(wait);
      vi.setSystemTime((now += wait * 1000));
      expect((await from(address).signIn('en', email, 'still wrong')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4]);
    expect((await from(address).signIn('en', email, password)).status).toBe(429);
    vi.setSystemTime(now + 8000);
    expect((await from(address).signIn('en', email, password)).status).toBe(303);
    // The success cleared the count: the next wrong password is answered, not slowed.
    expect((await from(address).signIn('en', email, 'wrong once more')).status).toBe(401);
  });

  it('does not count successful sign-ins against an office’s shared address', async () => {
    const email = unique('office');
    await visitor().signUp('en', 'Office', email, password);
    const office = newAddress();
    const statuses: number[] = [];
    // One more than the old limit of ten sign-ins per address.
    for (let i = 0; i < 11; i++) statuses.push((await from(office).signIn('en', email, password)).status);
    expect(statuses.every((s) => s === 303)).toBe(true);
  });

  it('keeps per-address limits on the address the trusted proxy saw, whatever the client writes', async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const v = from(address, `203.0.113.${i}`);
      await v.get('/en/password-reset');
      statuses.push((await v.post('/en/password-reset', { email: `nobody.${i}@example.org` })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    // Behind two proxies, the entry the outer one added counts (the second from the right).
    const twoHops = createApp(t.store, loadConfig({ CONCORD_TRUST_PROXY: '2' }));
    const outer = newAddress();
    const behindTwo: number[] = [];
    for (let i = 0; i < 6; i++) {
      const v = new Visitor(twoHops, { 'X-Forwarded-For': `203.0.113.${i}, ${outer}, 10.1.1.1` });
      await v.get('/en/password-reset');
      behindTwo.push((await v.post('/en/password-reset', { email: `nobody.${i}@example.org` })).status);
    }
    expect(behindTwo).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('binds the CSRF token to the session and renews it at sign-in', async () => {
    const email = unique('bound');
    await visitor().signUp('en', 'Bound', email, password);
    const v = visitor();
    await v.get('/en/sign-in');
    const before = v.csrf;
    expect((await v.post('/en/sign-in', { email, password })).status).toBe(303);
    await v.get('/en/account');
    expect(v.csrf).not.toBe(before);
    // The token from before sign-in (which a planted cookie could have fixed) no longer passes.
    expect((await v.post('/en/account/tokens', { name: 'stale' }, { csrf: before })).status).toBe(403);
    // Nor does another session's token, even the same person's.
    const other = visitor();
    await other.signIn('en', email, password);
    expect(other.csrf).not.toBe(v.csrf);
    expect((await v.post('/en/account/tokens', { name: 'crossed' }, { csrf: other.csrf })).status).toBe(403);
    expect((await v.post('/en/account/tokens', { name: 'genuine' })).status).toBe(201);
  });

  it('names the cookies with the __Host- prefix over HTTPS', async () => {
    const email = unique('https');
    await visitor().signUp('en', 'Secure', email, password);
    const v = visitor();
    const page = await v.get('https://concord.test/en/sign-in');
    const csrfCookie = page.headers.getSetCookie().find((c) => c.startsWith('__Host-concord_csrf='));
    expect(csrfCookie).toMatch(/; Secure/i);
    expect(csrfCookie).toMatch(/; Path=\/(;|$)/i);
    expect(csrfCookie).not.toMatch(/Domain=/i);
    const signedIn = await v.post('https://concord.test/en/sign-in', { email, password });
    expect(signedIn.headers.getSetCookie().some((c) => c.startsWith('__Host-concord_session='))).toBe(true);
    expect(v.cookies.has('concord_session')).toBe(false);
    expect((await v.get('https://concord.test/en/account')).html).toContain(email);
    // Over plain HTTP (local development) the names stay unprefixed.
    expect((await visitor().get('/en/sign-in')).headers.getSetCookie().some((c) => c.startsWith('concord_csrf='))).toBe(true);
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
    expect(await mailArrives(1)).toHaveLength(1);
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

  it('answers the same, at once, whether or not an account has the address, and mails after answering', async () => {
    const email = unique('same');
    await visitor().signUp('en', 'Same Answer', email, password);
    mailed = [];
    const v = visitor();
    await v.get('/en/password-reset');
    const nobody = await v.post('/en/password-reset', { email: 'nobody-here@example.org' });
    const somebody = await v.post('/en/password-reset', { email });
    expect(nobody.html).toContain(catalogs.en['account.resetSent']!);
    expect(somebody.status).toBe(nobody.status);
    expect(somebody.html).toBe(nobody.html);
    expect([...somebody.headers.keys()].sort()).toEqual([...nobody.headers.keys()].sort());
    const received = await mailArrives(1);
    expect(received).toHaveLength(1);
    expect(received[0]).toContain(email);
  });

  it('lets one reset link be used, ending every other link, session and API token', async () => {
    const email = unique('links');
    const owner = visitor();
    await owner.signUp('en', 'Two Links', email, password);
    const created = await owner.post('/en/account/tokens', { name: 'before the reset' });
    const token = /<code dir="ltr">(cnc_[A-Za-z0-9_-]+)<\/code>/.exec(created.html)![1]!;
    mailed = [];
    const v = visitor();
    await v.get('/en/password-reset');
    await v.post('/en/password-reset', { email });
    await mailArrives(1);
    await v.post('/en/password-reset', { email });
    const links = (await mailArrives(2)).map(
      (m) => /http:\/\/concord\.test(\/en\/password-reset\/[A-Za-z0-9_-]+)/.exec(m.replace(/=\r?\n/g, ''))![1]!,
    );
    expect(new Set(links).size).toBe(2);
    await v.get(links[1]!);
    expect((await v.post(links[1]!, { next: 'reset through link two', confirm: 'reset through link two' })).status).toBe(200);
    await v.get(links[0]!);
    const first = await v.post(links[0]!, { next: 'reset through link one', confirm: 'reset through link one' });
    expect(first.status).toBe(400);
    expect(first.html).toContain(catalogs.en['account.resetExpired']!);
    expect((await owner.get('/en/account')).status).toBe(303);
    expect((await t.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('revokes the API tokens made before a password change, and says so on the page', async () => {
    const email = unique('revoke');
    const v = visitor();
    const account = await v.signUp('en', 'Revoker', email, password);
    expect(account.html).toContain(catalogs.en['account.changePasswordEffects']!);
    const created = await v.post('/en/account/tokens', { name: 'old program' });
    const token = /<code dir="ltr">(cnc_[A-Za-z0-9_-]+)<\/code>/.exec(created.html)![1]!;
    expect((await t.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    const changed = await v.post('/en/account/password', { current: password, next: 'a fresh passphrase', confirm: 'a fresh passphrase' });
    expect(changed.status).toBe(303);
    const page = await v.get(changed.location!);
    expect(page.html).toContain(catalogs.en['account.passwordChanged']!);
    expect(page.html).not.toContain('old program');
    expect((await t.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    // A token made after the change works.
    const fresh = /<code dir="ltr">(cnc_[A-Za-z0-9_-]+)<\/code>/.exec(
      (await v.post('/en/account/tokens', { name: 'new program' })).html,
    )![1]!;
    expect((await t.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${fresh}` } })).status).toBe(200);
  });

  it('refuses the most common passwords at sign-up, change and reset, next to the field', async () => {
    const email = unique('common');
    const v = visitor('ru');
    await v.get('/ru/sign-up');
    const refused = await v.post('/ru/sign-up', { name: 'Common', email, password: 'Password123' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(catalogs.ru['account.passwordCommon']!);
    expect(refused.html).toContain('href="#f-password"');
    // An English-speaking account (its mail is in English), refused in Russian on the Russian pages.
    await v.signUp('en', 'Common', email, password);
    const change = await v.post('/ru/account/password', { current: password, next: 'qwertyuiop', confirm: 'qwertyuiop' });
    expect(change.status).toBe(400);
    expect(change.html).toContain(catalogs.ru['account.passwordCommon']!);
    mailed = [];
    const r = visitor('ru');
    await r.get('/ru/password-reset');
    await r.post('/ru/password-reset', { email });
    const token = /http:\/\/concord\.test\/en\/password-reset\/([A-Za-z0-9_-]+)/.exec(
      (await mailArrives(1))[0]!.replace(/=\r?\n/g, ''),
    )![1]!;
    const link = `/ru/password-reset/${token}`;
    await r.get(link);
    const reset = await r.post(link, { next: '1234567890', confirm: '1234567890' });
    expect(reset.status).toBe(400);
    expect(reset.html).toContain(catalogs.ru['account.passwordCommon']!);
    // The refusal did not spend the link.
    expect((await r.post(link, { next: 'an uncommon choice', confirm: 'an uncommon choice' })).status).toBe(200);
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

  it('refuses a name that looks like a registered one, naming it, and stores names without hidden characters', async () => {
    const v = visitor('fr');
    await v.signUp('fr', 'Look Alike', unique('alike'), password);
    const original = `Org A ${n}`;
    await v.get('/fr/organizations/new');
    const created = await v.post('/fr/organizations/new', {
      name: `\u200B${original.replace(' A', '\u00A0\u00A0A')}\u202C`,
      stakeholderType: 'academia',
    });
    expect(created.status).toBe(303);
    expect((await v.get(created.location!.split('?')[0]!)).html).toContain(`<h1 dir="auto">${original}</h1>`);
    const lookAlikes = [
      original.replace(' A', '\u00A0A'), // no-break space
      original.replace('O', '\u041E'), // Cyrillic capital O
      original.replace('Org', 'Or\u200Bg'), // zero-width space
      `\u202E${original}`, // right-to-left override
      original.toUpperCase().replace('A', '\u0391'), // Greek capital alpha, other case
    ];
    for (const name of lookAlikes) {
      await v.get('/fr/organizations/new');
      const refused = await v.post('/fr/organizations/new', { name, stakeholderType: 'academia' });
      expect(refused.status).toBe(409);
      expect(refused.html).toContain(translator('fr')('organization.nameTaken', { name: original }));
    }
    const count = await t.store.db.query(sql`SELECT 1 FROM organizations WHERE name LIKE ${`%${n}`}`);
    expect(count).toHaveLength(1);
    // Reference organizations (loaded without a key) are compared too.
    const [itu] = await t.store.db.query<{ name: string }>(sql`SELECT name FROM organizations WHERE id = 'itu'`);
    await v.get('/fr/organizations/new');
    const copy = await v.post('/fr/organizations/new', { name: itu!.name.replace(/o/g, '\u043E'), stakeholderType: 'academia' });
    expect(copy.status).toBe(409);
    expect(copy.html).toContain(translator('fr')('organization.nameTaken', { name: itu!.name }));
    // A name a reader tells apart is welcome.
    await v.get('/fr/organizations/new');
    expect((await v.post('/fr/organizations/new', { name: `Org B ${n}`, stakeholderType: 'academia' })).status).toBe(303);
  });

  it('creates only one of two look-alike organizations registered at the same moment', async () => {
    const founders = await Promise.all(
      ['one', 'two'].map((who) => createUser(t.store, { email: unique(`race-${who}`), name: `Racer ${who}`, password })),
    );
    // Every stored name has its key first, so the two creations below touch no common row.
    await createOrganization(t.store, founders[0]!, { name: `Race warm-up ${n}`, stakeholderType: 'academia' });
    const name = `Race Org ${n}`;
    const names = [name, name.replace('O', '\u041E')]; // the second with a Cyrillic O
    const results = await Promise.allSettled(
      founders.map((user, i) => createOrganization(t.store, user, { name: names[i]!, stakeholderType: 'academia' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && (refused.reason as { status?: number }).status).toBe(409);
    // Either may win the race, the Latin or the Cyrillic spelling: exactly one of them is stored.
    expect(await t.store.db.query(sql`SELECT 1 FROM organizations WHERE name = ${names[0]!} OR name = ${names[1]!}`)).toHaveLength(1);
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
