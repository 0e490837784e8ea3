// The registry review API with bearer tokens: an administrator of an imported record's
// organization claims it, a reviewer finds it in the queue and confirms (or refuses) it; the
// matcher's suggestions are listed for reviewers and confirmed or rejected one by one. Everyone
// else is refused with a problem+json, and each decision is in the record's history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { createApiToken, createUser } from '../accounts/service.ts';
import { createOrganization } from '../organizations/service.ts';
import { sql } from '../store/index.ts';
import { loadRegistryRead } from './load.ts';
import { dpgaSource } from './dpga.ts';
import type { RegistryRecord } from './connector.ts';

let t: TestApp;
const tokens: Record<'admin' | 'member' | 'reviewer' | 'stranger', string> = { admin: '', member: '', reviewer: '', stranger: '' };
const ids: string[] = [];
const password = 'correct horse battery';
const organizationName = `Open Learning Commons ${Date.now()}`;

function record(sourceId: string, title: string, description: string): RegistryRecord {
  return {
    sourceId,
    url: `https://example.org/${sourceId}`,
    texts: [{ lang: 'en', title, description }],
    status: 'ongoing',
    startDate: null,
    endDate: null,
    budget: null,
    money: [],
    organizations: [{ name: organizationName, website: null, role: 'lead', sourceRole: 'owner' }],
    areas: ['KEN'],
    webLinks: [],
    links: [{ elementId: 'sdg.4', type: 'contributes-to', evidence: 'Open educational resources.', address: null, reviewedAtSource: true }],
    stage: 'DPG',
    notes: [],
  };
}

async function call(
  who: keyof typeof tokens | null,
  method: string,
  address: string,
  body?: unknown,
): Promise<{ status: number; type: string; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (who) headers.Authorization = `Bearer ${tokens[who]}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await t.app.request(`/api/v1${address}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    json: (await response.json()) as Record<string, unknown>,
  };
}

beforeAll(async () => {
  t = await openTestApp();
  const stamp = Date.now();
  const admin = await createUser(t.store, { email: `review-api-admin.${stamp}@example.org`, name: 'Ama Admin', password });
  const member = await createUser(t.store, { email: `review-api-member.${stamp}@example.org`, name: 'Mo Member', password });
  const reviewer = await createUser(t.store, {
    email: `review-api-reviewer.${stamp}@example.org`,
    name: 'Rae Reviewer',
    password,
    role: 'reviewer',
  });
  const stranger = await createUser(t.store, { email: `review-api-stranger.${stamp}@example.org`, name: 'Sam Stranger', password });
  // Registered before the load under the name the source gives: the load matches it.
  const organization = await createOrganization(t.store, admin, { name: organizationName, stakeholderType: 'civil-society' });
  await t.store.db.query(
    sql`INSERT INTO memberships (user_id, organization_id, role, state) VALUES (${member.id}, ${organization.id}, 'member', 'active')`,
  );
  for (const [key, user] of [
    ['admin', admin],
    ['member', member],
    ['reviewer', reviewer],
    ['stranger', stranger],
  ] as const)
    tokens[key] = (await createApiToken(t.store, user, 'review api')).token;

  const report = await loadRegistryRead(t.store, {
    source: dpgaSource,
    scope: ['review-api-'],
    problems: [],
    records: [
      record(
        'review-api-tutor',
        'Open AI tutor for schools',
        'An open-source artificial intelligence tutor that builds AI capacity in schools, with teacher training in digital skills and digital literacy, and open data on learning.',
      ),
      record(
        'review-api-connect',
        'Community broadband for rural schools',
        'Community networks bring affordable broadband connectivity to rural schools and libraries, closing the digital divide with universal and meaningful connectivity.',
      ),
    ],
  });
  expect(report.created).toBe(2);
  for (const sourceId of ['review-api-tutor', 'review-api-connect'])
    ids.push(
      (await t.store.db.query<{ id: string }>(sql`SELECT id FROM initiatives WHERE source = 'dpga' AND source_id = ${sourceId}`))[0]!.id,
    );
});
afterAll(async () => {
  await t.close();
});

