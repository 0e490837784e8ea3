// The paragraph search's statements: which languages hold text (and OCR'd text), the matches per
// language ranked on a capped candidate set, the highlights of one page of hits, the heads of the
// documents hit. search.ts keeps what is done with them (grouping, highlighting, alignment).
import { sql, join, empty, raw, pgTextArray, type Database, type Sql } from '../store/index.ts';
import { languages, searchConfig, type Language } from '../language/languages.ts';
import { foldForSearch } from '../language/normalize.ts';
import { anySpellingTsquery } from '../language/synonyms.ts';
import type { BlockKind } from './model.ts';

/** Matches ranked per language: enough for several pages, few enough to rank quickly. */
const CANDIDATES = 300;

/** What the paragraph search is filtered by. */
export interface ParagraphFilter {
  lang?: Language | undefined;
  organ?: string | undefined;
  year?: number | undefined;
  symbol?: string | undefined;
  kind?: BlockKind | undefined;
  /** Only paragraphs with a confirmed link to this element or one below it. */
  element?: string | undefined;
  limit?: number;
  offset?: number;
}

/** A paragraph matched, with its place in the ranking of all matches. */
export interface ParagraphMatch {
  id: number;
  rank: number;
  how: 'words' | 'similar';
  total: number;
  document_id: string;
  eid: string;
  kind: BlockKind;
  number: string | null;
  lang: Language;
  text: string;
}

function tsquery(lang: Language, text: string): Sql {
  return lang === 'zh' ? sql`phraseto_tsquery('simple', ${text})` : sql`websearch_to_tsquery(${searchConfig[lang]}::regconfig, ${text})`;
}

/** The query folded, or any of its spellings through the synonym sets (互联网 finds 因特网), as the framework search does. */
function queryTsquery(lang: Language, query: string): Sql {
  return anySpellingTsquery(lang, query, (folded) => tsquery(lang, folded));
}

/**
 * One page of the paragraphs matching `query`, best first, in the languages Concord holds text in
 * (`ocrNoise`: versions noisier than this are also matched by trigrams).
 */
export async function matchParagraphs(db: Database, query: string, options: ParagraphFilter, ocrNoise: number): Promise<ParagraphMatch[]> {
  // Only the languages Concord holds documents in, and trigrams only where OCR'd text exists: a
  // branch per language costs its planning even when it finds nothing.
  const held = await db.query<{ lang: Language; ocr: boolean }>(
    sql`SELECT lang, bool_or(ocr_noise > ${ocrNoise}) AS ocr FROM document_versions GROUP BY lang`,
  );
  const ocrLangs = new Set(held.filter((h) => h.ocr).map((h) => h.lang));
  const langs = (options.lang ? [options.lang] : [...languages]).filter((l) => held.some((h) => h.lang === l));
  const filters: Sql[] = [];
  if (options.kind) filters.push(sql`p.kind = ${options.kind}`);
  if (options.organ) filters.push(sql`d.organ = ${options.organ}`);
  if (options.year)
    filters.push(sql`d.date >= make_date(${options.year}::int, 1, 1) AND d.date < make_date(${options.year}::int + 1, 1, 1)`);
  if (options.symbol) filters.push(sql`upper(d.symbol) = upper(${options.symbol})`);
  // The paragraph's closure holds the confirmed links of all its language versions and their
  // ancestors (kept by a trigger, migration paragraph_sets_once): one GIN lookup, in every language.
  if (options.element) filters.push(sql`p.element_closure @> ARRAY[${options.element}]::text[]`);
  const needsDocument = Boolean(options.organ || options.year || options.symbol);
  const from = needsDocument ? sql`document_paragraphs p JOIN documents d ON d.id = p.document_id` : sql`document_paragraphs p`;
  const extra = filters.length ? sql` AND ${join(filters, ' AND ')}` : empty;

  const branches = langs.flatMap((l) => {
    // The language as a literal (it is one of the six codes), so the planner picks that language's partial index.
    const lang = raw(`'${l}'`);
    const folded = foldForSearch(query, l);
    if (!folded.trim()) return [];
    const words = sql`(SELECT p.id, ts_rank_cd(p.search, tq) AS rank, 'words' AS how
                       FROM ${from}, ${queryTsquery(l, query)} tq
                       WHERE p.lang = ${lang} AND p.search @@ tq${extra} LIMIT ${CANDIDATES})`;
    // OCR tolerance: only OCR'd text is matched by trigrams (a partial index holds it), and only
    // for queries long enough to carry trigrams.
    if (l === 'zh' || !ocrLangs.has(l) || [...folded].length < 4) return [words];
    const similar = sql`(SELECT p.id, word_similarity(${folded}, p.fold) * 0.1 AS rank, 'similar' AS how
                         FROM ${from}
                         WHERE p.ocr AND p.lang = ${lang} AND p.fold %> ${folded}${extra} LIMIT ${CANDIDATES})`;
    return [words, similar];
  });
  if (branches.length === 0) return [];
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  return db.query<ParagraphMatch>(sql`WITH matched AS (${join(branches, ' UNION ALL ')}),
              best AS (SELECT DISTINCT ON (id) id, rank, how FROM matched ORDER BY id, rank DESC),
              page AS (SELECT id, rank, how, count(*) OVER () AS total FROM best ORDER BY rank DESC, id LIMIT ${limit} OFFSET ${offset})
         SELECT page.*, p.document_id, p.eid, p.kind, p.number, p.lang, p.text
         FROM page JOIN document_paragraphs p ON p.id = page.id ORDER BY page.rank DESC, page.id`);
}

