// The Arabic print version of a report (what the PDF is made from) draws time left to right, as
// on paper in every language: 1990 on the left, 2030 on the right (issue 16, item 3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/** Each chart's year labels (x, year), in the order the SVG draws them. */
function yearAxes(html: string): { x: number; year: number }[][] {
  return [...html.matchAll(/<svg [^>]*>[\s\S]*?<\/svg>/g)]
    .map(([svg]) =>
      [...svg.matchAll(/<text x="([\d.]+)"[^>]*class="axis-label">(\d{4})<\/text>/g)].map((m) => ({ x: Number(m[1]), year: Number(m[2]) })),
    )
    .filter((ticks) => ticks.length > 1);
}

describe('an Arabic report on paper', () => {
  it('keeps the time axis of every chart left to right', async () => {
    const response = await t.app.request('/ar/reports/area/KEN?print=1');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    const axes = yearAxes(html);
    expect(axes.length).toBeGreaterThan(0);
    for (const ticks of axes) {
      const byYear = [...ticks].sort((a, b) => a.year - b.year);
      for (let i = 1; i < byYear.length; i++) expect(byYear[i]!.x).toBeGreaterThan(byYear[i - 1]!.x);
    }
    // An inline SVG would inherit the page's direction: each chart states its own.
    for (const [svg] of html.matchAll(/<svg [^>]*role="img"[^>]*>/g)) expect(svg).toMatch(/direction="(ltr|rtl)"/);
  });
});
