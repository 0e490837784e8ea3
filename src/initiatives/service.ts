// Initiatives: create and edit (by members of the lead organization), submit, review
// (publish, return with a request, reject with a reason), archive; the public registry;
// the history of every change. Authorization is checked here, per record, on every write.
import { randomUUID } from 'node:crypto';
import { sql, join, empty, raw, pgTextArray, type Database, type Sql, type Store } from '../store/index.ts';
import { recordChange, recordChanges } from '../provenance/history.ts';
import { ItemRefusal, Refusal } from '../shared/refusal.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { editableOrganizations, mayEditFor, stakeholderTypes } from '../organizations/service.ts';
import { areaCatalog } from '../areas/index.ts';
import { groupToken, groupTokens } from './area-groups.ts';
import { atRevision } from './registry-cache.ts';
import { publishPendingUpdates } from '../pledges/service.ts';
import { foldForSearch } from '../language/normalize.ts';
import { languages, searchConfig, type Language } from '../language/languages.ts';
import { sourceFilterValues } from '../registries/sources.ts';
import { initiativeStatuses, type InitiativeInput, type InitiativeState, type InitiativeStatus } from './model.ts';

export interface InitiativeText {
  lang: Language;
  title: string;
  description: string;
}

export interface Initiative {
  id: string;
  state: InitiativeState;
  status: InitiativeStatus;
  leadOrganization: { id: string; name: string; stakeholderType: string };
  partners: { organizationId: string; name: string; role: string }[];
  texts: InitiativeText[];
  areas: string[];
  startDate: string | null;
  endDate: string | null;
  budget: { amount: string; currency: string } | null;
  webLinks: { url: string; label: string | null }[];
  links: InitiativeLink[];
  /** Links Concord's matcher proposed from the record's text, awaiting a reviewer: part of no filter or count. */
  suggestedLinks: InitiativeLink[];
  /** Where an imported record came from (src/registries); null for a record made in Concord. */
  source: InitiativeSource | null;
  /** Why Concord archived it (e.g. it left its source registry); null otherwise. */
  archivedReason: string | null;
  reviewNote: string | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

export interface InitiativeLink {
  elementId: string;
  framework: string;
  kind: string;
  code: string;
  type: string;
  evidence: string;
  address: string | null;
  /** Who stated it: null for the record's author, else the registry (`dpga`) or `matcher`. */
  source: string | null;
  /** Reviewed by someone other than the owner at the source (the DPGA's review of a digital public good). */
  reviewedAtSource: boolean;
}

export interface InitiativeSource {
  /** The registry's id (`dpga`). */
  id: string;
  /** The record's identifier there. */
  recordId: string;
  /** The record at the source. */
  url: string | null;
  licence: string | null;
  /** When Concord last read it. */
  readAt: string | null;
  /** Claimed by its organization (confirmed by a reviewer): editable like a record made in Concord. */
  claimed: boolean;
}

export { areaCatalog };

/** Whether the user may change this initiative: a reviewer, or an active member of its lead organization. */
const mayEdit = (db: Database, user: User, leadOrganizationId: string) => mayEditFor(db, user, leadOrganizationId);

/** Checks references and normalizes area codes; refusals name the field. */
export async function checkInput(db: Database, user: User, input: InitiativeInput): Promise<{ areas: string[] }> {
  const [checked] = await checkInputs(db, user, [input]);
  if (checked instanceof Refusal) throw checked;
  return checked!;
}

/**
 * Checks many inputs against the store in three queries whatever their number (an import checks
 * thousands of rows): for each input, its normalized areas or the refusal naming the field.
 */
export async function checkInputs(
  db: Database,
  user: User,
  inputs: readonly InitiativeInput[],
): Promise<({ areas: string[] } | Refusal)[]> {
  const leads = [...new Set(inputs.map((i) => i.leadOrganizationId))];
  const memberOf = isReviewer(user)
    ? new Set(leads)
    : new Set(
        (
          await db.query<{ organization_id: string }>(
            sql`SELECT organization_id FROM memberships WHERE user_id = ${user.id} AND state = 'active' AND organization_id = ANY(${pgTextArray(leads)}::text[])`,
          )
        ).map((r) => r.organization_id),
      );
  const orgIds = [...new Set(inputs.flatMap((i) => [i.leadOrganizationId, ...i.partners.map((p) => p.organizationId)]))];
  const found = new Set(
    (await db.query<{ id: string }>(sql`SELECT id FROM organizations WHERE id = ANY(${pgTextArray(orgIds)}::text[])`)).map((r) => r.id),
  );
  const elementIds = [...new Set(inputs.flatMap((i) => i.links.map((l) => l.elementId)))];
  const known = new Set(
    (await db.query<{ id: string }>(sql`SELECT id FROM elements WHERE id = ANY(${pgTextArray(elementIds)}::text[])`)).map((r) => r.id),
  );
  const areas = await areaCatalog();
  return inputs.map((input) => {
    if (!memberOf.has(input.leadOrganizationId)) return new Refusal(403, 'initiative.notMemberOfLead', 'leadOrganizationId');
    const partner = input.partners.findIndex((p) => !found.has(p.organizationId));
    if (partner >= 0) return new Refusal(400, 'organization.notFound', `partners.${partner}.organizationId`);
    if (!found.has(input.leadOrganizationId)) return new Refusal(400, 'organization.notFound', 'leadOrganizationId');
    const link = input.links.findIndex((l) => !known.has(l.elementId));
    if (link >= 0) return new Refusal(400, 'initiative.elementUnknown', `links.${link}.elementId`, { id: input.links[link]!.elementId });
    const resolved: string[] = [];
    for (const [i, code] of input.areas.entries()) {
      const area = areas.resolve(code);
      if (!area) return new Refusal(400, 'initiative.areaUnknown', `areas.${i}`, { code });
      resolved.push(area);
    }
    return { areas: [...new Set(resolved)] };
  });
}

/** A link as a writer states it: a form's links are the author's; a registry's carry their source. */
type StatedLink = InitiativeInput['links'][number] & { source?: string | null; reviewedAtSource?: boolean };

/**
 * An initiative's own columns as one row of a `jsonb_to_recordset` typed by `initiativeRowColumns`:
 * every writer of initiatives in bulk (creations, staged updates, updates, a registry's load) maps
 * them alike.
 */
export const initiativeRow = (id: string, input: InitiativeInput) => ({
  id,
  lead: input.leadOrganizationId,
  status: input.status,
  start_date: input.startDate,
  end_date: input.endDate,
  budget_amount: input.budget ? String(input.budget.amount) : null,
  budget_currency: input.budget?.currency ?? null,
});

/** The column definitions of `initiativeRow`'s rows. */
export const initiativeRowColumns = sql`id text, lead text, status text, start_date date, end_date date, budget_amount numeric, budget_currency text`;

/**
 * The initiatives' own columns as the rows `r` of one statement (`FROM ${initiativeRows(records)}`),
 * whatever their number: creations, staged updates and updates write the same columns alike.
 */
function initiativeRows(records: readonly { id: string; input: InitiativeInput; replaces?: string }[]): Sql {
  const rows = records.map(({ id, replaces, input }) => ({ ...initiativeRow(id, input), replaces: replaces ?? null }));
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${initiativeRowColumns}, replaces text)`;
}

/** What the edit rule needs of a stored initiative. */
export interface EditedRecord {
  lead: string;
  state: InitiativeState;
  version: number;
  source?: Pick<InitiativeSource, 'id' | 'claimed'> | null;
}

export const editedRecord = (i: Initiative): EditedRecord => ({
  lead: i.leadOrganization.id,
  state: i.state,
  version: i.version,
  source: i.source,
});

/**
 * The rule of an edit, for one record or many (an import): the user may edit for the lead
 * organization, the record is not a registry's until claimed, its state allows a change
 * (reviewers: any state) and, when `version` is given, it is still the version the user read.
 * Returns the refusal, or undefined when the edit may go ahead. Permissions are asked once per
 * lead organization.
 */
export function editRule(db: Database, user: User) {
  const editors = new Map<string, Promise<boolean>>();
  return async (record: EditedRecord, version?: number): Promise<Refusal | undefined> => {
    if (!editors.has(record.lead)) editors.set(record.lead, mayEdit(db, user, record.lead));
    if (!(await editors.get(record.lead))) return new Refusal(403, 'initiative.notYours');
    const unclaimed = importedReadOnly(record);
    if (unclaimed) return unclaimed;
    if (!isReviewer(user) && !['draft', 'returned'].includes(record.state)) return new Refusal(409, 'initiative.notEditable');
    if (version !== undefined && record.version !== version) return new Refusal(409, 'initiative.changedMeanwhile');
    return undefined;
  };
}

/** An initiative's parts to write: its input and its checked areas. */
export interface InitiativeParts {
  id: string;
  input: Omit<InitiativeInput, 'links'> & { links: StatedLink[] };
  areas: string[];
}
type Parts = InitiativeParts;

/**
 * Replaces the texts, partners, areas, links and web links of the given initiatives and their
 * filter closures: one statement per table whatever the number of initiatives (the rows travel as
 * one JSON parameter), so that an import of thousands holds the store for a moment only.
 */
export async function writeParts(tx: Database, records: readonly Parts[]): Promise<void> {
  if (records.length === 0) return;
  const ids = pgTextArray(records.map((r) => r.id));
  for (const table of ['initiative_texts', 'initiative_partners', 'initiative_areas', 'initiative_web_links']) {
    await tx.query(sql`DELETE FROM ${raw(table)} WHERE initiative_id = ANY(${ids}::text[])`);
  }
  // The matcher's suggestions and a reviewer's rejections of them outlive an edit of the record's own links.
  await tx.query(sql`DELETE FROM initiative_links WHERE initiative_id = ANY(${ids}::text[]) AND state = 'confirmed'`);
  const rows = async (list: unknown[], insert: Sql, columns: Sql, after: Sql = empty) => {
    if (list.length) await tx.query(sql`${insert} FROM jsonb_to_recordset(${JSON.stringify(list)}::jsonb) AS r(${columns}) ${after}`);
  };
  await rows(
    records.flatMap(({ id, input }) =>
      input.texts.map((t) => ({
        id,
        lang: t.lang,
        title: t.title,
        description: t.description,
        config: searchConfig[t.lang],
        folded: foldForSearch(`${t.title}\n${t.description}`, t.lang),
      })),
    ),
    sql`INSERT INTO initiative_texts (initiative_id, lang, title, description, search)
        SELECT r.id, r.lang, r.title, r.description, to_tsvector(r.config::regconfig, r.folded)`,
    sql`id text, lang text, title text, description text, config text, folded text`,
  );
  await rows(
    records.flatMap(({ id, input }) =>
      [
        ...new Map(input.partners.filter((p) => p.organizationId !== input.leadOrganizationId).map((p) => [p.organizationId, p])).values(),
      ].map((p) => ({ id, organization: p.organizationId, role: p.role })),
    ),
    sql`INSERT INTO initiative_partners (initiative_id, organization_id, role) SELECT r.id, r.organization, r.role`,
    sql`id text, organization text, role text`,
  );
  await rows(
    records.flatMap(({ id, areas }) => areas.map((area) => ({ id, area }))),
    sql`INSERT INTO initiative_areas (initiative_id, area_code) SELECT r.id, r.area`,
    sql`id text, area text`,
  );
  await rows(
    records.flatMap(({ id, input }) =>
      input.links.map((l) => ({
        id,
        element: l.elementId,
        type: l.type,
        evidence: l.evidence,
        address: l.address,
        source: l.source ?? null,
        reviewed: l.reviewedAtSource ?? false,
      })),
    ),
    sql`INSERT INTO initiative_links (initiative_id, element_id, type, evidence, address, source, reviewed_at_source)
        SELECT r.id, r.element, r.type, r.evidence, r.address, r.source, r.reviewed`,
    sql`id text, element text, type text, evidence text, address text, source text, reviewed boolean`,
    // A link the author now states over a suggestion (or a rejected one) becomes the author's.
    sql`ON CONFLICT (initiative_id, element_id) DO UPDATE
        SET type = excluded.type, evidence = excluded.evidence, address = excluded.address, state = 'confirmed',
            source = excluded.source, reviewed_at_source = excluded.reviewed_at_source`,
  );
  await rows(
    records.flatMap(({ id, input }) =>
      [...new Map(input.webLinks.map((w) => [w.url, w])).values()].map((w) => ({ id, url: w.url, label: w.label })),
    ),
    sql`INSERT INTO initiative_web_links (initiative_id, url, label) SELECT r.id, r.url, r.label`,
    sql`id text, url text, label text`,
  );
  // Closures for the registry's filters: every linked element with its ancestors, every area with
  // its regions, and the country-group tokens (area-groups.ts).
  const catalog = await areaCatalog();
  const closures = records.map(({ id, input, areas }) => ({
    id,
    area_closure: [...new Set(areas.flatMap((a) => [a, ...(catalog.areas.get(a)?.within ?? [])]))].sort(),
    area_groups: groupTokens(catalog, areas),
    elements: input.links.map((l) => l.elementId),
  }));
  await tx.query(
    sql`UPDATE initiatives i SET area_closure = r.area_closure, area_groups = r.area_groups,
          element_closure = coalesce((SELECT array_agg(DISTINCT x ORDER BY x) FROM elements e, unnest(e.ancestors || e.id) AS x
                                      WHERE e.id = ANY(r.elements)), '{}')
        FROM jsonb_to_recordset(${JSON.stringify(closures)}::jsonb) AS r(id text, area_closure text[], area_groups text[], elements text[])
        WHERE i.id = r.id`,
  );
}

/** A record as history keeps it: the whole initiative, minus bookkeeping. */
export function snapshot(i: Initiative): Record<string, unknown> {
  return {
    state: i.state,
    status: i.status,
    leadOrganizationId: i.leadOrganization.id,
    texts: i.texts,
    partners: i.partners.map((p) => ({ organizationId: p.organizationId, role: p.role })),
    areas: i.areas,
    startDate: i.startDate,
    endDate: i.endDate,
    budget: i.budget,
    webLinks: i.webLinks,
    links: i.links.map((l) => ({ elementId: l.elementId, type: l.type, evidence: l.evidence, address: l.address })),
    reviewNote: i.reviewNote,
  };
}

/** Creates a draft initiative for the user's organization. */
export async function createInitiative(store: Store, user: User, input: InitiativeInput, givenId?: string): Promise<Initiative> {
  return store.transaction(async (tx) => {
    const { areas } = await checkInput(tx, user, input);
    const [created] = await createInitiatives(tx, user, [{ id: givenId, input, areas }]);
    return created!;
  });
}

/**
 * Creates checked drafts (checkInputs) in a handful of statements whatever their number, with
 * their history; callers hold the transaction. An import keeps the identifiers of an export
 * (`id`); anything else gets a new one. With `importId` they are written `importing`, seen by no
 * reader, until `finishImport` makes the whole import drafts at once (or `discardImport` drops it).
 */
export async function createInitiatives(
  tx: Database,
  user: User,
  items: readonly { id?: string | undefined; input: InitiativeInput; areas: string[] }[],
  importId?: string,
): Promise<Initiative[]> {
  if (items.length === 0) return [];
  const records = items.map(({ id, input, areas }) => ({
    id: id && /^[A-Za-z0-9_.:-]{8,100}$/.test(id) ? id : randomUUID(),
    input,
    areas,
  }));
  // Staged rows are seen by no reader: their writes leave the registry revision, so cached pages stay (migration 0029).
  if (importId) await tx.query(sql`SELECT set_config('concord.staging', 'on', true)`);
  await tx.query(
    sql`INSERT INTO initiatives (id, lead_organization_id, state, import_id, status, start_date, end_date, budget_amount, budget_currency, created_by)
        SELECT r.id, r.lead, ${importId ? 'importing' : 'draft'}, ${importId ?? null}, r.status, r.start_date, r.end_date, r.budget_amount,
               r.budget_currency, ${user.id}
        FROM ${initiativeRows(records)}`,
  );
  await writeParts(tx, records);
  const created = await loadInitiatives(
    tx,
    records.map((r) => r.id),
    { staged: Boolean(importId) },
  );
  // History tells what readers will see: an imported record appears as a draft.
  await recordChanges(
    tx,
    created.map((i) => ({
      entity: 'initiative',
      entityId: i.id,
      action: 'create',
      actor: user.id,
      after: { ...snapshot(i), state: 'draft' },
    })),
  );
  return created;
}

/**
 * Ends an import in one short transaction (callers hold it): the rows it wrote `importing` as new
 * records become drafts, and the import's updates are decided: each updated initiative is checked
 * again under lock as a single edit is (still editable by the user, still at the version the import
 * read; the first refused throws an ItemRefusal naming it in `updates`), then the import's row in
 * `import_handovers` is written, its commit point. The staged content (`replaces`, stageUpdates) is
 * handed over afterwards by handOverImport, in short transactions, so that this one does not grow
 * with the number of updates. Refuses (500) when staged rows are missing, e.g. dropped by a
 * start-up cleanup of another process: the import is then all or nothing still.
 */
export async function finishImport(
  tx: Database,
  user: User,
  importId: string,
  expected: { created: number; updates: readonly { id: string; version: number }[] },
): Promise<void> {
  const made = await tx.query<{ id: string }>(
    sql`UPDATE initiatives SET state = 'draft', import_id = NULL
        WHERE import_id = ${importId} AND state = 'importing' AND replaces IS NULL RETURNING id`,
  );
  if (made.length !== expected.created)
    throw new Error(`import ${importId}: ${made.length} of ${expected.created} staged initiatives were found`);
  if (expected.updates.length === 0) return;
  const [staged] = await tx.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM initiatives WHERE import_id = ${importId} AND state = 'importing' AND replaces IS NOT NULL`,
  );
  if (Number(staged?.n) !== expected.updates.length)
    throw new Error(`import ${importId}: ${staged?.n} of ${expected.updates.length} staged updates were found`);
  const ids = expected.updates.map((u) => u.id);
  // An earlier import decided but not yet handed over goes first: these records are checked as it left them.
  await handOverPending(tx, ids);
  // What the edit rule needs, read in one statement (not loadInitiatives: this transaction stays short).
  const rows = await tx.query<{
    id: string;
    lead: string;
    state: InitiativeState;
    version: number;
    source: string | null;
    claimed: boolean;
  }>(
    sql`SELECT id, lead_organization_id AS lead, state, version, source, claimed_at IS NOT NULL AS claimed FROM initiatives
        WHERE id = ANY(${pgTextArray(ids)}::text[]) FOR UPDATE`,
  );
  const current = new Map<string, EditedRecord>(
    rows.map(({ id, lead, state, version, source, claimed }) => [
      id,
      { lead, state, version, source: source ? { id: source, claimed } : null },
    ]),
  );
  const refusalOf = editRule(tx, user);
  for (const [index, update] of expected.updates.entries()) {
    const record = current.get(update.id);
    const refusal = record ? await refusalOf(record, update.version) : new Refusal(404, 'initiative.notFound');
    if (refusal) throw new ItemRefusal(index, refusal);
  }
  await tx.query(sql`INSERT INTO import_handovers (import_id) VALUES (${importId})`);
}

