// Who may keep an answer, over HTTP in-process: whatever is answered to a credential (a bearer
// token, a signed-in session) is `private, no-store`; the public answers stay cacheable and say
// that a credential would change them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { createApiToken, createUser } from '../accounts/service.ts';
import { createOrganization } from '../organizations/service.ts';

let t: TestApp;
const password = 'correct horse battery';

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
});
afterAll(() => t.close());

const privateAnswer = 'private, no-store';

describe('caching of answers', () => {
  it('never lets a cache keep what is answered to a token, and keeps public answers cacheable', async () => {
    const owner = await createUser(t.store, { email: 'cache-owner@example.org', name: 'Cache Owner', password });
    const reviewer = await createUser(t.store, { email: 'cache-reviewer@example.org', name: 'Cache Reviewer', password, role: 'reviewer' });
    const organization = await createOrganization(t.store, owner, { name: 'Cache Test Network', stakeholderType: 'civil-society' });
    const ownerToken = (await createApiToken(t.store, owner, 'cache')).token;
    const reviewerToken = (await createApiToken(t.store, reviewer, 'cache')).token;
    const get = (path: string, token?: string) =>
      t.app.request(`/api/v1${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : undefined);

    const created = await t.app.request('/api/v1/initiatives', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ownerToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        leadOrganizationId: organization.id,
        status: 'planned',
        texts: [{ lang: 'en', title: 'Draft kept private', description: 'A draft nobody else may read or cache.' }],
        links: [{ elementId: 'gdc.13.a', evidence: 'Digital skills for teachers.' }],
      }),
    });
    expect(created.status).toBe(201);
    const draftId = ((await created.json()) as { id: string }).id;

    const me = await get('/me', ownerToken);
    expect(me.status).toBe(200);
    expect(me.headers.get('Cache-Control')).toBe(privateAnswer);
    const draftHistory = await get(`/initiatives/${draftId}/history`, ownerToken);
    expect(draftHistory.status).toBe(200);
    expect(draftHistory.headers.get('Cache-Control')).toBe(privateAnswer);
    const queue = await get('/review/initiatives', reviewerToken);
    expect(queue.status).toBe(200);
    expect(queue.headers.get('Cache-Control')).toBe(privateAnswer);
    // Even a public list, when asked with a token.
    expect((await get('/initiatives', ownerToken)).headers.get('Cache-Control')).toBe(privateAnswer);

    // Without a token: public answers stay cacheable, and vary by the credential that would change them.
    const list = await get('/initiatives');
    expect(list.status).toBe(200);
    expect(list.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+/);
    expect(list.headers.get('Vary')).toMatch(/\bAuthorization\b/);
    const frameworks = await get('/frameworks');
    expect(frameworks.headers.get('Cache-Control')).toMatch(/^public/);
    expect(frameworks.headers.get('Vary')).toMatch(/\bAuthorization\b/);
    // The draft is nobody's business without a token.
    expect((await get(`/initiatives/${draftId}/history`)).status).toBe(404);
  });

  it('sets the form cookie only with a page that has a form, never on images, the API or pages without one', async () => {
    const cookies = async (path: string) => (await t.app.request(path)).headers.getSetCookie();
    expect(await cookies('/en/registry/map.svg')).toEqual([]);
    expect(await cookies('/api/v1/frameworks')).toEqual([]);
    expect(await cookies('/en/frameworks')).toEqual([]);
    const signIn = await t.app.request('/en/sign-in');
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('concord_csrf='));
    expect(cookie).toBeDefined();
    // The form's token is the one the cookie stands for: signing in with both works.
    const v = new Visitor(t.app);
    await v.signUp('en', 'Form Cookie', 'form-cookie@example.org', password);
    expect((await v.get('/en/account')).html).toContain('form-cookie@example.org');
  });

  it('sends signed-in pages, the draft page and account pages as no-store, and public pages as no-cache', async () => {
    const v = new Visitor(t.app);
    await v.signUp('en', 'Page Reader', 'cache-pages@example.org', password);
    await v.get('/en/organizations/new');
    const org = (await v.post('/en/organizations/new', { name: 'Cache Pages Org', stakeholderType: 'academia' }))
      .location!.split('/')
      .pop()!
      .split('?')[0]!;
    await v.get('/en/initiatives/new');
    const draft = (
      await v.post('/en/initiatives/new', {
        leadOrganizationId: org,
        status: 'ongoing',
        title_en: 'Draft page kept out of caches',
        description_en: 'A draft initiative that only its organization may read.',
        areas: 'KEN',
        link_element_0: 'gdc.11.a',
        link_evidence_0: 'Connects schools in Kenya.',
      })
    ).location!.split('?')[0]!;

    const page = async (path: string) => {
      const response = await t.app.request(path, { headers: { Cookie: [...v.cookies].map(([k, val]) => `${k}=${val}`).join('; ') } });
      expect(response.status, path).toBe(200);
      return response.headers;
    };
    expect((await page(draft)).get('Cache-Control')).toBe(privateAnswer);
    expect((await page(`${draft}/history`)).get('Cache-Control')).toBe(privateAnswer);
    expect((await page('/en/account')).get('Cache-Control')).toBe(privateAnswer);
    expect((await page('/en/mine')).get('Cache-Control')).toBe(privateAnswer);
    expect((await page('/en/registry')).get('Cache-Control')).toBe(privateAnswer);

    const anonymous = await t.app.request('/en/registry');
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('Cache-Control')).toBe('no-cache');
    expect(anonymous.headers.get('Vary')).toMatch(/\bCookie\b/);
    // Assets named by their content stay immutable for everyone.
    const css = /href="(\/assets\/[^"]+\.css)"/.exec(await anonymous.text())?.[1];
    expect(css).toBeDefined();
    expect((await page(css!)).get('Cache-Control')).toMatch(/immutable/);
  });
});
