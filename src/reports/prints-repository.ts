// The reports slice's SQL for printed PDFs: found by the report's key while fresh, by id for the
// download, stored (replacing an older print of the same key) with expired prints removed.
import { randomUUID } from 'node:crypto';
import { sql, type Database } from '../store/index.ts';
import type { ReportPrintRow } from './schema.ts';

/** How long a printed PDF is kept and served: a day, then the next request prints it again. */
export const PRINT_TTL_MS = 24 * 3600_000;

export type ReportPrint = Pick<ReportPrintRow, 'id' | 'kind' | 'subject' | 'lang' | 'fileName' | 'bytes' | 'size' | 'createdAt'>;

const columns = sql`id, kind, subject, lang, file_name AS "fileName", bytes, size, created_at::text AS "createdAt"`;

/** The unexpired print of the report with this key, if any. */
export async function freshPrintByKey(db: Database, key: string): Promise<ReportPrint | undefined> {
  const [row] = await db.query<ReportPrint>(sql`SELECT ${columns} FROM report_prints WHERE key = ${key} AND expires_at > now()`);
  return row;
}

/** An unexpired print by its id (the address a finished job links to). */
export async function freshPrintById(db: Database, id: string): Promise<ReportPrint | undefined> {
  const [row] = await db.query<ReportPrint>(sql`SELECT ${columns} FROM report_prints WHERE id = ${id} AND expires_at > now()`);
  return row;
}

/**
 * Keeps a print under its key and returns its id; removes expired prints. When another worker
 * printed the same key meanwhile (same data), its row and id stand, so both jobs' links work.
 */
export async function storePrint(
  db: Database,
  print: { key: string; kind: string; subject: string; lang: string; fileName: string; bytes: Uint8Array },
): Promise<string> {
  await db.query(sql`DELETE FROM report_prints WHERE expires_at <= now()`);
  const [row] = await db.query<{ id: string }>(sql`
    INSERT INTO report_prints (id, key, kind, subject, lang, file_name, bytes, size, expires_at)
    VALUES (${randomUUID()}, ${print.key}, ${print.kind}, ${print.subject}, ${print.lang}, ${print.fileName}, ${print.bytes},
      ${print.bytes.byteLength}, now() + ${PRINT_TTL_MS}::float8 * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at
    RETURNING id`);
  return row!.id;
}

/** Forgets every kept print (the benchmark times printing itself, round after round). */
export async function forgetPrints(db: Database): Promise<void> {
  await db.query(sql`DELETE FROM report_prints`);
}
