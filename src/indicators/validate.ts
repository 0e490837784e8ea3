// Validation shared by every import format: each format turns its rows into drafts (raw text per
// field), and finalise() checks them all, row by row and field by field, and yields either every
// observation or none (issue 5, item 4: "imports are all-or-nothing with a row-by-row report").
import { percentUnits, frequencyOf, observationKey, yearOf, type Observation } from './observation.ts';
import type { Limits } from './assessment.ts';

export type IssueCode =
  | 'malformed'
  | 'unsupported'
  | 'missing-column'
  | 'unknown-column'
  | 'duplicate-column'
  | 'missing-value'
  | 'bad-number'
  | 'bad-period'
  | 'bad-frequency'
  | 'unknown-area'
  | 'unit-mismatch'
  | 'duplicate-key'
  | 'out-of-range'
  | 'bad-status'
  | 'bad-unit-multiplier'
  | 'bad-dimension';

export interface ImportIssue {
  /** CSV formats: the line in the file (the header is line 1). JSON and XML: the observation's
   *  ordinal in the message (1-based); 0 for a problem with the file as a whole. */
  row: number;
  /** Where in the message, when a row number alone does not say (`series 0:1:0, observation 3`). */
  where?: string;
  /** The column or component, as the file names it (`area`, `REF_AREA`, `OBS_VALUE`). */
  field: string;
  code: IssueCode;
  message: string;
  value?: string;
}

export type ImportResult =
  { ok: true; observations: Observation[]; columns: string[]; notices: string[] } | { ok: false; issues: ImportIssue[]; notices: string[] };

export interface ImportContext {
  /** Concord's area code for a code in the file, or undefined when unknown (AreaCatalog.resolve). */
  resolveArea: (code: string) => string | undefined;
  /** The unit each series must have, when known (an indicator catalogue); otherwise the first unit
   *  seen for a series in the file is the one every other row must have. */
  seriesUnits?: Readonly<Record<string, string>>;
  /** Natural limits per series, checked besides the 0-100 of percentages. */
  seriesLimits?: Readonly<Record<string, Limits>>;
  /** Source id for rows that do not name one (SDMX messages rarely carry SOURCE_DETAIL). */
  defaultSource?: string;
  /** Accepted years, inclusive. Default 1900-2100. */
  years?: readonly [number, number];
}

/** The logical fields of an observation, and what a format calls each. */
export type Field = 'series' | 'area' | 'period' | 'value' | 'unit' | 'unitMultiplier' | 'status' | 'source' | 'notes';
export type FieldNames = Readonly<Record<Field, string>>;

