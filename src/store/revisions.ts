// Read models cached by revision. A named revision is a counter in `read_revisions` that triggers
// move forward in the same transaction as every committed write to a table its read models show,
// whoever writes (a page, an import, another Concord process, SQL by hand). A read model is cached
// under the revisions it depends on and used only while they are unchanged, so nothing served is
// older than the last committed change; a write to a table no read model of a revision shows (an
// organization's description) leaves that revision, and its cache, as they are.
import { createHash } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import { LRUCache } from 'lru-cache';
import { sql, raw } from './sql.ts';
import type { Database } from './connection.ts';

/** A table whose writes move a revision; with `columns`, only updates that change one of them do. */
interface MovedBy {
  readonly table: string;
  readonly columns?: readonly string[];
}

// What moves each revision, beside the read models that depend on it. A table missing from a list
// leaves its read models stale: add it here, not a trigger by hand (migrate() installs these).
const organizationsShown = ['id', 'name', 'short_name', 'stakeholder_type', 'country', 'source_id', 'verified_at'];
export const revisionsMovedBy = {
  /**
   * The framework graph (src/frameworks/service.ts: frameworks, framework trees, element views,
   * the crosswalk matrix): elements, their texts (documents write official translations), links,
   * sources, and the facilitating organizations' names.
   */
  reference: [
    { table: 'frameworks' },
    { table: 'elements' },
    { table: 'element_texts' },
    { table: 'links' },
    { table: 'sources' },
    { table: 'action_line_facilitators' },
    { table: 'organizations', columns: ['id', 'name', 'short_name'] },
  ],
  /**
   * The public registry's lists, facets and map (src/initiatives/service.ts), the coverage
   * matrix and gap lists (src/coverage/service.ts), which count pledges, roadmaps, document
   * paragraphs and indicators too, and the mandates list's counts per status and kind
   * (src/mandates/service.ts), which the records answering a mandate change.
   */
  registry: [
    { table: 'initiatives' },
    { table: 'initiative_texts' },
    { table: 'initiative_areas' },
    { table: 'initiative_links' },
    { table: 'initiative_partners' },
    { table: 'organizations', columns: organizationsShown },
    { table: 'pledges' },
    { table: 'pledge_transactions' },
    { table: 'progress_updates' },
    { table: 'roadmaps' },
    { table: 'roadmap_nodes' },
    { table: 'roadmap_node_elements' },
    { table: 'roadmap_node_contributors' },
    { table: 'roadmap_node_initiatives' },
    { table: 'paragraph_links' },
    { table: 'indicator_elements' },
    { table: 'mandates' },
    { table: 'mandate_answers' },
  ],
} as const satisfies Record<string, readonly MovedBy[]>;

export type RevisionName = keyof typeof revisionsMovedBy;
const revisionNames = Object.keys(revisionsMovedBy) as RevisionName[];

// --- Triggers, made from the declarations above -------------------------------------------------

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Per table, the revisions every write moves, and those only some columns move. */
function triggersByTable(): Map<string, { always: Set<string>; byColumns: Map<string, readonly string[]> }> {
  const tables = new Map<string, { always: Set<string>; byColumns: Map<string, readonly string[]> }>();
  for (const name of revisionNames) {
    for (const moved of revisionsMovedBy[name] as readonly MovedBy[]) {
      let entry = tables.get(moved.table);
      if (!entry) tables.set(moved.table, (entry = { always: new Set(), byColumns: new Map() }));
      if (moved.columns) entry.byColumns.set(name, moved.columns);
      else entry.always.add(name);
    }
  }
  return tables;
}

/** A key over the declarations: migrate() installs the triggers again when it changes. */
export function revisionTriggersKey(): string {
  return `read-revisions:${createHash('sha1').update(JSON.stringify(revisionsMovedBy)).digest('hex').slice(0, 12)}`;
}

/**
 * The statements that make the revision triggers (every one named `<table>_read_revision*`, all
 * dropped first): a statement trigger per table for the revisions any write moves, and for a
 * revision only some columns move, a statement trigger on inserts and deletes and a row trigger
 * on updates that change one of them. Tables not made yet are passed over.
 */
