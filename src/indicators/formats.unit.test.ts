// Import and export: long-format CSV, SDMX-CSV, SDMX-JSON and SDMX-ML; all-or-nothing validation
// with a row-by-row report; round trips that give back identical observations.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAreaCatalog, type AreaCatalog } from '../areas/catalog.ts';
import { parseObservationsCsv, writeObservationsCsv } from './csv.ts';
import type { Observation } from './observation.ts';
import { parseSdmxCsv, parseSdmxJson, parseSdmxMl, writeSdmxCsv, writeSdmxJson } from './sdmx.ts';
import { defaultIndicatorsDir } from './samples.ts';
import { formatIssues, type ImportContext, type ImportResult } from './validate.ts';

let catalog: AreaCatalog;
let ctx: ImportContext;
beforeAll(async () => {
  catalog = await loadAreaCatalog();
  ctx = { resolveArea: catalog.resolve };
});

function buildObservation(overrides: Partial<Observation> = {}): Observation {
  return {
    series: 'IT.NET.USER.ZS',
    area: '001',
    period: '2024',
    dimensions: {},
    value: 71.2,
    unit: 'PT',
    source: 'wdi-internet-use-2025',
    ...overrides,
  };
}

// A small but varied set: aggregates and countries, sex and urbanisation, status, notes, a
// multiplier, quarters, two sources for one value, a rate above 100.
const observations: Observation[] = [
  buildObservation(),
  buildObservation({ period: '2015', value: 39.9 }),
  buildObservation({ source: 'owid-internet-use-2025', period: '2015', value: 40.1 }),
  buildObservation({ area: '199', value: 31.4, status: 'E', notes: 'World Bank aggregate, "LDC" list of 2024' }),
  buildObservation({ area: 'GBR', dimensions: { SEX: 'F' }, value: 94.1 }),
  buildObservation({ area: 'GBR', dimensions: { SEX: 'M' }, value: 95.3 }),
  buildObservation({ area: 'GBR', dimensions: { URBANISATION: 'R', AGE: '16 to 24' }, value: 98.5, unitMultiplier: 0 }),
  buildObservation({ series: 'IT.CEL.SETS.P2', area: 'ARE', value: 212.4, unit: 'PER_100_POP', period: '2020-Q4' }),
  buildObservation({
    series: 'IT.NET.BBN',
    area: 'BTN',
    value: 2.1,
    unit: 'NUMBER',
    unitMultiplier: 3,
    notes: 'thousands, with a comma, and a "quote"',
  }),
];

function ok(result: ImportResult): Observation[] {
  if (!result.ok) throw new Error(formatIssues(result.issues));
  return result.observations;
}
const sortKey = (o: Observation) => JSON.stringify([o.series, o.area, o.period, o.source, Object.entries(o.dimensions).sort()]);
const sorted = (list: readonly Observation[]) => [...list].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));

describe('long-format CSV', () => {
  it('round trip: write then parse gives identical observations, and the same columns back', () => {
    const text = writeObservationsCsv(observations);
    const result = parseObservationsCsv(text, ctx);
    expect(sorted(ok(result))).toEqual(sorted(observations));
    if (!result.ok) return;
    expect(writeObservationsCsv(result.observations, { columns: result.columns })).toBe(text);
  });

  it('keeps the columns it was given, in their order', () => {
    const text = 'area,series,period,value,unit,SEX,source\nGBR,IT.NET.USER.ZS,2020,94.1,PT,F,ons\n';
    const result = parseObservationsCsv(text, ctx);
    expect(result.ok && result.columns).toEqual(['area', 'series', 'period', 'value', 'unit', 'SEX', 'source']);
    if (result.ok) expect(writeObservationsCsv(result.observations, { columns: result.columns })).toBe(text);
  });

  it('one bad row: reports that line and field and yields nothing', () => {
    const text = writeObservationsCsv(observations).replace(',199,', ',XYZ,');
    const result = parseObservationsCsv(text, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    const lines = text.split('\n');
    const badLine = lines.findIndex((l) => l.includes(',XYZ,')) + 1;
    expect(result.issues[0]).toMatchObject({ row: badLine, field: 'area', code: 'unknown-area', value: 'XYZ' });
    expect('observations' in result).toBe(false);
  });

  it('reports each problem by line and field: unit mismatch, duplicate, percentage out of range, bad year, bad number', () => {
    const text = [
      'series,area,period,SEX,value,unit,source',
      'IT.NET.USER.ZS,GBR,2020,,94,PT,ons', // 2: fine
      'IT.NET.USER.ZS,GBR,2021,,95,PER_100_POP,ons', // 3: unit mismatch
      'IT.NET.USER.ZS,GBR,2020,,94.5,PT,ons', // 4: duplicate of line 2
      'IT.NET.USER.ZS,GBR,2022,F,104.7,PT,ons', // 5: out of range
      'IT.NET.USER.ZS,GBR,20x2,M,90,PT,ons', // 6: bad year
      'IT.NET.USER.ZS,GBR,1850,M,90,PT,ons', // 7: year out of bounds
      'IT.NET.USER.ZS,GBR,2023,M,n/a,PT,ons', // 8: bad number
      'IT.NET.USER.ZS,GBR,2023,F,90,PT,', // 9: no source
      'IT.NET.USER.ZS,GBR,2024,F,90,PT', // 10: short row
    ].join('\n');
    const result = parseObservationsCsv(text, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [10, '', 'malformed'],
      [3, 'unit', 'unit-mismatch'],
      [4, 'key', 'duplicate-key'],
      [5, 'value', 'out-of-range'],
      [6, 'period', 'bad-period'],
      [7, 'period', 'bad-period'],
      [8, 'value', 'bad-number'],
      [9, 'source', 'missing-value'],
    ]);
    expect(formatIssues(result.issues)).toMatch(/row 4, key: same series, area, period, disaggregation and source as row 2/);
  });

  it('checks units against a catalogue and the header for required and unknown columns', () => {
    const units = { ...ctx, seriesUnits: { 'IT.NET.USER.ZS': 'PT' } };
    const mismatch = parseObservationsCsv('series,area,period,value,unit,source\nIT.NET.USER.ZS,GBR,2020,94,NUMBER,ons\n', units);
    expect(!mismatch.ok && mismatch.issues[0]).toMatchObject({ row: 2, field: 'unit', code: 'unit-mismatch' });
    const header = parseObservationsCsv('series,area,year,value,unit,source,bad column\n', ctx);
    expect(!header.ok && header.issues.map((i) => [i.field, i.code])).toEqual([
      ['bad column', 'unknown-column'],
      ['period', 'missing-column'],
    ]);
  });

  it('refuses to write what its columns cannot hold', () => {
    expect(() =>
      writeObservationsCsv([buildObservation({ dimensions: { SEX: 'F' } })], {
        columns: ['series', 'area', 'period', 'value', 'unit', 'source'],
      }),
    ).toThrow(/SEX/);
  });
});

