// UN documents in the store: one row per symbol, one language version per symbol and language
// (with the hash of the file it was read from, so the same file twice changes nothing), and the
// paragraphs, footnotes, cross-references and requested actions read from each version.
// The search indexes (tsvector GIN, pg_trgm on the folded text) are in the hand-written
// migration documents_search.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { elements } from '../frameworks/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A UN document, whatever its languages: A/RES/79/194, an ITU Council report. */
export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    /** Canonical symbol (A/RES/79/194); null for documents whose text carries none (web pages). */
    symbol: text('symbol'),
    /** GA, ECOSOC, SC, HRC, ITU Council. */
    organ: text('organ'),
    session: integer('session'),
    number: text('number'),
    date: date('date', { mode: 'string' }),
    /** resolution, decision, report, web-page, other. */
    kind: text('kind').notNull(),
    agendaItem: text('agenda_item'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('documents_symbol_idx').on(t.symbol),
    index('documents_organ_date_idx').on(t.organ, t.date),
    check('documents_kind_check', sql`${t.kind} in ('resolution', 'decision', 'report', 'web-page', 'other')`),
  ],
);

/** One language version of a document, as read from one file (its provenance). */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title'),
    agendaTitle: text('agenda_title'),
    /** SHA-256 of the file's bytes: the same file again is recognized and changes nothing. */
    contentHash: text('content_hash').notNull(),
    /** The file name it was read from. */
    sourceFile: text('source_file').notNull(),
    /** The reader that read it: text, markdown, html, docx, pdf. */
    reader: text('reader').notNull(),
    /** Who brought it in and how: `concord ingest`, `api upload (operator)`. */
    provenance: text('provenance').notNull(),
    /** Share of characters that look like OCR damage. */
    ocrNoise: real('ocr_noise').notNull().default(0),
    /** The document's parts (main, outcome documents, annexes) as the structure parser found them. */
    parts: jsonb('parts').$type<{ id: string; kind: string; title: string | null }[]>().notNull().default([]),
    /** What the readers noticed and could not fix silently. */
    warnings: jsonb('warnings').$type<{ code: string; message: string }[]>().notNull().default([]),
    readAt: at('read_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_versions_lang_idx').on(t.documentId, t.lang), index('document_versions_hash_idx').on(t.contentHash)],
);

/** A block of a language version in reading order: paragraph, sub-paragraph, heading … */
export const documentParagraphs = pgTable(
  'document_paragraphs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    versionId: bigint('version_id', { mode: 'number' })
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    documentId: text('document_id').notNull(),
    lang: text('lang').notNull(),
    position: integer('position').notNull(),
    /** AKN-style id, stable within the document: `preamble__p_3`, `para_65__subpara_a`. */
    eid: text('eid').notNull(),
    kind: text('kind').notNull(),
    /** The number or letter as printed ("65", "a"), or null. */
    number: text('number'),
    part: text('part').notNull(),
    /** The eid of the enclosing paragraph (for sub-paragraphs), or null. */
    parentEid: text('parent_eid'),
    /** The heading or section the paragraph sits under. */
    heading: text('heading'),
    level: integer('level').notNull().default(0),
    /** Display-clean text. */
    text: text('text').notNull(),
    /** Search-fold text (Arabic folded, accents off, Chinese segmented): the index's input. */
    fold: text('fold').notNull(),
    /** True when the version is OCR-damaged: such paragraphs are also matched by trigrams. */
    ocr: boolean('ocr').notNull().default(false),
    search: tsvector('search'),
    /**
     * The elements of its confirmed links and all their ancestors, kept by a trigger on
     * paragraph_links (migration coverage_revision): the coverage matrix reads it like an
     * initiative's closure.
     */
    elementClosure: text('element_closure')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The element set of its closure (src/coverage/schema.ts); null while it has no confirmed link. */
    elementSetId: integer('element_set_id'),
  },
  (t) => [
    index('document_paragraphs_element_set_idx').on(t.elementSetId),
    /** A paragraph in all its language versions: the same eid in the same document. */
    index('document_paragraphs_anchor_idx').on(t.documentId, t.eid),
    uniqueIndex('document_paragraphs_position_idx').on(t.versionId, t.position),
    index('document_paragraphs_document_idx').on(t.documentId, t.lang),
    index('document_paragraphs_elements_idx').using('gin', t.elementClosure),
  ],
);