export function revisionTriggerStatements(existing: ReadonlySet<string>): string[] {
  const statements: string[] = [];
  for (const name of revisionNames)
    statements.push(`INSERT INTO read_revisions (name, revision) VALUES (${literal(name)}, 1) ON CONFLICT (name) DO NOTHING`);
  for (const [table, { always, byColumns }] of triggersByTable()) {
    if (!existing.has(table)) continue;
    const on = quote(table);
    const args = (names: Iterable<string>) => [...names].map(literal).join(', ');
    const partial = [...byColumns.keys()].filter((name) => !always.has(name));
    if (always.size > 0)
      statements.push(
        `CREATE TRIGGER ${quote(`${table}_read_revision`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${on} FOR EACH STATEMENT EXECUTE FUNCTION read_revision_bump(${args(always)})`,
      );
    if (partial.length > 0)
      statements.push(
        `CREATE TRIGGER ${quote(`${table}_read_revision_rows`)} AFTER INSERT OR DELETE OR TRUNCATE ON ${on} FOR EACH STATEMENT EXECUTE FUNCTION read_revision_bump(${args(partial)})`,
      );
    partial.forEach((name, i) => {
      const columns = byColumns.get(name)!;
      const changed = columns.map((c) => `OLD.${quote(c)} IS DISTINCT FROM NEW.${quote(c)}`).join(' OR ');
      statements.push(
        `CREATE TRIGGER ${quote(`${table}_read_revision_update_${i}`)} AFTER UPDATE OF ${columns.map(quote).join(', ')} ON ${on} FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION read_revision_bump(${literal(name)})`,
      );
    });
  }
  return statements;
}

