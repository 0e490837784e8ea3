// Readable everywhere (issue 16, "Done when"): on a phone (390 px) and a desktop (1280 px), in
// English, Arabic and Chinese, no main page is wider than the screen and axe finds no serious or
// critical violation on it; the header's menu opens without JavaScript; Arabic pages isolate user text.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../src/accounts/service.ts';
import { createOrganization } from '../src/organizations/service.ts';
import { createInitiative, transition } from '../src/initiatives/service.ts';
import { initiativeInput } from '../src/initiatives/model.ts';
import { createPledge, pledgeInput, reviewPledge } from '../src/pledges/service.ts';
import { addNode, createRoadmap, publishRoadmap } from '../src/roadmaps/service.ts';
import { nodeInput } from '../src/roadmaps/model.ts';
import { translator } from '../src/i18n/index.ts';
import { ingestFile } from '../src/documents/service.ts';
import { describeFindings, seriousViolations, startSession, type Session } from './browser.ts';

/** The main pages, after the language prefix; ":initiative" and ":pledge" stand for ids made below. */
const pages = [
  '/',
  '/frameworks/gdc',
  '/elements/gdc.11.b',
  '/crosswalk',
  '/registry',
  '/initiatives/:initiative',
  '/pledges/:pledge',
  '/implementation',
  '/indicators/IT.NET.USER.ZS?area=LDC',
  '/areas/KEN',
  // The GDC (annex I of A/RES/79/1) as the core library reads it.
  '/documents/a-res-79-1',
  '/search?q=connectivity',
  // The reports' web versions: the Compact report for objective 1 and the Kenya profile.
  '/reports/compact/gdc.obj.1',
  '/reports/area/KEN',
];
const languages = ['en', 'ar', 'zh'] as const;

