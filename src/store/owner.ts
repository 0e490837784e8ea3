// The embedded store's single owner. PGlite is one process's database: a second process that
// opens the same folder (even to read) silently loses its writes or damages the store, so every
// process that opens a folder first claims it here, before PGlite touches it. The claim is a
// lock file in the data folder naming the process (pid, host, start time, command, address and
// the socket that takes handed-over CLI commands); a lock left by a killed process is stale and
// is taken over, one claimant at a time.
import { randomBytes, createHash } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** What the lock file holds: who owns the folder and how to reach it. */
export interface OwnerRecord {
  pid: number;
  host: string;
  /** The process's start time as the kernel counts it (/proc/<pid>/stat), to tell a reused pid. */
  processStart: string | null;
  /** When the claim was made (ISO). */
  since: string;
  /** What runs: `concord start`, `concord ingest`, … */
  command: string;
  /** Where it serves, once it does. */
  address?: string;
  /** The Unix socket that takes handed-over CLI commands, once it listens. */
  socket?: string;
  /** The credential a handed-over command presents (the lock is readable by its owner only). */
  token: string;
}

export const lockFileName = 'concord.lock';
const takeoverFileName = 'concord.lock.takeover';
/** A takeover marker older than this was left by a claimant killed in the middle of it. */
const takeoverStaleMs = 10_000;

/** A second process refused: the folder is owned by a live process. */
export class StoreInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: OwnerRecord,
  ) {
    super(describeHolder(dataDir, holder));
    this.name = 'StoreInUse';
  }
}

/** The refusal an operator reads: who holds the folder, where, and what to do. */
export function describeHolder(dataDir: string, holder: OwnerRecord): string {
  const elsewhere = holder.host !== os.hostname() ? ` on host ${holder.host}` : '';
  const serving = holder.address ? `, serving ${holder.address}` : holder.command === 'concord start' ? ', still starting' : '';
  return (
    `The embedded store in ${dataDir} is in use by process ${holder.pid}${elsewhere} (${holder.command}${serving}, since ${holder.since}).\n` +
    'The embedded store has exactly one owner. Stop that process first (Ctrl-C or kill ' +
    `${holder.pid}), or set CONCORD_DATA_DIR to another folder, or use PostgreSQL (DATABASE_URL) ` +
    'to run several processes on one store.'
  );
}

/** The kernel's start time of a process (Linux), or null where it cannot be read. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 counts from after the command name, which may hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process that wrote the record is still running (a reused pid does not count). */
export function holderAlive(record: OwnerRecord): boolean {
  // Another machine's process (a shared folder) cannot be checked: it is taken as alive.
  if (record.host !== os.hostname()) return true;
  if (!alive(record.pid)) return false;
  const now = processStart(record.pid);
  return record.processStart === null || now === null || now === record.processStart;
}

function parseRecord(text: string): OwnerRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<OwnerRecord>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.token !== 'string') return undefined;
    return value as OwnerRecord;
  } catch {
    return undefined;
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The live process that owns the folder, if any. */
export async function liveOwner(dataDir: string): Promise<OwnerRecord | undefined> {
  const text = await readText(path.join(dataDir, lockFileName));
  const record = text === undefined ? undefined : parseRecord(text);
  return record && holderAlive(record) ? record : undefined;
}

/**
 * Where the owner of `dataDir` listens for handed-over commands. Not in the data folder: PGlite
 * cannot dump a folder holding a socket, and a socket path is limited to ~107 bytes. Named by
 * a hash of the folder, so one folder has one socket; it is mode 0600 and asks for the token.
 */
export function socketPathFor(dataDir: string): string {
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `concord-${hash}.sock`);
}

/** A claim held on a folder: update what it says, release it. */
export interface Ownership {
  readonly dataDir: string;
  readonly record: OwnerRecord;
  /** Records where the owner serves and listens (rewrites the lock atomically). */
  update(fields: Pick<OwnerRecord, 'address' | 'socket'>): Promise<void>;
  release(): Promise<void>;
}

/** Writes the record to a new file beside the lock, readable by its owner only. */
async function writeAside(dataDir: string, record: OwnerRecord): Promise<string> {
  const file = path.join(dataDir, `${lockFileName}.${process.pid}.${randomBytes(6).toString('hex')}`);
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return file;
}

/** Creates the lock only if there is none: link(2) fails when the name exists. */
async function linkLock(aside: string, lock: string): Promise<boolean> {
  try {
    await link(aside, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Replaces a stale lock, holding the takeover marker so that of several claimants that found
 * the same stale lock exactly one replaces it (the others then find a live owner).
 */
async function takeOver(dataDir: string, staleText: string, aside: string): Promise<boolean> {
  const lock = path.join(dataDir, lockFileName);
  const marker = path.join(dataDir, takeoverFileName);
  if (!(await linkLock(aside, marker))) {
    const info = await stat(marker).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > takeoverStaleMs) await unlink(marker).catch(() => undefined);
    return false;
  }
  try {
    // Still the stale lock we judged? Another claimant may have replaced it in between.
    if ((await readText(lock)) !== staleText) return false;
    await rename(aside, lock);
    return true;
  } finally {
    await unlink(marker).catch(() => undefined);
  }
}

/**
 * Claims the embedded store in `dataDir` for this process, before the store is opened.
 * Throws StoreInUse when a live process owns it; a stale lock (its process is gone) is taken over.
 *
 * @example
 * const ownership = await claimStore('/srv/concord/db', 'concord ingest');
 * try { ... } finally { await ownership.release(); }
 */
export async function claimStore(dataDir: string, command: string): Promise<Ownership> {
  const lock = path.join(dataDir, lockFileName);
  let record: OwnerRecord = {
    pid: process.pid,
    host: os.hostname(),
    processStart: processStart(process.pid),
    since: new Date().toISOString(),
    command,
    token: randomBytes(24).toString('base64url'),
  };
  const mine = await writeAside(dataDir, record);
  const began = Date.now();
  try {
    for (let attempt = 0; ; attempt++) {
      if (await linkLock(mine, lock)) break;
      const text = await readText(lock);
      if (text === undefined) continue; // released in between: try again
      const holder = parseRecord(text);
      if (holder && holderAlive(holder)) throw new StoreInUse(dataDir, holder);
      // Locks are written whole (link of a complete file), so one that does not parse is damaged:
      // looked at again shortly, then taken over like a stale one.
      if (!holder && attempt < 3) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      if (await takeOver(dataDir, text, mine)) break;
      // Past the time a takeover marker left by a killed claimant takes to go stale, something is wrong.
      if (Date.now() - began > takeoverStaleMs * 1.5)
        throw new Error(`could not claim the embedded store in ${dataDir}: its lock ${lock} keeps changing`);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 50));
    }
  } finally {
    await unlink(mine).catch(() => undefined);
  }

  // A process that exits without closing its store (process.exit on an error) still lets go.
  const releaseOnExit = () => {
    try {
      if (readFileSync(lock, 'utf8').includes(record.token)) unlinkSync(lock);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', releaseOnExit);
  let released = false;
  return {
    dataDir,
    get record() {
      return record;
    },
    async update(fields) {
      if (released) return;
      record = { ...record, ...fields };
      const aside = await writeAside(dataDir, record);
      await rename(aside, lock);
    },
    async release() {
      if (released) return;
      released = true;
      process.off('exit', releaseOnExit);
      const text = await readText(lock);
      if (text !== undefined && parseRecord(text)?.token === record.token) await unlink(lock).catch(() => undefined);
    },
  };
}
