// Provenance tables: where every reference datum comes from, and the history of changes.
import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A source a datum is taken from: an official document, a repository file, a web page. */
export const sources = pgTable('sources', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  /** UN document symbol, when the source is a UN document (A/RES/79/1). */
  documentSymbol: text('document_symbol'),
  /** The official or canonical address. */
  address: text('address'),
  repository: text('repository'),
  commit: text('commit'),
  path: text('path'),
  licence: text('licence').notNull(),
  notes: jsonb('notes').$type<string[]>().notNull().default([]),
});

/** Who changed what and when, for every record users or loaders write. */
export const changes = pgTable(
  'changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
  },
  (table) => [index('changes_entity_idx').on(table.entity, table.entityId, table.at)],
);

/** Each reference data set loaded, with the checksum of the files it came from. */
export const referenceReleases = pgTable('reference_releases', {
  dataset: text('dataset').primaryKey(),
  checksum: text('checksum').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
});
