// The mandate tracker (issue 14): who was asked to do what, by when, and what answers it.
// Mandates are the requests (not the positions) read from each document, kept in the mandates
// table in step with requested_actions (refreshMandates, called when a document version is
// stored); reviewers' corrections are re-applied on every refresh, so they outlive a re-read.
// Status is computed when read, with the rule that gave it.
import { sql, join, raw, pgTextArray, type Database, type Sql, type Store } from '../store/index.ts';
import { actorById, actorName, ACTORS, type Actor } from '../documents/actors.ts';
import type { VerbForce } from '../documents/actions.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { mayEditFor } from '../organizations/service.ts';
import { recordChange } from '../provenance/history.ts';
import { actorOverlay, addressed, survivorOf, type ActorOverlay } from './catalogue.ts';
import { Refusal } from '../shared/refusal.ts';
import { atRevision } from '../initiatives/registry-cache.ts';
import { suggestRenewals } from './renewal-repository.ts';
import type { Language } from '../language/languages.ts';

export const mandateForces = ['decision', 'commitment', 'request', 'invitation'] as const satisfies readonly VerbForce[];
export type MandateForce = (typeof mandateForces)[number];
export const mandateStatuses = ['open', 'in-progress', 'delivered', 'overdue', 'superseded'] as const;
export type MandateStatus = (typeof mandateStatuses)[number];
export const answerKinds = ['roadmap', 'roadmap-node', 'initiative', 'pledge', 'document'] as const;
export type AnswerKind = (typeof answerKinds)[number];
export const answerRelations = ['answers', 'supersedes'] as const;
export type AnswerRelation = (typeof answerRelations)[number];
export const answerStates = ['proposed', 'confirmed', 'rejected'] as const;
export type AnswerState = (typeof answerStates)[number];

const isMandateForce = (s: string): s is MandateForce => (mandateForces as readonly string[]).includes(s);

/** Rows per multi-row INSERT (well under PostgreSQL's 65,535 parameters). */
const BATCH = 400;

// ---------------------------------------------------------------------------------------------
// Actors

export { askedIds, groupsOf } from './catalogue.ts';

export interface ActorSummary {
  id: string;
  kind: Actor['kind'];
  name: string;
  organization: string | null;
  members: { id: string; name: string }[];
}

export function presentActor(actor: Actor, lang: Language): ActorSummary {
  return {
    id: actor.id,
    kind: actor.kind,
    name: actor.names[lang],
    organization: actor.organization ?? null,
    members: (actor.members ?? []).map((m) => ({ id: m, name: actorName(m, lang) })),
  };
}

/** The catalogue with how many listed mandates name each actor (directly or as a member of a group named). */
export async function listActors(db: Database, lang: Language): Promise<(ActorSummary & { mandates: number })[]> {
  const counts = await db.query<{ id: string; n: number }>(
    sql`SELECT a AS id, count(*) AS n FROM mandates m, unnest(m.actor_ids) AS a WHERE m.present AND NOT m.not_mandate GROUP BY a`,
  );
  const byId = new Map(counts.map((c) => [c.id, Number(c.n)]));
  // An actor merged into another is listed as that one.
  const { survivor } = await actorOverlay(db);
  return ACTORS.filter((a) => !survivor.has(a.id))
    .map((a) => ({ ...presentActor(a, lang), mandates: byId.get(a.id) ?? 0 }))
    .sort((x, y) => y.mandates - x.mandates || x.name.localeCompare(y.name, lang));
}

// ---------------------------------------------------------------------------------------------
// Refresh from the requested actions

interface Extracted {
  key: string;
  eid: string;
  ordinal: number;
  position: number;
  paragraph: string | null;
  verb: string;
  verbText: string;
  force: MandateForce;
  actors: { id: string | null; text: string }[];
  object: string;
  deadline: DeadlineValue | null;
}

export interface DeadlineValue {
  text: string;
  from: string | null;
  to: string | null;
  recurrence: string | null;
}

/** The fields a reviewer may correct, with the value each correction holds. */
export interface Corrections {
  actors?: string[];
  object?: string;
  deadline?: DeadlineValue | null;
  force?: MandateForce;
  notMandate?: { value: boolean; reason: string | null };
}
export const correctableFields = ['actors', 'object', 'deadline', 'force', 'notMandate'] as const;
export type CorrectableField = (typeof correctableFields)[number];

/** The language version requests are read from: English when the document has it, else the first read. */
async function referenceVersion(db: Database, documentId: string): Promise<{ id: number; lang: Language } | undefined> {
  const [version] = await db.query<{ id: number; lang: Language }>(
    sql`SELECT id, lang FROM document_versions WHERE document_id = ${documentId} ORDER BY (lang = 'en') DESC, id LIMIT 1`,
  );
  return version ? { id: Number(version.id), lang: version.lang } : undefined;
}