describe('claims of imported records through the API', () => {
  it('lets the organization’s administrator ask, shows the claim to its members and reviewers only', async () => {
    const [id] = ids;
    expect((await call(null, 'POST', `/claims/${id}`)).status).toBe(401);
    const byMember = await call('member', 'POST', `/claims/${id}`);
    expect(byMember.status).toBe(403);
    expect(byMember.type).toContain('application/problem+json');
    expect((await call('admin', 'GET', `/claims/${id}`)).json).toMatchObject({ state: 'open', requestedBy: null, source: 'dpga' });

    const asked = await call('admin', 'POST', `/claims/${id}`);
    expect(asked.status).toBe(200);
    expect(asked.json).toMatchObject({ initiativeId: id, state: 'waiting', requestedBy: { name: 'Ama Admin' }, confirmedAt: null });
    // Asked twice: a conflict, not a second request.
    expect((await call('admin', 'POST', `/claims/${id}`)).status).toBe(409);
    expect((await call('member', 'GET', `/claims/${id}`)).json).toMatchObject({ state: 'waiting' });
    expect((await call('stranger', 'GET', `/claims/${id}`)).status).toBe(403);
    expect((await call('admin', 'GET', `/claims/no-such-record`)).status).toBe(404);
  });

  it('puts the claim in the reviewers’ queue; a reviewer confirms it, with a note kept in history', async () => {
    const [id] = ids;
    expect((await call('admin', 'GET', '/review/claims')).status).toBe(403);
    const queue = await call('reviewer', 'GET', '/review/claims?limit=200');
    expect(queue.status).toBe(200);
    const items = queue.json.items as { initiativeId: string; title: string; leadOrganization: { name: string }; requestedAt: string }[];
    const mine = items.find((item) => item.initiativeId === id);
    expect(mine).toMatchObject({ title: 'Open AI tutor for schools', leadOrganization: { name: organizationName } });
    expect(Date.parse(mine!.requestedAt)).not.toBeNaN();
    expect(queue.json.total).toBeGreaterThanOrEqual(1);

    expect((await call('admin', 'POST', `/claims/${id}/decision`, { decision: 'confirm' })).status).toBe(403);
    const bad = await call('reviewer', 'POST', `/claims/${id}/decision`, { decision: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    const confirmed = await call('reviewer', 'POST', `/claims/${id}/decision`, {
      decision: 'confirm',
      note: 'Checked with the maintainers.',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toMatchObject({ state: 'confirmed' });
    expect(Date.parse(String(confirmed.json.confirmedAt))).not.toBeNaN();
    // Decided: nothing left to decide, and gone from the queue.
    expect((await call('reviewer', 'POST', `/claims/${id}/decision`, { decision: 'refuse' })).status).toBe(409);
    const after = (await call('reviewer', 'GET', '/review/claims?limit=200')).json.items as { initiativeId: string }[];
    expect(after.map((item) => item.initiativeId)).not.toContain(id);

    const history = await t.store.db.query<{ action: string; actor: string; note: string | null }>(
      sql`SELECT action, actor, note FROM changes WHERE entity = 'initiative' AND entity_id = ${id} AND action LIKE 'claim%' ORDER BY id`,
    );
    expect(history.map((h) => h.action)).toEqual(['claim', 'claim-confirm']);
    expect(history[1]!.note).toBe('Checked with the maintainers.');
  });

  it('lets a reviewer refuse a claim: the record is open to be asked for again', async () => {
    const [, id] = ids;
    expect((await call('admin', 'POST', `/claims/${id}`)).status).toBe(200);
    const refused = await call('reviewer', 'POST', `/claims/${id}/decision`, { decision: 'refuse' });
    expect(refused.json).toMatchObject({ state: 'open', requestedBy: null });
  });
});

describe('suggested links through the API', () => {
  it('lists the matcher’s suggestions for reviewers only, filtered by source and framework', async () => {
    expect((await call('admin', 'GET', '/review/suggested-links')).status).toBe(403);
    const stored = await t.store.db.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM initiative_links l JOIN initiatives i ON i.id = l.initiative_id
           WHERE l.state = 'suggested' AND i.source = 'dpga'`,
    );
    const all = await call('reviewer', 'GET', '/review/suggested-links?source=dpga&limit=200');
    expect(all.status).toBe(200);
    expect(all.json.total).toBe(Number(stored[0]!.n));
    const items = all.json.items as { initiativeId: string; framework: string; elementId: string; evidence: string; suggestedBy: string }[];
    const ours = items.filter((item) => ids.includes(item.initiativeId));
    expect(ours.length).toBeGreaterThan(0);
    for (const item of ours) {
      expect(['gdc', 'wsis']).toContain(item.framework);
      expect(item.suggestedBy).toBe('matcher');
      expect(item.evidence.length).toBeGreaterThan(0);
    }
    const gdc = await call('reviewer', 'GET', '/review/suggested-links?source=dpga&framework=gdc&limit=200');
    expect((gdc.json.items as { framework: string }[]).every((item) => item.framework === 'gdc')).toBe(true);
    expect((await call('reviewer', 'GET', '/review/suggested-links?source=nowhere')).status).toBe(400);
  });

  it('confirms one suggestion (now one of the record’s links) and rejects another (not listed again)', async () => {
    const listed = (await call('reviewer', 'GET', '/review/suggested-links?source=dpga&limit=200')).json.items as {
      initiativeId: string;
      elementId: string;
    }[];
    const ours = listed.filter((item) => ids.includes(item.initiativeId));
    expect(ours.length).toBeGreaterThanOrEqual(2);
    const [keep, drop] = ours as [(typeof ours)[0], (typeof ours)[0]];

    const byAdmin = await call('admin', 'POST', `/review/suggested-links/${keep.initiativeId}/${keep.elementId}`, { decision: 'confirm' });
    expect(byAdmin.status).toBe(403);
    const confirmed = await call('reviewer', 'POST', `/review/suggested-links/${keep.initiativeId}/${keep.elementId}`, {
      decision: 'confirm',
    });
    expect(confirmed.json).toEqual({ initiativeId: keep.initiativeId, elementId: keep.elementId, state: 'confirmed' });
    const rejected = await call('reviewer', 'POST', `/review/suggested-links/${drop.initiativeId}/${drop.elementId}`, {
      decision: 'reject',
    });
    expect(rejected.json).toMatchObject({ state: 'rejected' });
    // Decided once: a second decision finds nothing to decide.
    expect(
      (await call('reviewer', 'POST', `/review/suggested-links/${drop.initiativeId}/${drop.elementId}`, { decision: 'confirm' })).status,
    ).toBe(404);

    const record = await t.app.request(`/api/v1/initiatives/${keep.initiativeId}`);
    const body = (await record.json()) as { links: { elementId: string }[]; suggestedLinks: { elementId: string }[] };
    expect(body.links.map((l) => l.elementId)).toContain(keep.elementId);
    expect(body.suggestedLinks.map((l) => l.elementId)).not.toContain(keep.elementId);
    const remaining = (await call('reviewer', 'GET', '/review/suggested-links?source=dpga&limit=200')).json.items as {
      initiativeId: string;
      elementId: string;
    }[];
    expect(remaining.some((item) => item.initiativeId === drop.initiativeId && item.elementId === drop.elementId)).toBe(false);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await t.app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of ['/claims/{initiativeId}', '/claims/{initiativeId}/decision', '/review/claims', '/review/suggested-links'])
      expect(Object.keys(document.paths)).toContain(path);
  });
});
