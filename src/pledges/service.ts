// Pledges of an initiative: quantified targets, their money chain and progress updates, with
// the status computed by the published rules (progress.ts). Pledges and transactions are part
// of the initiative record (changed while it is a draft or returned, reviewed with it);
// progress updates are reported at any time and are public once a reviewer publishes them
// (or with the initiative, when it is published).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isoDate, webAddress } from '../shared/fields.ts';
import { sql, type Database, type Store } from '../store/index.ts';
import { recordChange } from '../provenance/history.ts';
import { Refusal } from '../shared/refusal.ts';
import { isMember, isReviewer, type User } from '../accounts/service.ts';
import { areaCatalog } from '../areas/index.ts';
import { assessPledge, rollUp, type PledgeProgress } from './progress.ts';

const number = z.coerce.number('form.numberInvalid').finite('form.numberInvalid');

export const pledgeInput = z
  .object({
    metric: z.string().trim().min(3, 'pledge.metricRequired').max(300, 'form.tooLong'),
    unit: z.string().trim().min(1, 'form.required').max(60, 'form.tooLong'),
    baselineValue: number,
    baselineDate: isoDate,
    targetValue: number,
    targetDate: isoDate,
    beneficiaries: z.coerce
      .number('form.numberInvalid')
      .int('form.numberInvalid')
      .nonnegative('form.numberInvalid')
      .nullable()
      .default(null),
    weight: z.coerce.number('form.numberInvalid').positive('form.numberInvalid').nullable().default(null),
    areas: z.array(z.string().trim().min(2).max(10)).max(300, 'form.tooMany').default([]),
  })
  .refine((v) => v.targetDate > v.baselineDate, { message: 'pledge.targetBeforeBaseline', path: ['targetDate'] })
  .refine((v) => v.targetValue !== v.baselineValue, { message: 'pledge.targetEqualsBaseline', path: ['targetValue'] });
export type PledgeInput = z.infer<typeof pledgeInput>;

export const transactionKinds = ['pledged', 'committed', 'disbursed', 'spent'] as const;
export const transactionInput = z.object({
  kind: z.enum(transactionKinds, 'form.chooseOne'),
  amount: z.coerce.number('form.numberInvalid').positive('form.numberInvalid').max(1e15, 'form.numberInvalid'),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'initiative.currencyInvalid'),
  date: isoDate,
  note: z.string().trim().max(1000, 'form.tooLong').nullable().default(null),
});
export type TransactionInput = z.infer<typeof transactionInput>;

export const updateInput = z.object({
  date: isoDate,
  value: number,
  narrative: z.string().trim().min(10, 'pledge.narrativeRequired').max(4000, 'form.tooLong'),
  evidenceUrl: webAddress.nullable().default(null),
});
export type UpdateInput = z.infer<typeof updateInput>;

export interface Pledge {
  id: string;
  initiativeId: string;
  organization: { id: string; name: string };
  metric: string;
  unit: string;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  beneficiaries: number | null;
  weight: number | null;
  areas: string[];
  transactions: { id: string; kind: string; amount: string; currency: string; date: string; note: string | null }[];
  /** Totals per kind and currency. */
  money: { kind: string; currency: string; amount: number }[];
  updates: { id: string; date: string; value: number; narrative: string; evidenceUrl: string | null; state: string }[];
  progress: PledgeProgress;
  createdAt: string;
}

interface InitiativeAccess {
  state: string;
  lead: string;
}

async function initiativeAccess(db: Database, initiativeId: string): Promise<InitiativeAccess | undefined> {
  const [row] = await db.query<{ state: string; lead_organization_id: string }>(
    sql`SELECT state, lead_organization_id FROM initiatives WHERE id = ${initiativeId}`,
  );
  return row ? { state: row.state, lead: row.lead_organization_id } : undefined;
}

async function isEditor(db: Database, user: User | null, access: InitiativeAccess): Promise<boolean> {
  return Boolean(user && (isReviewer(user) || (await isMember(db, user.id, access.lead))));
}

/** Pledges change with the initiative record: while it is a draft or returned (reviewers: always). */
async function requireRecordEditable(db: Database, user: User, initiativeId: string): Promise<InitiativeAccess> {
  const access = await initiativeAccess(db, initiativeId);
  if (!access) throw new Refusal(404, 'initiative.notFound');
  if (!(await isEditor(db, user, access))) throw new Refusal(403, 'initiative.notYours');
  if (!isReviewer(user) && !['draft', 'returned'].includes(access.state)) throw new Refusal(409, 'initiative.notEditable');
  return access;
}

async function pledgeParent(db: Database, pledgeId: string): Promise<string> {
  const [row] = await db.query<{ initiative_id: string }>(sql`SELECT initiative_id FROM pledges WHERE id = ${pledgeId}`);
  if (!row) throw new Refusal(404, 'pledge.notFound');
  return row.initiative_id;
}

