// Creating and dropping the PostgreSQL databases the integration-pg tier runs in. The server is
// the one TEST_DATABASE_URL points at; its role needs CREATEDB (CI uses the superuser).
import pg from 'pg';

/** Prefix of every database the tests create, so stale ones can be found and dropped. */
export const testDatabasePrefix = 'concord_test_';

/** TEST_DATABASE_URL, or an error saying how to set it. */
export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error('TEST_DATABASE_URL is not set: set it to postgres://USER@HOST:PORT/postgres to run the integration-pg tier');
  }
  return url;
}

/** The same server address with another database name. */
export function databaseUrl(name: string, base: string = adminUrl()): string {
  const url = new URL(base);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs `work` with one short-lived connection to the server's administrative database. */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = adminUrl();
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    const shown = new URL(url);
    if (shown.password) shown.password = '***';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot connect to the PostgreSQL server of TEST_DATABASE_URL (${shown.toString()}): ${reason}`, { cause: error });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a database, empty (from template0) or as a copy of `template`. */
export async function createDatabase(name: string, template?: string): Promise<void> {
  await withAdmin((client) =>
    client.query(
      template
        ? `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`
        : `CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0 ENCODING 'UTF8'`,
    ),
  );
}

/** Drops a database, closing any connection left open to it. */
export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** Names of the test databases on the server whose names start with `prefix`. */
export async function testDatabases(prefix: string = testDatabasePrefix): Promise<string[]> {
  return withAdmin(async (client) => {
    const result = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    return result.rows.map((row) => row.datname);
  });
}

/** A name unique to this run that encodes when it was made: concord_test_<base36 ms><random>. */
export function newRunName(now = Date.now()): string {
  return `${testDatabasePrefix}${now.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** When a run named by `newRunName` started, or undefined for a name it did not make. */
export function runStartedAt(name: string): number | undefined {
  const match = /^concord_test_([0-9a-z]{8})/.exec(name);
  return match?.[1] ? parseInt(match[1], 36) : undefined;
}
