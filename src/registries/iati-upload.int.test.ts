// The reviewers' upload of IATI activity files (/{lang}/registry/sources/iati), in process: a
// contributor is refused, a post without the CSRF token is refused, a malformed file is reported
// activity by activity in the reader's language and writes nothing, a file over
// CONCORD_MAX_UPLOAD_MB is refused next to the field, and the real publisher's file is imported.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { createUser } from '../accounts/service.ts';
import { sql } from '../store/index.ts';
import { Visitor } from '../testing/visitor.ts';

let t: TestApp;
const password = 'a long enough password';
const fixtures = path.resolve('test/fixtures/iati');

beforeAll(async () => {
  t = await openTestApp({ CONCORD_MAX_UPLOAD_MB: '1' });
  await createUser(t.store, { email: 'iati-reviewer@example.org', name: 'IATI reviewer', password, role: 'reviewer' });
  await createUser(t.store, { email: 'iati-contributor@example.org', name: 'IATI contributor', password });
});
afterAll(() => t.close());

async function upload(v: Visitor, lang: string, files: { name: string; text: string }[], csrf = true) {
  await v.get(`/${lang}/registry/sources/iati`);
  const form = new FormData();
  if (csrf) form.append('_csrf', v.csrf);
  for (const f of files) form.append('file', new File([f.text], f.name, { type: 'application/xml' }));
  const response = await t.app.request(`/${lang}/registry/sources/iati`, {
    method: 'POST',
    body: form,
    headers: { Cookie: [...v.cookies].map(([k, val]) => `${k}=${val}`).join('; ') },
  });
  return { status: response.status, html: await response.text() };
}

/** A visitor signed in (in English) as one of the two users made above. */
async function signedIn(who: 'reviewer' | 'contributor'): Promise<Visitor> {
  const v = new Visitor(t.app);
  await v.signIn('en', `iati-${who}@example.org`, password);
  return v;
}

const fixture = (name: string) => readFile(path.join(fixtures, name), 'utf8');

const iatiCount = async () =>
  Number((await t.store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM initiatives WHERE source = 'iati'`))[0]!.n);

it('is for reviewers only, and checks the CSRF token', async () => {
  const anonymous = new Visitor(t.app);
  expect((await anonymous.get('/en/registry/sources/iati')).status).not.toBe(200);
  const contributor = await signedIn('contributor');
  expect((await contributor.get('/en/registry/sources/iati')).status).toBe(403);

  const reviewer = await signedIn('reviewer');
  const page = await reviewer.get('/en/registry/sources/iati');
  expect(page.status).toBe(200);
  expect(page.html).toContain('enctype="multipart/form-data"');
  const text = await fixture('maec-indonesia-excerpt.xml');
  const forged = await upload(reviewer, 'en', [{ name: 'maec.xml', text }], false);
  expect(forged.status).toBe(403);
  expect(await iatiCount()).toBe(0);
});

it('reports a malformed file activity by activity in the reader’s language and writes nothing; refuses a file over the limit', async () => {
  const reviewer = await signedIn('reviewer');
  const text = await fixture('maec-indonesia-malformed.xml');
  const bad = await upload(reviewer, 'fr', [{ name: 'maec-malformed.xml', text }]);
  expect(bad.status).toBe(422);
  expect(bad.html).toContain('Rien n’a été importé');
  expect(bad.html).toMatch(/ES-DIR3-E04585801-009-001301<\/th>\s*<td[^>]*>[^<]*&quot;n\/a&quot; is not a number/);
  expect(bad.html).toMatch(/ES-DIR3-E04585801-009-002143<\/th>\s*<td[^>]*>[^<]*is not a date/);
  expect(await iatiCount()).toBe(0);

  const big = await upload(reviewer, 'en', [{ name: 'big.xml', text: text.repeat(120) }]);
  expect(big.status).toBe(413);
  expect(big.html).toContain('The files are larger than 1 MB.');
  expect(await iatiCount()).toBe(0);
});

it('imports a real publisher’s file, and changes nothing when it comes again', async () => {
  const reviewer = await signedIn('reviewer');
  const text = await fixture('maec-indonesia-excerpt.xml');
  const first = await upload(reviewer, 'en', [{ name: 'maec.xml', text }]);
  expect(first.status).toBe(200);
  expect(first.html).toContain('Imported: 3 new, 0 updated, 0 unchanged, 0 archived');
  expect(await iatiCount()).toBe(3);
  const again = await upload(reviewer, 'en', [{ name: 'maec.xml', text }]);
  expect(again.html).toContain('Imported: 0 new, 0 updated, 3 unchanged, 0 archived');
  const sources = await reviewer.get('/en/registry/sources');
  expect(sources.html).toMatch(/3 records read: 0 new, 0 updated, 0 archived/);
  // Reviewers find the upload from the sources page; others do not see it.
  expect(sources.html).toContain('href="/en/registry/sources/iati"');
  expect(await (await t.app.request('/en/registry/sources')).text()).not.toContain('href="/en/registry/sources/iati"');
});
