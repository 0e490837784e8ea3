// Links from document paragraphs to framework elements through the public interfaces: stored
// at ingest, proposed, reviewed (API and plain forms), kept across a re-ingest, history, the
// search filter by linked element, the aligned paragraph in the reader's language, the upload
// page and the element page's section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { JobKinds } from '../jobs/kind.ts';
import { JobWorker } from '../jobs/worker.ts';
import { documentIngestKind } from './ingest-job.ts';
import { createApiToken, createUser } from '../accounts/service.ts';

const TOKEN = 'operator-token-for-tests-0123456789';
const PASSWORD = 'correct horse battery staple 42';

interface Link {
  paragraph: { id: number; eid: string; number: string | null; kind: string; lang: string };
  element: { id: string };
  type: string;
  state: string;
  suggestedBy: string;
  evidence: string | null;
}

let t: TestApp;
let reviewerToken: string;
let contributorToken: string;
let contributorId: string;

const TEXT_V1 = [
  'A/RES/97/5',
  'The General Assembly,',
  'Recognizing that universal and affordable access to the Internet in least developed countries remains out of reach,',
  '1. Calls for significantly increased access to information and communications technology and universal and affordable access to the Internet in least developed countries;',
  '2. Urges Member States to ensure inclusive and equitable quality education and promote lifelong learning opportunities for all;',
  '3. Encourages the elimination of all forms of violence against all women and girls in the public and private spheres.',
].join('\n\n');
const TEXT_V2 = `${TEXT_V1}\n\n4. Decides to remain seized of the matter.`;
const TEXT_FR = [
  'A/RES/97/5',
  'L’Assemblée générale,',
  'Considérant que l’accès universel et abordable à Internet dans les pays les moins avancés reste hors de portée,',
  '1. Demande un accès nettement accru aux technologies de l’information et des communications et un accès universel et abordable à Internet dans les pays les moins avancés ;',
  '2. Exhorte les États Membres à assurer une éducation de qualité, inclusive et équitable ;',
  '3. Encourage l’élimination de toutes les formes de violence à l’égard des femmes et des filles.',
].join('\n\n');

