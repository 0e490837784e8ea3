// Foundation benchmark: start-up time (process start to first served request, store already
// seeded), p50/p95 latency of an element page and of an API call, and the bytes a read page
// sends (compressed HTML + CSS, and JS). Targets (issue 2): start < 3 s; element page p95 <
// 50 ms on the embedded store; a read page <= 60 KB compressed in all.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openStore } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { listElements } from '../src/frameworks/service.ts';

const root = path.resolve(import.meta.dirname, '..');

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? NaN) };
}

interface Server {
  child: ChildProcess;
  base: string;
  startMs: number;
}

async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', CONCORD_LOG: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Concord exited with code ${child.exitCode} before serving`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) {
        await response.arrayBuffer();
        return { child, base, startMs: Math.round(performance.now() - started) };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (performance.now() - started > 60_000) throw new Error('Concord did not serve within 60 s');
  }
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

async function timeRequests(base: string, paths: string[], rounds: number): Promise<Percentiles> {
  // Warm up once over every path, then measure one request at a time.
  for (const p of paths) await (await fetch(base + p)).arrayBuffer();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const p of paths) {
      const t = performance.now();
      const response = await fetch(base + p);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${p} answered ${response.status}`);
      samples.push(performance.now() - t);
    }
  }
  return percentiles(samples);
}

async function pageWeight(base: string, page: string) {
  const html = await (await fetch(base + page)).text();
  const cssLinks = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const inlineScripts = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const gz = (text: string | Uint8Array) => gzipSync(text, { level: 6 }).length;
  let css = 0;
  for (const href of cssLinks) css += gz(new Uint8Array(await (await fetch(base + href)).arrayBuffer()));
  let js = inlineScripts.reduce((sum, s) => sum + gz(s), 0);
  for (const src of scripts) js += gz(new Uint8Array(await (await fetch(base + src)).arrayBuffer()));
  // What the server itself sends compressed, to check compression is on.
  const sent = await fetch(base + page, { headers: { 'Accept-Encoding': 'gzip' } });
  return {
    page,
    htmlBytes: Buffer.byteLength(html),
    htmlGzip: gz(html),
    cssGzip: css,
    jsGzip: js,
    totalGzip: gz(html) + css + js,
    servedEncoding: sent.headers.get('content-encoding'),
  };
}

export async function benchFoundation(options: { databaseUrl?: string | undefined; label: string; rounds?: number }) {
  const rounds = options.rounds ?? 40;
  let dataDir: string | undefined;
  const env: Record<string, string> = {};
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else {
    dataDir = await mkdtemp(path.join(tmpdir(), 'concord-bench-'));
    env.CONCORD_DATA_DIR = dataDir;
  }
  // Seed once beforehand: the start-up figure is for a store already seeded.
  const store = await openStore({ databaseUrl: options.databaseUrl, dataDir });
  await seedFrameworks(store);
  const sample = await listElements(store.db, 'en', { limit: 10000 });
  await store.close();
  const ids = sample.items.filter((_, i) => i % 25 === 0).map((e) => e.id);

  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const server = await startServer(env, 3900 + i);
    starts.push(server.startMs);
    await stopServer(server);
  }
  const server = await startServer(env, 3910);
  try {
    const elementPages = await timeRequests(
      server.base,
      ids.map((id) => `/en/elements/${id}`),
      Math.ceil(rounds / 2),
    );
    const elementPagesAr = await timeRequests(
      server.base,
      ids.map((id) => `/ar/elements/${id}`),
      Math.ceil(rounds / 4),
    );
    const apiCalls = await timeRequests(
      server.base,
      ids.map((id) => `/api/v1/elements/${id}?lang=ar`),
      rounds,
    );
    const weights = [];
    for (const page of [
      '/en/',
      '/en/elements/gdc.11.b',
      '/ar/elements/sdg.9.c',
      '/en/frameworks/gdc',
      '/ar/frameworks/sdg',
      '/en/crosswalk',
      '/en/search?q=connectivity',
    ]) {
      weights.push(await pageWeight(server.base, page));
    }
    const startSorted = [...starts].sort((a, b) => a - b);
    return {
      store: options.label,
      startupMs: { runs: starts, median: startSorted[1] },
      elementPageMs: elementPages,
      elementPageArabicMs: elementPagesAr,
      apiElementMs: apiCalls,
      pageWeight: weights,
      targets: {
        startupUnder3s: (startSorted[1] ?? Infinity) < 3000,
        elementPageP95Under50ms: elementPages.p95 < 50,
        readPageUnder60KB: weights.every((w) => w.totalGzip <= 60 * 1024),
        noJavaScript: weights.every((w) => w.jsGzip === 0),
      },
    };
  } finally {
    await stopServer(server);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
