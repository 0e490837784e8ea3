// Organizations: UN entities (the WSIS action-line facilitators) now; every stakeholder later.
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sources } from '../provenance/schema.ts';

export const organizations = pgTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  /** Government, Private sector, Civil society, Technical community, Academia, International organization, UN entity, Youth. */
  stakeholderType: text('stakeholder_type').notNull(),
  website: text('website'),
  /** ISO 3166-1 alpha-3, for organizations with a seat in one country. */
  country: text('country'),
  sourceId: text('source_id').references(() => sources.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
