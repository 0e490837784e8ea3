// The pledges slice's SQL: pledges, their money transactions and progress updates. A pledge is
// reviewed with its initiative, so a few statements read (and one moves on) the initiative's state,
// lead organization, version and title in the same query, where a second query per pledge would
// cost more: these are the slice's reads of the initiatives' tables.
import { pgTextArray, sql, type Database, type Sql } from '../store/index.ts';
import type { PledgeRow, PledgeTransactionRow, ProgressUpdateRow } from './schema.ts';

/** The record a pledge is reviewed with: its initiative's state and lead, or the pledge's own. */
export interface PledgeRecordRow {
  initiativeId: string | null;
  state: string;
  organization: string;
}

export async function pledgeRecordRow(db: Database, pledgeId: string): Promise<PledgeRecordRow | undefined> {
  const [row] = await db.query<PledgeRecordRow>(
    sql`SELECT p.initiative_id AS "initiativeId", coalesce(i.state, p.state) AS state,
               coalesce(i.lead_organization_id, p.organization_id) AS organization
        FROM pledges p LEFT JOIN initiatives i ON i.id = p.initiative_id WHERE p.id = ${pledgeId}`,
  );
  return row;
}

/** The state and lead organization of these initiatives (not those still being imported). */
export async function initiativeRecords(
  db: Database,
  ids: readonly string[],
): Promise<{ id: string; state: string; organization: string }[]> {
  return db.query<{ id: string; state: string; organization: string }>(
    sql`SELECT id, state, lead_organization_id AS organization FROM initiatives
        WHERE id = ANY(${pgTextArray(ids)}::text[]) AND state <> 'importing'`,
  );
}

/** One initiative's state and lead organization, for its pledges section. */
export async function initiativeRecord(db: Database, id: string): Promise<{ state: string; organization: string } | undefined> {
  const [row] = await db.query<{ state: string; organization: string }>(
    sql`SELECT state, lead_organization_id AS organization FROM initiatives WHERE id = ${id}`,
  );
  return row;
}

export interface PledgeInsert {
  id: string;
  initiative_id: string | null;
  org: string;
  metric: string;
  unit: string;
  baseline_value: string;
  baseline_date: string;
  target_value: string;
  target_date: string;
  beneficiaries: number | null;
  weight: string | null;
  areas: string[];
}

/** Inserts many pledges in one statement (an initiative's own are reviewed with it; the others start submitted). */
export async function insertPledges(tx: Database, rows: readonly PledgeInsert[], createdBy: string): Promise<void> {
  await tx.query(
    sql`INSERT INTO pledges (id, initiative_id, state, organization_id, metric, unit, baseline_value, baseline_date, target_value, target_date, beneficiaries, weight, areas, created_by)
        SELECT r.id, r.initiative_id, CASE WHEN r.initiative_id IS NULL THEN 'submitted' END, r.org, r.metric, r.unit, r.baseline_value, r.baseline_date,
               r.target_value, r.target_date, r.beneficiaries, r.weight, r.areas, ${createdBy}
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(id text, initiative_id text, org text, metric text, unit text, baseline_value numeric, baseline_date date,
               target_value numeric, target_date date, beneficiaries bigint, weight numeric, areas text[])`,
  );
}

/** Moves each initiative's version on by the number of pledges it gained. */
export async function bumpInitiativeVersions(tx: Database, bumps: ReadonlyMap<string, number>): Promise<void> {
  if (bumps.size === 0) return;
  await tx.query(
    sql`UPDATE initiatives i SET version = i.version + r.n, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify([...bumps].map(([id, n]) => ({ id, n })))}::jsonb) AS r(id text, n integer)
        WHERE i.id = r.id`,
  );
}

