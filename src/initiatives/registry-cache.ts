// What the public registry shows, cached per database under the registry revision it was read at
// (a counter that triggers move forward on every committed change to listed records: migration
// 0008). An entry is used only while the revision is unchanged, so nothing served is older than
// the last committed change, whichever Concord process made it; old entries age out.
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { TypedResponse } from 'hono';
import { sql, type Database } from '../store/index.ts';

interface RevisionReads {
  running?: Promise<string>;
  queued?: Promise<string>;
}

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
  if (!cache) caches.set(db, (cache = new LRUCache({ max: 4000 })));
  const entry = `${await currentRevision(db)} ${key}`;
  const hit = cache.get(entry);
  if (hit) return hit as Promise<T>;
  const value = compute();
  cache.set(entry, value);
  value.catch(() => cache.delete(entry));
  return value;
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
