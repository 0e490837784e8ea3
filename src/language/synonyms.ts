// Query expansion from the synonym sets of data/search/synonyms.json (issue 16, item 8): where the
// UN's own terms vary (因特网 in the Chinese SDG texts, 互联网 in everyday use), or where a text
// exists in English only (the GDC), a query naming a concept also looks for its other terms.
// Nothing is translated beyond what the data file says, and each set there names its source.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { sql, type Sql } from '../store/index.ts';
import { languages, searchConfig, type Language } from './languages.ts';
import { cleanForDisplay, foldForSearch } from './normalize.ts';

const SynonymFile = z.object({
  sets: z.array(
    z.object({
      id: z.string().min(1),
      terms: z.partialRecord(z.enum(languages), z.array(z.string().min(1)).min(1)),
      source: z.string().min(1),
      reason: z.string().min(1),
    }),
  ),
});

export type SynonymSet = z.infer<typeof SynonymFile>['sets'][number];

/** The sets, read once (a few kilobytes). */
export const synonymSets: readonly SynonymSet[] = SynonymFile.parse(
  JSON.parse(readFileSync(new URL('../../data/search/synonyms.json', import.meta.url), 'utf8')),
).sets;

/** At most this many spellings of one query are searched (two sets of three terms give nine). */
const MAX_VARIANTS = 8;

/**
 * How a term is compared with a query: the search fold of its language, lower-cased. Chinese is
 * compared unsegmented (the segmenter may split a word differently inside a longer query).
 */
function matchForm(text: string, lang: Language): string {
  return (lang === 'zh' ? cleanForDisplay(text) : foldForSearch(text, lang)).toLowerCase();
}

/** Where `term` stands in `text` as whole words (any position in Chinese, which has no spaces). */
function findTerm(text: string, term: string, lang: Language): number {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (lang === 'zh') return at;
    const before = text.slice(0, at);
    const after = text.slice(at + term.length);
    if (!/[\p{L}\p{N}]$/u.test(before) && !/^[\p{L}\p{N}]/u.test(after)) return at;
  }
  return -1;
}

/** Per language, each set's terms in match form, the longest first: folded once, not on every search. */
const formsByLanguage = new Map<Language, { set: SynonymSet; forms: string[] }[]>();

function setsIn(lang: Language): { set: SynonymSet; forms: string[] }[] {
  let found = formsByLanguage.get(lang);
  if (!found) {
    // The longest term first, so that "ICTs" is taken before "ICT".
    found = synonymSets.map((set) => ({
      set,
      forms: [...new Set((set.terms[lang] ?? []).map((t) => matchForm(t, lang)))].sort((a, b) => b.length - a.length),
    }));
    formsByLanguage.set(lang, found);
  }
  return found;
}

export interface ExpandedQuery {
  /** The query as typed (first) and with each matched term replaced by its other terms in the same language, in match form. */
  variants: string[];
  /** The English terms of the matched sets, for texts that exist in English only. */
  english: string[];
  /** The query with the matched terms taken out (what is left to match word for word). */
  rest: string;
  /** The ids of the sets matched. */
  sets: string[];
}

/**
 * The query's spellings through the synonym sets of its language.
 *
 * @example
 * expandQuery('互联网', 'zh').variants; // ['互联网', '因特网']
 * expandQuery('intelligence artificielle', 'fr').english; // ['artificial intelligence', 'AI']
 */
export function expandQuery(query: string, lang: Language): ExpandedQuery {
  let variants = [matchForm(query, lang)];
  let rest = variants[0]!;
  const english: string[] = [];
  const sets: string[] = [];
  for (const { set, forms } of setsIn(lang)) {
    const found = forms.find((f) => findTerm(variants[0]!, f, lang) >= 0);
    if (!found) continue;
    sets.push(set.id);
    english.push(...(set.terms.en ?? []));
    const at = findTerm(rest, found, lang);
    if (at >= 0) rest = `${rest.slice(0, at)} ${rest.slice(at + found.length)}`;
    const next: string[] = [];
    for (const v of variants) {
      const i = findTerm(v, found, lang);
      if (i < 0) {
        next.push(v);
        continue;
      }
      for (const f of [found, ...forms.filter((x) => x !== found)]) next.push(`${v.slice(0, i)}${f}${v.slice(i + found.length)}`);
    }
    variants = [...new Set(next)].slice(0, MAX_VARIANTS);
  }
  return { variants, english: [...new Set(english)], rest: rest.replace(/\s+/g, ' ').trim(), sets };
}

/**
 * Any of the query's spellings (expandQuery) as one tsquery, each spelling folded for search and
 * turned into a tsquery by `one` (each search keeps its own: all words, a phrase...). Without a
 * synonym, it is `one` of the query as typed, folded: the same statement as before expansion.
 *
 * @example
 * anySpellingTsquery('zh', '互联网', (folded) => sql`phraseto_tsquery('simple', ${folded})`);
 * // tsquery_or(phraseto_tsquery('simple', '互联网'), phraseto_tsquery('simple', '因特网'))
 */
export function anySpellingTsquery(lang: Language, query: string, one: (folded: string) => Sql): Sql {
  const { variants } = expandQuery(query, lang);
  const tsquery = (text: string) => one(foldForSearch(text, lang));
  // tsquery_or(a, b) is `a || b` as a function call, so that it may stand in a FROM list.
  return variants
    .slice(1)
    .reduce((any, variant) => sql`tsquery_or(${any}, ${tsquery(variant)})`, tsquery(variants.length === 1 ? query : variants[0]!));
}

/**
 * The tsquery for a query in one language: any of its spellings, each with all its words (Chinese
 * too, segmented: 消除贫穷 finds 消除一切形式的贫穷; the ranking prefers words that stand together).
 */
export function languageTsquery(lang: Language, query: string): Sql {
  return anySpellingTsquery(lang, query, (folded) =>
    lang === 'zh' ? sql`plainto_tsquery('simple', ${folded})` : sql`websearch_to_tsquery(${searchConfig[lang]}::regconfig, ${folded})`,
  );
}
