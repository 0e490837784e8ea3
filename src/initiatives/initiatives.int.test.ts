// The registry as people use it: a new user registers an organization and an initiative,
// which stays invisible until a reviewer publishes it; then it is in the registry, the API
// and the element pages. Others cannot change it, through the API or a crafted form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
// `n`: the number the last unique address carries (a live binding), to name things after it.
import { serial as n, uniqueEmail as unique } from '../testing/builders.ts';
import { catalogs } from '../i18n/index.ts';
import { createUser } from '../accounts/service.ts';

let t: TestApp;
const password = 'correct horse battery';
const visitor = (lang = 'en') => new Visitor(t.app, { 'Accept-Language': lang });

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
});
afterAll(() => t.close());

/** A signed-up contributor with an organization of their own. */
async function contributor(orgName: string) {
  const v = visitor();
  const email = unique('contributor');
  await v.signUp('en', `Contributor ${n}`, email, password);
  await v.get('/en/organizations/new');
  const created = await v.post('/en/organizations/new', { name: `${orgName} ${n}`, stakeholderType: 'civil-society', country: 'KEN' });
  const orgId = created.location!.split('/').pop()!.split('?')[0]!;
  return { v, email, orgId };
}

function initiativeForm(orgId: string, title: string): Record<string, string> {
  return {
    leadOrganizationId: orgId,
    status: 'ongoing',
    title_en: title,
    description_en: 'Community networks bring affordable broadband to rural schools in Kenya and Uganda.',
    title_fr: 'Réseaux communautaires pour les écoles rurales',
    description_fr: 'Des réseaux communautaires apportent un haut débit abordable aux écoles rurales.',
    areas: 'KEN, ug',
    startDate: '2024-01-01',
    endDate: '2028-12-31',
    budgetAmount: '250000',
    budgetCurrency: 'usd',
    link_element_0: 'gdc.11.c',
    link_type_0: 'contributes-to',
    link_evidence_0: 'Deploys local network infrastructure in rural and remote areas.',
    link_element_1: 'wsis.C2',
    link_evidence_1: 'Builds information and communication infrastructure.',
    web_url_0: 'https://example.org/community-networks',
    web_label_0: 'Project page',
  };
}

describe('an initiative from registration to publication', () => {
  it('stays invisible until a reviewer publishes it, then appears everywhere', async () => {
    const { v, orgId } = await contributor('Rural Connect');
    await v.get('/en/initiatives/new');
    const saved = await v.post('/en/initiatives/new', initiativeForm(orgId, `Community networks for rural schools ${n}`));
    expect(saved.status).toBe(303);
    const path = saved.location!.split('?')[0]!;
    const id = path.split('/').pop()!;

    const own = await v.get(path);
    expect(own.status).toBe(200);
    expect(own.html).toContain(catalogs.en['initiative.state.draft']!);
    expect(own.html).toContain('Uganda');

    const anonymous = visitor();
    expect((await anonymous.get(path)).status).toBe(404);
    expect((await t.app.request(`/api/v1/initiatives/${id}`)).status).toBe(404);

    await v.get(path);
    expect((await v.post(`${path}/submit`, { confirm: '1' })).status).toBe(303);
    expect((await anonymous.get(path)).status).toBe(404);
    // The contributor cannot publish their own record.
    expect((await v.post(`${path}/publish`)).status).toBe(403);

    const reviewerEmail = unique('reviewer');
    await createUser(t.store, { email: reviewerEmail, name: 'Rita Reviewer', password, role: 'reviewer' });
    const reviewer = visitor();
    await reviewer.signIn('en', reviewerEmail, password);
    const queue = await reviewer.get('/en/review');
    expect(queue.html).toContain(`href="/en/initiatives/${id}"`);
    await reviewer.get(path);
    expect((await reviewer.post(`${path}/publish`)).status).toBe(303);

    const publicPage = await anonymous.get(path);
    expect(publicPage.status).toBe(200);
    expect(publicPage.html).toContain('Community networks for rural schools');
    const registry = await anonymous.get('/en/registry?area=KEN');
    expect(registry.html).toContain(`href="/en/initiatives/${id}"`);
    const api = (await (await t.app.request(`/api/v1/initiatives?element=gdc.obj.1&area=LDC`)).json()) as { items: { id: string }[] };
    expect(api.items.map((i) => i.id)).toContain(id);
    const elementPage = await anonymous.get('/en/elements/gdc.11.c');
    expect(elementPage.html).toContain(`href="/en/initiatives/${id}"`);
    const french = await anonymous.get(`/fr${path.slice(3)}`);
    expect(french.html).toContain('Réseaux communautaires pour les écoles rurales');

    const history = await anonymous.get(`${path}/history`);
    expect(history.html).toContain('Rita Reviewer');
    expect(history.html).toContain(catalogs.en['history.action.publish']!);
  });

  it('returns a submission with a request, which the contributor answers', async () => {
    const { v, orgId } = await contributor('Data Commons');
    await v.get('/en/initiatives/new');
    const path = (await v.post('/en/initiatives/new', initiativeForm(orgId, `Open data for SDG monitoring ${n}`))).location!.split('?')[0]!;
    await v.get(path);
    await v.post(`${path}/submit`, { confirm: '1' });
    const reviewerEmail = unique('reviewer');
    await createUser(t.store, { email: reviewerEmail, name: 'Second Reviewer', password, role: 'reviewer' });
    const reviewer = visitor();
    await reviewer.signIn('en', reviewerEmail, password);
    await reviewer.get(path);
    const noNote = await reviewer.post(`${path}/review`, { decision: 'return', note: '' });
    expect(noNote.status).toBe(400);
    await reviewer.get(path);
    expect((await reviewer.post(`${path}/review`, { decision: 'return', note: 'Which schools, and how many?' })).status).toBe(303);
    const returned = await v.get(path);
    expect(returned.html).toContain('Which schools, and how many?');
    expect((await v.get(`${path}/edit`)).status).toBe(200);
  });
});

