// For the registry tests (test code, outside the slice): what history kept of a record's creation beside the record as the API
// reads it now, in the shape history keeps (src/initiatives/service.ts `snapshot`), so a test can
// check that a load's history is the record it wrote.
import type { Hono } from 'hono';
import { sql, type Database } from '../store/index.ts';

/** Every row an IATI import writes, counted: a refused or repeated import must leave them alike. */
export async function iatiRows(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, query] of [
    ['initiatives', sql`SELECT count(*) AS n FROM initiatives WHERE source = 'iati'`],
    ['versions', sql`SELECT coalesce(sum(version), 0) AS n FROM initiatives WHERE source = 'iati'`],
    ['organizations', sql`SELECT count(*) AS n FROM organizations`],
    ['pledges', sql`SELECT count(*) AS n FROM pledges WHERE created_by = 'registry:iati'`],
    ['transactions', sql`SELECT count(*) AS n FROM pledge_transactions WHERE created_by = 'registry:iati'`],
    ['links', sql`SELECT count(*) AS n FROM initiative_links l JOIN initiatives i ON i.id = l.initiative_id WHERE i.source = 'iati'`],
    ['history', sql`SELECT count(*) AS n FROM changes`],
  ] as const)
    counts[name] = Number((await db.query<{ n: number }>(query))[0]!.n);
  return counts;
}

interface StoredInitiative {
  state: string;
  status: string;
  leadOrganization: { id: string };
  partners: { organizationId: string; role: string }[];
  texts: { lang: string; title: string; description: string }[];
  areas: string[];
  startDate: string | null;
  endDate: string | null;
  budget: { amount: string; currency: string } | null;
  webLinks: { url: string; label: string | null }[];
  links: { elementId: string; type: string; evidence: string; address: string | null }[];
  reviewNote: string | null;
}

/** The creation's `after` in the record's history, and the record as stored, both as history keeps a record. */
export async function creationBesideStored(
  app: Pick<Hono, 'request'>,
  id: string,
): Promise<{ action: string | undefined; kept: Record<string, unknown>; stored: Record<string, unknown> }> {
  const record = (await (await app.request(`/api/v1/initiatives/${id}`)).json()) as StoredInitiative;
  const history = (await (await app.request(`/api/v1/initiatives/${id}/history`)).json()) as {
    items: { action: string; after: Record<string, unknown> | null }[];
  };
  const first = history.items[0];
  return {
    action: first?.action,
    kept: first?.after ?? {},
    stored: {
      state: record.state,
      status: record.status,
      leadOrganizationId: record.leadOrganization.id,
      texts: record.texts,
      partners: record.partners.map(({ organizationId, role }) => ({ organizationId, role })),
      areas: record.areas,
      startDate: record.startDate,
      endDate: record.endDate,
      budget: record.budget,
      webLinks: record.webLinks,
      links: record.links.map(({ elementId, type, evidence, address }) => ({ elementId, type, evidence, address })),
      reviewNote: record.reviewNote,
    },
  };
}
