// The real sample series in data/indicators load into observations with their sources, and give
// the worked example of INDICATORS.md 2.4 when assessed.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAreaCatalog, type AreaCatalog } from '../areas/catalog.ts';
import { assessParity, assessProgress, genderParityScore } from './assessment.ts';
import { pointsOf, readOpenSdgCsv, readOwidCsv, readWdiDdfCsv } from './readers.ts';
import { loadSampleSeries, sampleSeries, type SampleLoad } from './samples.ts';

let catalog: AreaCatalog;
let load: SampleLoad;
beforeAll(async () => {
  catalog = await loadAreaCatalog();
  load = await loadSampleSeries(catalog);
});

const count = (filter: (o: SampleLoad['observations'][number]) => boolean) => load.observations.filter(filter).length;

describe('sample series', () => {
  it('loads every file, each observation with a known source', () => {
    const ids = new Set(load.sources.map((s) => s.id));
    expect(ids).toEqual(
      new Set([
        'owid-internet-use-2025',
        'wdi-internet-use-2025',
        'owid-mobile-subscriptions-2023',
        'owid-fixed-broadband-2024',
        'gb-ons-sdg-data',
      ]),
    );
    expect(load.observations.every((o) => ids.has(o.source))).toBe(true);
    expect(load.sources.every((s) => s.licence && s.attribution && s.copiedFrom)).toBe(true);
    // Row counts from data/indicators/SOURCES.md, less the rows listed as skipped.
    const skippedRows = (file: string) => load.skipped.find((s) => s.file === file)?.entities.reduce((n, e) => n + e.rows, 0) ?? 0;
    expect(count((o) => o.source === 'owid-internet-use-2025')).toBe(7151 - skippedRows('global/internet-use-share.owid.csv'));
    expect(count((o) => o.source === 'wdi-internet-use-2025' && !o.dimensions.SEX)).toBe(660);
    expect(count((o) => o.source === 'wdi-internet-use-2025' && o.dimensions.SEX === 'F')).toBe(1478 - 2);
    expect(count((o) => o.source === 'gb-ons-sdg-data' && o.series === '17.8.1')).toBe(1774);
    expect(count((o) => o.source === 'gb-ons-sdg-data' && o.series.startsWith('5.b.1/'))).toBe(828 - 89);
  });

  it('lists what it could not place instead of dropping it silently', () => {
    const owid = load.skipped.find((s) => s.file === 'global/internet-use-share.owid.csv')?.entities.map((e) => e.entity);
    expect(owid).toEqual(['European Union (27)', 'Kosovo', 'Middle East and North Africa (WB)']);
    expect(load.skipped.find((s) => s.file === 'global/internet-use-female.wdi.csv')?.entities).toEqual([
      { entity: 'xkx', code: 'xkx', rows: 2, reason: 'World Bank code xkx is not a Concord area' },
    ]);
  });

  it('maps Open SDG columns to SDMX dimensions and units', () => {
    const rural = load.observations.find((o) => o.series.startsWith('5.b.1/') && o.dimensions.URBANISATION === 'R');
    expect(rural).toMatchObject({ area: 'GBR', unit: 'PT', source: 'gb-ons-sdg-data' });
    const speeds = new Set(load.observations.filter((o) => o.series.startsWith('17.6.1/')).map((o) => `${o.series} ${o.unit}`));
    expect(speeds).toEqual(new Set(['17.6.1/number NUMBER', '17.6.1/rate-per-100-population PER_100_POP']));
    expect(
      load.observations.find((o) => o.series === '9.c.1' && o.period === '2021' && o.dimensions.TECHNOLOGY === '4G mobile network')?.value,
    ).toBeTypeOf('number');
    expect(load.metadata['9.c.1']?.un_custodian_agency).toBe('International Telecommunication Union (ITU)');
  });

  it('gives the INDICATORS.md 2.4 figures for the world and the LDCs from the WDI release', () => {
    const world = pointsOf(load.observations, { series: 'IT.NET.USER.ZS', area: '001', source: 'wdi-internet-use-2025' });
    const ldc = pointsOf(load.observations, { series: 'IT.NET.USER.ZS', area: '199', source: 'wdi-internet-use-2025' });
    const info = sampleSeries['IT.NET.USER.ZS'];
    if (!info) throw new Error('no series info');
    const input = { direction: info.direction, limits: info.limits, target: { value: 100, year: 2030 } };
    expect(assessProgress({ ...input, points: world }).components.ratio).toBeCloseTo(1.05, 2);
    expect(assessProgress({ ...input, points: ldc })).toMatchObject({ category: 'fair' });
    // Gender parity score, World 2024: 68.2 / 74.2.
    const female = pointsOf(load.observations, {
      series: 'IT.NET.USER.ZS',
      area: '001',
      source: 'wdi-internet-use-2025',
      dimensions: { SEX: 'F' },
    });
    const male = pointsOf(load.observations, {
      series: 'IT.NET.USER.ZS',
      area: '001',
      source: 'wdi-internet-use-2025',
      dimensions: { SEX: 'M' },
    });
    const f2024 = female.find((p) => p.year === 2024)?.value ?? Number.NaN;
    const m2024 = male.find((p) => p.year === 2024)?.value ?? Number.NaN;
    expect(genderParityScore(f2024, m2024).value).toBeCloseTo(0.919, 3);
    expect(assessParity(female, male).status).toBe('assessed');
  });

  it('two releases of one series coexist as two sources', () => {
    const world2015 = load.observations.filter(
      (o) => o.series === 'IT.NET.USER.ZS' && o.area === '001' && o.period === '2015' && !o.dimensions.SEX,
    );
    expect(world2015.map((o) => o.source).sort()).toEqual(['owid-internet-use-2025', 'wdi-internet-use-2025']);
  });
});

describe('readers reject a file that is not theirs, all or nothing', () => {
  it('OWID, WDI and Open SDG layouts are recognised by their header', () => {
    const spec = { series: 'S', unit: 'PT', source: 's' };
    expect(readOwidCsv('a,b,c\n', spec, catalog)).toMatchObject({ ok: false, issues: [{ code: 'malformed' }] });
    expect(readWdiDdfCsv('Entity,Code,Year,X\n', spec, catalog)).toMatchObject({ ok: false });
    expect(readOpenSdgCsv('Value,Year\n', { indicator: '1', area: 'GBR', source: 's' }, catalog)).toMatchObject({ ok: false });
  });

  it('one bad row fails the whole file, with its line', () => {
    const result = readWdiDdfCsv(
      'economy,year,it_net_user_zs\nwld,2015,39.9\nwld,2016,140\n',
      { series: 'IT.NET.USER.ZS', unit: 'PT', source: 's' },
      catalog,
    );
    expect(result).toMatchObject({ ok: false, issues: [{ row: 3, field: 'it_net_user_zs', code: 'out-of-range' }] });
  });
});
