// Restores an embedded store's dump (the tar PGlite's dumpDataDir writes) into a new data folder
// with the file system, before PGlite opens it: PGlite's own `loadDataDir` copies every file
// through its WebAssembly file system and took 3.4 s of a first start for the 96 MB seeded
// snapshot; written here, the same files take a fraction of that. The archive is read by
// tar-stream (ustar, pax and GNU long names); entries other than folders and files are refused.
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { extract } from 'tar-stream';

/** The path of an entry inside `folder`, refusing any that would land outside it. */
function inside(folder: string, name: string): string {
  const relative = path.posix.normalize(name.replace(/^\/+/, ''));
  if (relative === '.' || relative === '') return folder;
  if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative))
    throw new Error(`the dump names a file outside its folder: ${name}`);
  return path.join(folder, relative);
}

/**
 * Writes the files of the dump `tarFile` into `folder` (made if missing). `PG_VERSION`, which
 * marks a folder as a database, is written last: a restore cut short by a crash is done again at
 * the next start instead of opening half a database.
 */
export async function restoreDump(tarFile: string, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const last: [string, Uint8Array][] = [];
  const files: [string, Uint8Array][] = [];
  const archive = extract();
  createReadStream(tarFile)
    .on('error', (error) => archive.destroy(error))
    .pipe(archive);
  for await (const entry of archive) {
    const { name, type } = entry.header;
    if (type === 'directory') {
      entry.resume();
      await mkdir(inside(folder, name), { recursive: true, mode: 0o700 });
    } else if (type === 'file') {
      const file = inside(folder, name);
      (path.relative(folder, file) === 'PG_VERSION' ? last : files).push([file, await buffer(entry)]);
    } else {
      entry.resume();
      throw new Error(`the dump holds an entry of a kind a store never writes (${String(type)}): ${name}`);
    }
  }
  // Every entry is read (and checked) before any file is written; then several at a time, folders first.
  for (const folderOf of new Set(files.map(([file]) => path.dirname(file)))) await mkdir(folderOf, { recursive: true, mode: 0o700 });
  let next = 0;
  const writer = async () => {
    while (next < files.length) {
      const [file, data] = files[next++]!;
      await writeFile(file, data, { mode: 0o600 });
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  for (const [file, data] of last) await writeFile(file, data, { mode: 0o600 });
}
