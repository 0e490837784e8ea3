// The core library Concord ships (issue 12, item 1): the GDC, the WSIS+20 outcome and the
// ICT-for-development, AI and digital-cooperation resolutions in `data/documents/`, read into a
// new store in the background after the first page is served. The manifest (library.json) gives
// each file's symbol and language, so versions join whatever the parser guesses. Each file is
// read once: its checksum and the parser revision it was read with are kept (reference_releases,
// `library:<file>`), and only a changed file or a new parser revision reads it again. Each
// document is stored in its own transaction, so pages stay responsive and a stopped start carries on.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { z } from 'zod';
import type { Database, Store } from '../store/index.ts';
import { languages } from '../language/languages.ts';
import { readDocument } from './read.ts';
import { storeDocument } from './service.ts';
import { structureVersion } from './structure.ts';
import { libraryRecords, recordLibraryRead, type ReadRecord } from './library-repository.ts';
import { versionSource } from './repository.ts';

/**
 * The revision of the document parser the library was read with: the parser's own version
 * (src/documents/structure.ts), bumped when the same text parses differently. A new one makes the
 * next start read every library file again, as a new revision of each version (links people
 * decided on are kept by paragraph).
 */
export const PARSER_REVISION = structureVersion;

/** The provenance of a version read from the library (document_versions.provenance). */
export const LIBRARY_PROVENANCE = 'concord library';

export const libraryDir = path.resolve(import.meta.dirname, '../../data/documents');

const entrySchema = z.object({
  file: z.string().min(1),
  symbol: z.string().nullable(),
  lang: z.enum(languages),
  title: z.string().nullable(),
  kind: z.enum(['resolution', 'decision', 'report', 'web-page', 'other']),
  date: z.iso.date().nullable(),
  source: z.string(),
  licence: z.string(),
  /** The same symbol and language is read from this file instead (one version per symbol and language). */
  readInstead: z.string().optional(),
});
const manifestSchema = z.object({ documents: z.array(entrySchema), licences: z.record(z.string(), z.string()) });
export type LibraryEntry = z.infer<typeof entrySchema>;

/** The library's documents to read (entries read from another file are left out). */
export async function readManifest(dir: string = libraryDir): Promise<LibraryEntry[]> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')));
  for (const entry of manifest.documents) {
    if (!manifest.licences[entry.licence]) throw new Error(`library.json: ${entry.file} names an unknown licence ${entry.licence}`);
  }
  return manifest.documents.filter((entry) => !entry.readInstead);
}

/** How far the reading of the library has come, in this process. */
export interface LibraryProgress {
  total: number;
  /** Documents read, or found already read. */
  done: number;
  /** The file being read now (its symbol when it has one). */
  current: string | null;
  failures: { file: string; reason: string }[];
  finished: boolean;
}

const progressOf = new WeakMap<Store, LibraryProgress>();

/** The reading under way (or done) in this process on this store; null when none was started here. */
export function libraryProgress(store: Store): LibraryProgress | null {
  return progressOf.get(store) ?? null;
}

