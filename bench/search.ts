// Measures whether framework search finds what a reader asks for (issue 16, item 8): the labelled
// queries of bench/search-queries.json (at least 20 per language, each with the element ids that
// must be found), run as `GET /api/v1/search?q=…&lang=…` runs them (searchElements, the reader's
// language), scored as recall@10 (share of the expected ids among the first ten) and MRR (1 / rank
// of the first expected id, 0 beyond the first 50), per language. `npm run bench -- search`
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openStore } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { searchElements } from '../src/frameworks/service.ts';
import { languages, type Language } from '../src/language/languages.ts';

export const QUERIES = path.resolve(import.meta.dirname, 'search-queries.json');
const DEPTH = 50;

interface LabelledQuery {
  id: string;
  lang: Language;
  q: string;
  expect: string[];
}

interface QueryResult {
  id: string;
  q: string;
  recallAt10: number;
  reciprocalRank: number;
  /** Expected ids not among the first ten, with their rank (null: not in the first 50). */
  missed: { id: string; rank: number | null }[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export async function benchSearch(options: { label: string; databaseUrl?: string | undefined }) {
  const { queries } = JSON.parse(await readFile(QUERIES, 'utf8')) as { queries: LabelledQuery[] };
  const store = await openStore({ databaseUrl: options.databaseUrl });
  try {
    await seedFrameworks(store);
    const perLanguage = [];
    const started = performance.now();
    for (const lang of languages) {
      const results: QueryResult[] = [];
      for (const query of queries.filter((q) => q.lang === lang)) {
        const found = (await searchElements(store.db, query.q, lang, { lang, limit: DEPTH })).items.map((i) => i.id);
        const rankOf = (id: string) => (found.includes(id) ? found.indexOf(id) + 1 : null);
        const ranks = query.expect.map(rankOf);
        const first = Math.min(...ranks.map((r) => r ?? Infinity));
        results.push({
          id: query.id,
          q: query.q,
          recallAt10: round(ranks.filter((r) => r !== null && r <= 10).length / query.expect.length),
          reciprocalRank: round(Number.isFinite(first) ? 1 / first : 0),
          missed: query.expect.flatMap((id, i) => (ranks[i] !== null && ranks[i]! <= 10 ? [] : [{ id, rank: ranks[i] ?? null }])),
        });
      }
      const mean = (f: (r: QueryResult) => number) => round(results.reduce((s, r) => s + f(r), 0) / Math.max(1, results.length));
      perLanguage.push({
        lang,
        queries: results.length,
        recallAt10: mean((r) => r.recallAt10),
        mrr: mean((r) => r.reciprocalRank),
        missed: results.filter((r) => r.missed.length > 0).map(({ id, q, missed }) => ({ id, q, missed })),
      });
    }
    const ms = performance.now() - started;
    return {
      store: options.label,
      queries: queries.length,
      msPerQuery: round(ms / Math.max(1, queries.length)),
      perLanguage,
      targets: { recallAt10AtLeast: 0.8, met: perLanguage.every((l) => l.recallAt10 >= 0.8) },
    };
  } finally {
    await store.close();
  }
}