/** Staged rows handed over per transaction: what a page may wait for on the embedded store (bench/imports.ts). */
const HANDOVER_CHUNK = 200;

/**
 * Hands the content of staged rows over to the initiatives they replace, in a few statements
 * whatever their number: the stored initiatives drop their parts and take the staged rows'
 * parts, their columns and their history entries; then the staged rows go. Callers hold the
 * transaction and the staged rows' locks.
 */
async function handOver(tx: Database, shadows: readonly { id: string; replaces: string }[]): Promise<void> {
  if (shadows.length === 0) return;
  const s = sql`jsonb_to_recordset(${JSON.stringify(shadows.map(({ id, replaces }) => ({ id, replaces })))}::jsonb) AS s(id text, replaces text)`;
  for (const table of ['initiative_texts', 'initiative_partners', 'initiative_areas', 'initiative_web_links']) {
    await tx.query(sql`DELETE FROM ${raw(table)} t USING ${s} WHERE t.initiative_id = s.replaces`);
    await tx.query(sql`UPDATE ${raw(table)} t SET initiative_id = s.replaces FROM ${s} WHERE t.initiative_id = s.id`);
  }
  // Links as writeParts treats them: the matcher's suggestions and their rejections stay; the
  // record's own links are replaced, and one stated over a suggestion becomes the record's.
  await tx.query(sql`DELETE FROM initiative_links t USING ${s} WHERE t.initiative_id = s.replaces AND t.state = 'confirmed'`);
  await tx.query(
    sql`INSERT INTO initiative_links (initiative_id, element_id, type, evidence, address, source, reviewed_at_source)
        SELECT s.replaces, l.element_id, l.type, l.evidence, l.address, l.source, l.reviewed_at_source
        FROM initiative_links l JOIN ${s} ON l.initiative_id = s.id
        ON CONFLICT (initiative_id, element_id) DO UPDATE
        SET type = excluded.type, evidence = excluded.evidence, address = excluded.address, state = 'confirmed',
            source = excluded.source, reviewed_at_source = excluded.reviewed_at_source`,
  );
  await tx.query(
    sql`UPDATE initiatives o SET lead_organization_id = n.lead_organization_id, status = n.status, start_date = n.start_date,
          end_date = n.end_date, budget_amount = n.budget_amount, budget_currency = n.budget_currency,
          element_closure = n.element_closure, area_closure = n.area_closure, area_groups = n.area_groups,
          version = o.version + 1, updated_at = now()
        FROM ${s} JOIN initiatives n ON n.id = s.id WHERE o.id = s.replaces`,
  );
  await tx.query(sql`UPDATE changes c SET entity_id = s.replaces FROM ${s} WHERE c.entity = 'initiative' AND c.entity_id = s.id`);
  await tx.query(sql`DELETE FROM initiatives WHERE id = ANY(${pgTextArray(shadows.map((r) => r.id))}::text[])`);
}