async function extracted(db: Database, versionId: number): Promise<Extracted[]> {
  const rows = await db.query<{
    eid: string;
    position: number;
    number: string | null;
    parent_number: string | null;
    verb: string;
    verb_text: string;
    force: string;
    actors: { id: string | null; text: string }[];
    object: string;
    deadline_text: string | null;
    deadline_from: string | null;
    deadline_to: string | null;
    deadline_recurrence: string | null;
  }>(
    sql`SELECT p.eid, p.position, p.number, pp.number AS parent_number, a.verb, a.verb_text, a.force, a.actors, a.object,
               a.deadline_text, a.deadline_from::text AS deadline_from, a.deadline_to::text AS deadline_to, a.deadline_recurrence
        FROM requested_actions a JOIN document_paragraphs p ON p.id = a.paragraph_id
        LEFT JOIN document_paragraphs pp ON pp.version_id = p.version_id AND pp.eid = p.parent_eid
        WHERE a.version_id = ${versionId} AND a.force <> 'position'
        ORDER BY p.position, a.id`,
  );
  const seen = new Map<string, number>();
  const out: Extracted[] = [];
  for (const r of rows) {
    if (!isMandateForce(r.force)) continue;
    const ordinal = (seen.get(r.eid) ?? 0) + 1;
    seen.set(r.eid, ordinal);
    out.push({
      key: `${r.eid}|${ordinal}`,
      eid: r.eid,
      ordinal,
      position: r.position,
      paragraph: r.parent_number && r.number ? `${r.parent_number} (${r.number})` : r.number,
      verb: r.verb,
      verbText: r.verb_text,
      force: r.force,
      actors: r.actors,
      object: r.object,
      deadline: r.deadline_text
        ? { text: r.deadline_text, from: r.deadline_from, to: r.deadline_to, recurrence: r.deadline_recurrence }
        : null,
    });
  }
  return out;
}

/** A mandate's fields with the reviewers' corrections, merges and added names over what was read. */
function corrected(e: Extracted, c: Corrections, lang: string, overlay: ActorOverlay) {
  const { actors, actorIds } = addressed(
    c.actors ? c.actors.map((id) => ({ id, text: e.actors.find((a) => a.id === id)?.text ?? '' })) : e.actors,
    lang,
    overlay,
  );
  const deadline = c.deadline !== undefined ? c.deadline : e.deadline;
  return {
    ...e,
    force: c.force ?? e.force,
    object: c.object ?? e.object,
    actors,
    actorIds,
    deadline,
    notMandate: c.notMandate?.value ?? false,
    notMandateReason: c.notMandate?.reason ?? null,
  };
}

/**
 * Brings a document's mandates in step with its requested actions, in the caller's transaction
 * (documents/service.ts calls it each time a version is stored). Corrections are applied again;
 * a request a re-read no longer finds is dropped, unless corrections or answers hold on to it
 * (then it is kept, marked absent).
 */
export async function refreshMandates(tx: Database, documentId: string): Promise<number> {
  const version = await referenceVersion(tx, documentId);
  const found = version ? await extracted(tx, version.id) : [];
  const keyOf = (k: string) => `${documentId}|${k}`;
  const held = await tx.query<{ key: string; field: CorrectableField; value: unknown }>(
    sql`SELECT m.key, c.field, c.value FROM mandate_corrections c JOIN mandates m ON m.id = c.mandate_id WHERE m.document_id = ${documentId}`,
  );
  const corrections = new Map<string, Corrections>();
  for (const h of held) {
    const c = corrections.get(h.key) ?? {};
    (c as Record<string, unknown>)[h.field] = h.value;
    corrections.set(h.key, c);
  }
  const overlay = await actorOverlay(tx);
  const rows = found.map((e) => corrected(e, corrections.get(keyOf(e.key)) ?? {}, version?.lang ?? 'en', overlay));
  const [doc] = await tx.query<{ date: string | null }>(sql`SELECT date::text AS date FROM documents WHERE id = ${documentId}`);
  const documentDate = doc?.date ?? null;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await tx.query(
      sql`INSERT INTO mandates (key, document_id, document_date, eid, ordinal, position, paragraph, lang, verb, verb_text, force, actors, actor_ids, object,
                                deadline_text, deadline_from, deadline_to, deadline_recurrence, not_mandate, not_mandate_reason, present, updated_at)
          VALUES ${join(
            batch.map(
              (m) =>
                sql`(${keyOf(m.key)}, ${documentId}, ${documentDate}::date, ${m.eid}, ${m.ordinal}, ${m.position}, ${m.paragraph}, ${version?.lang ?? 'en'}, ${m.verb},
                     ${m.verbText}, ${m.force}, ${JSON.stringify(m.actors)}::jsonb, ${pgTextArray(m.actorIds)}::text[], ${m.object},
                     ${m.deadline?.text ?? null}, ${m.deadline?.from ?? null}::date, ${m.deadline?.to ?? null}::date,
                     ${m.deadline?.recurrence ?? null}, ${m.notMandate}, ${m.notMandateReason}, true, now())`,
            ),
          )}
          ON CONFLICT (key) DO UPDATE SET document_date = excluded.document_date, position = excluded.position, paragraph = excluded.paragraph, lang = excluded.lang,
            verb = excluded.verb, verb_text = excluded.verb_text, force = excluded.force, actors = excluded.actors,
            actor_ids = excluded.actor_ids, object = excluded.object, deadline_text = excluded.deadline_text,
            deadline_from = excluded.deadline_from, deadline_to = excluded.deadline_to, deadline_recurrence = excluded.deadline_recurrence,
            not_mandate = excluded.not_mandate, not_mandate_reason = excluded.not_mandate_reason, present = true, updated_at = now()`,
    );
  }
  const keys = pgTextArray(rows.map((m) => keyOf(m.key)));
  await tx.query(
    sql`DELETE FROM mandates m WHERE m.document_id = ${documentId} AND NOT (m.key = ANY(${keys}::text[]))
          AND NOT EXISTS (SELECT 1 FROM mandate_corrections c WHERE c.mandate_id = m.id)
          AND NOT EXISTS (SELECT 1 FROM mandate_answers a WHERE a.mandate_id = m.id)`,
  );
  await tx.query(
    sql`UPDATE mandates SET present = false, updated_at = now()
        WHERE document_id = ${documentId} AND present AND NOT (key = ANY(${keys}::text[]))`,
  );
  // Requests this document renews, or that a later document renews, are suggested as superseded.
  await suggestRenewals(tx, documentId);
  return rows.length;
}

