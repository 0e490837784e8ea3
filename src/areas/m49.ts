// Reads the UN M49 area tables in data/areas (see its SOURCES.md) into typed rows: countries and
// areas with their ISO and M49 codes, names in the six UN languages, their place in the M49
// hierarchy and the LDC / LLDC / SIDS flags. Pure: text in, rows out; only load*() touch the disk.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { languages, type Language } from '../language/languages.ts';

export const defaultAreasDir = path.resolve(import.meta.dirname, '../../data/areas');

/** A name in each of the six UN languages. */
export type Names = Record<Language, string>;

/** One country or area of the M49 table. Codes are text ("004"), never numbers. */
export interface M49Area {
  /** UN M49 numeric code, 3 digits, zero-padded. */
  m49: string;
  iso2: string;
  /** ISO 3166-1 alpha-3; Concord's area code for countries. */
  iso3: string;
  globalCode: string;
  /** Null only for Antarctica (010), which M49 places in no region. */
  regionCode: string | null;
  subregionCode: string | null;
  /** Set for the 7 intermediate regions (005, 011, 013, 014, 017, 018, 029) only. */
  intermediateRegionCode: string | null;
  /** Flags as the table gives them on its date (m49-areas.6lang.csv: UNSD table of 2026-07-19). */
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  names: Names;
  regionNames: Names | null;
  subregionNames: Names | null;
  intermediateRegionNames: Names | null;
}

function parseRecords(text: string, delimiter: string): Record<string, string>[] {
  return parse<Record<string, string>>(text, { columns: true, delimiter, bom: true, skip_empty_lines: true, relax_quotes: true });
}

function namesFrom(record: Record<string, string>, prefix: string): Names | null {
  const entries = languages.map((lang) => [lang, record[`${prefix}_${lang}`] ?? ''] as const);
  if (entries.every(([, name]) => name === '')) return null;
  return Object.fromEntries(entries) as Names;
}

function bool(value: string | undefined, field: string, line: number): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`m49-areas: line ${line}: ${field} is ${JSON.stringify(value)}, expected true or false`);
}

/**
 * Parses `m49-areas.6lang.csv` (the derived six-language table: codes and flags from the UNSD table
 * of 2026-07, names from the 2024-09 tables; data/areas/SOURCES.md). Throws on a malformed row:
 * this is shipped reference data, so a bad row is a packaging bug, not user input.
 *
 * @example
 * const areas = parseM49Areas(text);
 * areas.find((a) => a.iso3 === 'BTN')?.names.fr; // 'Bhoutan'
 */
export function parseM49Areas(text: string): M49Area[] {
  return parseRecords(text, ',').map((r, index) => {
    const line = index + 2;
    const code = (field: string) => {
      const value = r[field] ?? '';
      if (value !== '' && !/^\d{3}$/.test(value))
        throw new Error(`m49-areas: line ${line}: ${field} ${JSON.stringify(value)} is not a 3-digit code`);
      return value === '' ? null : value;
    };
    const m49 = code('m49');
    const iso3 = r.iso3 ?? '';
    const names = namesFrom(r, 'name');
    if (!m49 || !/^[A-Z]{3}$/.test(iso3) || !names) throw new Error(`m49-areas: line ${line}: missing m49, iso3 or names`);
    return {
      m49,
      iso2: r.iso2 ?? '',
      iso3,
      globalCode: code('global_code') ?? '001',
      regionCode: code('region_code'),
      subregionCode: code('subregion_code'),
      intermediateRegionCode: code('intermediate_region_code'),
      ldc: bool(r.ldc, 'ldc', line),
      lldc: bool(r.lldc, 'lldc', line),
      sids: bool(r.sids, 'sids', line),
      names,
      regionNames: namesFrom(r, 'region'),
      subregionNames: namesFrom(r, 'subregion'),
      intermediateRegionNames: namesFrom(r, 'intermediate_region'),
    };
  });
}

/** A row of an original UNSD M49 table (English header), as UNSD serves it or as copied. */
export interface UnsdM49Row {
  m49: string;
  iso3: string;
  name: string;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
}

/**
 * Parses an original UNSD M49 table (`unsd-m49.*.csv`). UNSD serves it `;`-separated with a BOM;
 * the copies of 2021 and 2024 are `,`-separated (SOURCES.md "Format"), so the separator is taken
 * from the header line. Flags are `x` when set.
 */
export function parseUnsdM49Table(text: string): UnsdM49Row[] {
  const header = text.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
  const delimiter = header.includes(';') ? ';' : ',';
  return parseRecords(text, delimiter).map((r) => ({
    m49: r['M49 Code'] ?? '',
    iso3: r['ISO-alpha3 Code'] ?? '',
    name: r['Country or Area'] ?? '',
    ldc: r['Least Developed Countries (LDC)'] === 'x',
    lldc: r['Land Locked Developing Countries (LLDC)'] === 'x',
    sids: r['Small Island Developing States (SIDS)'] === 'x',
  }));
}

/** Reads `m49-areas.6lang.csv` from the data folder. */
export async function loadM49Areas(dir = defaultAreasDir): Promise<M49Area[]> {
  return parseM49Areas(await readFile(path.join(dir, 'm49-areas.6lang.csv'), 'utf8'));
}

/** The dated English UNSD tables shipped in data/areas, by the date of the table. */
export const unsdTables = {
  '2021-09': 'unsd-m49.en.2021-09.csv',
  '2024-09': 'unsd-m49.en.2024-09.csv',
  '2026-07': 'unsd-m49.en.2026-07.csv',
} as const;

/** Reads one of the dated English UNSD tables (used to check the dated LDC list against the data). */
export async function loadUnsdTable(date: keyof typeof unsdTables, dir = defaultAreasDir): Promise<UnsdM49Row[]> {
  return parseUnsdM49Table(await readFile(path.join(dir, unsdTables[date]), 'utf8'));
}
