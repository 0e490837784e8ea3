// Edge benchmark (issue 11, point 2): how fast a running Concord refuses a 300 MB body sent
// without a credential, over a real socket, and how much its memory grows meanwhile; and how
// /healthz answers while three such bodies arrive at once. Target: refused in < 1 s.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { openStore } from '../src/store/index.ts';
import { createApp } from '../src/web/app.ts';
import { loadConfig } from '../src/config.ts';

const MB = 1024 * 1024;

export interface Refusal {
  case: string;
  status: number;
  /** From the first byte sent to the answer's status line. */
  refusedMs: number;
  /** What the client had written when the answer came (the server read at most its limit of it). */
  sentMb: number;
  /** The server process's resident memory, most above where it started. */
  rssGrowthMb: number;
}

export interface EdgeRun {
  store: string;
  bodyMb: number;
  refusals: Refusal[];
  concurrent: { bodies: number; worstRefusedMs: number; healthzWorstMs: number; rssGrowthMb: number };
  targets: Record<string, boolean>;
}

interface Sent {
  status: number;
  refusedMs: number;
  sentBytes: number;
}

/** Sends `size` bytes (chunked unless `declare`) and resolves when the answer's head arrives. */
function sendLarge(base: URL, pathname: string, size: number, contentType: string, declare: boolean): Promise<Sent> {
  const chunk = Buffer.alloc(64 * 1024, contentType.includes('json') ? 'x' : 'a');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let sent = 0;
    let answered = false;
    const request = http.request(new URL(pathname, base), {
      method: 'POST',
      headers: { 'Content-Type': contentType, ...(declare ? { 'Content-Length': String(size) } : {}) },
    });
    request.on('response', (response) => {
      answered = true;
      const result = { status: response.statusCode ?? 0, refusedMs: Math.round(performance.now() - started), sentBytes: sent };
      response.resume();
      response.on('end', () => {
        request.destroy();
        resolve(result);
      });
    });
    // The server closes the connection after refusing: writes after that fail, as they should.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const write = () => {
      while (!answered && sent < size && !request.destroyed) {
        sent += chunk.byteLength;
        if (!request.write(chunk)) return void request.once('drain', write);
      }
      if (!answered && sent >= size) request.end();
    };
    write();
  });
}

/** Samples the resident memory until stopped; returns the most it grew, in MB. */
function watchMemory(): () => number {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return Math.round(((peak - baseline) / MB) * 10) / 10;
  };
}

export async function benchEdge(options: { label: string; databaseUrl?: string; bodyMb?: number; port?: number }): Promise<EdgeRun> {
  const bodyMb = options.bodyMb ?? 300;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'concord-bench-edge-'));
  const store = await openStore(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir });
  const app = createApp(store, loadConfig({ CONCORD_LOG: 'silent' }));
  const server = serve({ fetch: app.fetch, port: options.port ?? 3111, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  try {
    // Warm up: the session middleware's secret, the routes.
    await (await fetch(new URL('/healthz', base))).arrayBuffer();
    await (await fetch(new URL('/en/sign-in', base))).arrayBuffer();
    const cases = [
      { case: 'API JSON, Content-Length declared', path: '/api/v1/initiatives', type: 'application/json', declare: true },
      { case: 'API JSON, chunked', path: '/api/v1/initiatives', type: 'application/json', declare: false },
      { case: 'sign-in form, Content-Length declared', path: '/en/sign-in', type: 'application/x-www-form-urlencoded', declare: true },
      { case: 'sign-in form, chunked', path: '/en/sign-in', type: 'application/x-www-form-urlencoded', declare: false },
    ];
    const refusals: Refusal[] = [];
    for (const c of cases) {
      const memory = watchMemory();
      const sent = await sendLarge(base, c.path, bodyMb * MB, c.type, c.declare);
      await new Promise((resolve) => setTimeout(resolve, 200));
      refusals.push({
        case: c.case,
        status: sent.status,
        refusedMs: sent.refusedMs,
        sentMb: Math.round((sent.sentBytes / MB) * 10) / 10,
        rssGrowthMb: memory(),
      });
    }
    // Three at once (the attack stalled /healthz 17 s): /healthz keeps answering.
    const memory = watchMemory();
    const healthz: number[] = [];
    let done = false;
    const probing = (async () => {
      while (!done) {
        const t = performance.now();
        await (await fetch(new URL('/healthz', base))).arrayBuffer();
        healthz.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const three = await Promise.all([0, 1, 2].map(() => sendLarge(base, '/api/v1/initiatives', bodyMb * MB, 'application/json', false)));
    done = true;
    await probing;
    const concurrent = {
      bodies: 3,
      worstRefusedMs: Math.max(...three.map((s) => s.refusedMs)),
      healthzWorstMs: Math.round(Math.max(...healthz)),
      rssGrowthMb: memory(),
    };
    return {
      store: options.label,
      bodyMb,
      refusals,
      concurrent,
      targets: {
        refusedUnder1s: refusals.every((r) => r.status === 413 && r.refusedMs < 1000) && concurrent.worstRefusedMs < 1000,
        memoryGrowthUnder50Mb: refusals.every((r) => r.rssGrowthMb < 50) && concurrent.rssGrowthMb < 50,
      },
    };
  } finally {
    server.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- edge`: the embedded store (and PostgreSQL with BENCH_DATABASE_URL), written to bench/results/edge.json. */
export async function edge(machine: Record<string, unknown>, results: string): Promise<void> {
  const runs = [await benchEdge({ label: 'embedded (PGlite)' })];
  if (process.env.BENCH_DATABASE_URL) runs.push(await benchEdge({ label: 'PostgreSQL', databaseUrl: process.env.BENCH_DATABASE_URL }));
  const file = path.join(results, 'edge.json');
  await writeFile(file, JSON.stringify({ benchmark: 'edge', at: new Date().toISOString(), machine, runs }, null, 2) + '\n');
  for (const run of runs) {
    for (const r of run.refusals)
      console.log(
        `${run.store}: ${run.bodyMb} MB ${r.case}: ${r.status} in ${r.refusedMs} ms (${r.sentMb} MB sent), RSS +${r.rssGrowthMb} MB`,
      );
    console.log(
      `  three at once: worst ${run.concurrent.worstRefusedMs} ms, /healthz worst ${run.concurrent.healthzWorstMs} ms, RSS +${run.concurrent.rssGrowthMb} MB`,
    );
    console.log(`  targets: ${JSON.stringify(run.targets)}`);
  }
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}