/** Refreshes every document's mandates, one document per transaction (a store read before the tracker existed). */
export async function refreshAllMandates(store: Store): Promise<number> {
  const ids = await store.db.query<{ id: string }>(sql`SELECT id FROM documents ORDER BY id`);
  let n = 0;
  for (const { id } of ids) n += await store.transaction((tx) => refreshMandates(tx, id));
  return n;
}

// ---------------------------------------------------------------------------------------------
// Reads

export interface MandateFilter {
  /** An actor id: mandates that ask it, by name or as a member of a group named. */
  actor?: string | undefined;
  /** A document id or symbol. */
  document?: string | undefined;
  /** A framework element: mandates whose paragraph is linked (confirmed) to it or to an element under it. */
  element?: string | undefined;
  /** Mandates whose deadline falls (partly) in this year. */
  year?: number | undefined;
  status?: MandateStatus | undefined;
  force?: MandateForce | undefined;
  /** Only mandates no confirmed answer links to (the implementation map's gaps). */
  unanswered?: boolean | undefined;
  /** The day status is computed for (YYYY-MM-DD); today by default. */
  asOf?: string | undefined;
  order?: 'document' | 'deadline';
  /**
   * Whether the counts may come from the registry revision's cache (the default). A narrow list
   * (one element's paragraphs) counts in less than reading the revision would cost.
   */
  cacheCounts?: boolean;
  limit?: number;
  offset?: number;
}

export interface MandateView {
  id: number;
  document: { id: string; symbol: string | null; date: string | null };
  paragraph: string | null;
  eid: string;
  lang: Language;
  verb: string;
  verbText: string;
  force: MandateForce;
  actors: { id: string | null; name: string; text: string }[];
  /** Each actor asked, groups expanded ("the action-line facilitators" -> each facilitator). */
  askedIds: string[];
  object: string;
  deadline: DeadlineValue | null;
  status: MandateStatus;
  /** Why it has that status: a catalog key and its values. */
  rule: { key: StatusRuleKey; values: Record<string, string> };
  notMandate: boolean;
  notMandateReason: string | null;
}

export type StatusRuleKey =
  | 'mandate.rule.open'
  | 'mandate.rule.openNoDeadline'
  | 'mandate.rule.inProgress'
  | 'mandate.rule.delivered'
  | 'mandate.rule.overdue'
  | 'mandate.rule.superseded';

export const today = (): string => new Date().toISOString().slice(0, 10);

/** What confirmed answers make of each answered mandate: superseded, delivered, under way. */
const EFFECTS = sql`SELECT a.mandate_id,
    bool_or(a.relation = 'supersedes') AS superseded,
    bool_or(a.relation = 'answers' AND (a.kind = 'document'
      OR (a.kind = 'roadmap-node' AND n.status = 'completed' AND nr.state = 'published')
      OR (a.kind = 'initiative' AND i.status = 'completed' AND i.state = 'published'))) AS delivered,
    bool_or(a.relation = 'answers' AND ((a.kind = 'roadmap' AND r.state = 'published')
      OR (a.kind = 'roadmap-node' AND nr.state = 'published' AND n.status <> 'cancelled')
      OR (a.kind = 'initiative' AND i.state = 'published' AND i.status <> 'discontinued')
      OR (a.kind = 'pledge' AND coalesce(p.state, pi.state) = 'published'))) AS underway
  FROM mandate_answers a
  LEFT JOIN roadmaps r ON a.kind = 'roadmap' AND r.id = a.target_id
  LEFT JOIN roadmap_nodes n ON a.kind = 'roadmap-node' AND n.id = a.target_id
  LEFT JOIN roadmaps nr ON nr.id = n.roadmap_id
  LEFT JOIN initiatives i ON a.kind = 'initiative' AND i.id = a.target_id
  LEFT JOIN pledges p ON a.kind = 'pledge' AND p.id = a.target_id
  LEFT JOIN initiatives pi ON pi.id = p.initiative_id
  WHERE a.state = 'confirmed'
  GROUP BY a.mandate_id`;

/** The status rule, in SQL (the rule text shown beside each status says the same). */
const statusOf = (asOf: string) => sql`CASE WHEN e.superseded THEN 'superseded' WHEN e.delivered THEN 'delivered'
  WHEN m.deadline_to < ${asOf}::date THEN 'overdue' WHEN e.underway THEN 'in-progress' ELSE 'open' END`;