export async function insertTransaction(
  tx: Database,
  t: { id: string; pledgeId: string; kind: string; amount: string; currency: string; date: string; note: string | null; createdBy: string },
): Promise<void> {
  await tx.query(
    sql`INSERT INTO pledge_transactions (id, pledge_id, kind, amount, currency, date, note, created_by)
        VALUES (${t.id}, ${t.pledgeId}, ${t.kind}, ${t.amount}, ${t.currency}, ${t.date}, ${t.note}, ${t.createdBy})`,
  );
}

export async function insertProgressUpdate(
  tx: Database,
  u: { id: string; pledgeId: string; date: string; value: string; narrative: string; evidenceUrl: string | null; createdBy: string },
): Promise<void> {
  await tx.query(
    sql`INSERT INTO progress_updates (id, pledge_id, date, value, narrative, evidence_url, state, created_by)
        VALUES (${u.id}, ${u.pledgeId}, ${u.date}, ${u.value}, ${u.narrative}, ${u.evidenceUrl}, 'submitted', ${u.createdBy})`,
  );
}

/** Publishes or rejects a submitted progress update; the pledge it is on, or undefined. */
export async function decideProgressUpdate(
  tx: Database,
  updateId: string,
  state: 'published' | 'rejected',
  reviewerId: string,
): Promise<{ initiativeId: string | null; pledgeId: string } | undefined> {
  const [row] = await tx.query<{ initiativeId: string | null; pledgeId: string }>(
    sql`UPDATE progress_updates u SET state = ${state}, reviewed_by = ${reviewerId}, reviewed_at = now()
        FROM pledges p WHERE u.id = ${updateId} AND p.id = u.pledge_id AND u.state = 'submitted'
        RETURNING p.initiative_id AS "initiativeId", p.id AS "pledgeId"`,
  );
  return row;
}

/** Publishes the submitted progress updates of an initiative's pledges. */
export async function publishUpdatesOfInitiative(tx: Database, initiativeId: string, reviewerId: string): Promise<void> {
  await tx.query(
    sql`UPDATE progress_updates u SET state = 'published', reviewed_by = ${reviewerId}, reviewed_at = now()
        FROM pledges p WHERE p.id = u.pledge_id AND p.initiative_id = ${initiativeId} AND u.state = 'submitted'`,
  );
}

/** Publishes the submitted progress updates of one pledge. */
export async function publishUpdatesOfPledge(tx: Database, pledgeId: string, reviewerId: string): Promise<void> {
  await tx.query(
    sql`UPDATE progress_updates SET state = 'published', reviewed_by = ${reviewerId}, reviewed_at = now()
        WHERE pledge_id = ${pledgeId} AND state = 'submitted'`,
  );
}

export async function setPledgeState(tx: Database, pledgeId: string, state: string, reviewNote: string | null): Promise<void> {
  await tx.query(sql`UPDATE pledges SET state = ${state}, review_note = ${reviewNote}, updated_at = now() WHERE id = ${pledgeId}`);
}

// ---------------------------------------------------------------- reading

/** Which pledges a read is about. */
export const pledgesWhere = {
  initiative: (id: string): Sql => sql`p.initiative_id = ${id}`,
  initiatives: (ids: readonly string[]): Sql => sql`p.initiative_id = ANY(${pgTextArray(ids)}::text[])`,
  ownPublished: (): Sql => sql`p.initiative_id IS NULL AND p.state = 'published'`,
  ownOf: (organizationIds: readonly string[]): Sql =>
    sql`p.initiative_id IS NULL AND p.organization_id = ANY(${pgTextArray(organizationIds)}::text[])`,
  organization: (id: string): Sql => sql`p.organization_id = ${id}`,
  pledge: (id: string): Sql => sql`p.id = ${id}`,
};

/** A pledge with its organization's name and the state and lead of the record it is reviewed with. */
export type PledgeListRow = Pick<
  PledgeRow,
  | 'id'
  | 'initiativeId'
  | 'state'
  | 'reviewNote'
  | 'organizationId'
  | 'metric'
  | 'unit'
  | 'baselineValue'
  | 'baselineDate'
  | 'targetValue'
  | 'targetDate'
  | 'beneficiaries'
  | 'weight'
  | 'areas'
  | 'createdAt'
