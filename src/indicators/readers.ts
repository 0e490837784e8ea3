// Readers for the layouts real ICT series come in: Our World in Data grapher CSVs, World Bank WDI
// datapoints as mirrored in DDF by open-numbers, and Open SDG national data files (the UK ONS
// repository). Each yields observations through the same validation as an import, and lists what
// it could not place (an entity with no area code) instead of dropping it silently.
import type { AreaCatalog } from '../areas/catalog.ts';
import type { Observation } from './observation.ts';
import { readCsvRows } from './csv.ts';
import { finalise, type Draft, type FieldNames, type ImportIssue, type ImportResult } from './validate.ts';

export interface SkippedEntity {
  entity: string;
  code: string;
  rows: number;
  reason: string;
}

export type ReaderResult = ImportResult & { skipped: SkippedEntity[] };

/** What a reader needs to know about the series in a file. */
export interface SeriesSpec {
  series: string;
  unit: string;
  source: string;
  /** Dimensions every row of the file has (e.g. `{ SEX: 'F' }` for the WDI female file). */
  dimensions?: Record<string, string>;
}

const readerFields: FieldNames = {
  series: 'series',
  area: 'Code',
  period: 'Year',
  value: 'value',
  unit: 'unit',
  unitMultiplier: 'Unit multiplier',
  status: 'Observation status',
  source: 'source',
  notes: 'notes',
};

/**
 * OWID names of aggregates that have no code in OWID's files, mapped to Concord area codes. Only
 * unambiguous ones: "Middle East and North Africa" is left out because the World Bank changed that
 * region (adding Afghanistan and Pakistan, code `mea`) and OWID's label does not say which is meant;
 * "Middle income", "Low and middle income" and the EU have no area in Concord.
 */
export const owidEntityAreas: Readonly<Record<string, string>> = {
  'High-income countries': 'WB_HIC',
  'Upper-middle-income countries': 'WB_UMC',
  'Lower-middle-income countries': 'WB_LMC',
  'Low-income countries': 'WB_LIC',
  'High income': 'WB_HIC',
  'Upper middle income': 'WB_UMC',
  'Lower middle income': 'WB_LMC',
  'Low income': 'WB_LIC',
  'East Asia and Pacific (WB)': 'WB_EAS',
  'Europe and Central Asia (WB)': 'WB_ECS',
  'Latin America and Caribbean (WB)': 'WB_LCN',
  'North America (WB)': 'WB_NAC',
  'South Asia (WB)': 'WB_SAS',
  'Sub-Saharan Africa (WB)': 'WB_SSF',
  'East Asia and Pacific': 'WB_EAS',
  'Europe and Central Asia': 'WB_ECS',
  'Latin America and Caribbean': 'WB_LCN',
  'North America': 'WB_NAC',
  'South Asia': 'WB_SAS',
  'Sub-Saharan Africa': 'WB_SSF',
  // OWID's spelling, with an empty code (data/indicators/SOURCES.md caveats).
  'Faeroe Islands': 'FRO',
};

function skippedList(counts: Map<string, SkippedEntity>): SkippedEntity[] {
  return [...counts.values()].sort((a, b) => a.entity.localeCompare(b.entity));
}

function withSkipped(result: ImportResult, skipped: SkippedEntity[]): ReaderResult {
  return { ...result, skipped };
}

/**
 * Reads an OWID grapher CSV (`Entity,Code,Year,<indicator title>`). Areas come from `Code` (ISO
 * alpha-3, `OWID_WRL` for the world) or, for aggregates without a code, from owidEntityAreas;
 * anything else (Kosovo `OWID_KOS`, the EU, "Middle income") is listed in `skipped`.
 */
export function readOwidCsv(text: string, spec: SeriesSpec, catalog: AreaCatalog): ReaderResult {
  const read = readCsvRows(text);
  if ('issue' in read) return { ok: false, issues: [read.issue], notices: [], skipped: [] };
  const [head, ...body] = read.rows;
  if (!head || head.cells.slice(0, 3).join(',') !== 'Entity,Code,Year' || head.cells.length !== 4) {
    return {
      ok: false,
      issues: [{ row: 1, field: '', code: 'malformed', message: 'not an OWID grapher CSV (Entity,Code,Year,<value>)' }],
      notices: [],
      skipped: [],
    };
  }
  const skipped = new Map<string, SkippedEntity>();
  const drafts: Draft[] = [];
  for (const { line, cells } of body) {
    const [entity = '', code = '', year = '', value = ''] = cells;
    const area = (code ? catalog.resolve(code) : undefined) ?? owidEntityAreas[entity];
    if (area === undefined) {
      const entry = skipped.get(entity) ?? {
        entity,
        code,
        rows: 0,
        reason: code ? `code ${code} is not a Concord area` : 'aggregate without a code and without an unambiguous Concord area',
      };
      entry.rows += 1;
      skipped.set(entity, entry);
      continue;
    }
    drafts.push({
      row: line,
      fields: { series: spec.series, area, period: year, value, unit: spec.unit, source: spec.source },
      dimensions: { ...spec.dimensions },
    });
  }
  return withSkipped(
    finalise(
      drafts,
      { resolveArea: catalog.resolve },
      { ...readerFields, value: head.cells[3] ?? 'value', area: 'Code' },
      { columns: head.cells },
    ),
    skippedList(skipped),
  );
}

