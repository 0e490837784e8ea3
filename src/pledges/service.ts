// Pledges: quantified targets, their money chain and progress updates, with the status computed
// by the published rules (progress.ts). A pledge belongs to an initiative (changed while it is a
// draft or returned, reviewed with it) or is an organization's own (reviewed by itself:
// submitted -> published | rejected). Progress updates are reported at any time and are public
// once a reviewer publishes them (or with their record, when it is published).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isoDate, webAddress } from '../shared/fields.ts';
import { sql, pgTextArray, type Database, type Sql, type Store } from '../store/index.ts';
import { recordChange, recordChanges } from '../provenance/history.ts';
import { ItemRefusal, Refusal } from '../shared/refusal.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { editableOrganizations, isMember, mayEditFor } from '../organizations/service.ts';
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
  /** The initiative it belongs to; null for an organization's own pledge. */
  initiativeId: string | null;
  /** An organization's own pledge: its review state (submitted, published, rejected, archived); null with an initiative. */
  state: string | null;
  /** The reviewer's reason when an organization's own pledge was rejected. */
  reviewNote: string | null;
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
  /** May the viewer change it (add transactions), and report progress on it? */
  editable: boolean;
  canReport: boolean;
  createdAt: string;
}

/**
 * The record a pledge is reviewed with: its initiative, or the pledge itself when an organization
 * made it alone. Who may change it, and when, follows from that record.
 */
interface PledgeRecord {
  pledgeId: string;
  initiativeId: string | null;
  /** The record's review state. */
  state: string;
  /** The organization whose members edit the record (the initiative's lead, or the pledger). */
  organization: string;
}

async function pledgeRecord(db: Database, pledgeId: string): Promise<PledgeRecord> {
  const [row] = await db.query<{ initiative_id: string | null; state: string; organization: string }>(
    sql`SELECT p.initiative_id, coalesce(i.state, p.state) AS state, coalesce(i.lead_organization_id, p.organization_id) AS organization
        FROM pledges p LEFT JOIN initiatives i ON i.id = p.initiative_id WHERE p.id = ${pledgeId}`,
  );
  if (!row) throw new Refusal(404, 'pledge.notFound');
  return { pledgeId, initiativeId: row.initiative_id, state: row.state, organization: row.organization };
}

const isEditor = (db: Database, user: User | null, record: Pick<PledgeRecord, 'organization'>) => mayEditFor(db, user, record.organization);

/** States in which the record's pledges and money may change: before review (reviewers: always). */
const changeable = (record: Pick<PledgeRecord, 'initiativeId' | 'state'>) =>
  record.initiativeId ? ['draft', 'returned'].includes(record.state) : record.state === 'submitted';

async function requireChangeable<R extends Pick<PledgeRecord, 'initiativeId' | 'state' | 'organization'>>(
  db: Database,
  user: User,
  record: R,
): Promise<R> {
  if (!(await isEditor(db, user, record))) throw new Refusal(403, 'initiative.notYours');
  if (!isReviewer(user) && !changeable(record)) throw new Refusal(409, 'initiative.notEditable');
  return record;
}

/** Where a change to a pledge is recorded: on its initiative's history, or on its own. */
function historyTarget(record: Pick<PledgeRecord, 'initiativeId' | 'pledgeId'>) {
  return record.initiativeId ? { entity: 'initiative', entityId: record.initiativeId } : { entity: 'pledge', entityId: record.pledgeId };
}

/**
 * Adds a pledge to an initiative (`initiativeId`), or, with `initiativeId` null, an organization's
 * own pledge, which goes to the reviewers at once.
 */
export async function createPledge(
  store: Store,
  user: User,
  initiativeId: string | null,
  input: PledgeInput,
  organizationId?: string,
  givenId?: string,
): Promise<string> {
  return store.transaction(async (tx) => {
    try {
      const [id] = await createPledges(tx, user, [{ initiativeId, input, organizationId, id: givenId }]);
      return id!;
    } catch (error) {
      throw error instanceof ItemRefusal ? error.refusal : error;
    }
  });
}

