// Assessment rows from observations: per source, gaps, and Concord's group aggregates with dated membership.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAreaCatalog, type AreaCatalog } from '../areas/catalog.ts';
import { assessSeries } from './assess.ts';

let catalog: AreaCatalog;
beforeAll(async () => {
  catalog = await loadAreaCatalog();
});

const target = [{ id: 'umc', area: null, year: 2030, value: 100 }];
const limits = { min: 0, max: 100 };
const total = '[]';

describe('assessSeries', () => {
  it('assesses each source on its own, with every method, and the gender gap', () => {
    const rows = assessSeries(
      'X',
      [
        { area: '199', period: '2015', dimensions_key: total, value: 10.7, source: 'wdi' },
        { area: '199', period: '2024', dimensions_key: total, value: 31.4, source: 'wdi' },
        { area: '199', period: '2024', dimensions_key: total, value: 35, source: 'other' },
        { area: '199', period: '2015', dimensions_key: '[["SEX","F"]]', value: 8, source: 'wdi' },
        { area: '199', period: '2024', dimensions_key: '[["SEX","F"]]', value: 25, source: 'wdi' },
        { area: '199', period: '2015', dimensions_key: '[["SEX","M"]]', value: 13, source: 'wdi' },
        { area: '199', period: '2024', dimensions_key: '[["SEX","M"]]', value: 36, source: 'wdi' },
      ],
      target,
      'increase',
      limits,
      catalog,
    );
    const wdi = rows.find((r) => r.source === 'wdi' && r.variant === 'total' && r.method === 'unsd-2022-cr');
    expect(wdi?.assessment.category).toBe('fair');
    expect(rows.find((r) => r.source === 'other' && r.method === 'unsd-2022-cr')?.assessment).toMatchObject({
      status: 'insufficient-data',
      reason: 'fewer-than-two-points',
    });
    expect(new Set(rows.filter((r) => r.source === 'wdi' && r.variant === 'total').map((r) => r.method)).size).toBe(3);
    const parity = rows.find((r) => r.variant === 'parity:SEX' && r.method === 'unsd-2022-cr');
    expect(parity?.assessment.components.latestValue).toBeCloseTo(25 / 36, 6);
  });

  it("aggregates the LDCs from country values with each year's members, and says how", () => {
    const ldc2023 = catalog.membersOf('LDC', 2023);
    const ldc2024 = catalog.membersOf('LDC', 2024);
    expect(ldc2023).toContain('BTN');
    expect(ldc2024).not.toContain('BTN');
    const observations = [2015, 2023, 2024].flatMap((year) =>
      [...new Set([...ldc2023, ...ldc2024])].map((area) => ({
        area,
        period: String(year),
        dimensions_key: total,
        value: area === 'BTN' ? 90 : year === 2015 ? 10 : 30,
        source: 'countries',
      })),
    );
    const rows = assessSeries('X', observations, target, 'increase', limits, catalog);
    const ldc = rows.find((r) => r.area === '199' && r.method === 'unsd-2022-cr');
    expect(ldc?.source).toBe('concord-aggregate:countries');
    const years = (ldc?.aggregation?.years ?? []) as { year: number; value: number; members: number }[];
    expect(years.find((y) => y.year === 2024)?.value).toBeCloseTo(30, 6);
    expect(years.find((y) => y.year === 2023)?.value).toBeGreaterThan(30);
    expect(ldc?.aggregation?.method).toBe('simple-mean');
  });
});
