// The mandate tracker on real documents (issue 14): part of the core library read as on first
// start (the library loader, a manifest of five of its files), then the follow-up table of
// A/RES/80/173, the ITU actor page, a roadmap that answers paragraph 122, an overdue mandate with
// its rule, CSV and XLSX with the page's rows, API filters, a correction that outlives a re-read,
// and who may write what.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { libraryDir, loadLibrary, readManifest } from '../documents/library.ts';
import { ingestFile } from '../documents/service.ts';
import { createApiToken, createUser, setRole } from '../accounts/service.ts';
import { createOrganization } from '../organizations/service.ts';
import { Visitor } from '../testing/visitor.ts';
import { frontPage } from '../web/home.tsx';

interface Mandate {
  id: number;
  document: { id: string; symbol: string | null };
  paragraph: string | null;
  verb: string;
  force: string;
  actors: { id: string | null; name: string; text: string }[];
  askedIds: string[];
  object: string;
  deadline: { text: string; from: string | null; to: string | null } | null;
  status: string;
  rule: string;
  notMandate: boolean;
}
interface MandateList {
  total: number;
  asOf: string;
  counts: { status: Record<string, number>; force: Record<string, number> };
  items: Mandate[];
}

/** The files read: A/RES/80/173 in English and Arabic, the Pact (GDC annex), A/RES/79/194 (as the seed) and A/RES/78/132. */
const FILES = [
  'A_RES_80_173.en.txt',
  'seeds/004_d358089ea9b32d0d.txt',
  'A_RES_79_1.en.txt',
  'seeds/001_b2b2b425cb4da82d.txt',
  'A_RES_78_132.en.txt',
];

let t: TestApp;
let dir: string;
const password = 'correct horse battery';

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await t.app.request(url, init);
  expect(response.status, url).toBe(200);
  return (await response.json()) as T;
}

