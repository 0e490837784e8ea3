// Issue 16's "done when" for forms, in a real browser with JavaScript off: a user registers an
// initiative linked to gdc.11.b without knowing that id (found by the words of its text and
// ticked), and chooses Kenya by name; the form with the finder's answer and the registry pass axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page, Response } from 'playwright-core';
import { translator } from '../src/i18n/index.ts';
import { endonyms } from '../src/language/languages.ts';
import { createUser } from '../src/accounts/service.ts';
import { createOrganization } from '../src/organizations/service.ts';
import { describeFindings, seriousViolations, startSession, type Session } from './browser.ts';

const en = translator('en');
const password = 'correct horse battery staple';
const email = 'wanjiru.contributor@example.org';
const organizationName = 'Nairobi Connectivity Fund';
const title = 'Blended finance for last-mile connectivity';

/** Clicks a form's button and waits for the page the POST answered with (after any redirect). */
async function submitForm(page: Page, button: Locator): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
  await page.waitForLoadState('load');
  return response;
}

/**
 * axe runs as a script in the page, which the no-script page refuses: the page as the no-script
 * reader has it (a form's answer included) is checked in a page of the same origin with scripts on.
 */
async function expectNoSeriousViolation(session: Session, page: Page) {
  const checker = await session.newPage();
  try {
    await checker.goto('/en/');
    await checker.setContent(await page.content(), { waitUntil: 'load' });
    const findings = await seriousViolations(checker);
    if (findings.length) expect.fail(describeFindings(page.url(), findings));
  } finally {
    await checker.context().close();
  }
}

describe('registering an initiative without knowing identifiers, JavaScript off', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startSession();
    const user = await createUser(session.app.store, { email, name: 'Wanjiru Contributor', password });
    await createOrganization(session.app.store, user, { name: organizationName, stakeholderType: 'private-sector' });
    page = await session.newPage({ javaScriptEnabled: false });
    page.context().setDefaultTimeout(15_000);
    await page.goto('/en/sign-in');
    await page.getByLabel(en('account.email'), { exact: true }).fill(email);
    await page.getByLabel(en('account.password'), { exact: true }).fill(password);
    await submitForm(page, page.locator('main').getByRole('button', { name: en('nav.signIn'), exact: true }));
  });
  afterAll(() => session?.close());

  it('the registry offers "Register an initiative", and passes axe', async () => {
    await page.goto('/en/registry');
    await expectNoSeriousViolation(session, page);
  });

  it('finds gdc.11.b by the words of its text, keeping what was typed (Kenya by name)', async () => {
    await page.goto('/en/registry');
    await page
      .locator('main')
      .getByRole('link', { name: en('initiative.newTitle'), exact: true })
      .click();
    await page.waitForURL('**/en/initiatives/new');

    await page.getByLabel(`${en('initiative.title')} (${endonyms.en})`, { exact: true }).fill(title);
    await page
      .getByLabel(`${en('initiative.description')} (${endonyms.en})`, { exact: true })
      .fill('Pools public and private money to bring affordable Internet to households not yet connected in Kenya.');
    await page.getByLabel(en('initiative.lead'), { exact: true }).selectOption({ label: organizationName });
    await page.getByLabel(en('initiative.areas')).fill('Kenya');

    // The finder: words, not an identifier.
    await page.getByLabel(en('initiative.pick.query'), { exact: true }).fill('blended financing mechanisms');
    const found = await submitForm(page, page.getByRole('button', { name: en('initiative.pick.find'), exact: true }));
    expect(found.status()).toBe(200);
    // What was typed is still there.
    expect(await page.getByLabel(`${en('initiative.title')} (${endonyms.en})`, { exact: true }).inputValue()).toBe(title);
    expect(await page.getByLabel(en('initiative.areas')).inputValue()).toBe('Kenya');
  });

  it('the form with what the finder found passes axe', async () => {
    expect(await page.locator('input[name=element_pick]').count()).toBeGreaterThan(0);
    await expectNoSeriousViolation(session, page);
  });

  it('ticks the element by its words, adds it to a link row and saves the draft', async () => {
    await page.getByLabel(/Develop innovative and blended financing mechanisms/).check();
    const added = await submitForm(page, page.getByRole('button', { name: en('initiative.pick.add'), exact: true }));
    expect(added.status()).toBe(200);
    expect(await page.locator('main [role=status]').first().textContent()).toBe(en('initiative.pick.added', { count: 1 }));
    expect(await page.locator('main .linked-element').first().textContent()).toContain('blended financing mechanisms');

    await page
      .getByLabel(`${en('initiative.evidence')} 1`, { exact: true })
      .fill('Pools public and private money to connect households in rural Kenya.');
    const saved = await submitForm(page, page.getByRole('button', { name: en('initiative.saveDraft'), exact: true }));
    expect(saved.status()).toBe(303);
    expect(new URL(page.url()).pathname).toMatch(/^\/en\/initiatives\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('main dl.facts').textContent()).toContain('Kenya');
    expect(await page.locator('main a[href="/en/elements/gdc.11.b"]').count()).toBe(1);
  });
});
