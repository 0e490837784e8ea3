// The data bundle: the files a report's zip holds, and its provenance.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { reportBundle } from './bundle.ts';
import { SourceList } from './sources.ts';
import type { Report } from './kind.ts';

describe('reportBundle', () => {
  it('zips a CSV per table, the report as JSON, the sources and the provenance in one folder', () => {
    const sources = new SourceList();
    sources.add({ id: 'wdi', title: 'WDI', address: 'https://data.worldbank.org', licence: 'CC BY 4.0' }, 'values');
    sources.add({ id: 'wdi', title: 'WDI', address: 'https://data.worldbank.org', licence: 'CC BY 4.0' }, 'assessments');
    const report: Report<{ n: number }> = {
      kind: 'area',
      subject: 'KEN',
      lang: 'ar',
      generatedAt: '2026-03-01T10:00:00.000Z',
      address: 'https://concord.example/ar/reports/area/KEN',
      title: 'كينيا',
      sources: sources.list(),
      data: { n: 1 },
    };
    const zip = reportBundle(report, [{ name: 'values', columns: ['area', 'value', 'note'], rows: [['KEN', 1.5, null]] }]);
    const files = unzipSync(zip, { filter: (f) => !f.name.endsWith('/') });
    expect(Object.keys(files).sort()).toEqual(
      ['PROVENANCE.txt', 'report.json', 'sources.csv', 'values.csv'].map((f) => `area-KEN-ar/${f}`),
    );
    expect(strFromU8(files['area-KEN-ar/values.csv']!)).toBe('area,value,note\nKEN,1.5,\n');
    const provenance = strFromU8(files['area-KEN-ar/PROVENANCE.txt']!);
    expect(provenance).toContain('Generated at: 2026-03-01T10:00:00.000Z');
    expect(provenance).toContain('used for: values; assessments');
    expect(JSON.parse(strFromU8(files['area-KEN-ar/report.json']!))).toEqual(report);
  });
});
