// What the public registry shows, cached per database under the registry revision it was read at
// (a counter that triggers move forward on every committed change to listed records: migration
// 0008). An entry is used only while the revision is unchanged, so nothing served is older than
// the last committed change, whichever Concord process made it; old entries age out, least
// recently used first, once the entries together hold more than `REGISTRY_CACHE_BYTES`: a bound by
// count let 4,000 distinct list addresses hold 885 MB.
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { TypedResponse } from 'hono';
import { sql, type Database } from '../store/index.ts';

interface RevisionReads {
  running?: Promise<string>;
  queued?: Promise<string>;
}

/** What the cache may hold, in bytes (estimated by `footprint`). */
export const REGISTRY_CACHE_BYTES = 64 * 1024 * 1024;
/** What an entry is counted for while it is being computed. */
const PENDING_BYTES = 1024;

const caches = new WeakMap<Database, LRUCache<string, Promise<object>>>();
const reads = new WeakMap<Database, RevisionReads>();

/** The registry revision: moves forward on every committed change to listed records. */
export async function registryRevision(db: Database): Promise<string> {
  const [row] = await db.query<{ revision: string }>(sql`SELECT revision::text AS revision FROM registry_revision`);
  return row?.revision ?? '0';
}

/**
 * The revision as of a read that began after the call: callers that arrive while a read is under
 * way share the next one, so under load at most two reads are in flight and none is stale.
 */
function currentRevision(db: Database): Promise<string> {
  let r = reads.get(db);
  if (!r) reads.set(db, (r = {}));
  const state = r;
  if (!state.running) {
    state.running = registryRevision(db).finally(() => (state.running = undefined));
    return state.running;
  }
  state.queued ??= state.running
    .catch(() => undefined)
    .then(() => {
      state.queued = undefined;
      return currentRevision(db);
    });
  return state.queued;
}

/**
 * The value for `key` at the current revision: computed once (callers asking at the same time
 * share the computation), then served from memory until the revision moves.
 */
export async function atRevision<T extends object>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new LRUCache({ maxSize: REGISTRY_CACHE_BYTES })));
  const entry = `${await currentRevision(db)} ${key}`;
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

/** How many entries the registry cache of `db` holds, and their estimated bytes (for tests and benches). */
export function registryCacheUse(db: Database): { entries: number; bytes: number; maxBytes: number } {
  const cache = caches.get(db);
  return { entries: cache?.size ?? 0, bytes: cache?.calculatedSize ?? 0, maxBytes: REGISTRY_CACHE_BYTES };
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

/** A JSON response made once: its text, its gzip encoding and its entity tag. */
export interface JsonRepresentation<T> {
  body: string;
  gzip: Uint8Array<ArrayBuffer>;
  etag: string;
  /** The type of the value it encodes (for the route's typed response). */
  readonly value?: T;
}

export function jsonRepresentation<T>(value: T): JsonRepresentation<T> {
  const body = JSON.stringify(value);
  return { body, gzip: new Uint8Array(gzipSync(body)), etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
}

/**
 * Answers with a prepared representation: 304 when the client holds it, gzip when accepted.
 * Typed as the route's JSON response, which every form of it encodes.
 */
export function sendRepresentation<T>(request: Request, representation: JsonRepresentation<T>): TypedResponse<T, 200, 'json'> {
  return answer(request, representation) as unknown as TypedResponse<T, 200, 'json'>;
}

function answer(request: Request, representation: JsonRepresentation<unknown>): Response {
  const headers = new Headers({ 'Content-Type': 'application/json', ETag: representation.etag, Vary: 'Accept-Encoding' });
  const held = request.headers.get('If-None-Match');
  if (held && held.split(/\s*,\s*/).includes(representation.etag)) return new Response(null, { status: 304, headers });
  if (/\bgzip\b/.test(request.headers.get('Accept-Encoding') ?? '')) {
    headers.set('Content-Encoding', 'gzip');
    return new Response(representation.gzip, { status: 200, headers });
  }
  return new Response(representation.body, { status: 200, headers });
}