describe('validation', () => {
  it('puts errors next to the fields, in the reader’s language, and keeps what was typed', async () => {
    const { v, orgId } = await contributor('Careful Typists');
    const fr = new Visitor(t.app, { 'Accept-Language': 'fr' });
    for (const [k, val] of v.cookies) fr.cookies.set(k, val);
    await fr.get('/fr/initiatives/new');
    const response = await fr.post('/fr/initiatives/new', {
      ...initiativeForm(orgId, 'Titre'),
      title_fr: 'Une initiative',
      areas: 'KEN, Atlantis',
      link_element_0: 'gdc.999',
      endDate: '2020-01-01',
    });
    expect(response.status).toBe(400);
    expect(response.html).toContain('aria-invalid="true"');
    expect(response.html).toContain(catalogs.fr['initiative.endBeforeStart']!);
    expect(response.html).toContain('value="KEN, Atlantis"');
    const unknownArea = await fr.post('/fr/initiatives/new', { ...initiativeForm(orgId, 'Titre valide ici'), areas: 'KEN, Atlantis' });
    expect(unknownArea.status).toBe(400);
    expect(unknownArea.html).toContain('id="f-areas-error"');
  });

  it('requires at least one framework link', async () => {
    const { v, orgId } = await contributor('No Links');
    await v.get('/en/initiatives/new');
    const form = initiativeForm(orgId, 'Without links');
    for (const k of Object.keys(form)) if (k.startsWith('link_')) delete form[k];
    const response = await v.post('/en/initiatives/new', form);
    expect(response.status).toBe(400);
    expect(response.html).toContain(catalogs.en['initiative.linkRequired']!);
  });
});

describe('authorization on every write', () => {
  it('refuses another organization’s record through a crafted form post and through the API', async () => {
    const owner = await contributor('Owner Org');
    await owner.v.get('/en/initiatives/new');
    const title = `Owned ${n}`;
    const path = (await owner.v.post('/en/initiatives/new', initiativeForm(owner.orgId, title))).location!.split('?')[0]!;
    const id = path.split('/').pop()!;

    const other = await contributor('Other Org');
    await other.v.get('/en/account');
    // Crafted posts: edit, submit, and a new initiative claiming the owner's organization as lead.
    expect((await other.v.post(`${path}/edit`, { ...initiativeForm(owner.orgId, 'Hijacked'), version: '1' })).status).toBe(403);
    expect((await other.v.post(`${path}/submit`)).status).toBe(403);
    const claimed = await other.v.post('/en/initiatives/new', initiativeForm(owner.orgId, 'Claimed lead'));
    expect(claimed.status).toBe(403);

    // Through the API with the other user's token.
    const created = await other.v.post('/en/account/tokens', { name: 'script' });
    const token = /<code dir="ltr">(cnc_[A-Za-z0-9_-]+)<\/code>/.exec(created.html)![1]!;
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const body = {
      leadOrganizationId: owner.orgId,
      status: 'ongoing',
      texts: [{ lang: 'en', title: 'Hijacked via API', description: 'An attempt to overwrite another record.' }],
      links: [{ elementId: 'gdc.11.c', evidence: 'Not really, this is a test.' }],
    };
    const put = await t.app.request(`/api/v1/initiatives/${id}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ version: 1, initiative: body }),
    });
    expect(put.status).toBe(403);
    expect(put.headers.get('Content-Type')).toMatch(/problem\+json/);
    const post = await t.app.request('/api/v1/initiatives', { method: 'POST', headers: auth, body: JSON.stringify(body) });
    expect(post.status, await post.clone().text()).toBe(403);
    const publish = await t.app.request(`/api/v1/initiatives/${id}/publish`, { method: 'POST', headers: auth });
    expect(publish.status).toBe(403);
    const anonymous = await t.app.request('/api/v1/initiatives', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(anonymous.status).toBe(401);

    const unchanged = await owner.v.get(path);
    expect(unchanged.html).toContain(`<h1 lang="en" dir="auto">${title}</h1>`);
    expect(unchanged.html).not.toContain('Hijacked');
  });

  it('lets the owner work through the API with a token, with field errors as problems', async () => {
    const owner = await contributor('API Org');
    const created = await owner.v.post('/en/account/tokens', { name: 'sync' });
    const token = /<code dir="ltr">(cnc_[A-Za-z0-9_-]+)<\/code>/.exec(created.html)![1]!;
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const bad = await t.app.request('/api/v1/initiatives', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ leadOrganizationId: owner.orgId, status: 'ongoing', texts: [], links: [] }),
    });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['body.texts', 'body.links']));
    expect(problem.errors.find((e) => e.field === 'body.links')?.message).toBe(catalogs.en['initiative.linkRequired']);
    const good = await t.app.request('/api/v1/initiatives', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        leadOrganizationId: owner.orgId,
        status: 'planned',
        texts: [{ lang: 'es', title: 'Alfabetización digital', description: 'Cursos de alfabetización digital para mujeres rurales.' }],
        areas: ['BOL'],
        links: [{ elementId: 'gdc.13.a', evidence: 'Digital literacy courses for rural women.' }],
      }),
    });
    expect(good.status).toBe(201);
    const record = (await good.json()) as { id: string; state: string; version: number };
    expect(record.state).toBe('draft');
    const submitted = await t.app.request(`/api/v1/initiatives/${record.id}/submit`, { method: 'POST', headers: auth });
    expect(submitted.status).toBe(200);
    const stale = await t.app.request(`/api/v1/initiatives/${record.id}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({
        version: record.version,
        initiative: {
          leadOrganizationId: owner.orgId,
          status: 'planned',
          texts: [{ lang: 'es', title: 'Otro', description: 'Otra descripción más larga.' }],
          links: [{ elementId: 'gdc.13.a', evidence: 'Still the same evidence.' }],
        },
      }),
    });
    expect(stale.status).toBe(409);
  });
});

