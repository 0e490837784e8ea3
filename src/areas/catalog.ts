// The area catalogue: every area an observation can be about (countries, M49 regions, the UN
// groups, World Bank aggregates), how codes from other sources resolve to Concord's area codes,
// and which countries belong to a group in a given year.
import type { Language } from '../language/languages.ts';
import { ldcCoverageFrom, ldcEvents, ldcSpells, spellCovers, type LdcEvent, type MembershipSpell } from './groups.ts';
import { loadM49Areas, type M49Area, type Names } from './m49.ts';

export type AreaKind = 'world' | 'region' | 'subregion' | 'intermediate-region' | 'country' | 'un-group' | 'wb-aggregate';

/**
 * An area. Concord's area codes: ISO alpha-3 for countries and areas (`GBR`); the M49 numeric
 * code for the world, regions and sub-regions (`001`, `002`, `419`) and for the UN groups
 * (`199` LDC, `432` LLDC, `722` SIDS: the M49 codes the UN Global SDG Indicators Database uses for
 * them, recalled [D]); `WB_` + the World Bank code for World Bank aggregates (`WB_HIC`).
 */
export interface Area {
  code: string;
  kind: AreaKind;
  m49: string | null;
  iso3: string | null;
  /** Names in the six languages where the source has them; World Bank aggregates have English only. */
  names: Partial<Record<Language, string>>;
  /** Codes of the M49 areas this one sits in (world, region, sub-region, intermediate region). */
  within: string[];
}

export interface Membership {
  group: string;
  year: number;
  /** The day of the year on which membership is read. */
  referenceDate: string;
  /** ISO alpha-3 of the members, sorted. */
  members: string[];
  /** `dated`: membership changes over time and was read for that date; `undated`: one list for all years. */
  basis: 'dated' | 'undated';
  /** Everything that makes the answer less than certain; empty when there is nothing to say. */
  caveats: string[];
}

export interface AreaCatalog {
  areas: ReadonlyMap<string, Area>;
  /**
   * Concord's area code for a code from a source: ISO alpha-3 or alpha-2 (any case), M49 numeric
   * (`826`, `4` or `004`), `LDC` / `LLDC` / `SIDS`, World Bank aggregate codes (`wld`, `hic`,
   * `ldc`), `OWID_WRL`. Undefined when unknown.
   */
  resolve: (code: string) => string | undefined;
  /** The M49 numeric code of an area, when it has one (used as SDMX `REF_AREA`). */
  m49Of: (code: string) => string | undefined;
  /** Members of a group in a year (ISO alpha-3, sorted). Throws for an area that is not a group
   *  Concord knows the members of. */
  membersOf: (group: string, year: number) => string[];
  /** The same, with how it was decided and its caveats. */
  membershipOf: (group: string, year: number) => Membership;
}

export interface CatalogOptions {
  /**
   * Month and day on which a year's membership is read. Default `07-01`: a country that graduates
   * in December (as Bhutan on 13 December 2023) counts for that whole year, and a country that
   * leaves on 1 January does not. Mid-year is also the reference date of UN population estimates,
   * the usual weights of group aggregates.
   */
  referenceDay?: string;
  ldcEvents?: readonly LdcEvent[];
}

/**
 * World Bank aggregates found in the shipped WDI files (data/indicators/SOURCES.md, "The 33
 * aggregate codes"). `wld` and `ldc` are the world and the UN LDC group, so they resolve to `001`
 * and `199`; the World Bank's own aggregation still differs from Concord's, and the source of each
 * observation says whose it is. Membership of income groups is not in the shipped data.
 */
const worldBankAggregates: Record<string, string> = {
  hic: 'High income',
  umc: 'Upper middle income',
  lmc: 'Lower middle income',
  lic: 'Low income',
  fcs: 'Fragile and conflict affected situations',
  ibd: 'IBRD only',
  ibt: 'IDA & IBRD total',
  ida: 'IDA total',
  idb: 'IDA blend',
  idx: 'IDA only',
  eas: 'East Asia & Pacific',
  ecs: 'Europe & Central Asia',
  lcn: 'Latin America & Caribbean',
  mea: 'Middle East, North Africa, Afghanistan & Pakistan',
  nac: 'North America',
  sas: 'South Asia',
  ssf: 'Sub-Saharan Africa',
  afe: 'Africa Eastern and Southern',
  afw: 'Africa Western and Central',
  eap: 'East Asia & Pacific (excluding high income)',
  eca: 'Europe & Central Asia (excluding high income)',
  lac: 'Latin America & Caribbean (excluding high income)',
  mna: 'Middle East & North Africa (excluding high income)',
  ssa: 'Sub-Saharan Africa (excluding high income)',
  tea: 'East Asia & Pacific (IDA & IBRD countries)',
  tec: 'Europe & Central Asia (IDA & IBRD countries)',
  tla: 'Latin America & the Caribbean (IDA & IBRD countries)',
  tmn: 'Middle East & North Africa (IDA & IBRD countries)',
  tsa: 'South Asia (IDA & IBRD)',
  tss: 'Sub-Saharan Africa (IDA & IBRD countries)',
  sst: 'Small states',
};

