// Element sets: each distinct element closure stored once under a number. Records tagged alike
// share a set, so the coverage matrix groups records by a number (cheap) instead of by an array
// (costly), then spreads each set over the matrix once. Kept by triggers (migration element_sets).
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

export const elementSets = pgTable(
  'element_sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Sorted, without repeats. */
    closure: text('closure').array().notNull(),
  },
  (t) => [uniqueIndex('element_sets_closure_idx').on(t.closure), index('element_sets_elements_idx').using('gin', t.closure)],
);
