// The implementation map over HTTP: two organizations' published initiatives in Kenya on the same
// GDC action (an overlap), a pledge with money, a C5 roadmap whose activity is carried out by one
// of them; the matrix counts each kind of record in the right cell, drills down to the records,
// lists the gaps, the overlaps, the joint view and the money, in the reader's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { createApiToken, createUser } from '../accounts/service.ts';
import { createOrganization } from '../organizations/service.ts';
import { catalogs } from '../i18n/index.ts';
import { sql } from '../store/sql.ts';

let t: TestApp;
const password = 'correct horse battery';

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
});
afterAll(() => t.close());

async function caller(email: string, role?: 'reviewer') {
  const user = await createUser(t.store, { email, name: email.split('@')[0]!, password, ...(role ? { role } : {}) });
  const { token } = await createApiToken(t.store, user, 'coverage');
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await t.app.request(`/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { id: string } };
  };
  return { user, call };
}

async function get<T>(path: string): Promise<T> {
  const response = await t.app.request(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

interface Matrix {
  rows: { id: string }[];
  columns: { id: string }[];
  cells: { row: string; column: string; counts: Record<string, number> }[];
}
/** A date relative to today: whether a pledge is stale depends on how long ago it last reported. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const cell = (m: Matrix, row: string, column: string) => m.cells.find((c) => c.row === row && c.column === column)?.counts;

describe('the implementation map', () => {
  let roadmapId = '';
  let first = '';
  let second = '';

  it('counts published records in their cells, and only published ones', async () => {
    const reviewer = await caller('map-reviewer@example.org', 'reviewer');
    const alpha = await caller('alpha@example.org');
    const beta = await caller('beta@example.org');
    const alphaOrg = await createOrganization(t.store, alpha.user, { name: 'Alpha Cyber Trust', stakeholderType: 'civil-society' });
    const betaOrg = await createOrganization(t.store, beta.user, { name: 'Beta Secure Networks', stakeholderType: 'private-sector' });
    const initiative = async (
      who: typeof alpha,
      org: string,
      title: string,
      publish = true,
      beforeSubmit?: (id: string) => Promise<void>,
    ) => {
      const made = await who.call('POST', '/initiatives', {
        leadOrganizationId: org,
        texts: [{ lang: 'en', title, description: `${title}: national CERTs and cybersecurity skills.` }],
        status: 'ongoing',
        startDate: '2025-01-01',
        endDate: '2028-12-31',
        areas: ['KEN'],
        links: [
          { elementId: 'gdc.13.a', evidence: 'Builds digital skills for cybersecurity.' },
          { elementId: 'wsis.C5', evidence: 'Building confidence and security in the use of ICTs.' },
        ],
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      await beforeSubmit?.(made.body.id);
      expect((await who.call('POST', `/initiatives/${made.body.id}/submit`)).status).toBe(200);
      if (publish) expect((await reviewer.call('POST', `/initiatives/${made.body.id}/publish`)).status).toBe(200);
      return made.body.id;
    };
    // A pledge with money, made while its initiative is a draft: public with it.
    first = await initiative(alpha, alphaOrg.id, 'Kenya CERT readiness programme', true, async (id) => {
      const pledge = await alpha.call('POST', `/initiatives/${id}/pledges`, {
        metric: 'CERT staff trained',
        unit: 'people',
        baselineValue: 0,
        baselineDate: daysAgo(60),
        targetValue: 200,
        targetDate: daysAgo(-3 * 365),
      });
      expect(pledge.status, JSON.stringify(pledge.body)).toBe(201);
      for (const [kind, amount, date] of [
        ['pledged', 500000, '2025-02-01'],
        ['disbursed', 120000, '2025-09-01'],
      ] as const) {
        const money = await alpha.call('POST', `/pledges/${pledge.body.id}/transactions`, { kind, amount, currency: 'USD', date });
        expect(money.status, JSON.stringify(money.body)).toBe(201);
      }
    });
    // A pledge whose baseline is two years old and which has never reported: stale once it has been public a year.
    second = await initiative(beta, betaOrg.id, 'Secure networks for Kenyan counties', true, async (id) => {
      const stale = await beta.call('POST', `/initiatives/${id}/pledges`, {
        metric: 'County networks audited',
        unit: 'counties',
        baselineValue: 0,
        baselineDate: daysAgo(2 * 365),
        targetValue: 47,
        targetDate: daysAgo(-3 * 365),
      });
      expect(stale.status, JSON.stringify(stale.body)).toBe(201);
    });
    await initiative(beta, betaOrg.id, 'A draft still under review', false);
    // Published today: not stale, however old its baseline.
    const today = await get<{ items: { element: { id: string } }[] }>(
      `/api/v1/coverage/gaps?gap=stale-pledges-only&organization=${betaOrg.id}&area=KEN`,
    );
    expect(today.items.map((g) => g.element.id)).not.toContain('gdc.13.a');
    // Two years pass without a report (the clock moved back in the store, as no request can).
    await t.store.db.query(sql`UPDATE pledges SET created_at = created_at - interval '2 years' WHERE initiative_id = ${second}`);
    await t.store.db.query(sql`UPDATE initiatives SET published_at = published_at - interval '2 years' WHERE id = ${second}`);

    const m = await get<Matrix>('/api/v1/coverage?rows=action&columns=action-line&objective=gdc.obj.1');
    expect(m.rows.map((r) => r.id)).toContain('gdc.13.a');
    expect(m.rows.map((r) => r.id)).not.toContain('gdc.21.a'); // objective 2's
    expect(m.columns.map((c) => c.id)).toContain('wsis.C5');
    expect(cell(m, 'gdc.13.a', 'wsis.C5')).toMatchObject({ initiatives: 2, pledges: 2 });
    expect(cell(m, 'gdc.13.a', '*')).toMatchObject({ initiatives: 2, pledges: 2 });
    expect(cell(m, 'gdc.13.a', 'wsis.C2')).toBeUndefined();

    // Filters: a country, a group it belongs to, a stakeholder group, an organization, a year.
    const filtered = async (query: string) =>
      cell(await get<Matrix>(`/api/v1/coverage?rows=action&objective=gdc.obj.1&${query}`), 'gdc.13.a', 'wsis.C5')?.initiatives ?? 0;
    expect(await filtered('area=KEN')).toBe(2);
    expect(await filtered('area=UGA')).toBe(0);
    expect(await filtered('area=202')).toBe(2); // Sub-Saharan Africa (M49)
    expect(await filtered('stakeholderType=private-sector')).toBe(1);
    expect(await filtered(`organization=${alphaOrg.id}`)).toBe(1);
    expect(await filtered('year=2024')).toBe(0);
    expect(await filtered('year=2026')).toBe(2);

    // A bad filter is named in a problem.
    const bad = await t.app.request('/api/v1/coverage?year=soon&rows=everything');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await bad.json())).toMatch(/year[\s\S]*rows|rows[\s\S]*year/);
    // An area Concord does not know is refused, not answered with zeros.
    const atlantis = await t.app.request('/api/v1/coverage/gaps?area=ATLANTIS');
    expect(atlantis.status).toBe(400);
    expect(((await atlantis.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['query.area']);

    // Drill-down: the records behind a cell.
    const records = await get<{ total: number; items: { id: string; by: string }[] }>(
      '/api/v1/coverage/cell?row=gdc.13.a&column=wsis.C5&measure=initiatives',
    );
    expect(records.total).toBe(2);
    expect(records.items.map((r) => r.id).sort()).toEqual([first, second].sort());

    // Overlap: two organizations, same action, same country.
    const overlaps = await get<{
      groups: { element: { id: string }; area: string; organizations: number; initiatives: { id: string }[] }[];
    }>('/api/v1/coverage/overlaps');
    const kenya = overlaps.groups.find((g) => g.element.id === 'gdc.13.a' && g.area === 'KEN');
    expect(kenya?.organizations).toBe(2);
    expect(kenya?.initiatives.map((i) => i.id).sort()).toEqual([first, second].sort());

    // Money: by objective and action line, per currency.
    const money = await get<{
      objectives: { element: { id: string }; currency: string; amounts: Record<string, number>; pledges: number }[];
    }>('/api/v1/coverage/finance');
    expect(money.objectives.find((r) => r.element.id === 'gdc.obj.1')).toMatchObject({
      currency: 'USD',
      amounts: { pledged: 500000, committed: 0, disbursed: 120000, spent: 0 },
      pledges: 1,
    });

    // Gaps: 13 (a) has initiatives, a pledge and an indicator (ICT skills): no gap; 13 (b) has none of them.
    const gaps = await get<{ items: { element: { id: string }; gaps: string[] }[] }>('/api/v1/coverage/gaps?objective=gdc.obj.1');
    expect(gaps.items.map((g) => g.element.id)).not.toContain('gdc.13.a');
    expect(gaps.items.find((g) => g.element.id === 'gdc.13.b')?.gaps).toEqual(['no-initiative', 'no-pledge', 'no-indicator']);
    const noPledge = await get<{ items: { element: { id: string } }[] }>('/api/v1/coverage/gaps?gap=no-pledge');
    expect(noPledge.items.map((g) => g.element.id)).not.toContain('gdc.13.a');
    // In Beta's work alone, 13 (a) has only the stale pledge.
    const beta13 = await get<{ items: { element: { id: string }; gaps: string[]; stalePledges: number }[] }>(
      `/api/v1/coverage/gaps?gap=stale-pledges-only&organization=${betaOrg.id}`,
    );
    expect(beta13.items.find((g) => g.element.id === 'gdc.13.a')).toMatchObject({ gaps: ['stale-pledges-only'], stalePledges: 1 });
    const alpha13 = await get<{ items: { element: { id: string } }[] }>(
      `/api/v1/coverage/gaps?gap=stale-pledges-only&organization=${alphaOrg.id}`,
    );
    expect(alpha13.items.map((g) => g.element.id)).not.toContain('gdc.13.a');
    // 11 (a) is measured by an indicator of the catalogue but nothing else serves it.
    const all = await get<{ items: { element: { id: string }; gaps: string[]; counts: { indicators: number } }[] }>(
      '/api/v1/coverage/gaps',
    );
    const elevenA = all.items.find((g) => g.element.id === 'gdc.11.a');
    expect(elevenA?.gaps).toEqual(['no-initiative', 'no-pledge']);
    expect(elevenA?.counts.indicators).toBeGreaterThan(0);
    // Only actions due by 2030 are listed (paragraph 13's chapeau commits "by 2030").
    expect(all.items.every((g) => /^gdc\.(11|13|17|21|31|35|39|42|45|47)\./.test(g.element.id))).toBe(true);
  });

  it('shows a published C5 roadmap in the joint view and the matrix, and its activity without initiative as a gap until one is named', async () => {
    const itu = await caller('c5-map@example.org');
    const org = await createOrganization(t.store, itu.user, { name: 'C5 facilitator', stakeholderType: 'un-entity' });
    const made = await itu.call('POST', '/roadmaps', {
      title: 'Action line C5 roadmap',
      lang: 'en',
      ownerOrganizationId: org.id,
      actionLineId: 'wsis.C5',
    });
    roadmapId = made.body.id;
    for (const [k, title] of ['Trust in ICT use raised', 'Children safer online'].entries()) {
      const outcome = await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, {
        title,
        elements: ['gdc.obj.3'],
        indicators: [{ code: 'IT.NET.USER.ZS', targetValue: 90, targetYear: 2030 }],
      });
      const output = await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, { parentId: outcome.body.id, title: `Output ${k + 1}` });
      const activity = await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, {
        parentId: output.body.id,
        title: k === 0 ? 'National CERT assessments' : 'Online safety campaigns',
        elements: k === 0 ? ['gdc.13.a', 'wsis.C5'] : ['gdc.32.a', 'wsis.C5'],
        leadOrganizationId: org.id,
        dueDate: '2027-06-30',
        initiatives: k === 0 ? [first] : [],
      });
      expect(activity.status).toBe(201);
    }
    // An initiative that is not published cannot be named.
    const refused = await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, {
      title: 'Nothing behind',
      initiatives: ['no-such-initiative'],
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('body.initiatives.0');
    expect((await itu.call('POST', `/roadmaps/${roadmapId}/publish`)).status).toBe(200);

    const joint = await get<{ objectives: { objective: { id: string }; activities: { title: string; initiatives: number }[] }[] }>(
      '/api/v1/coverage/joint',
    );
    const three = joint.objectives.find((o) => o.objective.id === 'gdc.obj.3')!;
    expect(three.activities.map((a) => a.title)).toContain('Online safety campaigns');
    const one = joint.objectives.find((o) => o.objective.id === 'gdc.obj.1')!;
    expect(one.activities).toEqual([expect.objectContaining({ title: 'National CERT assessments', initiatives: 1 })]);

    const m = await get<Matrix>('/api/v1/coverage?rows=objective&columns=action-line');
    expect(cell(m, 'gdc.obj.1', 'wsis.C5')).toMatchObject({ activities: 1, initiatives: 2, pledges: 2 });
    expect(cell(m, 'gdc.obj.3', 'wsis.C5')?.activities).toBe(1);
    // The activity is in Kenya through the initiative that carries it out.
    const kenya = await get<Matrix>('/api/v1/coverage?rows=objective&area=KEN');
    expect(cell(kenya, 'gdc.obj.1', 'wsis.C5')?.activities).toBe(1);
    expect(cell(kenya, 'gdc.obj.3', 'wsis.C5')?.activities).toBeUndefined();

    const uncovered = await get<{ items: { title: string }[] }>('/api/v1/coverage/activities-without-initiative');
    expect(uncovered.items.map((a) => a.title)).toEqual(['Online safety campaigns']);
  });

  it('reads as pages in every language, with numbers linked to their records and errors beside the field', async () => {
    const en = await t.app.request('/en/implementation?rows=action&objective=gdc.obj.1');
    expect(en.status).toBe(200);
    const html = await en.text();
    expect(html).toContain(catalogs.en['coverage.title']!);
    expect(html).toContain('/en/implementation/cell?row=gdc.13.a&amp;column=wsis.C5&amp;measure=initiatives');
    const ar = await t.app.request('/ar/implementation/joint');
    const arabic = await ar.text();
    expect(arabic).toContain('dir="rtl"');
    expect(arabic).toContain(catalogs.ar['coverage.jointTitle']!);
    expect(arabic).toContain('Online safety campaigns');
    for (const lang of ['fr', 'es', 'ru', 'zh'] as const) {
      for (const view of ['', '/gaps', '/overlaps', '/ai', '/finance']) {
        const page = await t.app.request(`/${lang}/implementation${view}`);
        expect(page.status, `${lang}${view}`).toBe(200);
        expect(await page.text()).toContain(catalogs[lang]['coverage.nav']!);
      }
    }
    const cellPage = await (await t.app.request('/fr/implementation/cell?row=gdc.13.a&column=wsis.C5&measure=pledges')).text();
    expect(cellPage).toContain('CERT staff trained');
    const wrong = await t.app.request('/fr/implementation/gaps?year=demain');
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('id="year-error"');
    expect(wrongHtml).toContain(catalogs.fr['coverage.yearInvalid']!);
    const nowhere = await t.app.request('/ar/implementation?area=ATLANTIS');
    expect(nowhere.status).toBe(400);
    const nowhereHtml = await nowhere.text();
    expect(nowhereHtml).toContain('id="area-error"');
    expect(nowhereHtml).toContain('ATLANTIS');
    const overlapPage = await (await t.app.request('/en/implementation/overlaps')).text();
    expect(overlapPage).toContain('Alpha Cyber Trust');
    expect(overlapPage).toContain('Beta Secure Networks');
    expect(overlapPage).toContain('Online safety campaigns');
  });
});
