// Mandate tracker benchmark (issue 14): the corpus (../shared/data/corpus, 211,239 UN paragraphs in
// 3,061 documents, streamed by bench/documents.ts) stored through storeDocument, so that each
// document's requests become mandates by the same hook as an ingest; then the mandates list (the
// page's query: filters, status computed, counts per status and per kind, 100 rows) timed over a
// set of filters, warm (the counts served under the registry revision) and first after a write. Target: list p95 < 100 ms on PostgreSQL, < 200 ms on the embedded store.
// The embedded run reads part of the corpus (BENCH_MANDATES_PGLITE_PARAGRAPHS, 0 for all).
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openStore, sql, type Store } from '../src/store/index.ts';
import { moveRevision } from '../src/store/revisions.ts';
import { storeDocument } from '../src/documents/service.ts';
import { listMandates, type MandateFilter } from '../src/mandates/service.ts';
import { corpusDocuments } from './documents.ts';
import { percentiles, type Percentiles } from './foundation.ts';

export interface MandatesRun {
  store: string;
  documents: number;
  paragraphs: number;
  mandates: number;
  ingestSeconds: number;
  /** listMandates as the page calls it (100 rows, status on a fixed day, counts), over FILTERS. */
  listMs: Percentiles;
  perFilterP95Ms: Record<string, number>;
  /**
   * The same, each call the first after a write (the registry revision moved): the counts per
   * status and kind computed, not served from the cache that revision keeps.
   */
  firstAfterWriteMs: Percentiles;
  firstAfterWritePerFilterMs: Record<string, number>;
  targets: Record<string, boolean>;
}

/** The filters a reader uses: none, by actor (a body, a UN entity named through groups, a large group), document, year, status, kind, deep page. */
function filters(symbol: string): Record<string, MandateFilter> {
  return {
    none: {},
    'actor=office.secretary-general': { actor: 'office.secretary-general' },
    'actor=un.itu': { actor: 'un.itu' },
    'actor=group.member-states': { actor: 'group.member-states' },
    [`document=${symbol}`]: { document: symbol },
    'year=2025': { year: 2025 },
    'status=overdue': { status: 'overdue' },
    'force=invitation&year=2024': { force: 'invitation', year: 2024 },
    'actor=group.member-states&status=open': { actor: 'group.member-states', status: 'open' },
    'offset=5000': { offset: 5000 },
  };
}

async function timeList(
  store: Store,
  rounds: number,
  symbol: string,
  afterWrite = false,
): Promise<{ all: number[]; per: Record<string, number[]> }> {
  const all: number[] = [];
  const per: Record<string, number[]> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, filter] of Object.entries(filters(symbol))) {
      // What any committed write does: the cached counts no longer serve.
      if (afterWrite) await moveRevision(store.db, 'registry');
      const started = performance.now();
      await listMandates(store.db, 'en', { ...filter, asOf: '2026-06-30', limit: 100 });
      const ms = performance.now() - started;
      all.push(ms);
      (per[name] ??= []).push(ms);
    }
  }
  return { all, per };
}

async function run(options: { label: string; databaseUrl?: string; maxParagraphs?: number; target: number }): Promise<MandatesRun> {
  const store = await openStore({ databaseUrl: options.databaseUrl });
  const concurrency = options.databaseUrl ? 4 : 1;
  try {
    await store.db.query(
      sql`TRUNCATE documents, document_versions, document_paragraphs, document_footnotes, document_references, requested_actions, paragraph_links, mandates CASCADE`,
    );
    let documents = 0;
    let paragraphs = 0;
    let biggest = { symbol: '', n: 0 };
    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    for await (const doc of corpusDocuments(options.maxParagraphs)) {
      const hash = createHash('sha256')
        .update(doc.symbol ?? '')
        .update(String(doc.blocks.length))
        .digest('hex');
      const job = storeDocument(store, doc, {
        fileName: `corpus:${doc.symbol}`,
        provenance: 'bench (UN paragraph corpus)',
        contentHash: hash,
      }).then(() => {
        inFlight.delete(job);
        documents++;
        paragraphs += doc.blocks.length;
        if (doc.blocks.length > biggest.n && doc.symbol) biggest = { symbol: doc.symbol, n: doc.blocks.length };
        if (documents % 500 === 0) console.log(`  ${options.label}: ${documents} documents, ${paragraphs} paragraphs`);
      });
      inFlight.add(job);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const ingestSeconds = (performance.now() - started) / 1000;
    // As autovacuum leaves a table at rest: statistics, and the visibility map the index-only counts need.
    await store.db.query(sql`VACUUM ANALYZE mandates`);
    const [count] = await store.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM mandates`);
    await timeList(store, 1, biggest.symbol); // warm-up
    const { all, per } = await timeList(store, 5, biggest.symbol);
    const listMs = percentiles(all);
    const afterWrite = await timeList(store, 2, biggest.symbol, true);
    return {
      store: options.label,
      documents,
      paragraphs,
      mandates: Number(count?.n ?? 0),
      ingestSeconds: Math.round(ingestSeconds * 10) / 10,
      listMs,
      perFilterP95Ms: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, percentiles(v).p95])),
      firstAfterWriteMs: percentiles(afterWrite.all),
      firstAfterWritePerFilterMs: Object.fromEntries(Object.entries(afterWrite.per).map(([k, v]) => [k, percentiles(v).max])),
      targets: { [`listP95Under${options.target}Ms`]: listMs.p95 < options.target },
    };
  } finally {
    await store.close();
  }
}

/**
 * Runs the benchmark on the embedded store and on PostgreSQL (when BENCH_DATABASE_URL is set), each with the
 * whole corpus; BENCH_MANDATES_PGLITE_PARAGRAPHS=N reads only the first N paragraphs into the embedded store.
 */
export async function benchMandates(machine: Record<string, unknown>, results: string): Promise<void> {
  const runs: MandatesRun[] = [];
  if (process.env.BENCH_DATABASE_URL)
    runs.push(await run({ label: 'PostgreSQL', databaseUrl: process.env.BENCH_DATABASE_URL, target: 100 }));
  else console.log('PostgreSQL run skipped: set BENCH_DATABASE_URL=postgres://... to include it.');
  if (process.env.BENCH_SKIP_EMBEDDED !== '1') {
    const limit = Number(process.env.BENCH_MANDATES_PGLITE_PARAGRAPHS ?? 0) || Infinity;
    runs.push(await run({ label: 'embedded (PGlite)', maxParagraphs: limit, target: 200 }));
  }
  const file = path.join(results, 'mandates.json');
  await writeFile(file, JSON.stringify({ benchmark: 'mandates', at: new Date().toISOString(), machine, runs }, null, 2) + '\n');
  for (const r of runs)
    console.log(
      `${r.store}: ${r.mandates} mandates from ${r.documents} documents (${r.paragraphs} paragraphs, stored in ${r.ingestSeconds} s); list p50 ${r.listMs.p50} / p95 ${r.listMs.p95} ms ${JSON.stringify(r.targets)}; first after a write p50 ${r.firstAfterWriteMs.p50} / p95 ${r.firstAfterWriteMs.p95} ms`,
    );
  console.log(`Written: ${path.relative(process.cwd(), file)}`);
}