const datasetOf = (entry: LibraryEntry) => `library:${entry.file}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function records(db: Database): Promise<Map<string, ReadRecord>> {
  return new Map((await libraryRecords(db)).map((r) => [r.dataset, r]));
}

function record(db: Database, entry: LibraryEntry, checksum: string, counts: ReadRecord['counts']): Promise<void> {
  return recordLibraryRead(db, datasetOf(entry), checksum, counts);
}

/** True when this file, as it is, was read (or deliberately kept) with this parser revision. */
function upToDate(found: ReadRecord | undefined, checksum: string, parser: number): boolean {
  return found?.checksum === checksum && found.counts.parser === parser && found.counts.status !== 'failed';
}

export interface LibraryReport {
  /** Files read into the store (new versions or new revisions). */
  read: string[];
  /** Files already read as they are, with this parser revision: nothing done. */
  unchanged: string[];
  /** Files whose symbol and language the store holds from another source (someone's own upload): left as they are. */
  kept: string[];
  failures: { file: string; reason: string }[];
}

export interface LibraryOptions {
  dir?: string;
  /** The parser revision to read with (tests pass another to see a new revision re-read). */
  parserRevision?: number;
}

/**
 * Reads the library's files that are new, changed or read with an older parser revision, one
 * document per transaction. A second run reads nothing.
 *
 * @example
 * const report = await loadLibrary(store);
 * report.read.length; // 18 on a new store, 0 after
 */
export async function loadLibrary(store: Store, options: LibraryOptions = {}): Promise<LibraryReport> {
  const dir = options.dir ?? libraryDir;
  const parser = options.parserRevision ?? PARSER_REVISION;
  const entries = await readManifest(dir);
  const progress: LibraryProgress = { total: entries.length, done: 0, current: null, failures: [], finished: false };
  progressOf.set(store, progress);
  const report: LibraryReport = { read: [], unchanged: [], kept: [], failures: progress.failures };
  const known = await records(store.db);
  for (const entry of entries) {
    progress.current = entry.symbol ?? entry.title ?? entry.file;
    try {
      const bytes = await readFile(path.join(dir, entry.file));
      const checksum = sha256(bytes);
      const found = known.get(datasetOf(entry));
      if (upToDate(found, checksum, parser)) {
        report.unchanged.push(entry.file);
      } else if (await ownVersion(store.db, entry, checksum)) {
        await record(store.db, entry, checksum, { parser, status: 'kept' });
        report.kept.push(entry.file);
      } else {
        const doc = await readDocument(bytes, {
          fileName: path.basename(entry.file),
          lang: entry.lang,
          ...(entry.symbol ? { symbol: entry.symbol } : {}),
        });
        // The manifest's title, kind and date are the official ones; the parser's stand where it gives none.
        if (entry.title) doc.title = entry.title;
        if (entry.date) doc.date = entry.date;
        doc.kind = entry.kind;
        await storeDocument(store, doc, {
          fileName: entry.file,
          provenance: LIBRARY_PROVENANCE,
          contentHash: checksum,
          // The same file read with an older parser: a new revision of the version.
          reread: found?.checksum === checksum,
        });
        await record(store.db, entry, checksum, { parser, status: 'read' });
        report.read.push(entry.file);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      progress.failures.push({ file: entry.file, reason });
      // Kept so that `concord status` tells why; a failed file is tried again at the next start.
      await record(store.db, entry, 'failed', { parser, status: 'failed', reason }).catch(() => undefined);
    }
    progress.done++;
    // Requests waiting for the store go first.
    await yieldToRequests();
  }
  progress.current = null;
  progress.finished = true;
  return report;
}

/** True when the store holds this symbol and language from another source than the library (a user's upload). */
async function ownVersion(db: Database, entry: LibraryEntry, checksum: string): Promise<boolean> {
  if (!entry.symbol) return false;
  const version = await versionSource(db, entry.symbol, entry.lang);
  return version !== undefined && version.provenance !== LIBRARY_PROVENANCE && version.content_hash !== checksum;
}

/**
 * Reads the library after the server listens (src/main.ts), saying on the console what it did.
 * A store closed mid-way (the process stopping) ends it quietly: the next start carries on.
 */
export function readLibraryInBackground(store: Store): void {
  const started = performance.now();
  loadLibrary(store).then(
    (report) => {
      if (report.read.length)
        console.log(`Read the core library: ${report.read.length} documents in ${Math.round((performance.now() - started) / 1000)} s.`);
      for (const f of report.failures) console.error(`The library file ${f.file} could not be read: ${f.reason}`);
    },
    (error: unknown) => console.error('The core library was not read:', error instanceof Error ? error.message : error),
  );
}

/** What the store holds of the library, for `concord status` (any process). */
export interface LibraryState {
  total: number;
  read: number;
  /** Files not read yet, or changed, or read with an older parser revision. */
  waiting: string[];
  failures: { file: string; reason: string }[];
}

export async function libraryState(db: Database, dir: string = libraryDir): Promise<LibraryState> {
  const entries = await readManifest(dir);
  const known = await records(db);
  const state: LibraryState = { total: entries.length, read: 0, waiting: [], failures: [] };
  for (const entry of entries) {
    const found = known.get(datasetOf(entry));
    const checksum = sha256(await readFile(path.join(dir, entry.file)));
    if (upToDate(found, checksum, PARSER_REVISION)) state.read++;
    else if (found?.counts.status === 'failed') state.failures.push({ file: entry.file, reason: found.counts.reason ?? '' });
    else state.waiting.push(entry.file);
  }
  return state;
}