/**
 * Hands over, first, what a decided import staged for these initiatives and has not handed over
 * yet, so that a writer locking them (an edit, a review step, another import's end) sees and
 * checks them as that import left them. Callers hold the transaction.
 */
async function handOverPending(tx: Database, ids: readonly string[]): Promise<void> {
  const pending = await tx.query<{ id: string; replaces: string }>(
    sql`SELECT s.id, s.replaces FROM initiatives s JOIN import_handovers h ON h.import_id = s.import_id
        WHERE s.replaces = ANY(${pgTextArray(ids)}::text[]) ORDER BY s.id FOR UPDATE OF s`,
  );
  await handOver(tx, pending);
}

/**
 * On the embedded store, waits as long as the last transaction of a long job took: its one
 * connection serves a page's queries one by one, each after the transaction queued before it, so
 * back-to-back transactions would make a page of ten queries wait ten of them; pausing leaves
 * pages at least half the store. PostgreSQL serves pages beside it: no pause.
 */
export async function yieldToReaders(store: Store, lastTransactionMs: number): Promise<void> {
  if (store.dialect === 'pglite' && lastTransactionMs > 0) await new Promise((resolve) => setTimeout(resolve, lastTransactionMs));
}

/**
 * Hands the staged content of decided imports (finishImport's commit point) over to the records
 * they update, HANDOVER_CHUNK records per transaction, so that no transaction grows with the
 * import: the import `importId` right after its end, or, at start-up, every import a crash cut
 * short after its commit point (forward recovery: a decided import is completed, never undone).
 * Each chunk is whole or not at all, and may be done by any process (SKIP LOCKED), or by a writer
 * who locks one of the records first (handOverPending). Returns the number of records handed over.
 */