describe('country groups with dated membership', () => {
  it('finds an initiative in Bhutan among the LDCs of 2022 but not of 2025, and a new publication at once', async () => {
    const { v, orgId } = await contributor('Dragon Connect');
    const query = async (q: string) => {
      const response = await t.app.request(`/api/v1/initiatives?${q}`);
      return ((await response.json()) as { items: { id: string }[] }).items.map((i) => i.id);
    };
    // Read (and so cache) the list before the record exists.
    const before = await query('area=LDC&year=2022');
    await v.get('/en/initiatives/new');
    const form = { ...initiativeForm(orgId, `Village broadband in Bhutan ${n}`), areas: 'BTN', startDate: '2020-01-01' };
    const path = (await v.post('/en/initiatives/new', form)).location!.split('?')[0]!;
    const id = path.split('/').pop()!;
    await v.get(path);
    await v.post(`${path}/submit`, { confirm: '1' });
    const reviewerEmail = unique('reviewer');
    await createUser(t.store, { email: reviewerEmail, name: 'Group Reviewer', password, role: 'reviewer' });
    const reviewer = visitor();
    await reviewer.signIn('en', reviewerEmail, password);
    await reviewer.get(path);
    expect((await reviewer.post(`${path}/publish`)).status).toBe(303);

    expect(before).not.toContain(id);
    // Bhutan left the LDCs on 13 December 2023: a member for 2022 and 2023, not after.
    expect(await query('area=LDC&year=2022')).toContain(id);
    expect(await query('area=ldc&year=2023')).toContain(id);
    expect(await query('area=LDC&year=2025')).not.toContain(id);
    expect(await query('area=LDC')).not.toContain(id);
    // Landlocked every year; in Southern Asia (M49 034) and Asia (142) through the closure.
    expect(await query('area=LLDC&year=2025')).toContain(id);
    expect(await query('area=034')).toContain(id);
    expect(await query('area=SIDS')).not.toContain(id);

    // The registry page refines by what the matches have, with counts.
    const page = await visitor().get('/en/registry?area=BTN');
    const facets = page.html.slice(page.html.indexOf('id="facets-title"'));
    expect(facets).toContain(
      `href="/en/registry?area=BTN&amp;status=ongoing">${catalogs.en['initiative.status.ongoing']}</a> <span class="meta">(1)</span>`,
    );
    expect(facets).toContain('href="/en/registry?area=LLDC"');
    expect(facets).not.toContain('status=planned');
    // The world map counts it in Bhutan (M49 064), as an SVG and as a table.
    const map = await visitor().get('/en/registry/map?area=BTN');
    expect(map.status).toBe(200);
    expect(map.html).toContain('<svg');
    expect(map.html).toMatch(/<title>Bhutan: 1<\/title>/);
    expect(map.html).toContain('href="/en/registry?area=BTN"');
    const svg = await t.app.request('/en/registry/map.svg?area=BTN');
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toContain('Bhutan: 1');
    const chosen = await visitor().get('/en/registry?area=BTN&status=ongoing');
    expect(chosen.html).toContain('href="/en/registry?area=BTN" aria-current="true"');
  });
});
