// Reading pledges as a viewer may see them: everything for the record's organization and
// reviewers; for everyone else only pledges of published (or archived) records, with their
// published progress updates. The status is computed by the published rules (progress.ts).
import type { Database, Sql } from '../store/index.ts';
import type { User } from '../accounts/user.ts';
import { activeOrganizationsOf, editableOrganizations, mayEditFor } from '../organizations/editors.ts';
import { assessPledge, rollUp, type PledgeProgress } from './progress.ts';
import { transactionKinds } from './inputs.ts';
import { canEdit, canReport } from './policy.ts';
import * as repository from './repository.ts';

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

/** Totals per kind and currency, in the order of the money chain. */
function moneyTotals(transactions: readonly repository.TransactionListRow[]): Pledge['money'] {
  const totals = new Map<string, { kind: string; currency: string; amount: number }>();
  for (const t of transactions) {
    const key = `${t.kind}|${t.currency}`;
    const entry = totals.get(key) ?? { kind: t.kind, currency: t.currency, amount: 0 };
    entry.amount += Number(t.amount);
    totals.set(key, entry);
  }
  return [...totals.values()].sort((a, b) => transactionKinds.indexOf(a.kind as never) - transactionKinds.indexOf(b.kind as never));
}

function toPledge(
  r: repository.PledgeListRow,
  editor: boolean,
  viewer: User | null,
  transactions: readonly repository.TransactionListRow[],
  updates: readonly repository.UpdateListRow[],
  today: string,
): Pledge {
  const ups = updates
    .filter((u) => u.pledgeId === r.id && (editor || u.state === 'published'))
    .map((u) => ({ id: u.id, date: u.date, value: Number(u.value), narrative: u.narrative, evidenceUrl: u.evidenceUrl, state: u.state }));
  const figures = {
    baselineValue: Number(r.baselineValue),
    baselineDate: r.baselineDate,
    targetValue: Number(r.targetValue),
    targetDate: r.targetDate,
    createdAt: r.createdAt,
  };
  const mine = transactions.filter((t) => t.pledgeId === r.id);
  return {
    id: r.id,
    initiativeId: r.initiativeId,
    state: r.state,
    reviewNote: r.reviewNote,
    organization: { id: r.organizationId, name: r.organizationName },
    metric: r.metric,
    unit: r.unit,
    ...figures,
    beneficiaries: r.beneficiaries,
    weight: r.weight === null ? null : Number(r.weight),
    areas: r.areas,
    transactions: mine.map(({ pledgeId: _p, ...t }) => t),
    money: moneyTotals(mine),
    updates: ups,
    // Status from published updates only, so the public and the editors read the same status.
    progress: assessPledge(
      figures,
      ups.filter((u) => u.state === 'published'),
      today,
    ),
    editable: canEdit(viewer, editor, { initiativeId: r.initiativeId, state: r.recordState }),
    canReport: canReport(editor, r.recordState),
    createdAt: r.createdAt,
  };
}

/** Pledges matching `where` as `viewer` may see them, with the status computed on `today`. */
async function visiblePledges(db: Database, where: Sql, viewer: User | null, today: string): Promise<Pledge[]> {
  const rows = await repository.pledgeRows(db, where);
  const editable = await editableOrganizations(db, viewer);
  const shown = rows.filter((r) => editable.has(r.recordOrganization) || ['published', 'archived'].includes(r.recordState));
  if (shown.length === 0) return [];
  const ids = shown.map((r) => r.id);
  const [transactions, updates] = await Promise.all([repository.transactionsOf(db, ids), repository.updatesOf(db, ids)]);
  return shown.map((r) => toPledge(r, editable.has(r.recordOrganization), viewer, transactions, updates, today));
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/** The pledges of an initiative as `viewer` may see them. */
export async function pledgesOf(db: Database, initiativeId: string, viewer: User | null, today = todayIso()): Promise<Pledge[]> {
  return visiblePledges(db, repository.pledgesWhere.initiative(initiativeId), viewer, today);
}

/** The pledges of several initiatives at once (an export), as `viewer` may see them. */
export async function pledgesOfMany(
  db: Database,
  initiativeIds: readonly string[],
  viewer: User | null,
  today = todayIso(),
): Promise<Pledge[]> {
  if (initiativeIds.length === 0) return [];
  return visiblePledges(db, repository.pledgesWhere.initiatives(initiativeIds), viewer, today);
}

/** Organizations' own pledges: the published ones, or every one of the viewer's organizations. */
export async function ownPledges(db: Database, viewer: User | null, scope: 'published' | 'mine', today = todayIso()): Promise<Pledge[]> {
  const where =
    scope === 'published'
      ? repository.pledgesWhere.ownPublished()
      : repository.pledgesWhere.ownOf(viewer ? await activeOrganizationsOf(db, viewer.id) : []);
  return visiblePledges(db, where, viewer, today);
}

/** Everything an organization pledged, on its own and in initiatives, as `viewer` may see it. */
export async function pledgesBy(db: Database, organizationId: string, viewer: User | null, today = todayIso()): Promise<Pledge[]> {
  return visiblePledges(db, repository.pledgesWhere.organization(organizationId), viewer, today);
}

/** One pledge, if `viewer` may see it. */
export async function getPledge(db: Database, pledgeId: string, viewer: User | null, today = todayIso()): Promise<Pledge | undefined> {
  return (await visiblePledges(db, repository.pledgesWhere.pledge(pledgeId), viewer, today))[0];
}

/** Organizations' own pledges waiting for a reviewer. */
export const submittedPledges = repository.submittedOwnPledges;

/** Progress updates on public records awaiting a reviewer (others go public with their record). */
export const pendingUpdates = repository.pendingPublicUpdates;

/** The initiative's progress: the mean of its pledges' progress (weighted when all have weights). */
export function initiativeProgress(pledges: readonly Pledge[]): number | null {
  return rollUp(pledges.map((p) => ({ progressPercent: p.progress.progressPercent, weight: p.weight })));
}

/** Where a pledge lives: its initiative (titled in `lang` where it can be), or its organization. */
export async function pledgeHome(
  db: Database,
  pledgeId: string,
  lang: string,
): Promise<{ back: string; label: string; unit: string } | undefined> {
  const row = await repository.pledgeHomeRow(db, pledgeId, lang);
  if (!row) return undefined;
  return row.initiative_id
    ? { back: `/initiatives/${row.initiative_id}`, label: row.title ?? row.initiative_id, unit: row.unit }
    : { back: `/organizations/${row.organization_id}`, label: row.organization_name, unit: row.unit };
}

/** What the pledges section of an initiative's page lets the viewer do: add pledges, report progress. */
export async function initiativePledgeRights(
  db: Database,
  initiativeId: string,
  viewer: User | null,
): Promise<{ editable: boolean; canReport: boolean } | undefined> {
  const record = await repository.initiativeRecord(db, initiativeId);
  if (!record) return undefined;
  const editor = await mayEditFor(db, viewer, record.organization);
  return { editable: canEdit(viewer, editor, { initiativeId, state: record.state }), canReport: canReport(editor, record.state) };
}
