// Pledges: quantified commitments attached to an initiative or made by an organization alone,
// their money (pledged, committed, disbursed, spent) and their progress updates (reviewed before
// they are public).
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { initiatives } from '../initiatives/schema.ts';
import { organizations } from '../organizations/schema.ts';
import { users } from '../accounts/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const pledges = pgTable(
  'pledges',
  {
    id: text('id').primaryKey(),
    /**
     * Public with its initiative: a pledge is reviewed and published together with it. Null for a
     * pledge an organization makes on its own, which is reviewed by itself (state).
     */
    initiativeId: text('initiative_id').references(() => initiatives.id, { onDelete: 'cascade' }),
    /** An organization's own pledge: submitted -> published | rejected (with a reason); published -> archived. */
    state: text('state'),
    /** The reviewer's reason, when an organization's own pledge is rejected. */
    reviewNote: text('review_note'),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** What is measured, in the pledger's words ("schools connected"). */
    metric: text('metric').notNull(),
    unit: text('unit').notNull(),
    baselineValue: numeric('baseline_value').notNull(),
    baselineDate: date('baseline_date', { mode: 'string' }).notNull(),
    targetValue: numeric('target_value').notNull(),
    targetDate: date('target_date', { mode: 'string' }).notNull(),
    beneficiaries: bigint('beneficiaries', { mode: 'number' }),
    /** Weight in the initiative's progress roll-up (all pledges need one for weights to apply). */
    weight: numeric('weight'),
    areas: text('areas')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The date of its latest published progress report, kept by a trigger: stale pledges are found by index. */
    reportedOn: date('reported_on', { mode: 'string' }),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('pledges_initiative_idx').on(t.initiativeId),
    index('pledges_organization_idx').on(t.organizationId),
    index('pledges_last_news_idx').using('btree', sql`coalesce(${t.reportedOn}, ${t.baselineDate})`),
    check('pledges_dates_check', sql`${t.targetDate} > ${t.baselineDate}`),
    check('pledges_parent_check', sql`(${t.initiativeId} IS NULL) = (${t.state} IS NOT NULL)`),
    check('pledges_state_check', sql`${t.state} IS NULL OR ${t.state} in ('submitted', 'published', 'rejected', 'archived')`),
  ],
);

export const pledgeTransactions = pgTable(
  'pledge_transactions',
  {
    id: text('id').primaryKey(),
    pledgeId: text('pledge_id')
      .notNull()
      .references(() => pledges.id, { onDelete: 'cascade' }),
    /** The money chain (IATI): pledged -> committed -> disbursed -> spent. */
    kind: text('kind').notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('pledge_transactions_pledge_idx').on(t.pledgeId),
    check('pledge_transactions_kind_check', sql`${t.kind} in ('pledged', 'committed', 'disbursed', 'spent')`),
  ],
);

export const progressUpdates = pgTable(
  'progress_updates',
  {
    id: text('id').primaryKey(),
    pledgeId: text('pledge_id')
      .notNull()
      .references(() => pledges.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    value: numeric('value').notNull(),
    narrative: text('narrative').notNull(),
    evidenceUrl: text('evidence_url'),
    /** submitted -> published | rejected (published with the initiative when it is published). */
    state: text('state').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: at('reviewed_at'),
  },
  (t) => [
    index('progress_updates_pledge_idx').on(t.pledgeId, t.date),
    check('progress_updates_state_check', sql`${t.state} in ('submitted', 'published', 'rejected')`),
  ],
);

export type PledgeRow = typeof pledges.$inferSelect;
export type PledgeTransactionRow = typeof pledgeTransactions.$inferSelect;
export type ProgressUpdateRow = typeof progressUpdates.$inferSelect;
