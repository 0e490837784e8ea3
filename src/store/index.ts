// Opens the configured store (PostgreSQL when DATABASE_URL is set, else embedded PGlite) and
// brings its schema up to date.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { databaseOn, type Connection, type Database, type Dialect } from './connection.ts';
import type { Sql } from './sql.ts';
import { EmbeddedConnection } from './embedded.ts';
import { migrate } from './migrate.ts';
import { restoreDump } from './restore.ts';
import { claimStore, type Ownership } from './owner.ts';

export { pgArray, pgTextArray, recordQueries, StoreError, type Database, type Dialect, type LoggedQuery } from './connection.ts';
export { sql, join, raw, empty, type Sql } from './sql.ts';
export { StoreInUse, type Ownership } from './owner.ts';

/** Runs a query and returns its rows (the same as `db.query`). */
export function rows<T>(db: Database, query: Sql): Promise<T[]> {
  return db.query<T>(query);
}

export interface Store {
  readonly dialect: Dialect;
  /** Auto-commit database. Inside `transaction`, use the database it hands you. */
  readonly db: Database;
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The embedded store's files as a tar (tests and backups); undefined on PostgreSQL. */
  dump?(): Promise<Uint8Array>;
  /** The embedded store's claim on its folder (released by close); undefined in memory and on PostgreSQL. */
  readonly ownership?: Ownership;
}

export interface StoreOptions {
  databaseUrl?: string | undefined;
  /** Embedded store folder; undefined keeps it in memory. */
  dataDir?: string | undefined;
  /** Embedded store: start from this dump (tar). */
  loadFrom?: string;
  /** Skip migrations (for tools that only read). */
  migrate?: boolean;
  /** What opens it, named in the lock of an embedded store folder (`concord start`). */
  owner?: string;
}

type TransactionalConnection = Connection & {
  transaction<T>(work: (connection: Connection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

function storeOn(dialect: Dialect, connection: TransactionalConnection, dump?: () => Promise<Uint8Array>): Store {
  return {
    dialect,
    db: databaseOn(connection),
    transaction: (work) => connection.transaction((direct) => work(databaseOn(direct))),
    close: () => connection.close(),
    ...(dump ? { dump } : {}),
  };
}

/** Opens the store and applies pending migrations. */
export async function openStore(options: StoreOptions): Promise<Store> {
  let store: Store;
  if (options.databaseUrl) {
    // Loaded only when used: the embedded store never needs the pg driver.
    const { PostgresConnection } = await import('./postgres.ts');
    const connection = await PostgresConnection.open(options.databaseUrl);
    store = storeOn('postgres', connection);
  } else {
    let ownership: Ownership | undefined;
    if (options.dataDir) {
      await mkdir(options.dataDir, { recursive: true });
      // Before PGlite opens the folder: a second process on it loses writes or damages it.
      ownership = await claimStore(options.dataDir, options.owner ?? `concord (${process.argv.slice(1).join(' ')})`);
    }
    let connection: EmbeddedConnection;
    try {
      let loadFrom = options.loadFrom;
      // A dump for a new folder is written there by the file system, far faster than through PGlite.
      if (loadFrom && options.dataDir && !existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
        await restoreDump(loadFrom, options.dataDir);
        loadFrom = undefined;
      }
      connection = await EmbeddedConnection.open({
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        ...(loadFrom ? { loadFrom } : {}),
      });
    } catch (error) {
      await ownership?.release();
      throw error;
    }
    const opened = storeOn('pglite', connection, () => connection.dump());
    store = ownership
      ? {
          ...opened,
          ownership,
          close: async () => {
            try {
              await opened.close();
            } finally {
              await ownership.release();
            }
          },
        }
      : opened;
  }
  if (options.migrate !== false) {
    try {
      await migrate(store);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}
