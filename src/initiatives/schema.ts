// Initiatives: the stocktaking entry (what, who, where, when, how much, and which framework
// elements it serves), under review before it is public.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  type AnyPgColumn,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
import { organizations } from '../organizations/schema.ts';
import { users } from '../accounts/schema.ts';
import { elements } from '../frameworks/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const initiatives = pgTable(
  'initiatives',
  {
    id: text('id').primaryKey(),
    leadOrganizationId: text('lead_organization_id')
      .notNull()
      .references(() => organizations.id),
    /**
     * draft -> submitted -> published | returned | rejected; published -> archived. `importing`:
     * written by an import still running (import_id), seen by no reader until the import ends.
     */
    state: text('state').notNull(),
    /** The import that wrote this row while it is `importing`; null once the import has ended. */
    importId: text('import_id'),
    /**
     * For a row an import wrote `importing` as the new content of a stored initiative: that
     * initiative. When the import ends, the stored one takes this content and this row goes.
     */
    replaces: text('replaces').references((): AnyPgColumn => initiatives.id, { onDelete: 'cascade' }),
    /** planned, ongoing, completed, discontinued. */
    status: text('status').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    budgetAmount: numeric('budget_amount', { precision: 18, scale: 2 }),
    budgetCurrency: text('budget_currency'),
    /** The reviewer's request for clarification or reason for rejection. */
    reviewNote: text('review_note'),
    /** Incremented on every change: a form saved over a newer version is refused. */
    version: integer('version').notNull().default(1),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    submittedAt: at('submitted_at'),
    publishedAt: at('published_at'),
    /** The linked elements and all their ancestors: filtering by any element is one index lookup. */
    elementClosure: text('element_closure')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The areas and the M49 regions they lie in. */
    areaClosure: text('area_closure')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * The country groups (LDC, LLDC, SIDS) its countries belonged to, one `group@from` token per
     * period of unchanged membership (src/initiatives/area-groups.ts): "in an LDC in 2024" is one
     * index lookup although membership is dated.
     */
    areaGroups: text('area_groups')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The element set of its closure (src/coverage/schema.ts), kept by a trigger. */
    elementSetId: integer('element_set_id'),
    /** How many pledges it carries, kept by a trigger on pledges: the coverage matrix sums it. */
    pledgeCount: integer('pledge_count').notNull().default(0),
    /**
     * The outside registry the record was read from (`dpga`, `iati`; src/registries), null for a
     * record made in Concord; with its identifier there, the link back, the source's licence and
     * when it was last read. Refreshing matches on (source, source_id).
     */
    source: text('source'),
    sourceId: text('source_id'),
    sourceUrl: text('source_url'),
    sourceLicence: text('source_licence'),
    sourceReadAt: at('source_read_at'),
    /** A digest of the record as last written from its source: an unchanged record is not touched again. */
    sourceChecksum: text('source_checksum'),
    /** Why a record was archived, when Concord archived it (`source`: it left its registry). */
    archivedReason: text('archived_reason'),
    /** An imported record is read-only until its organization claims it and a reviewer confirms (who confirmed, when). */
    claimedBy: text('claimed_by'),
    claimedAt: at('claimed_at'),
  },
  (t) => [
    index('initiatives_state_idx').on(t.state, t.updatedAt),
    index('initiatives_lead_idx').on(t.leadOrganizationId),
    index('initiatives_elements_idx').using('gin', t.elementClosure),
    index('initiatives_areas_idx').using('gin', t.areaClosure),
    index('initiatives_area_groups_idx').using('gin', t.areaGroups),
    // The coverage matrix reads these four only: an index-only scan, whatever the table's width.
    index('initiatives_coverage_idx').on(t.state, t.elementSetId, t.pledgeCount, t.id),
    index('initiatives_import_idx').on(t.importId),
    index('initiatives_replaces_idx').on(t.replaces),
    uniqueIndex('initiatives_source_idx').on(t.source, t.sourceId),
    check(
      'initiatives_state_check',
      sql`${t.state} in ('importing', 'draft', 'submitted', 'returned', 'published', 'rejected', 'archived')`,
    ),
    check('initiatives_status_check', sql`${t.status} in ('planned', 'ongoing', 'completed', 'discontinued')`),
    check('initiatives_dates_check', sql`${t.endDate} IS NULL OR ${t.startDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);
/**
 * The commit point of an import that updates stored records: once its row is here the import is
 * decided, and its staged rows (`replaces`) are handed over to the records they replace in short
 * transactions of their own, by the import, by whoever locks one of those records first, or after
 * a crash by the next start (handOverImport in service.ts). Without a row, staged rows are an
 * unfinished import, deleted by discardImport.
 */
export const importHandovers = pgTable('import_handovers', {
  importId: text('import_id').primaryKey(),
  committedAt: at('committed_at').notNull().defaultNow(),
});

export const initiativeTexts = pgTable(
  'initiative_texts',
  {
    initiativeId: text('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Title and description folded and stemmed in their language (Chinese segmented). */
    search: tsvector('search'),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.lang] }),
    index('initiative_texts_search_idx').using('gin', t.search),
    index('initiative_texts_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
  ],
);

export const initiativePartners = pgTable(
  'initiative_partners',
  {
    initiativeId: text('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.organizationId] }), index('initiative_partners_org_idx').on(t.organizationId)],
);

export const initiativeAreas = pgTable(
  'initiative_areas',
  {
    initiativeId: text('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    /** Concord area code: ISO alpha-3, or M49 for regions and the LDC/LLDC/SIDS groups. */
    areaCode: text('area_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.areaCode] }), index('initiative_areas_area_idx').on(t.areaCode)],
);

export const initiativeLinks = pgTable(
  'initiative_links',
  {
    initiativeId: text('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    elementId: text('element_id')
      .notNull()
      .references(() => elements.id),
    type: text('type').notNull(),
    /** The evidence sentence: why this initiative serves that element. */
    evidence: text('evidence').notNull(),
    address: text('address'),
    /**
     * `confirmed`: part of the record (its author's or its source's claim, reviewed with the
     * record); `suggested`: proposed by Concord's matcher from the record's text, counted nowhere
     * until a reviewer confirms; `rejected`: a suggestion a reviewer turned down (not proposed again).
     */
    state: text('state').notNull().default('confirmed'),
    /** Who stated the link: null for the record's author, else the registry (`dpga`) or `matcher`. */
    source: text('source'),
    /** True when someone other than the owner reviewed the claim at the source (the DPGA's review of a DPG). */
    reviewedAtSource: boolean('reviewed_at_source').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.elementId] }),
    check('initiative_links_state_check', sql`${t.state} in ('suggested', 'confirmed', 'rejected')`),
    index('initiative_links_element_idx').on(t.elementId),
    check('initiative_links_type_check', sql`${t.type} in ('contributes-to', 'measured-by', 'relates-to', 'same-as')`),
  ],
);

export const initiativeWebLinks = pgTable(
  'initiative_web_links',
  {
    initiativeId: text('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    label: text('label'),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.url] })],
);

/** A reviewer's decision on a pair of initiatives found alike: remembered, so the pair is not proposed again. */
export const duplicateDecisions = pgTable(
  'duplicate_decisions',
  {
    /** The pair, smaller id first. */
    firstId: text('first_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    secondId: text('second_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    decision: text('decision').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedAt: at('decided_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firstId, t.secondId] }),
    check('duplicate_decisions_order', sql`${t.firstId} < ${t.secondId}`),
    check('duplicate_decisions_decision_check', sql`${t.decision} in ('duplicate', 'not-duplicate')`),
  ],
);