/**
 * Adds many pledges in a handful of statements whatever their number, with their history; callers
 * hold the transaction (an import writes thousands). Each is checked as a single one is; the first
 * refused throws an ItemRefusal naming it, and the caller's transaction rolls back.
 */
export async function createPledges(
  tx: Database,
  user: User,
  items: readonly { initiativeId: string | null; input: PledgeInput; organizationId?: string | undefined; id?: string | undefined }[],
): Promise<string[]> {
  if (items.length === 0) return [];
  const catalog = await areaCatalog();
  const initiativeIds = [...new Set(items.flatMap((item) => (item.initiativeId ? [item.initiativeId] : [])))];
  const initiatives = new Map(
    (
      await tx.query<{ id: string; state: string; lead_organization_id: string }>(
        sql`SELECT id, state, lead_organization_id FROM initiatives WHERE id = ANY(${pgTextArray(initiativeIds)}::text[]) AND state <> 'importing'`,
      )
    ).map((r) => [r.id, { initiativeId: r.id, state: r.state, organization: r.lead_organization_id }]),
  );
  const ownOrganizations = [...new Set(items.flatMap((item) => (!item.initiativeId && item.organizationId ? [item.organizationId] : [])))];
  const knownOrganizations = new Set(
    (await tx.query<{ id: string }>(sql`SELECT id FROM organizations WHERE id = ANY(${pgTextArray(ownOrganizations)}::text[])`)).map(
      (r) => r.id,
    ),
  );
  // Permissions depend on the organization only: asked once per organization, not per pledge.
  const editor = new Map<string, boolean>();
  const mayEditOrg = async (org: string) => {
    if (!editor.has(org)) editor.set(org, await isEditor(tx, user, { organization: org }));
    return editor.get(org)!;
  };
  const member = new Map<string, boolean>();
  const memberOf = async (org: string) => {
    if (!member.has(org)) member.set(org, await isMember(tx, user.id, org));
    return member.get(org)!;
  };
  const rows: { id: string; initiativeId: string | null; org: string; input: PledgeInput; areas: string[] }[] = [];
  for (const [index, item] of items.entries()) {
    const refuse = (refusal: Refusal) => new ItemRefusal(index, refusal);
    const areas: string[] = [];
    for (const [i, code] of item.input.areas.entries()) {
      const area = catalog.resolve(code);
      if (!area) throw refuse(new Refusal(400, 'initiative.areaUnknown', `areas.${i}`, { code }));
      areas.push(area);
    }
    let org: string;
    if (item.initiativeId) {
      const record = initiatives.get(item.initiativeId);
      if (!record) throw refuse(new Refusal(404, 'initiative.notFound'));
      if (!(await mayEditOrg(record.organization))) throw refuse(new Refusal(403, 'initiative.notYours'));
      if (!isReviewer(user) && !changeable(record)) throw refuse(new Refusal(409, 'initiative.notEditable'));
      org = item.organizationId ?? record.organization;
      if (org !== record.organization && !isReviewer(user) && !(await memberOf(org)))
        throw refuse(new Refusal(403, 'initiative.notMemberOfLead', 'organizationId'));
    } else {
      if (!item.organizationId) throw refuse(new Refusal(400, 'form.required', 'organizationId'));
      if (!knownOrganizations.has(item.organizationId)) throw refuse(new Refusal(404, 'organization.notFound'));
      if (!(await mayEditOrg(item.organizationId))) throw refuse(new Refusal(403, 'initiative.notMemberOfLead', 'organizationId'));
      org = item.organizationId;
    }
    // An import keeps the identifiers of an export; anything else gets a new one.
    const id = item.id && /^[A-Za-z0-9_.:-]{8,100}$/.test(item.id) ? item.id : randomUUID();
    rows.push({ id, initiativeId: item.initiativeId, org, input: item.input, areas: [...new Set(areas)] });
  }
  await tx.query(
    sql`INSERT INTO pledges (id, initiative_id, state, organization_id, metric, unit, baseline_value, baseline_date, target_value, target_date, beneficiaries, weight, areas, created_by)
        SELECT r.id, r.initiative_id, CASE WHEN r.initiative_id IS NULL THEN 'submitted' END, r.org, r.metric, r.unit, r.baseline_value, r.baseline_date,
               r.target_value, r.target_date, r.beneficiaries, r.weight, r.areas, ${user.id}
        FROM jsonb_to_recordset(${JSON.stringify(
          rows.map(({ id, initiativeId, org, input, areas }) => ({
            id,
            initiative_id: initiativeId,
            org,
            metric: input.metric,
            unit: input.unit,
            baseline_value: String(input.baselineValue),
            baseline_date: input.baselineDate,
            target_value: String(input.targetValue),
            target_date: input.targetDate,
            beneficiaries: input.beneficiaries,
            weight: input.weight === null ? null : String(input.weight),
            areas,
          })),
        )}::jsonb)
          AS r(id text, initiative_id text, org text, metric text, unit text, baseline_value numeric, baseline_date date,
               target_value numeric, target_date date, beneficiaries bigint, weight numeric, areas text[])`,
  );
  // Each pledge moves its initiative's version on, as a single addition does.
  const bumps = new Map<string, number>();
  for (const row of rows) if (row.initiativeId) bumps.set(row.initiativeId, (bumps.get(row.initiativeId) ?? 0) + 1);
  if (bumps.size)
    await tx.query(
      sql`UPDATE initiatives i SET version = i.version + r.n, updated_at = now()
          FROM jsonb_to_recordset(${JSON.stringify([...bumps].map(([id, n]) => ({ id, n })))}::jsonb) AS r(id text, n integer)
          WHERE i.id = r.id`,
    );
  await recordChanges(
    tx,
    rows.map(({ id, initiativeId, org, input, areas }) => ({
      ...historyTarget({ initiativeId, pledgeId: id }),
      action: 'pledge',
      actor: user.id,
      after: { pledge: id, organizationId: org, ...input, areas },
    })),
  );
  return rows.map((row) => row.id);
}

