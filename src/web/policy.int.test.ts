// The layout's account links follow the review rule (src/web/policy.ts): a contributor is not
// offered the review queue, a reviewer and an administrator are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { buildUser, password } from '../testing/builders.ts';
import type { Role } from '../accounts/service.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

async function accountLinks(role: Role): Promise<string> {
  const user = await buildUser(t.store, { role });
  const v = new Visitor(t.app);
  await v.signIn('en', user.email, password);
  const page = await v.get('/en/frameworks');
  expect(page.status).toBe(200);
  return /<nav class="account-nav"[\s\S]*?<\/nav>/.exec(page.html)?.[0] ?? '';
}

describe('the review link of the layout', () => {
  it('is offered to reviewers and administrators only', async () => {
    const contributor = await accountLinks('contributor');
    expect(contributor).toContain('href="/en/mine"');
    expect(contributor).not.toContain('href="/en/review"');
    expect(await accountLinks('reviewer')).toContain('href="/en/review"');
    expect(await accountLinks('administrator')).toContain('href="/en/review"');
  });
});