const FROM = sql`FROM mandates m JOIN documents d ON d.id = m.document_id LEFT JOIN effects e ON e.mandate_id = m.id`;

function conditions(filter: MandateFilter, skip: 'status' | 'force' | null = null): Sql[] {
  const where: Sql[] = [sql`m.present`, sql`NOT m.not_mandate`];
  if (filter.actor) where.push(sql`m.actor_ids @> ARRAY[${filter.actor}]::text[]`);
  if (filter.document !== undefined) where.push(sql`m.document_id = ${filter.document}`);
  if (filter.element)
    where.push(
      sql`EXISTS (SELECT 1 FROM document_paragraphs p WHERE p.document_id = m.document_id AND p.eid = m.eid
                    AND p.element_closure @> ARRAY[${filter.element}]::text[])`,
    );
  if (filter.year) where.push(sql`m.deadline_from <= ${`${filter.year}-12-31`}::date AND m.deadline_to >= ${`${filter.year}-01-01`}::date`);
  if (filter.unanswered) where.push(sql`NOT EXISTS (SELECT 1 FROM mandate_answers a WHERE a.mandate_id = m.id AND a.state = 'confirmed')`);
  if (filter.force && skip !== 'force') where.push(sql`m.force = ${filter.force}`);
  if (filter.status && skip !== 'status') {
    const asOf = filter.asOf ?? today();
    where.push(sql`${statusOf(asOf)} = ${filter.status}`);
    // What the rule implies, in terms an index can use: overdue needs a past deadline; open and in
    // progress a deadline not yet passed (or none); delivered and superseded a confirmed answer.
    if (filter.status === 'overdue') where.push(sql`m.deadline_to < ${asOf}::date`);
    else if (filter.status === 'open' || filter.status === 'in-progress')
      where.push(sql`(m.deadline_to IS NULL OR m.deadline_to >= ${asOf}::date)`);
    else where.push(sql`m.id IN (SELECT a.mandate_id FROM mandate_answers a WHERE a.state = 'confirmed')`);
  }
  return where;
}

interface MandateRow {
  id: number;
  document_id: string;
  symbol: string | null;
  date: string | null;
  paragraph: string | null;
  eid: string;
  lang: Language;
  verb: string;
  verb_text: string;
  force: string;
  actors: { id: string | null; text: string }[];
  actor_ids: string[];
  object: string;
  deadline_text: string | null;
  deadline_from: string | null;
  deadline_to: string | null;
  deadline_recurrence: string | null;
  not_mandate: boolean;
  not_mandate_reason: string | null;
  status: MandateStatus;
}

const COLUMNS = sql`m.id, m.document_id, d.symbol, d.date::text AS date, m.paragraph, m.eid, m.lang, m.verb, m.verb_text, m.force, m.actors,
  m.actor_ids, m.object, m.deadline_text, m.deadline_from::text AS deadline_from, m.deadline_to::text AS deadline_to, m.deadline_recurrence,
  m.not_mandate, m.not_mandate_reason`;

function present(r: MandateRow, lang: Language, asOf: string): MandateView {
  const deadline = r.deadline_text
    ? { text: r.deadline_text, from: r.deadline_from, to: r.deadline_to, recurrence: r.deadline_recurrence }
    : null;
  return {
    id: Number(r.id),
    document: { id: r.document_id, symbol: r.symbol, date: r.date },
    paragraph: r.paragraph,
    eid: r.eid,
    lang: r.lang,
    verb: r.verb,
    verbText: r.verb_text,
    force: isMandateForce(r.force) ? r.force : 'request',
    actors: r.actors.map((a) => ({ id: a.id, name: a.id ? actorName(a.id, lang) : a.text, text: a.text })),
    askedIds: r.actor_ids,
    object: r.object,
    deadline,
    status: r.status,
    rule: ruleOf(r.status, deadline, asOf),
    notMandate: r.not_mandate,
    notMandateReason: r.not_mandate_reason,
  };
}

function ruleOf(status: MandateStatus, deadline: DeadlineValue | null, asOf: string): MandateView['rule'] {
  const due = deadline?.to ?? '';
  switch (status) {
    case 'superseded':
      return { key: 'mandate.rule.superseded', values: {} };
    case 'delivered':
      return { key: 'mandate.rule.delivered', values: {} };
    case 'overdue':
      return { key: 'mandate.rule.overdue', values: { date: due, asOf } };
    case 'in-progress':
      return { key: 'mandate.rule.inProgress', values: { date: due || '—' } };
    case 'open':
      return due ? { key: 'mandate.rule.open', values: { date: due, asOf } } : { key: 'mandate.rule.openNoDeadline', values: {} };
  }
}

export interface MandateList {
  total: number;
  items: MandateView[];
  /** Mandates per status (with every filter but status) and per force (with every filter but force). */
  counts: { status: Record<MandateStatus, number>; force: Record<MandateForce, number> };
  asOf: string;
}

/**
 * Mandates, filtered, with their status on `asOf` and the counts per status and per force.
 *
 * @example
 * const { items } = await listMandates(db, 'en', { document: 'A/RES/80/173' });
 * items.find((m) => m.paragraph === '122')?.actors[0]?.id; // 'body.ungis'
 */
