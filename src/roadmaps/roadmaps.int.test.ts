// A facilitator's roadmap through the API: built for action line C5 with two outcomes, refused
// at publication with every missing piece named, fixed, published; then public, with its history.
// Nobody else may change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { createApiToken, createUser } from '../accounts/service.ts';
import { createOrganization } from '../organizations/service.ts';

let t: TestApp;
const password = 'correct horse battery';

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
});
afterAll(() => t.close());

async function facilitator(email: string, orgName: string) {
  const user = await createUser(t.store, { email, name: `Facilitator of ${orgName}`, password });
  const organization = await createOrganization(t.store, user, { name: orgName, stakeholderType: 'un-entity' });
  const { token } = await createApiToken(t.store, user, 'roadmaps');
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await t.app.request(`/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { id: string } };
  };
  return { user, organization, call };
}

describe('an action-line roadmap', () => {
  it('is published only when its checks pass, and says exactly what is missing', async () => {
    const itu = await facilitator('c5@example.org', 'Cybersecurity facilitator');
    const made = await itu.call('POST', '/roadmaps', {
      title: 'Roadmap for action line C5: building confidence and security in the use of ICTs',
      lang: 'en',
      ownerOrganizationId: itu.organization.id,
      actionLineId: 'wsis.C5',
    });
    expect(made.status).toBe(201);
    const roadmapId = made.body.id;

    const trust = await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, { title: 'National cybersecurity capacity raised' });
    const safety = await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, {
      title: 'Children safer online',
      indicators: [{ code: 'IT.NET.USER.ZS', targetValue: 100, targetYear: 2030 }],
    });
    expect([trust.status, safety.status]).toEqual([201, 201]);
    const output = await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, { parentId: trust.body.id, title: 'National CERTs established' });
    const activity = await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, {
      parentId: output.body.id,
      title: 'CERT readiness assessments',
    });
    expect(activity.status).toBe(201);
    // Nothing goes under an activity; a node's parent must be in the same roadmap.
    expect((await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, { parentId: activity.body.id, title: 'Too deep' })).status).toBe(400);
    const unknownElement = await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, { title: 'Bad tag', elements: ['gdc.999'] });
    expect(unknownElement.status).toBe(400);
    expect(JSON.stringify(unknownElement.body)).toContain('body.elements.0');
    const unknownIndicator = await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, {
      title: 'Made up',
      indicators: [{ code: 'NOT-AN-INDICATOR' }],
    });
    expect(unknownIndicator.status).toBe(400);
    expect(JSON.stringify(unknownIndicator.body)).toContain('body.indicators.0');

    // Draft: invisible to the public.
    expect((await t.app.request(`/api/v1/roadmaps/${roadmapId}`)).status).toBe(404);

    const refused = await itu.call('POST', `/roadmaps/${roadmapId}/publish`);
    expect(refused.status).toBe(422);
    const errors = refused.body.errors as { field: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: `nodes.${trust.body.id}`, message: 'Outcome “National cybersecurity capacity raised” has no indicator to measure it.' },
        {
          field: `nodes.${activity.body.id}`,
          message: 'Activity “CERT readiness assessments” is not tagged with a Global Digital Compact item.',
        },
        { field: `nodes.${activity.body.id}`, message: 'Activity “CERT readiness assessments” is not tagged with a WSIS action line.' },
        { field: `nodes.${activity.body.id}`, message: 'Activity “CERT readiness assessments” has no lead organization.' },
        { field: `nodes.${activity.body.id}`, message: 'Activity “CERT readiness assessments” has no due date.' },
      ]),
    );
    expect(errors).toHaveLength(5);

    // Someone else cannot fix it for them.
    const other = await facilitator('other@example.org', 'Another entity');
    expect((await other.call('PUT', `/roadmap-nodes/${activity.body.id}`, { title: 'Hijacked' })).status).toBe(403);

    expect(
      (
        await itu.call('PUT', `/roadmap-nodes/${trust.body.id}`, {
          title: 'National cybersecurity capacity raised',
          indicators: [{ code: 'ITU.HH.INTERNET', targetValue: 80, targetYear: 2030 }],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await itu.call('PUT', `/roadmap-nodes/${activity.body.id}`, {
          title: 'CERT readiness assessments',
          elements: ['gdc.13.a', 'wsis.C5', 'sdg.16.a'],
          leadOrganizationId: itu.organization.id,
          contributors: [other.organization.id],
          dueDate: '2027-06-30',
          status: 'ongoing',
        })
      ).status,
    ).toBe(200);
    const published = await itu.call('POST', `/roadmaps/${roadmapId}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'published', findings: [], actionLineId: 'wsis.C5' });

    // Public now, its tree in order, with the history of every change.
    const open = (await (await t.app.request(`/api/v1/roadmaps/${roadmapId}`)).json()) as {
      nodes: { title: string; kind: string; elements: string[]; contributors: { id: string }[] }[];
    };
    expect(open.nodes.map((n) => `${n.kind} ${n.title}`)).toEqual([
      'outcome National cybersecurity capacity raised',
      'output National CERTs established',
      'activity CERT readiness assessments',
      'outcome Children safer online',
    ]);
    expect(open.nodes[2]).toMatchObject({ elements: ['gdc.13.a', 'sdg.16.a', 'wsis.C5'], contributors: [{ id: other.organization.id }] });
    const listed = (await (await t.app.request('/api/v1/roadmaps')).json()) as { items: { id: string }[] };
    expect(listed.items.map((r) => r.id)).toContain(roadmapId);
    const history = (await (await t.app.request(`/api/v1/roadmaps/${roadmapId}/history`)).json()) as { items: { action: string }[] };
    expect(history.items.map((h) => h.action)).toEqual([
      'create',
      'add-outcome',
      'add-outcome',
      'add-output',
      'add-activity',
      'edit-outcome',
      'edit-activity',
      'publish',
    ]);
    // Published: changed only after reopening.
    expect((await itu.call('POST', `/roadmaps/${roadmapId}/nodes`, { title: 'Late addition' })).status).toBe(409);
  });
});

