// The server-rendered charts: accessible names, escaped text, the target line, RTL mirroring, the map.
import { describe, expect, it } from 'vitest';
import { choroplethSvg, timeSeriesSvg } from './svg.ts';

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
    expect(svg).toContain('#08519c');
    expect(svg.match(/pas de données<\/title>/g)?.length).toBeGreaterThan(100);
  });
});
