// Indicators: the catalogue (codes, units, directions, texts per language, links to the framework
// elements they measure), observations by area and period from several sources, 2030 targets and
// the progress assessments computed from them with every component kept. Areas stay in the file
// catalogue (src/areas): they are reference data read once, and SQL only needs their codes.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { sources } from '../provenance/schema.ts';
import { elements } from '../frameworks/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const indicators = pgTable(
  'indicators',
  {
    /** The series code observations carry: a WDI code (`IT.NET.USER.ZS`), an SDG series (`IT_MOB_OWN`). */
    code: text('code').primaryKey(),
    position: integer('position').notNull(),
    /** SDMX UNIT_MEASURE: `PT`, `PER_100_POP`, `NUMBER`. */
    unit: text('unit').notNull(),
    /** Normative direction: `increase` or `decrease` is better. */
    direction: text('direction').notNull(),
    limitMin: doublePrecision('limit_min'),
    limitMax: doublePrecision('limit_max'),
    /** The SDG global series code when the UN has one (`IT_USE_ii99`). */
    sdgSeries: text('sdg_series'),
    /** Disaggregations as SDMX dimension ids (`SEX`, `URBANISATION`, `AGE`, `INCOME_WEALTH_QUANTILE`). */
    disaggregations: text('disaggregations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Where the definition comes from, and under which licence its data are published. */
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    licence: text('licence').notNull(),
    /** `core` (ITU core list), `national` (a national series), `context`. */
    kind: text('kind').notNull(),
    caveats: text('caveats')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [check('indicators_direction_check', sql`${t.direction} in ('increase', 'decrease')`)],
);

export const indicatorTexts = pgTable(
  'indicator_texts',
  {
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    name: text('name').notNull(),
    definition: text('definition'),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.lang] })],
);

/** What an indicator measures in the frameworks: typed (`measures`, `proxy-for`), with its source. */
export const indicatorElements = pgTable(
  'indicator_elements',
  {
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code, { onDelete: 'cascade' }),
    elementId: text('element_id')
      .notNull()
      .references(() => elements.id),
    type: text('type').notNull(),
    rationale: text('rationale'),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    assertedBy: text('asserted_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorCode, t.elementId] }),
    index('indicator_elements_element_idx').on(t.elementId),
    check('indicator_elements_type_check', sql`${t.type} in ('measures', 'proxy-for')`),
  ],
);

export const observations = pgTable(
  'observations',
  {
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    /** Concord area code (src/areas/catalog.ts). */
    area: text('area').notNull(),
    /** SDMX time period (`2024`, `2024-Q1`). */
    period: text('period').notNull(),
    year: smallint('year').notNull(),
    dimensions: jsonb('dimensions').$type<Record<string, string>>().notNull().default({}),
    /** The dimensions as one sorted string (`[]` for the total): part of the key. */
    dimensionsKey: text('dimensions_key').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit').notNull(),
    unitMultiplier: smallint('unit_multiplier'),
    /** SDMX OBS_STATUS: `E` estimated, `P` provisional, `F` forecast... */
    status: text('status'),
    /** Id of the source (sources table for the shipped ones; as the importer named it otherwise). */
    source: text('source').notNull(),
    notes: text('notes'),
    importId: bigint('import_id', { mode: 'number' }),
  },
  // The key is the only index: series reads (indicator, area, disaggregation, period) use it in
  // order, an area's profile reads it per indicator, and a bulk import maintains one index only.
  (t) => [primaryKey({ columns: [t.indicatorCode, t.area, t.dimensionsKey, t.period, t.source] })],
);

/** Each import: who, when, the format, and what it did. */
export const observationImports = pgTable('observation_imports', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  format: text('format').notNull(),
  actor: text('actor').notNull(),
  at: at('at').notNull().defaultNow(),
  rows: integer('rows').notNull(),
  inserted: integer('inserted').notNull(),
  updated: integer('updated').notNull(),
  unchanged: integer('unchanged').notNull(),
});

export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: text('id').primaryKey(),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code, { onDelete: 'cascade' }),
    /** Null: a global target, for every area. */
    area: text('area'),
    year: smallint('year').notNull(),
    value: doublePrecision('value').notNull(),
    /** English label as the source words it ("Individuals aged 15+ who use the Internet: 100 %"). */
    label: text('label').notNull(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    caveats: text('caveats')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [index('indicator_targets_indicator_idx').on(t.indicatorCode)],
);

/** A progress assessment with its components (INDICATORS.md section 2), recomputed on import. */
export const assessments = pgTable(
  'assessments',
  {
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    targetId: text('target_id')
      .notNull()
      .references(() => indicatorTargets.id, { onDelete: 'cascade' }),
    method: text('method').notNull(),
    /** `total`, or a gap: `parity:SEX`, `parity:URBANISATION`. */
    variant: text('variant').notNull(),
    /** The observations' source, or `concord-aggregate:<source>` for a group computed by Concord. */
    source: text('source').notNull(),
    status: text('status').notNull(),
    category: text('category'),
    targetAchieved: boolean('target_achieved').notNull(),
    reason: text('reason'),
    methodVersion: text('method_version').notNull(),
    components: jsonb('components').$type<Record<string, unknown>>().notNull(),
    projection: jsonb('projection').$type<Record<string, unknown> | null>(),
    /** For a group computed by Concord: the aggregation method, coverage and membership, per year. */
    aggregation: jsonb('aggregation').$type<Record<string, unknown> | null>(),
    computedAt: at('computed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorCode, t.area, t.targetId, t.method, t.variant, t.source] }),
    index('assessments_area_idx').on(t.area),
  ],
);
