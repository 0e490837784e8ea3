// SDMX data messages in and out: SDMX-CSV (1.0 and 2.0), SDMX-JSON (1.0 and 2.0) and, read only,
// SDMX-ML 2.1 StructureSpecificData (the SDG DSD fixture in data/indicators/sdmx). Written by hand
// because no TypeScript library reads and writes data messages (INDICATORS.md 4.3); the formats are
// described in INDICATORS.md 4.1 and 4.2, from sdmx-twg/sdmx-json and sdmx-twg/sdmx-csv.
//
// Mapping to observations, after the SDG DSD IAEG-SDGs:SDG(1.8) (INDICATORS.md 4.2):
//   SERIES → series, REF_AREA → area (resolved: M49 `826` → `GBR`), TIME_PERIOD → period,
//   OBS_VALUE → value, UNIT_MEASURE → unit, UNIT_MULT → unitMultiplier, OBS_STATUS → status,
//   SOURCE_DETAIL → source, COMMENT_OBS → notes; FREQ is checked against the period and not kept;
//   every other dimension is a disaggregation (`_T`, the total, is not kept); any other attribute
//   is not kept, and the result's `notices` say which.
// Without the data structure definition, a column is an attribute if it is one of the SDG DSD's
// attributes (below) or named in `options.attributes`; otherwise it is a dimension.
import { Parser } from 'htmlparser2';
import { writeCsv } from '../shared/csv.ts';
import { compareObservations, frequencyOf, type Observation } from './observation.ts';
import { readCsvRows } from './csv.ts';
import { finalise, type Draft, type Field, type FieldNames, type ImportContext, type ImportIssue, type ImportResult } from './validate.ts';

export const sdmxFields: FieldNames = {
  series: 'SERIES',
  area: 'REF_AREA',
  period: 'TIME_PERIOD',
  value: 'OBS_VALUE',
  unit: 'UNIT_MEASURE',
  unitMultiplier: 'UNIT_MULT',
  status: 'OBS_STATUS',
  source: 'SOURCE_DETAIL',
  notes: 'COMMENT_OBS',
};
const fieldOfComponent = new Map(Object.entries(sdmxFields).map(([field, id]) => [id, field as Field]));

/** Attributes of the SDG DSD besides those Concord keeps (recalled from the DSD 1.8 [D]). */
const otherSdgAttributes = new Set([
  'NATURE',
  'BASE_PER',
  'TIME_DETAIL',
  'TIME_COVERAGE',
  'UPPER_BOUND',
  'LOWER_BOUND',
  'COMMENT_TS',
  'GEO_INFO_URL',
  'GEO_INFO_TYPE',
  'DATA_LAST_UPDATE',
  'OBS_CONF',
  'DECIMALS',
  'TITLE',
]);

/** Dimension order of the SDG DSD (INDICATORS.md 4.2); other dimensions follow, sorted. */
export const sdgDimensionOrder = [
  'FREQ',
  'REPORTING_TYPE',
  'SERIES',
  'REF_AREA',
  'SEX',
  'AGE',
  'URBANISATION',
  'INCOME_WEALTH_QUANTILE',
  'EDUCATION_LEV',
  'OCCUPATION',
  'CUST_BREAKDOWN',
  'COMPOSITE_BREAKDOWN',
  'DISABILITY_STATUS',
  'ACTIVITY',
  'PRODUCT',
];
const attributeOrder = ['UNIT_MEASURE', 'UNIT_MULT', 'OBS_STATUS', 'SOURCE_DETAIL', 'COMMENT_OBS'];

export interface SdmxReadOptions {
  /** More component ids to treat as attributes (not kept) rather than dimensions. */
  attributes?: readonly string[];
}

export interface SdmxWriteOptions {
  /** Dataflow reference, `AGENCY:ID(VERSION)`. Default `CONCORD:DF_ICT(1.0)`. */
  dataflow?: string;
  /** The REF_AREA code of an area; default the area code itself. Use AreaCatalog.m49Of for the SDG DSD's M49 codes. */
  refArea?: (area: string) => string;
}

const defaultDataflow = 'CONCORD:DF_ICT(1.0)';

/** One record: component id → value, before validation. */
interface SdmxRecord {
  row: number;
  where?: string;
  values: Map<string, string | number | null>;
}

