// Measures the link suggestions honestly (issue 3, item 8): a labelled set built from the corpus
// (paragraphs that name "Sustainable Development Goal N"; the label is goal N, and the naming
// phrase is removed from the text before suggesting, so the number cannot give the answer
// away), precision and recall of the top 3 per language. A suggestion is right when it is the
// goal or one of its targets or indicators. Writes bench/results/link-suggestions.json.
// `npx tsx bench/link-suggestions.ts`
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openStore } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { suggestLinks } from '../src/documents/links.ts';
import { corpusDocuments } from './documents.ts';
import type { Language } from '../src/language/languages.ts';

const NAMED = /\b(?:Sustainable Development )?Goals? (\d{1,2})\b|\bSDG ?(\d{1,2})\b/g;

interface Labelled {
  symbol: string;
  lang: Language;
  text: string;
  goals: Set<string>;
}

async function labelledSet(max: number): Promise<Labelled[]> {
  const out: Labelled[] = [];
  for await (const doc of corpusDocuments()) {
    for (const b of doc.blocks) {
      if (!/Sustainable Development Goals? \d/.test(b.text)) continue;
      const goals = new Set<string>();
      for (const m of b.text.matchAll(NAMED)) {
        const n = Number(m[1] ?? m[2]);
        if (n >= 1 && n <= 17) goals.add(`sdg.${n}`);
      }
      if (goals.size === 0) continue;
      const text = b.text.replace(NAMED, ' ').replace(/\s+/g, ' ');
      if (text.length < 80) continue;
      out.push({ symbol: doc.symbol ?? '', lang: doc.language, text, goals });
      if (out.length >= max) return out;
    }
  }
  return out;
}

const right = (elementId: string, goals: Set<string>) => [...goals].some((g) => elementId === g || elementId.startsWith(`${g}.`));

async function main() {
  const set = await labelledSet(Number(process.env.LINK_EVAL_SIZE ?? 300));
  const store = await openStore({});
  try {
    await seedFrameworks(store);
    const perLanguage = new Map<Language, { paragraphs: number; suggestions: number; correct: number; found: number }>();
    for (const item of set) {
      const suggestions = await suggestLinks(store.db, item.text, item.lang, { limit: 3, framework: 'sdg' });
      const stats = perLanguage.get(item.lang) ?? { paragraphs: 0, suggestions: 0, correct: 0, found: 0 };
      stats.paragraphs++;
      stats.suggestions += suggestions.length;
      const hits = suggestions.filter((s) => right(s.elementId, item.goals)).length;
      stats.correct += hits;
      if (hits > 0) stats.found++;
      perLanguage.set(item.lang, stats);
    }
    const results = [...perLanguage].map(([lang, s]) => ({
      lang,
      paragraphs: s.paragraphs,
      precisionAt3: Math.round((s.correct / Math.max(1, s.suggestions)) * 1000) / 1000,
      recallAt3: Math.round((s.found / Math.max(1, s.paragraphs)) * 1000) / 1000,
    }));
    const report = {
      benchmark: 'link-suggestions',
      at: new Date().toISOString(),
      labelledSet:
        'Suggestions among SDG elements (framework=sdg). Corpus paragraphs naming "Sustainable Development Goal N" (phrase removed before suggesting); right = the goal or any of its targets/indicators. The corpus is English only: no labelled set exists yet for ar, es, fr, ru, zh.',
      results,
    };
    const file = path.resolve(import.meta.dirname, 'results/link-suggestions.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(report, null, 2) + '\n');
    for (const r of results) console.log(`${r.lang}: ${r.paragraphs} paragraphs, precision@3 ${r.precisionAt3}, recall@3 ${r.recallAt3}`);
  } finally {
    await store.close();
  }
}

await main();
