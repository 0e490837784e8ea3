// The CLI in-process, on an empty store of its own: what a test of a `concord` command needs.
import { afterAll, beforeAll, vi } from 'vitest';
import { runCli, runCommand } from '../cli.ts';
import { loadConfig } from '../config.ts';
import type { Store } from '../store/index.ts';
import { createEmptyDatabase, type EmptyDatabase } from './store.ts';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `concord ARGV` in this process, with what it prints to stdout and stderr. */
export async function cli(argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await runCli(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** Runs `concord ARGV` in this process on a store the test already holds (the app's), with what it prints. */
export async function cliOn(store: Store, argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, {
    config: loadConfig({}),
    output: { log: (l) => void out.push(l), error: (l) => void err.push(l), write: (s) => void out.push(s) },
    cwd: process.cwd(),
    stdin: () => Promise.resolve(''),
    withStore: (work) => work(store),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Gives the test file an empty store of the tier's dialect that the CLI finds through
 * CONCORD_DATA_DIR or DATABASE_URL, restored and dropped after the file. Returns a getter, as
 * the store exists only once `beforeAll` has run.
 */
export function emptyStoreForCli(): () => EmptyDatabase {
  let database: EmptyDatabase | undefined;
  const saved = { dir: process.env.CONCORD_DATA_DIR, url: process.env.DATABASE_URL };
  beforeAll(async () => {
    database = await createEmptyDatabase();
    if (database.options.databaseUrl) process.env.DATABASE_URL = database.options.databaseUrl;
    else process.env.CONCORD_DATA_DIR = database.options.dataDir!;
  });
  afterAll(async () => {
    for (const [key, value] of [
      ['CONCORD_DATA_DIR', saved.dir],
      ['DATABASE_URL', saved.url],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await database?.drop();
  });
  return () => database!;
}
