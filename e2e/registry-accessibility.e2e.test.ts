// axe-core on the account and registry pages, in English and Arabic, as the people who see them:
// an anonymous reader, a contributor signed in (member of an organization with initiatives) and
// a reviewer. Forms are checked empty and as they come back with errors. Same rules as
// accessibility.e2e.test.ts: no serious or critical WCAG 2.x A/AA violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../src/accounts/service.ts';
import { createOrganization } from '../src/organizations/service.ts';
import { createInitiative, transition } from '../src/initiatives/service.ts';
import { initiativeInput } from '../src/initiatives/model.ts';
import { createPledge, pledgeInput, reviewPledge } from '../src/pledges/service.ts';
import { addNode, createRoadmap, publishRoadmap } from '../src/roadmaps/service.ts';
import { nodeInput } from '../src/roadmaps/model.ts';
import { describeFindings, seriousViolations, startSession, type Session } from './browser.ts';

const password = 'correct horse battery staple';
type Who = 'anonymous' | 'contributor' | 'reviewer';

interface Case {
  name: string;
  who: Who;
  /** The path after the language prefix; ":published" and ":submitted" stand for the initiatives' ids. */
  path: string;
  /** Send the page's main form as it is (empty, or with `fill`) to check the page with its errors. */
  send?: { fill?: Record<string, string>; status: number };
}

const cases: Case[] = [
  { name: 'sign-up', who: 'anonymous', path: '/sign-up' },
  {
    name: 'sign-up with errors',
    who: 'anonymous',
    path: '/sign-up',
    send: { fill: { '#f-email': 'not-an-address', '#f-password': 'short' }, status: 400 },
  },
  { name: 'sign-in', who: 'anonymous', path: '/sign-in' },
  { name: 'password reset', who: 'anonymous', path: '/password-reset' },
  { name: 'account', who: 'contributor', path: '/account' },
  { name: 'organizations', who: 'anonymous', path: '/organizations' },
  { name: 'organization (its administrator)', who: 'contributor', path: '/organizations/:organization' },
  { name: 'organization form', who: 'contributor', path: '/organizations/new' },
  { name: 'registry', who: 'anonymous', path: '/registry?area=KEN' },
  { name: 'initiative form', who: 'contributor', path: '/initiatives/new' },
  { name: 'initiative form with errors', who: 'contributor', path: '/initiatives/new', send: { status: 400 } },
  { name: 'initiative (published, anonymous)', who: 'anonymous', path: '/initiatives/:published' },
  { name: 'initiative (submitted, reviewer)', who: 'reviewer', path: '/initiatives/:submitted' },
  { name: 'history', who: 'anonymous', path: '/initiatives/:published/history' },
  { name: 'review queue', who: 'reviewer', path: '/review' },
  { name: 'my organizations', who: 'contributor', path: '/mine' },
  { name: 'pledge of an organization (anonymous)', who: 'anonymous', path: '/pledges/:pledge' },
  { name: 'pledge of an organization (reviewer)', who: 'reviewer', path: '/pledges/:pledge' },
  {
    name: 'organization pledge form with errors',
    who: 'contributor',
    path: '/organizations/:organization/pledges/new',
    send: { status: 400 },
  },
  { name: 'registry with refinements', who: 'anonymous', path: '/registry?status=ongoing' },
  { name: 'registry world map', who: 'anonymous', path: '/registry/map' },
  { name: 'roadmaps', who: 'anonymous', path: '/roadmaps' },
  { name: 'roadmap form', who: 'contributor', path: '/roadmaps/new' },
  { name: 'roadmap (published, anonymous)', who: 'anonymous', path: '/roadmaps/:roadmap' },
  { name: 'roadmap draft with failed checks (its owner)', who: 'contributor', path: '/roadmaps/:draftRoadmap' },
  { name: 'roadmap part form', who: 'contributor', path: '/roadmaps/:draftRoadmap/nodes/new' },
  { name: 'implementation map', who: 'anonymous', path: '/implementation' },
  { name: 'implementation map by action', who: 'anonymous', path: '/implementation?rows=action&objective=gdc.obj.1&measure=activities' },
  { name: 'implementation map cell', who: 'anonymous', path: '/implementation/cell?row=gdc.11.c&column=wsis.C2' },
  { name: 'gap list', who: 'anonymous', path: '/implementation/gaps' },
  { name: 'overlaps', who: 'anonymous', path: '/implementation/overlaps' },
  { name: 'joint roadmap view', who: 'anonymous', path: '/implementation/joint' },
  { name: 'AI capacity-building map', who: 'anonymous', path: '/implementation/ai' },
  { name: 'financial commitments', who: 'anonymous', path: '/implementation/finance' },
];