function isAttribute(id: string, options: SdmxReadOptions): boolean {
  return fieldOfComponent.has(id)
    ? id !== 'SERIES' && id !== 'REF_AREA' && id !== 'TIME_PERIOD' && id !== 'OBS_VALUE'
    : otherSdgAttributes.has(id) || (options.attributes ?? []).includes(id);
}

function toResult(
  records: readonly SdmxRecord[],
  ctx: ImportContext,
  options: SdmxReadOptions,
  start: { issues?: ImportIssue[]; notices?: string[]; columns: string[] },
): ImportResult {
  const ignored = new Set<string>();
  const drafts: Draft[] = records.map((record) => {
    const draft: Draft = { row: record.row, ...(record.where ? { where: record.where } : {}), fields: {}, dimensions: {} };
    for (const [id, value] of record.values) {
      const field = fieldOfComponent.get(id);
      if (field) draft.fields[field] = value;
      else if (id === 'FREQ') draft.frequency = value === null ? '' : String(value);
      else if (isAttribute(id, options)) {
        if (value !== null && value !== '') ignored.add(id);
      } else draft.dimensions[id] = value === null ? '' : String(value);
    }
    return draft;
  });
  const notices = [...(start.notices ?? [])];
  if (ignored.size > 0) notices.push(`attributes not kept by Concord: ${[...ignored].sort().join(', ')}`);
  return finalise(drafts, ctx, sdmxFields, { issues: start.issues, notices, columns: start.columns });
}

/** The dimension ids of a set of observations in SDG DSD order (without FREQ, SERIES, REF_AREA). */
function dimensionIds(observations: readonly Observation[]): string[] {
  const used = new Set(observations.flatMap((o) => Object.keys(o.dimensions)));
  const known = sdgDimensionOrder.filter((d) => used.has(d));
  return [...known, ...[...used].filter((d) => !sdgDimensionOrder.includes(d)).sort()];
}

function frequency(period: string): string {
  const f = frequencyOf(period);
  if (!f) throw new Error(`period ${period} is not an SDMX period`);
  return f;
}

// ---------------------------------------------------------------------------------------------
// SDMX-CSV

/**
 * Writes an SDMX-CSV 2.0 data message (sdmx-twg/sdmx-csv data_message_field_guide.md): STRUCTURE,
 * STRUCTURE_ID, ACTION, the dimensions (FREQ, SERIES, REF_AREA, disaggregations, TIME_PERIOD),
 * OBS_VALUE and the attributes UNIT_MEASURE, UNIT_MULT, OBS_STATUS, SOURCE_DETAIL, COMMENT_OBS.
 * A disaggregation an observation does not have is written `_T`. MIME type
 * `application/vnd.sdmx.data+csv; version=2.0.0`.
 */
export function writeSdmxCsv(observations: readonly Observation[], options: SdmxWriteOptions = {}): string {
  const dims = dimensionIds(observations);
  const refArea = options.refArea ?? ((a: string) => a);
  const header = [
    'STRUCTURE',
    'STRUCTURE_ID',
    'ACTION',
    'FREQ',
    'SERIES',
    'REF_AREA',
    ...dims,
    'TIME_PERIOD',
    'OBS_VALUE',
    ...attributeOrder,
  ];
  const rows = [...observations]
    .sort(compareObservations)
    .map((o) => [
      'dataflow',
      options.dataflow ?? defaultDataflow,
      'I',
      frequency(o.period),
      o.series,
      refArea(o.area),
      ...dims.map((d) => o.dimensions[d] ?? '_T'),
      o.period,
      o.value,
      o.unit,
      o.unitMultiplier,
      o.status ?? '',
      o.source,
      o.notes ?? '',
    ]);
  return writeCsv([header, ...rows], { record_delimiter: '\n' });
}

/**
 * Reads an SDMX-CSV data message, version 2.0 (first column `STRUCTURE`) or 1.0 (`DATAFLOW`). The
 * separator is the character after that first column name (it may be `;` in some locales). Headers
 * and values written with `labels=both` (`REF_AREA: Reference area`, `826: United Kingdom`) are cut
 * to their ids. Rows with ACTION `D` (delete) are refused: an import adds, it does not delete.
 */
