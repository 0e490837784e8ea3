// An imported record is the source's until its organization claims it: an administrator of the
// record's lead organization asks, a reviewer confirms (or refuses). Once confirmed, the record is
// edited like one made in Concord, and refreshing the source no longer writes it (load.ts).
import { sql, type Database, type Store } from '../store/index.ts';
import { recordChange } from '../provenance/history.ts';
import { Refusal } from '../shared/refusal.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { isMember } from '../organizations/service.ts';

export interface ClaimState {
  source: string;
  leadOrganizationId: string;
  /** Who asked for the record, while the claim waits or once it is confirmed. */
  requestedBy: string | null;
  requestedByName: string | null;
  confirmedAt: string | null;
}

/** The claim standing of an imported record; undefined for a record made in Concord (or none). */
export async function claimState(db: Database, id: string): Promise<ClaimState | undefined> {
  const [row] = await db.query<{
    source: string | null;
    lead_organization_id: string;
    claimed_by: string | null;
    claimed_at: string | null;
    name: string | null;
  }>(
    sql`SELECT i.source, i.lead_organization_id, i.claimed_by, i.claimed_at, u.name FROM initiatives i
        LEFT JOIN users u ON u.id = i.claimed_by WHERE i.id = ${id} AND i.state <> 'importing'`,
  );
  if (!row?.source) return undefined;
  return {
    source: row.source,
    leadOrganizationId: row.lead_organization_id,
    requestedBy: row.claimed_by,
    requestedByName: row.name,
    confirmedAt: row.claimed_at,
  };
}

async function lockedClaim(tx: Database, id: string): Promise<ClaimState> {
  await tx.query(sql`SELECT 1 FROM initiatives WHERE id = ${id} FOR UPDATE`);
  const state = await claimState(tx, id);
  if (!state) throw new Refusal(404, 'claim.notImported');
  return state;
}

/** An administrator of the record's lead organization asks for it; returns the claim as it now stands. */
export async function claimRecord(store: Store, user: User, id: string): Promise<ClaimState> {
  return store.transaction(async (tx) => {
    const state = await lockedClaim(tx, id);
    if (!(await isMember(tx, user.id, state.leadOrganizationId, true))) throw new Refusal(403, 'claim.notAdmin');
    if (state.confirmedAt) throw new Refusal(409, 'claim.already');
    if (state.requestedBy) throw new Refusal(409, 'claim.waiting');
    await tx.query(sql`UPDATE initiatives SET claimed_by = ${user.id} WHERE id = ${id}`);
    await recordChange(tx, { entity: 'initiative', entityId: id, action: 'claim', actor: user.id, after: { claimedBy: user.id } });
    return { ...state, requestedBy: user.id, requestedByName: user.name };
  });
}

/**
 * A reviewer confirms the claim (the organization now edits the record) or refuses it; returns
 * the claim as it now stands.
 */
export async function decideClaim(store: Store, reviewer: User, id: string, confirm: boolean, note?: string): Promise<ClaimState> {
  if (!isReviewer(reviewer)) throw new Refusal(403, 'review.notReviewer');
  return store.transaction(async (tx) => {
    const state = await lockedClaim(tx, id);
    if (!state.requestedBy || state.confirmedAt) throw new Refusal(409, 'claim.nothingToDecide');
    const [decided] = await tx.query<{ claimed_at: string | null }>(
      confirm
        ? sql`UPDATE initiatives SET claimed_at = now() WHERE id = ${id} RETURNING claimed_at`
        : sql`UPDATE initiatives SET claimed_by = NULL WHERE id = ${id} RETURNING claimed_at`,
    );
    await recordChange(tx, {
      entity: 'initiative',
      entityId: id,
      action: confirm ? 'claim-confirm' : 'claim-refuse',
      actor: reviewer.id,
      before: { claimedBy: state.requestedBy },
      after: { claimedBy: confirm ? state.requestedBy : null },
      note: note?.trim() || null,
    });
    return confirm ? { ...state, confirmedAt: decided?.claimed_at ?? null } : { ...state, requestedBy: null, requestedByName: null };
  });
}

export interface WaitingClaim {
  initiativeId: string;
  title: string;
  titleLanguage: string;
  source: string;
  leadOrganization: { id: string; name: string };
  requestedBy: { id: string; name: string | null };
  requestedAt: string | null;
}

/** A claim awaiting a reviewer: asked for (claimed_by), not yet confirmed, of a record readers see. */
const waiting = sql`i.source IS NOT NULL AND i.claimed_by IS NOT NULL AND i.claimed_at IS NULL AND i.state <> 'importing'`;

/** Claims awaiting a reviewer, oldest request first (a reviewer's queue). */
export async function waitingClaims(
  db: Database,
  options: { lang: string; limit: number; offset: number },
): Promise<{ total: number; items: WaitingClaim[] }> {
  const rows = await db.query<{
    id: string;
    title: string;
    title_lang: string;
    source: string;
    lead_organization_id: string;
    organization_name: string;
    claimed_by: string;
    user_name: string | null;
    requested_at: string | null;
    total: number;
  }>(
    sql`SELECT i.id, t.title, t.lang AS title_lang, i.source, i.lead_organization_id, o.name AS organization_name,
               i.claimed_by, u.name AS user_name, asked.at AS requested_at, count(*) OVER () AS total
          FROM initiatives i
          JOIN organizations o ON o.id = i.lead_organization_id
          LEFT JOIN users u ON u.id = i.claimed_by
          CROSS JOIN LATERAL (SELECT title, lang FROM initiative_texts WHERE initiative_id = i.id
                              ORDER BY (lang = ${options.lang}) DESC, (lang = 'en') DESC, lang LIMIT 1) t
          LEFT JOIN LATERAL (SELECT max(at) AS at FROM changes
                              WHERE entity = 'initiative' AND entity_id = i.id AND action = 'claim') asked ON true
         WHERE ${waiting}
         ORDER BY asked.at NULLS FIRST, i.id
         LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  const total = rows[0] ? Number(rows[0].total) : await countWaitingClaims(db);
  return {
    total,
    items: rows.map((r) => ({
      initiativeId: r.id,
      title: r.title,
      titleLanguage: r.title_lang,
      source: r.source,
      leadOrganization: { id: r.lead_organization_id, name: r.organization_name },
      requestedBy: { id: r.claimed_by, name: r.user_name },
      requestedAt: r.requested_at,
    })),
  };
}

/** The count alone (a page past the last one still says how many there are). */
async function countWaitingClaims(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM initiatives i WHERE ${waiting}`);
  return Number(row?.n ?? 0);
}
