// The document pages in a real browser: axe-core finds no serious or critical WCAG 2.2 AA
// violation on the list, a document (English and Arabic), the side-by-side view, a placeholder
// and search; the Arabic document reads right to left.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeFindings, seriousViolations, startSession, type Session } from './browser.ts';
import { ingestFile } from '../src/documents/service.ts';

const seeds = ['001_b2b2b425cb4da82d.txt', '004_d358089ea9b32d0d.txt'];

describe('document pages (axe-core, WCAG 2.2 AA)', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await startSession();
    for (const name of seeds)
      await ingestFile(session.app.store, await readFile(`data/documents/seeds/${name}`), { fileName: name, provenance: 'e2e' });
    page = await session.newPage();
  });
  afterAll(() => session?.close());

  const cases: [string, string][] = [
    ['en', '/documents'],
    ['ar', '/documents'],
    ['en', '/documents/a-res-79-194'],
    ['ar', '/documents/a-res-80-173'],
    ['en', '/documents/a-res-80-173'],
    ['en', '/documents/cited?symbol=A%2FRES%2F70%2F125'],
    ['en', '/documents/search?q=broadband'],
    ['en', '/documents/citations'],
    ['en', '/documents/a-res-79-194/links'],
    ['en', '/documents/a-res-79-194/compare'],
    ['ar', `/documents/search?q=${encodeURIComponent('الإنترنت')}&in=ar`],
  ];

  it.each(cases)('/%s%s has no serious or critical violation', async (lang, path) => {
    const url = `/${lang}${path}`;
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    const findings = await seriousViolations(page);
    if (findings.length) expect.fail(describeFindings(url, findings));
  });

  it('shows the Arabic resolution right to left', async () => {
    await page.goto('/ar/documents/a-res-80-173');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.document-text').getAttribute('dir')).toBe('rtl');
  });
});
