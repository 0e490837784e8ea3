// Suggestions a reviewer can trust (issue 16, item 7), on A/RES/79/194 as the library holds it:
// only above the measured confidence, each with why (the shared words marked in the element's
// whole text, and the score), preambular paragraphs numbered pp1, pp2... Through HTTP, in-process.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { libraryDir } from './library.ts';
import { SUGGESTION_MIN_SCORE } from './links.ts';

const TOKEN = 'operator-token-for-tests-0123456789';
const DOC = 'a-res-79-194';

interface Link {
  paragraph: { id: number; kind: string; number: string | null; preamble: number | null };
  element: { id: string; title: string | null; text: string | null };
  score: number | null;
  suggestedBy: string;
}

let t: TestApp;
let links: Link[];

beforeAll(async () => {
  t = await openTestApp({ CONCORD_OPERATOR_TOKEN: TOKEN });
  const form = new FormData();
  form.set('file', new File([await readFile(path.join(libraryDir, 'A_RES_79_194.en.txt'), 'utf8')], 'A_RES_79_194.en.txt'));
  form.set('symbol', 'A/RES/79/194');
  form.set('lang', 'en');
  const uploaded = await t.app.request('/api/v1/documents', { method: 'POST', body: form, headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(uploaded.status).toBe(201);
  const response = await t.app.request(`/api/v1/paragraph-links?document=${DOC}&lang=en&limit=1000`);
  expect(response.status).toBe(200);
  links = ((await response.json()) as { items: Link[] }).items;
}, 120_000);
afterAll(() => t.close());

describe('suggestions above the measured confidence', () => {
  it('stores no matcher suggestion below the threshold, and still suggests some', () => {
    const matcher = links.filter((l) => l.suggestedBy === 'matcher');
    expect(matcher.length).toBeGreaterThan(0);
    expect(matcher.every((l) => (l.score ?? 0) >= SUGGESTION_MIN_SCORE)).toBe(true);
    // "Recalling its resolution 78/132..." shares only procedural words with the Pact actions on
    // African Union peace operations (pact.42.g) and the High Commissioner (pact.74.a): not suggested.
    const pp1 = links.filter((l) => l.paragraph.preamble === 1).map((l) => l.element.id);
    expect(pp1).not.toContain('pact.42.g');
    expect(pp1).not.toContain('pact.74.a');
  });

  it('numbers the preambular paragraphs pp1, pp2... in the API and on the page', async () => {
    const preambular = links.filter((l) => l.paragraph.kind === 'preambular');
    expect(preambular.length).toBeGreaterThan(0);
    expect(preambular.every((l) => l.paragraph.preamble !== null && l.paragraph.preamble > 0)).toBe(true);
    const page = await new Visitor(t.app).get(`/en/documents/${DOC}/links`);
    expect(page.status).toBe(200);
    const first = Math.min(...preambular.map((l) => l.paragraph.preamble!));
    expect(page.html).toContain(`>pp${first}</a>`);
    expect(page.html).not.toMatch(/>—<\/a>/);
  });

  it('shows why: the whole element text with the shared words marked, and the score', async () => {
    const page = await new Visitor(t.app).get(`/en/documents/${DOC}/links`);
    const longest = links
      .filter((l) => l.suggestedBy === 'matcher' && l.element.text)
      .sort((a, b) => b.element.text!.length - a.element.text!.length)[0]!;
    // The end of the longest text is on the page (nothing cut), and words are marked.
    const ending = longest.element.text!.split(/\s+/).slice(-3).join(' ');
    expect(page.html.replace(/<\/?mark>/g, '')).toContain(ending.replaceAll('&', '&amp;'));
    expect(page.html).toMatch(/<mark>[^<]+<\/mark>/);
    expect(page.html).toMatch(/score \d+(\.\d)?; \d+ words? shared with the paragraph/);
  });

  it('says the same in another language, from the catalogs', async () => {
    const page = await new Visitor(t.app).get(`/fr/documents/${DOC}/links`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/score \d+(,\d)? ; \d+ mots? communs? avec le paragraphe/);
  });
});
