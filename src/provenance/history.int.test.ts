// What a record's history shows, through the API and the pages: a progress report's narrative,
// value and evidence reach the public only once a reviewer publishes the report (never after a
// rejection); its organization and the reviewers read every change whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { catalogs, type MessageKey } from '../i18n/index.ts';
import { createApiToken, createUser } from '../accounts/service.ts';
import { createOrganization } from '../organizations/service.ts';

let t: TestApp;
const password = 'correct horse battery';

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/** A person with an API token, and a call through the API as them (or as nobody). */
async function person(email: string, role: 'contributor' | 'reviewer' = 'contributor') {
  const user = await createUser(t.store, { email, name: email.split('@')[0]!, password, role });
  const { token } = await createApiToken(t.store, user, 'history');
  return { user, call: caller(token) };
}

function caller(token: string | null) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await t.app.request(`/api/v1${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  };
}
const anonymous = caller(null);

describe('the history of progress reports', () => {
  it('shows a report’s narrative, value and evidence to the public only once it is published', async () => {
    const owner = await person('history-owner@example.org');
    const outsider = await person('history-outsider@example.org');
    const reviewer = await person('history-reviewer@example.org', 'reviewer');
    const organization = await createOrganization(t.store, owner.user, { name: 'History Test Alliance', stakeholderType: 'civil-society' });
    await createOrganization(t.store, outsider.user, { name: 'Another History Org', stakeholderType: 'civil-society' });

    const created = await owner.call('POST', '/initiatives', {
      leadOrganizationId: organization.id,
      status: 'ongoing',
      texts: [{ lang: 'en', title: 'Community networks in rural Peru', description: 'Community-owned networks for rural villages.' }],
      areas: ['PER'],
      links: [{ elementId: 'gdc.11.a', evidence: 'Connects unconnected villages.' }],
    });
    expect(created.status, created.text).toBe(201);
    const id = (JSON.parse(created.text) as { id: string }).id;
    const pledge = await owner.call('POST', `/initiatives/${id}/pledges`, {
      metric: 'Villages connected',
      unit: 'villages',
      baselineValue: 0,
      baselineDate: '2025-01-01',
      targetValue: 40,
      targetDate: '2028-12-31',
    });
    expect(pledge.status, pledge.text).toBe(201);
    const pledgeId = (JSON.parse(pledge.text) as { id: string }).id;
    expect((await owner.call('POST', `/initiatives/${id}/submit`)).status).toBe(200);
    expect((await reviewer.call('POST', `/initiatives/${id}/publish`)).status).toBe(200);

    const report = async (narrative: string, value: number, evidenceUrl: string) => {
      const made = await owner.call('POST', `/pledges/${pledgeId}/updates`, { date: '2026-03-31', value, narrative, evidenceUrl });
      expect(made.status, made.text).toBe(201);
      return (JSON.parse(made.text) as { id: string }).id;
    };
    const rejected = {
      narrative: 'Claims nine villages that a reviewer could not confirm.',
      value: 7654321.5,
      evidenceUrl: 'https://example.org/unconfirmed',
    };
    const rejectedId = await report(rejected.narrative, rejected.value, rejected.evidenceUrl);
    const secret = [rejected.narrative, String(rejected.value), rejected.evidenceUrl];

    const history = async (call: ReturnType<typeof caller>) => {
      const response = await call('GET', `/initiatives/${id}/history`);
      expect(response.status).toBe(200);
      return response.text;
    };
    const historyPage = async () => (await t.app.request(`/en/initiatives/${id}/history`)).text();

    // Submitted, not yet reviewed: the public sees that a report was made, not what it says.
    const submitted = await history(anonymous);
    for (const text of secret) expect(submitted).not.toContain(text);
    expect(submitted).toContain(rejectedId);
    expect(await history(outsider.call)).not.toContain(rejected.narrative);
    // The organization and the reviewers read it whole.
    for (const text of secret) expect(await history(owner.call)).toContain(text);
    expect(await history(reviewer.call)).toContain(rejected.narrative);

    // Rejected: still never public.
    expect((await reviewer.call('POST', `/progress/${rejectedId}/reject`)).status).toBe(200);
    const afterRejection = await history(anonymous);
    for (const text of secret) expect(afterRejection).not.toContain(text);
    expect(afterRejection).toContain('reject-progress');

    // Published: public, through the API and on the page, and the rejected one still is not.
    const published = {
      narrative: 'Twelve villages connected and verified on site.',
      value: 8765432.25,
      evidenceUrl: 'https://example.org/verified',
    };
    const publishedId = await report(published.narrative, published.value, published.evidenceUrl);
    expect(await history(anonymous)).not.toContain(published.narrative);
    expect((await reviewer.call('POST', `/progress/${publishedId}/publish`)).status).toBe(200);
    const afterPublication = await history(anonymous);
    for (const text of [published.narrative, String(published.value), published.evidenceUrl]) expect(afterPublication).toContain(text);
    for (const text of secret) expect(afterPublication).not.toContain(text);
    const items = (JSON.parse(afterPublication) as { items: { action: string; changed: string[]; after: { update?: string } | null }[] })
      .items;
    const progress = items.filter((item) => item.action === 'progress');
    expect(progress.find((item) => item.after?.update === rejectedId)?.changed).toEqual(['pledge', 'update']);
    expect(progress.find((item) => item.after?.update === publishedId)?.changed).toEqual(
      expect.arrayContaining(['narrative', 'value', 'evidenceUrl']),
    );

    // The pages read the same history: the withheld report lists no narrative among its fields.
    const page = await historyPage();
    // Fields are named as the forms name them (catalog labels), not by their property names.
    const fields = (names: MessageKey[]) => `${names.map((k) => catalogs.en[k]).join(', ')}</td>`;
    expect(page).toContain(fields(['history.field.pledge', 'history.field.update']));
    expect(page).toContain(
      fields(['pledge.date', 'pledge.evidence', 'pledge.narrative', 'history.field.pledge', 'history.field.update', 'pledge.value']),
    );
    expect(page).not.toContain('evidenceUrl');
  });
});
