// Framework search that finds (issue 16, item 8): synonyms where the UN's own terms vary
// (data/search/synonyms.json), titles and objectives before passing mentions, and no document
// search when only framework elements are asked for. Through HTTP, in-process, on a seeded store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

interface Hit {
  id: string;
  englishFallback: boolean;
  snippet: string;
}

async function search(query: string, params = '') {
  const response = await t.app.request(`/api/v1/search?q=${encodeURIComponent(query)}${params}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { total: number; items: Hit[]; documents?: unknown };
}

const ids = (items: Hit[]) => items.map((i) => i.id);

describe('synonyms where the UN texts use another term', () => {
  it('finds the Chinese SDG texts that say 因特网 when asked for 互联网', async () => {
    const { items } = await search('互联网', '&lang=zh');
    const native = items.filter((i) => !i.englishFallback);
    expect(ids(native)).toEqual(expect.arrayContaining(['sdg.17.8.1', 'sdg.17.6.1', 'sdg.9.c']));
    // Among the first ten, with English-only texts found through the English term.
    expect(ids(items.slice(0, 10))).toEqual(expect.arrayContaining(['sdg.17.8.1', 'sdg.17.6.1', 'sdg.9.c']));
    expect(items.some((i) => i.englishFallback && i.id === 'gdc.topic.internet-governance')).toBe(true);
  });

  it('finds the GDC paragraphs on artificial intelligence from French, its objective first', async () => {
    const { items } = await search('intelligence artificielle', '&lang=fr');
    expect(items[0]!.id).toBe('gdc.obj.5');
    expect(ids(items.slice(0, 10))).toEqual(expect.arrayContaining(['gdc.50', 'gdc.51']));
    expect(items.slice(0, 10).every((i) => i.englishFallback)).toBe(true);
    expect(items[0]!.snippet).toMatch(/<mark>artificial<\/mark> <mark>intelligence<\/mark>/i);
  });

  it('finds the Global Digital Compact by its Arabic name, in either spelling', async () => {
    for (const name of ['الميثاق الرقمي العالمي', 'الاتفاق الرقمي العالمي']) {
      const found = ids((await search(name, '&lang=ar')).items);
      expect(found).toEqual(expect.arrayContaining(['gdc.4', 'gdc.64', 'gdc.74']));
      expect(found).not.toContain('sdg.8.b');
    }
  });

  it('finds an indicator by the everyday word for what its text names formally', async () => {
    expect(ids((await search('手机', '&lang=zh')).items)[0]).toBe('sdg.5.b.1');
    expect(ids((await search('mobile phone', '&lang=en')).items)[0]).toBe('sdg.5.b.1');
  });
});

describe('ranking', () => {
  it('ranks the heading and the short text naming the words above passing mentions', async () => {
    const ai = ids((await search('artificial intelligence', '&lang=en')).items);
    expect(ai[0]).toBe('gdc.obj.5');
    expect(ai.indexOf('gdc.50')).toBeLessThan(10);
    expect(ids((await search('quality education', '&lang=en')).items)[0]).toBe('sdg.4');
    expect(ids((await search('égalité des sexes', '&lang=fr')).items)[0]).toBe('sdg.5');
    expect(ids((await search('data governance', '&lang=en')).items).slice(0, 2)).toEqual(
      expect.arrayContaining(['gdc.obj.4', 'gdc.topic.interoperable-data-governance']),
    );
  });
});

describe('framework elements only', () => {
  it('does not search documents when a framework or kind is asked for, and does otherwise', async () => {
    expect(await search('internet', '&framework=sdg')).not.toHaveProperty('documents');
    expect(await search('internet', '&kind=indicator')).not.toHaveProperty('documents');
    expect(await search('internet')).toHaveProperty('documents');
  });
});