export function parseSdmxCsv(text: string, ctx: ImportContext, options: SdmxReadOptions = {}): ImportResult {
  const clean = text.replace(/^\uFEFF/, '');
  const first = /^(STRUCTURE|DATAFLOW)(.)/.exec(clean);
  if (!first)
    return {
      ok: false,
      issues: [
        { row: 1, field: '', code: 'malformed', message: 'not SDMX-CSV: the first column must be STRUCTURE (2.0) or DATAFLOW (1.0)' },
      ],
      notices: [],
    };
  const version = first[1] === 'STRUCTURE' ? '2.0' : '1.0';
  const separator = first[2] ?? ',';
  const read = readCsvRows(clean, separator);
  if ('issue' in read) return { ok: false, issues: [read.issue], notices: [] };
  const [head, ...body] = read.rows;
  if (!head) return { ok: false, issues: [{ row: 1, field: '', code: 'malformed', message: 'the file is empty' }], notices: [] };
  const labelled = head.cells.some((c) => c.includes(': '));
  const header = head.cells.map((c) => (labelled ? (c.split(': ')[0] ?? c) : c).replace(/\[.*\]$/, '').trim());
  const skip = new Set(
    version === '2.0' ? ['STRUCTURE', 'STRUCTURE_ID', 'STRUCTURE_NAME', 'ACTION', 'SERIES_KEY', 'OBS_KEY'] : ['DATAFLOW'],
  );
  const issues: ImportIssue[] = [];
  for (const required of ['REF_AREA', 'TIME_PERIOD', 'OBS_VALUE']) {
    if (!header.includes(required)) issues.push({ row: 1, field: required, code: 'missing-column', message: `no ${required} column` });
  }
  const seenColumns = new Set<string>();
  for (const column of header) {
    if (seenColumns.has(column))
      issues.push({ row: 1, field: column, code: 'duplicate-column', message: `column ${column} appears twice` });
    seenColumns.add(column);
  }
  if (issues.length > 0) return { ok: false, issues, notices: [] };
  const actionAt = header.indexOf('ACTION');
  const records: SdmxRecord[] = [];
  for (const { line, cells } of body) {
    if (cells.length !== header.length) {
      issues.push({ row: line, field: '', code: 'malformed', message: `${cells.length} cells where the header has ${header.length}` });
      continue;
    }
    if (actionAt >= 0 && (cells[actionAt] ?? '').trim().toUpperCase() === 'D') {
      issues.push({
        row: line,
        field: 'ACTION',
        code: 'unsupported',
        message: 'ACTION D (delete) is not accepted by an import',
        value: 'D',
      });
      continue;
    }
    const values = new Map<string, string>();
    header.forEach((column, i) => {
      if (skip.has(column)) return;
      const cell = cells[i] ?? '';
      values.set(column, labelled && column !== 'OBS_VALUE' ? (cell.split(': ')[0] ?? cell) : cell);
    });
    records.push({ row: line, values });
  }
  return toResult(records, ctx, options, { issues, columns: header, notices: [`SDMX-CSV ${version}`] });
}

// ---------------------------------------------------------------------------------------------
// SDMX-JSON

interface JsonComponentValue {
  id?: string;
  value?: unknown;
  name?: string;
}
interface JsonComponent {
  id: string;
  keyPosition?: number;
  values?: JsonComponentValue[];
}
interface JsonStructure {
  dimensions?: { dataSet?: JsonComponent[]; series?: JsonComponent[]; observation?: JsonComponent[] };
  attributes?: { dataSet?: JsonComponent[]; series?: JsonComponent[]; observation?: JsonComponent[] };
}
interface JsonDataSet {
  structure?: number;
  action?: string;
  attributes?: (number | null)[];
  series?: Record<string, { attributes?: (number | null)[]; observations?: Record<string, unknown[]> }>;
  observations?: Record<string, unknown[]>;
}

/**
 * Writes an SDMX-JSON 2.0 data message (sdmx-twg/sdmx-json field guide, INDICATORS.md 4.1): one
 * structure whose series-level dimensions are FREQ, SERIES, REF_AREA and the disaggregations, with
 * TIME_PERIOD at observation level; each observation is `[value, UNIT_MEASURE, UNIT_MULT,
 * OBS_STATUS, SOURCE_DETAIL, COMMENT_OBS]`, the attributes as indexes into their value lists (null
 * when absent). One data set per source, because SOURCE_DETAIL is not part of the key. MIME type
 * `application/vnd.sdmx.data+json;version=2.0.0`.
 */