/** A footnote, attached to the paragraph that calls it; never a paragraph of its own. */
export const documentFootnotes = pgTable(
  'document_footnotes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    versionId: bigint('version_id', { mode: 'number' })
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    paragraphId: bigint('paragraph_id', { mode: 'number' })
      .notNull()
      .references(() => documentParagraphs.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    /** Offset of the call in the paragraph text, or null. */
    callOffset: integer('call_offset'),
  },
  (t) => [index('document_footnotes_paragraph_idx').on(t.paragraphId)],
);

/** A cross-reference to a UN document, as written and in canonical form. */
export const documentReferences = pgTable(
  'document_references',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    versionId: bigint('version_id', { mode: 'number' })
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    documentId: text('document_id').notNull(),
    paragraphId: bigint('paragraph_id', { mode: 'number' })
      .notNull()
      .references(() => documentParagraphs.id, { onDelete: 'cascade' }),
    /** The footnote the reference is in, or null when it is in the paragraph text. */
    footnote: integer('footnote'),
    raw: text('raw').notNull(),
    /** Canonical symbol (A/RES/70/125); null for a named instrument without one. */
    symbol: text('symbol'),
    kind: text('kind').notNull(),
    orientation: text('orientation').notNull(),
    /** "paragraph 72 of …", as printed. */
    paragraph: text('paragraph'),
    instrument: text('instrument'),
    /** The cited document once it is in Concord; null while it is a placeholder. */
    targetDocumentId: text('target_document_id').references(() => documents.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('document_references_document_idx').on(t.documentId),
    index('document_references_symbol_idx').on(t.symbol),
    index('document_references_target_idx').on(t.targetDocumentId),
  ],
);

/** Who is asked to do what by when, one row per action of an operative paragraph. */
export const requestedActions = pgTable(
  'requested_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    versionId: bigint('version_id', { mode: 'number' })
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    paragraphId: bigint('paragraph_id', { mode: 'number' })
      .notNull()
      .references(() => documentParagraphs.id, { onDelete: 'cascade' }),
    /** English label of the operative verb. */
    verb: text('verb').notNull(),
    verbText: text('verb_text').notNull(),
    directive: boolean('directive').notNull(),
    addressees: text('addressees')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    addresseeText: text('addressee_text').notNull(),
    deadlineText: text('deadline_text'),
    deadlineYear: integer('deadline_year'),
    deadlineSession: integer('deadline_session'),
    /** decision, commitment, request, invitation or position (actions.ts VerbForce). */
    force: text('force').notNull().default('position'),
    /** Canonical actors with the words that named them: [{ id: 'body.cstd' | null, text: 'the Commission' }]. */
    actors: jsonb('actors').$type<{ id: string | null; text: string }[]>().notNull().default([]),
    /** What is asked: "to prepare a joint WSIS–GDC implementation roadmap…". */
    object: text('object').notNull().default(''),
    /** The deadline as a date range (either end may be open) and a recurrence ("P2Y" for biennially). */
    deadlineFrom: date('deadline_from', { mode: 'string' }),
    deadlineTo: date('deadline_to', { mode: 'string' }),
    deadlineRecurrence: text('deadline_recurrence'),
    /** A sub-paragraph that carries its chapeau's verb and actors. */
    inherited: boolean('inherited').notNull().default(false),
  },
  (t) => [index('requested_actions_version_idx').on(t.versionId)],
);

/**
 * A typed link from a document paragraph to a framework element: suggested (by the lexical
 * matcher or a contributor), then confirmed or rejected by a reviewer. Confirmed links count in
 * the coverage matrix; who suggested and who decided, and when, are kept.
 */
export const paragraphLinks = pgTable(
  'paragraph_links',
  {
    paragraphId: bigint('paragraph_id', { mode: 'number' })
      .notNull()
      .references(() => documentParagraphs.id, { onDelete: 'cascade' }),
    elementId: text('element_id')
      .notNull()
      .references(() => elements.id),
    /** contributes-to, measured-by, relates-to, same-as: as for links between elements. */
    type: text('type').notNull(),
    state: text('state').notNull(),
    /** The matcher's score for a computed suggestion; null when a person proposed it. */
    score: real('score'),
    /** Why the paragraph serves the element, in the proposer's words. */
    evidence: text('evidence'),
    /** `matcher` or a user id. */
    suggestedBy: text('suggested_by').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.paragraphId, t.elementId] }),
    index('paragraph_links_element_idx').on(t.elementId, t.state),
    check('paragraph_links_type_check', sql`${t.type} in ('contributes-to', 'measured-by', 'relates-to', 'same-as')`),
    check('paragraph_links_state_check', sql`${t.state} in ('suggested', 'confirmed', 'rejected')`),
  ],
);
