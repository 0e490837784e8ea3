// Measures the link suggestions honestly (issue 3, item 8): labelled sets built by rules from the
// corpus and the seeds, precision and recall of the top 3 per language. A paragraph that names an
// SDG by number ("Sustainable Development Goal 9", "الهدف 9 من أهداف التنمية المستدامة") is
// labelled with that goal, and the naming phrase is removed before suggesting, so the number
// cannot give the answer away. A suggestion is right when it is the goal or one of its targets or
// indicators. Writes bench/results/link-suggestions.json. `npx tsx bench/link-suggestions.ts`
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openStore, sql, type Database } from '../src/store/index.ts';
import { seedFrameworks } from '../src/frameworks/seed.ts';
import { suggestLinks, SUGGESTION_MIN_SCORE } from '../src/documents/links.ts';
import { readDocument } from '../src/documents/read.ts';
import { languages, type Language } from '../src/language/languages.ts';
import type { Block } from '../src/documents/model.ts';
import { corpusDocuments } from './documents.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../shared/seeds');
const TOP = 3;

interface Labelled {
  set: SetId;
  lang: Language;
  text: string;
  goals: Set<string>;
  /** An element the text comes from, never counted (the framework-internal set). */
  itself?: string;
}

type SetId = 'corpus' | 'seeds' | 'sdg-indicators';

const SET_RULES: Record<SetId, string> = {
  corpus:
    'Paragraphs of the UN paragraph corpus (English only) naming "Sustainable Development Goal N" / "Goal N" / "SDG N" (at least one "Sustainable Development Goal(s) N"), labelled with those goals; the naming phrases removed before suggesting; paragraphs shorter than 80 characters after removal left out. The first LINK_EVAL_SIZE (300) in corpus order.',
  seeds:
    'Paragraphs of the five seed files, read by the app\'s reader, naming an SDG by number in their language: English as for the corpus; Arabic "الهدف N" with its prefixed forms (للهدف، والهدف، بالهدف، الهدفين N و M...), "هدف التنمية المستدامة N", "SDG N", Western or Arabic-Indic digits, in a paragraph that speaks of أهداف التنمية المستدامة or SDG; a number followed within a few words by الميثاق (a Global Digital Compact objective, seed 003) is not an SDG and is skipped. Naming phrases (with "من أهداف التنمية المستدامة") removed before suggesting.',
  'sdg-indicators':
    "A proxy, not document paragraphs: every SDG indicator text in each language, labelled with its goal; the indicator itself is not counted among the suggestions (top 3 of the others). It measures how well the matcher's folding and stemming relate texts within one language, the same way in all six, where no document set exists.",
};

// --- English: "Sustainable Development Goal 9", "Goals 6", "SDG 4" --------------------------------
const EN_NAMED = /\b(?:Sustainable Development )?Goals? (\d{1,2})\b|\bSDG ?(\d{1,2})\b/g;

function labelEnglish(text: string): { text: string; goals: Set<string> } | null {
  if (!/Sustainable Development Goals? \d/.test(text)) return null;
  const goals = new Set<string>();
  for (const m of text.matchAll(EN_NAMED)) addGoal(goals, m[1] ?? m[2]);
  return goals.size ? { text: text.replace(EN_NAMED, ' ').replace(/\s+/g, ' '), goals } : null;
}

// --- Arabic: "الهدف 9 من أهداف التنمية المستدامة", "للهدف 6"، "بالهدفين 1 و3"، "هدف التنمية المستدامة ٤" ---
const AR_DIGITS = '[0-9\u0660-\u0669]{1,2}';
const AR_NAMED = new RegExp(
  // The goal word with its clitics (و، ف، ب، ل + ال), singular or dual, then one number or a list.
  `(?<![\\p{L}])(?:[وف]?(?:بال|لل|ال)?)هدف(?:ين|ان|ي)?(?: التنمية المستدامة)? (${AR_DIGITS}(?:(?:،|,)? ?(?:و ?)?${AR_DIGITS})*)` +
    `(?: من أهداف التنمية المستدامة)?|\\bSDGs? ?(${AR_DIGITS})\\b`,
  'gu',
);
/** A Global Digital Compact objective ("الهدف 1 للميثاق الرقمي العالمي"), not an SDG. */
const AR_COMPACT_AFTER = /^[^.:؛]{0,30}?(?:ميثاق|للميثاق|الميثاق)/u;
const AR_SDG_CONTEXT = /التنمية المستدامة|\bSDG/u;

const westernDigits = (s: string) => s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));

