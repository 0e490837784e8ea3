// Printed report PDFs, kept so that the same report (same data, same language) is served at once
// instead of printed again; a print expires after a day (PRINT_TTL_MS in prints-repository.ts).
import { customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * One printed PDF. Its `key` is a hash of the report's kind, subject, language and data (the
 * report model without its generation time): any change to what the report shows makes a new key.
 * Kept in the store rather than the data folder, so every Concord process on one PostgreSQL serves
 * what any of them printed.
 */
export const reportPrints = pgTable(
  'report_prints',
  {
    /** Random, in the address the job links to (`/{lang}/reports/prints/{id}`). */
    id: text('id').primaryKey(),
    key: text('key').notNull().unique(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    lang: text('lang').notNull(),
    /** The download's file name, without `.pdf`. */
    fileName: text('file_name').notNull(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [
    // Expired prints are removed by age.
    index('report_prints_expires_idx').on(t.expiresAt),
  ],
);

export type ReportPrintRow = typeof reportPrints.$inferSelect;