/**
 * Reads a WDI datapoints file in DDF layout (`economy,year,<indicator>`), as open-numbers mirrors
 * WDI. `economy` is the World Bank code in lower case: ISO alpha-3 for economies, `wld`, `hic`,
 * `ldc`... for aggregates (data/indicators/SOURCES.md). Unknown codes (`xkx`, Kosovo) are skipped
 * and listed.
 */
export function readWdiDdfCsv(text: string, spec: SeriesSpec, catalog: AreaCatalog): ReaderResult {
  const read = readCsvRows(text);
  if ('issue' in read) return { ok: false, issues: [read.issue], notices: [], skipped: [] };
  const [head, ...body] = read.rows;
  if (!head || head.cells[0] !== 'economy' || head.cells[1] !== 'year' || head.cells.length !== 3) {
    return {
      ok: false,
      issues: [{ row: 1, field: '', code: 'malformed', message: 'not a DDF datapoints CSV (economy,year,<value>)' }],
      notices: [],
      skipped: [],
    };
  }
  const skipped = new Map<string, SkippedEntity>();
  const drafts: Draft[] = [];
  for (const { line, cells } of body) {
    const [economy = '', year = '', value = ''] = cells;
    const area = catalog.resolve(economy);
    if (area === undefined) {
      const entry = skipped.get(economy) ?? {
        entity: economy,
        code: economy,
        rows: 0,
        reason: `World Bank code ${economy} is not a Concord area`,
      };
      entry.rows += 1;
      skipped.set(economy, entry);
      continue;
    }
    drafts.push({
      row: line,
      fields: { series: spec.series, area, period: year, value, unit: spec.unit, source: spec.source },
      dimensions: { ...spec.dimensions },
    });
  }
  return withSkipped(
    finalise(
      drafts,
      { resolveArea: catalog.resolve },
      { ...readerFields, area: 'economy', period: 'year', value: head.cells[2] ?? 'value' },
      { columns: head.cells },
    ),
    skippedList(skipped),
  );
}

/** Open SDG unit labels → SDMX UNIT_MEASURE codes. */
export const openSdgUnits: Readonly<Record<string, string>> = {
  'Percentage (%)': 'PT',
  'Rate per 100 population': 'PER_100_POP',
  Number: 'NUMBER',
};
/** Open SDG observation status labels → SDMX OBS_STATUS codes. "Undefined" gives no status. */
export const openSdgStatus: Readonly<Record<string, string | undefined>> = {
  'Normal value': 'A',
  'Estimated value': 'E',
  'Provisional value': 'P',
  'Forecast value': 'F',
  'Time series break': 'B',
  'Missing value': 'M',
  Undefined: undefined,
};
/** Open SDG disaggregation columns with an SDG DSD dimension, and how their values map to its codes. */
const openSdgDimensions: Readonly<Record<string, { id: string; codes?: Record<string, string> }>> = {
  Sex: { id: 'SEX', codes: { Female: 'F', Male: 'M' } },
  'Urban or rural': { id: 'URBANISATION', codes: { Urban: 'U', Rural: 'R' } },
  Age: { id: 'AGE' },
  'Disability status': { id: 'DISABILITY_STATUS' },
};
const openSdgSpecial = new Set(['Year', 'Value', 'Series', 'Units', 'Unit measure', 'Unit multiplier', 'Observation status']);

/** An Open SDG column name as a dimension id: `Local Authority` → `LOCAL_AUTHORITY`. */
export function dimensionIdOf(column: string): string {
  return (
    openSdgDimensions[column]?.id ??
    (column
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_|_$/g, '') ||
      'DIMENSION')
  );
}

function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Reads an Open SDG data CSV (`Year`, disaggregation columns, special columns, `Value`; a blank
 * disaggregation cell is the total; data/indicators/SOURCES.md "Format"). All rows are about one
 * area (`area`, e.g. `GBR`); sub-national breakdowns (Region, Local Authority, GeoCode) are
 * dimensions. Sex and Urban or rural take the SDG DSD codes (SEX F/M, URBANISATION U/R).
 *
 * Series code: the indicator key (`17.8.1`), followed by `/` and a slug of the `Series` label when
 * the file has that column, and of the unit when the file mixes units (17.6.1 has both numbers and
 * rates per 100), so that one series has one unit. Rows without a value (status "Missing value")
 * are counted in `skipped`.
 */
