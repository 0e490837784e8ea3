// The M49 area lists, dated group membership and group aggregates, read from data/areas.
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateGroup, aggregateSeries } from './aggregate.ts';
import { loadAreaCatalog, type AreaCatalog } from './catalog.ts';
import { ldcEvents } from './groups.ts';
import { loadM49Areas, loadUnsdTable, type M49Area } from './m49.ts';

let rows: M49Area[];
let catalog: AreaCatalog;
beforeAll(async () => {
  rows = await loadM49Areas();
  catalog = await loadAreaCatalog();
});

describe('M49 rows', () => {
  it('reads 248 areas with codes as text and the counts SOURCES.md gives (44 LDC, 32 LLDC, 53 SIDS)', () => {
    expect(rows).toHaveLength(248);
    expect(rows.filter((r) => r.ldc)).toHaveLength(44);
    expect(rows.filter((r) => r.lldc)).toHaveLength(32);
    expect(rows.filter((r) => r.sids)).toHaveLength(53);
    const afghanistan = rows.find((r) => r.iso3 === 'AFG');
    expect(afghanistan).toMatchObject({ m49: '004', iso2: 'AF', regionCode: '142', subregionCode: '034', ldc: true, lldc: true });
  });

  it('has names in the six languages, and regions in them too', () => {
    const bhutan = rows.find((r) => r.iso3 === 'BTN');
    expect(bhutan?.names).toEqual({ ar: 'بوتان', zh: '不丹', en: 'Bhutan', fr: 'Bhoutan', ru: 'Бутан', es: 'Bhután' });
    expect(bhutan?.regionNames?.en).toBe('Asia');
    expect(rows.find((r) => r.m49 === '010')).toMatchObject({ iso3: 'ATA', regionCode: null, regionNames: null });
  });
});

describe('area catalogue', () => {
  it('resolves ISO, M49 and World Bank codes to Concord area codes', () => {
    expect(catalog.resolve('gbr')).toBe('GBR');
    expect(catalog.resolve('826')).toBe('GBR');
    expect(catalog.resolve('4')).toBe('AFG');
    expect(catalog.resolve('GB')).toBe('GBR');
    expect(catalog.resolve('OWID_WRL')).toBe('001');
    expect(catalog.resolve('wld')).toBe('001');
    expect(catalog.resolve('ldc')).toBe('199');
    expect(catalog.resolve('LDC')).toBe('199');
    expect(catalog.resolve('hic')).toBe('WB_HIC');
    expect(catalog.resolve('419')).toBe('419');
    expect(catalog.resolve('XKX')).toBeUndefined();
    expect(catalog.m49Of('GBR')).toBe('826');
    expect(catalog.areas.get('150')?.names.fr).toBe('Europe');
  });

  it('lists region and sub-region members by M49 code', () => {
    expect(catalog.membersOf('001', 2024)).toHaveLength(248);
    expect(catalog.membersOf('015', 2024)).toEqual(['DZA', 'EGY', 'ESH', 'LBY', 'MAR', 'SDN', 'TUN']);
  });

  it('has no membership for World Bank groups, and says so', () => {
    expect(() => catalog.membersOf('WB_HIC', 2024)).toThrow(/not in the shipped data/);
    expect(() => catalog.membersOf('GBR', 2024)).toThrow(/not a group/);
  });
});

