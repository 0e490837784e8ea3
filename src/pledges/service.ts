// Pledges: quantified targets, their money chain and progress updates, with the status computed
// by the published rules (progress.ts). A pledge belongs to an initiative (changed while it is a
// draft or returned, reviewed with it) or is an organization's own (reviewed by itself:
// submitted -> published | rejected). Progress updates are reported at any time and are public
// once a reviewer publishes them (or with their record, when it is published).
import { randomUUID } from 'node:crypto';
import type { Database, Store } from '../store/index.ts';
import { recordChange, recordChanges } from '../provenance/history.ts';
import { ItemRefusal, Refusal } from '../shared/refusal.ts';
import type { User } from '../accounts/user.ts';
import { isMember, mayEditFor } from '../organizations/editors.ts';
import { knownOrganizations } from '../organizations/service.ts';
import { areaCatalog } from '../areas/index.ts';
import type { PledgeDecision, PledgeInput, TransactionInput, UpdateInput } from './inputs.ts';
import { canEdit, canReport, canReview, type ReviewedRecord } from './policy.ts';
import * as repository from './repository.ts';

export * from './inputs.ts';
export {
  getPledge,
  initiativeProgress,
  ownPledges,
  pendingUpdates,
  pledgesBy,
  pledgesOf,
  pledgesOfMany,
  submittedPledges,
  type Pledge,
} from './reads.ts';

/**
 * The record a pledge is reviewed with: its initiative, or the pledge itself when an organization
 * made it alone. Who may change it, and when, follows from that record.
 */
interface PledgeRecord extends ReviewedRecord {
  pledgeId: string;
  /** The organization whose members edit the record (the initiative's lead, or the pledger). */
  organization: string;
}

async function pledgeRecord(db: Database, pledgeId: string): Promise<PledgeRecord> {
  const row = await repository.pledgeRecordRow(db, pledgeId);
  if (!row) throw new Refusal(404, 'pledge.notFound');
  return { pledgeId, ...row };
}

const isEditor = (db: Database, user: User | null, record: Pick<PledgeRecord, 'organization'>) => mayEditFor(db, user, record.organization);

async function requireChangeable<R extends Pick<PledgeRecord, 'initiativeId' | 'state' | 'organization'>>(
  db: Database,
  user: User,
  record: R,
): Promise<R> {
  if (!(await isEditor(db, user, record))) throw new Refusal(403, 'initiative.notYours');
  if (!canEdit(user, true, record)) throw new Refusal(409, 'initiative.notEditable');
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

/** A checked pledge as the store takes it (numbers as text, so none loses digits on the way). */
function toInsert(row: {
  id: string;
  initiativeId: string | null;
  org: string;
  input: PledgeInput;
  areas: string[];
}): repository.PledgeInsert {
  const { id, initiativeId, org, input, areas } = row;
  return {
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
  };
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
    (await repository.initiativeRecords(tx, initiativeIds)).map((r) => [
      r.id,
      { initiativeId: r.id, state: r.state, organization: r.organization },
    ]),
  );
  const ownOrganizations = [...new Set(items.flatMap((item) => (!item.initiativeId && item.organizationId ? [item.organizationId] : [])))];
  const known = await knownOrganizations(tx, ownOrganizations);
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
      if (!canEdit(user, true, record)) throw refuse(new Refusal(409, 'initiative.notEditable'));
      org = item.organizationId ?? record.organization;
      if (org !== record.organization && !canReview(user) && !(await memberOf(org)))
        throw refuse(new Refusal(403, 'initiative.notMemberOfLead', 'organizationId'));
    } else {
      if (!item.organizationId) throw refuse(new Refusal(400, 'form.required', 'organizationId'));
      if (!known.has(item.organizationId)) throw refuse(new Refusal(404, 'organization.notFound'));
      if (!(await mayEditOrg(item.organizationId))) throw refuse(new Refusal(403, 'initiative.notMemberOfLead', 'organizationId'));
      org = item.organizationId;
    }
    // An import keeps the identifiers of an export; anything else gets a new one.
    const id = item.id && /^[A-Za-z0-9_.:-]{8,100}$/.test(item.id) ? item.id : randomUUID();
    rows.push({ id, initiativeId: item.initiativeId, org, input: item.input, areas: [...new Set(areas)] });
  }
  await repository.insertPledges(tx, rows.map(toInsert), user.id);
  // Each pledge moves its initiative's version on, as a single addition does.
  const bumps = new Map<string, number>();
  for (const row of rows) if (row.initiativeId) bumps.set(row.initiativeId, (bumps.get(row.initiativeId) ?? 0) + 1);
  await repository.bumpInitiativeVersions(tx, bumps);
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
    await repository.insertTransaction(tx, { id, pledgeId, ...input, amount: String(input.amount), createdBy: user.id });
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
    if (!canReport(true, record.state)) throw new Refusal(409, 'initiative.wrongState', undefined, { state: record.state });
    await repository.insertProgressUpdate(tx, { id, pledgeId, ...input, value: String(input.value), createdBy: user.id });
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
  if (!canReview(reviewer)) throw new Refusal(403, 'review.notReviewer');
  await store.transaction(async (tx) => {
    const row = await repository.decideProgressUpdate(tx, updateId, publish ? 'published' : 'rejected', reviewer.id);
    if (!row) throw new Refusal(404, 'pledge.noSuchUpdate');
    await recordChange(tx, {
      ...historyTarget(row),
      action: publish ? 'publish-progress' : 'reject-progress',
      actor: reviewer.id,
      after: { update: updateId },
    });
  });
}

/** Called when an initiative is published: its pending progress updates go public with it. */
export async function publishPendingUpdates(tx: Database, initiativeId: string, reviewerId: string): Promise<void> {
  await repository.publishUpdatesOfInitiative(tx, initiativeId, reviewerId);
}

/**
 * A reviewer decides on an organization's own pledge: publish it (with its pending progress
 * reports), reject it with a reason, or archive a published one.
 */
export async function reviewPledge(store: Store, reviewer: User, pledgeId: string, decision: PledgeDecision, note?: string): Promise<void> {
  if (!canReview(reviewer)) throw new Refusal(403, 'review.notReviewer');
  const reason = note?.trim() ?? '';
  if (decision === 'reject' && reason.length < 5) throw new Refusal(400, 'review.noteRequired', 'note');
  await store.transaction(async (tx) => {
    const record = await pledgeRecord(tx, pledgeId);
    if (record.initiativeId) throw new Refusal(409, 'pledge.reviewedWithInitiative');
    const from = decision === 'archive' ? 'published' : 'submitted';
    if (record.state !== from) throw new Refusal(409, 'initiative.wrongState', undefined, { state: record.state });
    const to = { publish: 'published', reject: 'rejected', archive: 'archived' }[decision];
    await repository.setPledgeState(tx, pledgeId, to, decision === 'reject' ? reason : null);
    if (decision === 'publish') await repository.publishUpdatesOfPledge(tx, pledgeId, reviewer.id);
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
