// The framework API through HTTP (in-process), against a seeded store of either dialect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
let app: TestApp['app'];

beforeAll(async () => {
  t = await openTestApp();
  app = t.app;
});
afterAll(() => t.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await app.request(path, { headers });
  const type = response.headers.get('Content-Type') ?? '';
  const body: unknown = type.includes('json') ? await response.json() : await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: body as Record<string, unknown> & { items: Record<string, unknown>[] },
  };
}

interface Summary {
  id: string;
  framework: string;
  kind: string;
  code: string;
  text: string | null;
  title: string | null;
  textLanguage: string | null;
}

describe('GET /api/v1/frameworks', () => {
  it('lists sdg, gdc, wsis and pact with the element counts of the data rules', async () => {
    const { status, body } = await get('/api/v1/frameworks');
    expect(status).toBe(200);
    type FrameworkBody = { id: string; counts: Record<string, number>; languages: string[]; source: { licence: string } };
    const byId: Record<string, FrameworkBody> = Object.fromEntries((body.items as FrameworkBody[]).map((f) => [f.id, f]));
    expect(Object.keys(byId)).toEqual(['sdg', 'gdc', 'wsis', 'pact']);
    expect(byId.sdg!.counts).toEqual({ goal: 17, target: 169, indicator: 252 });
    expect(byId.sdg!.languages.sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(byId.gdc!.counts).toMatchObject({ objective: 5, principle: 13, action: 76, paragraph: 74 });
    expect(byId.wsis!.counts).toEqual({ 'action-line': 11, 'sub-line': 8 });
    expect(byId.pact!.counts).toMatchObject({ chapter: 5, action: 56, paragraph: 84, item: 242 });
    expect(byId.gdc!.languages).toEqual(['en']);
    expect(byId.sdg!.source.licence).toMatch(/MIT/);
  });

  it('pages through a framework in document order', async () => {
    const first = await get('/api/v1/frameworks/gdc/elements?kind=objective');
    expect(first.body.total).toBe(5);
    expect(first.body.items.map((e) => e.id)).toEqual(['gdc.obj.1', 'gdc.obj.2', 'gdc.obj.3', 'gdc.obj.4', 'gdc.obj.5']);
    const paged = await get('/api/v1/frameworks/pact/elements?kind=action&limit=6&offset=27');
    expect(paged.body.items.map((e) => e.id)).toEqual([
      'pact.action.28',
      'pact.action.29',
      'pact.action.30',
      'pact.action.31',
      'pact.action.32',
      'pact.action.33',
    ]);
    expect(paged.body.total).toBe(56);
  });
});

describe('GET /api/v1/elements/{id}', () => {
  it('returns the Arabic text of sdg.9.c, cleaned of tatweel', async () => {
    const { status, body } = await get('/api/v1/elements/sdg.9.c?lang=ar');
    expect(status).toBe(200);
    expect(body.textLanguage).toBe('ar');
    expect(body.text).toMatch(/تكنولوجيا المعلومات والاتصالات/);
    expect(body.text).not.toMatch(/\u0640/);
    expect(body.languages).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
    expect((body.ancestors as Summary[]).map((a) => a.id)).toEqual(['sdg.9']);
    expect((body.children as Summary[]).map((c) => c.id)).toEqual(['sdg.9.c.1']);
  });

  it('answers for every id form of the data rules', async () => {
    for (const id of [
      'sdg.9',
      'sdg.9.c.1',
      'gdc.obj.3',
      'gdc.11',
      'gdc.11.b',
      'gdc.8.m',
      'gdc.topic.connectivity',
      'wsis.C2',
      'wsis.C7.e-health',
      'pact.ch.3',
      'pact.action.28',
      'pact.52.a',
    ]) {
      const { status, body } = await get(`/api/v1/elements/${id}`);
      expect(status, id).toBe(200);
      expect(body.id).toBe(id);
    }
  });

  it('shows English, marked, where a framework has no text in the language asked for', async () => {
    const { body } = await get('/api/v1/elements/gdc.11.b?lang=fr');
    expect(body.textLanguage).toBe('en');
    expect(body.text).toMatch(/^Develop innovative and blended financing/);
    expect(body.attributes).toMatchObject({ deadline: '2030' });
  });

  it('keeps the five legacy indicator keys, marked', async () => {
    const legacy = [];
    for (const id of ['1.a.3', '8.9.2', '11.c.1', '13.3.2', '17.6.2']) {
      const { body } = await get(`/api/v1/elements/sdg.${id}`);
      legacy.push((body.attributes as { status: string }).status);
    }
    expect(legacy).toEqual(['legacy', 'legacy', 'legacy', 'legacy', 'legacy']);
  });

  it('gives a 404 problem for an unknown id', async () => {
    const { status, headers, body } = await get('/api/v1/elements/sdg.99');
    expect(status).toBe(404);
    expect(headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/v1/elements/sdg.99' });
  });

  it('gives a 400 problem that lists the allowed languages for a bad lang', async () => {
    const { status, headers, body } = await get('/api/v1/elements/sdg.9.c?lang=de');
    expect(status).toBe(400);
    expect(headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const errors = body.errors as { field: string; allowed: string[] }[];
    expect(errors[0]!.field).toBe('query.lang');
    expect(errors[0]!.allowed.sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(body.detail).toMatch(/ar, zh, en, fr, ru, es/);
  });

  it('returns the texts in every language with their sources', async () => {
    const { body } = await get('/api/v1/elements/sdg.4/texts');
    expect(body.items.map((t) => t.lang)).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
    expect(body.items.find((t) => t.lang === 'fr')!.title).toMatch(/éducation/i);
    const gdc = await get('/api/v1/elements/gdc.11.b/texts');
    expect(gdc.body.items.map((t) => t.lang)).toEqual(['en']);
  });
});

describe('links', () => {
  it("reads the Compact's own SDG tags as confirmed links with their source", async () => {
    const { body } = await get('/api/v1/elements/gdc.11.b/links?direction=out');
    const links = body.items as {
      to: Summary;
      state: string;
      type: string;
      sourceLocator: string;
      rationale: string;
      source: { documentSymbol: string };
    }[];
    expect(links.map((l) => l.to.id).sort()).toEqual(['sdg.1', 'sdg.9']);
    for (const l of links) {
      expect(l).toMatchObject({ state: 'confirmed', type: 'contributes-to', sourceLocator: 'para 11 (b)' });
      expect(l.source.documentSymbol).toBe('A/RES/79/1');
      expect(l.rationale).toMatch(/\(SDGs 1 and 9\)/);
    }
  });

  it('expands "all SDGs" to one link per goal', async () => {
    const { body } = await get('/api/v1/elements/gdc.17.b/links?direction=out');
    expect(body.total).toBe(17);
    expect((body.items as { flags: string[] }[]).every((l) => l.flags.includes('all-sdgs'))).toBe(true);
  });

  it('finds links in both directions, filtered by framework, type and state', async () => {
    const incoming = await get('/api/v1/elements/sdg.9.c/links?direction=in&framework=wsis');
    expect(incoming.body.total).toBeGreaterThan(0);
    expect(
      (incoming.body.items as { from: Summary; state: string }[]).every((l) => l.from.framework === 'wsis' && l.state === 'suggested'),
    ).toBe(true);
    const confirmed = await get('/api/v1/links?from=gdc&to=sdg&state=confirmed&limit=1');
    expect(confirmed.body.total).toBe(470);
    const suggested = await get('/api/v1/links?from=wsis&state=suggested&limit=1');
    expect(suggested.body.total).toBe(198);
    const sameAs = await get('/api/v1/links?type=same-as&limit=100');
    expect(sameAs.body.total).toBe(20);
    const gdcToWsis = await get('/api/v1/links?from=gdc&to=wsis');
    expect(gdcToWsis.body.total).toBe(0);
  });

  it('marks matrix links that have no rationale', async () => {
    const { body } = await get('/api/v1/links?from=wsis&limit=1000');
    const links = body.items as { rationale: string | null; flags: string[]; sourceLocator: string }[];
    expect(links.filter((l) => l.flags.includes('no-rationale')).every((l) => l.rationale === null)).toBe(true);
    const rows = new Set<number>();
    for (const l of links.filter((x) => x.flags.includes('no-rationale') || x.flags.includes('row-without-rationale'))) {
      for (const n of l.sourceLocator.replace(/^rows? /, '').split(', ')) rows.add(Number(n));
    }
    expect(rows.size).toBeGreaterThanOrEqual(20);
  });

  it('derives GDC-WSIS connections through a shared SDG goal, labelled derived', async () => {
    const { body } = await get('/api/v1/elements/gdc.11.b/derived-links');
    expect(body.derived).toBe(true);
    const items = body.items as { other: Summary; via: Summary[] }[];
    const c2 = items.find((d) => d.other.id === 'wsis.C2');
    expect(c2?.via.map((g) => g.id)).toEqual(['sdg.1', 'sdg.9']);
    expect(items.every((d) => d.other.framework === 'wsis')).toBe(true);
  });
});

describe('search', () => {
  const ids = async (path: string) => (await get(path)).body.items.map((i) => i.id as string);

  it('finds elements in each of the six languages', async () => {
    expect(await ids('/api/v1/search?q=connectivity&lang=en')).toContain('gdc.10');
    expect(await ids(`/api/v1/search?q=${encodeURIComponent('الإنترنت')}&lang=ar`)).toContain('sdg.17.6.1');
    expect(await ids(`/api/v1/search?q=${encodeURIComponent('因特网')}&lang=zh`)).toContain('sdg.17.6.1');
    expect(await ids(`/api/v1/search?q=${encodeURIComponent('éducation')}&lang=fr`)).toContain('sdg.4');
    expect(await ids(`/api/v1/search?q=${encodeURIComponent('образование')}&lang=ru`)).toContain('sdg.4');
    expect(await ids(`/api/v1/search?q=${encodeURIComponent('educación')}&lang=es`)).toContain('sdg.4');
  });

  it('matches Arabic through the conjunction and letter forms', async () => {
    // The SDG texts write التنمية with و attached (والتنمية) as often as not.
    expect((await get(`/api/v1/search?q=${encodeURIComponent('والتنمية')}&lang=ar`)).body.total).toBeGreaterThan(0);
  });

  it('finds an element by its code, and tolerates a misspelling', async () => {
    expect((await ids('/api/v1/search?q=9.c&framework=sdg'))[0]).toBe('sdg.9.c');
    expect(await ids('/api/v1/search?q=conectivity&lang=en')).toContain('gdc.10');
  });

  it('highlights matches and escapes the rest', async () => {
    const { body } = await get('/api/v1/search?q=connectivity&lang=en&limit=3');
    expect(body.items[0]!.snippet).toMatch(/<mark>connectivity<\/mark>/i);
  });

  it('falls back to the English texts of elements with no text in the language searched, labelled', async () => {
    // The GDC is English only: "intelligence artificielle" shares "intelligence" with "artificial intelligence".
    const { body } = await get(`/api/v1/search?q=${encodeURIComponent('intelligence artificielle')}&lang=fr&framework=gdc&limit=50`);
    const items = body.items as { id: string; englishFallback: boolean; matchLanguage: string; snippet: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.englishFallback && i.matchLanguage === 'en')).toBe(true);
    expect(items.map((i) => i.id)).toContain('gdc.50');
    expect(items[0]!.snippet).toMatch(/<mark>intelligence<\/mark>/i);
    // The SDGs have French texts: found in them, never through English; and no fallback for a search in English.
    const mixed = (await get(`/api/v1/search?q=${encodeURIComponent('éducation')}&lang=fr&limit=100`)).body.items as {
      framework: string;
      englishFallback: boolean;
    }[];
    expect(mixed.some((i) => i.framework === 'sdg')).toBe(true);
    expect(mixed.filter((i) => i.englishFallback).every((i) => i.framework !== 'sdg')).toBe(true);
    expect(mixed.filter((i) => i.framework === 'sdg').some((i) => i.englishFallback)).toBe(false);
    const en = (await get('/api/v1/search?q=artificial%20intelligence&lang=en')).body.items as { englishFallback: boolean }[];
    expect(en.length).toBeGreaterThan(0);
    expect(en.some((i) => i.englishFallback)).toBe(false);
  });

  it('rejects an empty query with a problem', async () => {
    const { status, body } = await get('/api/v1/search?q=');
    expect(status).toBe(400);
    expect((body.errors as { field: string }[])[0]!.field).toBe('query.q');
  });
});

describe('crosswalk', () => {
  it('counts GDC objective x SDG goal links, confirmed', async () => {
    const { body } = await get('/api/v1/crosswalk?rows=gdc-objectives&columns=sdg-goals');
    const cells = body.cells as { row: string; column: string; links: number; confirmed: number; derived: number }[];
    const cell = cells.find((c) => c.row === 'gdc.obj.1' && c.column === 'sdg.9');
    expect(cell?.links).toBeGreaterThan(0);
    expect(cell?.confirmed).toBe(cell?.links);
    expect(body.derivedApplies).toBe(false);
    expect((body.rows as Summary[]).length).toBe(5);
    expect((body.columns as Summary[]).length).toBe(17);
  });

  it('has no stored GDC x WSIS links, only derived ones, shown apart', async () => {
    const { body } = await get('/api/v1/crosswalk?rows=gdc-objectives&columns=wsis-lines');
    const cells = body.cells as { links: number; derived: number }[];
    expect(body.derivedApplies).toBe(true);
    expect(cells.every((c) => c.links === 0)).toBe(true);
    expect(cells.some((c) => c.derived > 0)).toBe(true);
    const cell = await get('/api/v1/crosswalk/cell?row=gdc.obj.1&column=wsis.C2');
    expect(cell.body.links).toEqual([]);
    expect((cell.body.derived as unknown[]).length).toBeGreaterThan(0);
  });

  it('rejects the same axis twice', async () => {
    expect((await get('/api/v1/crosswalk?rows=sdg-goals&columns=sdg-goals')).status).toBe(400);
  });
});

describe('HTTP behaviour', () => {
  it('serves ETags and answers 304 when nothing changed', async () => {
    const first = await get('/api/v1/elements/sdg.9.c');
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    const again = await app.request('/api/v1/elements/sdg.9.c', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it('allows GET from any origin', async () => {
    const { headers } = await get('/api/v1/frameworks', { Origin: 'https://example.org' });
    expect(headers.get('Access-Control-Allow-Origin')).toBe('*');
    const preflight = await app.request('/api/v1/frameworks', {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toMatch(/GET/);
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const { status, body } = await get('/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const paths = Object.keys(body.paths as object);
    for (const p of ['/frameworks', '/elements/{id}', '/elements/{id}/links', '/links', '/search', '/crosswalk'])
      expect(paths).toContain(p);
    const element = (body.paths as Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }>)[
      '/elements/{id}'
    ]!;
    expect(element.get.parameters.find((p) => p.name === 'lang')?.schema.enum).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
  });

  it('answers unknown API paths with a problem', async () => {
    const { status, headers } = await get('/api/v1/nothing-here');
    expect(status).toBe(404);
    expect(headers.get('Content-Type')).toMatch(/problem\+json/);
  });
});
