// UN documents through the public interfaces: the API (upload, documents, paragraphs, references,
// actions, citations, search, exports) on a store of the tier's kind.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { documentTotals } from './service.ts';

const SEEDS = 'data/documents/seeds';
const seed = (n: string) => readFile(`${SEEDS}/${n}`);
const SEED_001 = '001_b2b2b425cb4da82d.txt';
const SEED_004 = '004_d358089ea9b32d0d.txt';
const TOKEN = 'operator-token-for-tests-0123456789';

interface Para {
  eid: string;
  kind: string;
  number: string | null;
  text: string;
  parent: string | null;
  footnotes: { number: number; text: string }[];
}

let t: TestApp;

async function upload(bytes: Uint8Array | string, name: string, fields: Record<string, string> = {}, token: string | null = TOKEN) {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return t.app.request('/api/v1/documents', {
    method: 'POST',
    body: form,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

async function getJson<T>(path: string): Promise<T> {
  const response = await t.app.request(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function documentId(symbol: string): Promise<string> {
  const list = await getJson<{ items: { id: string; symbol: string; languages: string[] }[] }>(
    `/api/v1/documents?symbol=${encodeURIComponent(symbol)}`,
  );
  expect(list.items).toHaveLength(1);
  return list.items[0]!.id;
}

beforeAll(async () => {
  t = await openTestApp({ CONCORD_OPERATOR_TOKEN: TOKEN, CONCORD_MAX_UPLOAD_MB: '1' });
  for (const name of [SEED_001, SEED_004]) {
    const response = await upload(await seed(name), name);
    expect(response.status, name).toBe(201);
  }
});
afterAll(() => t.close());

describe('seed 001, A/RES/79/194 (English, Markdown)', () => {
  it('is listed by its symbol with its language', async () => {
    const list = await getJson<{ items: { id: string; symbol: string; languages: string[] }[] }>('/api/v1/documents?symbol=A/RES/79/194');
    expect(list.items.map((d) => [d.symbol, d.languages])).toEqual([['A/RES/79/194', ['en']]]);
  });

  it('has 55 preambular and 69 operative paragraphs, paragraph 65 with (a) and (b), footnotes attached and not counted', async () => {
    const id = await documentId('A/RES/79/194');
    const { items } = await getJson<{ items: Para[] }>(`/api/v1/documents/${id}/paragraphs?lang=en`);
    expect(items.filter((p) => p.kind === 'preambular')).toHaveLength(55);
    const operative = items.filter((p) => p.kind === 'operative');
    expect(operative).toHaveLength(69);
    expect(operative.map((p) => p.number)).toEqual(Array.from({ length: 69 }, (_, i) => String(i + 1)));
    const p65 = operative.find((p) => p.number === '65')!;
    const subs = items.filter((p) => p.parent === p65.eid);
    expect(subs.map((p) => [p.kind, p.number])).toEqual([
      ['subparagraph', 'a'],
      ['subparagraph', 'b'],
    ]);
    const footnotes = items.flatMap((p) => p.footnotes);
    expect(footnotes.length).toBeGreaterThan(10);
    expect(items.some((p) => /^\d+\s/.test(p.text) && p.kind === 'text')).toBe(false);
  });

  it('gives its requested actions: who must do what by when', async () => {
    const id = await documentId('A/RES/79/194');
    type Action = {
      paragraph: string | null;
      verb: string;
      verbNormalized: string;
      actors: { id: string | null; name: string; text: string }[];
      object: string;
      deadline: { from: string | null; to: string | null; text: string } | null;
    };
    const { items } = await getJson<{ items: Action[] }>(`/api/v1/documents/${id}/actions?lang=en`);
    const p67 = items.find((a) => a.paragraph === '67' && a.verbNormalized === 'requests');
    expect(p67).toMatchObject({
      verb: 'Requests',
      actors: [{ id: 'office.secretary-general', name: 'Secretary-General', text: 'Secretary-General' }],
      deadline: { text: 'at its eightieth session', from: '2025-09-01', to: '2026-09-30' },
    });
    expect(p67?.object).toMatch(
      /^to submit to the General Assembly at its eightieth session, through the Commission on Science and Technology/,
    );
    // Paragraph 16: the object of "Urges" is not an actor.
    expect(items.find((a) => a.paragraph === '16')).toMatchObject({ verbNormalized: 'urges', actors: [] });
  });
});

describe('seed 004, A/RES/80/173 (Arabic, OCR)', () => {
  it('has 7 preambular and 127 numbered paragraphs of the outcome document, under headings', async () => {
    const id = await documentId('A/RES/80/173');
    const { items } = await getJson<{ items: (Para & { part: string; heading: string | null })[] }>(
      `/api/v1/documents/${id}/paragraphs?lang=ar`,
    );
    expect(items.filter((p) => p.kind === 'preambular')).toHaveLength(7);
    const numbered = items.filter((p) => p.kind === 'operative' && p.number !== null);
    expect(numbered).toHaveLength(127);
    expect(numbered.every((p) => p.part !== 'main')).toBe(true);
    expect(items.filter((p) => p.kind === 'heading').length).toBeGreaterThan(5);
    expect(numbered.filter((p) => p.heading !== null).length).toBeGreaterThan(100);
  });

  it('resolves its reversed references to canonical symbols, each with its paragraph', async () => {
    const id = await documentId('A/RES/80/173');
    const { items } = await getJson<{ items: { raw: string; symbol: string; paragraph: { eid: string } }[] }>(
      `/api/v1/documents/${id}/references`,
    );
    const symbols = new Set(items.map((r) => r.symbol));
    for (const s of ['A/RES/70/125', 'A/RES/79/1', 'A/RES/78/213']) expect(symbols, s).toContain(s);
    expect(items.find((r) => r.raw.includes('125/70'))?.symbol).toBe('A/RES/70/125');
    expect(items.every((r) => r.paragraph.eid.length > 0)).toBe(true);
  });

  it('is found by الإنترنت where OCR wrote الإنترنط, with escaped highlights', async () => {
    const result = await getJson<{ documents: { items: { document: { symbol: string }; hits: { eid: string; snippet: string }[] }[] } }>(
      `/api/v1/search?q=${encodeURIComponent('الإنترنت')}&lang=ar`,
    );
    const group = result.documents.items.find((g) => g.document.symbol === 'A/RES/80/173');
    expect(group).toBeDefined();
    const id = await documentId('A/RES/80/173');
    const { items } = await getJson<{ items: Para[] }>(`/api/v1/documents/${id}/paragraphs?lang=ar`);
    const damaged = items.filter((p) => p.text.includes('الإنترنط')).map((p) => p.eid);
    expect(damaged.length).toBeGreaterThan(0);
    const found = new Set(group!.hits.map((h) => h.eid));
    expect(damaged.some((eid) => found.has(eid))).toBe(true);
    expect(group!.hits.some((h) => h.snippet.includes('<mark>'))).toBe(true);
  });
});

describe('search', () => {
  it('finds English paragraphs by stem, filters by kind, and escapes the text', async () => {
    const result = await getJson<{ documents: { document: { symbol: string }; hits: { kind: string; snippet: string }[] }[] }>(
      `/api/v1/documents/search?q=${encodeURIComponent('broadband connectivity')}&lang=en&kind=operative`,
    );
    const group = result.documents.find((g) => g.document.symbol === 'A/RES/79/194');
    expect(group?.hits.length).toBeGreaterThan(0);
    expect(group!.hits.every((h) => h.kind === 'operative')).toBe(true);
    for (const h of group!.hits) expect(h.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('expands a query through the synonym sets, as the framework search does (data/search/synonyms.json)', async () => {
    const zh = ['A/RES/97/16', '大会，', '1. 呼吁各国普遍以低廉的价格提供因特网服务；'].join('\n\n');
    expect((await upload(zh, 'zh.txt', { symbol: 'A/RES/97/16', lang: 'zh' })).status).toBe(201);
    const fr = ['A/RES/97/17', "L'Assemblée générale,", "1. Encourage les États à coopérer en matière d'intelligence artificielle ;"].join(
      '\n\n',
    );
    expect((await upload(fr, 'fr.txt', { symbol: 'A/RES/97/17', lang: 'fr' })).status).toBe(201);
    type Result = { documents: { document: { symbol: string }; hits: { number: string; snippet: string }[] }[] };
    const found = async (q: string, lang: string) =>
      (await getJson<Result>(`/api/v1/documents/search?q=${encodeURIComponent(q)}&lang=${lang}`)).documents;

    const internet = (await found('互联网', 'zh')).find((g) => g.document.symbol === 'A/RES/97/16');
    expect(internet?.hits.map((h) => h.number)).toEqual(['1']);
    // Chinese is highlighted word by word in the application (segmented), so the marks may stand side by side.
    expect(internet!.hits[0]!.snippet.replaceAll('</mark><mark>', '')).toContain('<mark>因特网</mark>');
    const ai = (await found('IA', 'fr')).find((g) => g.document.symbol === 'A/RES/97/17');
    expect(ai?.hits.map((h) => h.number)).toEqual(['1']);
    // A word no synonym set names still finds only what says it.
    expect((await found('宽带', 'zh')).some((g) => g.document.symbol === 'A/RES/97/16')).toBe(false);
  });

  it('answers a missing query with a problem', async () => {
    const response = await t.app.request('/api/v1/documents/search?lang=en');
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
  });
});

describe('upload', () => {
  it('changes nothing when the same file comes again', async () => {
    const before = await documentTotals(t.store.db);
    const response = await upload(await seed(SEED_001), SEED_001);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('unchanged');
    expect(await documentTotals(t.store.db)).toEqual(before);
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty.txt', 'empty'],
    ['binary garbage', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 'garbage.bin', 'binary'],
    [
      'a corrupt DOCX',
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, (_, i) => i % 251)]),
      'broken.docx',
      'corrupt-docx',
    ],
    ['a corrupt PDF', new TextEncoder().encode('%PDF-1.7\n1 0 obj <<\n/Type /Catalog garbage'), 'broken.pdf', 'corrupt-pdf'],
  ])('refuses %s with a clear problem and stores nothing', async (_what, bytes, name, code) => {
    const before = await documentTotals(t.store.db);
    const response = await upload(bytes, name);
    expect(response.status).toBe(422);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    const body = (await response.json()) as { type: string; detail: string };
    expect(body.type).toBe(`urn:concord:document-read:${code}`);
    expect(body.detail).toContain('Nothing was stored');
    expect(await documentTotals(t.store.db)).toEqual(before);
  });

  it('refuses an upload over CONCORD_MAX_UPLOAD_MB with 413', async () => {
    const before = await documentTotals(t.store.db);
    const response = await upload('The General Assembly,\n'.repeat(60_000), 'big.txt');
    expect(response.status).toBe(413);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await documentTotals(t.store.db)).toEqual(before);
  });

  it('needs the operator token', async () => {
    expect((await upload('x', 'a.txt', {}, null)).status).toBe(401);
    expect((await upload('x', 'a.txt', {}, 'not-the-operator-token-000')).status).toBe(401);
  });

  it('reads a DOCX, and a cited document placeholder resolves once that document is ingested', async () => {
    const docx = new Document({
      sections: [
        {
          children: [
            'Resolution adopted by the General Assembly on 16 December 2015',
            '70/125. Outcome document of the high-level meeting of the General Assembly on the overall review of the implementation of the outcomes of the World Summit on the Information Society',
            'The General Assembly,',
            'Recalling its resolution 60/252 of 27 March 2006,',
            '1. Adopts the outcome document of the high-level meeting;',
            '2. Requests the Secretary-General to report by 2020.',
          ].map((text) => new Paragraph(text)),
        },
      ],
    });
    const bytes = await Packer.toBuffer(docx);
    const citing = await documentId('A/RES/80/173');
    const before = await getJson<{ items: { symbol: string; target: { id: string } | null }[] }>(`/api/v1/documents/${citing}/references`);
    expect(before.items.filter((r) => r.symbol === 'A/RES/70/125').every((r) => r.target === null)).toBe(true);

    const response = await upload(new Uint8Array(bytes), 'A_RES_70_125.docx', { symbol: 'A/RES/70/125', lang: 'en' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { documentId: string; counts: { operative: number; preambular: number } };
    expect(created.counts.operative).toBe(2);
    expect(created.counts.preambular).toBe(1);

    const after = await getJson<{ items: { symbol: string; target: { id: string } | null }[] }>(`/api/v1/documents/${citing}/references`);
    expect(after.items.filter((r) => r.symbol === 'A/RES/70/125').every((r) => r.target?.id === created.documentId)).toBe(true);
    const citedBy = await getJson<{ items: { symbol: string }[] }>(`/api/v1/documents/${created.documentId}/cited-by`);
    expect(citedBy.items.map((c) => c.symbol)).toContain('A/RES/80/173');
  });
});

describe('exports', () => {
  it('gives JSON and Akoma Ntoso XML', async () => {
    const id = await documentId('A/RES/79/194');
    const exported = await getJson<{ document: { symbol: string }; paragraphs: unknown[]; actions: unknown[] }>(
      `/api/v1/documents/${id}/export.json?lang=en`,
    );
    expect(exported.document.symbol).toBe('A/RES/79/194');
    expect(exported.paragraphs.length).toBeGreaterThan(124);
    const xml = await t.app.request(`/api/v1/documents/${id}/akn.xml?lang=en`);
    expect(xml.status).toBe(200);
    expect(xml.headers.get('Content-Type')).toContain('application/akn+xml');
    const text = await xml.text();
    expect(text).toContain('<akomaNtoso');
    expect(text).toContain('A/RES/79/194');
  });

  it('answers a missing language version with 404 problem+json', async () => {
    const id = await documentId('A/RES/79/194');
    const response = await t.app.request(`/api/v1/documents/${id}/paragraphs?lang=zh`);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('lists the document routes in the OpenAPI document', async () => {
    const doc = await getJson<{ paths: Record<string, unknown> }>('/api/v1/openapi.json');
    for (const p of [
      '/documents',
      '/documents/{id}/paragraphs',
      '/documents/{id}/references',
      '/documents/search',
      '/documents/{id}/akn.xml',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});

describe('pages', () => {
  it('lists the documents, with a navigation entry', async () => {
    const page = await new Visitor(t.app).get('/fr/documents');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Documents de l’ONU');
    expect(page.html).toContain('href="/fr/documents"');
    expect(page.html).toContain('A/RES/79/194');
  });

  it('shows a document: structure, footnotes, references as links, requested actions', async () => {
    const id = await documentId('A/RES/79/194');
    const page = await new Visitor(t.app).get(`/en/documents/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Requested actions: who must do what by when');
    expect(page.html).toMatch(
      /<td><span title="Secretary-General">Secretary-General<\/span><\/td><td><strong>Requests<\/strong> to submit/,
    );
    // Paragraph 16 asks nobody in particular: "Who" stays empty, "What" holds the verb and its object.
    expect(page.html).toMatch(
      /<a href="#[^"]+">16<\/a><\/td><td><\/td><td><strong>Urges<\/strong> a continued focus on maximizing development gains/,
    );
    // A French reader of the English version sees the actors named in French, the words of the text on hover.
    const french = await new Visitor(t.app).get(`/fr/documents/${id}`);
    expect(french.html).toContain('<span title="Secretary-General">Secrétaire général</span>');
    expect(page.html).toContain('id="fn-1"');
    expect(page.html).toContain('href="#fn-1"');
    expect(page.html).toMatch(/href="\/en\/documents\/cited\?symbol=A%2FRES%2F/);
    expect(page.html).toContain('para-subparagraph');
  });

  it('shows an Arabic version right to left, and a placeholder for a cited document not yet held', async () => {
    const id = await documentId('A/RES/80/173');
    const visitor = new Visitor(t.app);
    const page = await visitor.get(`/ar/documents/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('dir="rtl"');
    expect(page.html).toContain('الإجراءات المطلوبة');
    const placeholder = await visitor.get(`/en/documents/cited?symbol=${encodeURIComponent('A/RES/78/213')}`);
    expect(placeholder.status).toBe(200);
    expect(placeholder.html).toContain('A/RES/78/213 is not in Concord yet');
    expect(placeholder.html).toContain(`href="/en/documents/${id}"`);
  });

  it('searches, groups by document, highlights and escapes', async () => {
    const visitor = new Visitor(t.app);
    const page = await visitor.get(`/ar/documents/search?q=${encodeURIComponent('الإنترنت')}&in=ar`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('A/RES/80/173');
    expect(page.html).toContain('<mark>');
    const hostile = await visitor.get(`/en/documents/search?q=${encodeURIComponent('<script>alert(1)</script> internet')}`);
    expect(hostile.html).not.toContain('<script>alert(1)');
    const invalid = await visitor.get('/en/documents/search?q=internet&year=soon');
    expect(invalid.status).toBe(400);
    expect(invalid.html).toContain('This search is not valid');
  });
});

describe('language versions', () => {
  it('keeps one document per symbol with a version per language, aligned side by side', async () => {
    const en = [
      'A/RES/99/1',
      'The General Assembly,',
      'Recalling its resolution 70/125 of 16 December 2015,',
      'Noting with concern the persistent digital divides,',
      '1. Decides to convene a high-level meeting in 2030;',
      '2. Requests the Secretary-General to report to it at its one hundredth session.',
    ].join('\n\n');
    const fr = [
      'A/RES/99/1',
      'L’Assemblée générale,',
      'Rappelant sa résolution 70/125 du 16 décembre 2015,',
      '1. Décide de convoquer une réunion de haut niveau en 2030 ;',
      '2. Prie le Secrétaire général de lui faire rapport à sa centième session.',
    ].join('\n\n');
    expect((await upload(en, 'en.txt', { symbol: 'A/RES/99/1', lang: 'en' })).status).toBe(201);
    expect((await upload(fr, 'fr.txt', { symbol: 'A/RES/99/1', lang: 'fr' })).status).toBe(201);
    const list = await getJson<{ items: { id: string; languages: string[] }[] }>('/api/v1/documents?symbol=A/RES/99/1');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.languages).toEqual(['en', 'fr']);
    const id = list.items[0]!.id;

    const aligned = await getJson<{
      pairs: { by: string; a: { number: string | null; kind: string } | null; b: { number: string | null } | null }[];
    }>(`/api/v1/documents/${id}/alignment?a=en&b=fr`);
    const numbered = aligned.pairs.filter((p) => p.by === 'number').map((p) => [p.a?.number, p.b?.number]);
    expect(numbered).toEqual([
      ['1', '1'],
      ['2', '2'],
    ]);
    // The French copy lacks the second preambular paragraph: a gap, not a shift.
    const gaps = aligned.pairs.filter((p) => p.by === 'gap');
    expect(gaps.map((p) => [p.a?.kind ?? null, p.b])).toEqual([['preambular', null]]);

    const page = await new Visitor(t.app).get(`/es/documents/${id}/compare?a=en&b=fr`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Versiones lingüísticas en paralelo');
    expect(page.html).toContain('no figura en esta versión');
  });
});

describe('versions', () => {
  it('shows what changed from an earlier text to a later one, paragraph by paragraph', async () => {
    const draft = [
      'A/RES/98/7',
      'The General Assembly,',
      'Recalling its resolution 70/125 of 16 December 2015,',
      '1. Decides to convene a high-level meeting in 2030;',
      '2. Invites Member States to share their experience;',
      '3. Decides to include the item in the agenda of its ninety-ninth session.',
    ].join('\n\n');
    const adopted = [
      'A/RES/99/7',
      'The General Assembly,',
      'Recalling its resolution 70/125 of 16 December 2015,',
      '1. Decides to convene a high-level meeting in 2029;',
      '2. Requests the Secretary-General to submit a report on digital cooperation;',
      '3. Invites Member States to share their experience;',
    ].join('\n\n');
    expect((await upload(draft, 'draft.txt', { symbol: 'A/RES/98/7', lang: 'en' })).status).toBe(201);
    expect((await upload(adopted, 'adopted.txt', { symbol: 'A/RES/99/7', lang: 'en' })).status).toBe(201);
    const before = await documentId('A/RES/98/7');
    const after = await documentId('A/RES/99/7');
    const diff = await getJson<{
      pairs: {
        status: string;
        before: { number: string | null } | null;
        after: { number: string | null } | null;
        changes: { value: string; added: boolean }[];
      }[];
    }>(`/api/v1/documents/${after}/diff?against=${before}&lang=en`);
    const numbered = diff.pairs.filter((p) => p.before?.number ?? p.after?.number);
    expect(numbered.map((p) => [p.status, p.before?.number ?? null, p.after?.number ?? null])).toEqual([
      ['changed', '1', '1'],
      ['added', null, '2'],
      ['renumbered', '2', '3'],
      ['removed', '3', null],
    ]);
    expect(numbered[0]!.changes.filter((c) => c.added).map((c) => c.value.trim())).toEqual(['2029']);

    const page = await new Visitor(t.app).get(`/en/documents/${after}/diff?against=${before}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<ins>');
    expect(page.html).toContain('<del>');
    expect(page.html).toContain('2 paragraphs changed, 1 added, 1 removed'); // the symbol line and paragraph 1
  });

  it('shows paragraphs moved down by an inserted one as renumbered, not changed, and a reworded one as changed', async () => {
    const operative = [
      'Decides to convene a high-level meeting on digital cooperation in 2027;',
      'Invites Member States to share their national digital strategies;',
      'Requests the Secretary-General to submit a report on the implementation of the present resolution;',
      'Encourages all stakeholders to close the gender digital divide;',
      'Calls upon development partners to support connectivity in least developed countries;',
      'Decides to include the item in the provisional agenda of its eighty-second session.',
    ];
    const numbered = (paragraphs: string[]) => paragraphs.map((p, i) => `${i + 1}. ${p}`);
    const draft = ['A/80/L.61', 'The General Assembly,', 'Recalling its resolution 79/194,', ...numbered(operative)].join('\n\n');
    const revised = [...operative];
    revised.splice(2, 0, 'Welcomes the work of the United Nations Group on the Information Society;');
    revised[4] = 'Encourages all stakeholders, in particular the private sector, to close the gender digital divide by 2030;';
    const rev1 = ['A/80/L.61/Rev.1', 'The General Assembly,', 'Recalling its resolution 79/194,', ...numbered(revised)].join('\n\n');
    expect((await upload(draft, 'l61.txt', { symbol: 'A/80/L.61', lang: 'en' })).status).toBe(201);
    expect((await upload(rev1, 'l61-rev1.txt', { symbol: 'A/80/L.61/Rev.1', lang: 'en' })).status).toBe(201);
    const before = await documentId('A/80/L.61');
    const after = await documentId('A/80/L.61/Rev.1');
    const diff = await getJson<{
      pairs: {
        status: string;
        before: { number: string | null } | null;
        after: { number: string | null } | null;
        changes: { value: string; added: boolean }[];
      }[];
    }>(`/api/v1/documents/${after}/diff?against=${before}&lang=en`);
    const rows = diff.pairs.filter((p) => p.before?.number ?? p.after?.number);
    expect(rows.map((p) => [p.status, p.before?.number ?? null, p.after?.number ?? null])).toEqual([
      ['unchanged', '1', '1'],
      ['unchanged', '2', '2'],
      ['added', null, '3'],
      ['renumbered', '3', '4'],
      ['changed', '4', '5'],
      ['renumbered', '5', '6'],
      ['renumbered', '6', '7'],
    ]);
    expect(rows[4]!.changes.filter((c) => c.added).map((c) => c.value.trim())).toEqual([', in particular the private sector,', 'by 2030']);

    const page = await new Visitor(t.app).get(`/en/documents/${after}/diff?against=${before}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('renumbered · 3 → 4');
    expect(page.html).toContain('changed · 4 → 5');
    expect(page.html).toContain('2 paragraphs changed, 1 added, 0 removed'); // the symbol line (Rev.1) and paragraph 4 → 5, not the renumbered ones
    const arabic = await new Visitor(t.app).get(`/ar/documents/${after}/diff?against=${before}&in=en`);
    expect(arabic.html).toContain('أعيد ترقيمه · 3 ← 4');
  });
});

describe('citation graph', () => {
  it('lists who cites whom, with placeholders for documents not yet held', async () => {
    const graph = await getJson<{ edges: { from: { symbol: string }; to: { id: string | null; symbol: string }; count: number }[] }>(
      '/api/v1/documents/citations',
    );
    const fromSeed4 = graph.edges.filter((e) => e.from.symbol === 'A/RES/80/173');
    expect(fromSeed4.map((e) => e.to.symbol)).toContain('A/RES/78/213');
    expect(fromSeed4.find((e) => e.to.symbol === 'A/RES/78/213')?.to.id).toBeNull();
    const page = await new Visitor(t.app).get('/ru/documents/citations');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Граф ссылок');
    expect(page.html).toContain('A/RES/78/213');
  });
});

describe('suggested framework links', () => {
  it('suggests elements for operative paragraphs, marked as suggestions', async () => {
    const id = await documentId('A/RES/79/194');
    const result = await getJson<{
      state: string;
      items: { paragraph: { number: string | null }; suggestions: { elementId: string }[] }[];
    }>(`/api/v1/documents/${id}/suggestions?lang=en&framework=sdg`);
    expect(result.state).toBe('suggested');
    expect(result.items.length).toBeGreaterThanOrEqual(69);
    const suggested = result.items.flatMap((i) => i.suggestions.map((s) => s.elementId));
    // Only the confident ones (links.ts SUGGESTION_MIN_SCORE): 23 of the 69 paragraphs' top 3 on this text.
    expect(suggested.length).toBeGreaterThan(15);
    expect(suggested.every((e) => e.startsWith('sdg.'))).toBe(true);
    const page = await new Visitor(t.app).get(`/en/documents/${id}/links`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Suggestions are not links until a reviewer confirms them');
    expect(page.html).toMatch(/href="\/en\/elements\/[a-z]+\./);
  });
});
