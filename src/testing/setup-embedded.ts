// Vitest globalSetup for the embedded tiers: makes, once, a dump of a migrated and seeded
// in-memory store and caches it under .test-cache/ by seed key, so each test file starts its
// own store from it in about a second and a half instead of initdb + seed (~6 s).
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from '../store/index.ts';
import { seedFrameworks } from '../frameworks/seed.ts';
import { seedIndicators } from '../indicators/seed.ts';
import { repoRoot, seedKey } from './seed-key.ts';
import './context.ts';

export const cacheDir = path.join(repoRoot, '.test-cache');

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The path of the seeded dump for the current sources, building it when it is missing. */
export async function seededDump(): Promise<string> {
  const key = await seedKey();
  const file = path.join(cacheDir, `embedded-${key}.tar`);
  if (await exists(file)) return file;

  await mkdir(cacheDir, { recursive: true });
  const started = performance.now();
  const store = await openStore({});
  let bytes: Uint8Array;
  try {
    await seedFrameworks(store);
    await seedIndicators(store);
    bytes = await store.dump!();
  } finally {
    await store.close();
  }
  // Written aside and renamed, so a concurrent run never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, file);
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith('embedded-') && path.join(cacheDir, name) !== file && !name.endsWith('.partial')) {
      await rm(path.join(cacheDir, name), { force: true });
    }
  }
  console.log(
    `[concord] seeded store dump built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${path.relative(repoRoot, file)}`,
  );
  return file;
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('concordEmbeddedDump', await seededDump());
}
