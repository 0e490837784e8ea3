// Suggested links from a document paragraph to framework elements (issue 3, item 8), found
// lexically: the paragraph's own lexemes (stemmed in its language by PostgreSQL) against the
// element texts in that language. GDC, WSIS and Pact texts exist in English only: for those, a
// paragraph in another language is matched through its English twin (the paragraph with the same
// eid in the document's English version), when the document has one. No machine translation is
// pretended: without an English version, only what exists in the paragraph's language is matched.
//
// The ranking runs in the application over an inverted index of the element texts (a few
// thousand, kept per language and rebuilt when the reference data change): ranking every
// element text that shares a word with each paragraph in SQL (ts_rank_cd) cost ~45 ms per
// paragraph on the embedded store, too slow to run at ingest; this costs microseconds.
import type { Database } from '../store/index.ts';
import { searchConfig, type Language } from '../language/languages.ts';
import { foldForSearch } from '../language/normalize.ts';
import type { BlockKind } from './model.ts';
import { elementTextWords, paragraphWords, releasesKey, stemmedWords, versionIdOf } from './matcher-repository.ts';

/** A word in more element texts than this is too common to suggest a link. */
const COMMON_WORD_ELEMENTS = 150;

/**
 * The matcher's suggestions are stored (and offered) only from this score up (issue 16, item 7).
 * Measured by bench/link-suggestions.ts (results: threshold.byThreshold) on the labelled document
 * paragraphs, among the SDGs where the labels judge every suggestion: precision 0.61 for all,
 * 0.80 from 1, 0.83 from 1.25 (44% kept), 0.83-0.86 above. 1.25 is the lowest score above which
 * precision no longer rises by more than 0.05: higher only loses right suggestions.
 */
export const SUGGESTION_MIN_SCORE = 1.25;

/** The paragraph kinds the matcher suggests links for (and the store keeps suggestions of). */
export const linkableKinds = ['preambular', 'operative', 'subparagraph'] as const;

export interface LinkSuggestion {
  elementId: string;
  kind: string;
  code: string;
  title: string | null;
  text: string | null;
  /** The rarity-weighted words shared, over both texts' lengths (log): comparable between paragraphs. */
  score: number;
  /** How many distinct words (stems) the two texts share. */
  shared: number;
}

interface IndexedElement {
  id: string;
  kind: string;
  code: string;
  framework: string;
  title: string | null;
  text: string | null;
  /** 1 + ln(number of lexemes): longer texts share more words by chance. */
  norm: number;
}

interface MatcherIndex {
  lang: Language;
  elements: IndexedElement[];
  /** The ids of `elements`: what has a text in this language. */
  ids: Set<string>;
  /** Lexeme -> indexes into `elements`, for the words not too common. */
  postings: Map<string, number[]>;
  /** Lexeme -> inverse document frequency. */
  idf: Map<string, number>;
  /** One score per element, zero between rankings. */
  scratch: Float64Array;
  /** Shared words per element, zero between rankings. */
  counts: Uint16Array;
}

const indexes = new Map<string, Promise<MatcherIndex>>();

/** The index of one language's element texts, rebuilt when the reference data (or the texts) change. */
async function matcherIndex(db: Database, lang: Language): Promise<MatcherIndex> {
  // The reference data's checksums say when the element texts changed (seeding records them).
  const key = `${lang}|${await releasesKey(db)}`;
  let index = indexes.get(key);
  if (!index) {
    index = buildIndex(db, lang).catch((error: unknown) => {
      indexes.delete(key);
      throw error;
    });
    for (const old of indexes.keys()) if (old.startsWith(`${lang}|`)) indexes.delete(old);
    indexes.set(key, index);
  }
  return index;
}