export async function handOverImport(store: Store, importId?: string): Promise<number> {
  const decided = importId
    ? [importId]
    : (await store.db.query<{ import_id: string }>(sql`SELECT import_id FROM import_handovers ORDER BY committed_at`)).map(
        (r) => r.import_id,
      );
  let handed = 0;
  for (const id of decided) {
    let lastMs = 0;
    for (let more = true; more;) {
      await yieldToReaders(store, lastMs);
      const started = performance.now();
      const count = await store.transaction(async (tx) => {
        const shadows = await tx.query<{ id: string; replaces: string }>(
          sql`SELECT id, replaces FROM initiatives WHERE import_id = ${id} AND replaces IS NOT NULL
              ORDER BY id LIMIT ${HANDOVER_CHUNK} FOR UPDATE SKIP LOCKED`,
        );
        await handOver(tx, shadows);
        // The last chunk ends the import, unless another process still holds some of its rows.
        if (shadows.length < HANDOVER_CHUNK)
          await tx.query(
            sql`DELETE FROM import_handovers WHERE import_id = ${id}
                AND NOT EXISTS (SELECT 1 FROM initiatives WHERE import_id = ${id} AND replaces IS NOT NULL)`,
          );
        return shadows.length;
      });
      handed += count;
      more = count === HANDOVER_CHUNK;
      lastMs = performance.now() - started;
    }
  }
  return handed;
}

/**
 * Writes the new content of stored initiatives as rows of their own, `importing` and seen by no
 * reader, each naming the initiative it `replaces`, with the history entry the update will have
 * (before: the record as the import read it); finishImport hands the content over. Callers hold
 * the transaction and have checked the items (checkInputs, and editability as the import read it).
 */
export async function stageUpdates(
  tx: Database,
  user: User,
  items: readonly { before: Initiative; input: InitiativeInput; areas: string[] }[],
  importId: string,
): Promise<void> {
  if (items.length === 0) return;
  const records = items.map(({ before, input, areas }) => ({ id: randomUUID(), replaces: before.id, before, input, areas }));
  await tx.query(sql`SELECT set_config('concord.staging', 'on', true)`);
  await tx.query(
    sql`INSERT INTO initiatives (id, lead_organization_id, state, import_id, replaces, status, start_date, end_date, budget_amount, budget_currency, created_by)
        SELECT r.id, r.lead, 'importing', ${importId}, r.replaces, r.status, r.start_date, r.end_date, r.budget_amount, r.budget_currency, ${user.id}
        FROM ${initiativeRows(records)}`,
  );
  await writeParts(tx, records);
  const staged = new Map(
    (
      await loadInitiatives(
        tx,
        records.map((r) => r.id),
        { staged: true },
      )
    ).map((i) => [i.id, i]),
  );
  await recordChanges(
    tx,
    records.map(({ id, before }) => ({
      entity: 'initiative',
      entityId: id,
      action: 'update',
      actor: user.id,
      before: snapshot(before),
      after: { ...snapshot(staged.get(id)!), state: before.state },
    })),
  );
}

/**
 * Deletes what an unfinished import wrote (its rows, their parts by cascade, their history): the
 * import `importId` after a failure, or, at start-up after a crash, every abandoned one. On the
 * embedded store this process is the only owner, so every unfinished import is abandoned; on
 * PostgreSQL another process may be importing right now, so only imports that wrote nothing for an
 * hour are (a running import writes a chunk every few seconds).
 */
