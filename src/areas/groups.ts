// Dated membership of the UN country groups. The M49 table only says who is an LDC on the day it
// was downloaded; a group aggregate for a past year must use that year's members (issue 5, item 2),
// so LDC membership is kept as spells with dates, each with its source and whether it was checked.

/** A period during which a country belongs to a group. Dates are ISO `YYYY-MM-DD`. */
export interface MembershipSpell {
  /** ISO alpha-3 of the member. */
  member: string;
  /** First day of membership, or null when it began before the period Concord covers. */
  from: string | null;
  /** The day membership ended (graduation takes effect), or null while it lasts. */
  until: string | null;
  source: string;
  /** False when a date rests on memory or a secondary note rather than the shipped data. */
  verified: boolean;
}

/** A change to the LDC list: a graduation (the country leaves) or an inclusion (it joins). */
export interface LdcEvent {
  iso3: string;
  kind: 'graduation' | 'inclusion';
  date: string;
  /** Scheduled but in the future relative to the newest shipped table (2026-07-19). */
  scheduled: boolean;
  verified: boolean;
  source: string;
}

const tablesSource = 'UNSD M49 tables of 2021-09, 2024-09 and 2026-07 (data/areas/SOURCES.md)';

/**
 * Changes to the LDC list that Concord knows of.
 *
 * - Bhutan and Sao Tome and Principe: the graduation is in the data. Bhutan is flagged in the
 *   2021-09 table and not in 2024-09; Sao Tome and Principe in 2024-09 and not in 2026-07
 *   (data/areas/SOURCES.md, "Checks": "Bhutan (graduated 2023) and Sao Tome and Principe
 *   (graduated Dec 2024) are not flagged"). The day, 13 December, is from the GA resolutions that
 *   set the dates (70/78 and 73/133), recalled, not re-read: `verified` says the year is checked.
 * - Bangladesh, Lao PDR and Nepal (24 November 2026, GA resolution 76/8) and Solomon Islands
 *   (December 2027): scheduled; data/areas/SOURCES.md "Caveats" gives these dates "from memory and
 *   not verified". Still flagged in the 2026-07 table, as they should be.
 * - Earlier changes (Maldives 2011, South Sudan's inclusion 2012, Samoa 2014, Equatorial Guinea
 *   2017, Vanuatu 2020) are not in the shipped data, which starts in 2021-09. They are recalled
 *   from the CDP / UN-OHRLLS list, marked unverified, and are what makes the 2015 baseline year
 *   have 48 LDCs rather than today's 44. Check against https://www.un.org/ldcportal before relying on them.
 */
export const ldcEvents: readonly LdcEvent[] = [
  { iso3: 'MDV', kind: 'graduation', date: '2011-01-01', scheduled: false, verified: false, source: 'CDP/UN-OHRLLS list, recalled' },
  { iso3: 'SSD', kind: 'inclusion', date: '2012-12-18', scheduled: false, verified: false, source: 'GA resolution 67/136, recalled' },
  { iso3: 'WSM', kind: 'graduation', date: '2014-01-01', scheduled: false, verified: false, source: 'CDP/UN-OHRLLS list, recalled' },
  { iso3: 'GNQ', kind: 'graduation', date: '2017-06-04', scheduled: false, verified: false, source: 'CDP/UN-OHRLLS list, recalled' },
  { iso3: 'VUT', kind: 'graduation', date: '2020-12-04', scheduled: false, verified: false, source: 'CDP/UN-OHRLLS list, recalled' },
  {
    iso3: 'BTN',
    kind: 'graduation',
    date: '2023-12-13',
    scheduled: false,
    verified: true,
    source: `${tablesSource}; day from GA resolution 70/78`,
  },
  {
    iso3: 'STP',
    kind: 'graduation',
    date: '2024-12-13',
    scheduled: false,
    verified: true,
    source: `${tablesSource}; day from GA resolution 73/133`,
  },
  {
    iso3: 'BGD',
    kind: 'graduation',
    date: '2026-11-24',
    scheduled: true,
    verified: false,
    source: 'GA resolution 76/8, per data/areas/SOURCES.md (unverified)',
  },
  {
    iso3: 'LAO',
    kind: 'graduation',
    date: '2026-11-24',
    scheduled: true,
    verified: false,
    source: 'GA resolution 76/8, per data/areas/SOURCES.md (unverified)',
  },
  {
    iso3: 'NPL',
    kind: 'graduation',
    date: '2026-11-24',
    scheduled: true,
    verified: false,
    source: 'GA resolution 76/8, per data/areas/SOURCES.md (unverified)',
  },
  {
    iso3: 'SLB',
    kind: 'graduation',
    date: '2027-12-13',
    scheduled: true,
    verified: false,
    source: 'per data/areas/SOURCES.md (unverified; day assumed)',
  },
];

/**
 * The first year for which the dated LDC list is complete: Cabo Verde graduated in December 2007
 * and no other change is known between then and Maldives (2011). Earlier years are answered with
 * a caveat, never silently.
 */
export const ldcCoverageFrom = 2008;

/**
 * Builds the LDC spells from the current list (ISO alpha-3 of the countries flagged LDC in the
 * newest table) and the dated events: a current member that has a scheduled graduation gets an
 * end date; a former member gets a spell ending on its graduation; an included country starts on
 * its inclusion.
 */
export function ldcSpells(currentMembers: readonly string[], events: readonly LdcEvent[] = ldcEvents): MembershipSpell[] {
  const spells: MembershipSpell[] = [];
  const current = new Set(currentMembers);
  const byCountry = new Map<string, LdcEvent[]>();
  for (const event of events) byCountry.set(event.iso3, [...(byCountry.get(event.iso3) ?? []), event]);
  for (const iso3 of new Set([...current, ...byCountry.keys()])) {
    const own = byCountry.get(iso3) ?? [];
    const inclusion = own.find((e) => e.kind === 'inclusion');
    const graduation = own.find((e) => e.kind === 'graduation');
    if (!current.has(iso3) && !graduation) continue; // an inclusion without membership today: not modelled
    if (!current.has(iso3) && graduation?.scheduled) continue;
    const used = [inclusion, graduation].filter((e): e is LdcEvent => e !== undefined);
    spells.push({
      member: iso3,
      from: inclusion?.date ?? null,
      until: graduation?.date ?? null,
      source:
        used.length > 0
          ? used.map((e) => `${e.kind} ${e.date}: ${e.source}`).join('; ')
          : `flagged LDC in the newest table; ${tablesSource}`,
      verified: used.every((e) => e.verified),
    });
  }
  return spells.sort((a, b) => a.member.localeCompare(b.member));
}

/** Is the spell in force on the given ISO date? `from` is inclusive, `until` exclusive. */
export function spellCovers(spell: MembershipSpell, date: string): boolean {
  return (spell.from === null || spell.from <= date) && (spell.until === null || date < spell.until);
}
