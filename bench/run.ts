// `npm run bench`: runs the benchmarks and writes their figures as JSON in bench/results/.
// The embedded store always; PostgreSQL too when BENCH_DATABASE_URL is set.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchFoundation } from './foundation.ts';
import { benchRegistry } from './registry.ts';
import { benchDocuments } from './documents.ts';
import { benchIndicators } from './indicators.ts';
import { benchCoverage } from './coverage.ts';
import { benchReports } from './reports.ts';
import { benchStructure } from './structure.ts';
import { imports } from './imports.ts';
import { edge } from './edge.ts';
import { benchActions } from './actions.ts';
import { registries } from './registries.ts';
import { iati } from './iati.ts';
import { benchMandates } from './mandates.ts';
import { pages } from './pages.ts';
import { benchSearch, QUERIES } from './search.ts';
import { writeRunsPerStore } from './runs-file.ts';

const results = path.resolve(import.meta.dirname, 'results');

async function main() {
  await mkdir(results, { recursive: true });
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    // Figures taken on a busy machine are not the product's: the load when the run began says so.
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  };
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  if (want('foundation')) await foundation(machine);
  if (want('registry')) await registry(machine);
  if (want('documents')) await documents(machine);
  if (want('indicators')) await indicators(machine);
  if (want('coverage')) await coverage(machine);
  if (want('reports')) await reports(machine);
  if (want('structure')) await structure(machine);
  if (want('imports')) await imports(machine);
  if (want('edge')) await edge(machine, results);
  if (want('actions')) await actions(machine);
  if (want('registries')) await registries(machine, results);
  if (want('iati')) await iati(machine, results);
  if (want('mandates')) await benchMandates(machine, results);
  if (want('pages')) await pages(machine, results);
  if (want('search')) await search(machine);
}

async function search(machine: Record<string, unknown>) {
  // Recall does not depend on the store (one SQL dialect); PostgreSQL when given, being quicker to seed.
  const url = process.env.BENCH_DATABASE_URL;
  const run = await benchSearch(url ? { label: 'PostgreSQL', databaseUrl: url } : { label: 'embedded (PGlite)' });
  const file = path.join(results, 'search.json');
  const report = { benchmark: 'search', at: new Date().toISOString(), machine, queriesFile: path.relative(results, QUERIES), ...run };
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  for (const l of run.perLanguage) console.log(`search ${l.lang}: ${l.queries} queries, recall@10 ${l.recallAt10}, MRR ${l.mrr}`);
  console.log(`  targets: ${JSON.stringify(run.targets)}`);
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}

async function structure(machine: Record<string, unknown>) {
  const run = await benchStructure();
  const file = path.join(results, 'structure.json');
  await writeFile(file, JSON.stringify({ benchmark: 'structure', at: new Date().toISOString(), machine, ...run }, null, 2) + '\n');
  console.log(
    `structure: ${run.exactDocuments}/${run.documents} documents exact (${run.exactShare}); ${run.paragraphsWithFurniture} paragraphs with page furniture; ${run.parseCharsPerSecond} chars/s`,
  );
  console.log(`  targets: ${JSON.stringify(run.targets)}`);
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}

async function actions(machine: Record<string, unknown>) {
  const run = await benchActions({ sample: 90 });
  const file = path.join(results, 'actions.json');
  await writeFile(file, JSON.stringify({ benchmark: 'actions', at: new Date().toISOString(), machine, runs: [run] }, null, 2) + '\n');
  console.log(
    `actions over ${run.paragraphsCompared} annotated paragraphs: verbs R ${run.verbs.recall} P ${run.verbs.precision}; actors R ${run.actors.recall} P ${run.actors.precision}`,
  );
  console.log(`  targets: ${JSON.stringify(run.targets)}`);
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}

async function reports(machine: Record<string, unknown>) {
  const run = await benchReports({ rounds: Number(process.env.BENCH_REPORT_ROUNDS ?? 5), keepPdfsIn: process.env.BENCH_KEEP_PDFS });
  const file = path.join(results, 'reports.json');
  await writeFile(file, JSON.stringify({ benchmark: 'reports', at: new Date().toISOString(), machine, runs: [run] }, null, 2) + '\n');
  console.log(`reports: first PDF (with browser launch) ${run.firstPdfWithLaunchMs} ms; worst PDF ${run.worstPdfMs} ms`);
  for (const p of run.pdf) console.log(`  PDF ${p.report} ${p.lang}: p50 ${p.ms.p50} / p95 ${p.ms.p95} ms, ${p.kb} KB`);
  console.log(`  targets: ${JSON.stringify(run.targets)}`);
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}