export async function discardImport(store: Store, importId?: string): Promise<number> {
  const abandoned =
    store.dialect === 'postgres'
      ? sql`state = 'importing' AND import_id IN (SELECT import_id FROM initiatives WHERE state = 'importing'
            GROUP BY import_id HAVING max(created_at) < now() - interval '1 hour')`
      : sql`state = 'importing'`;
  // A decided import (import_handovers) is never undone: handOverImport completes it.
  const which = sql`${importId ? sql`state = 'importing' AND import_id = ${importId}` : abandoned}
    AND import_id NOT IN (SELECT import_id FROM import_handovers)`;
  return store.transaction(async (tx) => {
    await tx.query(sql`DELETE FROM changes WHERE entity = 'initiative' AND entity_id IN (SELECT id FROM initiatives WHERE ${which})`);
    return (await tx.query<{ id: string }>(sql`DELETE FROM initiatives WHERE ${which} RETURNING id`)).length;
  });
}

/**
 * A record read from a registry is the source's until its organization claims it (a reviewer
 * confirms): the next refresh would otherwise overwrite the edit, or the edit the source.
 */
export function importedReadOnly(initiative: { source?: Pick<InitiativeSource, 'id' | 'claimed'> | null }): Refusal | undefined {
  return initiative.source && !initiative.source.claimed
    ? new Refusal(409, 'initiative.importedReadOnly', undefined, { source: initiative.source.id.toUpperCase() })
    : undefined;
}

/** Edits a draft or returned initiative (reviewers: any state); refuses a stale version. */
export async function updateInitiative(store: Store, user: User, id: string, input: InitiativeInput, version: number): Promise<Initiative> {
  return store.transaction(async (tx) => {
    try {
      const [after] = await updateInitiatives(tx, user, [{ id, input, version }]);
      return after!;
    } catch (error) {
      throw error instanceof ItemRefusal ? error.refusal : error;
    }
  });
}

/**
 * Edits many initiatives in a handful of statements whatever their number, with their history;
 * callers hold the transaction. Every item is checked as a single edit is (the record exists, the
 * user may edit it, its state allows it, its version is the one given, its input is valid); the
 * first item refused throws an ItemRefusal naming it, and the caller's transaction rolls back.
 */
export async function updateInitiatives(
  tx: Database,
  user: User,
  items: readonly { id: string; input: InitiativeInput; version: number }[],
): Promise<Initiative[]> {
  if (items.length === 0) return [];
  const before = new Map(
    (
      await loadInitiatives(
        tx,
        items.map((item) => item.id),
        { forUpdate: true },
      )
    ).map((i) => [i.id, i]),
  );
  const checked = await checkInputs(
    tx,
    user,
    items.map((item) => item.input),
  );
  const refusalOf = editRule(tx, user);
  const records: Parts[] = [];
  for (const [index, item] of items.entries()) {
    const record = before.get(item.id);
    const refusal = record ? await refusalOf(editedRecord(record), item.version) : new Refusal(404, 'initiative.notFound');
    if (refusal) throw new ItemRefusal(index, refusal);
    const result = checked[index]!;
    if (result instanceof Refusal) throw new ItemRefusal(index, result);
    records.push({ id: item.id, input: item.input, areas: result.areas });
  }
  await tx.query(
    sql`UPDATE initiatives i SET lead_organization_id = r.lead, status = r.status, start_date = r.start_date, end_date = r.end_date,
          budget_amount = r.budget_amount, budget_currency = r.budget_currency, version = i.version + 1, updated_at = now()
        FROM ${initiativeRows(records)}
        WHERE i.id = r.id`,
  );
  await writeParts(tx, records);
  const after = await loadInitiatives(
    tx,
    records.map((r) => r.id),
  );
  await recordChanges(
    tx,
    after.map((i) => ({
      entity: 'initiative',
      entityId: i.id,
      action: 'update',
      actor: user.id,
      before: snapshot(before.get(i.id)!),
      after: snapshot(i),
    })),
  );
  return after;
}

type Transition = 'submit' | 'publish' | 'return' | 'reject' | 'archive' | 'reopen';

const transitions: Record<Transition, { from: InitiativeState[]; to: InitiativeState; reviewer: boolean; noteRequired?: boolean }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', reviewer: false },
  publish: { from: ['submitted'], to: 'published', reviewer: true },
  return: { from: ['submitted'], to: 'returned', reviewer: true, noteRequired: true },
  reject: { from: ['submitted'], to: 'rejected', reviewer: true, noteRequired: true },
  archive: { from: ['published'], to: 'archived', reviewer: false },
  // A published record goes back to draft (and out of public view) to be changed and reviewed again.
  reopen: { from: ['published', 'rejected'], to: 'draft', reviewer: false },
};

/** Moves an initiative through the review workflow. */
export async function transition(store: Store, user: User, id: string, action: Transition, note?: string): Promise<Initiative> {
  const rule = transitions[action];
  return store.transaction(async (tx) => {
    const before = await loadInitiative(tx, id, true);
    if (!before) throw new Refusal(404, 'initiative.notFound');
    if (rule.reviewer ? !isReviewer(user) : !(await mayEdit(tx, user, before.leadOrganization.id))) {
      throw new Refusal(403, rule.reviewer ? 'review.notReviewer' : 'initiative.notYours');
    }
    const unclaimed = rule.reviewer ? undefined : importedReadOnly(before);
    if (unclaimed) throw unclaimed;
    if (!rule.from.includes(before.state)) throw new Refusal(409, 'initiative.wrongState', undefined, { state: before.state });
    const text = note?.trim() || null;
    if (rule.noteRequired && !text) throw new Refusal(400, 'review.noteRequired', 'note');
    await tx.query(
      sql`UPDATE initiatives SET state = ${rule.to}, version = version + 1, updated_at = now(),
            review_note = ${rule.noteRequired ? text : action === 'publish' ? null : sql`review_note`},
            submitted_at = ${action === 'submit' ? sql`now()` : sql`submitted_at`},
            published_at = ${action === 'publish' ? sql`now()` : sql`published_at`}
          WHERE id = ${id}`,
    );
    // Progress reported while the initiative was under review goes public with it.
    if (action === 'publish') await publishPendingUpdates(tx, id, user.id);
    const after = (await loadInitiative(tx, id))!;
    await recordChange(tx, {
      entity: 'initiative',
      entityId: id,
      action,
      actor: user.id,
      before: { state: before.state },
      after: { state: after.state },
      note: text,
    });
    return after;
  });
}

/** Loads an initiative whole; `forUpdate` locks the row until the transaction ends. */
async function loadInitiative(db: Database, id: string, forUpdate = false): Promise<Initiative | undefined> {
  return (await loadInitiatives(db, [id], { forUpdate }))[0];
}