describe('SDMX-CSV', () => {
  it('round trip (2.0), with M49 codes as REF_AREA', () => {
    const text = writeSdmxCsv(observations, { refArea: (a) => catalog.m49Of(a) ?? a });
    expect(text.split('\n')[0]).toBe(
      'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,SERIES,REF_AREA,SEX,AGE,URBANISATION,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,OBS_STATUS,SOURCE_DETAIL,COMMENT_OBS',
    );
    expect(text).toContain('dataflow,CONCORD:DF_ICT(1.0),I,A,IT.NET.USER.ZS,826,F,_T,_T,2024,94.1,PT');
    expect(sorted(ok(parseSdmxCsv(text, ctx)))).toEqual(sorted(observations));
  });

  it('reads 1.0 (DATAFLOW), a ; separator and labels=both', () => {
    const v1 =
      'DATAFLOW;FREQ;SERIES;REF_AREA;SEX;TIME_PERIOD;OBS_VALUE;UNIT_MEASURE;NATURE\nIAEG-SDGs:DF_SDG_GLH(1.0);A;IT_USE_ii99;4;F;2019;6.5;PT;C\n';
    const result = parseSdmxCsv(v1, { ...ctx, defaultSource: 'un-sdg-db' });
    expect(ok(result)).toEqual([
      { series: 'IT_USE_ii99', area: 'AFG', period: '2019', dimensions: { SEX: 'F' }, value: 6.5, unit: 'PT', source: 'un-sdg-db' },
    ]);
    expect(result.notices).toContain('attributes not kept by Concord: NATURE');
    const labelled =
      'STRUCTURE,STRUCTURE_ID,ACTION,SERIES: Series,REF_AREA: Reference area,TIME_PERIOD: Time,OBS_VALUE: Value,UNIT_MEASURE: Unit\ndataflow,X:Y(1.0),I,IT_USE_ii99: Internet use,826: United Kingdom,2020,92.5,PT: Percent\n';
    expect(ok(parseSdmxCsv(labelled, { ...ctx, defaultSource: 's' }))[0]).toMatchObject({ area: 'GBR', value: 92.5, unit: 'PT' });
  });

  it('reports a bad row by line and component and yields nothing; refuses deletions', () => {
    const text = writeSdmxCsv(observations).replace(',A,IT.NET.USER.ZS,001,_T,_T,_T,2024,', ',Q,IT.NET.USER.ZS,001,_T,_T,_T,2024,');
    const result = parseSdmxCsv(text, ctx);
    expect(!result.ok && result.issues.map((i) => [i.field, i.code])).toEqual([['FREQ', 'bad-frequency']]);
    const del = parseSdmxCsv(
      'STRUCTURE,STRUCTURE_ID,ACTION,SERIES,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE\ndataflow,X:Y(1.0),D,S,GBR,2020,1,PT\n',
      { ...ctx, defaultSource: 's' },
    );
    expect(!del.ok && del.issues[0]).toMatchObject({ row: 2, field: 'ACTION', code: 'unsupported' });
  });
});

