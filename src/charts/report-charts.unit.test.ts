// The reports' charts: named, escaped; bars mirrored right to left, time always left to right.
import { describe, expect, it } from 'vitest';
import { barsSvg, timelineSvg } from './report-charts.ts';

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
