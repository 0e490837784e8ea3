// The dialect seam: one narrow interface over the embedded store (PGlite in a worker) and
// PostgreSQL, chosen once at start-up. Everything above it speaks parameterised SQL.
import type { Sql } from './sql.ts';

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

/** A database bound to one connection (auto-commit, or inside a transaction). */
export interface Database {
  /** Runs a query built with the `sql` tag and returns its rows. */
  query<T = Record<string, unknown>>(query: Sql): Promise<T[]>;
}

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

export function databaseOn(connection: Connection): Database {
  return {
    async query<T>(query: Sql): Promise<T[]> {
      const result = await connection.query(query.text, query.values, 'object');
      return result.rows as T[];
    },
  };
}

/**
 * Formats values as a PostgreSQL array literal, to pass an array as one parameter (cast it:
 * `${pgArray(xs)}::text[]`, `::numeric[]`); null stays NULL.
 */
export function pgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/** Strings as a PostgreSQL array literal, to pass a text[] as one parameter. */
export const pgTextArray: (values: readonly string[]) => string = pgArray;
