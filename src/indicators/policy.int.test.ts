// Importing observations follows one rule (canImport, src/indicators/policy.ts) in the API and on
// the page: a contributor's token and page are refused, a reviewer's are let through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { buildReviewer, buildUser, password } from '../testing/builders.ts';
import { createApiToken, type User } from '../accounts/service.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

async function importAs(user: User): Promise<Response> {
  const { token } = await createApiToken(t.store, user, 'import');
  return t.app.request('/api/v1/observations', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
    body: 'indicator,area,year,value\n',
  });
}

describe('who may import observations', () => {
  it('refuses a contributor in the API and on the page', async () => {
    const contributor = await buildUser(t.store);
    const response = await importAs(contributor);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');

    const v = new Visitor(t.app);
    await v.signIn('en', contributor.email, password);
    const page = await v.get('/en/indicators/import');
    expect(page.html).not.toContain('type="file"');
  });

  it('lets a reviewer through, and offers the form on the page', async () => {
    const reviewer = await buildReviewer(t.store);
    const response = await importAs(reviewer);
    expect(response.status).not.toBe(403);
    expect(response.status).not.toBe(401);

    const v = new Visitor(t.app);
    await v.signIn('en', reviewer.email, password);
    expect((await v.get('/en/indicators/import')).html).toContain('type="file"');
  });
});