/**
 * Whole initiatives in the order of `ids`, in six queries whatever their number (missing ids are
 * skipped). Rows of an unfinished import are skipped too, except for the import itself (`staged`).
 */
export async function loadInitiatives(
  db: Database,
  ids: readonly string[],
  { forUpdate = false, staged = false }: { forUpdate?: boolean; staged?: boolean } = {},
): Promise<Initiative[]> {
  if (ids.length === 0) return [];
  if (forUpdate) await handOverPending(db, ids);
  const idList = pgTextArray(ids);
  const rows = await db.query<{
    id: string;
    state: InitiativeState;
    status: InitiativeStatus;
    lead_organization_id: string;
    lead_name: string;
    lead_type: string;
    start_date: string | null;
    end_date: string | null;
    budget_amount: string | null;
    budget_currency: string | null;
    review_note: string | null;
    source: string | null;
    source_id: string | null;
    source_url: string | null;
    source_licence: string | null;
    source_read_at: string | null;
    archived_reason: string | null;
    claimed_at: string | null;
    version: number;
    created_by: string;
    created_at: string;
    updated_at: string;
    submitted_at: string | null;
    published_at: string | null;
  }>(
    sql`SELECT i.*, o.name AS lead_name, o.stakeholder_type AS lead_type FROM initiatives i JOIN organizations o ON o.id = i.lead_organization_id
        WHERE i.id = ANY(${idList}::text[]) ${staged ? empty : sql`AND i.state <> 'importing'`} ${forUpdate ? sql`FOR UPDATE OF i` : empty}`,
  );
  if (rows.length === 0) return [];
  const [texts, partners, areas, links, webLinks] = await Promise.all([
    db.query<InitiativeText & { initiative_id: string }>(
      sql`SELECT initiative_id, lang, title, description FROM initiative_texts WHERE initiative_id = ANY(${idList}::text[])`,
    ),
    db.query<{ initiative_id: string; organization_id: string; name: string; role: string }>(
      sql`SELECT p.initiative_id, p.organization_id, o.name, p.role FROM initiative_partners p JOIN organizations o ON o.id = p.organization_id
          WHERE p.initiative_id = ANY(${idList}::text[]) ORDER BY lower(o.name)`,
    ),
    db.query<{ initiative_id: string; area_code: string }>(
      sql`SELECT initiative_id, area_code FROM initiative_areas WHERE initiative_id = ANY(${idList}::text[]) ORDER BY area_code`,
    ),
    db.query<{
      initiative_id: string;
      element_id: string;
      framework_id: string;
      kind: string;
      code: string;
      type: string;
      evidence: string;
      address: string | null;
      state: string;
      source: string | null;
      reviewed_at_source: boolean;
    }>(
      sql`SELECT l.initiative_id, l.element_id, e.framework_id, e.kind, e.code, l.type, l.evidence, l.address, l.state, l.source, l.reviewed_at_source
          FROM initiative_links l JOIN elements e ON e.id = l.element_id
          WHERE l.initiative_id = ANY(${idList}::text[]) AND l.state <> 'rejected' ORDER BY e.framework_id, e.position`,
    ),
    db.query<{ initiative_id: string; url: string; label: string | null }>(
      sql`SELECT initiative_id, url, label FROM initiative_web_links WHERE initiative_id = ANY(${idList}::text[]) ORDER BY url`,
    ),
  ]);
  const byInitiative = <T extends { initiative_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) {
      const entries = map.get(item.initiative_id);
      if (entries) entries.push(item);
      else map.set(item.initiative_id, [item]);
    }
    return (id: string) => map.get(id) ?? [];
  };
  const [textsOf, partnersOf, areasOf, linksOf, webLinksOf] = [
    byInitiative(texts),
    byInitiative(partners),
    byInitiative(areas),
    byInitiative(links),
    byInitiative(webLinks),
  ] as const;
  const order = (l: string) => languages.indexOf(l as Language);
  const toLink = (l: (typeof links)[number]): InitiativeLink => ({
    elementId: l.element_id,
    framework: l.framework_id,
    kind: l.kind,
    code: l.code,
    type: l.type,
    evidence: l.evidence,
    address: l.address,
    source: l.source,
    reviewedAtSource: l.reviewed_at_source,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        state: row.state,
        status: row.status,
        leadOrganization: { id: row.lead_organization_id, name: row.lead_name, stakeholderType: row.lead_type },
        partners: partnersOf(id).map((p) => ({ organizationId: p.organization_id, name: p.name, role: p.role })),
        texts: textsOf(id)
          .map(({ lang, title, description }) => ({ lang, title, description }))
          .sort((a, b) => order(a.lang) - order(b.lang)),
        areas: areasOf(id).map((a) => a.area_code),
        startDate: row.start_date,
        endDate: row.end_date,
        budget: row.budget_amount !== null && row.budget_currency ? { amount: row.budget_amount, currency: row.budget_currency } : null,
        webLinks: webLinksOf(id).map(({ url, label }) => ({ url, label })),
        links: linksOf(id)
          .filter((l) => l.state === 'confirmed')
          .map(toLink),
        suggestedLinks: linksOf(id)
          .filter((l) => l.state === 'suggested')
          .map(toLink),
        source: row.source
          ? {
              id: row.source,
              recordId: row.source_id ?? '',
              url: row.source_url,
              licence: row.source_licence,
              readAt: row.source_read_at,
              claimed: row.claimed_at !== null,
            }
          : null,
        archivedReason: row.archived_reason,
        reviewNote: row.review_note,
        version: row.version,
        createdBy: row.created_by,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        submittedAt: row.submitted_at,
        publishedAt: row.published_at,
      },
    ];
  });
}

/** An initiative as `viewer` may see it: published and archived ones for everyone; others for their organization and reviewers. */
export async function getInitiative(db: Database, id: string, viewer: User | null): Promise<Initiative | undefined> {
  const initiative = await loadInitiative(db, id);
  if (!initiative) return undefined;
  if (initiative.state === 'published' || initiative.state === 'archived') return initiative;
  if (viewer && (await mayEdit(db, viewer, initiative.leadOrganization.id))) return initiative;
  return undefined;
}

/** Several initiatives as `viewer` may see them (an export), in the order of `ids`. */
export async function getInitiatives(db: Database, ids: readonly string[], viewer: User | null): Promise<Initiative[]> {
  const [all, editable] = await Promise.all([loadInitiatives(db, ids), editableOrganizations(db, viewer)]);
  return all.filter((i) => i.state === 'published' || i.state === 'archived' || editable.has(i.leadOrganization.id));
}

export async function canEdit(db: Database, user: User | null, initiative: Initiative): Promise<boolean> {
  return Boolean(user && (await mayEdit(db, user, initiative.leadOrganization.id)));
}

