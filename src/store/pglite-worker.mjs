// The embedded store's thread: PGlite runs here so that a long query never blocks the
// HTTP event loop (ARCHITECTURE.md, "Measured on these machines"). Plain JavaScript so
// that it loads the same way under tsx, vitest and the CLI.
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { encodeUtf8Into } from './encode-utf8.mjs';

if (!parentPort) throw new Error('pglite-worker must run in a worker thread');
const port = parentPort;

// Node 26.10.0's TextEncoder#encodeInto can stop one character short on an exactly full
// destination, which PGlite's protocol writer hands it: see encode-utf8.mjs. Only PGlite encodes
// in this thread.
TextEncoder.prototype.encodeInto = encodeUtf8Into;

/** @param {string} value */
const asText = (value) => value;
/** @param {string} value */
const asNumber = (value) => Number(value);

// Same wire-level choices as the PostgreSQL seam: dates and numerics as text, int8 as number.
const parsers = {
  [types.TIMESTAMP]: asText,
  [types.TIMESTAMPTZ]: asText,
  [types.DATE]: asText,
  [types.INTERVAL]: asText,
  [types.NUMERIC]: asText,
  [types.INT8]: asNumber,
};

/** @type {{ dataDir?: string, loadFrom?: string }} */
const options = /** @type {{ dataDir?: string, loadFrom?: string } | undefined} */ (workerData) ?? {};

/** @type {import('@electric-sql/pglite').PGliteOptions} */
const pgliteOptions = { extensions: { pg_trgm, unaccent }, parsers };
if (options.loadFrom) {
  const bytes = await readFile(options.loadFrom);
  pgliteOptions.loadDataDir = new Blob([bytes]);
}
const db = await PGlite.create(options.dataDir, pgliteOptions);

/** @param {unknown} error */
function serializeError(error) {
  if (error && typeof error === 'object') {
    const e = /** @type {Record<string, unknown>} */ (error);
    return {
      message: typeof e.message === 'string' ? e.message : 'the embedded store failed',
      code: typeof e.code === 'string' ? e.code : undefined,
      detail: typeof e.detail === 'string' ? e.detail : undefined,
      constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
    };
  }
  return { message: String(error) };
}

/**
 * @typedef {{ id: number, op: 'query', sql: string, params?: unknown[], rowMode?: 'array' | 'object' }
 *   | { id: number, op: 'exec', sql: string }
 *   | { id: number, op: 'dump' | 'close' }} Request
 */

/** @param {Request} message */
async function handle(message) {
  const { id } = message;
  try {
    switch (message.op) {
      case 'query': {
        const result = await db.query(message.sql, message.params ?? [], {
          rowMode: message.rowMode === 'array' ? 'array' : 'object',
        });
        port.postMessage({ id, rows: result.rows, affectedRows: result.affectedRows ?? 0 });
        break;
      }
      case 'exec':
        await db.exec(message.sql);
        port.postMessage({ id, rows: [], affectedRows: 0 });
        break;
      case 'dump': {
        const file = await db.dumpDataDir('none');
        const buffer = new Uint8Array(await file.arrayBuffer());
        port.postMessage({ id, rows: [], affectedRows: 0, dump: buffer }, [buffer.buffer]);
        break;
      }
      case 'close':
        await db.close();
        port.postMessage({ id, rows: [], affectedRows: 0 });
        break;
      default:
        port.postMessage({ id, error: { message: 'unknown store operation' } });
    }
  } catch (error) {
    port.postMessage({ id, error: serializeError(error) });
  }
}

port.on('message', (/** @type {Request} */ message) => void handle(message));

port.postMessage({ ready: true });
