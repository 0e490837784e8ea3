// The sources of a report's figures (PRODUCT.md: every datum with its source). Reference data
// (indicator series, catalogues) name a row of the `sources` table; records of Concord itself
// (a roadmap, the registry) and the documents that set the milestones are described here.
import { z } from '@hono/zod-openapi';
import { sql, pgTextArray, type Database } from '../store/index.ts';

export const ReportSourceSchema = z.object({
  /** Cited by figures and tables (`wdi-internet-use-2025`, `concord:roadmap:<id>`). */
  id: z.string(),
  title: z.string(),
  address: z.string().nullable(),
  licence: z.string().nullable(),
  /** What the report takes from it (English; one line each). */
  usedFor: z.array(z.string()),
});
export type ReportSource = z.infer<typeof ReportSourceSchema>;

/** Collects sources as a loader meets them; each is listed once, with everything it was used for. */
export class SourceList {
  private readonly byId = new Map<string, ReportSource>();

  add(source: Omit<ReportSource, 'usedFor'>, usedFor: string): string {
    const known = this.byId.get(source.id);
    if (known) {
      if (!known.usedFor.includes(usedFor)) known.usedFor.push(usedFor);
    } else {
      this.byId.set(source.id, { ...source, usedFor: [usedFor] });
    }
    return source.id;
  }

  /** Adds rows of the `sources` table by id; an id that is not there is kept with the id as title. */
  async addStored(db: Database, ids: readonly string[], usedFor: string): Promise<void> {
    const wanted = [...new Set(ids)].filter(Boolean);
    if (wanted.length === 0) return;
    const rows = await db.query<{ id: string; title: string; address: string | null; licence: string }>(
      sql`SELECT id, title, address, licence FROM sources WHERE id = ANY(${pgTextArray(wanted)}::text[])`,
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const id of wanted) {
      const row = found.get(id);
      this.add(row ?? { id, title: id, address: null, licence: null }, usedFor);
    }
  }

  list(): ReportSource[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