async function buildIndex(db: Database, lang: Language): Promise<MatcherIndex> {
  const rows = await elementTextWords(db, lang);
  const elements: IndexedElement[] = [];
  const postings = new Map<string, number[]>();
  for (const r of rows) {
    const at = elements.length;
    elements.push({
      id: r.element_id,
      kind: r.kind,
      code: r.code,
      framework: r.framework_id,
      title: r.title,
      text: r.text,
      norm: 1 + Math.log(Math.max(1, r.words.length)),
    });
    for (const w of matchKeys(r.words, lang)) {
      const list = postings.get(w);
      if (list) list.push(at);
      else postings.set(w, [at]);
    }
  }
  const idf = new Map<string, number>();
  for (const [w, list] of postings) {
    if (list.length > COMMON_WORD_ELEMENTS) postings.delete(w);
    else idf.set(w, Math.log((elements.length + 1) / list.length));
  }
  return {
    lang,
    elements,
    ids: new Set(elements.map((e) => e.id)),
    postings,
    idf,
    scratch: new Float64Array(elements.length),
    counts: new Uint16Array(elements.length),
  };
}

/**
 * The keys the matcher compares, from a text's lexemes (PostgreSQL's stemmed words), without
 * repeats. Short lexemes are mostly particles, except in Chinese, whose words are one or two
 * characters (the too common ones fall out by their element count). Arabic lexemes lose what
 * PostgreSQL's stemmer leaves of a feminine or adjective ending once the fold has made teh
 * marbuta a heh (مستدامه/مستدام, رقميه/رقم, تكنولوجيا/تكنولوجي/تكنولوج): the same word must
 * give the same key in a paragraph and in an element text.
 */
function matchKeys(words: readonly string[], lang: Language): Set<string> {
  const keys = new Set<string>();
  for (const w of words) {
    if (lang === 'zh') {
      keys.add(w);
      continue;
    }
    if (w.length <= 2) continue;
    let key = w;
    if (lang === 'ar') while (key.length > 3 && /[اهي]$/u.test(key)) key = key.slice(0, -1);
    keys.add(key);
  }
  return keys;
}

/**
 * The best elements for a set of lexemes: the rarer the shared words, the higher, divided by
 * the element text's length (log). Ties by element id, so the order is stable.
 */
function rank(
  index: MatcherIndex,
  words: readonly string[],
  options: {
    limit?: number | undefined;
    framework?: string | undefined;
    exclude?: ReadonlySet<string> | undefined;
    /** Only elements that have no text in this index (the English fallback of another language's index). */
    without?: ReadonlySet<string> | undefined;
    /** Leave out what scores less. */
    minScore?: number | undefined;
  },
): LinkSuggestion[] {
  // Scores accumulate in the index's scratch array (ranking is synchronous: no one else uses it meanwhile).
  const scores = index.scratch;
  const counts = index.counts;
  const touched: number[] = [];
  const keys = matchKeys(words, index.lang);
  // The paragraph's length counts as the element's does: a long paragraph shares rare words by chance.
  const paragraphNorm = 1 + Math.log(Math.max(1, keys.size));
  for (const w of keys) {
    const list = index.postings.get(w);
    if (!list) continue;
    const weight = index.idf.get(w) ?? 0;
    for (const at of list) {
      if (scores[at] === 0) touched.push(at);
      scores[at]! += weight;
      counts[at]!++;
    }
  }
  // The best `limit`, kept in order as they come (a handful: insertion beats sorting them all).
  const limit = options.limit ?? 3;
  const best: { e: IndexedElement; score: number; shared: number }[] = [];
  for (const at of touched) {
    const e = index.elements[at]!;
    const score = scores[at]! / e.norm / paragraphNorm;
    const shared = counts[at]!;
    scores[at] = 0;
    counts[at] = 0;
    if (options.framework && e.framework !== options.framework) continue;
    if (options.exclude?.has(e.id)) continue;
    if (options.without?.has(e.id)) continue;
    if (options.minScore !== undefined && Math.round(score * 1000) / 1000 < options.minScore) continue;
    const worst = best[best.length - 1];
    if (best.length === limit && worst && (score < worst.score || (score === worst.score && e.id > worst.e.id))) continue;
    let i = best.length;
    while (i > 0 && (best[i - 1]!.score < score || (best[i - 1]!.score === score && best[i - 1]!.e.id > e.id))) i--;
    best.splice(i, 0, { e, score, shared });
    if (best.length > limit) best.pop();
  }
  return best.map(({ e, score, shared }) => ({
    elementId: e.id,
    kind: e.kind,
    code: e.code,
    title: e.title,
    text: e.text,
    score: Math.round(score * 1000) / 1000,
    shared,
  }));
}

