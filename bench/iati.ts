// IATI import benchmark (issue 13): activities per second through `concord import iati`'s function
// (src/registries/iati-import.ts: streamed read, all-or-nothing check, the generic registry writer
// with the money chain), on the embedded store and on PostgreSQL (BENCH_DATABASE_URL), and the peak
// memory of importing a 50 MB file, made by repeating the real publisher's activities
// (test/fixtures/iati/maec-indonesia-excerpt.xml) under new identifiers. Target: >= 500
// activities/s on PostgreSQL; < 300 MB for the 50 MB file, measured as the peak of the
// `concord import iati` process (the file is streamed twice: a first reading checks every activity,
// since nothing may be written when one is wrong, keeping only identifiers and organizations; a
// second writes the records a chunk at a time).
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { openStore, sql, type Store } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { importIatiFiles } from '../src/registries/iati-import.ts';

const fixture = path.resolve('test/fixtures/iati/maec-indonesia-excerpt.xml');
/** The rate is measured on this many activities (a 50 MB file holds about 15,000). */
const RATE_ACTIVITIES = 3000;

/** Writes an IATI file of about `bytes` (or `activities` activities) of the fixture's activities with new identifiers. */
async function generate(file: string, limit: { bytes?: number; activities?: number }): Promise<number> {
  const text = await readFile(fixture, 'utf8');
  const start = text.indexOf('  <iati-activity>');
  const end = text.lastIndexOf('</iati-activities>');
  const head = text.slice(0, start);
  const activities = text
    .slice(start, end)
    .split('  <iati-activity>')
    .filter((a) => a.trim())
    .map((a) => `  <iati-activity>${a}`);
  const parts: string[] = [head];
  let size = head.length;
  let n = 0;
  while ((limit.bytes !== undefined && size < limit.bytes) || (limit.activities !== undefined && n < limit.activities)) {
    const activity = activities[n % activities.length]!.replace(
      /ES-DIR3-E04585801-009-(\d+)/g,
      (_m, id: string) => `ES-DIR3-E04585801-BENCH-${n}-${id}`,
    );
    parts.push(activity);
    size += activity.length;
    n++;
  }
  parts.push('</iati-activities>\n');
  await writeFile(file, parts.join(''));
  return n;
}

async function forgetIati(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query(
      sql`DELETE FROM changes WHERE actor = 'registry:iati' OR entity_id IN (SELECT id FROM initiatives WHERE source = 'iati')`,
    );
    await tx.query(sql`DELETE FROM initiatives WHERE source = 'iati'`);
    await tx.query(sql`DELETE FROM reference_releases WHERE dataset = 'registry:iati'`);
  });
}

export interface IatiRun {
  store: string;
  activities: number;
  importMs: number;
  activitiesPerSecond: number;
  /** The same file again: nothing written. */
  noOpImportMs: number;
}

async function timeImport(store: Store, file: string): Promise<number> {
  const started = performance.now();
  const report = await importIatiFiles(store, [{ name: file, open: () => createReadStream(file) }]);
  if (!report.load) throw new Error(`the bench file was refused: ${JSON.stringify(report.files[0]?.problems.slice(0, 3))}`);
  return performance.now() - started;
}

/** Runs `work` on a seeded store holding no IATI records, and leaves none behind. */
async function onSeededStore<T>(databaseUrl: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(databaseUrl ? { databaseUrl } : {});
  try {
    await seedFrameworks(store);
    await forgetIati(store);
    const result = await work(store);
    await forgetIati(store);
    return result;
  } finally {
    await store.close();
  }
}

async function benchRate(file: string, activities: number, options: { databaseUrl?: string | undefined; label: string }): Promise<IatiRun> {
  return onSeededStore(options.databaseUrl, async (store) => {
    const importMs = await timeImport(store, file);
    const noOpImportMs = await timeImport(store, file);
    return {
      store: options.label,
      activities,
      importMs: Math.round(importMs),
      activitiesPerSecond: Math.round((activities / importMs) * 1000),
      noOpImportMs: Math.round(noOpImportMs),
    };
  });
}

/**
 * Peak resident memory of `concord import iati` on a 50 MB file, as an operator runs it: the
 * command in a process of its own on the PostgreSQL store (MB, the whole process: its high-water
 * mark, VmHWM, read from /proc while it runs). Measured in the bench's own process it would count
 * every other benchmark's modules and the 50 MB file this bench generated.
 */
async function benchMemory(file: string, databaseUrl: string) {
  return onSeededStore(databaseUrl, async () => {
    const started = performance.now();
    const command = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'import', 'iati', file], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    command.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    let peakKb = 0;
    const highWater = async () => {
      const status = await readFile(`/proc/${command.pid}/status`, 'utf8').catch(() => '');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    };
    const sampler = setInterval(() => void highWater(), 20);
    const [code] = (await once(command, 'exit')) as [number | null];
    clearInterval(sampler);
    if (code !== 0) throw new Error(`concord import iati failed (${code}): ${errors.slice(0, 500)}`);
    return {
      store: 'PostgreSQL',
      fileMB: Math.round(((await stat(file)).size / 2 ** 20) * 10) / 10,
      importMs: Math.round(performance.now() - started),
      peakRssMB: Math.round(peakKb / 1024),
    };
  });
}

/** `npm run bench iati`: writes bench/results/iati.json. */
export async function iati(machine: Record<string, unknown>, results: string): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const folder = await mkdtemp(path.join(tmpdir(), 'concord-bench-iati-'));
  try {
    // The 50 MB file's memory is measured on PostgreSQL (a command's process beside the store).
    const large = path.join(folder, 'fifty.xml');
    const memory = url ? { activities: await generate(large, { bytes: 50 * 2 ** 20 }), ...(await benchMemory(large, url)) } : null;
    const small = path.join(folder, 'rate.xml');
    const activities = await generate(small, { activities: RATE_ACTIVITIES });
    const runs = [
      await benchRate(small, activities, { label: 'embedded' }),
      ...(url ? [await benchRate(small, activities, { databaseUrl: url, label: 'PostgreSQL' })] : []),
    ];
    const file = path.join(results, 'iati.json');
    await writeFile(file, JSON.stringify({ benchmark: 'iati', at: new Date().toISOString(), machine, runs, memory }, null, 2) + '\n');
    for (const r of runs)
      console.log(
        `iati on ${r.store}: ${r.activities} activities in ${r.importMs} ms (${r.activitiesPerSecond}/s); again unchanged ${r.noOpImportMs} ms`,
      );
    if (memory)
      console.log(
        `iati 50 MB file (${memory.fileMB} MB, ${memory.activities} activities) on ${memory.store}: ${memory.importMs} ms, peak RSS of the command ${memory.peakRssMB} MB`,
      );
    else console.log('iati 50 MB file: not measured (BENCH_DATABASE_URL is not set)');
    console.log(`Written: ${path.relative(process.cwd(), file)}`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
