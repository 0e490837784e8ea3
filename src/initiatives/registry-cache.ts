// What the public registry shows, cached under the `registry` read revision (src/store/revisions.ts:
// a counter that triggers move forward on every committed change to what the registry lists). An
// entry is used only while the revision is unchanged, so nothing served is older than the last
// committed change, whichever Concord process made it.
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { TypedResponse } from 'hono';
import type { Database } from '../store/index.ts';
import { atRevision as atRevisions, footprint, readModelCacheUse, READ_MODEL_CACHE_BYTES } from '../store/revisions.ts';

export { footprint };

/** What the cache of read models (the registry's included) may hold, in bytes. */
export const REGISTRY_CACHE_BYTES = READ_MODEL_CACHE_BYTES;

/**
 * The value for `key` at the current registry revision: computed once (callers asking at the same
 * time share the computation), then served from memory until the revision moves.
 */
export function atRevision<T extends object>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
  return atRevisions(db, ['registry'], key, compute);
}

/** How many entries the read-model cache of `db` holds, and their estimated bytes (for tests and benches). */
export const registryCacheUse = readModelCacheUse;

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
