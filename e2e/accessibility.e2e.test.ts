// axe-core on the reading pages, in English, Arabic and (home and an element) Chinese: no
// serious or critical WCAG 2.x A/AA violation (issue 2, "Done when"). A failure lists each
// violation's rule, impact, help and first targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeFindings, seriousViolations, startSession, type Session } from './browser.ts';

/** Every reading page, as a path after the language prefix. */
const pages = [
  '/',
  '/frameworks/sdg',
  '/frameworks/gdc',
  '/elements/sdg.9.c',
  '/elements/gdc.11.b',
  '/elements/wsis.C7.e-health',
  '/crosswalk',
  '/crosswalk?rows=gdc-objectives&columns=wsis-lines',
  '/crosswalk/cell?row=gdc.obj.1&column=wsis.C2',
  '/search?q=connectivity',
  '/sources',
  '/api',
];

const cases: [string, string][] = [
  ...pages.map((p): [string, string] => ['en', p]),
  ...pages.map((p): [string, string] => ['ar', p]),
  ['zh', '/'],
  ['zh', '/elements/sdg.9.c'],
  ['zh', '/elements/gdc.11.b'],
];

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
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
});
