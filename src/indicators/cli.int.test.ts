// `concord observations import|export` as an operator runs them, against a store of its own.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { runCli } from '../cli.ts';
import { openStore } from '../store/index.ts';
import { createEmptyDatabase, testTier, type EmptyDatabase } from '../testing/store.ts';
import { seedFrameworks } from '../frameworks/seed.ts';
import { seedIndicators } from './seed.ts';

describe('concord observations', () => {
  let database: EmptyDatabase;
  let dir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    database = await createEmptyDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), 'concord-cli-'));
    // A seeded store the CLI opens from its configuration, as on an operator's machine.
    const store = await openStore(
      testTier() === 'embedded' ? { ...database.options, loadFrom: inject('concordEmbeddedDump') } : database.options,
    );
    try {
      if (testTier() === 'postgres') {
        await seedFrameworks(store);
        await seedIndicators(store);
      }
    } finally {
      await store.close();
    }
    delete process.env.DATABASE_URL;
    if (database.options.databaseUrl) process.env.DATABASE_URL = database.options.databaseUrl;
    if (database.options.dataDir) process.env.CONCORD_DATA_DIR = database.options.dataDir;
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    process.env = saved;
    await rm(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('imports a file, refuses a bad one whole, and exports what it holds', async () => {
    const good = path.join(dir, 'good.csv');
    await writeFile(
      good,
      'series,area,period,value,unit,source\nITU.HH.INTERNET,KEN,2015,10,PT,test-cli\nITU.HH.INTERNET,KEN,2024,30,PT,test-cli\n',
    );
    expect(await runCli(['observations', 'import', good])).toBe(0);

    const bad = path.join(dir, 'bad.csv');
    await writeFile(
      bad,
      'series,area,period,value,unit,source\nITU.HH.INTERNET,UGA,2024,30,PT,test-cli\nITU.HH.INTERNET,NOWHERE,2024,30,PT,test-cli\n',
    );
    expect(await runCli(['observations', 'import', bad])).toBe(1);
    expect(vi.mocked(console.error).mock.calls.flat().join('\n')).toContain('unknown area code "NOWHERE"');

    const out = path.join(dir, 'out.sdmx.csv');
    expect(await runCli(['observations', 'export', '--indicator', 'ITU.HH.INTERNET', '--format', 'sdmx-csv', '--out', out])).toBe(0);
    const exported = await readFile(out, 'utf8');
    expect(exported).toContain(',ITU.HH.INTERNET,404,2024,30,PT,');
    expect(exported).not.toContain('UGA');
    expect(exported).not.toContain(',800,');
    expect(await runCli(['observations', 'import', out, '--format', 'sdmx-csv'])).toBe(0);
    expect(vi.mocked(console.log).mock.calls.flat().join('\n')).toContain('0 new, 0 changed, 2 unchanged');
    expect(await runCli(['observations', 'import', out, '--format', 'xlsx'])).toBe(2);
  });
});