/**
 * The framework elements whose text shares most with a paragraph (best first).
 *
 * @example
 * await suggestLinks(db, 'Calls for universal and affordable access to the Internet…', 'en');
 * // [{ elementId: 'sdg.9.c', … }, …]
 */
export async function suggestLinks(
  db: Database,
  text: string,
  lang: Language,
  options: { limit?: number; framework?: string | undefined } = {},
): Promise<LinkSuggestion[]> {
  const [found] = await suggestLinksForTexts(db, [{ text, lang }], { limit: options.limit, frameworks: [options.framework] });
  return found ?? [];
}

/**
 * suggestLinks for many texts (a registry import's records) in one query whatever their number:
 * for each text, the best `limit` of each of `frameworks` (undefined: of all), in that order.
 *
 * @example
 * const [first] = await suggestLinksForTexts(db, [{ text: 'Community networks…', lang: 'en' }], { frameworks: ['gdc', 'wsis'] });
 */
export async function suggestLinksForTexts(
  db: Database,
  texts: readonly { text: string; lang: Language }[],
  options: { limit?: number | undefined; frameworks?: readonly (string | undefined)[] } = {},
): Promise<LinkSuggestion[][]> {
  const folded = texts.map(({ text, lang }) => ({ lang, config: searchConfig[lang], folded: foldForSearch(text, lang) }));
  const stemmed = folded.filter((t) => t.folded.trim());
  if (stemmed.length === 0) return texts.map(() => []);
  const rows = await stemmedWords(db, stemmed);
  const byLang = new Map<Language, MatcherIndex>();
  for (const lang of new Set(stemmed.map((t) => t.lang))) byLang.set(lang, await matcherIndex(db, lang));
  let next = 0;
  return folded.map(({ lang, folded: words }) => {
    if (!words.trim()) return [];
    const row = rows[next++];
    return (options.frameworks ?? [undefined]).flatMap((framework) =>
      rank(byLang.get(lang)!, row?.words ?? [], { limit: options.limit, framework }),
    );
  });
}

export interface ParagraphSuggestions {
  paragraph: { id: number; eid: string; number: string | null; kind: BlockKind };
  suggestions: LinkSuggestion[];
}

/**
 * Suggestions for the paragraphs of one language version (by default its operative paragraphs
 * and sub-paragraphs), leaving out links a reviewer rejected: a rejected link is never
 * suggested again. The paragraphs' stored vectors are already stemmed in their language.
 */
export async function versionSuggestions(
  db: Database,
  versionId: number,
  lang: Language,
  options: { limit?: number; framework?: string | undefined; kinds?: readonly BlockKind[] } = {},
): Promise<ParagraphSuggestions[]> {
  const kinds = options.kinds ?? ['operative', 'subparagraph'];
  const index = await matcherIndex(db, lang);
  if (index.elements.length === 0) return [];
  const rows = await paragraphWords(db, versionId, lang, kinds);
  const english = rows.some((r) => r.english) ? await matcherIndex(db, 'en') : undefined;
  return rows.map((r) => {
    const exclude = r.rejected ? new Set(r.rejected) : undefined;
    const ranking = { ...options, exclude, minScore: SUGGESTION_MIN_SCORE };
    const own = rank(index, r.words ?? [], ranking);
    const through = english && r.english ? rank(english, r.english, { ...ranking, without: index.ids }) : [];
    return { paragraph: { id: Number(r.id), eid: r.eid, number: r.number, kind: r.kind }, suggestions: [...own, ...through] };
  });
}

/** Suggestions for every operative paragraph (and sub-paragraph) of one language version of a document. */
export async function paragraphSuggestions(
  db: Database,
  documentId: string,
  lang: Language,
  options: { limit?: number; framework?: string | undefined } = {},
): Promise<ParagraphSuggestions[]> {
  const version = await versionIdOf(db, documentId, lang);
  return version === undefined ? [] : versionSuggestions(db, version, lang, options);
}