function labelArabic(text: string): { text: string; goals: Set<string> } | null {
  if (!AR_SDG_CONTEXT.test(text)) return null;
  const goals = new Set<string>();
  const stripped = text.replace(AR_NAMED, (match, list: string | undefined, sdg: string | undefined, offset: number) => {
    if (AR_COMPACT_AFTER.test(text.slice(offset + match.length))) return match;
    for (const n of westernDigits(list ?? sdg ?? '').match(/\d{1,2}/g) ?? []) addGoal(goals, n);
    return ' ';
  });
  return goals.size ? { text: stripped.replace(/\s+/g, ' '), goals } : null;
}

function addGoal(goals: Set<string>, n: string | undefined) {
  const goal = Number(n);
  if (goal >= 1 && goal <= 17) goals.add(`sdg.${goal}`);
}

/** The labelling rule per language; a language without one has no labelled set. */
const RULES: Partial<Record<Language, (text: string) => { text: string; goals: Set<string> } | null>> = {
  en: labelEnglish,
  ar: labelArabic,
};

function labelBlocks(set: SetId, lang: Language, blocks: readonly Block[], minLength: number): Labelled[] {
  const rule = RULES[lang];
  if (!rule) return [];
  const out: Labelled[] = [];
  for (const b of blocks) {
    const labelled = rule(b.text);
    if (labelled && labelled.text.length >= minLength) out.push({ set, lang, ...labelled });
  }
  return out;
}

async function corpusSet(max: number): Promise<Labelled[]> {
  const out: Labelled[] = [];
  for await (const doc of corpusDocuments()) {
    out.push(...labelBlocks('corpus', doc.language, doc.blocks, 80));
    if (out.length >= max) return out.slice(0, max);
  }
  return out;
}

async function seedSet(): Promise<{ items: Labelled[]; files: { file: string; lang: Language; paragraphs: number }[] }> {
  const items: Labelled[] = [];
  const files = [];
  for (const name of (await readdir(SEEDS)).sort()) {
    const doc = await readDocument(path.join(SEEDS, name));
    const found = labelBlocks('seeds', doc.language, doc.blocks, 40);
    files.push({ file: name, lang: doc.language, paragraphs: found.length });
    items.push(...found);
  }
  return { items, files };
}

async function indicatorSet(db: Database): Promise<Labelled[]> {
  const rows = await db.query<{ element_id: string; lang: Language; text: string }>(
    sql`SELECT t.element_id, t.lang, t.text FROM element_texts t JOIN elements e ON e.id = t.element_id
        WHERE e.framework_id = 'sdg' AND e.kind = 'indicator' AND t.text IS NOT NULL ORDER BY t.lang, t.element_id`,
  );
  return rows.map((r) => ({
    set: 'sdg-indicators',
    lang: r.lang,
    text: r.text,
    goals: new Set([r.element_id.split('.').slice(0, 2).join('.')]),
    itself: r.element_id,
  }));
}

const right = (elementId: string, goals: Set<string>) => [...goals].some((g) => elementId === g || elementId.startsWith(`${g}.`));

interface Figures {
  precisionAt3: number;
  recallAt3: number;
}

