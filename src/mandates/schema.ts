// The mandate tracker's tables (issue 14): every request of every document as a mandate (kept in
// step with the requested actions each time a document is read), reviewers' corrections that
// outlive a re-read, and the typed links by which a roadmap, an initiative, a pledge or a later
// document answers a mandate.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { documents } from '../documents/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * A request of a document (one requested action of its reference language version, English when
 * it has one), with the reviewers' corrections applied. Its key (document, paragraph eid, order
 * in the paragraph) is stable across re-reads, so corrections and answers stay attached.
 */
export const mandates = pgTable(
  'mandates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `<document id>|<paragraph eid>|<n-th request of the paragraph>`. */
    key: text('key').notNull(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** The document's date, copied here so that the list orders by an index (newest documents first). */
    documentDate: date('document_date', { mode: 'string' }),
    eid: text('eid').notNull(),
    ordinal: integer('ordinal').notNull(),
    /** Reading order of the paragraph in its version. */
    position: integer('position').notNull(),
    /** The paragraph as printed: "122", "65 (a)". */
    paragraph: text('paragraph'),
    /** The language version the request was read from. */
    lang: text('lang').notNull(),
    verb: text('verb').notNull(),
    verbText: text('verb_text').notNull(),
    /** decision, commitment, request or invitation (actions.ts VerbForce; positions are not mandates). */
    force: text('force').notNull(),
    /** The actors as named: [{ id: 'body.ungis' | null, text: 'United Nations Group on the Information Society' }]. */
    actors: jsonb('actors').$type<{ id: string | null; text: string }[]>().notNull().default([]),
    /** The canonical ids asked: the named ones and, for groups that stand for several actors, each member. */
    actorIds: text('actor_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    object: text('object').notNull().default(''),
    deadlineText: text('deadline_text'),
    deadlineFrom: date('deadline_from', { mode: 'string' }),
    deadlineTo: date('deadline_to', { mode: 'string' }),
    deadlineRecurrence: text('deadline_recurrence'),
    /** A reviewer found it is not a request (a reminder, a position): kept, not listed. */
    notMandate: boolean('not_mandate').notNull().default(false),
    notMandateReason: text('not_mandate_reason'),
    /** False once a re-read no longer finds the request; kept while corrections or answers hold on to it. */
    present: boolean('present').notNull().default(true),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mandates_key_idx').on(t.key),
    index('mandates_document_idx').on(t.documentId, t.position),
    index('mandates_order_idx').on(t.documentDate.desc().nullsLast(), t.documentId, t.position, t.ordinal),
    index('mandates_actor_ids_idx').using('gin', t.actorIds),
    index('mandates_deadline_idx').on(t.deadlineTo),
    // The list's counts per status and per kind read this index alone (index-only), not the wide rows.
    index('mandates_facts_idx')
      .on(t.force, t.deadlineTo, t.id)
      .where(sql`${t.present} AND NOT ${t.notMandate}`),
    check('mandates_force_check', sql`${t.force} in ('decision', 'commitment', 'request', 'invitation')`),
  ],
);

/** The current correction of one field of a mandate (its history is in `changes`, entity `mandate`). */
export const mandateCorrections = pgTable(
  'mandate_corrections',
  {
    mandateId: bigint('mandate_id', { mode: 'number' })
      .notNull()
      .references(() => mandates.id, { onDelete: 'cascade' }),
    /** actors, object, deadline, force, verb or notMandate. */
    field: text('field').notNull(),
    value: jsonb('value').notNull(),
    reason: text('reason'),
    correctedBy: text('corrected_by').notNull(),
    correctedAt: at('corrected_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.mandateId, t.field] })],
);

/**
 * What answers a mandate: a roadmap, a roadmap activity, an initiative, a pledge or a later
 * document, proposed by its owner (or suggested by Concord) and confirmed by a reviewer. A later
 * document may instead supersede the mandate (it renews the same request).
 */
export const mandateAnswers = pgTable(
  'mandate_answers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    mandateId: bigint('mandate_id', { mode: 'number' })
      .notNull()
      .references(() => mandates.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    targetId: text('target_id').notNull(),
    relation: text('relation').notNull().default('answers'),
    evidence: text('evidence').notNull(),
    state: text('state').notNull(),
    proposedBy: text('proposed_by').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mandate_answers_target_idx').on(t.mandateId, t.kind, t.targetId),
    index('mandate_answers_kind_idx').on(t.kind, t.targetId),
    // What the status reads: the confirmed answers alone (Concord's suggestions, 16,800 on the corpus, wait beside them).
    index('mandate_answers_confirmed_idx')
      .on(t.mandateId)
      .where(sql`${t.state} = 'confirmed'`),
    check('mandate_answers_kind_check', sql`${t.kind} in ('roadmap', 'roadmap-node', 'initiative', 'pledge', 'document')`),
    check('mandate_answers_relation_check', sql`${t.relation} in ('answers', 'supersedes')`),
    check('mandate_answers_state_check', sql`${t.state} in ('proposed', 'confirmed', 'rejected')`),
  ],
);

/**
 * Names reviewers add to a catalogue actor (the catalogue itself is code, documents/actors.ts):
 * a request whose actor was read only as words ("the Counter-Terrorism Compact entities") is
 * addressed to the actor whose added name those words are, now and at every re-read.
 */
export const actorAliases = pgTable(
  'actor_aliases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: text('actor_id').notNull(),
    lang: text('lang').notNull(),
    alias: text('alias').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: at('added_at').notNull().defaultNow(),
  },
  (t) => [
    // One name names one actor in a language, whatever its case.
    uniqueIndex('actor_aliases_name_idx').on(t.lang, sql`lower(${t.alias})`),
    index('actor_aliases_actor_idx').on(t.actorId),
  ],
);

/**
 * Two catalogue actors found to be one: the merged actor's mandates and names move to the
 * survivor, and its page leads there. A survivor merged later carries its merged actors along
 * (every row points at the actor that remains).
 */
export const actorMerges = pgTable(
  'actor_merges',
  {
    mergedId: text('merged_id').primaryKey(),
    survivorId: text('survivor_id').notNull(),
    reason: text('reason'),
    mergedBy: text('merged_by').notNull(),
    mergedAt: at('merged_at').notNull().defaultNow(),
  },
  (t) => [index('actor_merges_survivor_idx').on(t.survivorId), check('actor_merges_distinct_check', sql`${t.mergedId} <> ${t.survivorId}`)],
);
