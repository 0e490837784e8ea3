// Restores an embedded store's dump (the tar PGlite's dumpDataDir writes) into a new data folder
// with the file system, before PGlite opens it: PGlite's own `loadDataDir` copies every file
// through its WebAssembly file system and took 3.4 s of a first start for the 96 MB seeded
// snapshot; written here, the same files take a fraction of that. The dump is Concord's own (plain
// ustar, no compression), so a small reader suffices; anything else in it is refused.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const BLOCK = 512;

function text(header: Uint8Array, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end === -1 ? field : field.subarray(0, end));
}

/** A size field: octal text, or (GNU) base-256 when its first byte has the high bit set. */
function size(header: Uint8Array): number {
  const field = header.subarray(124, 136);
  if (field[0]! & 0x80) return field.subarray(1).reduce((n, byte) => n * 256 + byte, field[0]! & 0x7f);
  return parseInt(text(header, 124, 12).trim() || '0', 8);
}

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
  const bytes = await readFile(tarFile);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const last: [string, Uint8Array][] = [];
  const files: [string, Uint8Array][] = [];
  let longName: string | undefined;
  for (let offset = 0; offset + BLOCK <= bytes.length;) {
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break; // the end-of-archive blocks
    const length = size(header);
    const data = bytes.subarray(offset + BLOCK, offset + BLOCK + length);
    offset += BLOCK + Math.ceil(length / BLOCK) * BLOCK;
    const type = String.fromCharCode(header[156]!);
    const prefix = text(header, 257, 6) === 'ustar' ? text(header, 345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    longName = undefined;
    switch (type) {
      case 'L': // GNU: the next entry's long name
        longName = new TextDecoder().decode(data).replace(/\0+$/, '');
        break;
      case 'x': {
        // POSIX extended header: only the next entry's path matters here.
        const found = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(new TextDecoder().decode(data));
        if (found) longName = found[1];
        break;
      }
      case 'g':
        break;
      case '5':
        await mkdir(inside(folder, name), { recursive: true, mode: 0o700 });
        break;
      case '0':
      case '\0': {
        const file = inside(folder, name);
        (path.relative(folder, file) === 'PG_VERSION' ? last : files).push([file, data]);
        break;
      }
      default:
        throw new Error(`the dump holds an entry of a kind a store never writes (type ${JSON.stringify(type)}): ${name}`);
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
