// `npm run bench`: runs the benchmarks and writes their figures as JSON in bench/results/.
// The embedded store always; PostgreSQL too when BENCH_DATABASE_URL is set.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchFoundation } from './foundation.ts';

const results = path.resolve(import.meta.dirname, 'results');

async function main() {
  await mkdir(results, { recursive: true });
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  const runs = [await benchFoundation({ label: 'embedded (PGlite)' })];
  if (process.env.BENCH_DATABASE_URL)
    runs.push(await benchFoundation({ label: 'PostgreSQL', databaseUrl: process.env.BENCH_DATABASE_URL }));
  else console.log('PostgreSQL run skipped: set BENCH_DATABASE_URL=postgres://... to include it.');
  const report = { benchmark: 'foundation', at: new Date().toISOString(), machine, runs };
  const file = path.join(results, 'foundation.json');
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  for (const run of runs) {
    console.log(
      `${run.store}: start ${run.startupMs.median} ms; element page p50 ${run.elementPageMs.p50} / p95 ${run.elementPageMs.p95} ms; ` +
        `API p50 ${run.apiElementMs.p50} / p95 ${run.apiElementMs.p95} ms; heaviest page ${Math.max(...run.pageWeight.map((w) => w.totalGzip))} B compressed`,
    );
    console.log(`  targets: ${JSON.stringify(run.targets)}`);
  }
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}

await main();
