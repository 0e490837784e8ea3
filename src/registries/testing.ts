// For the registry tests: what history kept of a record's creation beside the record as the API
// reads it now, in the shape history keeps (src/initiatives/service.ts `snapshot`), so a test can
// check that a load's history is the record it wrote.
import type { Hono } from 'hono';

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
