// A snapshot of a migrated store seeded with the reference data, and its identity: a hash of
// everything that decides its contents (the store seam and its migrations, the reference data, the
// code that reads and writes it, and the PGlite version), so a snapshot is rebuilt exactly when one
// of them changes. A first start on a new embedded store restores it (seconds) instead of seeding
// (ARCHITECTURE: issue 17, "first start"); the embedded test tiers start each file from it.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '..');

/** Files and folders (relative to the root) whose contents decide the seeded database. */
export const seedInputs = [
  'src/store', // the migrations, and the seam the seed writes through
  'data/frameworks',
  'src/frameworks/reference.ts',
  'src/frameworks/seed.ts',
  'src/language',
  'data/indicators',
  'data/areas',
  'src/areas',
  'src/indicators/seed.ts',
  'src/indicators/service.ts',
  'src/indicators/assess.ts',
  'src/indicators/assessment.ts',
  'src/indicators/catalogue.ts',
  'src/indicators/samples.ts',
  'src/indicators/readers.ts',
  'src/indicators/validate.ts',
  'node_modules/@electric-sql/pglite/package.json',
];

async function filesUnder(relative: string): Promise<string[]> {
  const full = path.join(repoRoot, relative);
  const entries = await readdir(full, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (entries === null) return [relative];
  const nested = await Promise.all(
    entries
      .filter((entry) => !/\.test\.ts$/.test(entry.name))
      .map(async (entry) => (entry.isDirectory() ? filesUnder(path.join(relative, entry.name)) : [path.join(relative, entry.name)])),
  );
  return nested.flat();
}

/** A short hex key over the seed inputs. */
export async function seedKey(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await Promise.all(seedInputs.map(filesUnder))).flat().sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(repoRoot, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where seeded snapshots are kept, by seed key: beside the installation, never in a data folder. */
export const snapshotDir = path.join(repoRoot, 'var', 'snapshots');

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The snapshot of a migrated and seeded store for the current sources, if one was built. */
export async function findSeededSnapshot(key?: string): Promise<string | undefined> {
  const file = path.join(snapshotDir, `seeded-${key ?? (await seedKey())}.tar`);
  return (await exists(file)) ? file : undefined;
}

/**
 * Builds (or finds) the snapshot of a migrated store seeded with the reference data (frameworks,
 * areas, indicators) for the current sources: `npm install` builds it (scripts/snapshot.ts), so a
 * first start restores it instead of seeding row by row, and each embedded test file starts from it.
 * Older snapshots are removed.
 */
export async function seededSnapshot(log: (line: string) => void = () => {}): Promise<string> {
  const key = await seedKey();
  const found = await findSeededSnapshot(key);
  if (found) return found;
  const file = path.join(snapshotDir, `seeded-${key}.tar`);
  await mkdir(snapshotDir, { recursive: true });
  const started = performance.now();
  const [{ openStore }, { seedFrameworks }, { seedIndicators }] = await Promise.all([
    import('./store/index.ts'),
    import('./frameworks/seed.ts'),
    import('./indicators/seed.ts'),
  ]);
  const store = await openStore({});
  let bytes: Uint8Array;
  try {
    await seedFrameworks(store);
    await seedIndicators(store);
    bytes = await store.dump!();
  } finally {
    await store.close();
  }
  // Written aside and renamed, so a concurrent reader never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, file);
  for (const name of await readdir(snapshotDir)) {
    if (name.startsWith('seeded-') && path.join(snapshotDir, name) !== file && !name.endsWith('.partial'))
      await rm(path.join(snapshotDir, name), { force: true });
  }
  log(`seeded store snapshot built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${path.relative(repoRoot, file)}`);
  return file;
}
