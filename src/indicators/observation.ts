// The observation: one value of one series for one area, period and disaggregation, from one
// source. Every reader and parser in this folder yields these, and every writer takes them.

/**
 * Disaggregation dimensions, keyed by SDMX dimension id. Where the SDG DSD (IAEG-SDGs:SDG(1.8),
 * INDICATORS.md section 4.2) has the concept, its id and codes are used: `SEX` (`F`, `M`),
 * `URBANISATION` (`U`, `R`), `AGE`, `INCOME_WEALTH_QUANTILE`... Totals are not stored: a
 * dimension that is absent (or `_T` in SDMX) is the total.
 */
export type Dimensions = Readonly<Record<string, string>>;

export interface Observation {
  /** Series code: a WDI code (`IT.NET.USER.ZS`), an SDG series (`IT_USE_ii99`) or an SDG indicator key. */
  series: string;
  /** Concord area code (see src/areas/catalog.ts): `GBR`, `001`, `199`, `WB_HIC`. */
  area: string;
  /** SDMX time period: `2024`, `2024-Q1`, `2024-S1`, `2024-03`, `2024-W05`. */
  period: string;
  dimensions: Dimensions;
  value: number;
  /** SDMX `UNIT_MEASURE` code: `PT` (percent), `PER_100_POP`, `NUMBER`, `RATIO`. */
  unit: string;
  /** SDMX `UNIT_MULT`: the value is `value × 10^unitMultiplier`. Absent means 0. */
  unitMultiplier?: number;
  /** SDMX `OBS_STATUS`: `A` normal, `E` estimated, `P` provisional, `F` forecast, `B` break... */
  status?: string;
  /** Id of the source this value comes from (see sources.ts). */
  source: string;
  notes?: string;
}

/** The dimensions as one unambiguous string, sorted by id (`[]` for the total). */
export function dimensionsKey(dimensions: Dimensions): string {
  return JSON.stringify(
    Object.keys(dimensions)
      .sort()
      .map((k) => [k, dimensions[k] ?? '']),
  );
}

/** The components that make an observation unique: two observations with one key are duplicates.
 *  The source is part of it, because several sources for one series may coexist (issue 5, item 3). */
export function observationKey(o: Pick<Observation, 'series' | 'area' | 'period' | 'dimensions' | 'source'>): string {
  return [o.series, o.area, o.period, dimensionsKey(o.dimensions), o.source].join('|');
}

/** Sort order used by writers: series, area, dimensions, period, source. */
export function compareObservations(a: Observation, b: Observation): number {
  const ka = [a.series, a.area, dimensionsKey(a.dimensions), a.period, a.source];
  const kb = [b.series, b.area, dimensionsKey(b.dimensions), b.period, b.source];
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] ?? '';
    const y = kb[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The calendar year a period falls in (`2024-Q3` → 2024). */
export function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}

/** SDMX `FREQ` code of a period (`A`, `S`, `Q`, `M`, `W`), or undefined when it is not one. */
export function frequencyOf(period: string): 'A' | 'S' | 'Q' | 'M' | 'W' | undefined {
  if (/^\d{4}$/.test(period)) return 'A';
  if (/^\d{4}-S[12]$/.test(period)) return 'S';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'Q';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'M';
  if (/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(period)) return 'W';
  return undefined;
}

/** Units whose values are percentages of a whole, hence between 0 and 100 (with UNIT_MULT 0). */
export const percentUnits: readonly string[] = ['PT'];
