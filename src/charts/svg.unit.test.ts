// The server-rendered charts: accessible names, escaped text, the target line, RTL mirroring, the map.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { choroplethSvg, compactPath, labelWidth, mapColours, noDataColour, timeSeriesSvg } from './svg.ts';

const points = [
  { year: 2015, value: 39.9 },
  { year: 2024, value: 71.2 },
];

describe('timeSeriesSvg', () => {
  it('names itself, escapes text and draws the target line', () => {
    const svg = timeSeriesSvg({
      title: 'Internet use <World> & "LDCs"',
      desc: 'two values',
      lang: 'en',
      rtl: false,
      series: [{ label: 'wdi', points }],
      target: { year: 2030, value: 100, label: 'Target: 100 by 2030' },
      domain: { min: 0, max: 100 },
      unitLabel: 'PT',
    });
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('<title id="chart-title">Internet use &lt;World&gt; &amp; &quot;LDCs&quot;</title>');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('<title>wdi 2024: 71.2</title>');
  });

  it('runs the time axis left to right on right-to-left pages too, its labels read right to left', () => {
    const x = (rtl: boolean) => {
      const svg = timeSeriesSvg({ title: 't', desc: 'd', lang: rtl ? 'ar' : 'en', rtl, series: [{ label: 's', points }], unitLabel: 'PT' });
      return Number(/<text x="([\d.]+)" y="\d+" text-anchor="middle" font-size="11" class="axis-label">2015</.exec(svg)?.[1]);
    };
    expect(x(true)).toBe(x(false));
    const svg = timeSeriesSvg({ title: 't', desc: 'd', lang: 'ar', rtl: true, series: [{ label: 'العالم', points }], unitLabel: 'نسبة' });
    expect(svg).toMatch(/^<svg [^>]*direction="ltr"/);
    expect(svg).toContain('direction="rtl" text-anchor="end">العالم</text>');
  });
});

describe('choroplethSvg', () => {
  it('colours countries with a value and lists the rest as without data', () => {
    const svg = choroplethSvg({
      title: 'Map',
      desc: 'One country',
      lang: 'fr',
      rtl: false,
      values: new Map([['826', { value: 95.5, name: 'Royaume-Uni', year: 2023 }]]),
      breaks: [20, 40, 60, 80],
      noDataLabel: 'pas de données',
      unitLabel: 'PT',
    });
    expect(svg).toContain('<title>Royaume-Uni 2023: 95,5</title>');
    expect(svg).toContain(mapColours[4]);
    expect(svg.match(/pas de données<\/title>/g)?.length).toBeGreaterThan(100);
  });
});

/** WCAG 2 relative luminance and contrast ratio. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('the world map', () => {
  const map = (values: Map<string, { value: number; name: string }>, breaks = [5, 20, 100, 500]) =>
    choroplethSvg({
      title: 'Initiatives',
      desc: 'd',
      lang: 'en',
      rtl: false,
      values,
      breaks,
      noDataLabel: 'none',
      unitLabel: 'initiatives',
    });

  it('tells one initiative from none at a contrast of at least 3:1, and each class is darker than the one before', () => {
    expect(contrast(noDataColour, mapColours[0])).toBeGreaterThanOrEqual(3);
    const svg = map(new Map([['404', { value: 1, name: 'Kenya' }]]));
    expect(svg).toMatch(new RegExp(`<path d="[^"]+" fill="${mapColours[0]}"><title>Kenya: 1</title>`));
    for (let i = 1; i < mapColours.length; i++)
      expect(contrast('#ffffff', mapColours[i] ?? '')).toBeGreaterThan(contrast('#ffffff', mapColours[i - 1] ?? ''));
  });

  it('weighs at most 20 KB compressed with every country labelled', () => {
    const values = new Map<string, { value: number; name: string }>();
    for (let m49 = 4; m49 < 900; m49 += 4) values.set(String(m49).padStart(3, '0'), { value: m49 % 600, name: `Country ${m49}` });
    const svg = map(values);
    expect(svg.match(/<path /g)?.length).toBeGreaterThan(170);
    expect(gzipSync(svg, { level: 6 }).length).toBeLessThanOrEqual(20 * 1024);
  });

  it('draws outlines on a half-pixel grid, relative, without specks', () => {
    expect(compactPath('M10.26,20.01L12.74,20.02L12.74,22.26L10.24,22.24Z')).toBe('m10.5 20l2 0 0 2.5-2.5-.5z');
    // A square of 0.4 × 0.4 units is smaller than a speck.
    expect(compactPath('M1,1L1.4,1L1.4,1.4L1,1.4Z')).toBe('');
  });
});

describe('the value axis', () => {
  it('is as wide as its longest label, so "40,000" is never cut', () => {
    const svg = timeSeriesSvg({
      title: 't',
      desc: 'd',
      lang: 'en',
      rtl: false,
      series: [
        {
          label: 'Households connected',
          points: [
            { year: 2024, value: 0 },
            { year: 2026, value: 40000 },
          ],
        },
      ],
      unitLabel: 'households',
    });
    const label = /<text x="([\d.]+)" y="[\d.]+" text-anchor="end" font-size="11" class="axis-label">40,000<\/text>/.exec(svg);
    expect(label).not.toBeNull();
    // The label ends at x and runs left from it: all of it lies inside the picture at the phone's larger size.
    expect(Number(label?.[1]) - labelWidth('40,000', 17)).toBeGreaterThanOrEqual(0);
  });

  it('names each series in full under the chart, wrapping a long name', () => {
    const name = 'Fixed broadband subscriptions (per 100 people): WDI IT.NET.BBND.P2 via Our World in Data, lastUpdated 2024-05-20';
    const svg = timeSeriesSvg({
      title: 't',
      desc: 'd',
      lang: 'en',
      rtl: false,
      series: [{ label: name, points }],
      unitLabel: 'per 100 inhabitants',
    });
    const lines = [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" font-size="11" text-anchor="start">([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(lines.join(' ')).toBe(name);
    expect(lines.length).toBe(2);
  });
});
