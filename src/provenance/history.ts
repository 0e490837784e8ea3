// Every change to a user-contributed record is kept: who, when, what it was and what it became.
import { sql, type Database } from '../store/index.ts';

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

/** The history of one record, oldest first. */
export async function historyOf(db: Database, entity: string, entityId: string): Promise<Change[]> {
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
  }>(
    sql`SELECT id, entity, entity_id, action, actor, at, before, after, note FROM changes WHERE entity = ${entity} AND entity_id = ${entityId} ORDER BY at, id`,
  );
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    actor: r.actor,
    at: r.at,
    before: r.before,
    after: r.after,
    note: r.note,
    changed: changedFields(r.before, r.after),
  }));
}