> & { organizationName: string; recordState: string; recordOrganization: string };

export async function pledgeRows(db: Database, where: Sql): Promise<PledgeListRow[]> {
  return db.query<PledgeListRow>(
    sql`SELECT p.id, p.initiative_id AS "initiativeId", p.state, p.review_note AS "reviewNote", p.organization_id AS "organizationId",
               p.metric, p.unit, p.baseline_value AS "baselineValue", p.baseline_date AS "baselineDate", p.target_value AS "targetValue",
               p.target_date AS "targetDate", p.beneficiaries, p.weight, p.areas, p.created_at AS "createdAt",
               o.name AS "organizationName", coalesce(i.state, p.state) AS "recordState",
               coalesce(i.lead_organization_id, p.organization_id) AS "recordOrganization"
        FROM pledges p JOIN organizations o ON o.id = p.organization_id LEFT JOIN initiatives i ON i.id = p.initiative_id
        WHERE ${where} ORDER BY p.created_at, p.id`,
  );
}

export type TransactionListRow = Pick<PledgeTransactionRow, 'id' | 'pledgeId' | 'kind' | 'amount' | 'currency' | 'date' | 'note'>;

export async function transactionsOf(db: Database, pledgeIds: readonly string[]): Promise<TransactionListRow[]> {
  return db.query<TransactionListRow>(
    sql`SELECT id, pledge_id AS "pledgeId", kind, amount, currency, date, note FROM pledge_transactions
        WHERE pledge_id = ANY(${pgTextArray(pledgeIds)}::text[]) ORDER BY date, id`,
  );
}

export type UpdateListRow = Pick<ProgressUpdateRow, 'id' | 'pledgeId' | 'date' | 'value' | 'narrative' | 'evidenceUrl' | 'state'>;

export async function updatesOf(db: Database, pledgeIds: readonly string[]): Promise<UpdateListRow[]> {
  return db.query<UpdateListRow>(
    sql`SELECT id, pledge_id AS "pledgeId", date, value, narrative, evidence_url AS "evidenceUrl", state FROM progress_updates
        WHERE pledge_id = ANY(${pgTextArray(pledgeIds)}::text[]) ORDER BY date, id`,
  );
}

/** Organizations' own pledges waiting for a reviewer. */
export async function submittedOwnPledges(db: Database) {
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

/** Progress updates on public records awaiting a reviewer (others go public with their record). */
export async function pendingPublicUpdates(db: Database) {
  return db.query<{ id: string; date: string; value: string; narrative: string; pledge_id: string; metric: string; unit: string }>(
    sql`SELECT u.id, u.date, u.value, u.narrative, p.id AS pledge_id, p.metric, p.unit
        FROM progress_updates u JOIN pledges p ON p.id = u.pledge_id LEFT JOIN initiatives i ON i.id = p.initiative_id
        WHERE u.state = 'submitted' AND coalesce(i.state, p.state) IN ('published', 'archived') ORDER BY u.created_at`,
  );
}

/** Where a pledge lives: its initiative (with its title in `lang`, else English, else any), or its organization. */
export async function pledgeHomeRow(db: Database, pledgeId: string, lang: string) {
  const [row] = await db.query<{
    initiative_id: string | null;
    organization_id: string;
    organization_name: string;
    unit: string;
    title: string | null;
  }>(
    sql`SELECT p.initiative_id, p.organization_id, o.name AS organization_name, p.unit,
               (SELECT title FROM initiative_texts WHERE initiative_id = p.initiative_id ORDER BY (lang = ${lang}) DESC, (lang = 'en') DESC, lang LIMIT 1) AS title
        FROM pledges p JOIN organizations o ON o.id = p.organization_id WHERE p.id = ${pledgeId}`,
  );
  return row;
}