export function writeSdmxJson(
  observations: readonly Observation[],
  options: SdmxWriteOptions & { id?: string; prepared?: string } = {},
): string {
  const refArea = options.refArea ?? ((a: string) => a);
  const sorted = [...observations].sort(compareObservations);
  const seriesDims = ['FREQ', 'SERIES', 'REF_AREA', ...dimensionIds(sorted)];
  const seriesValue = (o: Observation, id: string): string => {
    switch (id) {
      case 'FREQ':
        return frequency(o.period);
      case 'SERIES':
        return o.series;
      case 'REF_AREA':
        return refArea(o.area);
      default:
        return o.dimensions[id] ?? '_T';
    }
  };
  const attrValue = (o: Observation, id: string): string | undefined => {
    switch (id) {
      case 'UNIT_MEASURE':
        return o.unit;
      case 'UNIT_MULT':
        return o.unitMultiplier === undefined ? undefined : String(o.unitMultiplier);
      case 'OBS_STATUS':
        return o.status;
      case 'SOURCE_DETAIL':
        return o.source;
      default:
        return o.notes;
    }
  };
  // Value lists, in order of first use.
  const lists = new Map<string, string[]>();
  const indexIn = (id: string, value: string): number => {
    const list = lists.get(id) ?? [];
    lists.set(id, list);
    const at = list.indexOf(value);
    if (at >= 0) return at;
    list.push(value);
    return list.length - 1;
  };
  // One data set per source: SOURCE_DETAIL is an attribute, not part of the key, so two sources'
  // values for one key cannot share a data set.
  const bySource = new Map<string, Record<string, { observations: Record<string, unknown[]> }>>();
  for (const o of sorted) {
    const series = bySource.get(o.source) ?? {};
    bySource.set(o.source, series);
    const key = seriesDims.map((d) => indexIn(d, seriesValue(o, d))).join(':');
    const entry = series[key] ?? { observations: {} };
    series[key] = entry;
    const time = indexIn('TIME_PERIOD', o.period);
    entry.observations[String(time)] = [
      o.value,
      ...attributeOrder.map((a) => {
        const v = attrValue(o, a);
        return v === undefined ? null : indexIn(a, v);
      }),
    ];
  }
  const component = (id: string, keyPosition?: number) => ({
    id,
    ...(keyPosition !== undefined ? { keyPosition } : {}),
    ...(id === 'TIME_PERIOD' ? { roles: ['TIME_PERIOD'] } : {}),
    values: (lists.get(id) ?? []).map((v) =>
      attributeOrder.includes(id) && id !== 'UNIT_MEASURE' && id !== 'OBS_STATUS' && id !== 'UNIT_MULT' ? { value: v } : { id: v },
    ),
  });
  const [agency, flow, version] = /^([^:]+):([^(]+)\(([^)]+)\)$/.exec(options.dataflow ?? defaultDataflow)?.slice(1) ?? [
    'CONCORD',
    'DF_ICT',
    '1.0',
  ];
  const message = {
    meta: {
      schema: 'https://json.sdmx.org/2.0.0/sdmx-json-data-schema.json',
      id: options.id ?? 'CONCORD-EXPORT',
      prepared: options.prepared ?? new Date().toISOString(),
      test: false,
      contentLanguages: ['en'],
      sender: { id: 'CONCORD' },
    },
    data: {
      structures: [
        {
          links: [{ urn: `urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=${agency}:${flow}(${version})`, rel: 'dataflow' }],
          dimensions: {
            dataSet: [],
            series: seriesDims.map((d, i) => component(d, i)),
            observation: [component('TIME_PERIOD', seriesDims.length)],
          },
          measures: { observation: [{ id: 'OBS_VALUE' }] },
          attributes: { dataSet: [], series: [], observation: attributeOrder.map((a) => component(a)) },
        },
      ],
      dataSets: [...bySource.values()].map((series) => ({ structure: 0, action: 'Information', series })),
    },
  };
  return JSON.stringify(message, null, 1);
}