export async function listMandates(db: Database, lang: Language, filter: MandateFilter = {}): Promise<MandateList> {
  const asOf = filter.asOf ?? today();
  // A symbol is looked up once, so that the mandates are read by their document index.
  const document = filter.document ? await documentIdOf(db, filter.document) : undefined;
  // An actor merged into another is asked as that one.
  const actor = filter.actor ? await survivorOf(db, filter.actor) : undefined;
  const f = { ...filter, asOf, document, actor };
  const order =
    filter.order === 'deadline'
      ? sql`m.deadline_to NULLS LAST, m.document_date DESC NULLS LAST, m.document_id, m.position, m.ordinal`
      : sql`m.document_date DESC NULLS LAST, m.document_id, m.position, m.ordinal`;
  const [rows, counts] = await Promise.all([
    // The page's ids first, then their rows and documents: joined before the limit, the documents
    // were read for every mandate the filter keeps (18,000 for "Member States, open").
    db.query<MandateRow>(
      sql`WITH effects AS (${EFFECTS}), page AS (
            SELECT m.id, ${statusOf(asOf)} AS status FROM mandates m LEFT JOIN effects e ON e.mandate_id = m.id
            WHERE ${join(conditions(f), ' AND ')}
            ORDER BY ${order} LIMIT ${filter.limit ?? 100} OFFSET ${filter.offset ?? 0})
          SELECT ${COLUMNS}, page.status
          FROM page JOIN mandates m ON m.id = page.id JOIN documents d ON d.id = m.document_id
          ORDER BY ${order}`,
    ),
    // Counting reads every mandate the filter keeps (57,000 with no filter on the whole corpus): kept
    // under the registry revision, which every write to mandates, their answers and what answers them
    // moves forward (migration mandates_revision), so a count is never older than the last change.
    filter.cacheCounts === false
      ? countMandates(db, f)
      : atRevision(
          db,
          `mandates:counts ${JSON.stringify([asOf, document, actor, f.element, f.year, f.unanswered, f.status, f.force])}`,
          () => countMandates(db, f),
        ),
  ]);
  // The rows listed are those of the status asked for (or all statuses), of the force filter applied.
  const total = filter.status ? counts.status[filter.status] : Object.values(counts.status).reduce((a, b) => a + b, 0);
  return { total, items: rows.map((r) => present(r, lang, asOf)), counts, asOf };
}

/** Mandates per status (with every filter but status) and per force (with every filter but force), in one pass. */
async function countMandates(db: Database, f: MandateFilter & { asOf: string }): Promise<MandateList['counts']> {
  const [counted] = await db.query<Record<string, number>>(
    sql`WITH effects AS (${EFFECTS}), filtered AS (
          SELECT ${statusOf(f.asOf)} AS status, m.force FROM mandates m LEFT JOIN effects e ON e.mandate_id = m.id
          WHERE ${join(conditions({ ...f, status: undefined, force: undefined }), ' AND ')})
        SELECT ${join(
          [
            ...mandateStatuses.map(
              (s) => sql`count(*) FILTER (WHERE status = ${s} AND ${forceFilterOn(f.force)}) AS ${raw(`"status:${s}"`)}`,
            ),
            ...mandateForces.map(
              (x) => sql`count(*) FILTER (WHERE force = ${x} AND ${statusFilterOn(f.status)}) AS ${raw(`"force:${x}"`)}`,
            ),
          ],
          ', ',
        )}
        FROM filtered`,
  );
  return {
    status: Object.fromEntries(mandateStatuses.map((s) => [s, Number(counted?.[`status:${s}`] ?? 0)])) as Record<MandateStatus, number>,
    force: Object.fromEntries(mandateForces.map((x) => [x, Number(counted?.[`force:${x}`] ?? 0)])) as Record<MandateForce, number>,
  };
}

const forceFilterOn = (force: MandateForce | undefined): Sql => (force ? sql`force = ${force}` : sql`true`);
const statusFilterOn = (status: MandateStatus | undefined): Sql => (status ? sql`status = ${status}` : sql`true`);

/** The id of a document given by id or symbol; a document Concord does not hold matches nothing. */
async function documentIdOf(db: Database, idOrSymbol: string): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    sql`SELECT id FROM documents WHERE id = ${idOrSymbol} OR upper(symbol) = upper(${idOrSymbol}) ORDER BY (id = ${idOrSymbol}) DESC LIMIT 1`,
  );
  return row?.id ?? '';
}

