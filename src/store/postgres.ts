// The PostgreSQL dialect (production): a node-postgres pool.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { StoreError, type Connection, type QueryResult, type RowMode } from './connection.ts';

const { Pool, types } = pg;
const asText = (value: string) => value;

// Keep the embedded store's choices: dates and numerics as text, int8 (count(*)) as number, bytea as Uint8Array.
const typeParsers: Record<number, (value: string) => unknown> = {
  [types.builtins.TIMESTAMP]: asText,
  [types.builtins.TIMESTAMPTZ]: asText,
  [types.builtins.DATE]: asText,
  [types.builtins.INTERVAL]: asText,
  [types.builtins.NUMERIC]: asText,
  [types.builtins.INT8]: (value: string) => Number(value),
  // bytea as a plain Uint8Array, as PGlite gives it (node-postgres would answer a Buffer).
  [types.builtins.BYTEA]: (value: string) => {
    const bytes = (types.getTypeParser(types.builtins.BYTEA, 'text') as (text: string) => Buffer)(value);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};

const customTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) => {
    const parser = typeParsers[oid];
    if (parser && (format ?? 'text') === 'text') return parser;
    return types.getTypeParser(oid, 'text') as (value: string) => unknown;
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const e = error as { message?: string; code?: string; detail?: string; constraint?: string };
  return new StoreError(e.message ?? String(error), e.code, e.detail, e.constraint);
}

// Named statements: PostgreSQL parses and plans a named statement once per connection and reuses
// the plan, where an unnamed one is planned from scratch at every call (planning was two thirds
// of the database time of an element page). The name is the text's hash, so one text is one
// statement on every connection. Texts are finite in the code, but a query built with a varying
// number of parts makes new texts: past MAX_NAMED distinct texts, new ones run unnamed, so the
// statements kept per connection stay bounded.
const MAX_NAMED = 2000;
const names = new Map<string, string>();
function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED) return known;
  const name = `concord_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
  names.set(text, name);
  return name;
}

async function run(client: pg.Pool | pg.PoolClient, sql: string, params: unknown[], rowMode: RowMode): Promise<QueryResult> {
  try {
    const name = statementName(sql);
    const result =
      rowMode === 'array'
        ? await client.query({ name, text: sql, values: params, rowMode: 'array', types: customTypes })
        : await client.query({ name, text: sql, values: params, types: customTypes });
    return { rows: result.rows, affectedRows: result.rowCount ?? 0 };
  } catch (error) {
    throw toStoreError(error);
  }
}

export class PostgresConnection implements Connection {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string, max = 10): Promise<PostgresConnection> {
    const pool = new Pool({ connectionString, max });
    pool.on('error', () => undefined); // an idle client's error surfaces on its next use
    const client = await pool.connect().catch((error: unknown) => {
      throw toStoreError(error);
    });
    client.release();
    return new PostgresConnection(pool);
  }

  query(sql: string, params: unknown[], rowMode: RowMode): Promise<QueryResult> {
    return run(this.pool, sql, params, rowMode);
  }

  async exec(script: string): Promise<void> {
    try {
      await this.pool.query(script);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async transaction<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // One connection runs one statement at a time: statements a transaction sends at once (a
    // Promise.all of reads) wait their turn here, as node-postgres asks (it warns, and pg 9 refuses).
    let queue: Promise<unknown> = Promise.resolve();
    const direct: Connection = {
      query: (sql, params, rowMode) => {
        const result = queue.then(() => run(client, sql, params, rowMode));
        queue = result.catch(() => undefined);
        return result;
      },
      exec: async (script) => {
        try {
          await client.query(script);
        } catch (error) {
          throw toStoreError(error);
        }
      },
    };
    try {
      await client.query('BEGIN');
      const result = await work(direct);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
