// Country groups in the registry's filters. LDC membership is dated (Bhutan left in 2023, Sao
// Tome and Principe in 2024...), so "initiatives in an LDC in 2024" cannot be a fixed list of
// codes on each record. Membership is cut into periods during which no country joins or leaves;
// each initiative keeps one `group@from` token per period in which one of its countries belonged
// to the group (column area_groups, GIN-indexed). A filter for a group in a year is then one
// token: one index lookup, whatever the number of members.
import { createHash } from 'node:crypto';
import { sql, pgTextArray, type Store } from '../store/index.ts';
import type { AreaCatalog } from '../areas/index.ts';

/** Years a registry filter may ask for (the API's `year` bounds). */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

interface Period {
  from: number;
  members: ReadonlySet<string>;
}

const cache = new WeakMap<AreaCatalog, Map<string, Period[]>>();

/** The UN country groups Concord knows the members of (LDC, LLDC, SIDS), by their M49 codes. */
function groupCodes(catalog: AreaCatalog): string[] {
  return [...catalog.areas.values()].filter((a) => a.kind === 'un-group').map((a) => a.code);
}

/** For each group, the periods of unchanged membership between FIRST_YEAR and LAST_YEAR. */
export function membershipPeriods(catalog: AreaCatalog): Map<string, Period[]> {
  let periods = cache.get(catalog);
  if (periods) return periods;
  periods = new Map();
  for (const group of groupCodes(catalog)) {
    const list: Period[] = [];
    let previous = '';
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const members = catalog.membersOf(group, year);
      const key = members.join(',');
      if (key !== previous) list.push({ from: year, members: new Set(members) });
      previous = key;
    }
    periods.set(group, list);
  }
  cache.set(catalog, periods);
  return periods;
}

/** Whether the code names a group whose membership the registry's tokens follow. */
export function isTrackedGroup(catalog: AreaCatalog, code: string): boolean {
  return membershipPeriods(catalog).has(code);
}

/** The token that selects a group's members in a year (the period containing that year). */
export function groupToken(catalog: AreaCatalog, group: string, year: number): string | undefined {
  const periods = membershipPeriods(catalog).get(group);
  if (!periods) return undefined;
  const clamped = Math.min(LAST_YEAR, Math.max(FIRST_YEAR, year));
  const period = periods.findLast((p) => p.from <= clamped);
  return period ? `${group}@${period.from}` : undefined;
}

/** The tokens of a record in the given areas: every period in which one of them was a member. */
export function groupTokens(catalog: AreaCatalog, areas: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const [group, periods] of membershipPeriods(catalog)) {
    for (const period of periods) {
      if (areas.some((a) => period.members.has(a))) tokens.add(`${group}@${period.from}`);
    }
  }
  return [...tokens].sort();
}

/** A fingerprint of the periods: when the area data changes, every record's tokens are redone. */
export function periodsChecksum(catalog: AreaCatalog): string {
  const periods = [...membershipPeriods(catalog)].map(([group, list]) => [group, list.map((p) => [p.from, [...p.members]])]);
  return createHash('sha256').update(JSON.stringify(periods)).digest('hex');
}

/**
 * Brings every initiative's group tokens in line with the shipped area data, in one statement;
 * does nothing when they already are (recorded in reference_releases as `area-groups`), unless
 * forced (after records were written by SQL, as the benchmark does).
 * Returns the number of records updated, or null when nothing had to be done.
 */
export async function refreshAreaGroups(store: Store, catalog: AreaCatalog, options: { force?: boolean } = {}): Promise<number | null> {
  const checksum = periodsChecksum(catalog);
  const [current] = await store.db.query<{ checksum: string }>(sql`SELECT checksum FROM reference_releases WHERE dataset = 'area-groups'`);
  if (current?.checksum === checksum && !options.force) return null;
  const countries = [...catalog.areas.values()].filter((a) => a.kind === 'country').map((a) => a.code);
  const pairs = countries.flatMap((code) => groupTokens(catalog, [code]).map((token) => `${code}=${token}`));
  return store.transaction(async (tx) => {
    const updated = await tx.query<{ id: string }>(
      sql`WITH t AS (SELECT split_part(x, '=', 1) AS code, split_part(x, '=', 2) AS token FROM unnest(${pgTextArray(pairs)}::text[]) x),
               wanted AS (SELECT i.id, coalesce((SELECT array_agg(DISTINCT t.token ORDER BY t.token)
                                                 FROM initiative_areas a JOIN t ON t.code = a.area_code
                                                 WHERE a.initiative_id = i.id), '{}') AS tokens
                          FROM initiatives i)
          UPDATE initiatives i SET area_groups = wanted.tokens FROM wanted
          WHERE wanted.id = i.id AND i.area_groups IS DISTINCT FROM wanted.tokens
          RETURNING i.id`,
    );
    await tx.query(
      sql`INSERT INTO reference_releases (dataset, checksum, counts) VALUES ('area-groups', ${checksum}, ${JSON.stringify({ initiatives: updated.length })}::jsonb)
          ON CONFLICT (dataset) DO UPDATE SET checksum = excluded.checksum, counts = excluded.counts, loaded_at = now()`,
    );
    return updated.length;
  });
}
