// The identity of a seeded test database: a hash of everything that decides its contents (the
// store seam and its migrations, the reference data, the code that reads and writes it, and the
// PGlite version), so a cached dump is rebuilt exactly when one of them changes.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

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
