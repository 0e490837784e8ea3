// Duplicates across organizations: proposed from alike titles or shared countries, elements and
// dates; a reviewer's "not a duplicate" is remembered; "duplicate" rejects the submitted record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
// `n`: the number the last unique address carries (a live binding), to name things after it.
import { serial as n, uniqueEmail as unique } from '../testing/builders.ts';
import { createUser } from '../accounts/service.ts';
import { catalogs } from '../i18n/index.ts';

let t: TestApp;
const password = 'correct horse battery';

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
});
afterAll(() => t.close());

async function initiativeBy(orgName: string, fields: Record<string, string>) {
  const v = new Visitor(t.app);
  await v.signUp('en', orgName, unique('dup'), password);
  await v.get('/en/organizations/new');
  const org = (await v.post('/en/organizations/new', { name: `${orgName} ${n}`, stakeholderType: 'civil-society' }))
    .location!.split('/')
    .pop()!
    .split('?')[0]!;
  await v.get('/en/initiatives/new');
  const path = (await v.post('/en/initiatives/new', { leadOrganizationId: org, status: 'ongoing', ...fields })).location!.split('?')[0]!;
  await v.get(path);
  let submitted = await v.post(`${path}/submit`);
  // Where alike records exist, the submitter sees them first and confirms.
  const warning = submitted.status === 200 ? submitted.html : null;
  if (warning !== null) submitted = await v.post(`${path}/submit`, { confirm: '1' });
  expect(submitted.status).toBe(303);
  return { v, path, id: path.split('/').pop()!, warning };
}

describe('duplicate detection', () => {
  it('proposes alike records across organizations and remembers a reviewer’s decision', async () => {
    const first = await initiativeBy('Alpha Network', {
      title_en: 'Community broadband for rural schools in Kenya',
      description_en: 'Connecting rural schools with community broadband networks.',
      areas: 'KEN',
      link_element_0: 'gdc.11.c',
      link_evidence_0: 'Deploys rural network infrastructure.',
    });
    // Candidates that others see are public records only: the first is published before the second comes.
    const email = unique('reviewer');
    await createUser(t.store, { email, name: 'Dup Reviewer', password, role: 'reviewer' });
    const r = new Visitor(t.app);
    await r.signIn('en', email, password);
    await r.get(first.path);
    expect((await r.post(`${first.path}/publish`)).status).toBe(303);
    const second = await initiativeBy('Beta Foundation', {
      title_en: 'Community broadband for rural schools of Kenya',
      description_en: 'A second organization doing the same work.',
      areas: 'KEN',
      link_element_0: 'gdc.11.c',
      link_evidence_0: 'Also deploys rural network infrastructure.',
    });
    const spanish = await initiativeBy('Gamma Coop', {
      title_es: 'Banda ancha comunitaria para escuelas',
      description_es: 'Escuelas rurales conectadas con redes comunitarias.',
      areas: 'KEN',
      link_element_0: 'gdc.11.c',
      link_evidence_0: 'Infraestructura de red rural.',
      link_element_1: 'wsis.C2',
      link_evidence_1: 'Infraestructura de información y comunicación.',
    });
    // Submitting the second, its organization was shown the first before sending it.
    expect(first.warning).toBeNull();
    expect(second.warning).toContain(catalogs.en['duplicate.checkTitle']!);
    expect(second.warning).toContain(`href="/en/initiatives/${first.id}"`);
    // The same through the API, with the organization's token; never for others.
    const created = await second.v.post('/en/account/tokens', { name: 'dup-check' });
    const token = /<code dir="ltr">(cnc_[A-Za-z0-9_-]+)<\/code>/.exec(created.html)![1]!;
    const viaApi = await t.app.request(`/api/v1/initiatives/${second.id}/duplicates`, { headers: { Authorization: `Bearer ${token}` } });
    expect(viaApi.status).toBe(200);
    expect(((await viaApi.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toContain(first.id);
    const otherCreated = await first.v.post('/en/account/tokens', { name: 'nosy' });
    const otherToken = /<code dir="ltr">(cnc_[A-Za-z0-9_-]+)<\/code>/.exec(otherCreated.html)![1]!;
    expect(
      (await t.app.request(`/api/v1/initiatives/${second.id}/duplicates`, { headers: { Authorization: `Bearer ${otherToken}` } })).status,
    ).toBe(404);
    expect((await t.app.request(`/api/v1/initiatives/${second.id}/duplicates`)).status).toBe(401);
    // Its own organization sees the candidates; no decision buttons for contributors.
    const own = await second.v.get(second.path);
    expect(own.html).toContain(`href="/en/initiatives/${first.id}"`);
    expect(own.html).not.toContain('/duplicates/');
    // Another organization's record still under review is not shown to them (it is to reviewers).
    expect(own.html).not.toContain(`href="/en/initiatives/${spanish.id}"`);

    const page = await r.get(second.path);
    expect(page.html).toContain(`/duplicates/${first.id}/duplicate`);
    expect(page.html).toContain(`href="/en/initiatives/${spanish.id}"`);

    // "Not a duplicate" is remembered: the pair is not proposed again.
    await r.post(`${second.path}/duplicates/${first.id}/not-duplicate`);
    const after = await r.get(second.path);
    expect(after.html).not.toContain(`/duplicates/${first.id}/`);

    // Across languages: shared country, elements and dates make the Spanish record a candidate of the first.
    const firstPage = await r.get(first.path);
    expect(firstPage.html).toContain(`href="/en/initiatives/${spanish.id}"`);
    await r.post(`${spanish.path}/duplicates/${first.id}/duplicate`);
    const rejected = await r.get(spanish.path);
    expect(rejected.html).toContain(catalogs.en['initiative.state.rejected']!);
    expect(rejected.html).toContain(`Duplicate of initiative ${first.id}`);
  });
});
