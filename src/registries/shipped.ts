// The registries shipped in data/registries (the DPGA registry's snapshot), loaded on the first
// start after the seed, in the background like the core library (src/documents/library.ts): a
// new store shows real initiatives at once. The files' checksum is kept in reference_releases, so
// a start loads them once, and again only when a data file changed (then as a refresh).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Database, type Store } from '../store/index.ts';
import { areaCatalog } from '../areas/index.ts';
import { areaNameIndex } from '../areas/names.ts';
import { defaultDpgaDir, readDpgaRegistry } from './dpga.ts';
import { loadRegistryRead, type RegistryLoadReport } from './load.ts';

const dataset = (source: string) => `registry:${source}`;

/** One digest of every file under a folder (names and bytes, in a stable order). */
async function folderChecksum(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (at: string): Promise<void> => {
    const entries = (await readdir(at, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile())
        hash
          .update(path.relative(dir, full))
          .update('\0')
          .update(await readFile(full));
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

export interface ShippedLoad {
  /** Null when the files were loaded as they are already: nothing was done. */
  report: RegistryLoadReport | null;
  checksum: string;
}

/**
 * Loads the DPGA registry's files (the shipped snapshot by default) unless the store holds them as
 * they are. Tests call it on their own store; a start calls it through loadShippedInBackground.
 *
 * @example
 * const { report } = await loadDpgaData(store);
 * report?.created; // 228 on a new store; a second call returns report null
 */
export async function loadDpgaData(store: Store, dir: string = defaultDpgaDir): Promise<ShippedLoad> {
  const checksum = await folderChecksum(dir);
  const [loaded] = await store.db.query<{ checksum: string }>(
    sql`SELECT checksum FROM reference_releases WHERE dataset = ${dataset('dpga')}`,
  );
  if (loaded?.checksum === checksum) return { report: null, checksum };
  const read = await readDpgaRegistry(dir, areaNameIndex(await areaCatalog()));
  const report = await loadRegistryRead(store, read);
  const counts = {
    records: read.records.length,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    archived: report.archived,
    problems: report.problems.length,
    unmapped: report.notes.reduce((n, r) => n + r.notes.length, 0),
  };
  await store.db.query(
    sql`INSERT INTO reference_releases (dataset, checksum, counts) VALUES (${dataset('dpga')}, ${checksum}, ${JSON.stringify(counts)}::jsonb)
        ON CONFLICT (dataset) DO UPDATE SET checksum = excluded.checksum, counts = excluded.counts, loaded_at = now()`,
  );
  return { report, checksum };
}

/** The last load of a registry into this store: when, and what it did (the import report). */
export interface RegistryRelease {
  loadedAt: string;
  counts: Partial<Record<'records' | 'created' | 'updated' | 'unchanged' | 'archived' | 'problems' | 'unmapped', number>>;
}

/** Each registry's last load into this store (the sources page), by source id. */
export async function registryReleases(db: Database): Promise<Map<string, RegistryRelease>> {
  const rows = await db.query<{ dataset: string; loaded_at: string; counts: RegistryRelease['counts'] }>(
    sql`SELECT dataset, loaded_at, counts FROM reference_releases WHERE dataset LIKE 'registry:%'`,
  );
  return new Map(rows.map((r) => [r.dataset.slice('registry:'.length), { loadedAt: r.loaded_at, counts: r.counts }]));
}

/**
 * Loads the shipped registries after the server listens (src/main.ts), saying on the console what
 * it did. A store closed mid-way (the process stopping) ends it quietly: the next start carries on.
 */
export function loadShippedInBackground(store: Store): void {
  const started = performance.now();
  loadDpgaData(store).then(
    ({ report }) => {
      if (!report) return;
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      console.log(
        `Loaded the DPGA registry: ${report.created} new, ${report.updated} updated, ${report.archived} archived initiatives in ${seconds} s.`,
      );
      for (const p of report.problems) console.error(`The DPGA record ${p.sourceId} was not loaded: ${p.problems.join('; ')}`);
      const unmapped = report.notes.flatMap((n) => n.notes.map((note) => `${n.sourceId}: ${note}`));
      if (unmapped.length) console.log(`Not mapped (${unmapped.length}): ${unmapped.join('; ')}`);
    },
    (error: unknown) => console.error('The DPGA registry was not loaded:', error instanceof Error ? error.message : error),
  );
}
