// Suggestions as you type in the initiative form (issue 16, item 5): the JSON the form's script
// reads, in the reader's language, from the same element search and place matching as the
// search-and-choose step; the script is linked from the form and from no reading page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { Visitor } from '../testing/visitor.ts';
import { assets } from '../web/assets.ts';
import type { Suggestion } from './suggestions.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ CONCORD_TRUST_PROXY: '1' });
});
afterAll(() => t.close());

async function suggestions(path: string): Promise<Suggestion[]> {
  const response = await t.app.request(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('Content-Type')).toContain('application/json');
  return ((await response.json()) as { items: Suggestion[] }).items;
}

describe('suggestions as you type', () => {
  it('suggests places by the beginning of their name, named in the reader’s language', async () => {
    expect((await suggestions('/en/initiatives/suggest/places?q=Ken'))[0]).toEqual({ value: 'Kenya', label: 'Kenya' });
    expect((await suggestions('/zh/initiatives/suggest/places?q=%E8%82%AF'))[0]?.value).toBe('肯尼亚');
    expect((await suggestions(`/ar/initiatives/suggest/places?q=${encodeURIComponent('Ken')}`))[0]?.value).toBe('كينيا');
  });

  it('suggests framework elements by the words of their text, with their label and text', async () => {
    const found = await suggestions('/en/initiatives/suggest/elements?q=blended%20financing');
    const element = found.find((s) => s.value === 'gdc.11.b');
    expect(element?.label).toBe('Action 11 (b)');
    expect(element?.text).toMatch(/^Develop innovative and blended financing mechanisms/);
    expect(element?.lang).toBe('en');
    // In French, an SDG target is found by its French words and shown in French.
    const fr = await suggestions('/fr/initiatives/suggest/elements?q=haut%20d%C3%A9bit');
    expect(fr.length).toBeGreaterThan(0);
    expect(fr.some((s) => s.lang === 'fr')).toBe(true);
  });

  it('answers nothing for nothing, cuts a very long text, and knows no other kind', async () => {
    expect(await suggestions('/en/initiatives/suggest/places')).toEqual([]);
    expect(await suggestions('/en/initiatives/suggest/elements?q=%20%20')).toEqual([]);
    expect(await suggestions(`/en/initiatives/suggest/places?q=${'x'.repeat(5000)}`)).toEqual([]);
    expect((await t.app.request('/en/initiatives/suggest/organizations?q=a')).status).toBe(404);
  });

  it('links the script from the initiative form only, whose fields say where to ask', async () => {
    const contributor = new Visitor(t.app, { 'Accept-Language': 'en' });
    await contributor.signUp('en', 'Suggested Contributor', `suggested.${Date.now()}@example.org`, 'correct horse battery');
    const form = await contributor.get('/en/initiatives/new');
    expect(form.status).toBe(200);
    expect(form.html).toContain(`<script src="${assets.suggestScriptPath}" defer=""></script>`);
    expect(form.html).toMatch(/<input id="f-element_q"[^>]*data-suggest="\/en\/initiatives\/suggest\/elements"/);
    expect(form.html).toMatch(/<input id="f-areas"[^>]*data-suggest="\/en\/initiatives\/suggest\/places"/);
    for (const path of ['/en/', '/en/registry', '/en/elements/gdc.11.b', '/ar/areas/KEN', '/en/search?q=connectivity']) {
      const html = await (await t.app.request(path)).text();
      expect(html, path).not.toContain('<script');
    }
    const script = await t.app.request(assets.suggestScriptPath);
    expect(script.headers.get('Content-Type')).toContain('text/javascript');
    expect(await script.text()).toContain('aria-activedescendant');
  });
});
