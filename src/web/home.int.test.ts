// The front page (issue 16, item 1) and user text on right-to-left pages (item 3), read through
// HTTP in-process: an initiative, a pledge and a roadmap activity are published, then the front
// page counts them under their GDC objective, lists what falls due and what was added, leads into
// every section; the Arabic pages isolate what people wrote and write money and dates as Arabic does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { createUser } from '../accounts/service.ts';
import { createOrganization } from '../organizations/service.ts';
import { createInitiative, transition } from '../initiatives/service.ts';
import { initiativeInput } from '../initiatives/model.ts';
import { createPledge, pledgeInput, reviewPledge } from '../pledges/service.ts';
import { addNode, createRoadmap, publishRoadmap } from '../roadmaps/service.ts';
import { nodeInput } from '../roadmaps/model.ts';
import { translator } from '../i18n/index.ts';
import { languages } from '../language/languages.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const title = 'Community networks for rural schools.';
const description = 'Lowers entry-level broadband prices for rural households.';

async function page(url: string): Promise<string> {
  const response = await t.app.request(url);
  expect(response.status, url).toBe(200);
  return response.text();
}

beforeAll(async () => {
  t = await openTestApp();
  const { store } = t;
  const password = 'correct horse battery staple';
  const [contributor, reviewer] = await Promise.all([
    createUser(store, { email: 'home.contributor@example.org', name: 'Amina Diallo', password }),
    createUser(store, { email: 'home.reviewer@example.org', name: 'Rita Reviewer', password, role: 'reviewer' }),
  ]);
  const organization = await createOrganization(store, contributor, {
    name: 'Rural Connect Kenya',
    stakeholderType: 'civil-society',
    country: 'KEN',
    website: 'https://example.org',
    description: 'A cooperative of community network operators.',
  });
  const initiative = await createInitiative(
    store,
    contributor,
    initiativeInput.parse({
      leadOrganizationId: organization.id,
      status: 'ongoing',
      startDate: '2024-01-01',
      endDate: '2028-12-31',
      budget: { amount: 2500000, currency: 'USD' },
      texts: [{ lang: 'en', title, description }],
      areas: ['KEN'],
      links: [{ elementId: 'gdc.11.c', evidence: 'Deploys local network infrastructure in rural areas.' }],
    }),
  );
  await transition(store, contributor, initiative.id, 'submit');
  await transition(store, reviewer, initiative.id, 'publish');
  const pledge = await createPledge(
    store,
    contributor,
    null,
    pledgeInput.parse({
      metric: 'Rural households connected',
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
  const due = { title: 'Spectrum for community networks', elements: ['gdc.11.c', 'wsis.C2'], leadOrganizationId: organization.id };
  ids.due = await addNode(store, contributor, roadmap, part({ ...due, parentId: output, dueDate: '2099-06-30' }));
  // Past activities do not fall due next.
  await addNode(
    store,
    contributor,
    roadmap,
    part({ ...due, parentId: output, title: 'Spectrum consultation held', dueDate: '2001-01-31' }),
  );
  expect((await publishRoadmap(store, contributor, roadmap)).published).toBe(true);
  ids.roadmap = roadmap;
  ids.initiative = initiative.id;
  ids.pledge = pledge;
});
afterAll(() => t.close());

describe('the front page', () => {
  it('counts what serves each GDC objective, with its indicators', async () => {
    const html = await page('/en/');
    const en = translator('en');
    for (const n of [1, 2, 3, 4, 5])
      expect(html).toContain(`href="/en/elements/gdc.obj.${n}">${en('element.label.objective', { code: String(n) })}</a>`);
    // gdc.11.c lies under objective 1: the initiative is counted there, and leads to the registry filtered by it.
    expect(html).toContain('<a href="/en/registry?element=gdc.obj.1">1</a>');
    expect(html).toContain('<a href="/en/registry?element=gdc.obj.2">0</a>');
    for (const measure of ['initiatives', 'pledges', 'activities', 'indicators'] as const) {
      expect(html).toContain(`<dt>${en(`coverage.measure.${measure}`)}</dt>`);
    }
    // Mandates due this year under each objective, leading to the mandates list filtered alike
    // (no document is read in this store, so none is due).
    const year = new Date().getUTCFullYear();
    expect(html).toContain(`<dt>${en('home.mandatesDue', { year })}</dt>`);
    expect(html).toContain(`<a href="/en/mandates?element=gdc.obj.1&amp;year=${year}">0</a>`);
    expect((await t.app.request(`/en/mandates?element=gdc.obj.1&year=${year}`)).status).toBe(200);
  });

  it('lists what falls due next (not what is past) and the latest additions, as their authors wrote them', async () => {
    const html = await page('/en/');
    expect(html).toContain(`href="/en/roadmaps/${ids.roadmap}#node-${ids.due}"><bdi lang="en">Spectrum for community networks</bdi></a>`);
    expect(html).toContain(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2099-06-30T00:00:00Z')));
    expect(html).not.toContain('Spectrum consultation held');
    expect(html).toContain(`href="/en/initiatives/${ids.initiative}"><bdi lang="en">${title}</bdi></a>`);
  });

  it('leads into every section, and needs no script', async () => {
    const html = await page('/en/');
    const main = html.slice(html.indexOf('<main'));
    for (const path of [
      '/registry',
      '/implementation',
      '/indicators',
      '/documents',
      '/reports',
      '/frameworks',
      '/crosswalk',
      '/search',
      '/api',
      '/roadmaps',
    ]) {
      expect(main).toContain(`href="/en${path}"`);
    }
    for (const id of ['sdg', 'gdc', 'wsis', 'pact']) expect(main).toContain(`href="/en/frameworks/${id}"`);
    expect(html).not.toContain('<script');
  });

  it.each(languages)('is in %s, with the figures in its own words', async (lang) => {
    const html = await page(`/${lang}/`);
    const t = translator(lang);
    expect(html).toContain(`<html lang="${lang}"`);
    for (const key of ['home.standing', 'home.due', 'home.latest', 'home.sections'] as const) expect(html).toContain(t(key));
  });
});

describe('right to left', () => {
  it('isolates an English title and description on an Arabic page, and writes the budget and dates as Arabic does', async () => {
    const html = await page(`/ar/initiatives/${ids.initiative}`);
    // The description keeps its own direction (its period at its end), the title too.
    expect(html).toMatch(new RegExp(`<h1 [^>]*dir="auto"[^>]*>${title.replace('.', '\\.')}</h1>`));
    expect(html).toMatch(/<div lang="en" dir="auto"><p class="text">Lowers entry-level/);
    const money = new Intl.NumberFormat('ar', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(2500000);
    expect(html).toContain(`<bdi class="value">${money}</bdi>`);
    const date = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2024-01-01T00:00:00Z'));
    expect(html).toContain(`<bdi class="value">${date}</bdi>`);
    expect(html).not.toContain('2024-01-01 –');
  });

  it('keeps a pledge value next to its unit and date, each isolated', async () => {
    const html = await page(`/ar/pledges/${ids.pledge}`);
    const date = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2025-01-15T00:00:00Z'));
    expect(html).toContain(`0 <bdi>households</bdi> (<bdi class="value">${date}</bdi>)`);
    // The progress chart's time axis runs left to right on an Arabic page too.
    expect(html).toMatch(/<svg [^>]*direction="ltr"/);
  });

  it('isolates a French-formatted amount on a French page the same way', async () => {
    const html = await page(`/fr/initiatives/${ids.initiative}`);
    expect(html).toContain(
      `<bdi class="value">${new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(2500000)}</bdi>`,
    );
  });
});