describe('roadmap pages', () => {
  it('lets a facilitator build a roadmap in forms, see why it cannot be published yet, fix it and publish it', async () => {
    const { Visitor } = await import('../testing/visitor.ts');
    const { catalogs } = await import('../i18n/index.ts');
    const v = new Visitor(t.app);
    await v.signUp('en', 'Page Facilitator', 'pages@example.org', password);
    await v.get('/en/organizations/new');
    const org = (await v.post('/en/organizations/new', { name: 'Capacity facilitator', stakeholderType: 'un-entity' }))
      .location!.split('/')
      .pop()!
      .split('?')[0]!;

    await v.get('/en/roadmaps/new');
    const noTitle = await v.post('/en/roadmaps/new', { title: '', lang: 'en', ownerOrganizationId: org, actionLineId: 'wsis.C4' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.html).toContain(catalogs.en['roadmap.titleRequired']!);
    const made = await v.post('/en/roadmaps/new', {
      title: 'Capacity building roadmap',
      lang: 'en',
      ownerOrganizationId: org,
      actionLineId: 'wsis.C4',
    });
    expect(made.status).toBe(303);
    const path = made.location!.split('#')[0]!;
    const id = path.split('/').pop()!;

    await v.get(`${path}/nodes/new`);
    const outcome = await v.post(`${path}/nodes/new`, { title: 'Digital skills for all', status: 'planned' });
    expect(outcome.status).toBe(303);
    const outcomeId = outcome.location!.split('#node-')[1]!;
    await v.get(`${path}/nodes/new?parent=${outcomeId}`);
    const output = await v.post(`${path}/nodes/new?parent=${outcomeId}`, {
      parentId: outcomeId,
      title: 'Curricula adopted',
      status: 'planned',
    });
    const outputId = output.location!.split('#node-')[1]!;
    await v.get(`${path}/nodes/new?parent=${outputId}`);
    const badTag = await v.post(`${path}/nodes/new?parent=${outputId}`, {
      parentId: outputId,
      title: 'Teacher training',
      elements: 'gdc.999',
      status: 'planned',
    });
    expect(badTag.status).toBe(400);
    expect(badTag.html).toContain('gdc.999');
    const activity = await v.post(`${path}/nodes/new?parent=${outputId}`, {
      parentId: outputId,
      title: 'Teacher training',
      elements: 'wsis.C4',
      status: 'planned',
    });
    const activityId = activity.location!.split('#node-')[1]!;

    // The draft page lists what stops publication; publishing shows the same list as errors.
    const draft = await v.get(path);
    expect(draft.html).toContain('Activity “Teacher training” is not tagged with a Global Digital Compact item.');
    expect(draft.html).toContain('Outcome “Digital skills for all” has no indicator to measure it.');
    expect((await new Visitor(t.app).get(path)).status).toBe(404);
    const refused = await v.post(`${path}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('class="error-summary"');
    expect(refused.html).toContain('Activity “Teacher training” has no due date.');

    await v.get(`/en/roadmap-nodes/${outcomeId}/edit`);
    expect(
      (
        await v.post(`/en/roadmap-nodes/${outcomeId}/edit`, {
          title: 'Digital skills for all',
          status: 'ongoing',
          indicator_code_0: 'SE_ADT_ACTS',
          indicator_target_0: '70',
          indicator_year_0: '2030',
        })
      ).status,
    ).toBe(303);
    await v.get(`/en/roadmap-nodes/${activityId}/edit`);
    expect(
      (
        await v.post(`/en/roadmap-nodes/${activityId}/edit`, {
          title: 'Teacher training',
          status: 'ongoing',
          elements: 'wsis.C4, gdc.13.a',
          leadOrganizationId: org,
          dueDate: '2027-03-31',
        })
      ).status,
    ).toBe(303);
    await v.get(path);
    const published = await v.post(`${path}/publish`);
    expect(published.status).toBe(303);
    const open = await new Visitor(t.app).get(path);
    expect(open.status).toBe(200);
    expect(open.html).toContain('Teacher training');
    expect(open.html).toContain('2027-03-31');
    expect(open.html).toContain(catalogs.en['roadmap.milestone.cstd30']!);
    expect(open.html).toContain(catalogs.en['history.action.add-activity']!);
    expect((await new Visitor(t.app).get('/en/roadmaps')).html).toContain(`href="/en/roadmaps/${id}"`);
    const arabic = await new Visitor(t.app).get(`/ar/roadmaps/${id}`);
    expect(arabic.html).toContain('dir="rtl"');
    expect(arabic.html).toContain(catalogs.ar['roadmap.milestone.cstd30']!);
  });
});