describe('accessibility of the account and registry pages (axe-core, WCAG 2.2 AA)', () => {
  let session: Session;
  const pages = {} as Record<Who, Page>;
  const ids: Record<string, string> = {};

  /** A browser context signed in through the sign-in form. */
  async function signedIn(email: string): Promise<Page> {
    const page = await session.newPage();
    page.context().setDefaultTimeout(10_000);
    await page.goto('/en/sign-in');
    await page.locator('#f-email').fill(email);
    await page.locator('#f-password').fill(password);
    await Promise.all([page.waitForURL('**/en/account'), page.locator('main button[type=submit]').click()]);
    return page;
  }

  beforeAll(async () => {
    session = await startSession();
    const { store } = session.app;
    const [contributor, reviewer] = await Promise.all([
      createUser(store, { email: 'contributor@example.org', name: 'Amina Diallo', password }),
      createUser(store, { email: 'reviewer@example.org', name: 'Rita Reviewer', password, role: 'reviewer' }),
    ]);
    const organization = await createOrganization(store, contributor, {
      name: 'Rural Connect Kenya',
      stakeholderType: 'civil-society',
      country: 'KEN',
      website: 'https://example.org',
      description: 'A cooperative of community network operators.',
    });
    const initiative = (title: string, fr: string) =>
      initiativeInput.parse({
        leadOrganizationId: organization.id,
        status: 'ongoing',
        startDate: '2024-01-01',
        endDate: '2028-12-31',
        budget: { amount: 250000, currency: 'USD' },
        texts: [
          { lang: 'en', title, description: 'Community networks bring affordable broadband to rural schools in Kenya and Uganda.' },
          { lang: 'fr', title: fr, description: 'Des réseaux communautaires apportent un haut débit abordable aux écoles rurales.' },
        ],
        areas: ['KEN', 'UGA'],
        webLinks: [{ url: 'https://example.org/community-networks', label: 'Project page' }],
        links: [
          { elementId: 'gdc.11.c', evidence: 'Deploys local network infrastructure in rural and remote areas.' },
          { elementId: 'wsis.C2', type: 'relates-to', evidence: 'Builds information and communication infrastructure.' },
        ],
      });
    const published = await createInitiative(
      store,
      contributor,
      initiative('Community networks for rural schools', 'Réseaux communautaires'),
    );
    const submitted = await createInitiative(store, contributor, initiative('Open data for SDG monitoring', 'Données ouvertes'));
    await transition(store, contributor, published.id, 'submit');
    await transition(store, contributor, submitted.id, 'submit');
    await transition(store, reviewer, published.id, 'publish');
    const pledge = await createPledge(
      store,
      contributor,
      null,
      pledgeInput.parse({
        metric: 'Schools connected by community networks',
        unit: 'schools',
        baselineValue: 0,
        baselineDate: '2024-01-01',
        targetValue: 400,
        targetDate: '2028-12-31',
        areas: ['KEN'],
      }),
      organization.id,
    );
    await reviewPledge(store, reviewer, pledge, 'publish');
    ids.pledge = pledge;
    // A published roadmap with an outcome, an output and an activity; and a draft that fails its checks.
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
        dueDate: '2027-06-30',
      }),
    );
    expect((await publishRoadmap(store, contributor, roadmap)).published).toBe(true);
    ids.roadmap = roadmap;
    const draft = await createRoadmap(store, contributor, {
      title: 'Draft roadmap',
      description: '',
      lang: 'en',
      ownerOrganizationId: organization.id,
      actionLineId: null,
    });
    await addNode(store, contributor, draft, part({ title: 'An outcome without an indicator' }));
    ids.draftRoadmap = draft;
    ids.organization = organization.id;
    ids.published = published.id;
    ids.submitted = submitted.id;

    const anonymous = await session.newPage();
    anonymous.context().setDefaultTimeout(10_000);
    [pages.contributor, pages.reviewer] = await Promise.all([signedIn('contributor@example.org'), signedIn('reviewer@example.org')]);
    pages.anonymous = anonymous;
  });
  afterAll(() => session?.close());

  const all = (['en', 'ar'] as const).flatMap((lang) => cases.map((c): [string, string, Case] => [lang, c.name, c]));

  it.each(all)('/%s: %s has no serious or critical violation', async (lang, _name, c) => {
    const page = pages[c.who];
    const url = `/${lang}${c.path.replace(/:(\w+)/g, (_, key: string) => ids[key]!)}`;
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    expect(await page.locator('html').getAttribute('dir'), url).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    let shown = url;
    if (c.send) {
      for (const [selector, value] of Object.entries(c.send.fill ?? {})) await page.locator(selector).fill(value);
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('main form[method=post] button[type=submit]').first().click(),
      ]);
      expect(answer.status(), `POST ${url}`).toBe(c.send.status);
      await page.waitForLoadState('load');
      expect(await page.locator('main .error-summary').count(), `POST ${url} shows its errors`).toBe(1);
      shown = `${url} (sent with errors)`;
    }
    const findings = await seriousViolations(page);
    if (findings.length) expect.fail(describeFindings(shown, findings));
  });
});