export async function createPledge(
  store: Store,
  user: User,
  initiativeId: string,
  input: PledgeInput,
  organizationId?: string,
  givenId?: string,
): Promise<string> {
  // An import keeps the identifiers of an export; anything else gets a new one.
  const id = givenId && /^[A-Za-z0-9_.:-]{8,100}$/.test(givenId) ? givenId : randomUUID();
  const catalog = await areaCatalog();
  const areas = input.areas.map((code, i) => {
    const area = catalog.resolve(code);
    if (!area) throw new Refusal(400, 'initiative.areaUnknown', `areas.${i}`, { code });
    return area;
  });
  await store.transaction(async (tx) => {
    const access = await requireRecordEditable(tx, user, initiativeId);
    const org = organizationId ?? access.lead;
    if (org !== access.lead && !isReviewer(user) && !(await isMember(tx, user.id, org)))
      throw new Refusal(403, 'initiative.notMemberOfLead', 'organizationId');
    await tx.query(
      sql`INSERT INTO pledges (id, initiative_id, organization_id, metric, unit, baseline_value, baseline_date, target_value, target_date, beneficiaries, weight, areas, created_by)
          VALUES (${id}, ${initiativeId}, ${org}, ${input.metric}, ${input.unit}, ${String(input.baselineValue)}, ${input.baselineDate},
                  ${String(input.targetValue)}, ${input.targetDate}, ${input.beneficiaries}, ${input.weight === null ? null : String(input.weight)},
                  ${`{${[...new Set(areas)].join(',')}}`}::text[], ${user.id})`,
    );
    await tx.query(sql`UPDATE initiatives SET version = version + 1, updated_at = now() WHERE id = ${initiativeId}`);
    await recordChange(tx, {
      entity: 'initiative',
      entityId: initiativeId,
      action: 'pledge',
      actor: user.id,
      after: { pledge: id, ...input, areas },
    });
  });
  return id;
}

export async function addTransaction(store: Store, user: User, pledgeId: string, input: TransactionInput): Promise<string> {
  const id = randomUUID();
  await store.transaction(async (tx) => {
    const initiativeId = await pledgeParent(tx, pledgeId);
    await requireRecordEditable(tx, user, initiativeId);
    await tx.query(
      sql`INSERT INTO pledge_transactions (id, pledge_id, kind, amount, currency, date, note, created_by)
          VALUES (${id}, ${pledgeId}, ${input.kind}, ${String(input.amount)}, ${input.currency}, ${input.date}, ${input.note}, ${user.id})`,
    );
    await recordChange(tx, {
      entity: 'initiative',
      entityId: initiativeId,
      action: 'transaction',
      actor: user.id,
      after: { pledge: pledgeId, ...input },
    });
  });
  return id;
}

/** Reports progress; it is public once a reviewer publishes it, or with its initiative. */
export async function addProgressUpdate(store: Store, user: User, pledgeId: string, input: UpdateInput): Promise<string> {
  const id = randomUUID();
  await store.transaction(async (tx) => {
    const initiativeId = await pledgeParent(tx, pledgeId);
    const access = (await initiativeAccess(tx, initiativeId))!;
    if (!(await isEditor(tx, user, access))) throw new Refusal(403, 'initiative.notYours');
    if (['rejected', 'archived'].includes(access.state))
      throw new Refusal(409, 'initiative.wrongState', undefined, { state: access.state });
    await tx.query(
      sql`INSERT INTO progress_updates (id, pledge_id, date, value, narrative, evidence_url, state, created_by)
          VALUES (${id}, ${pledgeId}, ${input.date}, ${String(input.value)}, ${input.narrative}, ${input.evidenceUrl}, 'submitted', ${user.id})`,
    );
    await recordChange(tx, {
      entity: 'initiative',
      entityId: initiativeId,
      action: 'progress',
      actor: user.id,
      after: { pledge: pledgeId, update: id, ...input },
    });
  });
  return id;
}

/** A reviewer publishes or rejects a progress update. */
export async function reviewProgressUpdate(store: Store, reviewer: User, updateId: string, publish: boolean): Promise<void> {
  if (!isReviewer(reviewer)) throw new Refusal(403, 'review.notReviewer');
  await store.transaction(async (tx) => {
    const [row] = await tx.query<{ initiative_id: string }>(
      sql`UPDATE progress_updates u SET state = ${publish ? 'published' : 'rejected'}, reviewed_by = ${reviewer.id}, reviewed_at = now()
          FROM pledges p WHERE u.id = ${updateId} AND p.id = u.pledge_id AND u.state = 'submitted' RETURNING p.initiative_id`,
    );
    if (!row) throw new Refusal(404, 'pledge.noSuchUpdate');
    await recordChange(tx, {
      entity: 'initiative',
      entityId: row.initiative_id,
      action: publish ? 'publish-progress' : 'reject-progress',
      actor: reviewer.id,
      after: { update: updateId },
    });
  });
}

