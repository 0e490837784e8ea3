// Pledges as a new user makes them: an initiative with a pledge and a progress update, all
// invisible until a reviewer publishes the initiative; later reports wait for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
// `n`: the number the last unique address carries (a live binding), to name things after it.
import { serial as n, uniqueEmail as unique } from '../testing/builders.ts';
import { catalogs } from '../i18n/index.ts';
import { createUser } from '../accounts/service.ts';

let t: TestApp;
const password = 'correct horse battery';

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
});
afterAll(() => t.close());

async function reviewer() {
  const email = unique('reviewer');
  await createUser(t.store, { email, name: 'Pledge Reviewer', password, role: 'reviewer' });
  const v = new Visitor(t.app);
  await v.signIn('en', email, password);
  return v;
}

describe('a pledge with progress, from draft to public', () => {
  it('publishes the pledge and its progress with the initiative, and reviews later reports', async () => {
    const v = new Visitor(t.app);
    await v.signUp('en', 'Pledger', unique('pledger'), password);
    await v.get('/en/organizations/new');
    const org = (await v.post('/en/organizations/new', { name: `Connect Schools Alliance ${n}`, stakeholderType: 'private-sector' }))
      .location!.split('/')
      .pop()!
      .split('?')[0]!;
    await v.get('/en/initiatives/new');
    const path = (
      await v.post('/en/initiatives/new', {
        leadOrganizationId: org,
        status: 'ongoing',
        title_en: `Giga schools connectivity ${n}`,
        description_en: 'Connecting public schools to the Internet in East Africa.',
        areas: 'KEN',
        link_element_0: 'gdc.11.a',
        link_evidence_0: 'Measures school connectivity against agreed targets.',
      })
    ).location!.split('?')[0]!;
    const id = path.split('/').pop()!;

    await v.get(`${path}/pledges/new`);
    const bad = await v.post(`${path}/pledges/new`, {
      metric: 'Schools connected',
      unit: 'schools',
      baselineValue: '200',
      baselineDate: '2024-01-01',
      targetValue: '200',
      targetDate: '2023-01-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain(catalogs.en['pledge.targetBeforeBaseline']!);
    expect(bad.html).toContain('value="Schools connected"');
    const added = await v.post(`${path}/pledges/new`, {
      metric: 'Schools connected',
      unit: 'schools',
      baselineValue: '200',
      baselineDate: '2024-01-01',
      targetValue: '1000',
      targetDate: '2028-01-01',
      beneficiaries: '150000',
    });
    expect(added.status).toBe(303);

    const draft = await v.get(path);
    const pledgeId = /href="\/en\/pledges\/([0-9a-f-]+)\/report"/.exec(draft.html)![1]!;
    await v.get(`/en/pledges/${pledgeId}/report`);
    expect(
      (
        await v.post(`/en/pledges/${pledgeId}/report`, {
          date: '2025-06-30',
          value: '520',
          narrative: 'Three hundred and twenty schools connected in Kenya.',
        })
      ).status,
    ).toBe(303);
    await v.get(`/en/pledges/${pledgeId}/transactions/new`);
    expect(
      (
        await v.post(`/en/pledges/${pledgeId}/transactions/new`, {
          kind: 'disbursed',
          amount: '1200000',
          currency: 'usd',
          date: '2025-03-01',
        })
      ).status,
    ).toBe(303);

    // Invisible to the public, through pages and the API.
    const anonymous = new Visitor(t.app);
    expect((await anonymous.get(path)).status).toBe(404);
    expect((await t.app.request(`/api/v1/initiatives/${id}/pledges`)).status).toBe(404);

    await v.get(path);
    await v.post(`${path}/submit`, { confirm: '1' });
    const r = await reviewer();
    await r.get(path);
    expect((await r.post(`${path}/publish`)).status).toBe(303);

    const api = (await (await t.app.request(`/api/v1/initiatives/${id}/pledges`)).json()) as {
      progressPercent: number;
      items: {
        progress: { status: string; progressPercent: number };
        updates: { state: string }[];
        money: { kind: string; amount: number; currency: string }[];
      }[];
    };
    expect(api.items).toHaveLength(1);
    expect(api.items[0]!.updates.map((u) => u.state)).toEqual(['published']);
    expect(api.items[0]!.progress.progressPercent).toBe(40);
    expect(api.items[0]!.money).toEqual([{ kind: 'disbursed', currency: 'USD', amount: 1200000 }]);
    expect(api.progressPercent).toBe(40);
    const page = await anonymous.get(path);
    expect(page.html).toContain('Schools connected');
    expect(page.html).toContain('<svg');
    expect(page.html).toContain(catalogs.en['pledge.rule.on-track']!);

    // A later report waits for a reviewer before it is public.
    await v.get(`/en/pledges/${pledgeId}/report`);
    await v.post(`/en/pledges/${pledgeId}/report`, {
      date: '2026-06-30',
      value: '700',
      narrative: 'Another 180 schools connected in Uganda.',
    });
    const before = (await (await t.app.request(`/api/v1/initiatives/${id}/pledges`)).json()) as { items: { updates: unknown[] }[] };
    expect(before.items[0]!.updates).toHaveLength(1);
    const queue = await r.get('/en/review');
    const updateId = /action="\/en\/progress\/([0-9a-f-]+)\/publish"/.exec(queue.html)![1]!;
    expect((await r.post(`/en/progress/${updateId}/publish`)).status).toBe(303);
    const after = (await (await t.app.request(`/api/v1/initiatives/${id}/pledges`)).json()) as { items: { updates: unknown[] }[] };
    expect(after.items[0]!.updates).toHaveLength(2);

    const history = await anonymous.get(`${path}/history`);
    for (const action of ['pledge', 'progress', 'transaction', 'publish', 'publish-progress']) {
      expect(history.html).toContain(catalogs.en[`history.action.${action}`]!);
    }
  });

  it('refuses pledges and reports on another organization’s initiative', async () => {
    const owner = new Visitor(t.app);
    await owner.signUp('en', 'Owner', unique('owner'), password);
    await owner.get('/en/organizations/new');
    const org = (await owner.post('/en/organizations/new', { name: `Owner Org ${n}`, stakeholderType: 'academia' }))
      .location!.split('/')
      .pop()!
      .split('?')[0]!;
    await owner.get('/en/initiatives/new');
    const path = (
      await owner.post('/en/initiatives/new', {
        leadOrganizationId: org,
        status: 'planned',
        title_en: `Owned initiative ${n}`,
        description_en: 'Something only its owners may change.',
        link_element_0: 'wsis.C4',
        link_evidence_0: 'Capacity building for teachers.',
      })
    ).location!.split('?')[0]!;
    const stranger = new Visitor(t.app);
    await stranger.signUp('en', 'Stranger', unique('stranger'), password);
    await stranger.get('/en/account');
    const pledge = {
      metric: 'Teachers trained',
      unit: 'teachers',
      baselineValue: '0',
      baselineDate: '2025-01-01',
      targetValue: '500',
      targetDate: '2027-01-01',
    };
    expect((await stranger.post(`${path}/pledges/new`, pledge)).status).toBe(403);
  });
});

describe('an organization’s own pledge', () => {
  it('is reviewed by itself: invisible while submitted, rejected with a reason or published, with its history', async () => {
    const v = new Visitor(t.app);
    await v.signUp('en', 'Own Pledger', unique('own'), password);
    await v.get('/en/organizations/new');
    const org = (await v.post('/en/organizations/new', { name: `Open Spectrum Operators ${n}`, stakeholderType: 'private-sector' }))
      .location!.split('/')
      .pop()!
      .split('?')[0]!;
    const orgPage = await v.get(`/en/organizations/${org}`);
    expect(orgPage.html).toContain(`href="/en/organizations/${org}/pledges/new"`);

    await v.get(`/en/organizations/${org}/pledges/new`);
    const fields = {
      metric: 'People newly covered by mobile broadband',
      unit: 'people',
      baselineValue: '0',
      baselineDate: '2025-01-01',
      targetValue: '2000000',
      targetDate: '2030-12-31',
      areas: 'NGA, GHA',
    };
    const bad = await v.post(`/en/organizations/${org}/pledges/new`, { ...fields, areas: 'NGA, XXQ' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('XXQ');
    const made = await v.post(`/en/organizations/${org}/pledges/new`, fields);
    expect(made.status).toBe(303);
    const pledgePath = made.location!.split('?')[0]!;
    const pledgeId = pledgePath.split('/').pop()!;
    const own = await v.get(made.location!);
    expect(own.html).toContain(catalogs.en['pledge.sentForReview']!);
    expect(own.html).toContain(catalogs.en['initiative.state.submitted']!);

    // Nothing public before review.
    const anonymous = new Visitor(t.app);
    expect((await anonymous.get(pledgePath)).status).toBe(404);
    expect((await t.app.request(`/api/v1/pledges/${pledgeId}`)).status).toBe(404);
    const listed = (await (await t.app.request(`/api/v1/organizations/${org}/pledges`)).json()) as { items: { id: string }[] };
    expect(listed.items.map((p) => p.id)).not.toContain(pledgeId);

    // Someone else cannot pledge in this organization's name.
    const other = new Visitor(t.app);
    await other.signUp('en', 'Outsider', unique('outsider'), password);
    await other.get(`/en/organizations/${org}/pledges/new`);
    expect((await other.post(`/en/organizations/${org}/pledges/new`, fields)).status).toBe(403);

    const r = await reviewer();
    const queue = await r.get('/en/review');
    expect(queue.html).toContain(`href="/en/pledges/${pledgeId}"`);
    await r.get(pledgePath);
    expect((await r.post(`${pledgePath}/reject`, { note: '' })).status).toBe(400);
    await r.get(pledgePath);
    expect((await r.post(`${pledgePath}/publish`)).status).toBe(303);

    const open = await anonymous.get(pledgePath);
    expect(open.status).toBe(200);
    expect(open.html).toContain('People newly covered by mobile broadband');
    expect(open.html).toContain(catalogs.en['history.action.publish']!);
    expect(open.html).toContain('Pledge Reviewer');
    const api = (await (await t.app.request(`/api/v1/pledges/${pledgeId}`)).json()) as {
      initiativeId: string | null;
      state: string;
      areas: string[];
    };
    expect(api).toMatchObject({ initiativeId: null, state: 'published', areas: ['NGA', 'GHA'] });
    expect((await anonymous.get(`/en/organizations/${org}`)).html).toContain(`href="/en/pledges/${pledgeId}"`);
    const exported = (await (await t.app.request('/api/v1/export')).json()) as { pledges: { id: string }[] };
    expect(exported.pledges.map((p) => p.id)).toContain(pledgeId);

    // The organization's dashboard lists it with its status and the records waiting for an answer.
    const mine = await v.get('/en/mine');
    expect(mine.html).toContain(`href="/en/organizations/${org}"`);
    expect(mine.html).toContain(catalogs.en['mine.role.admin']!);
    expect(mine.html).toContain(`href="/en/pledges/${pledgeId}"`);

    // Later reports wait for a reviewer, and then count.
    await v.get(`${pledgePath}/report`);
    expect(
      (await v.post(`${pledgePath}/report`, { date: '2026-06-30', value: '600000', narrative: 'Two hundred new rural sites switched on.' }))
        .status,
    ).toBe(303);
    expect((await anonymous.get(pledgePath)).html).not.toContain('Two hundred new rural sites');
    const pending = await r.get('/en/review');
    const updateId = /\/en\/progress\/([^/]+)\/publish/.exec(pending.html)?.[1];
    expect(updateId).toBeTruthy();
    await r.post(`/en/progress/${updateId}/publish`);
    expect((await anonymous.get(pledgePath)).html).toContain('Two hundred new rural sites');
  });
});
