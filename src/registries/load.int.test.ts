// The DPGA registry loaded into a fresh store through the one generic writer (load.ts): its
// products in the API, the country profiles and the map; a second load writes nothing; a copy of
// the data with one record changed shows exactly that change in the record's history, and a
// record gone from the copy is archived with the reason.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { createUser, type User } from '../accounts/service.ts';
import { createOrganization } from '../organizations/service.ts';
import { sql } from '../store/index.ts';
import { duplicateCandidates } from '../initiatives/duplicates.ts';
import { createInitiative, transition } from '../initiatives/service.ts';
import { areaCatalog } from '../areas/index.ts';
import { areaNameIndex } from '../areas/names.ts';
import { defaultDpgaDir, readDpgaRegistry } from './dpga.ts';
import { loadRegistryRead } from './load.ts';
import { creationBesideStored } from '../testing/registries.ts';
import { loadDpgaData } from './shipped.ts';
import { Visitor } from '../testing/visitor.ts';
import { catalogs } from '../i18n/index.ts';

let t: TestApp;
let owner: User;
let variantOrganization: string;
let copy: string;
/** The matcher's suggestions a reviewer confirmed and rejected (checked again after a refresh). */
let decided: [string, string];
const password = 'correct horse battery';

interface Listed {
  total: number;
  items: { id: string; title: string; source: string | null }[];
}
interface Record_ {
  id: string;
  state: string;
  texts: { lang: string; title: string; description: string }[];
  leadOrganization: { id: string; name: string };
  partners: { organizationId: string; name: string }[];
  areas: string[];
  links: { elementId: string; source: string | null; reviewedAtSource: boolean; evidence: string }[];
  suggestedLinks: { elementId: string; framework: string; source: string | null }[];
  source: { id: string; recordId: string; url: string; licence: string; readAt: string } | null;
  archivedReason: string | null;
}

const json = async <T>(address: string): Promise<T> => {
  const response = await t.app.request(address);
  expect(response.status, address).toBe(200);
  return (await response.json()) as T;
};
const count = async (query: ReturnType<typeof sql>) => Number((await t.store.db.query<{ n: number }>(query))[0]!.n);
const idOf = async (sourceId: string) =>
  (await t.store.db.query<{ id: string }>(sql`SELECT id FROM initiatives WHERE source = 'dpga' AND source_id = ${sourceId}`))[0]!.id;

beforeAll(async () => {
  t = await openTestApp();
  owner = await createUser(t.store, { email: `dpga-owner.${Date.now()}@example.org`, name: 'HISP member', password });
  // Registered by hand before the load, spelt otherwise than in the DPGA data (a no-break space, a
  // doubled space, a zero-width space, a Cyrillic о in "Oslo").
  variantOrganization = (
    await createOrganization(t.store, owner, {
      name: 'Health Information Systems\u00A0Programme (HISP),  University of \u200BOsl\u043E',
      stakeholderType: 'academia',
    })
  ).id;
  copy = await mkdtemp(path.join(tmpdir(), 'concord-dpga-'));
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
  await t.close();
});