describe('readable on a phone and in Arabic', () => {
  let session: Session;
  const ids: Record<string, string> = {};
  const path = (p: string) => p.replace(/:(\w+)/g, (_, key: string) => ids[key]!);

  beforeAll(async () => {
    session = await startSession();
    const { store } = session.app;
    const [contributor, reviewer] = await Promise.all([
      createUser(store, { email: 'contributor@example.org', name: 'Amina Diallo', password: 'correct horse battery staple' }),
      createUser(store, {
        email: 'reviewer@example.org',
        name: 'Rita Reviewer',
        password: 'correct horse battery staple',
        role: 'reviewer',
      }),
    ]);
    const organization = await createOrganization(store, contributor, {
      name: 'Rural Connect Kenya',
      stakeholderType: 'civil-society',
      country: 'KEN',
      website: 'https://example.org',
      description: 'A cooperative of community network operators.',
    });
    // English text only: on an Arabic page it is user text in another script, and ends with a period.
    const initiative = await createInitiative(
      store,
      contributor,
      initiativeInput.parse({
        leadOrganizationId: organization.id,
        status: 'ongoing',
        startDate: '2024-01-01',
        endDate: '2028-12-31',
        budget: { amount: 2500000, currency: 'USD' },
        texts: [
          {
            lang: 'en',
            title: 'Community networks for rural schools',
            description: 'Lowers entry-level broadband prices for rural households in Kenya and Uganda.',
          },
        ],
        areas: ['KEN', 'UGA'],
        links: [{ elementId: 'gdc.11.c', evidence: 'Deploys local network infrastructure in rural and remote areas.' }],
      }),
    );
    await transition(store, contributor, initiative.id, 'submit');
    await transition(store, reviewer, initiative.id, 'publish');
    const pledge = await createPledge(
      store,
      contributor,
      null,
      pledgeInput.parse({
        metric: 'Rural households connected by community networks',
        unit: 'households',
        baselineValue: 0,
        baselineDate: '2025-01-15',
        targetValue: 40000,
        targetDate: '2028-12-31',
        areas: ['KEN'],
      }),
      organization.id,
    );
    await reviewPledge(store, reviewer, pledge, 'publish');
    const roadmap = await createRoadmap(store, contributor, {
      title: 'Infrastructure roadmap',
      description: 'Action line C2 to 2030.',
      lang: 'en',
      ownerOrganizationId: organization.id,
      actionLineId: 'wsis.C2',
    });
    const part = (over: Record<string, unknown>) => nodeInput.parse({ title: 'Part', status: 'ongoing', ...over });
    const outcome = await addNode(
      store,
      contributor,
      roadmap,
      part({ title: 'Rural schools online', indicators: [{ code: 'IT.NET.USER.ZS' }] }),
    );
    const output = await addNode(store, contributor, roadmap, part({ parentId: outcome, title: 'Community networks licensed' }));
    await addNode(
      store,
      contributor,
      roadmap,
      part({
        parentId: output,
        title: 'Spectrum for community networks',
        elements: ['gdc.11.c', 'wsis.C2'],
        leadOrganizationId: organization.id,
        dueDate: '2099-06-30',
      }),
    );
    expect((await publishRoadmap(store, contributor, roadmap)).published).toBe(true);
    ids.initiative = initiative.id;
    ids.pledge = pledge;
    const gdc = 'data/documents/A_RES_79_1.en.txt';
    await ingestFile(
      store,
      await readFile(gdc),
      { fileName: 'A_RES_79_1.en.txt', provenance: 'e2e' },
      { lang: 'en', symbol: 'A/RES/79/1' },
    );
  });
  afterAll(() => session?.close());

  for (const width of [390, 1280]) {
    describe(`at ${width} px`, () => {
      let page: Page;
      beforeAll(async () => {
        page = await session.newPage({ viewport: { width, height: 844 } });
      });

      // One visit per URL: the width is measured, then axe runs on the page as it is.
      it.each(languages.flatMap((lang) => pages.map((p): [string, string] => [lang, p])))(
        '/%s%s is no wider than the screen, and axe finds nothing serious',
        async (lang, p) => {
          const url = `/${lang}${path(p)}`;
          const response = await page.goto(url);
          expect(response?.status(), url).toBe(200);
          const wide = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(wide, url).toBeLessThanOrEqual(width);
          const findings = await seriousViolations(page);
          if (findings.length) expect.fail(describeFindings(url, findings));
        },
        // The GDC's document page holds the whole Pact for the Future: axe takes long over it on a busy machine.
        180_000,
      );
    });
  }

  describe('the header on a phone, without JavaScript', () => {
    let page: Page;
    beforeAll(async () => {
      page = await session.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    });

    it.each(languages)('/%s/: the menu is folded, and opens and closes', async (lang) => {
      const t = translator(lang);
      await page.goto(`/${lang}/`);
      const registry = page.locator('header.site-header').getByRole('link', { name: t('nav.registry'), exact: true });
      expect(await registry.isVisible()).toBe(false);
      const toggle = page.locator('header.site-header summary');
      expect(await toggle.textContent()).toContain(t('layout.menu'));
      // The header takes little of the screen while folded.
      const folded = await page.locator('header.site-header').boundingBox();
      expect(folded!.height).toBeLessThan(120);
      await toggle.click();
      expect(await registry.isVisible()).toBe(true);
      await registry.click();
      await page.waitForURL(`**/${lang}/registry`);
    });

    it('shows every link and no toggle on a wide screen', async () => {
      const wide = await session.newPage({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
      await wide.goto('/en/');
      const header = wide.locator('header.site-header');
      expect(await header.locator('summary').isVisible()).toBe(false);
      expect(await header.getByRole('link', { name: translator('en')('nav.registry'), exact: true }).isVisible()).toBe(true);
      expect(await header.getByRole('link', { name: 'العربية', exact: true }).isVisible()).toBe(true);
    });
  });

  describe('right to left', () => {
    let page: Page;
    beforeAll(async () => {
      page = await session.newPage({ locale: 'ar' });
    });

    it.each([...pages, '/elements/gdc.11.c'])(
      '/ar%s isolates every left-to-right text that begins or ends with a neutral sign',
      async (p) => {
        await page.goto(`/ar${path(p)}`);
        // Such a text ("Lowers prices.", "Countries (LDC)") is reordered in a right-to-left
        // paragraph unless something gives it its own direction: a dir attribute, <bdi>, an
        // inline isolate (code), a cell whose direction comes from its text (plaintext), FSI…PDI.
        const mixed = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          const found: string[] = [];
          const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = (n.textContent ?? '').trim();
            const strong = /[A-Za-z\u0590-\u08FF]/.exec(text)?.[0] ?? '';
            if (!/[A-Za-z]/.test(strong) || !/^[^\p{L}\p{N}]|[^\p{L}\p{N}]$/u.test(text)) continue;
            // A chart's name is read out, not laid out; a message marks its values with FSI…PDI.
            let own = Boolean(n.parentElement!.closest('svg')) || text.includes('\u2068');
            for (let el: Element | null = n.parentElement; el && el !== main.parentElement && !own; el = el.parentElement) {
              const style = getComputedStyle(el);
              own =
                el.hasAttribute('dir') ||
                el.tagName === 'BDI' ||
                style.unicodeBidi === 'plaintext' ||
                (style.unicodeBidi === 'isolate' && style.display === 'inline');
            }
            if (!own) found.push(text.slice(0, 80));
          }
          return found;
        });
        expect(mixed).toEqual([]);
      },
    );

    it('keeps the period of an English description at its end on an Arabic page', async () => {
      await page.goto(`/ar${path('/initiatives/:initiative')}`);
      const description = page.getByText('Lowers entry-level broadband prices', { exact: false }).first();
      expect(await description.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    });

    it('shows the budget as Arabic formats money, and keeps a chart time axis left to right', async () => {
      await page.goto(`/ar${path('/initiatives/:initiative')}`);
      const money = new Intl.NumberFormat('ar', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(2500000);
      expect(await page.locator('main').textContent()).toContain(money);
      await page.goto('/ar/indicators/IT.NET.USER.ZS?area=LDC');
      const ticks = await page
        .locator('figure.chart svg')
        .first()
        .evaluate((svg) => {
          const years = [...svg.querySelectorAll('text')]
            .map((t) => ({ year: Number(t.textContent), x: t.getBoundingClientRect().left }))
            .filter((t) => t.year >= 1990 && t.year <= 2030);
          return years;
        });
      expect(ticks.length).toBeGreaterThan(1);
      const first = ticks.reduce((a, b) => (a.year < b.year ? a : b));
      const last = ticks.reduce((a, b) => (a.year > b.year ? a : b));
      expect(first.x).toBeLessThan(last.x);
    });
  });
});
