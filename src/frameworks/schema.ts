// The framework graph: frameworks, their elements (with texts per language) and typed links.
import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sources } from '../provenance/schema.ts';
import { organizations } from '../organizations/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const frameworks = pgTable('frameworks', {
  id: text('id').primaryKey(),
  position: integer('position').notNull(),
  /** English title as the source gives it; the interface names frameworks from the catalogs. */
  title: text('title').notNull(),
  sourceId: text('source_id')
    .notNull()
    .references(() => sources.id),
  /** Languages the framework's texts exist in. */
  languages: text('languages').array().notNull(),
});

export const elements = pgTable(
  'elements',
  {
    id: text('id').primaryKey(),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id),
    kind: text('kind').notNull(),
    parentId: text('parent_id'),
    /** Ids of the ancestors, root first. */
    ancestors: text('ancestors').array().notNull(),
    /** Document order across the framework. */
    position: integer('position').notNull(),
    /** The label as printed: "9.c", "C7", "11 (b)". */
    code: text('code').notNull(),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
  },
  (table) => [
    index('elements_framework_idx').on(table.frameworkId, table.position),
    index('elements_parent_idx').on(table.parentId, table.position),
    index('elements_ancestors_idx').using('gin', table.ancestors),
  ],
);

export const elementTexts = pgTable(
  'element_texts',
  {
    elementId: text('element_id')
      .notNull()
      .references(() => elements.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title'),
    text: text('text'),
    /** Folded for search (Arabic letter forms, tatweel, diacritics; Chinese segmented). */
    folded: text('folded').notNull(),
    search: tsvector('search').notNull(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    /** The data's own caveats about this text (older wording, footnote residue). */
    caveats: text('caveats')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (table) => [
    primaryKey({ columns: [table.elementId, table.lang] }),
    index('element_texts_search_idx').using('gin', table.search),
    index('element_texts_trgm_idx').using('gin', sql`${table.folded} gin_trgm_ops`),
  ],
);

export const links = pgTable(
  'links',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    fromId: text('from_id')
      .notNull()
      .references(() => elements.id),
    toId: text('to_id')
      .notNull()
      .references(() => elements.id),
    type: text('type').notNull(),
    state: text('state').notNull(),
    rationale: text('rationale'),
    sourceId: text('source_id').references(() => sources.id),
    /** Where in the source: "para 11 (b)", "row 17". */
    sourceLocator: text('source_locator'),
    sourceAddress: text('source_address'),
    /** Who asserted it: a loader ("data:gdc-sdg") or a user. */
    assertedBy: text('asserted_by').notNull(),
    flags: text('flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('links_pair_idx').on(table.fromId, table.toId),
    index('links_to_idx').on(table.toId),
    check('links_type_check', sql`${table.type} in ('contributes-to', 'measured-by', 'relates-to', 'same-as')`),
    check('links_state_check', sql`${table.state} in ('suggested', 'confirmed', 'rejected')`),
    check('links_not_self', sql`${table.fromId} <> ${table.toId}`),
  ],
);

/** The UN entities that facilitate each WSIS action line (lead or co-facilitator). */
export const actionLineFacilitators = pgTable(
  'action_line_facilitators',
  {
    elementId: text('element_id')
      .notNull()
      .references(() => elements.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role').notNull(),
    confidence: text('confidence').notNull(),
    evidence: jsonb('evidence').$type<{ address: string; says: string }[]>().notNull().default([]),
    note: text('note'),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
  },
  (table) => [primaryKey({ columns: [table.elementId, table.organizationId] })],
);