export interface RegistryFilter {
  /** An element id: initiatives linked to it or to any element below it. */
  element?: string | undefined;
  /** An area code: initiatives in that country, region or group (or in a country of it). */
  area?: string | undefined;
  stakeholderType?: string | undefined;
  status?: InitiativeStatus | undefined;
  organization?: string | undefined;
  /** Read from this registry (`dpga`), or `concord` for records made in Concord. */
  source?: string | undefined;
  /** Active in that year (start on or before its end, end on or after its start). */
  year?: number | undefined;
  q?: string | undefined;
  lang: Language;
  limit: number;
  offset: number;
  /** Reviewer queue and "my organization" views use other states; the public sees published only. */
  states?: InitiativeState[];
  organizationsOf?: string | undefined;
}

export interface InitiativeSummary {
  id: string;
  state: InitiativeState;
  status: InitiativeStatus;
  title: string;
  titleLanguage: Language;
  leadOrganization: { id: string; name: string };
  areas: string[];
  startDate: string | null;
  endDate: string | null;
  elements: string[];
  /** The registry it was read from (`dpga`), null when made in Concord. */
  source: string | null;
  updatedAt: string;
}

/** Totals above this are reported as "more than" (see listInitiatives). */
export const COUNT_CAP = 10_000;

export interface InitiativePage {
  total: number;
  totalIsLowerBound: boolean;
  items: InitiativeSummary[];
}

/** Lists initiatives with filters, newest change first, one page at a time. */
export async function listInitiatives(db: Database, filter: RegistryFilter): Promise<InitiativePage> {
  // What the public sees is served from memory while no listed record changed (registry-cache.ts).
  const key = publicKey('list', filter);
  return key ? atRevision(db, key, () => queryInitiatives(db, filter)) : queryInitiatives(db, filter);
}

/** The cache key of a view of published records only, or undefined for reviewers' and organizations' views. */
function publicKey(kind: string, filter: Partial<RegistryFilter>): string | undefined {
  const published = filter.states === undefined || (filter.states.length === 1 && filter.states[0] === 'published');
  // The year is part of the key: a group filter without a year reads this year's members.
  const year = new Date().getUTCFullYear();
  return published && !filter.organizationsOf ? `${kind} ${year} ${JSON.stringify(filter, Object.keys(filter).sort())}` : undefined;
}

/** The WHERE clause of a registry filter (over `initiatives i`, with `organizations o` when needed); the coverage matrix shares it. */
export async function registryCondition(filter: Omit<RegistryFilter, 'lang' | 'limit' | 'offset'>): Promise<{ condition: Sql; from: Sql }> {
  const states = filter.states ?? ['published'];
  // One state as an equality, so the (state, updated_at) index also gives the order of the page.
  const where: Sql[] = [states.length === 1 ? sql`i.state = ${states[0]}` : sql`i.state = ANY(${pgTextArray(states)}::text[])`];
  if (filter.element) where.push(sql`i.element_closure @> ${pgTextArray([filter.element])}::text[]`);
  if (filter.area) {
    const areas = await areaCatalog();
    const code = areas.resolve(filter.area) ?? filter.area;
    // A group (LDC, LLDC, SIDS) matches initiatives in its members of that year (this year when
    // none is given) through the group tokens; a country or region through the area closure
    // (each initiative lists the regions of its areas).
    const token = groupToken(areas, code, filter.year ?? new Date().getUTCFullYear());
    where.push(token ? sql`i.area_groups @> ${pgTextArray([token])}::text[]` : sql`i.area_closure @> ${pgTextArray([code])}::text[]`);
  }
  if (filter.stakeholderType) where.push(sql`o.stakeholder_type = ${filter.stakeholderType}`);
  if (filter.status) where.push(sql`i.status = ${filter.status}`);
  if (filter.source) where.push(filter.source === 'concord' ? sql`i.source IS NULL` : sql`i.source = ${filter.source}`);
  if (filter.organization) {
    where.push(
      sql`(i.lead_organization_id = ${filter.organization} OR EXISTS (SELECT 1 FROM initiative_partners p WHERE p.initiative_id = i.id AND p.organization_id = ${filter.organization}))`,
    );
  }
  if (filter.organizationsOf) {
    where.push(
      sql`i.lead_organization_id IN (SELECT organization_id FROM memberships WHERE user_id = ${filter.organizationsOf} AND state = 'active')`,
    );
  }
  if (filter.year) {
    where.push(
      sql`(i.start_date IS NULL OR i.start_date <= ${`${filter.year}-12-31`}::date) AND (i.end_date IS NULL OR i.end_date >= ${`${filter.year}-01-01`}::date)`,
    );
  }
  if (filter.q) {
    const q = filter.q.trim();
    const matches = languages.map(
      (l) => sql`(t.lang = ${l} AND t.search @@ websearch_to_tsquery(${searchConfig[l]}::regconfig, ${foldForSearch(q, l)}))`,
    );
    where.push(sql`i.id IN (SELECT t.initiative_id FROM initiative_texts t WHERE ${join(matches, ' OR ')})`);
  }
  const from = sql`initiatives i ${filter.stakeholderType ? sql`JOIN organizations o ON o.id = i.lead_organization_id` : empty}`;
  return { condition: join(where, ' AND '), from };
}