export interface Draft {
  row: number;
  where?: string;
  fields: Partial<Record<Field, string | number | null>>;
  /** Disaggregations by dimension id; empty or `_T` values are the total and dropped. */
  dimensions: Record<string, string>;
  /** The SDMX FREQ given for the row, checked against the period. */
  frequency?: string;
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** SDMX component ids (SDMX 2.1/3.0 IDType). */
export const idPattern = /^[A-Za-z][A-Za-z0-9_@$-]*$/;

function text(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

/**
 * Checks every draft and returns all observations, or none with every issue found. Checks: required
 * fields present; value a finite number; period an SDMX period (`2024`, `2024-Q1`, `2024-S2`,
 * `2024-03`, `2024-W05`) within the accepted years and agreeing with FREQ; area known; unit the
 * series' unit; a percentage (unit `PT`, multiplier 0) within 0-100 and any series limits; OBS_STATUS
 * a one-letter code; UNIT_MULT an integer; dimension values without control characters; no two rows with
 * one key (series, area, period, dimensions, source).
 */
export function finalise(
  drafts: readonly Draft[],
  ctx: ImportContext,
  names: FieldNames,
  start: { issues?: ImportIssue[]; notices?: string[]; columns?: string[] } = {},
): ImportResult {
  const issues: ImportIssue[] = [...(start.issues ?? [])];
  const notices = [...(start.notices ?? [])];
  const [minYear, maxYear] = ctx.years ?? [1900, 2100];
  const seen = new Map<string, number>();
  const unitOfSeries = new Map<string, { unit: string; row: number }>();
  const observations: Observation[] = [];

  for (const draft of drafts) {
    const before = issues.length;
    const issue = (field: string, code: IssueCode, message: string, value?: string) =>
      issues.push({
        row: draft.row,
        ...(draft.where ? { where: draft.where } : {}),
        field: field in names ? names[field as Field] : field,
        code,
        message,
        ...(value !== undefined ? { value } : {}),
      });
    const required = (field: Field): string | undefined => {
      const v = text(draft.fields[field]);
      if (v === undefined) issue(field, 'missing-value', `${names[field]} is empty`);
      return v;
    };

    const series = required('series');
    const rawArea = required('area');
    const period = required('period');
    const rawValue = draft.fields.value;
    const unit = required('unit');
    const source = text(draft.fields.source) ?? ctx.defaultSource;
    if (source === undefined) issue('source', 'missing-value', `${names.source} is empty and no default source was given`);

    let value: number | undefined;
    if (typeof rawValue === 'number') {
      if (Number.isFinite(rawValue)) value = rawValue;
      else issue('value', 'bad-number', `${names.value} is not a finite number`, String(rawValue));
    } else {
      const v = text(rawValue);
      if (v === undefined) issue('value', 'missing-value', `${names.value} is empty`);
      else if (!numberPattern.test(v)) issue('value', 'bad-number', `${names.value} ${JSON.stringify(v)} is not a number`, v);
      else value = Number(v);
    }

    if (period !== undefined) {
      const freq = frequencyOf(period);
      if (!freq)
        issue(
          'period',
          'bad-period',
          `${names.period} ${JSON.stringify(period)} is not a year or an SDMX period (2024, 2024-Q1, 2024-03)`,
          period,
        );
      else if (yearOf(period) < minYear || yearOf(period) > maxYear)
        issue('period', 'bad-period', `year ${yearOf(period)} is outside ${minYear}-${maxYear}`, period);
      else if (draft.frequency !== undefined && draft.frequency !== '' && draft.frequency !== freq) {
        issue('FREQ', 'bad-frequency', `FREQ ${draft.frequency} does not match period ${period} (${freq})`, draft.frequency);
      }
    }

    let area: string | undefined;
    if (rawArea !== undefined) {
      area = ctx.resolveArea(rawArea);
      if (area === undefined) issue('area', 'unknown-area', `unknown area code ${JSON.stringify(rawArea)}`, rawArea);
    }

    let unitMultiplier: number | undefined;
    const rawMult = text(draft.fields.unitMultiplier);
    if (rawMult !== undefined) {
      if (!/^-?\d{1,2}$/.test(rawMult))
        issue(
          'unitMultiplier',
          'bad-unit-multiplier',
          `${names.unitMultiplier} ${JSON.stringify(rawMult)} is not an integer power of ten`,
          rawMult,
        );
      else unitMultiplier = Number(rawMult);
    }

    const status = text(draft.fields.status);
    if (status !== undefined && !/^[A-Z]$/.test(status))
      issue('status', 'bad-status', `${names.status} ${JSON.stringify(status)} is not an SDMX OBS_STATUS code (A, E, P, F...)`, status);

    if (series !== undefined && unit !== undefined) {
      const declared = ctx.seriesUnits?.[series];
      if (declared !== undefined && declared !== unit) {
        issue('unit', 'unit-mismatch', `series ${series} is in ${declared}, this row says ${unit}`, unit);
      } else {
        const first = unitOfSeries.get(series);
        if (!first) unitOfSeries.set(series, { unit, row: draft.row });
        else if (first.unit !== unit)
          issue('unit', 'unit-mismatch', `series ${series} is in ${first.unit} (row ${first.row}), this row says ${unit}`, unit);
      }
    }

    if (value !== undefined && unit !== undefined && (unitMultiplier ?? 0) === 0) {
      if (percentUnits.includes(unit) && (value < 0 || value > 100))
        issue('value', 'out-of-range', `${value} is a percentage outside 0-100`, String(value));
      const limits = series !== undefined ? ctx.seriesLimits?.[series] : undefined;
      if (limits && ((limits.min !== undefined && value < limits.min) || (limits.max !== undefined && value > limits.max))) {
        issue(
          'value',
          'out-of-range',
          `${value} is outside the limits of ${series ?? ''} [${limits.min ?? '-∞'}, ${limits.max ?? '∞'}]`,
          String(value),
        );
      }
    }

    const dimensions: Record<string, string> = {};
    for (const [id, raw] of Object.entries(draft.dimensions)) {
      const v = raw.trim();
      if (v === '' || v === '_T') continue;
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f]/.test(v)) issue(id, 'bad-dimension', `${id} value ${JSON.stringify(v)} contains a control character`, v);
      else dimensions[id] = v;
    }

    if (
      issues.length > before ||
      series === undefined ||
      area === undefined ||
      period === undefined ||
      value === undefined ||
      unit === undefined ||
      source === undefined
    )
      continue;
    const observation: Observation = {
      series,
      area,
      period,
      dimensions,
      value,
      unit,
      ...(unitMultiplier !== undefined ? { unitMultiplier } : {}),
      ...(status !== undefined ? { status } : {}),
      source,
      ...(text(draft.fields.notes) !== undefined ? { notes: text(draft.fields.notes) } : {}),
    };
    const key = observationKey(observation);
    const first = seen.get(key);
    if (first !== undefined) {
      issue('key', 'duplicate-key', `same series, area, period, disaggregation and source as row ${first}`, key);
      continue;
    }
    seen.set(key, draft.row);
    observations.push(observation);
  }
  if (issues.length > 0) return { ok: false, issues, notices };
  return { ok: true, observations, columns: start.columns ?? [], notices };
}

/** One line per issue, for a CLI or a log: `line 3, area: unknown area code "XXX"`. */
export function formatIssues(issues: readonly ImportIssue[]): string {
  return issues.map((i) => `row ${i.row}${i.where ? ` (${i.where})` : ''}, ${i.field}: ${i.message}`).join('\n');
}
