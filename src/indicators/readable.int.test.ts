// Numbers a reader can trust (issue 16 items 6 and 9): units in words in the reader's language,
// values rounded to what their unit supports, charts whose legends name their sources, a world
// map light enough to send, the two assessments of a group told apart, sources and assertions
// named, never linked to a page that does not exist.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';
import { catalogs } from '../i18n/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const html = async (path: string) => {
  const response = await t.app.request(path);
  expect(response.status, path).toBe(200);
  return response.text();
};

describe('indicator and area pages', () => {
  it('say units in words, in each language, and never as codes', async () => {
    const list = await html('/en/indicators');
    expect(list).toContain('<td>per cent (%)</td>');
    expect(list).toContain('<td>per 100 inhabitants</td>');
    expect(list).not.toMatch(/<td>(PT|PER_100_POP|NUMBER)<\/td>/);
    for (const lang of ['fr', 'ar', 'zh'] as const) {
      const page = await html(`/${lang}/indicators/IT.CEL.SETS.P2`);
      expect(page).toContain(`<dd>${catalogs[lang]['unit.PER_100_POP']}</dd>`);
    }
  });

  it('say units in words on the 2030 dashboard, with values rounded to what the unit supports', async () => {
    for (const lang of ['en', 'fr', 'ar'] as const) {
      const page = await html(`/${lang}/indicators/dashboard`);
      const internet = /href="[^"]*\/indicators\/IT\.NET\.USER\.ZS\?[^"]*">[^<]*<\/a><span class="meta"> \(([^<]+)\)<\/span>/.exec(page);
      expect(internet?.[1], lang).toBe(catalogs[lang]['unit.PT']);
      expect(page).toContain(`(${catalogs[lang]['unit.PER_100_POP']!})`);
    }
    // A share of the population to a tenth of a point: "67.4 (2024)", never "67.43 (2024)".
    const en = await html('/en/indicators/dashboard');
    const values = [...en.matchAll(/<span class="meta"> ([\d,.]+) \(\d{4}\)/g)].map((m) => m[1] ?? '');
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((v) => !/^\d[\d,]*(\.\d)?$/.test(v))).toEqual([]);
  });

  it('round shares to a tenth of a point, and name the sources in chart legends', async () => {
    const page = await html('/en/indicators/IT.NET.USER.ZS?area=001');
    // The data table's values (world totals from two sources, published with two or more decimals).
    const cells = [...page.matchAll(/<td>Total<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1] ?? '');
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.filter((v) => !/^\d[\d,]*(\.\d)?$/.test(v))).toEqual([]);
    const svg = await html('/en/charts/series.svg?indicator=IT.NET.USER.ZS&area=001');
    expect(svg).toContain('>Individuals using the Internet, total, female and male (% of population): WDI</text>');
    expect(svg).not.toMatch(/>[^<]*wdi-internet-use-2025[^<]*<\/text>/);
    expect(svg).toContain('>per cent (%)</text>');
  });

  it('serves the world map under 20 KB compressed', async () => {
    const map = Buffer.from(await (await t.app.request('/en/charts/map.svg?indicator=IT.NET.USER.ZS')).arrayBuffer());
    expect(map.length).toBeGreaterThan(20_000);
    expect(gzipSync(map).length).toBeLessThanOrEqual(20 * 1024);
  });

  it('says which assessment is the publisher’s and which Concord’s when they disagree', async () => {
    const page = await html('/en/areas/LDC');
    expect(page).toContain(catalogs.en['area.disagreeIntro']!);
    expect(page).toMatch(
      /the published figure \(Individuals using the Internet.*?, latest 2024\) gives “Fair progress, acceleration needed”; Concord’s aggregate of member countries \(latest \d{4}\) gives “On track”/,
    );
    expect(page).toContain('Concord aggregate of member countries, from Share of the population using the Internet');
    // An area whose assessments agree carries no such note.
    expect(await html('/en/areas/GBR')).not.toContain(catalogs.en['area.disagreeIntro']!);
  });
});

describe('sources and assertions', () => {
  it('link only to addresses on the web, and name the loaders that asserted a link', async () => {
    const sources = await html('/en/sources');
    expect(sources).not.toContain('href="data/indicators/catalogue.json"');
    expect(sources).toContain('<code>data/indicators/catalogue.json</code>');
    const element = await html('/en/elements/gdc.11.a');
    expect(element).not.toContain('data:gdc-sdg');
    expect(element).toContain(`asserted by ${catalogs.en['link.assertedBy.gdc-sdg']!}`);
    const fr = await html('/fr/elements/gdc.11.a');
    expect(fr).toContain(catalogs.fr['link.assertedBy.gdc-sdg']!);
  });
});
