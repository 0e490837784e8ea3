// Reads composed into one statement: a page's read model is several queries (an element, its
// texts, its links both ways...), and each statement costs a round trip (to PostgreSQL, or to the
// embedded store's worker thread) besides its planning. Each query is written once, as a `Read`
// (its SQL and how to read its rows); `readOne` runs it alone, `readTogether` runs several as the
// columns of one SELECT, each aggregated to JSON.
import { sql, join, raw, type Sql } from './sql.ts';
import type { Database } from './connection.ts';

/** A query and how to make a value of its rows. */
export interface Read<T> {
  readonly query: Sql;
  read(rows: unknown[]): T;
}

/**
 * A read from its query and its reader. A query meant to be read together must give the same rows
 * as JSON as it gives directly: cast timestamps and numerics to text in its columns (the drivers
 * return both as text, JSON would not), and keep its order in the query itself.
 */
export function readOf<Row, T>(query: Sql, read: (rows: Row[]) => T): Read<T> {
  return { query, read: (rows) => read(rows as Row[]) };
}

/** Runs one read on its own. */
export async function readOne<T>(db: Database, read: Read<T>): Promise<T> {
  return read.read(await db.query(read.query));
}

type Values<R extends Record<string, Read<unknown>>> = { [K in keyof R]: R[K] extends Read<infer T> ? T : never };

/**
 * Runs several reads as one statement and returns each one's value under its name. Each query
 * becomes `(SELECT json_agg(q) FROM (query) q)`: the aggregate keeps the order of its subquery.
 *
 * @example
 * const { element, texts } = await readTogether(db, { element: elementRead(id, 'fr'), texts: textsRead(id) });
 */
export async function readTogether<R extends Record<string, Read<unknown>>>(db: Database, reads: R): Promise<Values<R>> {
  const names = Object.keys(reads);
  const columns = names.map((name, i) => sql`(SELECT coalesce(json_agg(q), '[]'::json) FROM (${reads[name]!.query}) q) AS ${raw(`r${i}`)}`);
  const [row] = await db.query<Record<string, unknown[]>>(sql`SELECT ${join(columns, ', ')}`);
  const values: Record<string, unknown> = {};
  names.forEach((name, i) => {
    values[name] = reads[name]!.read(row?.[`r${i}`] ?? []);
  });
  return values as Values<R>;
}
