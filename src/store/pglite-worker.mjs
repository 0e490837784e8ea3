// The embedded store's thread: PGlite runs here so that a long query never blocks the
// HTTP event loop (ARCHITECTURE.md, "Measured on these machines"). Plain JavaScript so
// that it loads the same way under tsx, vitest and the CLI.
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

if (!parentPort) throw new Error('pglite-worker must run in a worker thread');
const port = parentPort;

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
const options = workerData ?? {};

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
      message: String(e.message ?? error),
      code: typeof e.code === 'string' ? e.code : undefined,
      detail: typeof e.detail === 'string' ? e.detail : undefined,
      constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
    };
  }
  return { message: String(error) };
}

port.on('message', async (message) => {
  const { id, op } = message;
  try {
    if (op === 'query') {
      const result = await db.query(message.sql, message.params ?? [], {
        rowMode: message.rowMode === 'array' ? 'array' : 'object',
      });
      port.postMessage({ id, rows: result.rows, affectedRows: result.affectedRows ?? 0 });
    } else if (op === 'exec') {
      await db.exec(message.sql);
      port.postMessage({ id, rows: [], affectedRows: 0 });
    } else if (op === 'dump') {
      const file = await db.dumpDataDir('none');
      const buffer = new Uint8Array(await file.arrayBuffer());
      port.postMessage({ id, rows: [], affectedRows: 0, dump: buffer }, [buffer.buffer]);
    } else if (op === 'close') {
      await db.close();
      port.postMessage({ id, rows: [], affectedRows: 0 });
    } else {
      port.postMessage({ id, error: { message: `unknown store operation ${op}` } });
    }
  } catch (error) {
    port.postMessage({ id, error: serializeError(error) });
  }
});

port.postMessage({ ready: true });