// The groups' names as the UN writes them in its six languages (UN-OHRLLS; the M49 tables carry
// them in English only), so that a French page never says "Least Developed Countries".
const unGroups: Record<string, { alias: string; names: Record<Language, string> }> = {
  '199': {
    alias: 'LDC',
    names: {
      en: 'Least Developed Countries (LDC)',
      fr: 'Pays les moins avancés (PMA)',
      es: 'Países menos adelantados (PMA)',
      ru: 'Наименее развитые страны (НРС)',
      zh: '最不发达国家',
      ar: 'أقل البلدان نموًا',
    },
  },
  '432': {
    alias: 'LLDC',
    names: {
      en: 'Land Locked Developing Countries (LLDC)',
      fr: 'Pays en développement sans littoral (PDSL)',
      es: 'Países en desarrollo sin litoral (PDSL)',
      ru: 'Развивающиеся страны, не имеющие выхода к морю (РСНВМ)',
      zh: '内陆发展中国家',
      ar: 'البلدان النامية غير الساحلية',
    },
  },
  '722': {
    alias: 'SIDS',
    names: {
      en: 'Small Island Developing States (SIDS)',
      fr: 'Petits États insulaires en développement (PEID)',
      es: 'Pequeños Estados insulares en desarrollo (PEID)',
      ru: 'Малые островные развивающиеся государства (МОРАГ)',
      zh: '小岛屿发展中国家',
      ar: 'الدول الجزرية الصغيرة النامية',
    },
  },
};

