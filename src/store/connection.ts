// The dialect seam: one narrow interface over the embedded store (PGlite in a worker) and
// PostgreSQL, chosen once at start-up. Everything above it speaks parameterised SQL.
import { AsyncLocalStorage } from 'node:async_hooks';
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

/** A statement as it was sent to the store (its text and its parameters), to count or to run again. */
export type LoggedQuery = Sql;

// The statements run on behalf of one unit of work (a page, an API call), wherever in its async
// chain they are made: the query budget of a page is counted here, and the benches replay what
// they recorded as the page's floor. Outside `recordQueries` nothing is kept.
const queryLog = new AsyncLocalStorage<LoggedQuery[]>();

/**
 * Runs `work` and returns, besides its result, every statement it sent through the store seam, in
 * the order sent (concurrent statements in the order they were issued).
 *
 * @example
 * const { queries } = await recordQueries(() => app.request('/en/elements/sdg.9.c'));
 * expect(queries.length).toBeLessThanOrEqual(3);
 */
export async function recordQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: LoggedQuery[] }> {
  const queries: LoggedQuery[] = [];
  const result = await queryLog.run(queries, work);
  return { result, queries };
}

export function databaseOn(connection: Connection): Database {
  return {
    async query<T>(query: Sql): Promise<T[]> {
      queryLog.getStore()?.push(query);
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
