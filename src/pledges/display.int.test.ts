// What a reader sees of a pledge's figures: rounded to what the pledge's own figures support, and a
// chart whose value axis shows its whole label; the page shell around it (icon, account links).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { createUser } from '../accounts/service.ts';
import { labelWidth } from '../charts/svg.ts';

let t: TestApp;
const password = 'correct horse battery';

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
});
afterAll(() => t.close());

describe('a pledge counted in households', () => {
  it('shows whole households, the chart label "40,000" whole, and the account links apart', async () => {
    const v = new Visitor(t.app);
    await v.signUp('en', 'Household Pledger', 'households@example.org', password);
    await v.get('/en/organizations/new');
    const org = (await v.post('/en/organizations/new', { name: 'Home Broadband Fund', stakeholderType: 'private-sector' }))
      .location!.split('/')
      .pop()!
      .split('?')[0]!;
    await v.get('/en/initiatives/new');
    const path = (
      await v.post('/en/initiatives/new', {
        leadOrganizationId: org,
        status: 'ongoing',
        title_en: 'Home broadband for rural Kenya',
        description_en: 'Connecting rural households to fixed broadband.',
        areas: 'KEN',
        link_element_0: 'gdc.11.a',
        link_evidence_0: 'Counts households connected.',
      })
    ).location!.split('?')[0]!;
    await v.get(`${path}/pledges/new`);
    expect(
      (
        await v.post(`${path}/pledges/new`, {
          metric: 'Households connected',
          unit: 'households',
          baselineValue: '0',
          baselineDate: '2024-01-01',
          targetValue: '40000',
          targetDate: '2028-01-01',
        })
      ).status,
    ).toBe(303);
    const pledgeId = /href="\/en\/pledges\/([0-9a-f-]+)\/report"/.exec((await v.get(path)).html)![1]!;
    await v.get(`/en/pledges/${pledgeId}/report`);
    await v.post(`/en/pledges/${pledgeId}/report`, { date: '2025-06-30', value: '15000', narrative: 'First districts connected.' });
    await v.get(path);
    await v.post(`${path}/submit`, { confirm: '1' });
    await createUser(t.store, { email: 'households-reviewer@example.org', name: 'Reviewer', password, role: 'reviewer' });
    const r = new Visitor(t.app);
    await r.signIn('en', 'households-reviewer@example.org', password);
    await r.get(path);
    expect((await r.post(`${path}/publish`)).status).toBe(303);

    const page = (await new Visitor(t.app).get(path)).html;
    // The straight line expects 40,000 × 546/1,461 days = 14,948.67 households on 2025-06-30: whole households.
    expect(page).toContain('14,949');
    expect(page).not.toContain('14,948.67');
    const label = /<text x="([\d.]+)" y="[\d.]+" class="tick" text-anchor="end">40,000<\/text>/.exec(page);
    expect(label).not.toBeNull();
    expect(Number(label![1])).toBeGreaterThanOrEqual(labelWidth('40,000', 11));

    // The signed-in header keeps its links apart; every page names its icon, served for a year.
    const mine = (await v.get('/en/registry')).html;
    expect(mine).toMatch(/My records<\/a> · <form/);
    const icon = /<link rel="icon" href="(\/assets\/favicon\.[0-9a-f]+\.svg)" type="image\/svg\+xml"\/?>/.exec(mine)?.[1];
    expect(icon).toBeDefined();
    const served = await t.app.request(icon!);
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(served.headers.get('Cache-Control')).toContain('immutable');
    expect(await served.text()).toMatch(/^<svg /);
  });
});