export async function addTransaction(store: Store, user: User, pledgeId: string, input: TransactionInput): Promise<string> {
  const id = randomUUID();
  await store.transaction(async (tx) => {
    const record = await requireChangeable(tx, user, await pledgeRecord(tx, pledgeId));
    await tx.query(
      sql`INSERT INTO pledge_transactions (id, pledge_id, kind, amount, currency, date, note, created_by)
          VALUES (${id}, ${pledgeId}, ${input.kind}, ${String(input.amount)}, ${input.currency}, ${input.date}, ${input.note}, ${user.id})`,
    );
    await recordChange(tx, { ...historyTarget(record), action: 'transaction', actor: user.id, after: { pledge: pledgeId, ...input } });
  });
  return id;
}

/** Reports progress; it is public once a reviewer publishes it, or with its initiative or pledge. */
export async function addProgressUpdate(store: Store, user: User, pledgeId: string, input: UpdateInput): Promise<string> {
  const id = randomUUID();
  await store.transaction(async (tx) => {
    const record = await pledgeRecord(tx, pledgeId);
    if (!(await isEditor(tx, user, record))) throw new Refusal(403, 'initiative.notYours');
    if (['rejected', 'archived'].includes(record.state))
      throw new Refusal(409, 'initiative.wrongState', undefined, { state: record.state });
    await tx.query(
      sql`INSERT INTO progress_updates (id, pledge_id, date, value, narrative, evidence_url, state, created_by)
          VALUES (${id}, ${pledgeId}, ${input.date}, ${String(input.value)}, ${input.narrative}, ${input.evidenceUrl}, 'submitted', ${user.id})`,
    );
    await recordChange(tx, {
      ...historyTarget(record),
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
    const [row] = await tx.query<{ initiative_id: string | null; pledge_id: string }>(
      sql`UPDATE progress_updates u SET state = ${publish ? 'published' : 'rejected'}, reviewed_by = ${reviewer.id}, reviewed_at = now()
          FROM pledges p WHERE u.id = ${updateId} AND p.id = u.pledge_id AND u.state = 'submitted' RETURNING p.initiative_id, p.id AS pledge_id`,
    );
    if (!row) throw new Refusal(404, 'pledge.noSuchUpdate');
    await recordChange(tx, {
      ...historyTarget({ initiativeId: row.initiative_id, pledgeId: row.pledge_id }),
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

export const pledgeDecisions = ['publish', 'reject', 'archive'] as const;
export type PledgeDecision = (typeof pledgeDecisions)[number];

/**
 * A reviewer decides on an organization's own pledge: publish it (with its pending progress
 * reports), reject it with a reason, or archive a published one.
 */
export async function reviewPledge(store: Store, reviewer: User, pledgeId: string, decision: PledgeDecision, note?: string): Promise<void> {
  if (!isReviewer(reviewer)) throw new Refusal(403, 'review.notReviewer');
  const reason = note?.trim() ?? '';
  if (decision === 'reject' && reason.length < 5) throw new Refusal(400, 'review.noteRequired', 'note');
  await store.transaction(async (tx) => {
    const record = await pledgeRecord(tx, pledgeId);
    if (record.initiativeId) throw new Refusal(409, 'pledge.reviewedWithInitiative');
    const from = decision === 'archive' ? 'published' : 'submitted';
    if (record.state !== from) throw new Refusal(409, 'initiative.wrongState', undefined, { state: record.state });
    const to = { publish: 'published', reject: 'rejected', archive: 'archived' }[decision];
    await tx.query(
      sql`UPDATE pledges SET state = ${to}, review_note = ${decision === 'reject' ? reason : null}, updated_at = now() WHERE id = ${pledgeId}`,
    );
    if (decision === 'publish') {
      await tx.query(
        sql`UPDATE progress_updates SET state = 'published', reviewed_by = ${reviewer.id}, reviewed_at = now()
            WHERE pledge_id = ${pledgeId} AND state = 'submitted'`,
      );
    }
    await recordChange(tx, {
      ...historyTarget(record),
      action: decision,
      actor: reviewer.id,
      before: { state: record.state },
      after: { state: to },
      ...(decision === 'reject' ? { note: reason } : {}),
    });
  });
}

/**
 * Pledges matching `where` (over `pledges p`) as `viewer` may see them: everything for the
 * record's organization and reviewers; for everyone else only pledges of published (or
 * archived) records, with their published progress updates. Status computed on `today`.
 */
async function visiblePledges(db: Database, where: Sql, viewer: User | null, today: string): Promise<Pledge[]> {
  const rows = await db.query<{
    id: string;
    initiative_id: string | null;
    state: string | null;
    review_note: string | null;
    record_state: string;
    record_organization: string;
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
    sql`SELECT p.*, o.name AS organization_name, coalesce(i.state, p.state) AS record_state,
               coalesce(i.lead_organization_id, p.organization_id) AS record_organization
        FROM pledges p JOIN organizations o ON o.id = p.organization_id LEFT JOIN initiatives i ON i.id = p.initiative_id
        WHERE ${where} ORDER BY p.created_at, p.id`,
  );
  const editable = await editableOrganizations(db, viewer);
  const shown = rows.filter((r) => editable.has(r.record_organization) || ['published', 'archived'].includes(r.record_state));
  if (shown.length === 0) return [];
  const ids = pgTextArray(shown.map((r) => r.id));
  const [transactions, updates] = await Promise.all([
    db.query<{ id: string; pledge_id: string; kind: string; amount: string; currency: string; date: string; note: string | null }>(
      sql`SELECT id, pledge_id, kind, amount, currency, date, note FROM pledge_transactions WHERE pledge_id = ANY(${ids}::text[]) ORDER BY date, id`,
    ),
    db.query<{ id: string; pledge_id: string; date: string; value: string; narrative: string; evidence_url: string | null; state: string }>(
      sql`SELECT id, pledge_id, date, value, narrative, evidence_url, state FROM progress_updates
          WHERE pledge_id = ANY(${ids}::text[]) ORDER BY date, id`,
    ),
  ]);
  return shown.map((r) => {
    const editor = editable.has(r.record_organization);
    const mine = transactions.filter((t) => t.pledge_id === r.id);
    const totals = new Map<string, { kind: string; currency: string; amount: number }>();
    for (const t of mine) {
      const key = `${t.kind}|${t.currency}`;
      const entry = totals.get(key) ?? { kind: t.kind, currency: t.currency, amount: 0 };
      entry.amount += Number(t.amount);
      totals.set(key, entry);
    }
    const ups = updates
      .filter((u) => u.pledge_id === r.id && (editor || u.state === 'published'))
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
    const record = { initiativeId: r.initiative_id, state: r.record_state };
    return {
      id: r.id,
      initiativeId: r.initiative_id,
      state: r.state,
      reviewNote: r.review_note,
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
      editable: editor && (changeable(record) || Boolean(viewer && isReviewer(viewer))),
      canReport: editor && !['rejected', 'archived'].includes(r.record_state),
      createdAt: r.created_at,
    };
  });
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/** The pledges of an initiative as `viewer` may see them. */
export async function pledgesOf(db: Database, initiativeId: string, viewer: User | null, today = todayIso()): Promise<Pledge[]> {
  return visiblePledges(db, sql`p.initiative_id = ${initiativeId}`, viewer, today);
}

/** The pledges of several initiatives at once (an export), as `viewer` may see them. */
export async function pledgesOfMany(
  db: Database,
  initiativeIds: readonly string[],
  viewer: User | null,
  today = todayIso(),
): Promise<Pledge[]> {
  if (initiativeIds.length === 0) return [];
  return visiblePledges(db, sql`p.initiative_id = ANY(${pgTextArray(initiativeIds)}::text[])`, viewer, today);
}

/** Organizations' own pledges: the published ones, or every one of the viewer's organizations. */
export async function ownPledges(db: Database, viewer: User | null, scope: 'published' | 'mine', today = todayIso()): Promise<Pledge[]> {
  const where =
    scope === 'published'
      ? sql`p.initiative_id IS NULL AND p.state = 'published'`
      : sql`p.initiative_id IS NULL AND p.organization_id IN (SELECT organization_id FROM memberships WHERE user_id = ${viewer?.id ?? ''} AND state = 'active')`;
  return visiblePledges(db, where, viewer, today);
}

/** Everything an organization pledged, on its own and in initiatives, as `viewer` may see it. */
export async function pledgesBy(db: Database, organizationId: string, viewer: User | null, today = todayIso()): Promise<Pledge[]> {
  return visiblePledges(db, sql`p.organization_id = ${organizationId}`, viewer, today);
}

/** One pledge, if `viewer` may see it. */
export async function getPledge(db: Database, pledgeId: string, viewer: User | null, today = todayIso()): Promise<Pledge | undefined> {
  return (await visiblePledges(db, sql`p.id = ${pledgeId}`, viewer, today))[0];
}

/** Organizations' own pledges waiting for a reviewer. */
export async function submittedPledges(db: Database) {
  return db.query<{
    id: string;
    metric: string;
    unit: string;
    target_value: string;
    target_date: string;
    organization_id: string;
    organization_name: string;
  }>(
    sql`SELECT p.id, p.metric, p.unit, p.target_value, p.target_date, p.organization_id, o.name AS organization_name
        FROM pledges p JOIN organizations o ON o.id = p.organization_id WHERE p.state = 'submitted' ORDER BY p.created_at`,
  );
}

/** The initiative's progress: the mean of its pledges' progress (weighted when all have weights). */
export function initiativeProgress(pledges: readonly Pledge[]): number | null {
  return rollUp(pledges.map((p) => ({ progressPercent: p.progress.progressPercent, weight: p.weight })));
}

/** Progress updates on public records awaiting a reviewer (others go public with their record). */
export async function pendingUpdates(db: Database) {
  return db.query<{ id: string; date: string; value: string; narrative: string; pledge_id: string; metric: string; unit: string }>(
    sql`SELECT u.id, u.date, u.value, u.narrative, p.id AS pledge_id, p.metric, p.unit
        FROM progress_updates u JOIN pledges p ON p.id = u.pledge_id LEFT JOIN initiatives i ON i.id = p.initiative_id
        WHERE u.state = 'submitted' AND coalesce(i.state, p.state) IN ('published', 'archived') ORDER BY u.created_at`,
  );
}