function componentValue(component: JsonComponent | undefined, index: number | null | undefined): string | null {
  if (!component || index === null || index === undefined) return null;
  const v = component.values?.[index];
  if (!v) return null;
  if (v.id !== undefined) return v.id;
  if (typeof v.value === 'string' || typeof v.value === 'number') return String(v.value);
  if (v.value && typeof v.value === 'object') return JSON.stringify(v.value);
  return v.name ?? null;
}

/**
 * Reads an SDMX-JSON data message, version 2.x (`data.structures[]`, each data set naming its
 * structure) or 1.0 (one `structure`, at the top or under `data`). Series-keyed data sets (`series`
 * → `observations`) and flat ones (`observations` keyed by every dimension) are both read; data-set
 * and series level dimensions and attributes apply to every observation below them.
 *
 * Limitation: a message that repeats a series key (ILOSTAT does, INDICATORS.md 4.1) loses all but the
 * last occurrence to JSON.parse before this code sees it.
 */
export function parseSdmxJson(text: string, ctx: ImportContext, options: SdmxReadOptions = {}): ImportResult {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ row: 0, field: '', code: 'malformed', message: `not JSON: ${(error as Error).message}` }], notices: [] };
  }
  const root = (message ?? {}) as {
    data?: { structures?: JsonStructure[]; structure?: JsonStructure; dataSets?: JsonDataSet[] };
    structure?: JsonStructure;
    dataSets?: JsonDataSet[];
  };
  const structures = root.data?.structures ?? (root.data?.structure ? [root.data.structure] : root.structure ? [root.structure] : []);
  const dataSets = root.data?.dataSets ?? root.dataSets ?? [];
  const version = root.data?.structures ? '2.x' : '1.0';
  if (structures.length === 0)
    return { ok: false, issues: [{ row: 0, field: 'structure', code: 'malformed', message: 'no structure in the message' }], notices: [] };

  const issues: ImportIssue[] = [];
  const records: SdmxRecord[] = [];
  const columns = new Set<string>();
  let row = 0;
  dataSets.forEach((dataSet, d) => {
    const structure = structures[dataSet.structure ?? 0];
    if (!structure) {
      issues.push({
        row: 0,
        where: `dataSets[${d}]`,
        field: 'structure',
        code: 'malformed',
        message: `data set ${d} names structure ${dataSet.structure ?? 0}, which is absent`,
      });
      return;
    }
    if ((dataSet.action ?? '').toLowerCase() === 'delete') {
      issues.push({
        row: 0,
        where: `dataSets[${d}]`,
        field: 'action',
        code: 'unsupported',
        message: 'a Delete data set is not accepted by an import',
      });
      return;
    }
    const dims = structure.dimensions ?? {};
    const attrs = structure.attributes ?? {};
    for (const c of [
      ...(dims.dataSet ?? []),
      ...(dims.series ?? []),
      ...(dims.observation ?? []),
      ...(attrs.dataSet ?? []),
      ...(attrs.series ?? []),
      ...(attrs.observation ?? []),
    ])
      columns.add(c.id);
    columns.add('OBS_VALUE');
    const fixed = new Map<string, string | null>();
    for (const c of dims.dataSet ?? []) fixed.set(c.id, componentValue(c, 0));
    (attrs.dataSet ?? []).forEach((c, i) =>
      fixed.set(c.id, componentValue(c, dataSet.attributes?.[i] ?? (c.values?.length === 1 ? 0 : null))),
    );

    const addObservations = (
      observations: Record<string, unknown[]>,
      base: Map<string, string | null>,
      obsDims: readonly JsonComponent[],
      where: string,
    ) => {
      for (const [key, array] of Object.entries(observations)) {
        row += 1;
        const values = new Map<string, string | number | null>(base);
        const indexes = key.split(':').map(Number);
        if (indexes.length !== obsDims.length || indexes.some((i) => !Number.isInteger(i))) {
          issues.push({
            row,
            where: `${where}, observation ${key}`,
            field: 'key',
            code: 'malformed',
            message: `observation key ${key} does not match ${obsDims.length} dimension(s)`,
          });
          continue;
        }
        obsDims.forEach((c, i) => values.set(c.id, componentValue(c, indexes[i])));
        const [value, ...attrIndexes] = Array.isArray(array) ? array : [];
        values.set('OBS_VALUE', typeof value === 'number' || typeof value === 'string' ? value : null);
        (attrs.observation ?? []).forEach((c, i) => {
          const idx = attrIndexes[i];
          values.set(c.id, componentValue(c, typeof idx === 'number' ? idx : null));
        });
        records.push({ row, where: `${where}, observation ${key}`, values });
      }
    };

    if (dataSet.series) {
      for (const [key, s] of Object.entries(dataSet.series)) {
        const base = new Map(fixed);
        const indexes = key.split(':').map(Number);
        const seriesDims = dims.series ?? [];
        if (indexes.length !== seriesDims.length || indexes.some((i) => !Number.isInteger(i))) {
          issues.push({
            row: 0,
            where: `series ${key}`,
            field: 'key',
            code: 'malformed',
            message: `series key ${key} does not match ${seriesDims.length} series dimension(s)`,
          });
          continue;
        }
        seriesDims.forEach((c, i) => base.set(c.id, componentValue(c, indexes[i])));
        (attrs.series ?? []).forEach((c, i) => base.set(c.id, componentValue(c, s.attributes?.[i] ?? null)));
        addObservations(s.observations ?? {}, base, dims.observation ?? [], `series ${key}`);
      }
    }
    if (dataSet.observations) addObservations(dataSet.observations, fixed, [...(dims.series ?? []), ...(dims.observation ?? [])], 'flat');
  });
  if (row === 0 && issues.length === 0)
    issues.push({ row: 0, field: 'dataSets', code: 'malformed', message: 'the message has no observations' });
  return toResult(records, ctx, options, { issues, columns: [...columns], notices: [`SDMX-JSON ${version}`] });
}

