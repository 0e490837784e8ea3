// Organizations: UN entities (the WSIS action-line facilitators) and every stakeholder, with
// their members (who belongs where, and who administers it).
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { sources } from '../provenance/schema.ts';
import { users } from '../accounts/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const organizations = pgTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /**
     * The name's look-alike key (`nameKey` in src/language/names.ts), so a new name is compared
     * through an index; rows written without it (reference data) get it at the next comparison.
     */
    nameKey: text('name_key'),
    shortName: text('short_name').notNull(),
    /** government, private-sector, civil-society, technical-community, academia, international-organization, un-entity, youth. */
    stakeholderType: text('stakeholder_type').notNull(),
    description: text('description'),
    website: text('website'),
    /** ISO 3166-1 alpha-3, for organizations with a seat in one country. */
    country: text('country'),
    sourceId: text('source_id').references(() => sources.id),
    /** Reviewers verify new organizations; reference-data organizations come verified. */
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'string' }),
    verifiedBy: text('verified_by'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('organizations_name_key_idx').on(t.nameKey),
    check(
      'organizations_type_check',
      sql`${t.stakeholderType} in ('government', 'private-sector', 'civil-society', 'technical-community', 'academia', 'international-organization', 'un-entity', 'youth')`,
    ),
  ],
);

/** Who belongs to which organization: asked for, then accepted (or rejected) by its administrators. */
export const memberships = pgTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** admin: accepts join requests and manages the organization; member: edits its records. */
    role: text('role').notNull(),
    /** requested -> active, or rejected. */
    state: text('state').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organizationId] }),
    index('memberships_org_idx').on(t.organizationId, t.state),
    check('memberships_role_check', sql`${t.role} in ('admin', 'member')`),
    check('memberships_state_check', sql`${t.state} in ('requested', 'active', 'rejected')`),
  ],
);

export type OrganizationRow = typeof organizations.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
