// The reports' charts: named, escaped; bars mirrored right to left, time always left to right.
import { describe, expect, it } from 'vitest';
import { barsSvg, timelineSvg, wrapLabel } from './report-charts.ts';

describe('timelineSvg', () => {
  const items = [
    { date: '2026-04-01', label: 'CSTD 29', kind: 'milestone' as const },
    { date: '2027-06-30', label: 'CERT <readiness>', kind: 'activity' as const },
  ];
  it('draws milestones as lines and parts as dots, with their titles escaped', () => {
    const svg = timelineSvg({ title: 'Timeline', desc: 'two items', rtl: false, items });
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('stroke-dasharray="3 3"><title>CSTD 29 (2026-04-01)</title>');
    expect(svg).toContain('<title>CERT &lt;readiness&gt; (2027-06-30)</title>');
  });
  it('runs time left to right on right-to-left pages too (a mirrored axis reads backwards)', () => {
    const cx = (rtl: boolean) => Number(/<circle cx="([\d.]+)"/.exec(timelineSvg({ title: 't', desc: 'd', rtl, items }))?.[1]);
    expect(cx(true)).toBeLessThan(360);
    expect(cx(true)).toBe(cx(false));
  });
});

describe('barsSvg', () => {
  it('draws one bar per label, the longest for the largest value, with the value written', () => {
    const svg = barsSvg({
      title: 'Activities by status',
      desc: 'd',
      lang: 'fr',
      rtl: false,
      unitLabel: 'activités',
      bars: [
        { label: 'En cours', value: 1500 },
        { label: 'Prévu', value: 750 },
      ],
    });
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeCloseTo(widths[1]! * 2, 0);
    expect(svg).toContain('1\u202f500');
  });
});

describe('bar labels', () => {
  const long = 'Action line C1: The role of governments and all stakeholders in the promotion of ICTs for development';
  it('wrap between words instead of being cut, every line within the label column', () => {
    const lines = wrapLabel(long, 36);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(long);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(36);
  });
  it('break CJK text between characters, counting each as two', () => {
    const lines = wrapLabel('行动方针C1：各国政府和所有利益攸关方在促进信通技术促进发展方面的作用', 36);
    expect(lines.join('')).toBe('行动方针C1：各国政府和所有利益攸关方在促进信通技术促进发展方面的作用');
    expect(lines.length).toBeGreaterThan(1);
  });
  it('are drawn whole, the row growing to hold them', () => {
    const svg = barsSvg({ title: 't', desc: 'd', lang: 'en', rtl: false, unitLabel: 'initiatives', bars: [{ label: long, value: 1 }] });
    const drawn = [...svg.matchAll(/<tspan [^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ');
    expect(drawn).toBe(long);
    expect(svg).not.toContain('…');
  });
});
