// Forms people can fill without knowing Concord's identifiers (issue 16, item 5), as a reader
// without JavaScript uses them: the initiative form finds framework elements by their words and
// takes places by name; the registry and the implementation map filter by place name and
// organization name, and refuse a place they do not know; history names fields as the form
// does; the CSV export names organizations beside their ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { translator } from '../i18n/index.ts';
import { createUser } from '../accounts/service.ts';

let t: TestApp;
const password = 'correct horse battery';
const en = translator('en');
const stamp = Date.now();
const organizationName = `Financing Connectivity Trust ${stamp}`;
const title = `Blended finance for rural connectivity ${stamp}`;
let contributor: Visitor;
let orgId = '';
let initiativePath = '';

/** The value of the input `name` on a page, as the browser would show it. */
const inputValue = (html: string, name: string) =>
  new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ??
  new RegExp(`<input[^>]*value="([^"]*)"[^>]*name="${name}"`).exec(html)?.[1];

/** The text of the first option of the select `id`. */
const firstOption = (html: string, id: string) =>
  new RegExp(`<select id="${id}"[^>]*>\\s*<option value="">([^<]*)</option>`).exec(html)?.[1];

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
  contributor = new Visitor(t.app, { 'Accept-Language': 'en' });
  await contributor.signUp('en', 'Farah Contributor', `farah.${stamp}@example.org`, password);
  await contributor.get('/en/organizations/new');
  const created = await contributor.post('/en/organizations/new', {
    name: organizationName,
    stakeholderType: 'private-sector',
    country: 'Kenya', // by its name, never "This is too long"
  });
  expect(created.status, created.html.slice(0, 2000)).toBe(303);
  orgId = created.location!.split('/').pop()!.split('?')[0]!;
});
afterAll(() => t.close());

