// The embedded store: PGlite (PostgreSQL in WebAssembly) owned by a worker thread.
// PGlite is one connection, so queries are serialised here; a transaction holds the
// connection until it ends.
import { Worker } from 'node:worker_threads';
import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreError, type Connection, type QueryResult, type RowMode } from './connection.ts';

interface Reply {
  id?: number;
  ready?: boolean;
  rows?: unknown[];
  affectedRows?: number;
  dump?: Uint8Array;
  error?: { message: string; code?: string; detail?: string; constraint?: string };
}

export interface EmbeddedOptions {
  /** Folder of the database files; undefined keeps the store in memory. */
  dataDir?: string;
  /** A dump (tar) to start from, for tests. */
  loadFrom?: string;
}

const insideTransaction = new AsyncLocalStorage<boolean>();

export class EmbeddedConnection implements Connection {
  private nextId = 1;
  private pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      if (reply.id === undefined) return;
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.error) {
        const { message, code, detail, constraint } = reply.error;
        waiter.reject(new StoreError(message, code, detail, constraint));
      } else waiter.resolve(reply);
    });
    worker.on('error', (error: unknown) => this.failAll(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => {
      if (!this.closed) this.failAll(new Error(`embedded store thread stopped (exit ${code})`));
    });
  }

  static async open(options: EmbeddedOptions): Promise<EmbeddedConnection> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: options });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: Reply) => {
        if (message.ready) {
          worker.off('error', reject);
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return new EmbeddedConnection(worker);
  }

  private failAll(error: Error) {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  private send(message: Record<string, unknown>): Promise<Reply> {
    if (this.closed) return Promise.reject(new StoreError('the store is closed'));
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** Runs `work` with the connection to itself; others wait their turn. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (insideTransaction.getStore()) {
      return Promise.reject(new StoreError('a query outside the transaction was made while the transaction holds the embedded store'));
    }
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  async query(sql: string, params: unknown[], rowMode: RowMode): Promise<QueryResult> {
    const reply = await this.exclusive(() => this.send({ op: 'query', sql, params, rowMode }));
    return { rows: reply.rows ?? [], affectedRows: reply.affectedRows ?? 0 };
  }

  async exec(script: string): Promise<void> {
    await this.exclusive(() => this.send({ op: 'exec', sql: script }));
  }

  /** Holds the connection for the whole of `work`, which receives a connection that bypasses the queue. */
  transaction<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
    const direct: Connection = {
      query: async (sql, params, rowMode) => {
        const reply = await this.send({ op: 'query', sql, params, rowMode });
        return { rows: reply.rows ?? [], affectedRows: reply.affectedRows ?? 0 };
      },
      exec: async (script) => {
        await this.send({ op: 'exec', sql: script });
      },
    };
    return this.exclusive(async () => {
      await this.send({ op: 'exec', sql: 'BEGIN' });
      try {
        const result = await insideTransaction.run(true, () => work(direct));
        await this.send({ op: 'exec', sql: 'COMMIT' });
        return result;
      } catch (error) {
        await this.send({ op: 'exec', sql: 'ROLLBACK' }).catch(() => undefined);
        throw error;
      }
    });
  }

  /** A tar dump of the whole database (tests start from a seeded dump). */
  async dump(): Promise<Uint8Array> {
    const reply = await this.exclusive(() => this.send({ op: 'dump' }));
    if (!reply.dump) throw new StoreError('the embedded store returned no dump');
    return reply.dump;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.exclusive(() => this.send({ op: 'close' })).catch(() => undefined);
    this.closed = true;
    await this.worker.terminate();
  }
}
