// Roadmaps (issue 6): the joint WSIS-GDC roadmap and the action-line roadmaps, as trees of
// outcomes, outputs and activities, each tagged with the framework elements it serves.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/schema.ts';
import { users } from '../accounts/schema.ts';
import { elements } from '../frameworks/schema.ts';
import { indicators } from '../indicators/schema.ts';
import { initiatives } from '../initiatives/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const roadmaps = pgTable(
  'roadmaps',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The language the roadmap is written in. */
    lang: text('lang').notNull(),
    ownerOrganizationId: text('owner_organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The action line of a facilitator's roadmap; null for the joint WSIS-GDC roadmap. */
    actionLineId: text('action_line_id').references(() => elements.id),
    /** draft -> published (only when the quality checks pass) -> archived. */
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    publishedAt: at('published_at'),
  },
  (t) => [
    index('roadmaps_state_idx').on(t.state, t.updatedAt),
    index('roadmaps_owner_idx').on(t.ownerOrganizationId),
    check('roadmaps_state_check', sql`${t.state} in ('draft', 'published', 'archived')`),
  ],
);

export const roadmapNodes = pgTable(
  'roadmap_nodes',
  {
    id: text('id').primaryKey(),
    roadmapId: text('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    parentId: text('parent_id').references((): AnyPgColumn => roadmapNodes.id, { onDelete: 'cascade' }),
    /** outcome (top), output (under an outcome), activity (under an output). */
    kind: text('kind').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    leadOrganizationId: text('lead_organization_id').references(() => organizations.id),
    startDate: date('start_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('roadmap_nodes_roadmap_idx').on(t.roadmapId, t.position),
    check('roadmap_nodes_kind_check', sql`${t.kind} in ('outcome', 'output', 'activity')`),
    check('roadmap_nodes_status_check', sql`${t.status} in ('planned', 'ongoing', 'completed', 'delayed', 'cancelled')`),
    check('roadmap_nodes_top_check', sql`(${t.kind} = 'outcome') = (${t.parentId} IS NULL)`),
  ],
);

export const roadmapNodeElements = pgTable(
  'roadmap_node_elements',
  {
    nodeId: text('node_id')
      .notNull()
      .references(() => roadmapNodes.id, { onDelete: 'cascade' }),
    elementId: text('element_id')
      .notNull()
      .references(() => elements.id),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.elementId] }), index('roadmap_node_elements_element_idx').on(t.elementId)],
);

export const roadmapNodeContributors = pgTable(
  'roadmap_node_contributors',
  {
    nodeId: text('node_id')
      .notNull()
      .references(() => roadmapNodes.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.organizationId] })],
);

export const roadmapNodeIndicators = pgTable(
  'roadmap_node_indicators',
  {
    nodeId: text('node_id')
      .notNull()
      .references(() => roadmapNodes.id, { onDelete: 'cascade' }),
    /** The indicator's code in Concord's catalogue (ITU core indicators, SDG indicators). */
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    targetValue: numeric('target_value'),
    targetYear: integer('target_year'),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.indicatorCode] })],
);

/** The registry initiatives that carry out an activity: an activity with none is a gap the map shows. */
export const roadmapNodeInitiatives = pgTable(
  'roadmap_node_initiatives',
  {
    nodeId: text('node_id')
      .notNull()
      .references(() => roadmapNodes.id, { onDelete: 'cascade' }),
    initiativeId: text('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.initiativeId] }), index('roadmap_node_initiatives_initiative_idx').on(t.initiativeId)],
);