describe('the initiative form, without knowing identifiers', () => {
  const typed = {
    title_en: title,
    description_en: 'Blended financing mechanisms that connect unconnected rural households to the Internet.',
    status: 'ongoing',
    areas: 'Kenya, United Republic of Tanzania',
  };
  /** Posts the new-initiative form as typed above (led by the contributor's organization), with `fields` over it. */
  const postNew = (fields: Record<string, string>) =>
    contributor.post('/en/initiatives/new', { ...typed, leadOrganizationId: orgId, ...fields });
  const evidence = 'Pools public and private money to connect rural households.';

  it('finds elements by their words, keeps what was typed, and puts the ticked ones into link rows', async () => {
    await contributor.get('/en/initiatives/new');
    const found = await postNew({
      element_q: 'blended financing mechanisms',
      _picker: 'find',
    });
    expect(found.status).toBe(200);
    // Nothing saved, everything typed is back.
    expect(inputValue(found.html, 'title_en')).toBe(title);
    expect(inputValue(found.html, 'areas')).toBe('Kenya, United Republic of Tanzania');
    expect(inputValue(found.html, 'element_q')).toBe('blended financing mechanisms');
    // The matches as boxes to tick, named in words (label and text), not only by id.
    expect(found.html).toMatch(/<input type="checkbox" name="element_pick" value="gdc\.11\.b" id="pick-gdc\.11\.b"\/?>/);
    const label = /<label for="pick-gdc\.11\.b">([\s\S]*?)<\/label>/.exec(found.html)?.[1] ?? '';
    expect(label).toContain('Develop innovative and blended financing mechanisms');
    const matches = [...found.html.matchAll(/name="element_pick"/g)].length;
    expect(found.html).toContain(en('initiative.pick.results', { count: matches, q: 'blended financing mechanisms' }));

    const added = await postNew({
      element_q: 'blended financing mechanisms',
      element_pick: 'gdc.11.b',
      _picker: 'add',
    });
    expect(added.status).toBe(200);
    expect(inputValue(added.html, 'link_element_0')).toBe('gdc.11.b');
    expect(added.html).toContain(en('initiative.pick.added', { count: 1 }));
    // Beside the row, the element in words.
    expect(/<p class="meta linked-element">([\s\S]*?)<\/p>/.exec(added.html)?.[1]).toContain('blended financing');
  });

  it('a search that finds nothing says so, and a finder pressed with nothing to find saves', async () => {
    const none = await postNew({
      element_q: 'zzxqv',
      _picker: 'find',
    });
    expect(none.status).toBe(200);
    expect(none.html).toContain(en('initiative.pick.none', { q: 'zzxqv' }));
    // Enter in a text field presses the finder's button first: with no words, it is a save (here refused: no link yet).
    const enter = await postNew({ element_q: '', _picker: 'find' });
    expect(enter.status).toBe(400);
    expect(enter.html).toContain('error-summary');
  });

  it('saves places typed by name in the reader’s language, shows them by name, and names an unknown one', async () => {
    const saved = await postNew({
      element_pick: 'gdc.11.b',
      link_evidence_0: evidence,
    });
    expect(saved.status, saved.html.slice(0, 3000)).toBe(303);
    initiativePath = saved.location!.split('?')[0]!;
    const page = await contributor.get(initiativePath);
    expect(page.html).toMatch(/Kenya, United Republic of Tanzania/);
    expect(page.html).toContain('href="/en/elements/gdc.11.b"');

    // The edit form gives the places back by name, in the page's language.
    const edit = await contributor.get(`${initiativePath}/edit`);
    expect(inputValue(edit.html, 'areas')).toBe('Kenya, United Republic of Tanzania');
    const editFr = await contributor.get(`/fr${initiativePath.slice(3)}/edit`);
    expect(inputValue(editFr.html, 'areas')).toBe('Kenya, République-Unie de Tanzanie');

    // Names in other languages and codes are read the same; an unknown name is named in the error.
    expect(inputValue((await contributor.get(`/ru${initiativePath.slice(3)}/edit`)).html, 'areas')).toContain('Кения');
    const form = await contributor.get(`${initiativePath}/edit`);
    const version = inputValue(form.html, 'version')!;
    /** Saves the initiative again with its places typed as `areas`. */
    const editAreas = (at: string, areas: string) =>
      contributor.post(`${initiativePath}/edit`, {
        ...typed,
        version: at,
        areas,
        leadOrganizationId: orgId,
        link_element_0: 'gdc.11.b',
        link_evidence_0: evidence,
      });
    const atlantis = await editAreas(version, 'Kenya, Atlantis');
    expect(atlantis.status).toBe(400);
    expect(atlantis.html).toContain('id="f-areas-error"');
    expect(atlantis.html).toContain(en('initiative.areaUnknown', { code: 'Atlantis' }));
    expect(atlantis.html).not.toContain(en('form.tooLong'));
    const mixed = await editAreas(version, 'Кения; tz, LDC');
    expect(mixed.status, mixed.html.slice(0, 3000)).toBe(303);
    const places = inputValue((await contributor.get(`${initiativePath}/edit`)).html, 'areas')!;
    expect(places.split(', ').sort()).toEqual(['Kenya', 'Least Developed Countries (LDC)', 'United Republic of Tanzania']);
  });

  it('history names the changed fields as the form does', async () => {
    const history = await contributor.get(`${initiativePath}/history`);
    expect(history.status).toBe(200);
    const fields = [...history.html.matchAll(/<td>([^<]*)<\/td>\s*<\/tr>/g)].map((m) => m[1]!).join(' | ');
    expect(fields).toContain(en('initiative.lead'));
    expect(fields).toContain(en('initiative.areas'));
    expect(fields).not.toMatch(/leadOrganizationId|startDate|webLinks|texts/);
  });
});

