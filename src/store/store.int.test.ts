// The store seam, black-box, on whichever store the tier runs against (embedded PGlite or
// PostgreSQL): migrations, transactions, errors and result types must be the same on both.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, rows, sql, StoreError, type Sql, type Store } from './index.ts';
import { migrate } from './migrate.ts';
import { createEmptyDatabase, openTestStore, testTier } from '../testing/store.ts';

const journal = JSON.parse(await readFile(new URL('./migrations/meta/_journal.json', import.meta.url), 'utf8')) as {
  entries: { idx: number; tag: string }[];
};
const migrationTags = journal.entries.map((entry) => entry.tag).sort();

/** What a promise rejected with (or fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('the statement was expected to fail');
    },
    (error: unknown) => error,
  );
}

describe('opening a store', () => {
  it('applies every migration on a new database, and a second open applies none', async () => {
    const database = await createEmptyDatabase();
    try {
      const first = await openStore(database.options);
      let appliedFirst: { tag: string; applied_at: string }[];
      try {
        appliedFirst = await rows<{ tag: string; applied_at: string }>(
          first.db,
          sql`SELECT tag, applied_at FROM concord_migrations ORDER BY tag`,
        );
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

  it('on PostgreSQL, prepares each statement once per connection and reuses its plan', async () => {
    if (store.dialect !== 'postgres') {
      // The embedded store has one connection in a worker: nothing to prepare per connection.
      expect(store.dialect).toBe('pglite');
      return;
    }
    const prepared = await store.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await tx.query(sql`SELECT id FROM elements WHERE id = ${`gdc.${i + 1}`}`);
      return rows<{ statement: string; calls: number }>(
        tx,
        sql`SELECT statement, generic_plans + custom_plans AS calls FROM pg_prepared_statements
            WHERE statement = 'SELECT id FROM elements WHERE id = $1'`,
      );
    });
    expect(prepared).toEqual([{ statement: 'SELECT id FROM elements WHERE id = $1', calls: 3 }]);
  });

  it('commits a transaction that succeeds and returns its value', async () => {
    const value = await store.transaction(async (tx) => {
      await tx.query(sql`INSERT INTO sources (id, title, licence) VALUES ('test-commit', 'Committed', 'n/a')`);
      return 42;
    });
    expect(value).toBe(42);
    expect(await sourceIds('test-commit')).toEqual(['test-commit']);
  });

  it('rolls back a transaction whose work throws, leaving no row', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.query(sql`INSERT INTO sources (id, title, licence) VALUES ('test-rollback-a', 'Rolled back', 'n/a')`);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await sourceIds('test-rollback-a')).toEqual([]);
  });

  it('rolls back a transaction whose statement fails, and stays usable', async () => {
    const error = await rejection(
      store.transaction(async (tx) => {
        await tx.query(sql`INSERT INTO sources (id, title, licence) VALUES ('test-rollback-b', 'First', 'n/a')`);
        await tx.query(sql`INSERT INTO sources (id, title, licence) VALUES ('test-rollback-b', 'Duplicate', 'n/a')`);
      }),
    );
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: '23505' });
    expect(await sourceIds('test-rollback-b')).toEqual([]);
    // The connection is free again, inside and outside a transaction.
    expect(await store.transaction((tx) => rows(tx, sql`SELECT 1 AS one`))).toEqual([{ one: 1 }]);
  });

  describe('errors are StoreErrors carrying the SQLSTATE code', () => {
    const failure = (query: Sql, inTransaction = false) =>
      rejection(inTransaction ? store.transaction((tx) => tx.query(query)) : store.db.query(query));
    const duplicate = sql`INSERT INTO frameworks (id, position, title, source_id, languages) VALUES ('sdg', 99, 'Duplicate', 'gdc', '{en}')`;

    it('23505 on a duplicate key, with its constraint', async () => {
      const error = await failure(duplicate);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ name: 'StoreError', code: '23505', constraint: 'frameworks_pkey' });
    });

    it('23505 inside a transaction too', async () => {
      const error = await failure(duplicate, true);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: '23505', constraint: 'frameworks_pkey' });
    });

    it('23503 on a missing foreign key', async () => {
      const error = await failure(sql`INSERT INTO elements (id, framework_id, kind, ancestors, position, code, source_id)
                                      VALUES ('test.1', 'no-such-framework', 'goal', '{}', 1, '1', 'gdc')`);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: '23503', constraint: 'elements_framework_id_frameworks_id_fk' });
    });

    it('23514 on a failed check (a link from an element to itself)', async () => {
      const error = await failure(sql`INSERT INTO links (from_id, to_id, type, state, asserted_by)
                                      VALUES ('sdg.1', 'sdg.1', 'relates-to', 'suggested', 'test')`);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: '23514', constraint: 'links_not_self' });
    });

    it('42P01 on an unknown table', async () => {
      const error = await failure(sql`SELECT * FROM no_such_table`);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: '42P01' });
    });
  });

  it('keeps text whole wherever its parameter ends in the message (Arabic included)', async () => {
    // Node 26.10.0's TextEncoder#encodeInto stops one character short on an exactly full
    // destination; PGlite's protocol writer hands it one whenever a parameter ends where the
    // writer's buffer does, and the statement failed with `invalid byte sequence ... 0x00`
    // (src/store/encode-utf8.mjs). Padding the parameter before it by one byte (one ASCII letter) at a time puts the
    // text's end on every byte of the first buffer, whatever its size.
    const texts = [
      'A/RES/80/173: the General Assembly, in its resolution, said ع',
      'نؤكد من جديد قيمة ومبادئ التعاون بين أصحاب المصلحة المتعددين.',
      'Promotion of multilingualism: 中文, русский, español, français, العربية',
    ];
    for (const text of texts) {
      for (let pad = 0; pad <= 320; pad++) {
        const [row] = await rows<{ pad: string; text: string }>(
          store.db,
          sql`SELECT ${'x'.repeat(pad)}::text AS pad, ${text}::text AS text`,
        );
        expect(row, `after ${pad} characters of padding`).toEqual({ pad: 'x'.repeat(pad), text });
      }
    }
  });

  it('returns count(*) and bigint ids as numbers, timestamps as text, on both dialects', async () => {
    const [counted] = await rows<{ n: unknown; now: unknown }>(
      store.db,
      sql`SELECT count(*) AS n, now() AS now FROM elements WHERE framework_id = ${'sdg'}`,
    );
    expect(counted?.n).toBe(17 + 169 + 252);
    expect(typeof counted?.now).toBe('string');

    const [link] = await rows<{ id: unknown; created_at: unknown }>(store.db, sql`SELECT id, created_at FROM links ORDER BY id LIMIT 1`);
    expect(typeof link?.id).toBe('number');
    expect(typeof link?.created_at).toBe('string');
  });

  it('returns bytea as a plain Uint8Array on both dialects, as it was written', async () => {
    const written = Uint8Array.from([0, 1, 127, 128, 255]);
    const [row] = await rows<{ b: unknown }>(store.db, sql`SELECT ${written}::bytea AS b`);
    expect(Object.getPrototypeOf(row?.b)).toBe(Uint8Array.prototype);
    expect([...(row?.b as Uint8Array)]).toEqual([...written]);
  });
});
