// Every main page next to its floor (issue 17, item 6). For each page: its statements are
// captured through the store seam (recordQueries) from an in-process request, then replayed
// directly on the store, one page's statements after another, at 1 and at 20 concurrent loops:
// that is the floor, what the page would serve if Concord cost nothing above its SQL. Then
// Concord itself serves the page (its own process, as `npm start` runs it) under autocannon at 1
// and 20 connections. Both, and their ratio, go to bench/results/pages.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openStore, recordQueries, sql, type LoggedQuery, type Store } from '../src/store/index.ts';
import { moveRevision } from '../src/store/revisions.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { seedIndicators } from '../src/indicators/seed.ts';
import { refreshAreaGroups } from '../src/initiatives/area-groups.ts';
import { areaCatalog } from '../src/areas/index.ts';
import { createApp } from '../src/web/app.ts';
import { loadConfig } from '../src/config.ts';
import { generate } from './registry.ts';
import { writeRunsPerStore } from './runs-file.ts';

const root = path.resolve(import.meta.dirname, '..');

export interface PagesBenchOptions {
  databaseUrl?: string | undefined;
  label: string;
  initiatives: number;
  /** Seconds of each measurement (one page, one concurrency, Concord or floor). */
  seconds: number;
  port: number;
}

interface Measured {
  requestsPerSecond: number;
  /** null when no request finished within the measurement. */
  latencyMs: { p50: number | null; p99: number | null };
}

interface PageFigures {
  page: string;
  path: string;
  queries: number;
  /** Concord at 1 and 20 connections. */
  concord: Record<'c1' | 'c20', Measured | null>;
  /** Its statements replayed directly, at 1 and 20 concurrent loops. */
  floor: Record<'c1' | 'c20', Measured>;
  /** Floor throughput over Concord's: how many times slower than its SQL the page is served. */
  ratio: Record<'c1' | 'c20', number | null>;
}

const concurrencies = { c1: 1, c20: 20 } as const;

function quantile(sorted: number[], q: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN) * 100) / 100;
}

/** Runs `once` in `loops` concurrent loops for `seconds`; throughput and latency of one run. */
async function loop(once: () => Promise<unknown>, loops: number, seconds: number): Promise<Measured> {
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await once();
        samples.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  if (samples.length === 0) return { requestsPerSecond: 0, latencyMs: { p50: null, p99: null } };
  return {
    requestsPerSecond: Math.round(samples.length / elapsed),
    latencyMs: { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) },
  };
}

/** The page's statements one after the other, as the store seam received them. */
function replay(store: Store, queries: LoggedQuery[]) {
  return async () => {
    for (const q of queries) await store.db.query(q);
  };
}

/** Moves the registry revision forward, as any committed write to a listed record does. */
const bumpRegistry = (store: Store) => moveRevision(store.db, 'registry');

async function startConcord(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', CONCORD_LOG: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`Concord exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error('Concord did not start for the pages benchmark');
}