/** The same list read from the store every time, without the cache (the benchmark's cold path). */
export async function queryInitiatives(db: Database, filter: RegistryFilter): Promise<InitiativePage> {
  const { condition, from } = await registryCondition(filter);
  // The page first (ids only, by the index on state and date), then its details: so the cost
  // does not grow with the number of matches; the total is counted apart.
  const [rows, counted] = await Promise.all([
    db.query<{
      id: string;
      state: InitiativeState;
      status: InitiativeStatus;
      title: string;
      title_lang: Language;
      lead_id: string;
      lead_name: string;
      areas: string[] | null;
      elements: string[] | null;
      start_date: string | null;
      end_date: string | null;
      source: string | null;
      updated_at: string;
    }>(
      sql`WITH page AS (
            SELECT i.id FROM ${from}
            WHERE ${condition}
            ORDER BY i.updated_at DESC, i.id
            LIMIT ${filter.limit} OFFSET ${filter.offset})
          SELECT i.id, i.state, i.status, i.start_date, i.end_date, i.source, i.updated_at, o.id AS lead_id, o.name AS lead_name,
                 tx.title, tx.lang AS title_lang,
                 (SELECT array_agg(area_code ORDER BY area_code) FROM initiative_areas WHERE initiative_id = i.id) AS areas,
                 (SELECT array_agg(element_id ORDER BY element_id) FROM initiative_links WHERE initiative_id = i.id AND state = 'confirmed') AS elements
          FROM page JOIN initiatives i ON i.id = page.id JOIN organizations o ON o.id = i.lead_organization_id
          LEFT JOIN LATERAL (SELECT title, lang FROM initiative_texts WHERE initiative_id = i.id
                             ORDER BY (lang = ${filter.lang}) DESC, (lang = 'en') DESC, lang LIMIT 1) tx ON true
          ORDER BY i.updated_at DESC, i.id`,
    ),
    db.query<{ total: number }>(
      // Counted up to a cap: an exact count of tens of thousands of matches on every page would
      // cost more than the page itself; past the cap the total reads "more than".
      sql`SELECT count(*) AS total FROM (
            SELECT 1 FROM ${from}
            WHERE ${condition} LIMIT ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const total = counted[0]?.total ?? 0;
  return {
    total: Math.min(total, COUNT_CAP),
    totalIsLowerBound: total > COUNT_CAP,
    items: rows.map((r) => ({
      id: r.id,
      state: r.state,
      status: r.status,
      title: r.title,
      titleLanguage: r.title_lang,
      leadOrganization: { id: r.lead_id, name: r.lead_name },
      areas: r.areas ?? [],
      startDate: r.start_date,
      endDate: r.end_date,
      elements: r.elements ?? [],
      source: r.source,
      updatedAt: r.updated_at,
    })),
  };
}

/** How many of the records a filter matches work in each country (a record in two countries counts in both). */
export async function registryCountries(
  db: Database,
  filter: Omit<RegistryFilter, 'limit' | 'offset' | 'lang'>,
): Promise<{ area: string; initiatives: number }[]> {
  const compute = async () => {
    const { condition, from } = await registryCondition(filter);
    const rows = await db.query<{ area: string; initiatives: number }>(
      sql`SELECT a.area_code AS area, count(DISTINCT i.id)::int AS initiatives
          FROM ${from} JOIN initiative_areas a ON a.initiative_id = i.id
          WHERE ${condition} GROUP BY a.area_code ORDER BY initiatives DESC, a.area_code`,
    );
    const catalog = await areaCatalog();
    return rows.filter((r) => catalog.areas.get(r.area)?.kind === 'country');
  };
  const key = publicKey('countries', filter);
  return key ? atRevision(db, key, async () => ({ rows: await compute() })).then((r) => r.rows) : compute();
}

/** How many of the records a filter matches fall in each value of the registry's refinements. */
export interface RegistryFacets {
  status: Record<string, number>;
  stakeholderType: Record<string, number>;
  /** LDC, LLDC, SIDS: members in the filter's year (this year when none). */
  group: Record<string, number>;
  /** GDC objectives gdc.obj.1 to gdc.obj.5. */
  objective: Record<string, number>;
  /** WSIS action lines wsis.C1 to wsis.C11. */
  actionLine: Record<string, number>;
  /** The registry each record was read from, `concord` for records made here. */
  source: Record<string, number>;
}

const facetGroups = { LDC: '199', LLDC: '432', SIDS: '722' } as const;
const facetObjectives = [1, 2, 3, 4, 5].map((k) => `gdc.obj.${k}`);
const facetActionLines = Array.from({ length: 11 }, (_, k) => `wsis.C${k + 1}`);

/** Counts for the refinements beside a registry list: one pass over the matching records. */
export async function registryFacets(db: Database, filter: Omit<RegistryFilter, 'limit' | 'offset' | 'lang'>): Promise<RegistryFacets> {
  const compute = async (): Promise<RegistryFacets> => {
    const { condition } = await registryCondition(filter);
    const catalog = await areaCatalog();
    const year = filter.year ?? new Date().getUTCFullYear();
    const counts: { facet: keyof RegistryFacets; value: string; when: Sql }[] = [
      ...initiativeStatuses.map((v) => ({ facet: 'status' as const, value: v, when: sql`i.status = ${v}` })),
      ...stakeholderTypes.map((v) => ({ facet: 'stakeholderType' as const, value: v, when: sql`o.stakeholder_type = ${v}` })),
      ...Object.entries(facetGroups).map(([alias, code]) => ({
        facet: 'group' as const,
        value: alias,
        when: sql`i.area_groups @> ${pgTextArray([groupToken(catalog, code, year) ?? code])}::text[]`,
      })),
      ...facetObjectives.map((v) => ({
        facet: 'objective' as const,
        value: v,
        when: sql`i.element_closure @> ${pgTextArray([v])}::text[]`,
      })),
      ...facetActionLines.map((v) => ({
        facet: 'actionLine' as const,
        value: v,
        when: sql`i.element_closure @> ${pgTextArray([v])}::text[]`,
      })),
      ...sourceFilterValues.map((v) => ({
        facet: 'source' as const,
        value: v,
        when: v === 'concord' ? sql`i.source IS NULL` : sql`i.source = ${v}`,
      })),
    ];
    const [row] = await db.query<Record<string, number>>(
      sql`SELECT ${join(
        counts.map((c, k) => sql`count(*) FILTER (WHERE ${c.when})::int AS ${raw(`f${k}`)}`),
        ', ',
      )}
          FROM initiatives i JOIN organizations o ON o.id = i.lead_organization_id WHERE ${condition}`,
    );
    const facets: RegistryFacets = { status: {}, stakeholderType: {}, group: {}, objective: {}, actionLine: {}, source: {} };
    counts.forEach((c, k) => (facets[c.facet][c.value] = Number(row?.[`f${k}`] ?? 0)));
    return facets;
  };
  const key = publicKey('facets', filter);
  return key ? atRevision(db, key, compute) : compute();
}

/**
 * Framework elements suggested for an initiative from its own words: each text is searched
 * against the element texts in its language (English where the element has no text in it),
 * GDC actions and WSIS action lines first. A first version; the documents module will share it.
 */
export async function suggestElements(db: Database, texts: { lang: Language; title: string; description: string }[], limit = 8) {
  const scored = new Map<string, number>();
  for (const t of texts) {
    const words = foldForSearch(`${t.title} ${t.description}`, t.lang)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3)
      .slice(0, 60);
    if (words.length === 0) continue;
    const lang = t.lang;
    const rows = await db.query<{ element_id: string; rank: number }>(
      sql`SELECT x.element_id, ts_rank(x.search, q) AS rank
          FROM element_texts x JOIN elements e ON e.id = x.element_id, to_tsquery(${searchConfig[lang]}::regconfig, ${words.map((w) => w.replace(/'/g, '')).join(' | ')}) q
          WHERE x.lang = ${lang} AND x.search @@ q AND e.kind IN ('action', 'paragraph', 'action-line', 'sub-line', 'target', 'indicator')
            AND e.framework_id IN ('gdc', 'wsis', 'sdg')
          ORDER BY rank DESC LIMIT ${limit * 3}`,
    );
    for (const r of rows) scored.set(r.element_id, (scored.get(r.element_id) ?? 0) + Number(r.rank));
  }
  return [...scored.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([id, score]) => ({ id, score }));
}