describe('the registry and the implementation map', () => {
  it('publishes the initiative for the public lists', async () => {
    const reviewerEmail = `reviewer.${stamp}@example.org`;
    await createUser(t.store, { email: reviewerEmail, name: 'Rita Reviewer', password, role: 'reviewer' });
    await contributor.get(initiativePath);
    expect((await contributor.post(`${initiativePath}/submit`, { confirm: '1' })).status).toBe(303);
    const reviewer = new Visitor(t.app, { 'Accept-Language': 'en' });
    await reviewer.signIn('en', reviewerEmail, password);
    await reviewer.get(initiativePath);
    expect((await reviewer.post(`${initiativePath}/publish`)).status).toBe(303);
  });

  it('offers "Register an initiative", labels its empty choices, filters by a place name and refuses an unknown place', async () => {
    const reader = new Visitor(t.app);
    for (const lang of ['en', 'ar'] as const) {
      const say = translator(lang);
      const page = await reader.get(`/${lang}/registry`);
      expect(page.html).toContain(`<a href="/${lang}/initiatives/new">${say('initiative.newTitle')}</a>`);
      expect(firstOption(page.html, 'stakeholderType')).toBe(say('registry.anyStakeholderType'));
      expect(firstOption(page.html, 'status')).toBe(say('registry.anyStatus'));
      expect(page.html).not.toContain(`<option value="">${say('search.all')}</option>`);
    }
    const kenya = await reader.get('/en/registry?area=Kenya');
    expect(kenya.status).toBe(200);
    expect(kenya.html).toContain(`href="${initiativePath}"`);
    const french = await reader.get(`/fr/registry?area=${encodeURIComponent('République-Unie de Tanzanie')}`);
    expect(french.html).toContain(`href="/fr${initiativePath.slice(3)}"`);
    const uganda = await reader.get('/en/registry?area=UGA');
    expect(uganda.html).not.toContain(`href="${initiativePath}"`);

    const xyz = await reader.get('/en/registry?area=XYZ');
    expect(xyz.status).toBe(400);
    expect(xyz.html).toContain('id="area-error"');
    expect(xyz.html).toContain('aria-invalid="true"');
    expect(xyz.html).toContain(en('coverage.areaUnknown', { code: 'XYZ' }));
    expect(xyz.html).not.toContain(`href="${initiativePath}"`);
    const arabic = await reader.get('/ar/registry?area=XYZ');
    expect(arabic.status).toBe(400);
    expect(arabic.html).toContain(translator('ar')('coverage.areaUnknown', { code: 'XYZ' }));
  });

  it('the implementation map filters by organization name and place name, and names what it cannot find', async () => {
    const reader = new Visitor(t.app);
    const initiatives = (html: string) =>
      Number(new RegExp(`<dt>${en('coverage.measure.initiatives')}</dt>\\s*<dd>(\\d+)</dd>`).exec(html)?.[1] ?? -1);
    const byName = await reader.get(`/en/implementation?organization=${encodeURIComponent(organizationName)}&area=Kenya`);
    expect(byName.status).toBe(200);
    expect(byName.html).not.toContain('id="organization-error"');
    expect(inputValue(byName.html, 'organization')).toBe(organizationName);
    expect(initiatives(byName.html)).toBe(1);
    // A link from elsewhere names the organization by id: the form shows its name.
    const byId = await reader.get(`/en/implementation?organization=${orgId}`);
    expect(inputValue(byId.html, 'organization')).toBe(organizationName);
    // Part of a name is enough when one organization has it.
    const part = await reader.get(`/en/implementation?organization=${encodeURIComponent(`connectivity trust ${stamp}`)}`);
    expect(part.html).not.toContain('id="organization-error"');

    const nobody = await reader.get('/en/implementation?organization=Nobody%20Such');
    expect(nobody.status).toBe(400);
    expect(nobody.html).toContain('id="organization-error"');
    expect(nobody.html).toContain(en('coverage.organizationUnknown', { name: 'Nobody Such' }));
    expect(nobody.html).toContain(`<label for="organization">${en('coverage.organization')}</label>`);
  });

  it('the CSV export names organizations beside their ids (transfer.int.test.ts imports an export again unchanged)', async () => {
    const csv = (await contributor.get('/en/registry/export/initiatives.csv?scope=mine')).html;
    const [header = '', ...rows] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    const columns = header.split(',');
    expect(columns.indexOf('lead_organization_name')).toBe(columns.indexOf('lead_organization_id') + 1);
    const row = rows.find((r) => r.includes(title))!;
    expect(row).toContain(orgId);
    expect(row).toContain(organizationName);
  });
});