// ---------------------------------------------------------------------------------------------
// SDMX-ML

/**
 * Reads an SDMX-ML 2.1 StructureSpecificData message: `Series` elements carrying the series
 * dimensions and attributes as XML attributes, `Obs` elements carrying TIME_PERIOD, OBS_VALUE and
 * the observation attributes (e.g. data/indicators/sdmx/sdg-dsd-1.8.structure-specific.1-1-1.xml).
 * `Obs` directly under the data set (no series) is read too.
 */
export function parseSdmxMl(text: string, ctx: ImportContext, options: SdmxReadOptions = {}): ImportResult {
  const records: SdmxRecord[] = [];
  const issues: ImportIssue[] = [];
  const columns = new Set<string>();
  let seriesAttrs: Record<string, string> = {};
  let seriesCount = 0;
  let obsInSeries = 0;
  let sawDataSet = false;
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = local(name);
        if (tag === 'DataSet') {
          sawDataSet = true;
          const action = Object.entries(attributes).find(([k]) => local(k) === 'action')?.[1];
          if (action?.toLowerCase() === 'delete')
            issues.push({ row: 0, field: 'action', code: 'unsupported', message: 'a Delete data set is not accepted by an import' });
        } else if (tag === 'Series') {
          seriesCount += 1;
          obsInSeries = 0;
          seriesAttrs = Object.fromEntries(Object.entries(attributes).filter(([k]) => !k.includes(':')));
        } else if (tag === 'Obs') {
          obsInSeries += 1;
          const values = new Map<string, string>(Object.entries({ ...seriesAttrs, ...attributes }).filter(([k]) => !k.includes(':')));
          for (const k of values.keys()) columns.add(k);
          records.push({ row: records.length + 1, where: `Series ${seriesCount}, Obs ${obsInSeries}`, values });
        }
      },
      onclosetag(name) {
        if (local(name) === 'Series') seriesAttrs = {};
      },
      onerror(error) {
        issues.push({ row: 0, field: '', code: 'malformed', message: `not well-formed XML: ${error.message}` });
      },
    },
    { xmlMode: true },
  );
  parser.write(text);
  parser.end();
  if (!sawDataSet) issues.push({ row: 0, field: 'DataSet', code: 'malformed', message: 'no DataSet element: not an SDMX-ML data message' });
  return toResult(records, ctx, options, { issues, columns: [...columns], notices: ['SDMX-ML 2.1 StructureSpecificData'] });
}