/** Drops every revision trigger and makes them again from the declarations (migrate(), under its lock). */
export async function installRevisionTriggers(tx: Database): Promise<void> {
  const old = await tx.query<{ name: string; table: string }>(
    sql`SELECT t.tgname AS name, c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'read_revision_bump' AND NOT t.tgisinternal`,
  );
  for (const trigger of old) await tx.query(raw(`DROP TRIGGER ${quote(trigger.name)} ON ${quote(trigger.table)}`));
  const tables = await tx.query<{ name: string }>(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`);
  for (const statement of revisionTriggerStatements(new Set(tables.map((t) => t.name)))) await tx.query(raw(statement));
}

// --- Reading revisions --------------------------------------------------------------------------

type Revisions = ReadonlyMap<string, string>;

interface RevisionReads {
  running?: Promise<Revisions>;
  queued?: Promise<Revisions>;
}
const reads = new WeakMap<Database, RevisionReads>();

/** Every named revision, in one statement. */
export async function readRevisions(db: Database): Promise<Revisions> {
  const rows = await db.query<{ name: string; revision: string }>(sql`SELECT name, revision::text AS revision FROM read_revisions`);
  return new Map(rows.map((r) => [r.name, r.revision]));
}

/**
 * Moves a revision forward by hand, as any committed write to a table it lists does (triggers do
 * that for writes): for benchmarks and tests that need "a write happened" without writing a record.
 */
export async function moveRevision(db: Database, name: RevisionName): Promise<void> {
  await db.query(sql`UPDATE read_revisions SET revision = revision + 1 WHERE name = ${name}`);
}

/**
 * The revisions as of a read that began after the call: callers that arrive while a read is under
 * way share the next one, so under load at most two reads are in flight and none is stale.
 */
function currentRevisions(db: Database): Promise<Revisions> {
  let r = reads.get(db);
  if (!r) reads.set(db, (r = {}));
  const state = r;
  if (!state.running) {
    state.running = readRevisions(db).finally(() => (state.running = undefined));
    return state.running;
  }
  state.queued ??= state.running
    .catch(() => undefined)
    .then(() => {
      state.queued = undefined;
      return currentRevisions(db);
    });
  return state.queued;
}

// Within one reading request the revisions are read once, whatever number of read models it shows.
const requestRevisions = new AsyncLocalStorage<Map<Database, Promise<Revisions>>>();

/**
 * Runs `work` (a request that only reads) reading the revisions at most once per store: its read
 * models are then all of one moment. Not for work that writes and then reads what it wrote.
 */
export function withRevisionsReadOnce<T>(work: () => Promise<T>): Promise<T> {
  return requestRevisions.run(new Map(), work);
}

function revisionsFor(db: Database): Promise<Revisions> {
  const scope = requestRevisions.getStore();
  if (!scope) return currentRevisions(db);
  let found = scope.get(db);
  if (!found) {
    found = currentRevisions(db);
    scope.set(db, found);
    // A failed read is not kept for the rest of the request.
    found.catch(() => scope.delete(db));
  }
  return found;
}

/** The current value of each named revision (for page caches keyed by what they show). */
export async function revisionsOf(db: Database, names: readonly RevisionName[]): Promise<string> {
  const revisions = await revisionsFor(db);
  return names.map((name) => `${name}@${revisions.get(name) ?? '0'}`).join(' ');
}

// --- The cache of read models -------------------------------------------------------------------

/** What the cache of read models may hold, in bytes (estimated by `footprint`). */
export const READ_MODEL_CACHE_BYTES = 64 * 1024 * 1024;
/** What an entry is counted for while it is being computed. */
const PENDING_BYTES = 1024;

const caches = new WeakMap<Database, LRUCache<string, Promise<object>>>();

/**
 * The value for `key` at the current value of `revisions`: computed once (callers asking at the
 * same time share the computation), then served from memory until one of them moves. Old entries
 * age out, least recently used first, once the entries together hold more than
 * `READ_MODEL_CACHE_BYTES` (a bound by count let 4,000 registry list addresses hold 885 MB).
 *
 * @example
 * const view = await atRevision(db, ['reference'], `element ${id} ${lang}`, () => readElementView(db, id, lang));
 */
export async function atRevision<T extends object>(
  db: Database,
  revisions: readonly RevisionName[],
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new LRUCache({ maxSize: READ_MODEL_CACHE_BYTES })));
  const entry = `${await revisionsOf(db, revisions)} ${key}`;
  const hit = cache.get(entry);
  if (hit) return hit as Promise<T>;
  const value = compute();
  cache.set(entry, value, { size: PENDING_BYTES });
  // Once computed, the entry counts for what it holds (and leaves if it alone exceeds the bound).
  value.then(
    (result) => {
      if (cache.peek(entry) !== value) return;
      // lru-cache keeps the size of a value set again unchanged: set it anew.
      cache.delete(entry);
      cache.set(entry, value, { size: footprint(entry) + footprint(result) });
    },
    () => cache.delete(entry),
  );
  return value;
}

/** How many entries the read-model cache of `db` holds, and their estimated bytes (for tests and benches). */
export function readModelCacheUse(db: Database): { entries: number; bytes: number; maxBytes: number } {
  const cache = caches.get(db);
  return { entries: cache?.size ?? 0, bytes: cache?.calculatedSize ?? 0, maxBytes: READ_MODEL_CACHE_BYTES };
}

/**
 * The bytes a cached value holds, estimated from V8's layout: two bytes per character of text (at
 * most), the bytes of binary data, eight per number or reference, and a header per object. Values
 * shared within one entry count once.
 */
export function footprint(value: unknown, seen = new Set<object>()): number {
  switch (typeof value) {
    case 'string':
      return 16 + 2 * value.length;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'symbol':
    case 'function':
    case 'undefined':
      return 8;
    case 'object': {
      if (value === null) return 8;
      if (seen.has(value)) return 8;
      seen.add(value);
      if (ArrayBuffer.isView(value)) return 64 + value.byteLength;
      if (value instanceof ArrayBuffer) return 64 + value.byteLength;
      if (value instanceof Map || value instanceof Set)
        return [...value.entries()].reduce<number>((bytes, pair) => bytes + footprint(pair, seen), 32);
      let bytes = 16;
      for (const [key, item] of Object.entries(value))
        bytes += 8 + (Array.isArray(value) ? 0 : footprint(key, seen)) + footprint(item, seen);
      return bytes;
    }
  }
}