export interface AnswerView {
  id: number;
  kind: AnswerKind;
  targetId: string;
  /** The answering record's title (a roadmap, an activity, an initiative, a pledge's metric, a document's symbol). */
  title: string | null;
  relation: AnswerRelation;
  evidence: string;
  state: AnswerState;
  proposedBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface MandateDetail extends MandateView {
  /** The source paragraph in every language version the document has. */
  texts: { lang: Language; text: string }[];
  /** The framework elements the paragraph is linked to (suggested or confirmed). */
  elements: { id: string; state: string }[];
  answers: AnswerView[];
  /** Later documents that cite the paragraph or the resolution, not yet linked: candidates for a reviewer. */
  suggestions: { documentId: string; symbol: string | null; date: string | null; citesParagraph: boolean }[];
  corrections: { field: string; value: unknown; reason: string | null; by: string; at: string }[];
  present: boolean;
}

/** One mandate, listed or not (a reviewer may reopen one marked as not a mandate). */
export async function getMandate(db: Database, id: number, lang: Language, asOf: string = today()): Promise<MandateDetail | undefined> {
  const [row] = await db.query<MandateRow & { present: boolean }>(
    sql`WITH effects AS (${EFFECTS}) SELECT ${COLUMNS}, m.present, ${statusOf(asOf)} AS status ${FROM} WHERE m.id = ${id}`,
  );
  if (!row) return undefined;
  const view = present(row, lang, asOf);
  const [texts, elements, answers, suggestions, corrections] = await Promise.all([
    db.query<{ lang: Language; text: string }>(
      sql`SELECT lang, text FROM document_paragraphs WHERE document_id = ${row.document_id} AND eid = ${row.eid}
          ORDER BY array_position(ARRAY['ar','zh','en','fr','ru','es'], lang)`,
    ),
    db.query<{ id: string; state: string }>(
      sql`SELECT l.element_id AS id, max(l.state) AS state FROM paragraph_links l JOIN document_paragraphs p ON p.id = l.paragraph_id
          WHERE p.document_id = ${row.document_id} AND p.eid = ${row.eid} AND l.state <> 'rejected'
          GROUP BY l.element_id ORDER BY max(l.state), l.element_id`,
    ),
    answersOf(db, [id]),
    db.query<{ document_id: string; symbol: string | null; date: string | null; cites_paragraph: boolean }>(
      sql`SELECT r.document_id, d2.symbol, d2.date::text AS date, bool_or(r.paragraph IS NOT NULL AND ${row.paragraph !== null} AND r.paragraph ~ ${`(^|\\D)${(row.paragraph ?? '').split(' ')[0]}(\\D|$)`}) AS cites_paragraph
          FROM document_references r JOIN documents d2 ON d2.id = r.document_id JOIN documents d ON d.id = ${row.document_id}
          WHERE r.target_document_id = d.id AND r.document_id <> d.id AND (d.date IS NULL OR d2.date IS NULL OR d2.date > d.date)
            AND NOT EXISTS (SELECT 1 FROM mandate_answers a WHERE a.mandate_id = ${id} AND a.kind = 'document' AND a.target_id = r.document_id)
          GROUP BY r.document_id, d2.symbol, d2.date ORDER BY bool_or(r.paragraph IS NOT NULL) DESC, d2.date LIMIT 10`,
    ),
    db.query<{ field: string; value: unknown; reason: string | null; corrected_by: string; corrected_at: string }>(
      sql`SELECT field, value, reason, corrected_by, corrected_at FROM mandate_corrections WHERE mandate_id = ${id} ORDER BY field`,
    ),
  ]);
  return {
    ...view,
    texts,
    elements,
    answers: answers.get(id) ?? [],
    suggestions: suggestions.map((s) => ({ documentId: s.document_id, symbol: s.symbol, date: s.date, citesParagraph: s.cites_paragraph })),
    corrections: corrections.map((c) => ({ field: c.field, value: c.value, reason: c.reason, by: c.corrected_by, at: c.corrected_at })),
    present: row.present,
  };
}

/** The answers of some mandates, with the title of what answers. */
export async function answersOf(db: Database, mandateIds: number[]): Promise<Map<number, AnswerView[]>> {
  const out = new Map<number, AnswerView[]>();
  if (mandateIds.length === 0) return out;
  const rows = await db.query<{
    id: number;
    mandate_id: number;
    kind: AnswerKind;
    target_id: string;
    title: string | null;
    relation: AnswerRelation;
    evidence: string;
    state: AnswerState;
    proposed_by: string;
    decided_by: string | null;
    decided_at: string | null;
    created_at: string;
  }>(
    sql`SELECT a.id, a.mandate_id, a.kind, a.target_id, a.relation, a.evidence, a.state, a.proposed_by, a.decided_by, a.decided_at, a.created_at,
               coalesce(r.title, n.title, (SELECT x.title FROM initiative_texts x WHERE x.initiative_id = a.target_id ORDER BY (x.lang = 'en') DESC LIMIT 1), p.metric, d.symbol) AS title
        FROM mandate_answers a
        LEFT JOIN roadmaps r ON a.kind = 'roadmap' AND r.id = a.target_id
        LEFT JOIN roadmap_nodes n ON a.kind = 'roadmap-node' AND n.id = a.target_id
        LEFT JOIN pledges p ON a.kind = 'pledge' AND p.id = a.target_id
        LEFT JOIN documents d ON a.kind = 'document' AND d.id = a.target_id
        WHERE a.mandate_id = ANY(${`{${mandateIds.join(',')}}`}::bigint[]) ORDER BY a.created_at, a.id`,
  );
  for (const r of rows) {
    const list = out.get(Number(r.mandate_id)) ?? [];
    list.push({
      id: Number(r.id),
      kind: r.kind,
      targetId: r.target_id,
      title: r.title,
      relation: r.relation,
      evidence: r.evidence,
      state: r.state,
      proposedBy: r.proposed_by,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      createdAt: r.created_at,
    });
    out.set(Number(r.mandate_id), list);
  }
  return out;
}

/**
 * How many listed mandates fall due in a year, per framework element (each counting the mandates
 * of paragraphs linked to it or to an element under it), in one grouped count: the home page asks
 * it for every GDC objective at once.
 *
 * @example
 * await mandatesDueByElement(db, { year: 2026, elements: ['gdc.obj.1', 'gdc.obj.2'] }) // Map { 'gdc.obj.1' => 12, 'gdc.obj.2' => 0 }
 */
export async function mandatesDueByElement(
  db: Database,
  options: { year: number; elements: readonly string[] },
): Promise<Map<string, number>> {
  const out = new Map<string, number>(options.elements.map((e) => [e, 0]));
  if (options.elements.length === 0) return out;
  const rows = await db.query<{ element: string; n: number }>(
    sql`SELECT x.element, count(*) AS n
        FROM unnest(${pgTextArray([...options.elements])}::text[]) AS x(element)
        JOIN mandates m ON m.present AND NOT m.not_mandate
          AND m.deadline_from <= ${`${options.year}-12-31`}::date AND m.deadline_to >= ${`${options.year}-01-01`}::date
          AND EXISTS (SELECT 1 FROM document_paragraphs p WHERE p.document_id = m.document_id AND p.eid = m.eid
                        AND p.element_closure @> ARRAY[x.element]::text[])
        GROUP BY x.element`,
  );
  for (const r of rows) out.set(r.element, Number(r.n));
  return out;
}

/** Mandates of paragraphs linked to an element, or to an element under it (for element pages and the map). */
export async function mandatesOfElement(db: Database, lang: Language, elementId: string, limit = 50): Promise<MandateList> {
  return listMandates(db, lang, { element: elementId, order: 'deadline', limit, cacheCounts: false });
}

// ---------------------------------------------------------------------------------------------
// Writes

/**
 * A reviewer corrects one field of a mandate (or marks it as not one); the correction replaces
 * any earlier one of that field, is kept with who and when, and is re-applied on every re-read.
 */
export async function correctMandate(
  store: Store,
  user: User,
  id: number,
  correction: Corrections & { reason?: string | null | undefined },
): Promise<void> {
  if (!isReviewer(user)) throw new Refusal(403, 'review.notReviewer');
  for (const a of correction.actors ?? []) if (!actorById(a)) throw new Refusal(400, 'mandate.error.unknownActor', 'actors', { id: a });
  await store.transaction(async (tx) => {
    const [before] = await tx.query<{
      actors: { id: string | null; text: string }[];
      object: string;
      force: string;
      not_mandate: boolean;
      not_mandate_reason: string | null;
      deadline_text: string | null;
      deadline_from: string | null;
      deadline_to: string | null;
      deadline_recurrence: string | null;
    }>(
      sql`SELECT actors, object, force, not_mandate, not_mandate_reason, deadline_text, deadline_from::text AS deadline_from,
                 deadline_to::text AS deadline_to, deadline_recurrence FROM mandates WHERE id = ${id} FOR UPDATE`,
    );
    if (!before) throw new Refusal(404, 'mandate.error.notFound');
    const was: Record<string, unknown> = {};
    const now: Record<string, unknown> = {};
    const sets: Sql[] = [];
    const keep = async (field: CorrectableField, value: unknown) => {
      await tx.query(
        sql`INSERT INTO mandate_corrections (mandate_id, field, value, reason, corrected_by) VALUES (${id}, ${field}, ${JSON.stringify(value)}::jsonb,
              ${correction.reason ?? null}, ${user.id})
            ON CONFLICT (mandate_id, field) DO UPDATE SET value = excluded.value, reason = excluded.reason,
              corrected_by = excluded.corrected_by, corrected_at = now()`,
      );
    };
    if (correction.actors) {
      // A merged actor is corrected to the one that remains, as a re-read would make it.
      const overlay = await actorOverlay(tx);
      const { actors, actorIds } = addressed(
        correction.actors.map((a) => ({ id: a, text: before.actors.find((b) => b.id === a)?.text ?? '' })),
        'en',
        overlay,
      );
      was.actors = before.actors.map((a) => a.id ?? a.text);
      now.actors = correction.actors;
      sets.push(sql`actors = ${JSON.stringify(actors)}::jsonb, actor_ids = ${pgTextArray(actorIds)}::text[]`);
      await keep('actors', correction.actors);
    }
    if (correction.object !== undefined) {
      was.object = before.object;
      now.object = correction.object;
      sets.push(sql`object = ${correction.object}`);
      await keep('object', correction.object);
    }
    if (correction.force) {
      was.force = before.force;
      now.force = correction.force;
      sets.push(sql`force = ${correction.force}`);
      await keep('force', correction.force);
    }
    if (correction.deadline !== undefined) {
      const d = correction.deadline;
      was.deadline = before.deadline_text ? { text: before.deadline_text, from: before.deadline_from, to: before.deadline_to } : null;
      now.deadline = d;
      sets.push(
        sql`deadline_text = ${d?.text ?? null}, deadline_from = ${d?.from ?? null}::date, deadline_to = ${d?.to ?? null}::date,
            deadline_recurrence = ${d?.recurrence ?? null}`,
      );
      await keep('deadline', d);
    }
    if (correction.notMandate) {
      was.notMandate = before.not_mandate;
      now.notMandate = correction.notMandate.value;
      sets.push(sql`not_mandate = ${correction.notMandate.value}, not_mandate_reason = ${correction.notMandate.reason}`);
      await keep('notMandate', correction.notMandate);
    }
    if (sets.length === 0) throw new Refusal(400, 'mandate.error.nothingToCorrect');
    await tx.query(sql`UPDATE mandates SET ${join(sets, ', ')}, updated_at = now() WHERE id = ${id}`);
    await recordChange(tx, {
      entity: 'mandate',
      entityId: String(id),
      action: 'correct',
      actor: user.id,
      before: was,
      after: now,
      note: correction.reason ?? null,
    });
  });
}

export interface AnswerInput {
  kind: AnswerKind;
  targetId: string;
  relation: AnswerRelation;
  evidence: string;
}

/** The organization that owns an answering record (whose members may propose it), or null for documents. */
async function ownerOf(db: Database, kind: AnswerKind, targetId: string): Promise<{ exists: boolean; organization: string | null }> {
  const query: Record<AnswerKind, Sql> = {
    roadmap: sql`SELECT owner_organization_id AS org FROM roadmaps WHERE id = ${targetId}`,
    'roadmap-node': sql`SELECT r.owner_organization_id AS org FROM roadmap_nodes n JOIN roadmaps r ON r.id = n.roadmap_id WHERE n.id = ${targetId}`,
    initiative: sql`SELECT lead_organization_id AS org FROM initiatives WHERE id = ${targetId}`,
    pledge: sql`SELECT coalesce(p.organization_id, i.lead_organization_id) AS org FROM pledges p LEFT JOIN initiatives i ON i.id = p.initiative_id WHERE p.id = ${targetId}`,
    document: sql`SELECT NULL::text AS org FROM documents WHERE id = ${targetId}`,
  };
  const [row] = await db.query<{ org: string | null }>(query[kind]);
  return { exists: row !== undefined, organization: row?.org ?? null };
}

/**
 * Links a record to a mandate it answers (or, for a later document, supersedes). The record's
 * owners propose; a reviewer's own link is confirmed at once. Documents have no owner: any
 * signed-in contributor may propose one, a reviewer confirms.
 */
export async function proposeAnswer(store: Store, user: User, mandateId: number, input: AnswerInput): Promise<number> {
  if (input.relation === 'supersedes' && input.kind !== 'document') throw new Refusal(400, 'mandate.error.supersedesDocument', 'relation');
  const [mandate] = await store.db.query<{ id: number }>(sql`SELECT id FROM mandates WHERE id = ${mandateId}`);
  if (!mandate) throw new Refusal(404, 'mandate.error.notFound');
  const owner = await ownerOf(store.db, input.kind, input.targetId);
  if (!owner.exists) throw new Refusal(400, 'mandate.error.unknownTarget', 'targetId');
  const reviewer = isReviewer(user);
  if (!reviewer && owner.organization && !(await mayEditFor(store.db, user, owner.organization)))
    throw new Refusal(403, 'mandate.error.notOwner', 'targetId');
  return store.transaction(async (tx) => {
    const state: AnswerState = reviewer ? 'confirmed' : 'proposed';
    const [row] = await tx.query<{ id: number }>(
      sql`INSERT INTO mandate_answers (mandate_id, kind, target_id, relation, evidence, state, proposed_by, decided_by, decided_at)
          VALUES (${mandateId}, ${input.kind}, ${input.targetId}, ${input.relation}, ${input.evidence}, ${state}, ${user.id},
                  ${reviewer ? user.id : null}, ${reviewer ? sql`now()` : null})
          ON CONFLICT (mandate_id, kind, target_id) DO NOTHING RETURNING id`,
    );
    if (!row) throw new Refusal(409, 'mandate.error.alreadyLinked', 'targetId');
    await recordChange(tx, {
      entity: 'mandate',
      entityId: String(mandateId),
      action: 'answer',
      actor: user.id,
      after: { answer: Number(row.id), kind: input.kind, targetId: input.targetId, relation: input.relation, state },
      note: input.evidence,
    });
    return Number(row.id);
  });
}

/** A reviewer confirms or rejects a proposed answer. */
export async function decideAnswer(store: Store, user: User, answerId: number, decision: 'confirmed' | 'rejected'): Promise<number> {
  if (!isReviewer(user)) throw new Refusal(403, 'review.notReviewer');
  return store.transaction(async (tx) => {
    const [row] = await tx.query<{ mandate_id: number; state: AnswerState }>(
      sql`UPDATE mandate_answers a SET state = ${decision}, decided_by = ${user.id}, decided_at = now()
          FROM (SELECT state FROM mandate_answers WHERE id = ${answerId} FOR UPDATE) old
          WHERE a.id = ${answerId} RETURNING a.mandate_id, old.state`,
    );
    if (!row) throw new Refusal(404, 'mandate.error.answerNotFound');
    await recordChange(tx, {
      entity: 'mandate',
      entityId: String(row.mandate_id),
      action: 'decide-answer',
      actor: user.id,
      before: { answer: answerId, state: row.state },
      after: { answer: answerId, state: decision },
    });
    return Number(row.mandate_id);
  });
}

/** Whether an id names a catalogue actor. */
export const isActor = (id: string): boolean => actorById(id) !== undefined;
