// The core library on a new store (issue 12, item 1): every file of data/documents read once,
// language versions joined by symbol, nothing read twice, a changed file or parser revision read
// again; and the links read from a document that carries a framework's own text (item 7).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { sql } from '../store/index.ts';
import { libraryDir, libraryState, loadLibrary, readManifest } from './library.ts';
import { ingestFile, storeDocument } from './service.ts';
import type { Block, UNDocument } from './model.ts';

async function getJson<T>(t: TestApp, url: string): Promise<T> {
  const response = await t.app.request(url);
  expect(response.status, url).toBe(200);
  return (await response.json()) as T;
}

describe('the core library on a new store', () => {
  let t: TestApp;
  let copy: string;
  beforeAll(async () => {
    t = await openTestApp();
    copy = await mkdtemp(path.join(os.tmpdir(), 'concord-library-'));
    await cp(libraryDir, copy, { recursive: true });
  });
  afterAll(async () => {
    await t?.close();
    await rm(copy, { recursive: true, force: true });
  });

  it('reads every document of the manifest, showing its progress on the home page meanwhile', async () => {
    const entries = await readManifest();
    expect(entries.length).toBeGreaterThanOrEqual(17);
    const loading = loadLibrary(t.store);
    // The first document is being read: the home page answers and says how far it is.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const home = await (await t.app.request('/en/')).text();
    expect(home).toContain(`of ${entries.length} done`);
    const report = await loading;
    expect(report.failures).toEqual([]);
    expect(report.read).toHaveLength(entries.length);
    // Done without failures: the notice is gone.
    expect(await (await t.app.request('/en/')).text()).not.toContain('Reading the core library');
    expect(await libraryState(t.store.db)).toEqual({ total: entries.length, read: entries.length, waiting: [], failures: [] });
    // 10-25 s on two busy cores.
  }, 120_000);

  it('lists the library on the Documents page, A/RES/80/173 as one document in English and Arabic', async () => {
    const page = await (await t.app.request('/en/documents')).text();
    for (const symbol of ['A/RES/79/1', 'A/RES/80/173', 'A/RES/79/194', 'A/RES/78/132', 'A/RES/79/325', 'A/RES/75/1'])
      expect(page, symbol).toContain(symbol);
    const list = await getJson<{ items: { id: string; languages: string[]; title: string; date: string }[] }>(
      t,
      '/api/v1/documents?symbol=A/RES/80/173',
    );
    expect(list.items).toHaveLength(1);
    expect([...list.items[0]!.languages].sort()).toEqual(['ar', 'en']);
    expect(list.items[0]!.date).toBe('2025-12-17');
    const detail = await getJson<{ versions: { lang: string; provenance: string; sourceFile: string }[] }>(
      t,
      `/api/v1/documents/${list.items[0]!.id}`,
    );
    expect(detail.versions.map((v) => [v.lang, v.provenance, v.sourceFile]).sort()).toEqual([
      ['ar', 'concord library', 'seeds/004_d358089ea9b32d0d.txt'],
      ['en', 'concord library', 'A_RES_80_173.en.txt'],
    ]);
    // The manifest names the Pact's symbol and official title, whatever the parser makes of the masthead.
    const pact = await getJson<{ items: { title: string }[] }>(t, '/api/v1/documents?symbol=A/RES/79/1');
    expect(pact.items.map((d) => d.title)).toEqual(['The Pact for the Future']);
  });

  it('reads nothing on the next start', async () => {
    const before = await t.store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM document_versions`);
    const report = await loadLibrary(t.store);
    expect(report.read).toEqual([]);
    expect(report.unchanged).toHaveLength((await readManifest()).length);
    expect(await t.store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM document_versions`)).toEqual(before);
  });

  it('reads a changed file again, as a new text of the same version, and only that file', async () => {
    const file = path.join(copy, 'A_RES_79_237.en.txt');
    await writeFile(file, `${await readFile(file, 'utf8')}\n`);
    const report = await loadLibrary(t.store, { dir: copy });
    expect(report.read).toEqual(['A_RES_79_237.en.txt']);
    const list = await getJson<{ items: { languages: string[] }[] }>(t, '/api/v1/documents?symbol=A/RES/79/237');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.languages).toEqual(['en']);
  });

  it('reads every file again when the parser revision changes, keeping the links people decided on', async () => {
    // A manifest of two documents keeps this short.
    const manifest = JSON.parse(await readFile(path.join(copy, 'library.json'), 'utf8')) as { documents: { file: string }[] };
    manifest.documents = manifest.documents.filter((d) => ['A_RES_79_277.en.txt', 'A_RES_79_239.en.txt'].includes(d.file));
    await writeFile(path.join(copy, 'library.json'), JSON.stringify(manifest));
    const readAt = async () =>
      (
        await t.store.db.query<{ read_at: string }>(
          sql`SELECT v.read_at::text AS read_at FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.symbol = 'A/RES/79/277'`,
        )
      )[0]?.read_at;
    const before = await readAt();
    // A reviewer's decision on a paragraph of the version about to be read again.
    const decided = sql`SELECT p.eid, l.state FROM paragraph_links l JOIN document_paragraphs p ON p.id = l.paragraph_id
                        JOIN documents d ON d.id = p.document_id WHERE d.symbol = 'A/RES/79/277' AND l.element_id = 'wsis.C1'`;
    await t.store.db.query(
      sql`INSERT INTO paragraph_links (paragraph_id, element_id, type, state, suggested_by, decided_by, decided_at)
          SELECT p.id, 'wsis.C1', 'contributes-to', 'confirmed', 'reviewer', 'reviewer', now()
          FROM document_paragraphs p JOIN documents d ON d.id = p.document_id
          WHERE d.symbol = 'A/RES/79/277' AND p.kind = 'operative' ORDER BY p.position LIMIT 1
          ON CONFLICT (paragraph_id, element_id) DO UPDATE SET state = 'confirmed', suggested_by = 'reviewer'`,
    );
    const decision = await t.store.db.query<{ eid: string; state: string }>(decided);
    expect(decision).toHaveLength(1);
    const report = await loadLibrary(t.store, { dir: copy, parserRevision: 1000 });
    expect(report.read.sort()).toEqual(['A_RES_79_239.en.txt', 'A_RES_79_277.en.txt']);
    expect(await readAt()).not.toBe(before);
    expect(await t.store.db.query(decided)).toEqual(decision);
    expect((await loadLibrary(t.store, { dir: copy, parserRevision: 1000 })).read).toEqual([]);
  });

  it('leaves a version someone brought in themselves as it is', async () => {
    const own = `${await readFile(path.join(libraryDir, 'A_RES_79_239.en.txt'), 'utf8')}\nA corrected copy.`;
    const ingested = await ingestFile(
      t.store,
      new TextEncoder().encode(own),
      { fileName: 'mine.txt', provenance: 'concord ingest' },
      {
        lang: 'en',
        symbol: 'A/RES/79/239',
      },
    );
    expect(ingested.status).toBe('replaced');
    const report = await loadLibrary(t.store, { dir: copy, parserRevision: 1001 });
    expect(report.kept).toEqual(['A_RES_79_239.en.txt']);
    const [version] = await t.store.db.query<{ provenance: string; source_file: string }>(
      sql`SELECT v.provenance, v.source_file FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.symbol = 'A/RES/79/239'`,
    );
    expect(version).toEqual({ provenance: 'concord ingest', source_file: 'mine.txt' });
  });
});

