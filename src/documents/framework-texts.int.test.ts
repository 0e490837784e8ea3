// Framework texts from official language versions (issue 12, item 6): a language version of
// A/RES/79/1, which carries the Global Digital Compact as annex I, gives the GDC elements it holds
// their official text in that language, with the document as source. The versions here are real
// excerpts of the un.org GDC pages (test/fixtures/documents/SOURCES.md): the French, Spanish and
// Russian pages print no paragraph numbers, the Chinese page does.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import fr from '../i18n/messages/fr.json' with { type: 'json' };
import { ingestFile } from './service.ts';
import type { Language } from '../language/languages.ts';

const fixture = (name: string) => readFile(`test/fixtures/documents/${name}`);

interface ElementJson {
  id: string;
  text: string | null;
  textLanguage: string | null;
  textDocument: { documentId: string; symbol: string | null; lang: string } | null;
}

let t: TestApp;

async function element(id: string, lang: Language): Promise<ElementJson> {
  const response = await t.app.request(`/api/v1/elements/${id}?lang=${lang}`);
  expect(response.status, id).toBe(200);
  return (await response.json()) as ElementJson;
}

const ingestExcerpt = async (name: string, lang: Language) =>
  ingestFile(t.store, await fixture(name), { fileName: name, provenance: 'test' }, { lang, symbol: 'A/RES/79/1' });

/** The fallback notice of the French pages, up to its first placeholder, as the HTML escapes it. */
const frenchFallback = fr['text.fallback'].split('{')[0]!.replaceAll("'", '&#39;');

describe('GDC texts from the language versions of A/RES/79/1', () => {
  let documentId: string;
  beforeAll(async () => {
    t = await openTestApp();
    // A version read before the English one waits for it: its texts come when English is stored.
    await ingestExcerpt('gdc-ru-un-org.txt', 'ru');
    const english = await ingestFile(t.store, await readFile('data/documents/A_RES_79_1.en.txt'), {
      fileName: 'A_RES_79_1.en.txt',
      provenance: 'test',
    });
    documentId = english.documentId;
  }, 120_000);
  afterAll(() => t.close());

  it('fills the French texts of the paragraphs the French page holds, official, from the document', async () => {
    expect((await element('gdc.1', 'fr')).textLanguage).toBe('en');
    const result = await ingestExcerpt('gdc-fr-un-org.txt', 'fr');
    expect(result.documentId).toBe(documentId);
    const first = await element('gdc.1', 'fr');
    expect(first.textLanguage).toBe('fr');
    expect(first.text).toMatch(/^Les technologies numériques transforment radicalement notre monde\./);
    expect(first.textDocument).toEqual({ documentId, symbol: 'A/RES/79/1', lang: 'fr' });
    // In order: the page's fourth paragraph is paragraph 4, not another paragraph of the Pact.
    expect((await element('gdc.4', 'fr')).text).toMatch(/^Notre but, c’est celui d’un avenir numérique inclusif/);
    // Paragraph 5 is not on the page: English, marked as such.
    const fifth = await element('gdc.5', 'fr');
    expect([fifth.textLanguage, fifth.textDocument]).toEqual(['en', null]);
    // The English text is left as it is.
    expect((await element('gdc.1', 'en')).text).toMatch(/^Digital technologies are dramatically transforming our world\./);
  });

  it('shows the French text on the French element page without the English-only notice, and keeps the notice elsewhere', async () => {
    const page = await (await t.app.request('/fr/elements/gdc.2')).text();
    expect(page).toContain('Pour que cela se réalise, il nous faut toutefois renforcer la coopération internationale');
    expect(page).not.toContain(frenchFallback);
    expect(page).toContain('Texte officiel (Français), lu dans le document A/RES/79/1.');
    expect(page).toContain(`href="/fr/documents/${documentId}?in=fr"`);
    const other = await (await t.app.request('/fr/elements/gdc.5')).text();
    expect(other).toContain(frenchFallback);
    expect(other).not.toContain('Texte officiel (Français)');
  });

  it('gives the Russian texts read before the English version once English is stored', async () => {
    const third = await element('gdc.3', 'ru');
    expect(third.textLanguage).toBe('ru');
    expect(third.text).toMatch(/^Мы признаем, что темпы развития и мощь новейших технологий/);
    expect((await element('gdc.4', 'ru')).textLanguage).toBe('en');
  });

  it('pairs a page that prints numbers by number, and skips the page title', async () => {
    await ingestExcerpt('gdc-zh-un-org.txt', 'zh');
    const sixth = await element('gdc.6', 'zh');
    expect(sixth.text).toMatch(/^我们的合作必须灵活机动/);
    expect(sixth.textDocument?.lang).toBe('zh');
    await ingestExcerpt('gdc-es-un-org.txt', 'es');
    expect((await element('gdc.1', 'es')).text).toMatch(/^Las tecnologías digitales están transformando el mundo/);
    expect((await element('gdc.4', 'es')).text).toMatch(/^Aspiramos a conseguir un futuro digital inclusivo/);
    // The element lists its official texts in every language it has.
    const texts = (await (await t.app.request('/api/v1/elements/gdc.1/texts')).json()) as {
      items: { lang: string; document: { lang: string } | null }[];
    };
    expect(texts.items.map((x) => [x.lang, x.document?.lang ?? null])).toEqual([
      ['zh', 'zh'],
      ['en', null],
      ['fr', 'fr'],
      ['ru', 'ru'],
      ['es', 'es'],
    ]);
  });

  it('takes the replaced version’s texts away with it', async () => {
    // A French file, titled, that no longer holds paragraph 4: the French text of paragraph 4 goes.
    const paragraphs = (await fixture('gdc-fr-un-org.txt')).toString('utf8').split('\n\n').slice(0, 3);
    const shorter = ['Pacte numérique mondial', ...paragraphs].join('\n\n');
    await ingestFile(
      t.store,
      new TextEncoder().encode(shorter),
      { fileName: 'shorter.txt', provenance: 'test' },
      { lang: 'fr', symbol: 'A/RES/79/1' },
    );
    expect((await element('gdc.3', 'fr')).textLanguage).toBe('fr');
    expect((await element('gdc.4', 'fr')).textLanguage).toBe('en');
  });
});
