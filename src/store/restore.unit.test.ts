// The dump reader that writes a new embedded store's files (src/store/restore.ts), on dumps made
// here by tar-stream in the ustar layout PGlite writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { pack } from 'tar-stream';
import { restoreDump } from './restore.ts';

/** A dump as PGlite writes one: ustar entries named from the folder's root. */
async function dump(entries: [name: string, type: 'directory' | 'file' | 'symlink', body?: string][]): Promise<Buffer> {
  const archive = pack();
  for (const [name, type, body = ''] of entries)
    if (type === 'file') archive.entry({ name, type, mode: 0o600 }, body);
    else archive.entry({ name, type, mode: 0o700, ...(type === 'symlink' ? { linkname: '/etc/passwd' } : {}) });
  archive.finalize();
  return buffer(archive);
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
      await dump([
        ['/base', 'directory'],
        ['/base/1/1259', 'file', body],
        ['/PG_VERSION', 'file', '18\n'],
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
      await dump([
        ['/PG_VERSION', 'file', '18\n'],
        ['/../escaped', 'file', 'no'],
      ]),
    );
    const folder = path.join(work, 'refused');
    await expect(restoreDump(file, folder)).rejects.toThrow(/outside its folder/);
    expect(await readdir(folder)).toEqual([]);
    expect(await readdir(work)).not.toContain('escaped');
  });

  it('refuses an entry of a kind a store never writes (a link)', async () => {
    const file = path.join(work, 'link.tar');
    await writeFile(file, await dump([['/base/link', 'symlink']]));
    await expect(restoreDump(file, path.join(work, 'linked'))).rejects.toThrow(/kind a store never writes/);
  });
});
