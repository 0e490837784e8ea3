// Every change to a user-contributed record is kept: who, when, what it was and what it became.
import { sql, type Database } from '../store/index.ts';
import type { User } from '../accounts/user.ts';
import { editableOrganizations } from '../organizations/editors.ts';

export interface Change {
  id: number;
  entity: string;
  entityId: string;
  action: string;
  actor: string;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
  /** The fields whose value differs between before and after. */
  changed: string[];
}

export interface ChangeInput {
  entity: string;
  entityId: string;
  action: string;
  actor: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  note?: string | null;
}

/** Records a change; call it in the same transaction as the write it describes. */
export async function recordChange(tx: Database, change: ChangeInput): Promise<void> {
  await recordChanges(tx, [change]);
}

/** Records many changes in one statement (an import of thousands of records). */
export async function recordChanges(tx: Database, changes: readonly ChangeInput[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((c) => ({
    entity: c.entity,
    entity_id: c.entityId,
    action: c.action,
    actor: c.actor,
    before: c.before ?? null,
    after: c.after ?? null,
    note: c.note ?? null,
  }));
  await tx.query(
    sql`INSERT INTO changes (entity, entity_id, action, actor, before, after, note)
        SELECT r.entity, r.entity_id, r.action, r.actor, r.before, r.after, r.note
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(entity text, entity_id text, action text, actor text, before jsonb, after jsonb, note text)`,
  );
}

function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])).sort();
}

/**
 * A progress report's figures and words (`progress` changes: date, value, narrative, evidence) are
 * public once a reviewer has published the report, with its record or on its own; before that,
 * and for ever after a rejection, only the record's organization and the reviewers read them. The
 * public still sees that a report was made, when and by whom, and what became of it.
 */
const reportIdentity = ['pledge', 'update'];

/**
 * The history of one record as `viewer` may read it, oldest first. Every kind of change is public
 * with its record except what `reportIdentity` explains; callers check that `viewer` may read the
 * record at all. Pages and the API both read history here, so they show the same thing.
 */
export async function historyOf(db: Database, entity: string, entityId: string, viewer: User | null): Promise<Change[]> {
  const rows = await db.query<{
    id: number;
    entity: string;
    entity_id: string;
    action: string;
    actor: string;
    at: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    note: string | null;
    report_state: string | null;
    report_organization: string | null;
  }>(
    sql`SELECT c.id, c.entity, c.entity_id, c.action, c.actor, c.at, c.before, c.after, c.note,
               u.state AS report_state, coalesce(i.lead_organization_id, p.organization_id) AS report_organization
        FROM changes c
        LEFT JOIN progress_updates u ON c.action = 'progress' AND u.id = c.after->>'update'
        LEFT JOIN pledges p ON p.id = u.pledge_id
        LEFT JOIN initiatives i ON i.id = p.initiative_id
        WHERE c.entity = ${entity} AND c.entity_id = ${entityId} ORDER BY c.at, c.id`,
  );
  // Whose unpublished reports the viewer may read: their organizations', or all for reviewers.
  const unpublished = rows.some((r) => r.action === 'progress' && r.report_state !== 'published');
  const editable = unpublished ? await editableOrganizations(db, viewer) : undefined;
  return rows.map((r) => {
    const withheld =
      r.action === 'progress' && r.report_state !== 'published' && !(r.report_organization && editable?.has(r.report_organization));
    const after =
      withheld && r.after ? Object.fromEntries(Object.entries(r.after).filter(([key]) => reportIdentity.includes(key))) : r.after;
    return {
      id: r.id,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      actor: r.actor,
      at: r.at,
      before: r.before,
      after,
      note: r.note,
      changed: changedFields(r.before, after),
    };
  });
}