async function caller(email: string, role: 'contributor' | 'reviewer' = 'contributor') {
  const user = await createUser(t.store, { email, name: email.split('@')[0]!, password });
  if (role === 'reviewer') await setRole(t.store, 'test', user.id, 'reviewer');
  const { token } = await createApiToken(t.store, user, 'mandates');
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await t.app.request(`/api/v1${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      type: response.headers.get('Content-Type'),
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  return { user, call };
}

async function mandateOf(symbol: string, paragraph: string, verb = 'requests'): Promise<Mandate> {
  const list = await getJson<MandateList>(`/api/v1/mandates?document=${encodeURIComponent(symbol)}&limit=1000`);
  const found = list.items.find((m) => m.paragraph === paragraph && m.verb === verb);
  expect(found, `${symbol} para ${paragraph} ${verb}`).toBeDefined();
  return found!;
}

beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
  dir = await mkdtemp(path.join(os.tmpdir(), 'concord-mandates-'));
  await cp(libraryDir, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(path.join(libraryDir, 'library.json'), 'utf8')) as { documents: { file: string }[] };
  manifest.documents = manifest.documents.filter((d) => FILES.includes(d.file));
  await writeFile(path.join(dir, 'library.json'), JSON.stringify(manifest));
  expect((await readManifest(dir)).map((e) => e.file).sort()).toEqual([...FILES].sort());
  const report = await loadLibrary(t.store, { dir });
  expect(report.failures).toEqual([]);
}, 240_000);
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the follow-up table of A/RES/80/173', () => {
  it('lists its requests with actors and deadlines, paragraphs 67, 86, 113 and 122 among them', async () => {
    const p122 = await mandateOf('A/RES/80/173', '122');
    expect(p122.actors.map((a) => a.id)).toEqual(['body.ungis']);
    expect(p122.object).toContain('joint implementation road map');
    expect(p122.deadline).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    const p113 = await mandateOf('A/RES/80/173', '113');
    expect(p113.actors.map((a) => a.id)).toEqual(['group.action-line-facilitators']);
    // The group names each facilitator.
    expect(p113.askedIds).toEqual(expect.arrayContaining(['un.itu', 'un.unesco', 'un.undp', 'un.unctad']));
    expect(p113.deadline).toMatchObject({ from: '2027-01-01', to: '2027-12-31' });
    const p86 = await mandateOf('A/RES/80/173', '86', 'calls upon');
    expect(p86.actors.map((a) => a.id)).toEqual(['body.iawg-ai']);
    expect(p86.object).toMatch(/^to map existing United Nations system-wide capacity-building initiatives/);
    expect(p86.deadline?.text).toBe('in 2026');
    const p67 = await mandateOf('A/RES/80/173', '67', 'invites');
    expect(p67.actors.map((a) => a.id)).toEqual(['un.itu']);
    expect(p67.object).toContain('task force');

    const page = await t.app.request('/en/mandates?document=A/RES/80/173');
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const m of [p67, p86, p113, p122]) expect(html).toContain(`href="/en/mandates/${m.id}">${m.paragraph}</a>`);
    expect(html).toContain('United Nations Group on the Information Society');
    expect(html).toContain('at its twenty-ninth session, in 2026 (2026-01-01 – 2026-12-31)');
    // Positions ("notes", "recognizes") are not mandates.
    expect(html).not.toContain('<strong>notes</strong>');

    // In Arabic: the actors' names in Arabic, the requests (read from English) marked as English.
    const arabic = await (await t.app.request('/ar/mandates?document=A/RES/80/173')).text();
    expect(arabic).toContain('فريق الأمم المتحدة المعني بمجتمع المعلومات');
    expect(arabic).toContain('dir="rtl"');

    // The document's page leads to its follow-up table.
    const documentPage = await (await t.app.request('/en/documents/a-res-80-173')).text();
    expect(documentPage).toContain('href="/en/mandates?document=a-res-80-173"');

    // One mandate: its paragraph in both language versions.
    const detail = await (await t.app.request(`/en/mandates/${p122.id}`)).text();
    expect(detail).toContain('lang="ar"');
    expect(detail).toContain('lang="en"');
  });

  it('exports as CSV and XLSX with the same rows as the page', async () => {
    const html = await (await t.app.request('/en/mandates?document=A/RES/80/173')).text();
    const tbody = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    const pageIds = [...tbody.matchAll(/href="\/en\/mandates\/(\d+)"/g)].map((m) => m[1]);
    expect(pageIds.length).toBeGreaterThan(40);

    const csv = await t.app.request('/en/mandates.csv?document=A/RES/80/173');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const rows = parse<Record<string, string>>(await csv.text(), { columns: true, bom: true });
    expect(rows.map((r) => r.id)).toEqual(pageIds);
    const p122 = rows.find((r) => r.Paragraph === '122');
    expect(p122).toMatchObject({ Document: 'A/RES/80/173', 'Of whom': 'United Nations Group on the Information Society' });

    const xlsx = await t.app.request('/en/mandates.xlsx?document=A/RES/80/173');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('mandates')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const idColumn = header.indexOf('id') + 1;
    const xlsxIds: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) xlsxIds.push(row.getCell(idColumn).text);
    });
    expect(xlsxIds).toEqual(pageIds);
  });
});

describe('actors', () => {
  it('the ITU page lists what has been asked of it, from at least three documents', async () => {
    const response = await t.app.request('/en/actors/un.itu');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('What has been asked of International Telecommunication Union');
    const documents = new Set([...html.matchAll(/href="\/en\/documents\/([a-z0-9-]+)"/g)].map((m) => m[1]));
    expect(documents.size).toBeGreaterThanOrEqual(3);
    expect(documents).toContain('a-res-80-173');
    expect(documents).toContain('a-res-79-1');
    // Asked as an action-line facilitator (paragraph 113) and as part of the UN system.
    expect(html).toContain('Asked of United Nations system, of which International Telecommunication Union is part');

    const api = await getJson<MandateList>('/api/v1/actors/un.itu/mandates');
    expect(api.items.every((m) => m.askedIds.includes('un.itu'))).toBe(true);
    // By deadline, open-ended last.
    const dues = api.items.map((m) => m.deadline?.to ?? '9999');
    expect(dues).toEqual([...dues].sort());
    const actors = await getJson<{ items: { id: string; mandates: number }[] }>('/api/v1/actors?lang=fr');
    expect(actors.items.find((a) => a.id === 'un.itu')?.mandates).toBe(api.total);
    expect(await getJson<{ names: Record<string, string> }>('/api/v1/actors/body.cstd')).toMatchObject({
      names: { ar: 'لجنة تسخير العلم والتكنولوجيا لأغراض التنمية' },
    });
    expect((await t.app.request('/api/v1/actors/un.nobody')).status).toBe(404);
  });
});

describe('answers and status', () => {
  it('publishing a roadmap that answers paragraph 122 turns it to "in progress"', async () => {
    const owner = await caller('ungis@example.org');
    const reviewer = await caller('reviewer@example.org', 'reviewer');
    const stranger = await caller('stranger@example.org');
    const org = await createOrganization(t.store, owner.user, { name: 'UNGIS secretariat', stakeholderType: 'un-entity' });
    const made = await owner.call('POST', '/roadmaps', {
      title: 'Joint WSIS–GDC implementation road map',
      lang: 'en',
      ownerOrganizationId: org.id,
    });
    expect(made.status).toBe(201);
    const roadmapId = made.body.id as string;
    const p122 = await mandateOf('A/RES/80/173', '122');
    const asOf = '2026-06-30';
    const status = async () => (await getJson<{ status: string; rule: string }>(`/api/v1/mandates/${p122.id}?asOf=${asOf}`)).status;
    expect(await status()).toBe('open');

    // Someone who does not own the roadmap cannot link it; its owner proposes; a reviewer confirms.
    const answer = { kind: 'roadmap', targetId: roadmapId, evidence: 'The joint road map UNGIS prepares for the Commission.' };
    const refused = await stranger.call('POST', `/mandates/${p122.id}/answers`, answer);
    expect(refused.status).toBe(403);
    expect(refused.type).toContain('application/problem+json');
    const proposed = await owner.call('POST', `/mandates/${p122.id}/answers`, answer);
    expect(proposed.status).toBe(201);
    expect((await owner.call('POST', `/mandates/${p122.id}/answers`, answer)).status).toBe(409);
    expect((await owner.call('POST', `/mandate-answers/${String(proposed.body.id)}/decision`, { decision: 'confirmed' })).status).toBe(403);
    expect((await reviewer.call('POST', `/mandate-answers/${String(proposed.body.id)}/decision`, { decision: 'confirmed' })).status).toBe(
      200,
    );
    // A draft is no work under way.
    expect(await status()).toBe('open');

    const outcome = await owner.call('POST', `/roadmaps/${roadmapId}/nodes`, {
      title: 'WSIS and GDC implementation joined up',
      indicators: [{ code: 'ITU.HH.INTERNET', targetValue: 80, targetYear: 2030 }],
    });
    const output = await owner.call('POST', `/roadmaps/${roadmapId}/nodes`, { parentId: outcome.body.id, title: 'Joint road map adopted' });
    const activity = await owner.call('POST', `/roadmaps/${roadmapId}/nodes`, {
      parentId: output.body.id,
      title: 'Draft the joint road map',
      elements: ['gdc.11.b', 'wsis.C1'],
      leadOrganizationId: org.id,
      dueDate: '2026-11-30',
      status: 'ongoing',
    });
    expect([outcome.status, output.status, activity.status]).toEqual([201, 201, 201]);
    expect((await owner.call('POST', `/roadmaps/${roadmapId}/publish`)).status).toBe(200);

    const after = await getJson<{ status: string; rule: string; answers: { kind: string; state: string; title: string }[] }>(
      `/api/v1/mandates/${p122.id}?asOf=${asOf}`,
    );
    expect(after.status).toBe('in-progress');
    expect(after.rule).toMatch(/^In progress: a confirmed answer is under way/);
    expect(after.answers).toEqual([
      expect.objectContaining({ kind: 'roadmap', state: 'confirmed', title: 'Joint WSIS–GDC implementation road map' }),
    ]);
    const page = await (await t.app.request(`/en/mandates/${p122.id}?asOf=${asOf}`)).text();
    expect(page).toContain('in progress');
    expect(page).toContain('Joint WSIS–GDC implementation road map');
    const inProgress = await getJson<MandateList>(`/api/v1/mandates?status=in-progress&asOf=${asOf}`);
    expect(inProgress.items.map((m) => m.id)).toEqual([p122.id]);
    expect(inProgress.counts.status['in-progress']).toBe(1);
  });

  it('a mandate whose deadline passed with no answer is overdue, with its rule', async () => {
    const overdue = await getJson<MandateList>('/api/v1/mandates?document=A/RES/79/194&status=overdue&asOf=2026-12-01');
    expect(overdue.total).toBeGreaterThan(0);
    const m = overdue.items[0]!;
    expect(m.deadline?.to && m.deadline.to < '2026-12-01').toBe(true);
    expect(m.rule).toBe(`Overdue: its deadline (${m.deadline!.to}) had passed on 2026-12-01 and nothing delivered answers it.`);
    const page = await (await t.app.request(`/fr/mandates?document=A/RES/79/194&status=overdue&asOf=2026-12-01`)).text();
    expect(page).toContain(`En retard : son échéance (${m.deadline!.to}) était passée le 2026-12-01`);
    // The same mandate was open before its deadline.
    const before = await getJson<{ status: string }>(`/api/v1/mandates/${m.id}?asOf=2024-12-20`);
    expect(before.status).toBe('open');
    expect((await t.app.request(`/api/v1/mandates/${m.id}?asOf=2024-02-31`)).status).toBe(400);

    // A later document a reviewer links as its answer delivers it; one that renews the request supersedes another.
    const reviewer = await caller('documents-reviewer@example.org', 'reviewer');
    const linked = await reviewer.call('POST', `/mandates/${m.id}/answers`, {
      kind: 'document',
      targetId: 'a-res-80-173',
      evidence: 'The WSIS+20 outcome reports on what was asked.',
    });
    expect(linked.status).toBe(201);
    const renewed = overdue.items[1]!;
    expect(
      (
        await reviewer.call('POST', `/mandates/${renewed.id}/answers`, {
          kind: 'document',
          targetId: 'a-res-80-173',
          relation: 'supersedes',
          evidence: 'Renews the request.',
        })
      ).status,
    ).toBe(201);
    const asOf = '&asOf=2026-12-01&document=A/RES/79/194';
    expect((await getJson<MandateList>(`/api/v1/mandates?status=delivered${asOf}`)).items.map((x) => x.id)).toEqual([m.id]);
    expect((await getJson<MandateList>(`/api/v1/mandates?status=superseded${asOf}`)).items.map((x) => x.id)).toEqual([renewed.id]);
    const now = await getJson<MandateList>(`/api/v1/mandates?status=overdue${asOf}`);
    expect(now.total).toBe(overdue.total - 2);
    expect(now.counts.status).toMatchObject({ delivered: 1, superseded: 1 });
    expect((await t.app.request(`/en/mandates/${m.id}?asOf=2024-02-31`)).status).toBe(400);
  });
});

describe('renewed requests', () => {
  it('a later resolution of the series that asks the same again is suggested as superseding; a reviewer confirms it', async () => {
    interface Detail extends Mandate {
      answers: { id: number; kind: string; targetId: string; relation: string; state: string; proposedBy: string; evidence: string }[];
    }
    // A/RES/78/132 para 57 asks the Secretary-General for a report at the seventy-ninth session;
    // A/RES/79/194 para 67 asks him the same for the eightieth.
    const earlier = await mandateOf('A/RES/78/132', '57');
    const renewing = await mandateOf('A/RES/79/194', '67');
    expect(renewing.actors.map((a) => a.id)).toEqual(earlier.actors.map((a) => a.id));
    const detail = await getJson<Detail>(`/api/v1/mandates/${earlier.id}`);
    const suggested = detail.answers.filter((a) => a.relation === 'supersedes');
    expect(suggested).toEqual([
      expect.objectContaining({ kind: 'document', targetId: renewing.document.id, state: 'proposed', proposedBy: 'concord' }),
    ]);
    expect(suggested[0]!.evidence).toMatch(/^A\/RES\/79\/194 ¶ 67: same actors and kind, words \d+% alike$/);
    // Suggested only: the status waits for a reviewer.
    expect(detail.status).not.toBe('superseded');
    // The later request is not suggested as superseded by the earlier one, and a request not asked again has no suggestion.
    const byConcord = (d: Detail) => d.answers.filter((a) => a.proposedBy === 'concord');
    expect(byConcord(await getJson<Detail>(`/api/v1/mandates/${renewing.id}`))).toEqual([]);
    const p122 = await mandateOf('A/RES/80/173', '122');
    expect(byConcord(await getJson<Detail>(`/api/v1/mandates/${p122.id}`))).toEqual([]);

    const reviewer = await caller('renewals@example.org', 'reviewer');
    const page = new Visitor(t.app);
    await page.signIn('en', 'renewals@example.org', password);
    const html = (await page.get(`/en/mandates/${earlier.id}`)).html;
    expect(html).toContain('A/RES/79/194 ¶ 67: same actors and kind');
    expect(html).toContain(`action="/en/mandates/answers/${suggested[0]!.id}/decision"`);
    expect((await reviewer.call('POST', `/mandate-answers/${suggested[0]!.id}/decision`, { decision: 'confirmed' })).status).toBe(200);
    const confirmed = await getJson<Detail>(`/api/v1/mandates/${earlier.id}`);
    expect(confirmed.status).toBe('superseded');
    expect(confirmed.rule).toContain('renews');

    // Reading the later resolution again keeps the reviewer's decision and adds no second suggestion.
    const bytes = await readFile(path.join(libraryDir, 'seeds/001_b2b2b425cb4da82d.txt'));
    await ingestFile(
      t.store,
      bytes,
      { fileName: '001_b2b2b425cb4da82d.txt', provenance: 'concord library', reread: true },
      { lang: 'en', symbol: 'A/RES/79/194' },
    );
    const after = await getJson<Detail>(`/api/v1/mandates/${earlier.id}`);
    expect(after.answers.filter((a) => a.relation === 'supersedes')).toEqual([expect.objectContaining({ state: 'confirmed' })]);
  });
});

describe('the API', () => {
  it('filters by actor, document, year, kind and status, and pages', async () => {
    const all = await getJson<MandateList>('/api/v1/mandates?document=a-res-80-173&limit=1000');
    const bySymbol = await getJson<MandateList>('/api/v1/mandates?document=A/RES/80/173&limit=1000');
    expect(bySymbol.total).toBe(all.total);
    const requests = await getJson<MandateList>('/api/v1/mandates?document=A/RES/80/173&force=request&limit=1000');
    expect(requests.items.every((m) => m.force === 'request')).toBe(true);
    expect(requests.total).toBe(all.counts.force.request);
    const due2026 = await getJson<MandateList>('/api/v1/mandates?year=2026&limit=1000');
    expect(due2026.items.length).toBeGreaterThan(0);
    expect(due2026.items.every((m) => m.deadline!.from! <= '2026-12-31' && m.deadline!.to! >= '2026-01-01')).toBe(true);
    const ungis = await getJson<MandateList>('/api/v1/mandates?actor=body.ungis');
    expect(ungis.items.every((m) => m.askedIds.includes('body.ungis'))).toBe(true);
    const first = await getJson<MandateList>('/api/v1/mandates?document=A/RES/80/173&limit=10');
    const second = await getJson<MandateList>('/api/v1/mandates?document=A/RES/80/173&limit=10&offset=10');
    expect(first.items.map((m) => m.id)).toEqual(all.items.slice(0, 10).map((m) => m.id));
    expect(second.items.map((m) => m.id)).toEqual(all.items.slice(10, 20).map((m) => m.id));

    const bad = await t.app.request('/api/v1/mandates?status=finished&year=abc');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['query.status', 'query.year']);
    expect((await t.app.request('/api/v1/mandates/999999999')).status).toBe(404);

    // A bad filter on the page is shown beside its field; the page still answers.
    const page = await t.app.request('/en/mandates?status=finished');
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('id="f-status-error"');

    const spec = await getJson<{ paths: Record<string, unknown> }>('/api/v1/openapi.json');
    for (const p of [
      '/mandates',
      '/mandates/{id}',
      '/mandates/{id}/answers',
      '/mandates/{id}/corrections',
      '/actors',
      '/actors/{id}/mandates',
    ])
      expect(Object.keys(spec.paths), p).toContain(p);
  });
});

describe('mandates on other pages', () => {
  it('element pages list the mandates of their paragraphs; the implementation map counts mandates and lists unanswered ones as gaps', async () => {
    // Paragraph 11 of the GDC annex is element gdc.11 by construction: its commitments concern gdc.11 and its items.
    const ofElement = await getJson<MandateList>('/api/v1/mandates?element=gdc.11&limit=100');
    expect(ofElement.total).toBeGreaterThan(0);
    expect(ofElement.items.every((m) => m.document.symbol === 'A/RES/79/1')).toBe(true);
    const element = await (await t.app.request('/en/elements/gdc.11')).text();
    expect(element).toContain('Mandates that concern this element');
    expect(element).toContain(`/en/mandates/${ofElement.items[0]!.id}`);

    const gaps = await t.app.request('/en/implementation/gaps');
    expect(gaps.status).toBe(200);
    const html = await gaps.text();
    expect(html).toContain('Mandates with no answer');
    const all = await getJson<MandateList>('/api/v1/mandates?limit=1');
    expect(html).toMatch(new RegExp(`${all.total.toLocaleString('en')} mandates in all; \\d[\\d,]* with no confirmed answer`));

    // The Compact report of objective 1 (gdc.11 lies under it) lists them, in its page and its bundle.
    const report = await getJson<{ data: { mandates: { total: number; shown: { document: string; paragraph: string | null }[] } } }>(
      '/api/v1/reports/compact/gdc.obj.1?lang=en',
    );
    expect(report.data.mandates.total).toBeGreaterThanOrEqual(ofElement.total);
    expect(report.data.mandates.shown).toContainEqual(expect.objectContaining({ document: 'A/RES/79/1', paragraph: '11' }));
    const page = await (await t.app.request('/en/reports/compact/gdc.obj.1')).text();
    expect(page).toContain('What the documents ask under this objective');
    const { unzipSync, strFromU8 } = await import('fflate');
    const zip = unzipSync(new Uint8Array(await (await t.app.request('/en/reports/compact/gdc.obj.1.zip')).arrayBuffer()));
    const csv = Object.entries(zip).find(([name]) => name.endsWith('mandates.csv'));
    expect(csv).toBeDefined();
    expect(strFromU8(csv![1])).toContain('A/RES/79/1');
  });

  it('the front page counts the mandates due in a year under each GDC objective in one grouped count, as the list does', async () => {
    const { objectives } = await frontPage(t.store.db, 'en', '2026-06-01');
    expect(objectives.map((o) => o.objective.id)).toEqual(['gdc.obj.1', 'gdc.obj.2', 'gdc.obj.3', 'gdc.obj.4', 'gdc.obj.5']);
    for (const o of objectives) {
      const listed = await getJson<MandateList>(`/api/v1/mandates?element=${o.objective.id}&year=2026&limit=1`);
      expect(o.mandatesDue, o.objective.id).toBe(listed.total);
    }
    expect(objectives.some((o) => (o.mandatesDue ?? 0) > 0)).toBe(true);
  });
});

describe('reviewers’ corrections', () => {
  it('are kept with their history and survive a re-read of the document; nobody else may correct', async () => {
    const reviewer = await caller('corrector@example.org', 'reviewer');
    const contributor = await caller('contributor@example.org');
    const p113 = await mandateOf('A/RES/80/173', '113');
    const p67 = await mandateOf('A/RES/80/173', '67', 'invites');

    const refused = await contributor.call('POST', `/mandates/${p113.id}/corrections`, { object: 'changed' });
    expect(refused.status).toBe(403);
    const anonymous = await t.app.request(`/api/v1/mandates/${p113.id}/corrections`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ object: 'changed' }),
    });
    expect(anonymous.status).toBe(401);
    const unknownActor = await reviewer.call('POST', `/mandates/${p113.id}/corrections`, { actors: ['un.nobody'] });
    expect(unknownActor.status).toBe(400);

    const corrected = await reviewer.call('POST', `/mandates/${p113.id}/corrections`, {
      actors: ['group.action-line-facilitators', 'body.cstd'],
      deadline: { text: 'at its thirtieth session, in 2027', from: '2027-04-01', to: '2027-04-30' },
      reason: 'The Commission meets in April; the road maps go to it.',
    });
    expect(corrected.status).toBe(200);
    const notOne = await reviewer.call('POST', `/mandates/${p67.id}/corrections`, {
      notMandate: { value: true, reason: 'Read as a test of the tracker.' },
    });
    expect(notOne.status).toBe(200);

    // Read the English version again, as a new parser revision would.
    const bytes = await readFile(path.join(libraryDir, 'A_RES_80_173.en.txt'));
    const reread = await ingestFile(
      t.store,
      bytes,
      { fileName: 'A_RES_80_173.en.txt', provenance: 'concord library', reread: true },
      { lang: 'en', symbol: 'A/RES/80/173' },
    );
    expect(reread.status).toBe('replaced');

    const after = await getJson<Mandate & { corrections: { field: string; by: string }[] }>(`/api/v1/mandates/${p113.id}`);
    expect(after.actors.map((a) => a.id)).toEqual(['group.action-line-facilitators', 'body.cstd']);
    expect(after.askedIds).toEqual(expect.arrayContaining(['body.cstd', 'un.itu']));
    expect(after.deadline).toMatchObject({ from: '2027-04-01', to: '2027-04-30' });
    expect(after.corrections.map((c) => c.field).sort()).toEqual(['actors', 'deadline']);
    expect(after.corrections.every((c) => c.by === reviewer.user.id)).toBe(true);
    const listed = await getJson<MandateList>('/api/v1/mandates?document=A/RES/80/173&limit=1000');
    expect(listed.items.map((m) => m.id)).not.toContain(p67.id);
    expect((await getJson<Mandate>(`/api/v1/mandates/${p67.id}`)).notMandate).toBe(true);

    // Who, when, what: on the mandate's page.
    const page = await (await t.app.request(`/en/mandates/${p113.id}`)).text();
    expect(page).toContain('The Commission meets in April; the road maps go to it.');
  });

  it('page forms: reviewers only, with a CSRF token', async () => {
    const p86 = await mandateOf('A/RES/80/173', '86', 'calls upon');
    const visitor = new Visitor(t.app);
    await visitor.signUp('en', 'Visitor', 'visitor@example.org', password);
    const form = await visitor.get(`/en/mandates/${p86.id}/correct`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="_csrf"');
    const refused = await visitor.post(`/en/mandates/${p86.id}/correct`, { object: 'changed', actors: 'body.iawg-ai' });
    expect(refused.status).toBe(403);
    const forged = await visitor.post(`/en/mandates/${p86.id}/correct`, { object: 'changed' }, { csrf: false });
    expect(forged.status).toBe(403);
    expect((await getJson<Mandate>(`/api/v1/mandates/${p86.id}`)).object).toBe(p86.object);
  });
});

describe('the actor catalogue', () => {
  it('reviewers add a name to an actor: requests read only as those words are addressed to it, now and after a re-read', async () => {
    const reviewer = await caller('names@example.org', 'reviewer');
    const contributor = await caller('names-contributor@example.org');
    // GDC annex, 32 (d) and 36 (b): "calls upon social media platforms …", words the catalogue lacks.
    const before = await getJson<MandateList>('/api/v1/mandates?document=A/RES/79/1&limit=1000');
    const platforms = before.items.filter((m) => m.actors.some((a) => a.id === null && a.text === 'social media platforms'));
    expect(platforms.length).toBeGreaterThanOrEqual(2);

    expect(
      (await contributor.call('POST', '/actors/group.private-sector/aliases', { lang: 'en', alias: 'Social media platforms' })).status,
    ).toBe(403);
    const taken = await reviewer.call('POST', '/actors/group.private-sector/aliases', { lang: 'en', alias: 'the Secretary-General' });
    expect(taken.status).toBe(409);
    expect(taken.type).toContain('application/problem+json');
    expect(JSON.stringify(taken.body)).toContain('Secretary-General');
    expect((await reviewer.call('POST', '/actors/un.nobody/aliases', { lang: 'en', alias: 'Nobody' })).status).toBe(404);
    expect((await reviewer.call('POST', '/actors/group.private-sector/aliases', { lang: 'xx', alias: 'Platforms' })).status).toBe(400);

    const added = await reviewer.call('POST', '/actors/group.private-sector/aliases', { lang: 'en', alias: 'Social media platforms' });
    expect(added.status).toBe(201);
    expect(added.body.mandates).toBe(platforms.length);
    // The same name again, in another case, names an actor already.
    expect(
      (await reviewer.call('POST', '/actors/group.civil-society/aliases', { lang: 'en', alias: 'SOCIAL MEDIA PLATFORMS' })).status,
    ).toBe(409);
    for (const m of platforms) {
      const now = await getJson<Mandate>(`/api/v1/mandates/${m.id}`);
      expect(now.actors.find((a) => a.text === 'social media platforms')?.id).toBe('group.private-sector');
      expect(now.askedIds).toContain('group.private-sector');
    }
    const actor = await getJson<{ addedNames: { lang: string; alias: string; addedBy: string }[] }>('/api/v1/actors/group.private-sector');
    expect(actor.addedNames).toEqual([expect.objectContaining({ lang: 'en', alias: 'Social media platforms', addedBy: reviewer.user.id })]);

    // A re-read of the document addresses them to the actor again.
    const bytes = await readFile(path.join(libraryDir, 'A_RES_79_1.en.txt'));
    await ingestFile(
      t.store,
      bytes,
      { fileName: 'A_RES_79_1.en.txt', provenance: 'concord library', reread: true },
      { lang: 'en', symbol: 'A/RES/79/1' },
    );
    const reread = await getJson<MandateList>('/api/v1/mandates?actor=group.private-sector&document=A/RES/79/1&limit=1000');
    expect(reread.items.filter((m) => m.actors.some((a) => a.text === 'social media platforms')).length).toBe(platforms.length);

    const page = await (await t.app.request('/fr/actors/group.private-sector')).text();
    expect(page).toContain('Noms ajoutés par les examinateurs');
    expect(page).toContain('<bdi lang="en">Social media platforms</bdi>');
  });

  it('reviewers merge two actors: mandates move, the old page redirects 301, both histories say who, when and why', async () => {
    const reviewer = await caller('merger@example.org', 'reviewer');
    const contributor = await caller('merger-contributor@example.org');
    const p86 = await mandateOf('A/RES/80/173', '86', 'calls upon');
    expect(p86.actors.map((a) => a.id)).toEqual(['body.iawg-ai']);

    const body = { into: 'group.un-system', reason: 'The working group speaks for the UN system here.' };
    expect((await contributor.call('POST', '/actors/body.iawg-ai/merge', body)).status).toBe(403);
    const itself = await reviewer.call('POST', '/actors/body.iawg-ai/merge', { into: 'body.iawg-ai' });
    expect(itself.status).toBe(400);
    expect(itself.type).toContain('application/problem+json');
    expect((await reviewer.call('POST', '/actors/body.iawg-ai/merge', { into: 'un.nobody' })).status).toBe(404);

    const merged = await reviewer.call('POST', '/actors/body.iawg-ai/merge', body);
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ survivor: 'group.un-system' });
    expect(merged.body.mandates).toBeGreaterThanOrEqual(1);
    expect((await reviewer.call('POST', '/actors/body.iawg-ai/merge', { into: 'un.itu' })).status).toBe(409);
    expect((await reviewer.call('POST', '/actors/un.itu/merge', { into: 'body.iawg-ai' })).status).toBe(409);

    const moved = await getJson<Mandate>(`/api/v1/mandates/${p86.id}`);
    expect(moved.actors.map((a) => a.id)).toEqual(['group.un-system']);
    expect(moved.askedIds).not.toContain('body.iawg-ai');
    // The old id still filters, as the actor that remains.
    const byOld = await getJson<MandateList>('/api/v1/mandates?actor=body.iawg-ai&limit=1000');
    expect(byOld.items.map((m) => m.id)).toContain(p86.id);
    expect(byOld.total).toBe((await getJson<MandateList>('/api/v1/mandates?actor=group.un-system&limit=1')).total);

    const old = await t.app.request('/en/actors/body.iawg-ai');
    expect(old.status).toBe(301);
    expect(old.headers.get('Location')).toBe('/en/actors/group.un-system');
    const oldApi = await t.app.request('/api/v1/actors/body.iawg-ai?lang=en');
    expect(oldApi.status).toBe(301);
    expect(oldApi.headers.get('Location')).toBe('/api/v1/actors/group.un-system?lang=en');
    const actors = await getJson<{ items: { id: string }[] }>('/api/v1/actors');
    expect(actors.items.map((a) => a.id)).not.toContain('body.iawg-ai');
    const survivor = await getJson<{ mergedFrom: { id: string; mergedBy: string; reason: string | null }[] }>(
      '/api/v1/actors/group.un-system',
    );
    expect(survivor.mergedFrom).toEqual([expect.objectContaining({ id: 'body.iawg-ai', mergedBy: reviewer.user.id, reason: body.reason })]);
    const page = await (await t.app.request('/en/actors/group.un-system')).text();
    expect(page).toContain('Merged into it: Inter-Agency Working Group on Artificial Intelligence');
    expect(page).toContain('another actor merged into it');
    expect(page).toContain(body.reason);

    // The document's requested actions and its follow-up table (page and CSV) name the actor that remains.
    const askedIn86 = (html: string, row: RegExp) => html.match(row)?.[1] ?? '';
    const documentPage = await (await t.app.request('/en/documents/a-res-80-173')).text();
    const actionRow = askedIn86(documentPage, /<a href="#[^"]+">86<\/a><\/td><td>(.*?)<\/td>/s);
    expect(actionRow).toContain('>United Nations system</span>');
    expect(actionRow).not.toContain('>Inter-Agency Working Group on Artificial Intelligence</span>');
    const actionsApi = await getJson<{ items: { paragraph: string | null; actors: { id: string | null }[] }[] }>(
      '/api/v1/documents/a-res-80-173/actions?lang=en',
    );
    const apiActors = actionsApi.items.filter((a) => a.paragraph === '86').flatMap((a) => a.actors.map((x) => x.id));
    expect(apiActors).toContain('group.un-system');
    expect(apiActors).not.toContain('body.iawg-ai');
    const followUp = await (await t.app.request('/en/mandates?document=A/RES/80/173')).text();
    const followUpRow = askedIn86(followUp, new RegExp(`href="/en/mandates/${p86.id}">86</a></td><td>.*?</td><td>(.*?)</td>`, 's'));
    expect(followUpRow).toContain('href="/en/actors/group.un-system"');
    expect(followUpRow).not.toContain('body.iawg-ai');
    const csvRows = parse<Record<string, string>>(await (await t.app.request('/en/mandates.csv?document=A/RES/80/173')).text(), {
      columns: true,
      bom: true,
    });
    expect(csvRows.find((r) => r.id === String(p86.id))?.['Of whom']).toBe('United Nations system');

    // A re-read keeps the request with the actor that remains.
    const bytes = await readFile(path.join(libraryDir, 'A_RES_80_173.en.txt'));
    await ingestFile(
      t.store,
      bytes,
      { fileName: 'A_RES_80_173.en.txt', provenance: 'concord library', reread: true },
      { lang: 'en', symbol: 'A/RES/80/173' },
    );
    expect((await mandateOf('A/RES/80/173', '86', 'calls upon')).actors.map((a) => a.id)).toEqual(['group.un-system']);
  });

  it('page forms: reviewers only, with a CSRF token, errors next to the field in the reader’s language', async () => {
    await caller('form-reviewer@example.org', 'reviewer');
    const visitor = new Visitor(t.app);
    await visitor.signUp('en', 'Reader', 'actor-reader@example.org', password);
    await visitor.get('/en/actors/un.itu/alias');
    expect((await visitor.post('/en/actors/un.itu/alias', { lang: 'en', alias: 'The Union' })).status).toBe(403);

    const reviewer = new Visitor(t.app);
    await reviewer.signIn('es', 'form-reviewer@example.org', password);
    const actorPage = await reviewer.get('/es/actors/un.itu');
    expect(actorPage.html).toContain('href="/es/actors/un.itu/alias"');
    const form = await reviewer.get('/es/actors/un.itu/alias');
    expect(form.html).toContain('name="_csrf"');
    expect((await reviewer.post('/es/actors/un.itu/alias', { lang: 'en', alias: 'The Union' }, { csrf: false })).status).toBe(403);
    const empty = await reviewer.post('/es/actors/un.itu/alias', { lang: 'en', alias: '' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('has-error');
    const taken = await reviewer.post('/es/actors/un.itu/alias', { lang: 'en', alias: 'UNESCO' });
    expect(taken.status).toBe(400);
    expect(taken.html).toContain('Este nombre ya designa a');
    const saved = await reviewer.post('/es/actors/un.itu/alias', { lang: 'en', alias: 'The Union' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/es/actors/un.itu');
    expect((await reviewer.get('/es/actors/un.itu')).html).toContain('<bdi lang="en">The Union</bdi>');

    await reviewer.get('/es/actors/group.media/merge');
    const self = await reviewer.post('/es/actors/group.media/merge', { into: 'group.media' });
    expect(self.status).toBe(400);
    expect(self.html).toContain('Un actor no puede fusionarse consigo mismo.');
    const done = await reviewer.post('/es/actors/group.media/merge', { into: 'group.civil-society', reason: 'Prueba' });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/es/actors/group.civil-society');
    expect((await t.app.request('/es/actors/group.media')).headers.get('Location')).toBe('/es/actors/group.civil-society');
  });
});