async function upload(text: string, name: string, fields: Record<string, string>) {
  const form = new FormData();
  form.set('file', new File([text], name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return t.app.request('/api/v1/documents', { method: 'POST', body: form, headers: { Authorization: `Bearer ${TOKEN}` } });
}

async function getJson<T>(path: string): Promise<T> {
  const response = await t.app.request(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

function send(method: string, path: string, token: string | null, body: unknown) {
  return t.app.request(path, {
    method,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
}

async function links(query: string): Promise<Link[]> {
  return (await getJson<{ items: Link[] }>(`/api/v1/paragraph-links?${query}`)).items;
}

const DOC = 'a-res-97-5';

beforeAll(async () => {
  t = await openTestApp({ CONCORD_OPERATOR_TOKEN: TOKEN, CONCORD_MAX_UPLOAD_MB: '1' });
  const reviewer = await createUser(t.store, {
    email: 'reviewer@links.test',
    name: 'Rania Reviewer',
    password: PASSWORD,
    role: 'reviewer',
  });
  reviewerToken = (await createApiToken(t.store, reviewer, 'links')).token;
  const contributor = await createUser(t.store, { email: 'contributor@links.test', name: 'Carlos Contributor', password: PASSWORD });
  contributorId = contributor.id;
  contributorToken = (await createApiToken(t.store, contributor, 'links')).token;
  await createUser(t.store, { email: 'admin@links.test', name: 'Ada Administrator', password: PASSWORD, role: 'administrator' });
  expect((await upload(TEXT_V1, 'v1.txt', { symbol: 'A/RES/97/5', lang: 'en' })).status).toBe(201);
});
afterAll(() => t.close());

describe('stored suggestions', () => {
  it('stores the matcher’s suggestions for preambular and operative paragraphs at ingest', async () => {
    const items = await links(`document=${DOC}&lang=en`);
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(items.every((l) => l.state === 'suggested' && l.suggestedBy === 'matcher' && l.type === 'relates-to')).toBe(true);
    expect(new Set(items.map((l) => l.paragraph.kind))).toEqual(new Set(['preambular', 'operative']));
    const p1 = items.filter((l) => l.paragraph.number === '1').map((l) => l.element.id);
    expect(p1.some((id) => id.startsWith('sdg.9'))).toBe(true);
    const page = await new Visitor(t.app).get(`/en/documents/${DOC}/links`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('suggested by the matcher');
    expect(page.html).not.toContain('name="decision"'); // forms only for reviewers
  });

  it('suggests links for Chinese paragraphs, whose words are one or two characters', async () => {
    const zh = ['A/RES/97/6', '大会，', '1. 呼吁大幅增加最不发达国家获得信息和通信技术的机会，并普遍以低廉的价格提供互联网服务；'].join(
      '\n\n',
    );
    expect((await upload(zh, 'zh.txt', { symbol: 'A/RES/97/6', lang: 'zh' })).status).toBe(201);
    const p1 = (await links('document=a-res-97-6&lang=zh')).filter((l) => l.paragraph.number === '1').map((l) => l.element.id);
    expect(p1[0]).toBe('sdg.9.c');
  });
});

describe('review through the API', () => {
  it('lets reviewers, not contributors, confirm (retyped) or reject, and keeps every decision with who and when', async () => {
    const items = await links(`document=${DOC}&lang=en`);
    const toConfirm = items.find((l) => l.paragraph.number === '1' && l.element.id.startsWith('sdg.9'))!;
    const toReject = items.find((l) => l.paragraph.number === '3')!;
    const path = (l: Link) => `/api/v1/paragraph-links/${l.paragraph.id}/${l.element.id}`;

    expect((await send('POST', `${path(toConfirm)}/decision`, null, { decision: 'confirm' })).status).toBe(401);
    const refused = await send('POST', `${path(toConfirm)}/decision`, contributorToken, { decision: 'confirm' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('Content-Type')).toContain('application/problem+json');

    const confirmed = await send('POST', `${path(toConfirm)}/decision`, reviewerToken, { decision: 'confirm', type: 'contributes-to' });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ state: 'confirmed', type: 'contributes-to' });
    expect((await send('POST', `${path(toConfirm)}/decision`, reviewerToken, { decision: 'confirm' })).status).toBe(409);
    const rejected = await send('POST', `${path(toReject)}/decision`, reviewerToken, { decision: 'reject', note: 'not about this' });
    expect(rejected.status).toBe(200);

    const one = await getJson<Link & { history: { action: string; by: string; byName: string | null; note: string | null }[] }>(
      path(toConfirm),
    );
    expect(one.history.map((h) => [h.action, h.byName])).toEqual([
      ['suggest', null],
      ['confirm', 'Rania Reviewer'],
    ]);
    const history = await new Visitor(t.app).get(
      `/fr/documents/${DOC}/links/history?paragraph=${toReject.paragraph.id}&element=${toReject.element.id}`,
    );
    expect(history.status).toBe(200);
    expect(history.html).toContain('Rania Reviewer');
    expect(history.html).toContain('not about this');
    expect(history.html).toContain('rejeté');
  });

  it('lets a contributor propose a link with evidence, and refuses one a reviewer rejected', async () => {
    const items = await links(`document=${DOC}&lang=en`);
    const p2 = items.find((l) => l.paragraph.number === '2')!.paragraph;
    const created = await send('POST', '/api/v1/paragraph-links', contributorToken, {
      paragraphId: p2.id,
      elementId: 'sdg.4.1',
      type: 'contributes-to',
      evidence: 'Quality education for all is target 4.1.',
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      state: 'suggested',
      suggestedBy: contributorId,
      evidence: 'Quality education for all is target 4.1.',
    });
    const noEvidence = await send('POST', '/api/v1/paragraph-links', contributorToken, {
      paragraphId: p2.id,
      elementId: 'sdg.4.2',
      evidence: '',
    });
    expect(noEvidence.status).toBe(400);
    const unknown = await send('POST', '/api/v1/paragraph-links', contributorToken, {
      paragraphId: p2.id,
      elementId: 'sdg.99',
      evidence: 'x',
    });
    expect(unknown.status).toBe(422);
    const rejected = (await links(`document=${DOC}&state=rejected`))[0]!;
    const again = await send('POST', '/api/v1/paragraph-links', contributorToken, {
      paragraphId: rejected.paragraph.id,
      elementId: rejected.element.id,
      evidence: 'Please reconsider.',
    });
    expect(again.status).toBe(409);
  });

  it('keeps decisions across a re-ingest of a changed text, and never suggests a rejected link again', async () => {
    const before = await links(`document=${DOC}&lang=en`);
    const decided = before.filter((l) => l.state !== 'suggested' || l.suggestedBy !== 'matcher');
    expect(decided.length).toBe(3);
    const response = await upload(TEXT_V2, 'v2.txt', { symbol: 'A/RES/97/5', lang: 'en' });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { status: string }).status).toBe('replaced');
    const after = await links(`document=${DOC}&lang=en`);
    for (const d of decided) {
      const kept = after.find((l) => l.paragraph.eid === d.paragraph.eid && l.element.id === d.element.id);
      expect(kept, `${d.paragraph.eid} ${d.element.id}`).toMatchObject({ state: d.state, type: d.type, suggestedBy: d.suggestedBy });
    }
    // The matcher ran again on the new text: "Decides to remain seized of the matter" shares no
    // word worth a suggestion above the measured confidence (links.ts SUGGESTION_MIN_SCORE).
    expect(after.some((l) => l.suggestedBy === 'matcher' && l.paragraph.number === '1')).toBe(true);
    expect(after.some((l) => l.paragraph.number === '4')).toBe(false);
    const rejected = decided.find((l) => l.state === 'rejected')!;
    const suggestions = await getJson<{ items: { paragraph: { eid: string }; suggestions: { elementId: string }[] }[] }>(
      `/api/v1/documents/${DOC}/suggestions?lang=en`,
    );
    const forRejected = suggestions.items.find((i) => i.paragraph.eid === rejected.paragraph.eid)!;
    expect(forRejected.suggestions.map((s) => s.elementId)).not.toContain(rejected.element.id);
  });
});

describe('review through the pages', () => {
  it('shows reviewers a form per link; a decision needs the CSRF token and lands in the history', async () => {
    const reviewer = new Visitor(t.app);
    expect((await reviewer.signIn('en', 'reviewer@links.test', PASSWORD)).status).toBe(303);
    const page = await reviewer.get(`/en/documents/${DOC}/links`);
    expect(page.html).toContain('name="decision"');
    const link = (await links(`document=${DOC}&lang=en&state=suggested`)).find((l) => l.suggestedBy === 'matcher')!;
    const fields = { paragraph: String(link.paragraph.id), element: link.element.id, decision: 'confirm', type: 'measured-by' };
    expect((await reviewer.post(`/en/documents/${DOC}/links/decision`, fields, { csrf: 'forged' })).status).toBe(403);
    const done = await reviewer.post(`/en/documents/${DOC}/links/decision`, fields);
    expect(done.status).toBe(303);
    expect(done.location).toContain(`#p-${link.paragraph.id}`);
    const one = await getJson<Link & { history: { action: string }[] }>(`/api/v1/paragraph-links/${link.paragraph.id}/${link.element.id}`);
    expect(one).toMatchObject({ state: 'confirmed', type: 'measured-by' });

    const contributor = new Visitor(t.app);
    await contributor.signIn('en', 'contributor@links.test', PASSWORD);
    expect((await contributor.post(`/en/documents/${DOC}/links/decision`, fields)).status).toBe(403);
  });

  it('lets a signed-in contributor propose a link on a form, with errors next to the fields', async () => {
    const contributor = new Visitor(t.app);
    await contributor.signIn('es', 'contributor@links.test', PASSWORD);
    const form = await contributor.get(`/es/documents/${DOC}/links/new`);
    expect(form.status).toBe(200);
    const paragraph = /<option value="(\d+)"[^>]*>3 /.exec(form.html)?.[1];
    expect(paragraph).toBeDefined();
    const rejected = new Set((await links(`document=${DOC}&state=rejected`)).map((l) => l.element.id));
    const element = ['sdg.5.2', 'sdg.5.1', 'sdg.5.3'].find((e) => !rejected.has(e))!;
    const missing = await contributor.post(`/es/documents/${DOC}/links/new`, {
      paragraph: paragraph!,
      element,
      type: 'contributes-to',
      evidence: '',
    });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('Diga por qué el párrafo sirve al elemento.');
    const saved = await contributor.post(`/es/documents/${DOC}/links/new`, {
      paragraph: paragraph!,
      element,
      type: 'contributes-to',
      evidence: 'Violence against women and girls: target 5.2.',
    });
    expect(saved.status).toBe(303);
    const page = await contributor.get(saved.location!);
    expect(page.html).toContain('Carlos Contributor');
    expect(page.html).toContain('target 5.2');
  });
});

describe('search and element pages', () => {
  it('filters search by a linked element (its descendants included) and shows the paragraph on the element page', async () => {
    const toGoal9 = (await links(`document=${DOC}&state=confirmed&element=sdg.9`)).filter((l) => l.paragraph.lang === 'en');
    const confirmed = toGoal9[0]!;
    const all = await getJson<{ total: number }>('/api/v1/documents/search?q=internet&lang=en');
    expect(all.total).toBeGreaterThan(1);
    const filtered = await getJson<{ total: number; documents: { hits: { eid: string }[] }[] }>(
      '/api/v1/documents/search?q=internet&lang=en&element=sdg.9',
    );
    expect(filtered.documents.flatMap((d) => d.hits.map((h) => h.eid)).sort()).toEqual(toGoal9.map((l) => l.paragraph.eid).sort());
    const none = await getJson<{ total: number }>('/api/v1/documents/search?q=internet&lang=en&element=sdg.5');
    expect(none.total).toBe(0);
    const page = await new Visitor(t.app).get('/en/documents/search?q=internet&element=sdg.9');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Only paragraphs confirmed as linked to sdg.9');
    expect(page.html).toContain(`#${confirmed.paragraph.eid}`);

    const element = await new Visitor(t.app).get(`/en/elements/${confirmed.element.id}`);
    expect(element.html).toContain('Paragraphs of UN documents linked here');
    expect(element.html).toContain('A/RES/97/5');
    const goal = await new Visitor(t.app).get('/ar/elements/sdg.9');
    expect(goal.html).toContain('A/RES/97/5');
    const elsewhere = await new Visitor(t.app).get('/en/elements/sdg.13');
    expect(elsewhere.html).toContain('No confirmed link from a document paragraph');
  });

  it('shows a hit in another language with its aligned paragraph in the reader’s language', async () => {
    expect((await upload(TEXT_FR, 'fr.txt', { symbol: 'A/RES/97/5', lang: 'fr' })).status).toBe(201);
    const result = await getJson<{
      documents: {
        document: { id: string };
        hits: { lang: string; number: string | null; aligned: { lang: string; number: string | null; text: string } | null }[];
      }[];
    }>('/api/v1/documents/search?q=%C3%A9ducation&lang=fr&display=en');
    const hit = result.documents.find((d) => d.document.id === DOC)!.hits[0]!;
    expect(hit).toMatchObject({ lang: 'fr', number: '2', aligned: { lang: 'en', number: '2' } });
    expect(hit.aligned!.text).toContain('quality education');
    const page = await new Visitor(t.app).get('/en/documents/search?q=%C3%A9ducation&in=fr');
    expect(page.html).toContain('In English:');
    expect(page.html).toContain('quality education');
    // The French paragraph is matched against the SDG texts in French, and, through its English
    // twin, against the frameworks whose texts are English only (GDC, WSIS, Pact): here none of
    // those reaches the measured confidence (wsis.C2 scores 1.21 < 1.25), so only SDGs are suggested.
    const french1 = (await links(`document=${DOC}&lang=fr`)).filter((l) => l.paragraph.number === '1').map((l) => l.element.id);
    expect(french1.some((id) => id.startsWith('sdg.'))).toBe(true);
    // A link confirmed on the English paragraph holds for its French version too (read later).
    const linkedInEnglish = (await links(`document=${DOC}&state=confirmed&element=sdg.9`)).filter((l) => l.paragraph.lang === 'en');
    const french = await getJson<{ documents: { hits: { lang: string; eid: string }[] }[] }>(
      '/api/v1/documents/search?q=Internet&lang=fr&element=sdg.9',
    );
    expect(french.documents.flatMap((d) => d.hits.filter((h) => h.lang === 'fr').map((h) => h.eid)).sort()).toEqual(
      linkedInEnglish.map((l) => l.paragraph.eid).sort(),
    );
    // The implementation map counts each linked paragraph once, whatever its languages.
    const matrix = await getJson<{ cells: { row: string; column: string; counts: { paragraphs: number } }[] }>(
      '/api/v1/coverage?rows=objective&columns=sdg',
    );
    const goal9 = matrix.cells.find((c) => c.row === '*' && c.column === 'sdg.9');
    expect(goal9?.counts.paragraphs).toBe(new Set(linkedInEnglish.map((l) => l.paragraph.eid)).size);
  });
});

describe('upload page', () => {
  async function postFile(visitor: Visitor, lang: string, file: File, fields: Record<string, string> = {}) {
    const form = new FormData();
    form.set('_csrf', visitor.csrf);
    form.set('file', file);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const response = await t.app.request(`/${lang}/documents/upload`, {
      method: 'POST',
      body: form,
      headers: { Cookie: [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'X-Forwarded-For': '192.0.2.77' },
    });
    return { status: response.status, location: response.headers.get('Location') ?? '', html: await response.text() };
  }

  /** The upload's job, run by a worker as the server's would, and its page as the uploader reads it. */
  async function readByJob(visitor: Visitor, posted: { status: number; location: string }) {
    expect(posted.status).toBe(303);
    expect(posted.location).toMatch(/^\/[a-z]{2}\/jobs\/\d+$/);
    const worker = new JobWorker(t.store, new JobKinds().add(documentIngestKind(t.store)));
    await worker.runDue();
    return visitor.get(posted.location);
  }

  it('is for administrators only', async () => {
    const contributor = new Visitor(t.app);
    await contributor.signIn('en', 'contributor@links.test', PASSWORD);
    expect((await contributor.get('/en/documents/upload')).status).toBe(403);
    expect((await new Visitor(t.app).get('/en/documents/upload')).status).toBe(303);
  });

  it('ingests a file by the same path as the API, and shows errors next to the field in the reader’s language', async () => {
    const admin = new Visitor(t.app);
    await admin.signIn('fr', 'admin@links.test', PASSWORD);
    const form = await admin.get('/fr/documents/upload');
    expect(form.status).toBe(200);
    expect(form.html).toContain('enctype="multipart/form-data"');

    const text = ['A/RES/96/3', 'The General Assembly,', '1. Decides to promote digital literacy for all;'].join('\n\n');
    const done = await readByJob(admin, await postFile(admin, 'fr', new File([text], 'res.txt'), { lang: 'en', symbol: 'A/RES/96/3' }));
    expect(done.html).toContain('Lu et enregistré comme nouvelle version linguistique.');
    expect(done.html).toContain('href="/fr/documents/a-res-96-3?in=en"');
    expect((await getJson<{ items: unknown[] }>('/api/v1/documents?symbol=A/RES/96/3')).items).toHaveLength(1);
    expect(
      (await readByJob(admin, await postFile(admin, 'fr', new File([text], 'res.txt'), { lang: 'en', symbol: 'A/RES/96/3' }))).html,
    ).toContain('rien n’a changé');

    const empty = await postFile(admin, 'fr', new File([''], 'empty.txt'));
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('Le fichier est vide');
    expect(empty.html).toContain('id="f-file-error"');

    const large = await postFile(admin, 'fr', new File([new Uint8Array(1024 * 1024 + 10).fill(65)], 'big.txt'));
    expect(large.status).toBe(413);
    expect(large.html).toContain('Le fichier dépasse 1 Mo.');

    const forged = await postFile(
      Object.assign(new Visitor(t.app), { csrf: 'forged', cookies: admin.cookies }),
      'fr',
      new File([text], 'res.txt'),
    );
    expect(forged.status).toBe(403);
  });
});