describe('the GDC and the Pact read from A/RES/79/1 are their elements (links by construction)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t?.close());

  const block = (b: Partial<Block> & Pick<Block, 'id' | 'kind' | 'part' | 'text'>): Block => ({
    number: null,
    parent: null,
    heading: null,
    level: 0,
    footnotes: [],
    ...b,
  });

  /** The structure the parser gives the Pact: an outcome document, then annex I (the GDC), in a short excerpt. */
  function pactExcerpt(symbol: string): UNDocument {
    return {
      symbol,
      organ: 'GA',
      session: 79,
      number: '1',
      date: '2024-09-22',
      agendaItem: '123',
      agendaTitle: null,
      title: 'The Pact for the Future',
      language: 'en',
      kind: 'resolution',
      format: 'text',
      parts: [
        { id: 'main', kind: 'main', title: null, openedBy: null },
        { id: 'outcome_1', kind: 'outcome-document', title: 'The Pact for the Future', openedBy: 'para_u1' },
        { id: 'annex_1', kind: 'annex', title: 'Global Digital Compact', openedBy: 'annex_1__title' },
      ],
      blocks: [
        block({ id: 'preamble__formula', kind: 'enacting-formula', part: 'main', text: 'The General Assembly' }),
        block({ id: 'para_u1', kind: 'operative', part: 'main', text: 'Adopts the following Pact for the Future and its annexes:' }),
        block({
          id: 'outcome_1__para_34',
          kind: 'operative',
          number: '34',
          part: 'outcome_1',
          text: 'Science, technology and innovation have the potential to accelerate the realization of the aspirations of the Charter.',
        }),
        block({
          id: 'outcome_1__para_34__list_1__point_a',
          kind: 'subparagraph',
          number: 'a',
          level: 1,
          parent: 'outcome_1__para_34',
          part: 'outcome_1',
          text: 'Foster an enabling environment that promotes innovation and entrepreneurship;',
        }),
        block({ id: 'annex_1__title', kind: 'annex-title', part: 'annex_1', text: 'Annex I' }),
        block({ id: 'annex_1__heading_0', kind: 'heading', part: 'annex_1', text: 'Global Digital Compact' }),
        block({
          id: 'annex_1__para_7',
          kind: 'operative',
          number: '7',
          part: 'annex_1',
          text: 'In order to achieve our vision, we commit to pursue the following objectives:',
        }),
        block({
          id: 'annex_1__para_7__list_1__point_2',
          kind: 'subparagraph',
          number: '2',
          level: 1,
          parent: 'annex_1__para_7',
          part: 'annex_1',
          text: 'Expand inclusion in and benefits from the digital economy for all;',
        }),
        block({
          id: 'annex_1__para_11',
          kind: 'operative',
          number: '11',
          part: 'annex_1',
          text: 'We commit to achieve the following actions:',
        }),
        block({
          id: 'annex_1__para_11__list_1__point_b',
          kind: 'subparagraph',
          number: 'b',
          level: 1,
          parent: 'annex_1__para_11',
          part: 'annex_1',
          text: 'Expand mobile broadband network coverage (SDG 9);',
        }),
        block({ id: 'annex_1__para_75', kind: 'operative', number: '75', part: 'annex_1', text: 'A paragraph the Compact does not have.' }),
      ],
      footnotes: [],
      warnings: [],
      ocrNoise: 0,
    };
  }

  type Links = { items: { paragraph: { eid: string }; element: { id: string }; type: string; state: string; suggestedBy: string }[] };

  it('stores paragraph N of the GDC annex as element gdc.N and the Pact paragraphs as pact.N, confirmed, from the document', async () => {
    const result = await storeDocument(t.store, pactExcerpt('A/RES/79/1'), {
      fileName: 'excerpt.txt',
      provenance: 'test',
      contentHash: 'excerpt-79-1',
    });
    const links = await getJson<Links>(t, `/api/v1/paragraph-links?document=${result.documentId}&state=confirmed`);
    const pairs = links.items.map((l) => [l.paragraph.eid, l.element.id, l.type, l.suggestedBy]);
    expect(pairs.sort()).toEqual(
      [
        ['annex_1__para_11', 'gdc.11', 'same-as', 'document'],
        ['annex_1__para_11__list_1__point_b', 'gdc.11.b', 'same-as', 'document'],
        ['annex_1__para_7', 'gdc.7', 'same-as', 'document'],
        ['annex_1__para_7__list_1__point_2', 'gdc.obj.2', 'same-as', 'document'],
        ['outcome_1__para_34', 'pact.34', 'same-as', 'document'],
        ['outcome_1__para_34__list_1__point_a', 'pact.34.a', 'same-as', 'document'],
      ].sort(),
    );
    // The element's page lists the paragraph as its confirmed text in the document.
    const forElement = await getJson<Links>(t, '/api/v1/paragraph-links?element=gdc.11.b&state=confirmed');
    expect(forElement.items.map((l) => l.paragraph.eid)).toContain('annex_1__para_11__list_1__point_b');
    // The links page says where the link comes from.
    expect(await (await t.app.request(`/en/documents/${result.documentId}/links`)).text()).toContain('read from the document itself');
  });

  it('gives another document the same structure no link by construction', async () => {
    const result = await storeDocument(t.store, pactExcerpt('A/RES/79/194'), {
      fileName: 'other.txt',
      provenance: 'test',
      contentHash: 'excerpt-79-194',
    });
    const links = await getJson<Links>(t, `/api/v1/paragraph-links?document=${result.documentId}`);
    expect(links.items.filter((l) => l.suggestedBy === 'document')).toEqual([]);
    expect(links.items.every((l) => l.state === 'suggested')).toBe(true);
  });
});