/**
 * The paragraphs' text with the query's matches (as typed, folded, and its synonyms) between the
 * sentinels `open` and `close`, for one language (not Chinese: PostgreSQL has no parser for it).
 */
export async function headlineRows(
  db: Database,
  lang: Language,
  query: string,
  ids: number[],
  marks: { open: string; close: string },
): Promise<{ id: number; snippet: string }[]> {
  // The display text is not folded: match it with the query as typed and as folded (and its synonyms).
  const tq = sql`(${tsquery(lang, query)} || ${queryTsquery(lang, query)})`;
  return db.query<{ id: number; snippet: string }>(
    sql`SELECT p.id, ts_headline(${searchConfig[lang]}::regconfig, p.text, ${tq},
               ${`StartSel=${marks.open}, StopSel=${marks.close}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
        FROM document_paragraphs p WHERE p.id = ANY(${`{${ids.join(',')}}`}::bigint[])`,
  );
}

/** The heads of these documents, each with its title in `lang`, else in English, else the first language. */
export async function documentHeads(
  db: Database,
  ids: string[],
  lang: Language,
): Promise<{ id: string; symbol: string | null; organ: string | null; date: string | null; title: string | null }[]> {
  return db.query<{ id: string; symbol: string | null; organ: string | null; date: string | null; title: string | null }>(
    sql`SELECT DISTINCT ON (d.id) d.id, d.symbol, d.organ, d.date::text AS date, v.title
        FROM documents d LEFT JOIN document_versions v ON v.document_id = d.id
        WHERE d.id = ANY(${pgTextArray(ids)}::text[])
        ORDER BY d.id, (v.lang = ${lang}) DESC, (v.lang = 'en') DESC, v.lang`,
  );
}

/** Which of these documents have a version in `lang`. */
export async function documentsIn(db: Database, lang: Language, ids: string[]): Promise<Set<string>> {
  const rows = await db.query<{ document_id: string }>(
    sql`SELECT document_id FROM document_versions WHERE lang = ${lang} AND document_id = ANY(${pgTextArray(ids)}::text[])`,
  );
  return new Set(rows.map((r) => r.document_id));
}