describe('dated LDC membership', () => {
  it('Bhutan counts in 2023 and not in 2024; Sao Tome and Principe in 2024 and not in 2025', () => {
    expect(catalog.membersOf('LDC', 2023)).toContain('BTN');
    expect(catalog.membersOf('LDC', 2024)).not.toContain('BTN');
    expect(catalog.membersOf('LDC', 2024)).toContain('STP');
    expect(catalog.membersOf('LDC', 2025)).not.toContain('STP');
  });

  it('has the counts of each year, including the scheduled graduations (Bangladesh, Lao PDR, Nepal 2026; Solomon Islands 2027)', () => {
    const counts = Object.fromEntries(
      [2010, 2012, 2013, 2015, 2018, 2021, 2023, 2024, 2025, 2026, 2027, 2028].map((y) => [y, catalog.membersOf('LDC', y).length]),
    );
    expect(counts).toEqual({
      2010: 49,
      2012: 48,
      2013: 49,
      2015: 48,
      2018: 47,
      2021: 46,
      2023: 46,
      2024: 45,
      2025: 44,
      2026: 44,
      2027: 41,
      2028: 40,
    });
    expect(catalog.membersOf('LDC', 2027)).not.toContain('BGD');
  });

  it('agrees with the three dated UNSD tables shipped (2021-09, 2024-09, 2026-07)', async () => {
    for (const [date, day] of [
      ['2021-09', '2021-09-15'],
      ['2024-09', '2024-09-15'],
      ['2026-07', '2026-07-19'],
    ] as const) {
      const table = await loadUnsdTable(date);
      const flagged = table
        .filter((r) => r.ldc)
        .map((r) => r.iso3)
        .sort();
      const year = Number(day.slice(0, 4));
      const dated = (await loadAreaCatalog({ referenceDay: day.slice(5) })).membersOf('LDC', year);
      expect(dated, date).toEqual(flagged);
    }
  });

  it('says which answers rest on dates not in the shipped data, and the reference day', () => {
    const m2015 = catalog.membershipOf('LDC', 2015);
    expect(m2015).toMatchObject({ basis: 'dated', referenceDate: '2015-07-01' });
    expect(m2015.caveats.join(' ')).toMatch(/GNQ.*VUT/);
    expect(catalog.membershipOf('LDC', 2025).caveats).toEqual([]);
    expect(catalog.membershipOf('LDC', 2027).caveats.join(' ')).toMatch(/BGD/);
    expect(catalog.membershipOf('LDC', 2000).caveats[0]).toMatch(/before 2008/);
    expect(catalog.membershipOf('SIDS', 2015)).toMatchObject({ basis: 'undated' });
    expect(ldcEvents.find((e) => e.iso3 === 'BTN')).toMatchObject({ verified: true, date: '2023-12-13' });
  });
});

describe('group aggregates', () => {
  it('without weights: a simple mean over that year’s members, saying so', () => {
    const values = new Map([
      ['BTN', 80],
      ['NPL', 50],
      ['GBR', 95],
    ]);
    const in2023 = aggregateGroup(catalog, { group: 'LDC', year: 2023, values });
    expect(in2023).toMatchObject({ value: 65, method: 'simple-mean', contributing: ['BTN', 'NPL'] });
    expect(in2023.methodNote).toMatch(/no weights given/);
    expect(in2023.coverage).toBeCloseTo(2 / 46, 10);
    const in2024 = aggregateGroup(catalog, { group: 'LDC', year: 2024, values });
    expect(in2024).toMatchObject({ value: 50, contributing: ['NPL'] });
  });

  it('population-weighted when every contributing member has a weight', () => {
    const values = new Map([
      ['NPL', 50],
      ['BGD', 40],
    ]);
    const weights = new Map([
      ['NPL', 30],
      ['BGD', 170],
    ]);
    const weighted = aggregateGroup(catalog, { group: 'LDC', year: 2024, values, weights, weightsLabel: 'test population' });
    expect(weighted).toMatchObject({ method: 'population-weighted', methodNote: 'weighted by test population', coverage: 1 });
    expect(weighted.value).toBeCloseTo((50 * 30 + 40 * 170) / 200, 10);
    const partial = aggregateGroup(catalog, { group: 'LDC', year: 2024, values, weights: new Map([['NPL', 30]]) });
    expect(partial).toMatchObject({ method: 'simple-mean', value: 45 });
    expect(partial.methodNote).toMatch(/no weight for BGD/);
  });

  it('aggregates a series year by year with each year’s members', () => {
    const result = aggregateSeries(catalog, 'LDC', [
      { area: 'BTN', year: 2023, value: 80 },
      { area: 'BTN', year: 2024, value: 85 },
      { area: 'NPL', year: 2024, value: 55 },
    ]);
    expect(result.map((r) => [r.year, r.value])).toEqual([
      [2023, 80],
      [2024, 55],
    ]);
  });
});
