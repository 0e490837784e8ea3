// What the core library's reading remembers: per file, its checksum and the parser revision it
// was read with, kept as a reference release `library:<file>`. The reference_releases table is the
// provenance slice's (src/provenance/schema.ts), which publishes no read for it yet: these two
// statements are the documents slice's only use of it.
import { sql, type Database } from '../store/index.ts';

/** What a library file's last reading left. */
export interface ReadRecord {
  checksum: string;
  counts: { parser?: number; status?: 'read' | 'kept' | 'failed'; reason?: string };
}

/** The library files read so far, by dataset (`library:<file>`). */
export async function libraryRecords(db: Database): Promise<(ReadRecord & { dataset: string })[]> {
  return db.query<ReadRecord & { dataset: string }>(
    sql`SELECT dataset, checksum, counts FROM reference_releases WHERE dataset LIKE 'library:%'`,
  );
}

/** Records (or updates) what reading a library file left. */
export async function recordLibraryRead(db: Database, dataset: string, checksum: string, counts: ReadRecord['counts']): Promise<void> {
  await db.query(
    sql`INSERT INTO reference_releases (dataset, checksum, counts) VALUES (${dataset}, ${checksum}, ${JSON.stringify(counts)}::jsonb)
        ON CONFLICT (dataset) DO UPDATE SET checksum = excluded.checksum, counts = excluded.counts, loaded_at = now()`,
  );
}
