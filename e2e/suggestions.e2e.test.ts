// Suggestions as you type in the initiative form (issue 16, item 5), JavaScript on: the place
// field and the element finder are comboboxes (WAI-ARIA pattern) that suggest as the reader
// types; "Ken" gives Kenya (chosen with the keyboard), "blended financing" gives GDC action 11(b)
// (chosen by its text), and the initiative is saved linked to gdc.11.b in Kenya. Reading pages
// load no script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page, Response } from 'playwright-core';
import { translator } from '../src/i18n/index.ts';
import { endonyms } from '../src/language/languages.ts';
import { createUser } from '../src/accounts/service.ts';
import { createOrganization } from '../src/organizations/service.ts';
import { describeFindings, seriousViolations, startSession, type Session } from './browser.ts';

const en = translator('en');
const password = 'correct horse battery staple';
const email = 'achieng.contributor@example.org';
const organizationName = 'Lake Region Connectivity Trust';
const title = 'Blended finance for school connectivity';

/** Clicks a form's button and waits for the page the POST answered with (after any redirect). */
async function submitForm(page: Page, button: Locator): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
  await page.waitForLoadState('load');
  return response;
}

describe('suggestions as you type, JavaScript on', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startSession();
    const user = await createUser(session.app.store, { email, name: 'Achieng Contributor', password });
    await createOrganization(session.app.store, user, { name: organizationName, stakeholderType: 'civil-society' });
    page = await session.newPage();
    page.context().setDefaultTimeout(20_000);
    await page.goto('/en/sign-in');
    await page.getByLabel(en('account.email'), { exact: true }).fill(email);
    await page.getByLabel(en('account.password'), { exact: true }).fill(password);
    await submitForm(page, page.locator('main').getByRole('button', { name: en('nav.signIn'), exact: true }));
  });
  afterAll(() => session?.close());

  it('loads no script on reading pages', async () => {
    for (const path of ['/en/', '/en/registry', '/en/elements/gdc.11.b', '/ar/areas/KEN']) {
      await page.goto(path);
      expect(await page.evaluate(() => document.scripts.length), path).toBe(0);
    }
  });

  it('suggests Kenya for "Ken" in the place field, chosen with the keyboard', async () => {
    await page.goto('/en/initiatives/new');
    await page.getByLabel(`${en('initiative.title')} (${endonyms.en})`, { exact: true }).fill(title);
    await page
      .getByLabel(`${en('initiative.description')} (${endonyms.en})`, { exact: true })
      .fill('Pools public and private money to bring the Internet to schools around Lake Victoria.');
    await page.getByLabel(en('initiative.lead'), { exact: true }).selectOption({ label: organizationName });

    const places = page.getByRole('combobox', { name: en('initiative.areas') });
    await places.pressSequentially('Uganda, Ken', { delay: 40 });
    const kenya = page.getByRole('option', { name: 'Kenya', exact: true });
    await kenya.waitFor();
    expect(await places.getAttribute('aria-expanded')).toBe('true');
    const listbox = page.locator(`#${await places.getAttribute('aria-controls')}`);
    expect(await listbox.getAttribute('role')).toBe('listbox');
    // The open list passes axe as it is.
    const findings = await seriousViolations(page);
    if (findings.length) expect.fail(describeFindings(page.url(), findings));

    await places.press('ArrowDown');
    expect(await places.getAttribute('aria-activedescendant')).toBe(await listbox.getByRole('option').first().getAttribute('id'));
    expect(await listbox.getByRole('option').first().textContent()).toBe('Kenya');
    await places.press('Enter');
    expect(await places.inputValue()).toBe('Uganda, Kenya');
    expect(await places.getAttribute('aria-expanded')).toBe('false');
    // Enter chose the suggestion and sent nothing.
    expect(new URL(page.url()).pathname).toBe('/en/initiatives/new');
  });

  it('suggests gdc.11.b by the words of its text, and adds it to a link row when chosen', async () => {
    const finder = page.getByRole('combobox', { name: en('initiative.pick.query') });
    await finder.pressSequentially('blended financing', { delay: 40 });
    const option = page.getByRole('option', { name: /Develop innovative and blended financing mechanisms/ });
    await option.waitFor();
    expect(await option.textContent()).toMatch(/^Action 11 \(b\): Develop innovative/);
    // Choosing posts the form as the finder's "add" button does: everything typed comes back.
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), option.click()]);
    await page.waitForLoadState('load');
    expect(await page.locator('main .notice[role=status]').textContent()).toBe(en('initiative.pick.added', { count: 1 }));
    expect(await page.getByLabel(`${en('initiative.element')} 1`, { exact: true }).inputValue()).toBe('gdc.11.b');
    expect(await page.locator('main .linked-element').first().textContent()).toContain('blended financing mechanisms');
    expect(await page.getByLabel(`${en('initiative.title')} (${endonyms.en})`, { exact: true }).inputValue()).toBe(title);
    expect(await page.getByRole('combobox', { name: en('initiative.areas') }).inputValue()).toBe('Uganda, Kenya');
  });

  it('saves the initiative linked to gdc.11.b, in Kenya and Uganda', async () => {
    await page.getByLabel(`${en('initiative.evidence')} 1`, { exact: true }).fill('Finances school connections in rural Kenya.');
    const saved = await submitForm(page, page.getByRole('button', { name: en('initiative.saveDraft'), exact: true }));
    expect(saved.status()).toBe(303);
    expect(new URL(page.url()).pathname).toMatch(/^\/en\/initiatives\/[0-9a-f-]{36}$/);
    const facts = await page.locator('main dl.facts').textContent();
    expect(facts).toContain('Kenya');
    expect(facts).toContain('Uganda');
    expect(await page.locator('main a[href="/en/elements/gdc.11.b"]').count()).toBe(1);
  });
});
