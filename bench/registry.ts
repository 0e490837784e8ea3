// Registry benchmark (issue 4): 100,000 published initiatives and 300,000 pledges, generated in
// the store; p95 of filtered, paginated list requests; and a fixed-rate load of 500 requests/s
// for 60 s against Concord pinned to one core, the load generator on the other.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { openStore, sql, type Store } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { queryInitiatives } from '../src/initiatives/service.ts';
import { refreshAreaGroups } from '../src/initiatives/area-groups.ts';
import autocannon from 'autocannon';
import { percentiles } from './foundation.ts';
import { areaCatalog } from '../src/areas/index.ts';

const root = path.resolve(import.meta.dirname, '..');

export interface RegistryBenchOptions {
  databaseUrl: string | undefined;
  label: string;
  initiatives: number;
  pledgesPerInitiative: number;
  loadSeconds: number;
  rate: number;
}

/** Fills the store with generated, published records (idempotent: skipped when already there). */
export async function generate(store: Store, initiatives: number, pledgesPerInitiative: number): Promise<number> {
  const [have] = await store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM initiatives WHERE id LIKE 'bench-%'`);
  if ((have?.n ?? 0) >= initiatives && !process.env.BENCH_REGENERATE) return 0;
  const started = performance.now();
  await store.db.query(sql`DELETE FROM initiatives WHERE id LIKE 'bench-%'`);
  await store.db.query(
    sql`INSERT INTO users (id, email, name, password_hash) VALUES ('bench-user', 'bench@example.org', 'Bench', 'scrypt$x') ON CONFLICT DO NOTHING`,
  );
  await store.db.query(
    sql`INSERT INTO organizations (id, name, short_name, stakeholder_type, verified_at)
        SELECT 'bench-org-' || g, 'Benchmark organization ' || g, 'B' || g,
               (ARRAY['government','private-sector','civil-society','technical-community','academia','international-organization','un-entity','youth'])[1 + g % 8], now()
        FROM generate_series(1, 2000) g ON CONFLICT DO NOTHING`,
  );
  const countries = await store.db.query<{ code: string }>(
    sql`SELECT DISTINCT unnest(ARRAY['KEN','UGA','SEN','BRA','IND','IDN','BGD','NPL','PER','MAR','EGY','VNM','PHL','NGA','ETH','FJI','HTI','BOL','JAM','TZA']) AS code`,
  );
  const elements = await store.db.query<{ id: string }>(
    sql`SELECT id FROM elements WHERE kind IN ('action', 'action-line', 'sub-line', 'target') ORDER BY id`,
  );
  const codes = `{${countries.map((c) => c.code).join(',')}}`;
  const ids = `{${elements.map((e) => e.id).join(',')}}`;
  const chunk = 10_000;
  for (let from = 1; from <= initiatives; from += chunk) {
    const to = Math.min(initiatives, from + chunk - 1);
    await store.transaction(async (tx) => {
      await tx.query(
        sql`INSERT INTO initiatives (id, lead_organization_id, state, status, start_date, end_date, created_by, published_at, updated_at)
            SELECT 'bench-' || g, 'bench-org-' || (1 + g % 2000), 'published',
                   (ARRAY['planned','ongoing','completed','discontinued'])[1 + g % 4],
                   make_date(2018 + g % 8, 1 + g % 12, 1), make_date(2026 + g % 6, 1 + g % 12, 28), 'bench-user', now(),
                   now() - (g || ' minutes')::interval
            FROM generate_series(${from}::int, ${to}::int) g`,
      );
      await tx.query(
        sql`INSERT INTO initiative_texts (initiative_id, lang, title, description)
            SELECT 'bench-' || g, 'en', 'Initiative ' || g || ' for digital inclusion and connectivity',
                   'Generated initiative ' || g || ' about broadband, digital skills, data governance and artificial intelligence.'
            FROM generate_series(${from}::int, ${to}::int) g`,
      );
      await tx.query(
        sql`INSERT INTO initiative_areas (initiative_id, area_code)
            SELECT DISTINCT 'bench-' || g, (${codes}::text[])[1 + (g * k) % ${countries.length}]
            FROM generate_series(${from}::int, ${to}::int) g, generate_series(1, 2) k`,
      );
      await tx.query(
        sql`INSERT INTO initiative_links (initiative_id, element_id, type, evidence)
            SELECT DISTINCT ON (1, 2) 'bench-' || g, (${ids}::text[])[1 + (g * k * 7) % ${elements.length}], 'contributes-to', 'Generated evidence.'
            FROM generate_series(${from}::int, ${to}::int) g, generate_series(1, 3) k`,
      );
      await tx.query(
        sql`INSERT INTO pledges (id, initiative_id, organization_id, metric, unit, baseline_value, baseline_date, target_value, target_date, created_by)
            SELECT 'bench-p-' || g || '-' || k, 'bench-' || g, 'bench-org-' || (1 + g % 2000), 'People connected', 'people',
                   0, make_date(2024, 1, 1), 1000 * k, make_date(2030, 1, 1), 'bench-user'
            FROM generate_series(${from}::int, ${to}::int) g, generate_series(1, ${pledgesPerInitiative}::int) k`,
      );
    });
  }
  // The registry filters read the closures the application keeps (see writeParts).
  const catalog = await areaCatalog();
  const regions = countries.map((c) => `${c.code}=${[c.code, ...(catalog.areas.get(c.code)?.within ?? [])].join('|')}`);
  await store.db.query(
    sql`WITH r AS (SELECT split_part(x, '=', 1) AS code, string_to_array(split_part(x, '=', 2), '|') AS closure FROM unnest(${`{${regions.join(',')}}`}::text[]) x)
        UPDATE initiatives i SET
          area_closure = coalesce((SELECT array_agg(DISTINCT y) FROM initiative_areas a JOIN r ON r.code = a.area_code, unnest(r.closure) y WHERE a.initiative_id = i.id), '{}'),
          element_closure = coalesce((SELECT array_agg(DISTINCT x) FROM initiative_links l JOIN elements e ON e.id = l.element_id, unnest(e.ancestors || e.id) x WHERE l.initiative_id = i.id), '{}')
        WHERE i.id LIKE 'bench-%'`,
  );
  await store.db.query(
    sql`UPDATE initiative_texts SET search = to_tsvector('english', title || ' ' || description) WHERE initiative_id LIKE 'bench-%'`,
  );
  await store.db.query(sql`ANALYZE`);
  return Math.round(performance.now() - started);
}

const filters: Record<string, string>[] = [
  {},
  { element: 'gdc.obj.1' },
  { area: 'KEN' },
  { area: 'LDC' },
  { status: 'ongoing' },
  { stakeholderType: 'civil-society' },
  { year: '2027' },
  { element: 'wsis.C2', area: 'SEN', status: 'ongoing' },
  { q: 'connectivity' },
];

async function startServer(databaseUrl: string | undefined, dataDir: string | undefined, port: number): Promise<ChildProcess> {
  // Concord on one core; the load generator (this process) on the other.
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { CONCORD_DATA_DIR: dataDir! }),
  };
  const args = ['-c', '0', process.execPath, '--import', 'tsx', path.join(root, 'src/main.ts')];
  const child = spawn('taskset', args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('Concord did not start for the load test');
}

/**
 * Sends `rate` requests a second for `seconds` (autocannon, 50 connections: 10 a second each), cycling through the
 * paths; counts errors (connection errors, timeouts and any status other than 200).
 */
async function fixedRate(base: string, paths: string[], rate: number, seconds: number) {
  const result = await autocannon({
    url: base,
    connections: 50,
    overallRate: rate,
    duration: seconds,
    timeout: 10,
    headers: { 'accept-encoding': 'gzip' },
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  const non200 = result.non2xx + result['1xx'] + result['3xx'];
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts + non200,
    seconds: result.duration,
    achievedRate: Math.round(result.requests.total / result.duration),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
  };
}

export async function benchRegistry(options: RegistryBenchOptions) {
  const dataDir = options.databaseUrl ? undefined : path.join(os.tmpdir(), 'concord-bench-registry');
  const store = await openStore({ databaseUrl: options.databaseUrl, dataDir });
  let generateMs: number;
  const latencies: Record<string, ReturnType<typeof percentiles>> = {};
  try {
    await seedFrameworks(store);
    generateMs = await generate(store, options.initiatives, options.pledgesPerInitiative);
    await refreshAreaGroups(store, await areaCatalog(), { force: generateMs > 0 });
    await store.db.query(sql`ANALYZE initiatives`);
    for (const f of filters) {
      const samples: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        await queryInitiatives(store.db, {
          lang: 'en',
          limit: 50,
          offset: (i % 5) * 50,
          element: f.element,
          area: f.area,
          status: f.status as never,
          stakeholderType: f.stakeholderType,
          year: f.year ? Number(f.year) : undefined,
          q: f.q,
        });
        samples.push(performance.now() - t);
      }
      latencies[new URLSearchParams(f).toString() || 'all'] = percentiles(samples.slice(5));
    }
  } finally {
    await store.close();
  }
  const all = Object.values(latencies).flatMap((p) => [p.p95]);
  let load: Awaited<ReturnType<typeof fixedRate>> | null = null;
  if (options.loadSeconds > 0) {
    const server = await startServer(options.databaseUrl, dataDir, 3930);
    try {
      // The load generator on the other core. The mix: every filter, its first five pages.
      spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
      const paths = filters.flatMap((f) =>
        [0, 50, 100, 150, 200].map(
          (offset) => `/api/v1/initiatives?${new URLSearchParams({ ...f, limit: '50', offset: String(offset) }).toString()}`,
        ),
      );
      load = await fixedRate('http://127.0.0.1:3930', paths, options.rate, options.loadSeconds);
    } finally {
      server.kill('SIGTERM');
    }
  }
  return {
    store: options.label,
    initiatives: options.initiatives,
    pledges: options.initiatives * options.pledgesPerInitiative,
    generateMs,
    /** Read from the store every time (no cache): the cost of a page nobody asked for yet. */
    listLatencyMs: latencies,
    /** The HTTP API under load: pages after their first read come from the revision cache. */
    worstP95Ms: Math.max(...all),
    load,
    targets: {
      listP95Under100ms: Math.max(...all) < 100,
      holds500rpsWithoutErrors: load ? load.errors === 0 && load.achievedRate >= options.rate * 0.98 : null,
    },
  };
}
