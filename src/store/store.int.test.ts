// The store seam, black-box, on whichever store the tier runs against (embedded PGlite or
// PostgreSQL): migrations, transactions, errors and result types must be the same on both.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, sql, type SQL } from 'drizzle-orm';
import { openStore, rows, StoreError, type Store } from './index.ts';
import { migrate } from './migrate.ts';
import { elements, links } from './schema.ts';
import { createEmptyDatabase, openTestStore, testTier } from '../testing/store.ts';

const journal = JSON.parse(await readFile(new URL('./migrations/meta/_journal.json', import.meta.url), 'utf8')) as {
  entries: { idx: number; tag: string }[];
};
const migrationTags = journal.entries.map((entry) => entry.tag).sort();

/**
 * The StoreError along an error's cause chain: Drizzle wraps what the seam throws in a
 * DrizzleQueryError ("Failed query: ..."), with the StoreError as its cause.
 */
function storeErrorIn(error: unknown): StoreError | undefined {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof StoreError) return e;
  return undefined;
}

describe('opening a store', () => {
  it('applies every migration on a new database, and a second open applies none', async () => {
    const database = await createEmptyDatabase();
    try {
      const first = await openStore(database.options);
      let appliedFirst: { tag: string; applied_at: string }[];
      try {
        appliedFirst = await rows(first.db, sql`SELECT tag, applied_at FROM concord_migrations ORDER BY tag`);
        expect(appliedFirst.map((row) => row.tag)).toEqual(migrationTags);
        const tables = await rows<{ t: string | null }>(first.db, sql`SELECT to_regclass('public.elements')::text AS t`);
        expect(tables[0]?.t).toBe('elements');
      } finally {
        await first.close();
      }

      const second = await openStore(database.options);
      try {
        const appliedSecond = await rows(second.db, sql`SELECT tag, applied_at FROM concord_migrations ORDER BY tag`);
        expect(appliedSecond).toEqual(appliedFirst);
        expect(await migrate(second)).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });
});

describe('a seeded store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store?.close());

  const sourceIds = async (prefix: string) =>
    (await rows<{ id: string }>(store.db, sql`SELECT id FROM sources WHERE starts_with(id, ${prefix}) ORDER BY id`)).map((r) => r.id);

  it('runs on the tier’s dialect, with the schema already migrated', async () => {
    expect(store.dialect).toBe(testTier() === 'embedded' ? 'pglite' : 'postgres');
    const applied = await rows<{ tag: string }>(store.db, sql`SELECT tag FROM concord_migrations ORDER BY tag`);
    expect(applied.map((row) => row.tag)).toEqual(migrationTags);
    expect(await migrate(store)).toEqual([]);
  });

  it('commits a transaction that succeeds and returns its value', async () => {
    const value = await store.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO sources (id, title, licence) VALUES ('test-commit', 'Committed', 'n/a')`);
      return 42;
    });
    expect(value).toBe(42);
    expect(await sourceIds('test-commit')).toEqual(['test-commit']);
  });

  it('rolls back a transaction whose work throws, leaving no row', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO sources (id, title, licence) VALUES ('test-rollback-a', 'Rolled back', 'n/a')`);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await sourceIds('test-rollback-a')).toEqual([]);
  });

  it('rolls back a transaction whose statement fails, and stays usable', async () => {
    const attempt = store.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO sources (id, title, licence) VALUES ('test-rollback-b', 'First', 'n/a')`);
      await tx.execute(sql`INSERT INTO sources (id, title, licence) VALUES ('test-rollback-b', 'Duplicate', 'n/a')`);
    });
    const error = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(storeErrorIn(error)).toMatchObject({ code: '23505' });
    expect(await sourceIds('test-rollback-b')).toEqual([]);
    // The connection is free again, inside and outside a transaction.
    expect(await store.transaction((tx) => rows(tx, sql`SELECT 1 AS one`))).toEqual([{ one: 1 }]);
  });

  describe('errors carry the SQLSTATE code', () => {
    const failure = async (query: SQL, inTransaction = false): Promise<StoreError | undefined> => {
      try {
        await (inTransaction ? store.transaction((tx) => tx.execute(query)) : store.db.execute(query));
      } catch (error) {
        return storeErrorIn(error);
      }
      throw new Error('the statement was expected to fail');
    };
    const duplicate = sql`INSERT INTO frameworks (id, position, title, source_id, languages) VALUES ('sdg', 99, 'Duplicate', 'gdc', '{en}')`;

    it('23505 on a duplicate key, with its constraint', async () => {
      expect(await failure(duplicate)).toMatchObject({ name: 'StoreError', code: '23505', constraint: 'frameworks_pkey' });
    });

    it('23505 inside a transaction too', async () => {
      expect(await failure(duplicate, true)).toMatchObject({ name: 'StoreError', code: '23505', constraint: 'frameworks_pkey' });
    });

    it('23503 on a missing foreign key', async () => {
      const error = await failure(sql`INSERT INTO elements (id, framework_id, kind, ancestors, position, code, source_id)
                                      VALUES ('test.1', 'no-such-framework', 'goal', '{}', 1, '1', 'gdc')`);
      expect(error).toMatchObject({ code: '23503', constraint: 'elements_framework_id_frameworks_id_fk' });
    });

    it('23514 on a failed check (a link from an element to itself)', async () => {
      const error = await failure(sql`INSERT INTO links (from_id, to_id, type, state, asserted_by)
                                      VALUES ('sdg.1', 'sdg.1', 'relates-to', 'suggested', 'test')`);
      expect(error).toMatchObject({ code: '23514', constraint: 'links_not_self' });
    });

    it('42P01 on an unknown table', async () => {
      expect(await failure(sql`SELECT * FROM no_such_table`)).toMatchObject({ code: '42P01' });
    });

    // Known gap, reported: callers cannot write `error instanceof StoreError` today. When the
    // seam unwraps Drizzle's error, this starts to pass: turn `it.fails` into `it`.
    it.fails('is thrown as the StoreError itself, not wrapped', async () => {
      const thrown = await store.db.execute(duplicate).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(thrown).toBeInstanceOf(StoreError);
    });
  });

  it('returns count(*) and bigint ids as numbers, timestamps as text, on both dialects', async () => {
    const [raw] = await rows<{ n: unknown; now: unknown }>(store.db, sql`SELECT count(*) AS n, now() AS now FROM elements WHERE framework_id = 'sdg'`);
    expect(raw?.n).toBe(17 + 169 + 252);
    expect(typeof raw?.now).toBe('string');

    const [typed] = await store.db.select({ n: count() }).from(elements);
    expect(typeof typed?.n).toBe('number');

    const [link] = await rows<{ id: unknown }>(store.db, sql`SELECT id FROM links ORDER BY id LIMIT 1`);
    expect(typeof link?.id).toBe('number');
    const [viaDrizzle] = await store.db.select({ id: links.id, createdAt: links.createdAt }).from(links).limit(1);
    expect(typeof viaDrizzle?.id).toBe('number');
    expect(typeof viaDrizzle?.createdAt).toBe('string');
  });
});