/** One top-3 suggestion with its score and whether the label says it is right. */
interface Scored {
  score: number;
  shared: number;
  right: boolean;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function figures(items: Labelled[], suggestions: Scored[][]): Figures {
  const suggested = suggestions.reduce((n, s) => n + s.length, 0);
  const correct = suggestions.reduce((n, s) => n + s.filter((x) => x.right).length, 0);
  const found = suggestions.filter((s) => s.some((x) => x.right)).length;
  return { precisionAt3: round(correct / Math.max(1, suggested)), recallAt3: round(found / Math.max(1, items.length)) };
}

/**
 * Precision (right suggestions / suggestions) and recall (paragraphs with at least one right
 * suggestion / paragraphs) of the top 3, with the matcher the app uses: `sdg` among the SDG
 * elements only; `asStored` as ingest stores them (all frameworks, so a GDC or WSIS suggestion
 * counts as not right: the label cannot judge it, a lower bound); `aboveThreshold` as ingest
 * stores them now, only suggestions scoring at least SUGGESTION_MIN_SCORE. `scored` keeps every
 * suggestion among the SDGs with its score, for the precision by score band.
 */
async function measure(db: Database, items: Labelled[]) {
  const run = async (framework: string | undefined): Promise<Scored[][]> => {
    const out: Scored[][] = [];
    for (const item of items) {
      const suggestions = (await suggestLinks(db, item.text, item.lang, { limit: TOP + 1, framework }))
        .filter((s) => s.elementId !== item.itself)
        .slice(0, TOP);
      out.push(suggestions.map((s) => ({ score: s.score, shared: s.shared, right: right(s.elementId, item.goals) })));
    }
    return out;
  };
  const asStored = await run(undefined);
  const sdg = await run('sdg');
  return {
    sdg: figures(items, sdg),
    asStored: figures(items, asStored),
    aboveThreshold: figures(
      items,
      asStored.map((s) => s.filter((x) => x.score >= SUGGESTION_MIN_SCORE)),
    ),
    // The label judges every suggestion among the SDGs only: the score's worth is read there.
    scored: sdg.flat(),
  };
}

/** Precision of the suggestions among the SDGs (which the labels can judge) above each threshold, on the document sets (the proxy set is not what reviewers see). */
function precisionByThreshold(scored: Scored[]) {
  const band = (label: string, keep: (x: Scored) => boolean) => {
    const kept = scored.filter(keep);
    return {
      keep: label,
      suggestions: kept.length,
      precision: round(kept.filter((x) => x.right).length / Math.max(1, kept.length)),
      shareKept: round(kept.length / Math.max(1, scored.length)),
    };
  };
  return [
    ...[0, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3].map((t) => band(`score >= ${t}`, (x) => x.score >= t)),
    ...[1, 2, 3, 4, 5].map((n) => band(`shared words >= ${n}`, (x) => x.shared >= n)),
  ];
}

async function main() {
  const store = await openStore({});
  try {
    await seedFrameworks(store);
    const corpus = await corpusSet(Number(process.env.LINK_EVAL_SIZE ?? 300));
    const seeds = await seedSet();
    const indicators = await indicatorSet(store.db);
    const all = [...corpus, ...seeds.items, ...indicators];
    const results = [];
    const documentScores: Scored[] = [];
    for (const set of Object.keys(SET_RULES) as SetId[]) {
      for (const lang of languages) {
        const items = all.filter((i) => i.set === set && i.lang === lang);
        if (items.length === 0) continue;
        const { scored, ...measured } = await measure(store.db, items);
        if (set !== 'sdg-indicators') documentScores.push(...scored);
        results.push({ set, lang, paragraphs: items.length, ...measured });
      }
    }
    const documentLanguages = new Set(all.filter((i) => i.set !== 'sdg-indicators').map((i) => i.lang));
    const report = {
      benchmark: 'link-suggestions',
      at: new Date().toISOString(),
      method: `Top ${TOP} suggestions of the app's matcher (suggestLinks: the paragraph folded and stemmed in its language, ranked in memory against the element texts in that language). Right = the labelled goal or any of its targets/indicators. precisionAt3 = right suggestions / suggestions; recallAt3 = paragraphs with at least one right suggestion / paragraphs. "sdg": among SDG elements; "asStored": as ingest stores them, all frameworks (a non-SDG suggestion counts as wrong, a lower bound).`,
      sets: SET_RULES,
      seedFiles: seeds.files,
      noDocumentSet: Object.fromEntries(
        languages
          .filter((l) => !documentLanguages.has(l))
          .map((l) => [
            l,
            RULES[l]
              ? 'a rule exists but no paragraph of the corpus or seeds matches it'
              : 'no document in this language among the seeds, and the corpus is English only: only the sdg-indicators proxy',
          ]),
      ),
      threshold: {
        minScore: SUGGESTION_MIN_SCORE,
        rule: 'Ingest stores a suggestion only from this score up (src/documents/links.ts), read from byThreshold: precision of the top-3 suggestions among the SDGs (where the labels judge every suggestion) on the document sets (corpus and seeds), by score and by number of shared words. Rule: the lowest score above which precision no longer rises by more than 0.05.',
        byThreshold: precisionByThreshold(documentScores),
      },
      results,
    };
    const file = path.resolve(import.meta.dirname, 'results/link-suggestions.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(report, null, 2) + '\n');
    for (const r of results)
      console.log(
        `${r.set} ${r.lang}: ${r.paragraphs} paragraphs; sdg P@3 ${r.sdg.precisionAt3} R@3 ${r.sdg.recallAt3}; as stored P@3 ${r.asStored.precisionAt3} R@3 ${r.asStored.recallAt3}; from ${SUGGESTION_MIN_SCORE} P@3 ${r.aboveThreshold.precisionAt3} R@3 ${r.aboveThreshold.recallAt3}`,
      );
    for (const b of report.threshold.byThreshold)
      console.log(`  ${b.keep}: ${b.suggestions} suggestions (${b.shareKept}), precision ${b.precision}`);
  } finally {
    await store.close();
  }
}

await main();
