// The dialect seam: one narrow interface over the embedded store (PGlite in a worker) and
// PostgreSQL, chosen once at start-up. Everything above it speaks Drizzle or plain SQL.
import { drizzle, type PgRemoteDatabase } from 'drizzle-orm/pg-proxy';
import type { SQLWrapper } from 'drizzle-orm';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A Drizzle database bound to one connection (auto-commit or inside a transaction). */
export type Database = PgRemoteDatabase<Schema>;
export type RowMode = 'array' | 'object';

export interface QueryResult {
  rows: unknown[];
  affectedRows: number;
}

/** One connection to the store, as the dialects provide it. */
export interface Connection {
  query(sql: string, params: unknown[], rowMode: RowMode): Promise<QueryResult>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
}

export type Dialect = 'pglite' | 'postgres';

/** A store error carrying PostgreSQL's SQLSTATE code, whatever the dialect. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly detail?: string,
    readonly constraint?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Wraps a connection as a Drizzle database. */
export function databaseOn(connection: Connection): Database {
  return drizzle(
    async (sql, params, method) => {
      const result = await connection.query(sql, params, method === 'all' ? 'array' : 'object');
      return { rows: result.rows };
    },
    { schema },
  );
}

/** Runs a raw SQL statement (built with Drizzle's `sql` tag, so parameterised) and returns its rows. */
export async function rows<T>(db: Database, query: SQLWrapper): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

/** Formats strings as a PostgreSQL array literal, to pass a text[] as one parameter. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