describe('SDMX-JSON', () => {
  it('round trip (2.0)', () => {
    const text = writeSdmxJson(observations, { refArea: (a) => catalog.m49Of(a) ?? a, prepared: '2026-11-23T00:00:00Z' });
    const message = JSON.parse(text) as { data: { structures: { dimensions: { series: { id: string }[] } }[] } };
    expect(message.data.structures[0]?.dimensions.series.map((d) => d.id)).toEqual([
      'FREQ',
      'SERIES',
      'REF_AREA',
      'SEX',
      'AGE',
      'URBANISATION',
    ]);
    expect(sorted(ok(parseSdmxJson(text, ctx)))).toEqual(sorted(observations));
  });

  it('reads a 1.0 message with data-set level dimensions and a flat data set', () => {
    const v1 = {
      header: { id: 'x' },
      structure: {
        dimensions: {
          dataSet: [{ id: 'SERIES', values: [{ id: 'IT_USE_ii99' }] }],
          observation: [
            { id: 'REF_AREA', values: [{ id: '004' }, { id: '826' }] },
            { id: 'SEX', values: [{ id: '_T' }, { id: 'F' }] },
            { id: 'TIME_PERIOD', values: [{ id: '2019' }, { id: '2020' }] },
          ],
        },
        attributes: {
          dataSet: [{ id: 'UNIT_MEASURE', values: [{ id: 'PT' }] }],
          observation: [{ id: 'OBS_STATUS', values: [{ id: 'A' }, { id: 'E' }] }],
        },
      },
      dataSets: [{ observations: { '0:0:0': [17.6, 0], '1:1:1': [92.1, 1], '1:0:1': ['94.8', null] } }],
    };
    const result = parseSdmxJson(JSON.stringify(v1), { ...ctx, defaultSource: 'un-sdg-db' });
    expect(sorted(ok(result))).toEqual(
      sorted([
        { series: 'IT_USE_ii99', area: 'AFG', period: '2019', dimensions: {}, value: 17.6, unit: 'PT', status: 'A', source: 'un-sdg-db' },
        {
          series: 'IT_USE_ii99',
          area: 'GBR',
          period: '2020',
          dimensions: { SEX: 'F' },
          value: 92.1,
          unit: 'PT',
          status: 'E',
          source: 'un-sdg-db',
        },
        { series: 'IT_USE_ii99', area: 'GBR', period: '2020', dimensions: {}, value: 94.8, unit: 'PT', source: 'un-sdg-db' },
      ]),
    );
  });

  it('one bad observation: reported with its series and key, nothing returned', () => {
    const text = writeSdmxJson(observations.map((o) => (o.area === '199' ? { ...o, value: 131.4 } : o)));
    const result = parseSdmxJson(text, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ field: 'OBS_VALUE', code: 'out-of-range', value: '131.4' });
    expect(result.issues[0]?.where).toMatch(/^series \d+(:\d+)+, observation \d+$/);
    expect(parseSdmxJson('{"data":', ctx)).toMatchObject({ ok: false, issues: [{ code: 'malformed' }] });
  });
});

describe('SDMX-ML fixture (SDG DSD 1.8, data/indicators/sdmx)', () => {
  it('reads 3 series × 2 observations of 1.1.1 for the UK, M49 826', async () => {
    const text = await readFile(path.join(defaultIndicatorsDir, 'sdmx/sdg-dsd-1.8.structure-specific.1-1-1.xml'), 'utf8');
    // The fixture's values are synthetic (SOURCES.md): 120 "PT" is not a percentage, and is refused.
    const refused = parseSdmxMl(text, { ...ctx, defaultSource: 'sdg-build-fixture' });
    expect(!refused.ok && refused.issues).toEqual([
      {
        row: 2,
        where: 'Series 1, Obs 2',
        field: 'OBS_VALUE',
        code: 'out-of-range',
        message: '120 is a percentage outside 0-100',
        value: '120',
      },
    ]);
    const result = parseSdmxMl(text.replaceAll('UNIT_MEASURE="PT"', 'UNIT_MEASURE="NUMBER"'), {
      ...ctx,
      defaultSource: 'sdg-build-fixture',
    });
    const list = ok(result);
    expect(list).toHaveLength(6);
    expect(list[0]).toEqual({
      series: 'SI_POV_DAY1',
      area: 'GBR',
      period: '2020',
      dimensions: { REPORTING_TYPE: 'N' },
      value: 100,
      unit: 'NUMBER',
      unitMultiplier: 0,
      status: 'A',
      source: 'sdg-build-fixture',
    });
    expect(list.filter((o) => o.dimensions.SEX === 'F').map((o) => o.value)).toEqual([70, 80]);
    expect(result.notices).toContain('attributes not kept by Concord: NATURE');
    // And on to SDMX-CSV and SDMX-JSON and back, unchanged.
    expect(sorted(ok(parseSdmxCsv(writeSdmxCsv(list), ctx)))).toEqual(sorted(list));
    expect(sorted(ok(parseSdmxJson(writeSdmxJson(list), ctx)))).toEqual(sorted(list));
  });
});
