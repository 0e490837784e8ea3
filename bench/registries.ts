// Registry connectors benchmark (issue 13): the shipped DPGA registry (228 products) loaded into a
// new store through the one generic writer (src/registries/load.ts), then loaded again unchanged
// (the no-op refresh: nothing written), then with one record changed. The embedded store always;
// PostgreSQL too when BENCH_DATABASE_URL is set (the DPGA records it holds from a previous run are
// removed first, so the first load is a first load).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openStore, sql, type Store } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { areaCatalog } from '../src/areas/index.ts';
import { areaNameIndex } from '../src/areas/names.ts';
import { defaultDpgaDir, readDpgaRegistry } from '../src/registries/dpga.ts';
import { loadRegistryRead } from '../src/registries/load.ts';

export interface RegistriesRun {
  store: string;
  records: number;
  readMs: number;
  firstLoadMs: number;
  firstLoadRecordsPerSecond: number;
  /** Resident memory growth over the first load (MB): the read is held whole, the writes go a chunk at a time. */
  firstLoadPeakGrowthMB: number;
  noOpRefreshMs: number;
  /** Rows of history the no-op refresh wrote: must be 0. */
  noOpHistoryRows: number;
  oneChangedRefreshMs: number;
  created: number;
  organizationsCreated: number;
  suggestions: number;
}

const historyRows = async (store: Store) => Number((await store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM changes`))[0]!.n);

/** Removes what an earlier run loaded from the DPGA (a PostgreSQL database the bench reuses). */
async function forgetDpga(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query(
      sql`DELETE FROM changes WHERE actor = 'registry:dpga' OR entity_id IN (SELECT id FROM initiatives WHERE source = 'dpga')`,
    );
    await tx.query(sql`DELETE FROM initiatives WHERE source = 'dpga'`);
    await tx.query(
      sql`DELETE FROM organizations o WHERE o.created_by = 'registry:dpga'
            AND NOT EXISTS (SELECT 1 FROM initiatives i WHERE i.lead_organization_id = o.id)
            AND NOT EXISTS (SELECT 1 FROM initiative_partners p WHERE p.organization_id = o.id)`,
    );
    await tx.query(sql`DELETE FROM reference_releases WHERE dataset = 'registry:dpga'`);
  });
}

export async function benchRegistries(options: { databaseUrl?: string | undefined; label: string }): Promise<RegistriesRun> {
  const store = await openStore(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {});
  try {
    await seedFrameworks(store);
    await forgetDpga(store);
    let started = performance.now();
    const read = await readDpgaRegistry(defaultDpgaDir, areaNameIndex(await areaCatalog()));
    const readMs = performance.now() - started;

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    started = performance.now();
    const first = await loadRegistryRead(store, read);
    const firstLoadMs = performance.now() - started;
    clearInterval(sampler);

    const rows = await historyRows(store);
    started = performance.now();
    await loadRegistryRead(store, read);
    const noOpRefreshMs = performance.now() - started;
    const noOpHistoryRows = (await historyRows(store)) - rows;

    const changed = {
      ...read,
      records: read.records.map((r, i) =>
        i === 0 ? { ...r, texts: r.texts.map((t) => ({ ...t, description: `${t.description} (changed)` })) } : r,
      ),
    };
    started = performance.now();
    await loadRegistryRead(store, changed);
    const oneChangedRefreshMs = performance.now() - started;

    return {
      store: options.label,
      records: read.records.length,
      readMs: Math.round(readMs),
      firstLoadMs: Math.round(firstLoadMs),
      firstLoadRecordsPerSecond: Math.round((read.records.length / firstLoadMs) * 1000),
      firstLoadPeakGrowthMB: Math.round(((peak - before) / 2 ** 20) * 10) / 10,
      noOpRefreshMs: Math.round(noOpRefreshMs),
      noOpHistoryRows,
      oneChangedRefreshMs: Math.round(oneChangedRefreshMs),
      created: first.created,
      organizationsCreated: first.organizationsCreated,
      suggestions: first.suggestions,
    };
  } finally {
    await store.close();
  }
}

/** `npm run bench registries`: writes bench/results/registries.json. */
export async function registries(machine: Record<string, unknown>, results: string): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const runs = [
    await benchRegistries({ label: 'embedded' }),
    ...(url ? [await benchRegistries({ databaseUrl: url, label: 'PostgreSQL' })] : []),
  ];
  const file = path.join(results, 'registries.json');
  await writeFile(file, JSON.stringify({ benchmark: 'registries', at: new Date().toISOString(), machine, runs }, null, 2) + '\n');
  for (const r of runs)
    console.log(
      `registries on ${r.store}: DPGA ${r.records} records, first load ${r.firstLoadMs} ms (${r.firstLoadRecordsPerSecond}/s, +${r.firstLoadPeakGrowthMB} MB), ` +
        `no-op refresh ${r.noOpRefreshMs} ms (${r.noOpHistoryRows} history rows), one changed ${r.oneChangedRefreshMs} ms`,
    );
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}