export function readOpenSdgCsv(
  text: string,
  spec: { indicator: string; area: string; source: string },
  catalog: AreaCatalog,
): ReaderResult {
  const read = readCsvRows(text);
  if ('issue' in read) return { ok: false, issues: [read.issue], notices: [], skipped: [] };
  const [head, ...body] = read.rows;
  const header = head?.cells ?? [];
  if (header[0] !== 'Year' || header.at(-1) !== 'Value') {
    return {
      ok: false,
      issues: [{ row: 1, field: '', code: 'malformed', message: 'not an Open SDG data CSV (Year first, Value last)' }],
      notices: [],
      skipped: [],
    };
  }
  const unitColumn = header.includes('Units') ? 'Units' : header.includes('Unit measure') ? 'Unit measure' : undefined;
  const at = (cells: string[], column: string | undefined) => (column === undefined ? '' : (cells[header.indexOf(column)] ?? '').trim());
  const units = new Set(body.map((r) => at(r.cells, unitColumn)));
  const mixedUnits = units.size > 1;
  const issues: ImportIssue[] = [];
  const drafts: Draft[] = [];
  let missing = 0;
  for (const { line, cells } of body) {
    if (cells.length !== header.length) {
      issues.push({ row: line, field: '', code: 'malformed', message: `${cells.length} cells where the header has ${header.length}` });
      continue;
    }
    if (at(cells, 'Value') === '') {
      missing += 1;
      continue;
    }
    const unitLabel = at(cells, unitColumn);
    const unit = openSdgUnits[unitLabel];
    if (unit === undefined)
      issues.push({
        row: line,
        field: unitColumn ?? 'Units',
        code: 'unit-mismatch',
        message: `unknown unit ${JSON.stringify(unitLabel)}`,
        value: unitLabel,
      });
    const statusLabel = at(cells, 'Observation status');
    if (statusLabel !== '' && !(statusLabel in openSdgStatus))
      issues.push({
        row: line,
        field: 'Observation status',
        code: 'bad-status',
        message: `unknown status ${JSON.stringify(statusLabel)}`,
        value: statusLabel,
      });
    const multiplierLabel = at(cells, 'Unit multiplier');
    const seriesLabel = at(cells, 'Series');
    const series = [spec.indicator, ...(seriesLabel ? [slug(seriesLabel)] : []), ...(mixedUnits && unit ? [slug(unitLabel)] : [])].join(
      '/',
    );
    const dimensions: Record<string, string> = {};
    header.forEach((column, i) => {
      if (openSdgSpecial.has(column)) return;
      const value = (cells[i] ?? '').trim();
      if (value === '') return;
      const mapping = openSdgDimensions[column];
      dimensions[dimensionIdOf(column)] = mapping?.codes?.[value] ?? value;
    });
    drafts.push({
      row: line,
      fields: {
        series,
        area: spec.area,
        period: at(cells, 'Year'),
        value: at(cells, 'Value'),
        unit: unit ?? '',
        unitMultiplier: multiplierLabel === 'Units' ? '0' : multiplierLabel,
        status: openSdgStatus[statusLabel] ?? '',
        source: spec.source,
      },
      dimensions,
    });
  }
  const skipped =
    missing > 0 ? [{ entity: spec.area, code: spec.area, rows: missing, reason: 'no value (Open SDG "Missing value" rows)' }] : [];
  return withSkipped(
    finalise(
      drafts,
      { resolveArea: catalog.resolve },
      { ...readerFields, area: '(area)', value: 'Value', unit: unitColumn ?? 'Units', series: 'Series' },
      { issues, columns: header },
    ),
    skipped,
  );
}

/** The `key: value` lines of an Open SDG metadata file's YAML front matter (scalars only). */
export function readOpenSdgMeta(text: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  const meta: Record<string, string> = {};
  for (const line of (match?.[1] ?? '').split('\n')) {
    const m = /^([A-Za-z0-9_]+):\s*(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined && m[2] !== '') meta[m[1]] = m[2].trim();
  }
  return meta;
}

/** Observations of one series for one area and disaggregation as points for assessProgress. */
export function pointsOf(
  observations: readonly Observation[],
  filter: { series: string; area: string; source?: string; dimensions?: Record<string, string> },
) {
  const wanted = filter.dimensions ?? {};
  return observations
    .filter(
      (o) =>
        o.series === filter.series &&
        o.area === filter.area &&
        (filter.source === undefined || o.source === filter.source) &&
        Object.keys(o.dimensions).length === Object.keys(wanted).length &&
        Object.entries(wanted).every(([k, v]) => o.dimensions[k] === v),
    )
    .map((o) => ({ year: Number(o.period.slice(0, 4)), value: o.value }))
    .sort((a, b) => a.year - b.year);
}
