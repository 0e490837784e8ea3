// Indicators benchmark (issue 5): import throughput (observations/s) for 1,000,000 generated
// observations through the same path as `concord observations import` (parse, validate row by row,
// batched multi-row upserts in one transaction), and the p95 of a country profile page served
// in-process, on the embedded store and on PostgreSQL (BENCH_DATABASE_URL).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStore, sql, type Store } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { seedIndicators } from '../src/indicators/seed.ts';
import { importContext, importObservations, parseObservations } from '../src/indicators/service.ts';
import { areaCatalog } from '../src/areas/index.ts';
import { createApp } from '../src/web/app.ts';
import { loadConfig } from '../src/config.ts';
import { percentiles } from './foundation.ts';

export interface IndicatorBenchOptions {
  label: string;
  databaseUrl?: string | undefined;
  observations: number;
  rounds?: number;
}

/** Long CSV of generated observations: every country × years × an AGE disaggregation, one indicator. */
async function generate(count: number): Promise<{ text: string; rows: number }> {
  const catalog = await areaCatalog();
  const countries = [...catalog.areas.values()].filter((a) => a.kind === 'country').map((a) => a.code);
  const years = Array.from({ length: 60 }, (_, i) => 1961 + i);
  const lines = ['series,area,period,AGE,value,unit,source'];
  let n = 0;
  for (let k = 0; n < count; k++) {
    for (const area of countries) {
      for (const year of years) {
        if (n >= count) break;
        lines.push(`IT.CEL.SETS.P2,${area},${year},Y${k},${((n * 7919) % 15000) / 100},PER_100_POP,bench-generated`);
        n++;
      }
    }
  }
  return { text: lines.join('\n') + '\n', rows: n };
}

export async function benchIndicators(options: IndicatorBenchOptions) {
  const dataDir = options.databaseUrl ? undefined : await mkdtemp(path.join(os.tmpdir(), 'concord-bench-ind-'));
  const store: Store = await openStore({ databaseUrl: options.databaseUrl, dataDir });
  try {
    await seedFrameworks(store);
    await seedIndicators(store, 'bench');
    await store.db.query(sql`DELETE FROM observations WHERE source = 'bench-generated'`);
    const { text, rows } = await generate(options.observations);
    // Parsing and validation alone (pure, no store), to tell them from the writing.
    const parseStarted = performance.now();
    const parsed = parseObservations(text, 'csv', await importContext(store.db));
    const parseMs = performance.now() - parseStarted;
    if (!parsed.ok) throw new Error('generated file does not validate');
    const loadBefore = os.loadavg()[0];
    const started = performance.now();
    const report = await importObservations(store, text, { actor: 'bench', format: 'csv' });
    const importMs = performance.now() - started;
    if (!report.ok)
      throw new Error(
        `bench import failed: ${report.issues
          .slice(0, 3)
          .map((i) => i.message)
          .join('; ')}`,
      );
    const again = performance.now();
    const second = await importObservations(store, text, { actor: 'bench', format: 'csv' });
    const reimportMs = performance.now() - again;
    await store.db.query(sql`ANALYZE observations`);

    const app = createApp(store, loadConfig({}));
    const countries = ['GBR', 'KEN', 'IND', 'BRA', 'FRA', 'NPL', 'USA', 'CHN', 'ZAF', 'FJI'];
    for (const c of countries) await (await app.request(`/en/areas/${c}`)).text();
    const samples: number[] = [];
    let bytes = 0;
    for (let round = 0; round < (options.rounds ?? 10); round++) {
      for (const c of countries) {
        const t = performance.now();
        const response = await app.request(`/en/areas/${c}`);
        const body = await response.text();
        samples.push(performance.now() - t);
        if (response.status !== 200) throw new Error(`/en/areas/${c}: ${response.status}`);
        bytes = Math.max(bytes, body.length);
      }
    }
    const profile = percentiles(samples);
    const [count] = await store.db.query<{ n: number | string }>(sql`SELECT count(*) AS n FROM observations`);
    return {
      store: options.label,
      observationsImported: rows,
      observationsInStore: Number(count?.n ?? 0),
      import: {
        ms: Math.round(importMs),
        observationsPerSecond: Math.round(rows / (importMs / 1000)),
        inserted: report.inserted,
        parseAndValidateMs: Math.round(parseMs),
        loadAverageBefore: loadBefore,
        loadAverageAfter: os.loadavg()[0],
        note: 'parse + row-by-row validation + batched multi-row upserts (unnest, 5,000 rows per statement) in one transaction',
      },
      reimportUnchanged: {
        ms: Math.round(reimportMs),
        observationsPerSecond: Math.round(rows / (reimportMs / 1000)),
        unchanged: second.unchanged,
      },
      countryProfilePageMs: profile,
      countryProfileLargestBytes: bytes,
      targets: { countryProfileP95Under150Ms: profile.p95 < 150 },
    };
  } finally {
    await store.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