describe('the DPGA registry in the store', () => {
  it('loads the 228 products, published, with their source, organizations, countries and SDG links', async () => {
    const { report } = await loadDpgaData(t.store);
    expect(report).not.toBeNull();
    expect(report!.created).toBe(228);
    expect(report!.problems).toEqual([]);
    // Kosovo and Taiwan are not M49 areas of their own: reported, not invented.
    expect(report!.notes.flatMap((n) => n.notes).filter((n) => n.includes('M49'))).toHaveLength(5);

    const listed = await json<Listed>('/api/v1/initiatives?source=dpga&limit=200');
    expect(listed.total).toBe(228);
    expect(listed.items.every((i) => i.source === 'dpga')).toBe(true);
    expect((await json<Listed>('/api/v1/initiatives?source=concord')).items.some((i) => i.source === 'dpga')).toBe(false);
    const bad = await t.app.request('/api/v1/initiatives?source=nowhere');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');

    const dhis2 = await json<Record_>(`/api/v1/initiatives/${await idOf('dhis2')}`);
    expect(dhis2.state).toBe('published');
    expect(dhis2.source).toMatchObject({ id: 'dpga', recordId: 'dhis2', licence: 'The Unlicense (public domain)' });
    expect(dhis2.source!.url).toContain('/nominees/dhis2.json');
    expect(dhis2.source!.readAt).toBeTruthy();
    expect(dhis2.areas).toContain('KEN');
    // The organization registered by hand under another spelling is the lead: no second record for it.
    expect(dhis2.leadOrganization.id).toBe(variantOrganization);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM organizations WHERE name_key = (SELECT name_key FROM organizations WHERE id = ${variantOrganization})`,
      ),
    ).toBe(1);
    expect(dhis2.partners.map((p) => p.name)).toContain('Norad');
    // A DPG's SDG links carry the owner's evidence, reviewed at the source.
    expect(dhis2.links.length).toBeGreaterThan(0);
    expect(dhis2.links.every((l) => l.source === 'dpga' && l.reviewedAtSource && l.elementId.startsWith('sdg.'))).toBe(true);
    // GDC and WSIS suggestions from its text, stored as suggested, not counted in its elements.
    expect(dhis2.suggestedLinks.length).toBeGreaterThan(0);
    expect(dhis2.suggestedLinks.every((l) => ['gdc', 'wsis'].includes(l.framework) && l.source === 'matcher')).toBe(true);
    const suggested = dhis2.suggestedLinks[0]!.elementId;
    expect((await json<Listed>(`/api/v1/initiatives?source=dpga&element=${suggested}&limit=200`)).items.map((i) => i.id)).not.toContain(
      dhis2.id,
    );

    // One organization per name: "UNICEF Ventures Fund" in 12 products is one record, and "UNICEF
    // Venture Fund" (4 products) the same one, by its website (unicefinnovationfund.org).
    expect(await count(sql`SELECT count(*) AS n FROM organizations WHERE name IN ('UNICEF Ventures Fund', 'UNICEF Venture Fund')`)).toBe(1);
    // RapidPro's funder "United Nations Children's Fund (UNICEF)" (unicef.org) is the record of "UNICEF".
    const rapidPro = await json<Record_>(`/api/v1/initiatives/${await idOf('rapidpro')}`);
    expect([rapidPro.leadOrganization, ...rapidPro.partners].map((o) => o.name).sort()).toEqual(['RapidPro', 'UNICEF']);
    // The OpenAPI document describes the filter.
    expect(JSON.stringify(await json<unknown>('/api/v1/openapi.json'))).toContain('Read from this registry (dpga, iati)');
  });

  it('shows the products on the country profile, the registry map and the sources page', async () => {
    const inKenya = await json<Listed>('/api/v1/initiatives?source=dpga&area=KEN&limit=200');
    expect(inKenya.items.map((i) => i.title)).toContain('DHIS2');
    const html = await (await t.app.request('/en/areas/KEN')).text();
    expect(html).toContain(`${inKenya.total} initiatives work here`);
    expect(html).toContain(`href="/en/initiatives/${inKenya.items[0]!.id}"`);
    const map = await (await t.app.request('/en/registry/map?source=dpga')).text();
    expect(map).toContain('Kenya');
    // The implementation map counts them under their SDGs, and filters by source.
    const coverage = await json<{ cells: { row: string; column: string; counts: { initiatives: number } }[] }>(
      '/api/v1/coverage?columns=sdg&source=dpga',
    );
    const total = coverage.cells.find((c) => c.row === '*' && c.column === '*')!.counts.initiatives;
    expect(total).toBe(228);
    expect(coverage.cells.find((c) => c.row === '*' && c.column === 'sdg.3')!.counts.initiatives).toBeGreaterThan(0);
    const handMadeOnly = await json<{ cells: { row: string; column: string; counts: { initiatives: number } }[] }>(
      '/api/v1/coverage?columns=sdg&source=concord',
    );
    expect(handMadeOnly.cells.find((c) => c.row === '*' && c.column === '*')?.counts.initiatives ?? 0).toBe(0);
    expect(await (await t.app.request('/en/implementation?columns=sdg&source=dpga')).text()).toContain('<option value="dpga" selected="">');
    const registry = await (await t.app.request('/en/registry?source=dpga&q=DHIS2')).text();
    expect(registry).toContain(`href="/en/initiatives/${await idOf('dhis2')}"`);
    expect(registry).toContain('from the DPGA registry');
    // The source is a refinement of the registry, with its count.
    const all = await (await t.app.request('/en/registry')).text();
    expect(all).toMatch(/href="\/en\/registry\?source=dpga"[^>]*>Digital Public Goods Alliance registry<\/a> <span class="meta">\(228\)/);
    const record = await (await t.app.request(`/en/initiatives/${await idOf('dhis2')}`)).text();
    expect(record).toContain('The Unlicense (public domain)');
    expect(record).toContain('/nominees/dhis2.json');
    const sources = await (await t.app.request('/en/registry/sources')).text();
    expect(sources).toContain('Digital Public Goods Alliance registry');
    expect(sources).toContain('<a href="/en/registry?source=dpga">228 published</a>');
    expect(sources).toContain('What “reviewed by the DPGA” means');
    expect(sources).toContain('228 records read: 228 new, 0 updated, 0 archived, 0 not readable, 5 values not mapped');
    expect(sources).not.toMatch(/id="dpga"[\s\S]*Not loaded yet[\s\S]*id="iati"/);
    const french = await (await t.app.request('/fr/registry/sources')).text();
    expect(french).toContain('228 publiées');
    // The exports take the same filter: the registry's records, or those made here.
    const ids = async (source: string) => {
      const { parse } = await import('csv-parse/sync');
      const csv = await (await t.app.request(`/en/registry/export/initiatives.csv?source=${source}`)).text();
      return parse<{ id: string }>(csv, { columns: true, bom: true }).map((row) => row.id);
    };
    const fromDpga = await ids('dpga');
    expect(fromDpga).toHaveLength(228);
    expect(fromDpga).toContain(await idOf('dhis2'));
    expect(await ids('concord')).not.toContain(await idOf('dhis2'));
  });

  it('writes nothing when the same data is loaded again', async () => {
    const changes = await count(sql`SELECT count(*) AS n FROM changes`);
    const latest = (await t.store.db.query<{ at: string }>(sql`SELECT max(updated_at)::text AS at FROM initiatives`))[0]!.at;
    expect((await loadDpgaData(t.store)).report).toBeNull();
    // The same records read again through the writer itself, past the files' checksum.
    const report = await loadRegistryRead(t.store, await readDpgaRegistry(defaultDpgaDir, areaNameIndex(await areaCatalog())));
    expect(report).toMatchObject({ created: 0, updated: 0, archived: 0, unchanged: 228, organizationsCreated: 0 });
    expect(await count(sql`SELECT count(*) AS n FROM changes`)).toBe(changes);
    expect((await t.store.db.query<{ at: string }>(sql`SELECT max(updated_at)::text AS at FROM initiatives`))[0]!.at).toBe(latest);
  });

  it('keeps, as the history of each record it created, the record as the store reads it back', async () => {
    const ids = await t.store.db.query<{ id: string }>(sql`SELECT id FROM initiatives WHERE source = 'dpga'`);
    expect(ids).toHaveLength(228);
    for (const { id } of ids) {
      const { action, kept, stored } = await creationBesideStored(t.app, id);
      expect(action).toBe('create');
      expect(kept, id).toEqual(stored);
    }
  });

  it('lets a reviewer confirm or reject the matcher’s suggestions; a refresh keeps the decisions', async () => {
    const id = await idOf('dhis2');
    const record = await json<Record_>(`/api/v1/initiatives/${id}`);
    const [confirmed, rejected] = record.suggestedLinks.map((l) => l.elementId);
    const reviewer = await createUser(t.store, {
      email: `links-reviewer.${Date.now()}@example.org`,
      name: 'Links Reviewer',
      password,
      role: 'reviewer',
    });
    const r = new Visitor(t.app);
    await r.signIn('en', reviewer.email, password);
    const path = `/en/initiatives/${id}`;
    expect((await r.get(path)).html).toContain(`${path}/links/${confirmed}/confirm`);
    // Nobody else decides.
    const admin = new Visitor(t.app);
    await admin.signIn('en', owner.email, password);
    expect((await admin.post(`${path}/links/${confirmed}/confirm`)).status).toBe(403);
    expect((await r.post(`${path}/links/${confirmed}/confirm`)).status).toBe(303);
    expect((await r.post(`${path}/links/${rejected}/reject`)).status).toBe(303);
    expect((await r.post(`${path}/links/${rejected}/confirm`)).status).toBe(404);
    const after = await json<Record_>(`/api/v1/initiatives/${id}`);
    expect(after.links.find((l) => l.elementId === confirmed)).toMatchObject({ source: 'matcher' });
    expect(after.suggestedLinks.map((l) => l.elementId)).not.toContain(rejected);
    // A confirmed suggestion counts in the registry's filters.
    expect((await json<Listed>(`/api/v1/initiatives?source=dpga&element=${confirmed}&limit=200`)).items.map((i) => i.id)).toContain(id);
    const history = await json<{ items: { action: string; actor: string }[] }>(`/api/v1/initiatives/${id}/history`);
    expect(history.items.slice(-2)).toMatchObject([
      { action: 'link-confirm', actor: reviewer.id },
      { action: 'link-reject', actor: reviewer.id },
    ]);
    decided = [confirmed!, rejected!];
  });

  it('shows one changed record exactly in its history, and archives a record gone from the source', async () => {
    await cp(defaultDpgaDir, copy, { recursive: true });
    const file = path.join(copy, 'nominees', 'dhis2.json');
    const product = JSON.parse(await readFile(file, 'utf8')) as { description: string };
    product.description = 'DHIS2 is an open source health management information platform (changed in the source).';
    await writeFile(file, JSON.stringify(product, null, 2));
    await rm(path.join(copy, 'nominees', 'mifos-web-app.json'));
    const { report } = await loadDpgaData(t.store, copy);
    expect(report).toMatchObject({ created: 0, updated: 1, archived: 1, unchanged: 226 });

    const id = await idOf('dhis2');
    const history = await json<{
      items: { action: string; actor: string; changed: string[]; note: string; after: { texts: { description: string }[] } }[];
    }>(`/api/v1/initiatives/${id}/history`);
    const last = history.items.at(-1)!;
    expect(last).toMatchObject({
      action: 'update',
      actor: 'registry:dpga',
      changed: ['texts'],
      note: 'from Digital Public Goods Alliance registry',
    });
    expect(last.after.texts[0]!.description).toBe(product.description);
    // The reviewer's decisions on the matcher's suggestions outlive the refresh.
    const [confirmed, rejected] = decided;
    const refreshed = await json<Record_>(`/api/v1/initiatives/${id}`);
    expect(refreshed.links.map((l) => l.elementId)).toContain(confirmed);
    expect(refreshed.suggestedLinks.map((l) => l.elementId)).not.toContain(rejected);

    const mifos = await json<Record_>(`/api/v1/initiatives/${await idOf('mifos-web-app')}`);
    expect(mifos.state).toBe('archived');
    expect(mifos.archivedReason).toContain('No longer listed');
    expect((await json<Listed>('/api/v1/initiatives?source=dpga&limit=200')).total).toBe(227);

    // Back as shipped: the record returns, the change is undone, again with history.
    const back = await loadDpgaData(t.store);
    expect(back.report).toMatchObject({ updated: 2, archived: 0 });
    expect((await json<Record_>(`/api/v1/initiatives/${await idOf('mifos-web-app')}`)).state).toBe('published');
  });

  it('refuses edits of an unclaimed imported record, even to a member of its organization', async () => {
    const id = await idOf('dhis2');
    const record = await json<Record_ & { version: number; status: string }>(`/api/v1/initiatives/${id}`);
    const { updateInitiative } = await import('../initiatives/service.ts');
    await expect(
      updateInitiative(
        t.store,
        owner,
        id,
        {
          leadOrganizationId: variantOrganization,
          texts: [{ lang: 'en', title: 'DHIS2', description: 'Edited by hand before a claim.' }],
          status: 'ongoing',
          startDate: null,
          endDate: null,
          budget: null,
          partners: [],
          areas: [],
          webLinks: [],
          links: [{ elementId: 'sdg.3', type: 'contributes-to', evidence: 'Health information systems.', address: null }],
        },
        record.version,
      ),
    ).rejects.toMatchObject({ status: 409, key: 'initiative.importedReadOnly' });
  });

  it('lets its organization’s administrator claim it, a reviewer confirm, and then edit it; a refresh then keeps it', async () => {
    const id = await idOf('dhis2');
    const path = `/en/initiatives/${id}`;
    const admin = new Visitor(t.app);
    await admin.signIn('en', owner.email, password);
    const page = await admin.get(path);
    expect(page.html).toContain(catalogs.en['initiative.importedReadOnly']!.replace('{source}', 'DPGA').slice(0, 40));
    expect(page.html).not.toContain(`${path}/edit`);
    // The form route refuses too, in the reader's language.
    const refused = await admin.post(`${path}/edit`, {
      leadOrganizationId: variantOrganization,
      status: 'ongoing',
      title_en: 'DHIS2',
      description_en: 'Edited by hand before a claim.',
      link_element_0: 'sdg.3',
      link_evidence_0: 'Health information systems.',
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('read-only until its organization claims it');
    const viaApiToken = /<code dir="ltr">(cnc_[A-Za-z0-9_-]+)<\/code>/.exec(
      (await admin.post('/en/account/tokens', { name: 'claim' })).html,
    )![1]!;
    const record = await json<{ version: number }>(`/api/v1/initiatives/${id}`);
    const put = await t.app.request(`/api/v1/initiatives/${id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${viaApiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        version: record.version,
        initiative: {
          leadOrganizationId: variantOrganization,
          texts: [{ lang: 'en', title: 'DHIS2', description: 'Edited through the API before a claim.' }],
          status: 'ongoing',
          links: [{ elementId: 'sdg.3', evidence: 'Health information systems.' }],
        },
      }),
    });
    expect(put.status).toBe(409);
    expect(put.headers.get('content-type')).toContain('application/problem+json');

    expect((await admin.post(`${path}/claim`)).status).toBe(303);
    expect((await admin.get(path)).html).toContain('awaiting a reviewer');
    // Only a reviewer decides.
    expect((await admin.post(`${path}/claim/confirm`)).status).toBe(403);
    const reviewer = await createUser(t.store, {
      email: `claim-reviewer.${Date.now()}@example.org`,
      name: 'Claim Reviewer',
      password,
      role: 'reviewer',
    });
    const r = new Visitor(t.app);
    await r.signIn('en', reviewer.email, password);
    expect((await r.get(path)).html).toContain(`${path}/claim/confirm`);
    expect((await r.post(`${path}/claim/confirm`)).status).toBe(303);

    // Claimed: the organization edits it like its own (reopened first, as any published record).
    expect((await admin.post(`${path}/reopen`)).status).toBe(303);
    const edit = await admin.get(`${path}/edit`);
    expect(edit.status).toBe(200);
    // A draft now: its history is read with the organization's token.
    const own = await t.app.request(`/api/v1/initiatives/${id}/history`, { headers: { Authorization: `Bearer ${viaApiToken}` } });
    const history = (await own.json()) as { items: { action: string }[] };
    expect(history.items.map((c) => c.action)).toEqual(expect.arrayContaining(['claim', 'claim-confirm', 'reopen']));
    // The source no longer writes a claimed record.
    const report = await loadRegistryRead(t.store, await readDpgaRegistry(defaultDpgaDir, areaNameIndex(await areaCatalog())));
    expect(report.kept).toBe(1);
  });

  it('proposes an imported record and a hand-made one for the same work as duplicates', async () => {
    const reviewer = await createUser(t.store, {
      email: `dpga-reviewer.${Date.now()}@example.org`,
      name: 'Reviewer',
      password,
      role: 'reviewer',
    });
    const handMade = await createInitiative(t.store, owner, {
      leadOrganizationId: variantOrganization,
      texts: [{ lang: 'en', title: 'DHIS2', description: 'Rolling out DHIS2 for health data in Kenya.' }],
      status: 'ongoing',
      startDate: null,
      endDate: null,
      budget: null,
      partners: [],
      areas: ['KEN'],
      webLinks: [],
      links: [{ elementId: 'sdg.3', type: 'contributes-to', evidence: 'Health information systems for districts.', address: null }],
    });
    await transition(t.store, owner, handMade.id, 'submit');
    const candidates = await duplicateCandidates(t.store.db, handMade.id, reviewer);
    expect(candidates.map((c) => c.id)).toContain(await idOf('dhis2'));
  });
});
