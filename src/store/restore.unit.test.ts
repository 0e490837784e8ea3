// The dump reader that writes a new embedded store's files (src/store/restore.ts), on dumps made
// here in the ustar layout PGlite writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { restoreDump } from './restore.ts';

function header(name: string, type: string, size: number): Uint8Array {
  const block = new Uint8Array(512);
  const put = (offset: number, value: string) => block.set(new TextEncoder().encode(value), offset);
  put(0, name);
  put(100, '0000600\0');
  put(124, `${size.toString(8).padStart(11, '0')}\0`);
  put(156, type);
  put(257, 'ustar\0');
  put(263, '00');
  return block;
}

function dump(entries: [name: string, type: string, body?: string][]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [name, type, body = ''] of entries) {
    const data = new TextEncoder().encode(body);
    parts.push(header(name, type, data.length));
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    parts.push(padded);
  }
  parts.push(new Uint8Array(1024));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'concord-restore-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('restoring a dump into a new folder', () => {
  it('writes its folders and files where the dump names them', async () => {
    const file = path.join(work, 'store.tar');
    const body = 'x'.repeat(1500);
    await writeFile(
      file,
      dump([
        ['/base', '5'],
        ['/base/1/1259', '0', body],
        ['/PG_VERSION', '0', '18\n'],
      ]),
    );
    const folder = path.join(work, 'db');
    await restoreDump(file, folder);
    expect(await readFile(path.join(folder, 'base', '1', '1259'), 'utf8')).toBe(body);
    expect(await readFile(path.join(folder, 'PG_VERSION'), 'utf8')).toBe('18\n');
  });

  it('refuses an entry outside the folder, and writes no PG_VERSION', async () => {
    const file = path.join(work, 'bad.tar');
    await writeFile(
      file,
      dump([
        ['/PG_VERSION', '0', '18\n'],
        ['/../escaped', '0', 'no'],
      ]),
    );
    const folder = path.join(work, 'refused');
    await expect(restoreDump(file, folder)).rejects.toThrow(/outside its folder/);
    expect(await readdir(folder)).toEqual([]);
    expect(await readdir(work)).not.toContain('escaped');
  });

  it('refuses an entry of a kind a store never writes (a link)', async () => {
    const file = path.join(work, 'link.tar');
    await writeFile(file, dump([['/base/link', '2']]));
    await expect(restoreDump(file, path.join(work, 'linked'))).rejects.toThrow(/kind a store never writes/);
  });
});
