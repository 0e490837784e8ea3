// Documents benchmark: ingest throughput (paragraphs per second, through the same storeDocument the
// ingest service uses: references, requested actions and link suggestions (against the seeded framework texts) extracted, folded text, tsvectors and
// the search indexes maintained) and search latency p50/p95, on the real corpus
// (../shared/data/corpus, 211,239 UN paragraphs in 3,061 documents, read in place, streamed).
// Targets on PostgreSQL (issue 3): >= 2,000 paragraphs/s ingest, search p95 < 100 ms.
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { openStore, sql, type Store } from '../src/store/index.ts';
import { storeDocument } from '../src/documents/service.ts';
import { searchDocuments } from '../src/documents/search.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { documentOfBlocks, type Block, type BlockKind, type UNDocument } from '../src/documents/model.ts';
import { percentiles, type Percentiles } from './foundation.ts';

const root = path.resolve(import.meta.dirname, '..');
export const corpusFile = path.resolve(root, '../shared/data/corpus/un-paragraphs.jsonl.gz');

interface CorpusRow {
  symbol: string;
  seq: number;
  text: string;
  type: string;
  paragraph_type: string | null;
  paragraph_level: number | null;
  prefix: string | null;
}

function kindOf(row: CorpusRow): BlockKind {
  if (row.type === 'heading') return 'heading';
  if (row.type === 'title') return 'title';
  if (row.type === 'frontmatter') return 'preface';
  if (row.type === 'backmatter' || row.type === 'footer') return 'closing';
  if (row.paragraph_level && row.paragraph_level > 1) return 'subparagraph';
  if (row.paragraph_type === 'operative') return 'operative';
  if (row.paragraph_type === 'preambular') return 'preambular';
  return 'text';
}

function toDocument(symbol: string, rows: CorpusRow[]): UNDocument {
  const blocks: Block[] = [];
  let parent: string | null = null;
  for (const row of rows) {
    const kind = kindOf(row);
    const number = row.prefix ? row.prefix.replace(/[().\s]/g, '') || null : null;
    const id = `p_${row.seq}`;
    if (kind === 'operative') parent = id;
    blocks.push({
      id,
      kind,
      number,
      text: row.text,
      part: 'main',
      parent: kind === 'subparagraph' ? parent : null,
      heading: null,
      level: kind === 'subparagraph' ? 1 : 0,
      footnotes: [],
    });
  }
  const m = /^A\/RES\/(\d+)\/(\d+)/.exec(symbol);
  return documentOfBlocks(symbol, blocks, {
    organ: symbol.startsWith('A/') ? 'GA' : symbol.startsWith('E/') ? 'ECOSOC' : symbol.startsWith('S/') ? 'SC' : null,
    session: m ? Number(m[1]) : null,
    number: m ? (m[2] ?? null) : null,
    title: rows.find((r) => r.type === 'title')?.text ?? null,
    kind: symbol.includes('/RES/') ? 'resolution' : 'other',
  });
}

/** The corpus, streamed and grouped into documents (its rows come grouped by symbol). */
export async function* corpusDocuments(limitParagraphs = Infinity): AsyncGenerator<UNDocument> {
  const lines = readline.createInterface({ input: createReadStream(corpusFile).pipe(createGunzip()), crlfDelay: Infinity });
  let current: CorpusRow[] = [];
  let count = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as CorpusRow;
    if (current.length && current[0]!.symbol !== row.symbol) {
      yield toDocument(current[0]!.symbol, current);
      count += current.length;
      current = [];
      if (count >= limitParagraphs) {
        lines.close();
        return;
      }
    }
    current.push(row);
  }
  if (current.length) yield toDocument(current[0]!.symbol, current);
}

const QUERIES = [
  'internet',
  'digital divide',
  'artificial intelligence',
  'sustainable development',
  'climate change adaptation',
  'human rights defenders',
  'peacekeeping operations',
  'nuclear disarmament',
  'refugees and displaced persons',
  'information and communications technologies',
  'gender equality women empowerment',
  'broadband connectivity',
  'Secretary-General report',
  'cybersecurity',
  'indigenous peoples',
  'small island developing States',
];

export interface DocumentsRun {
  store: string;
  documents: number;
  paragraphs: number;
  ingestSeconds: number;
  paragraphsPerSecond: number;
  /** Search in English (regconfig english), top 20 grouped by document, with snippets. */
  searchEnglishMs: Percentiles;
  /** Search across the six languages (each with its own regconfig), top 20. */
  searchAllLanguagesMs: Percentiles;
  /** Documents ingested at once (PostgreSQL only; each in its own transaction). */
  concurrency: number;
  targets: Record<string, boolean> | null;
}

async function timeSearches(store: Store, lang: 'en' | undefined, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of QUERIES) {
      const started = performance.now();
      await searchDocuments(store.db, q, { lang, limit: 20 });
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

export async function benchDocuments(options: { label: string; databaseUrl?: string; maxParagraphs?: number }): Promise<DocumentsRun> {
  const store = await openStore({ databaseUrl: options.databaseUrl });
  const concurrency = options.databaseUrl ? Number(process.env.BENCH_DOCUMENTS_CONCURRENCY ?? 4) : 1;
  try {
    // A clean slate of documents (only this module's tables) so the figures are of a fresh ingest.
    await store.db.query(
      sql`TRUNCATE documents, document_versions, document_paragraphs, document_footnotes, document_references, requested_actions, paragraph_links`,
    );
    // The framework texts, so ingest includes storing the matcher's link suggestions as it does in use.
    await seedFrameworks(store);
    let documents = 0;
    let paragraphs = 0;
    const started = performance.now();
    // Several documents in flight on PostgreSQL (each its own transaction, as separate uploads
    // would be); one at a time on the embedded store, which is one connection.
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
        if (documents % 500 === 0)
          console.log(
            `  ${options.label}: ${documents} documents, ${paragraphs} paragraphs, ${Math.round(paragraphs / ((performance.now() - started) / 1000))}/s`,
          );
      });
      inFlight.add(job);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const ingestSeconds = (performance.now() - started) / 1000;
    await store.db.query(sql`ANALYZE document_paragraphs`);
    await timeSearches(store, 'en', 1); // warm-up
    const english = percentiles(await timeSearches(store, 'en', 5));
    const all = percentiles(await timeSearches(store, undefined, 3));
    const paragraphsPerSecond = Math.round(paragraphs / ingestSeconds);
    return {
      store: options.label,
      documents,
      paragraphs,
      ingestSeconds: Math.round(ingestSeconds * 10) / 10,
      paragraphsPerSecond,
      concurrency,
      searchEnglishMs: english,
      searchAllLanguagesMs: all,
      targets: options.databaseUrl
        ? { ingestAtLeast2000PerSecond: paragraphsPerSecond >= 2000, searchP95Under100Ms: english.p95 < 100 && all.p95 < 100 }
        : null,
    };
  } finally {
    await store.close();
  }
}