/** Builds the catalogue from the M49 rows (see loadAreaCatalog for the usual way in). */
export function createAreaCatalog(rows: readonly M49Area[], options: CatalogOptions = {}): AreaCatalog {
  const referenceDay = options.referenceDay ?? '07-01';
  if (!/^\d{2}-\d{2}$/.test(referenceDay)) throw new Error(`referenceDay must be MM-DD, got ${referenceDay}`);
  const areas = new Map<string, Area>();
  const aliases = new Map<string, string>();
  const alias = (from: string, to: string) => aliases.set(from.toUpperCase(), to);

  areas.set('001', { code: '001', kind: 'world', m49: '001', iso3: null, names: worldNames, within: [] });
  const addRegion = (code: string | null, kind: AreaKind, names: Names | null, within: string[]) => {
    if (code && names && !areas.has(code)) areas.set(code, { code, kind, m49: code, iso3: null, names, within });
  };
  for (const row of rows) {
    const chain = ['001', row.regionCode, row.subregionCode, row.intermediateRegionCode].filter((c): c is string => c !== null);
    addRegion(row.regionCode, 'region', row.regionNames, ['001']);
    addRegion(row.subregionCode, 'subregion', row.subregionNames, chain.slice(0, 2));
    addRegion(row.intermediateRegionCode, 'intermediate-region', row.intermediateRegionNames, chain.slice(0, 3));
    areas.set(row.iso3, { code: row.iso3, kind: 'country', m49: row.m49, iso3: row.iso3, names: row.names, within: chain });
    alias(row.m49, row.iso3);
    alias(row.iso2, row.iso3);
  }
  for (const [m49, group] of Object.entries(unGroups)) {
    areas.set(m49, { code: m49, kind: 'un-group', m49, iso3: null, names: group.names, within: [] });
    alias(group.alias, m49);
  }
  for (const [code, name] of Object.entries(worldBankAggregates)) {
    if (areas.has(code.toUpperCase())) throw new Error(`World Bank code ${code} collides with an ISO alpha-3 code`);
    areas.set(`WB_${code.toUpperCase()}`, {
      code: `WB_${code.toUpperCase()}`,
      kind: 'wb-aggregate',
      m49: null,
      iso3: null,
      names: { en: name },
      within: [],
    });
    alias(code, `WB_${code.toUpperCase()}`);
  }
  alias('WLD', '001');
  alias('OWID_WRL', '001');
  alias('WB_WLD', '001');
  alias('WB_LDC', '199');

  const resolve = (code: string): string | undefined => {
    const trimmed = code.trim();
    if (areas.has(trimmed)) return trimmed;
    const upper = trimmed.toUpperCase();
    if (areas.has(upper)) return upper;
    const padded = /^\d{1,3}$/.test(trimmed) ? trimmed.padStart(3, '0') : upper;
    if (areas.has(padded)) return padded;
    return aliases.get(padded);
  };

  // Group membership. LDC: dated (groups.ts). LLDC and SIDS: the 2021-09, 2024-09 and 2026-07
  // tables list the same 32 and 53 rows, so one undated list is used. M49 regions: by code.
  const ldc = ldcSpells(
    rows.filter((r) => r.ldc).map((r) => r.iso3),
    options.ldcEvents ?? ldcEvents,
  );
  const currentLdc = new Set(rows.filter((r) => r.ldc).map((r) => r.iso3));
  const staticMembers = (pick: (row: M49Area) => boolean) =>
    rows
      .filter(pick)
      .map((r) => r.iso3)
      .sort();

  const membershipOf = (group: string, year: number): Membership => {
    if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
    const code = resolve(group);
    const area = code === undefined ? undefined : areas.get(code);
    if (!area || area.kind === 'country') throw new Error(`${group} is not a group`);
    const referenceDate = `${String(year).padStart(4, '0')}-${referenceDay}`;
    if (area.kind === 'wb-aggregate') {
      throw new Error(
        `${area.code} (${area.names.en ?? ''}): World Bank group membership is not in the shipped data (data/areas/SOURCES.md)`,
      );
    }
    if (area.code === '199') {
      const inForce = ldc.filter((s) => spellCovers(s, referenceDate));
      const caveats: string[] = [];
      if (year < ldcCoverageFrom)
        caveats.push(`LDC changes before ${ldcCoverageFrom} are not recorded; members are those known for ${ldcCoverageFrom}`);
      const unverified = ldc.filter((s) => !s.verified && spellMatters(s, referenceDate, currentLdc));
      if (unverified.length > 0) caveats.push(`dates not verified against the shipped data: ${unverified.map(describeSpell).join('; ')}`);
      return { group: area.code, year, referenceDate, members: inForce.map((s) => s.member).sort(), basis: 'dated', caveats };
    }
    const undated = (members: string[], caveat: string): Membership => ({
      group: area.code,
      year,
      referenceDate,
      members,
      basis: 'undated',
      caveats: caveat ? [caveat] : [],
    });
    const tableCaveat = 'membership of the UNSD table of 2026-07-19, used for every year; the 2021-09 and 2024-09 tables agree';
    if (area.code === '432')
      return undated(
        staticMembers((r) => r.lldc),
        tableCaveat,
      );
    if (area.code === '722')
      return undated(
        staticMembers((r) => r.sids),
        tableCaveat,
      );
    return undated(
      staticMembers((r) => area.code === '001' || [r.regionCode, r.subregionCode, r.intermediateRegionCode].includes(area.code)),
      '',
    );
  };

  return {
    areas,
    resolve,
    m49Of: (code) => {
      const resolved = resolve(code);
      return resolved === undefined ? undefined : (areas.get(resolved)?.m49 ?? undefined);
    },
    membershipOf,
    membersOf: (group, year) => membershipOf(group, year).members,
  };
}

// A recalled (unverified) date "matters" for a date when it makes the answer differ from the
// newest shipped table: a former member counted, or a current member left out.
function spellMatters(spell: MembershipSpell, date: string, current: ReadonlySet<string>): boolean {
  return spellCovers(spell, date) !== current.has(spell.member);
}

function describeSpell(spell: MembershipSpell): string {
  return `${spell.member} ${spell.from ?? '…'} to ${spell.until ?? '…'} (${spell.source})`;
}

// "Global Name" of code 001 in the six 2024-09 UNSD tables (m49-areas.6lang.csv has no such column).
const worldNames: Names = { ar: 'العالم', zh: '世界', en: 'World', fr: 'Monde', ru: 'Весь мир', es: 'Mundo' };

/** Loads the catalogue from data/areas. */
export async function loadAreaCatalog(options: CatalogOptions & { dir?: string } = {}): Promise<AreaCatalog> {
  return createAreaCatalog(await loadM49Areas(options.dir), options);
}