/** Called when an initiative is published: its pending progress updates go public with it. */
export async function publishPendingUpdates(tx: Database, initiativeId: string, reviewerId: string): Promise<void> {
  await tx.query(
    sql`UPDATE progress_updates u SET state = 'published', reviewed_by = ${reviewerId}, reviewed_at = now()
        FROM pledges p WHERE p.id = u.pledge_id AND p.initiative_id = ${initiativeId} AND u.state = 'submitted'`,
  );
}

/**
 * The pledges of an initiative as `viewer` may see them: everything for its organization and
 * reviewers; published progress updates only for everyone else. Status computed on `today`.
 */
export async function pledgesOf(
  db: Database,
  initiativeId: string,
  viewer: User | null,
  today = new Date().toISOString().slice(0, 10),
): Promise<Pledge[]> {
  const access = await initiativeAccess(db, initiativeId);
  if (!access) return [];
  const editor = await isEditor(db, viewer, access);
  const rows = await db.query<{
    id: string;
    organization_id: string;
    organization_name: string;
    metric: string;
    unit: string;
    baseline_value: string;
    baseline_date: string;
    target_value: string;
    target_date: string;
    beneficiaries: number | null;
    weight: string | null;
    areas: string[];
    created_at: string;
  }>(
    sql`SELECT p.*, o.name AS organization_name FROM pledges p JOIN organizations o ON o.id = p.organization_id
        WHERE p.initiative_id = ${initiativeId} ORDER BY p.created_at, p.id`,
  );
  if (rows.length === 0) return [];
  const ids = `{${rows.map((r) => r.id).join(',')}}`;
  const [transactions, updates] = await Promise.all([
    db.query<{ id: string; pledge_id: string; kind: string; amount: string; currency: string; date: string; note: string | null }>(
      sql`SELECT id, pledge_id, kind, amount, currency, date, note FROM pledge_transactions WHERE pledge_id = ANY(${ids}::text[]) ORDER BY date, id`,
    ),
    db.query<{ id: string; pledge_id: string; date: string; value: string; narrative: string; evidence_url: string | null; state: string }>(
      sql`SELECT id, pledge_id, date, value, narrative, evidence_url, state FROM progress_updates
          WHERE pledge_id = ANY(${ids}::text[]) AND (${editor} OR state = 'published') ORDER BY date, id`,
    ),
  ]);
  return rows.map((r) => {
    const mine = transactions.filter((t) => t.pledge_id === r.id);
    const totals = new Map<string, { kind: string; currency: string; amount: number }>();
    for (const t of mine) {
      const key = `${t.kind}|${t.currency}`;
      const entry = totals.get(key) ?? { kind: t.kind, currency: t.currency, amount: 0 };
      entry.amount += Number(t.amount);
      totals.set(key, entry);
    }
    const ups = updates
      .filter((u) => u.pledge_id === r.id)
      .map((u) => ({
        id: u.id,
        date: u.date,
        value: Number(u.value),
        narrative: u.narrative,
        evidenceUrl: u.evidence_url,
        state: u.state,
      }));
    const figures = {
      baselineValue: Number(r.baseline_value),
      baselineDate: r.baseline_date,
      targetValue: Number(r.target_value),
      targetDate: r.target_date,
      createdAt: r.created_at,
    };
    return {
      id: r.id,
      initiativeId,
      organization: { id: r.organization_id, name: r.organization_name },
      metric: r.metric,
      unit: r.unit,
      ...figures,
      beneficiaries: r.beneficiaries,
      weight: r.weight === null ? null : Number(r.weight),
      areas: r.areas,
      transactions: mine.map(({ pledge_id: _p, ...t }) => t),
      money: [...totals.values()].sort((a, b) => transactionKinds.indexOf(a.kind as never) - transactionKinds.indexOf(b.kind as never)),
      updates: ups,
      // Status from published updates only, so the public and the editors read the same status.
      progress: assessPledge(
        figures,
        ups.filter((u) => u.state === 'published'),
        today,
      ),
      createdAt: r.created_at,
    };
  });
}

/** The initiative's progress: the mean of its pledges' progress (weighted when all have weights). */
export function initiativeProgress(pledges: readonly Pledge[]): number | null {
  return rollUp(pledges.map((p) => ({ progressPercent: p.progress.progressPercent, weight: p.weight })));
}

/** Progress updates awaiting a reviewer. */
export async function pendingUpdates(db: Database) {
  return db.query<{ id: string; date: string; value: string; narrative: string; initiative_id: string; metric: string; unit: string }>(
    sql`SELECT u.id, u.date, u.value, u.narrative, p.initiative_id, p.metric, p.unit
        FROM progress_updates u JOIN pledges p ON p.id = u.pledge_id JOIN initiatives i ON i.id = p.initiative_id
        WHERE u.state = 'submitted' AND i.state IN ('published', 'archived') ORDER BY u.created_at`,
  );
}
