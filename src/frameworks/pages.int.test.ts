// The framework pages as a reader without JavaScript gets them: HTML over HTTP (in-process).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { catalogs } from '../i18n/index.ts';

let t: TestApp;
let app: TestApp['app'];

beforeAll(async () => {
  t = await openTestApp();
  app = t.app;
});
afterAll(() => t.close());

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await app.request(path, { headers });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** The text of an HTML fragment, tags removed and entities of the escaper undone. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('language', () => {
  it('sends / to the reader’s language', async () => {
    const ar = await app.request('/', { headers: { 'Accept-Language': 'ar-EG,ar;q=0.9,en;q=0.5' } });
    expect(ar.status).toBe(303);
    expect(ar.headers.get('Location')).toBe('/ar/');
    const other = await app.request('/', { headers: { 'Accept-Language': 'de-DE' } });
    expect(other.headers.get('Location')).toBe('/en/');
  });

  it('renders Arabic pages right to left with the Arabic catalog', async () => {
    const { status, html, headers } = await page('/ar/');
    expect(status).toBe(200);
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(headers.get('Content-Language')).toBe('ar');
    expect(html).toContain(catalogs.ar['nav.frameworks']!);
    expect(html).toContain(catalogs.ar['layout.skip']!);
  });

  it('renders every language with its own direction and links to the others', async () => {
    for (const [lang, dir] of [
      ['zh', 'ltr'],
      ['en', 'ltr'],
      ['fr', 'ltr'],
      ['ru', 'ltr'],
      ['es', 'ltr'],
    ] as const) {
      const { html } = await page(`/${lang}/elements/sdg.9.c`);
      expect(html).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(html).toContain(`hreflang="ar" href="/ar/elements/sdg.9.c"`);
    }
  });

  it('answers an unknown language or page with a 404 page', async () => {
    expect((await page('/de/')).status).toBe(404);
    const missing = await page('/fr/elements/sdg.99');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('<html lang="fr"');
    expect(missing.html).toContain(catalogs.fr['error.notFound.title']!);
  });
});

describe('pages', () => {
  it('home names the four frameworks and where to start', async () => {
    const { html } = await page('/en/');
    for (const id of ['sdg', 'gdc', 'wsis', 'pact']) expect(html).toContain(`href="/en/frameworks/${id}"`);
    expect(html).toMatch(/<a class="skip" href="#main">/);
    expect(html).toMatch(/<main id="main"/);
  });

  it('a framework page shows its whole tree', async () => {
    const { html } = await page('/en/frameworks/gdc');
    for (const id of ['gdc.obj.1', 'gdc.topic.connectivity', 'gdc.11', 'gdc.11.b', 'gdc.8.m', 'gdc.74'])
      expect(html).toContain(`href="/en/elements/${id}"`);
    const sdg = await page('/en/frameworks/sdg');
    expect((sdg.html.match(/href="\/en\/elements\/sdg\.\d+\.[0-9a-z]+\.\d+"/g) ?? []).length).toBe(252);
  });

  it('an element page shows its text, links both ways with rationale and source, and other languages', async () => {
    const { html } = await page('/en/elements/sdg.9.c');
    const text = textOf(html);
    expect(text).toContain('Significantly increase access to information and communications technology');
    expect(html).toContain('href="/en/elements/wsis.C2"');
    expect(text).toContain('WSIS-SDG Matrix');
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain('lang="zh"');
    expect(html).toMatch(/state-suggested/);
  });

  it('an element page for a GDC action shows its confirmed SDG links and, apart, derived ones', async () => {
    const { html } = await page('/en/elements/gdc.11.b');
    expect(html).toContain('href="/en/elements/sdg.9"');
    expect(html).toMatch(/state-confirmed/);
    expect(html).toMatch(/id="derived"/);
    expect(textOf(html)).toContain(catalogs.en['element.derivedExplain']!);
  });

  it('shows English texts on other-language pages visibly marked, never silently', async () => {
    const { html } = await page('/fr/elements/gdc.11.b');
    expect(html).toContain('role="note"');
    expect(html).toMatch(/<div lang="en" dir="ltr">\s*<p class="text">Develop innovative/);
    const framework = await page('/ru/frameworks/wsis');
    expect(framework.html).toContain('role="note"');
  });

  it('a WSIS action line names its UN facilitators with their evidence', async () => {
    const { html } = await page('/en/elements/wsis.C7.e-health');
    expect(textOf(html)).toMatch(/WHO .*World Health Organization/);
    expect(html).toContain('https://'); // evidence addresses
  });

  it('the crosswalk is a table with headers, counts and drill-down', async () => {
    const { html } = await page('/en/crosswalk?rows=gdc-objectives&columns=sdg-goals');
    expect(html).toContain('<table class="matrix">');
    expect(html).toContain('<th scope="col">');
    expect(html).toContain('<th scope="row">');
    expect(html).toContain('href="/en/crosswalk/cell?row=gdc.obj.1&amp;column=sdg.9"');
    const derived = await page('/en/crosswalk?rows=gdc-objectives&columns=wsis-lines');
    expect(derived.html).toContain('class="derived"');
    const cell = await page('/en/crosswalk/cell?row=gdc.obj.1&column=sdg.9');
    expect(cell.status).toBe(200);
    expect(cell.html).toContain('href="/en/elements/gdc.11.a"');
  });

  it('search works as a plain form and escapes what the reader typed', async () => {
    const { html } = await page('/en/search?q=connectivity');
    expect(html).toContain('href="/en/elements/gdc.10"');
    expect(html).toContain('<mark>');
    const hostile = await page(`/en/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(hostile.html).not.toContain('<script>alert(1)</script>');
    expect(hostile.html).toContain('&lt;script&gt;');
  });

  it('search in French finds GDC elements in their English text, saying so', async () => {
    const { html } = await page(`/fr/search?q=${encodeURIComponent('intelligence artificielle')}`);
    expect(html).toContain('href="/fr/elements/gdc.50"');
    expect(textOf(html)).toContain('Trouvé dans le texte anglais : cet élément n’a pas encore de texte en français.');
  });

  it('the API reference page lists the operations of the OpenAPI document', async () => {
    const { html } = await page('/en/api');
    expect(html).toContain('GET /api/v1/elements/{id}');
    expect(html).toContain('href="/api/v1/openapi.json"');
  });

  it('the sources page gives every source with its licence', async () => {
    const { html } = await page('/en/sources');
    for (const id of ['open-sdg-translations', 'gdc', 'pact', 'wsis-action-lines', 'wsis-facilitators', 'wsis-sdg-matrix'])
      expect(html).toContain(`id="${id}"`);
    expect(html).toContain('MIT');
  });

  it('pages need no script and send security headers', async () => {
    const { html, headers } = await page('/en/elements/gdc.11.b');
    expect(html).not.toMatch(/<script/);
    expect(headers.get('Content-Security-Policy')).toMatch(/default-src 'self'/);
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves the stylesheet compressed and cacheable for a year', async () => {
    const { html } = await page('/en/');
    const css = /href="(\/assets\/concord\.[0-9a-f]+\.css)"/.exec(html)![1]!;
    const response = await app.request(css, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toContain('immutable');
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
  });
});