async function stopConcord(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function serve(base: string, pagePath: string, connections: number, seconds: number): Promise<Measured> {
  const result = await autocannon({
    url: base + pagePath,
    connections,
    duration: seconds,
    timeout: 20,
    headers: { 'accept-encoding': 'br, gzip' },
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${pagePath}: ${failed} failed requests under ${connections} connections`);
  // No request finished within the measurement: autocannon's percentiles are then 0, not a latency.
  if (result.requests.total === 0) return { requestsPerSecond: 0, latencyMs: { p50: null, p99: null } };
  return {
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
  };
}

export async function benchPages(options: PagesBenchOptions) {
  let dataDir: string | undefined;
  const env: Record<string, string> = {};
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'concord-bench-pages-'));
    env.CONCORD_DATA_DIR = dataDir;
  }
  const store = await openStore({ databaseUrl: options.databaseUrl, dataDir });
  const figures: PageFigures[] = [];
  // The machine is shared: its load says how far the figures can be trusted.
  const loadAverage = { atStart: os.loadavg()[0], atEnd: NaN };
  try {
    await seedFrameworks(store);
    await seedIndicators(store);
    const generateMs = await generate(store, options.initiatives, 1);
    await refreshAreaGroups(store, await areaCatalog(), { force: generateMs > 0 });
    const [document] = await store.db.query<{ id: string }>(sql`SELECT id FROM documents ORDER BY id LIMIT 1`);
    const pages: [name: string, path: string][] = [
      ['element', '/en/elements/gdc.11.b'],
      ['framework', '/en/frameworks/sdg'],
      ['crosswalk', '/en/crosswalk'],
      ['registry (cached)', '/en/registry'],
      ['registry (after a write)', '/en/registry'],
      ['implementation map', '/en/implementation'],
      ['indicator', '/en/indicators/IT.NET.USER.ZS'],
      ['area', '/en/areas/KEN'],
      ...(document ? ([['document', `/en/documents/${encodeURIComponent(document.id)}`]] as [string, string][]) : []),
      ['search', '/en/search?q=connectivity'],
    ];
    // Capture: a warm-up request first (instance secrets, caches), then the one recorded.
    const app = createApp(store, loadConfig({ ...env }));
    const captured = new Map<string, LoggedQuery[]>();
    for (const [name, pagePath] of pages) {
      await (await app.request(pagePath)).text();
      if (name.includes('after a write')) await bumpRegistry(store);
      const { queries } = await recordQueries(async () => (await app.request(pagePath)).text());
      captured.set(name, queries);
    }
    const floors = new Map<string, Record<'c1' | 'c20', Measured>>();
    for (const [name] of pages) {
      const queries = captured.get(name)!;
      const run = replay(store, queries);
      const once = name.includes('after a write')
        ? async () => {
            await bumpRegistry(store);
            await run();
          }
        : run;
      floors.set(name, {
        c1: await loop(once, concurrencies.c1, options.seconds),
        c20: await loop(once, concurrencies.c20, options.seconds),
      });
    }
    // The embedded store has one owner: the bench lets go of it before Concord opens it.
    if (dataDir) await store.close();
    const concord = await startConcord(env, options.port);
    const base = `http://127.0.0.1:${options.port}`;
    // A write from the side, for "after a write" on PostgreSQL (the embedded store has one owner).
    const writer = options.databaseUrl ? store : undefined;
    try {
      for (const [name, pagePath] of pages) {
        await (await fetch(base + pagePath)).arrayBuffer();
        let c1: Measured | null;
        let c20: Measured | null;
        if (name.includes('after a write')) {
          c1 = writer
            ? await loop(() => bumpRegistry(writer).then(() => fetch(base + pagePath).then((r) => r.arrayBuffer())), 1, options.seconds)
            : null;
          c20 = writer
            ? await loop(() => bumpRegistry(writer).then(() => fetch(base + pagePath).then((r) => r.arrayBuffer())), 20, options.seconds)
            : null;
        } else {
          c1 = await serve(base, pagePath, 1, options.seconds);
          c20 = await serve(base, pagePath, 20, options.seconds);
        }
        const floor = floors.get(name)!;
        const ratio = (served: Measured | null, f: Measured) =>
          served && served.requestsPerSecond > 0 ? Math.round((f.requestsPerSecond / served.requestsPerSecond) * 100) / 100 : null;
        const row: PageFigures = {
          page: name,
          path: pagePath,
          queries: captured.get(name)!.length,
          concord: { c1, c20 },
          floor,
          ratio: { c1: ratio(c1, floor.c1), c20: ratio(c20, floor.c20) },
        };
        figures.push(row);
        console.log(
          `  ${name}: ${row.queries} queries; 1 conn ${c1?.requestsPerSecond ?? '-'}/s (floor ${floor.c1.requestsPerSecond}/s, ×${row.ratio.c1 ?? '-'}); ` +
            `20 conn ${c20?.requestsPerSecond ?? '-'}/s p99 ${c20?.latencyMs.p99 ?? '-'} ms (floor ${floor.c20.requestsPerSecond}/s, ×${row.ratio.c20 ?? '-'})`,
        );
      }
    } finally {
      await stopConcord(concord);
    }
    const element = figures.find((f) => f.page === 'element');
    loadAverage.atEnd = os.loadavg()[0] ?? NaN;
    return {
      store: options.label,
      loadAverage,
      cpus: os.cpus().length,
      initiatives: options.initiatives,
      secondsPerMeasurement: options.seconds,
      pages: figures,
      notes: [
        'floor: the statements the page sent through the store seam, replayed one after another on the same store from the bench process (same pool size), no HTTP, no rendering',
        'ratio: floor requests/s over Concord requests/s (1 = as fast as its SQL)',
        ...(options.databaseUrl
          ? []
          : [
              'registry (after a write) over HTTP not measured on the embedded store: the served store has one owner, so the bench cannot write beside it',
            ]),
        ...(document ? [] : ['no document in the store: document page not measured']),
      ],
      targets: {
        elementPage1000PerSecondAt20: element?.concord.c20 ? element.concord.c20.requestsPerSecond >= 1000 : null,
        elementPageP99Under50ms: element?.concord.c20 ? (element.concord.c20.latencyMs.p99 ?? Infinity) < 50 : null,
        everyPageWithin1_5xFloorAt1: figures.every((f) => f.ratio.c1 === null || f.ratio.c1 <= 1.5),
      },
    };
  } finally {
    // Closed already on the embedded store (closing again does nothing).
    await store.close().catch(() => undefined);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- pages`: PostgreSQL when BENCH_DATABASE_URL is set (BENCH_PAGES_INITIATIVES,
 * 100,000 by default), then the embedded store (BENCH_PAGES_EMBEDDED_INITIATIVES, 10,000 by
 * default: generating 100,000 in PGlite takes longer than the rest of the run; BENCH_SKIP_EMBEDDED=1
 * leaves it out). A store not measured this time keeps its previous figures. BENCH_PAGES_PORT (3241)
 * is where Concord listens, the embedded run on the next port.
 */
export async function pages(machine: Record<string, unknown>, results: string): Promise<void> {
  const seconds = Number(process.env.BENCH_PAGES_SECONDS ?? 10);
  const runs: Awaited<ReturnType<typeof benchPages>>[] = [];
  if (process.env.BENCH_DATABASE_URL)
    runs.push(
      await benchPages({
        label: 'PostgreSQL',
        databaseUrl: process.env.BENCH_DATABASE_URL,
        initiatives: Number(process.env.BENCH_PAGES_INITIATIVES ?? 100_000),
        seconds,
        port: Number(process.env.BENCH_PAGES_PORT ?? 3241),
      }),
    );
  else console.log('Pages on PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://... to include it.');
  if (process.env.BENCH_SKIP_EMBEDDED !== '1')
    runs.push(
      await benchPages({
        label: 'embedded (PGlite)',
        initiatives: Number(process.env.BENCH_PAGES_EMBEDDED_INITIATIVES ?? 10_000),
        seconds,
        port: Number(process.env.BENCH_PAGES_PORT ?? 3241) + 1,
      }),
    );
  const file = path.join(results, 'pages.json');
  await writeRunsPerStore(file, 'pages', machine, runs);
  for (const run of runs) console.log(`pages on ${run.store} (${run.initiatives} initiatives): targets ${JSON.stringify(run.targets)}`);
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}