async function documents(machine: Record<string, unknown>) {
  // The embedded store ingests a part of the corpus by default (BENCH_DOCUMENTS_PGLITE_PARAGRAPHS, 0 for all):
  // PGlite is for one machine and modest load, and its figure per paragraph does not change with size.
  const pgliteLimit = Number(process.env.BENCH_DOCUMENTS_PGLITE_PARAGRAPHS ?? 50_000) || Infinity;
  const runs = [await benchDocuments({ label: 'embedded (PGlite)', maxParagraphs: pgliteLimit })];
  if (process.env.BENCH_DATABASE_URL) runs.push(await benchDocuments({ label: 'PostgreSQL', databaseUrl: process.env.BENCH_DATABASE_URL }));
  else console.log('PostgreSQL run skipped: set BENCH_DATABASE_URL=postgres://... to include it.');
  const file = path.join(results, 'documents.json');
  await writeFile(file, JSON.stringify({ benchmark: 'documents', at: new Date().toISOString(), machine, runs }, null, 2) + '\n');
  for (const run of runs) {
    console.log(
      `${run.store}: ${run.documents} documents, ${run.paragraphs} paragraphs in ${run.ingestSeconds} s = ${run.paragraphsPerSecond} paragraphs/s; ` +
        `search en p50 ${run.searchEnglishMs.p50} / p95 ${run.searchEnglishMs.p95} ms, six languages p50 ${run.searchAllLanguagesMs.p50} / p95 ${run.searchAllLanguagesMs.p95} ms`,
    );
    if (run.targets) console.log(`  targets: ${JSON.stringify(run.targets)}`);
  }
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}

async function indicators(machine: Record<string, unknown>) {
  const observations = Number(process.env.BENCH_OBSERVATIONS ?? 1_000_000);
  const runs: Awaited<ReturnType<typeof benchIndicators>>[] = [];
  if (process.env.BENCH_DATABASE_URL)
    runs.push(await benchIndicators({ label: 'PostgreSQL', databaseUrl: process.env.BENCH_DATABASE_URL, observations }));
  else console.log('Indicators on PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://... to include it.');
  if (process.env.BENCH_SKIP_EMBEDDED !== '1') runs.push(await benchIndicators({ label: 'embedded (PGlite)', observations }));
  const file = path.join(results, 'indicators.json');
  await writeRunsPerStore(file, 'indicators', machine, runs);
  for (const run of runs) {
    console.log(
      `indicators on ${run.store}: import ${run.observationsImported} observations in ${run.import.ms} ms (${run.import.observationsPerSecond}/s); ` +
        `re-import unchanged ${run.reimportUnchanged.observationsPerSecond}/s; country profile p50 ${run.countryProfilePageMs.p50} / p95 ${run.countryProfilePageMs.p95} ms`,
    );
    console.log(`  targets: ${JSON.stringify(run.targets)}`);
  }
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}

async function coverage(machine: Record<string, unknown>) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.log('Implementation-map benchmark skipped: it targets PostgreSQL; set BENCH_DATABASE_URL=postgres://... to run it.');
    return;
  }
  const run = await benchCoverage({
    databaseUrl: url,
    label: 'PostgreSQL',
    initiatives: Number(process.env.BENCH_INITIATIVES ?? 100_000),
    paragraphs: Number(process.env.BENCH_LINKED_PARAGRAPHS ?? 200_000),
    roadmaps: 50,
  });
  const file = path.join(results, 'coverage.json');
  await writeFile(file, JSON.stringify({ benchmark: 'coverage', at: new Date().toISOString(), machine, runs: [run] }, null, 2) + '\n');
  console.log(
    `implementation map on ${run.store}: ${run.publishedInitiatives} initiatives, ${run.pledges} pledges, ${run.linkedParagraphs} linked paragraphs; worst p95 ${run.worstP95Ms} ms`,
  );
  console.log(`  targets: ${JSON.stringify(run.targets)}`);
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}

async function registry(machine: Record<string, unknown>) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.log('Registry benchmark skipped: it targets PostgreSQL; set BENCH_DATABASE_URL=postgres://... to run it.');
    return;
  }
  const run = await benchRegistry({
    databaseUrl: url,
    label: 'PostgreSQL',
    initiatives: Number(process.env.BENCH_INITIATIVES ?? 100_000),
    pledgesPerInitiative: 3,
    loadSeconds: Number(process.env.BENCH_LOAD_SECONDS ?? 60),
    rate: 500,
  });
  const file = path.join(results, 'registry.json');
  await writeFile(file, JSON.stringify({ benchmark: 'registry', at: new Date().toISOString(), machine, runs: [run] }, null, 2) + '\n');
  console.log(`registry on ${run.store}: ${run.initiatives} initiatives, ${run.pledges} pledges; worst list p95 ${run.worstP95Ms} ms`);
  if (run.load)
    console.log(
      `  load: ${run.load.requests} requests at ${run.load.achievedRate}/s, ${run.load.errors} errors, p97.5 ${run.load.latencyMs.p97_5} ms`,
    );
  console.log(`  targets: ${JSON.stringify(run.targets)}`);
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}

async function foundation(machine: Record<string, unknown>) {
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
