// axe-core on the indicator pages (catalogue, an indicator with its charts and tables, the 2030
// dashboard, a country and a group profile), in English and Arabic (right to left), and the pages
// read without JavaScript: the charts are inline SVG with their tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeFindings, seriousViolations, startSession, type Session } from './browser.ts';

const pages = [
  '/indicators',
  '/indicators/import',
  '/indicators/IT.NET.USER.ZS?area=LDC',
  '/indicators/dashboard',
  '/areas/GBR',
  '/areas/LDC',
];
const cases: [string, string][] = [...pages.map((p): [string, string] => ['en', p]), ...pages.map((p): [string, string] => ['ar', p])];

describe('indicator pages (axe-core, WCAG 2.2 AA)', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await startSession();
    page = await session.newPage();
  });
  afterAll(() => session?.close());

  it.each(cases)('/%s%s has no serious or critical violation', async (lang, path) => {
    const url = `/${lang}${path}`;
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    const findings = await seriousViolations(page);
    if (findings.length) expect.fail(describeFindings(url, findings));
  });

  it('shows the chart as an image with a name, and its data table', async () => {
    await page.goto('/en/indicators/IT.NET.USER.ZS?area=001');
    const chart = page.getByRole('img', { name: /Individuals using the Internet/ }).first();
    expect(await chart.count()).toBe(1);
    expect(await page.locator('figure.chart table').count()).toBeGreaterThan(0);
  });
});
