// Search across document paragraphs: full text per language (the language's own stemmer, Arabic
// folded, Chinese segmented into a `simple` vector), tolerant of OCR damage through trigrams on
// the folded text of OCR'd versions, filtered, ranked on a capped candidate set (ARCHITECTURE.md:
// ranking every match of a frequent term is slow at 1M rows), highlighted, grouped by document.
import { escapeMarkup } from '../shared/escape.ts';
import { sql, join, empty, raw, pgTextArray, type Database, type Sql } from '../store/index.ts';
import { languages, searchConfig, type Language } from '../language/languages.ts';
import { foldForSearch } from '../language/normalize.ts';
import { anySpellingTsquery, expandQuery } from '../language/synonyms.ts';
import type { BlockKind } from './model.ts';
import { getParagraphs, OCR_NOISE_THRESHOLD } from './service.ts';
import { alignVersions } from './align.ts';

/** Matches ranked per language: enough for several pages, few enough to rank quickly. */
const CANDIDATES = 300;
const MARK_OPEN = '\uE002';
const MARK_CLOSE = '\uE003';

export interface DocumentSearchOptions {
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

export interface ParagraphHit {
  paragraphId: number;
  eid: string;
  kind: BlockKind;
  number: string | null;
  lang: Language;
  rank: number;
  /** How it matched: `words` (full text) or `similar` (trigrams, OCR-damaged text). */
  match: 'words' | 'similar';
  /** HTML-escaped text with <mark> around the matches. */
  snippet: string;
  /** The aligned paragraph in the reader's language, when the hit is in another and the document has that version. */
  aligned?: AlignedParagraph | null;
}

export interface AlignedParagraph {
  lang: Language;
  eid: string;
  number: string | null;
  text: string;
}

export interface DocumentHits {
  document: { id: string; symbol: string | null; organ: string | null; date: string | null; title: string | null };
  hits: ParagraphHit[];
}

export interface DocumentSearchResult {
  /** Paragraphs matched (of the capped candidate set per language). */
  total: number;
  /** Paragraph hits of this page, grouped by document in order of each document's best hit. */
  documents: DocumentHits[];
}

function tsquery(lang: Language, text: string): Sql {
  return lang === 'zh' ? sql`phraseto_tsquery('simple', ${text})` : sql`websearch_to_tsquery(${searchConfig[lang]}::regconfig, ${text})`;
}

/** The query folded, or any of its spellings through the synonym sets (互联网 finds 因特网), as the framework search does. */
function queryTsquery(lang: Language, query: string): Sql {
  return anySpellingTsquery(lang, query, (folded) => tsquery(lang, folded));
}

/**
 * Searches paragraphs in one language or all six.
 *
 * @example
 * const { documents } = await searchDocuments(db, 'الإنترنت', { lang: 'ar' });
 * documents[0]?.document.symbol; // 'A/RES/80/173'
 */
export async function searchDocuments(db: Database, q: string, options: DocumentSearchOptions = {}): Promise<DocumentSearchResult> {
  const query = q.trim();
  if (!query) return { total: 0, documents: [] };
  // Only the languages Concord holds documents in, and trigrams only where OCR'd text exists: a
  // branch per language costs its planning even when it finds nothing.
  const held = await db.query<{ lang: Language; ocr: boolean }>(
    sql`SELECT lang, bool_or(ocr_noise > ${OCR_NOISE_THRESHOLD}) AS ocr FROM document_versions GROUP BY lang`,
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
  if (branches.length === 0) return { total: 0, documents: [] };
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  const hits = await db.query<{
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
  }>(sql`WITH matched AS (${join(branches, ' UNION ALL ')}),
              best AS (SELECT DISTINCT ON (id) id, rank, how FROM matched ORDER BY id, rank DESC),
              page AS (SELECT id, rank, how, count(*) OVER () AS total FROM best ORDER BY rank DESC, id LIMIT ${limit} OFFSET ${offset})
         SELECT page.*, p.document_id, p.eid, p.kind, p.number, p.lang, p.text
         FROM page JOIN document_paragraphs p ON p.id = page.id ORDER BY page.rank DESC, page.id`);
  if (hits.length === 0) return { total: 0, documents: [] };

  const snippets = await headlines(db, query, hits);
  const docs = await db.query<{ id: string; symbol: string | null; organ: string | null; date: string | null; title: string | null }>(
    sql`SELECT DISTINCT ON (d.id) d.id, d.symbol, d.organ, d.date::text AS date, v.title
        FROM documents d LEFT JOIN document_versions v ON v.document_id = d.id
        WHERE d.id = ANY(${pgTextArray([...new Set(hits.map((h) => h.document_id))])}::text[])
        ORDER BY d.id, (v.lang = ${options.lang ?? 'en'}) DESC, (v.lang = 'en') DESC, v.lang`,
  );
  const byId = new Map(docs.map((d) => [d.id, d]));
  const groups = new Map<string, DocumentHits>();
  for (const h of hits) {
    const document = byId.get(h.document_id);
    if (!document) continue;
    let group = groups.get(h.document_id);
    if (!group) groups.set(h.document_id, (group = { document, hits: [] }));
    group.hits.push({
      paragraphId: h.id,
      eid: h.eid,
      kind: h.kind,
      number: h.number,
      lang: h.lang,
      rank: Number(h.rank),
      match: h.how,
      snippet: snippets.get(h.id) ?? highlight(h.text, query, h.lang),
    });
  }
  return { total: Number(hits[0]?.total ?? 0), documents: [...groups.values()] };
}

/** ts_headline for the hits of the page (costly, so never for the whole candidate set). */
async function headlines(db: Database, query: string, hits: { id: number; lang: Language; text: string }[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const l of new Set(hits.map((h) => h.lang))) {
    if (l === 'zh') continue; // no parser for Chinese in PostgreSQL: highlighted in the application
    const ids = hits.filter((h) => h.lang === l).map((h) => h.id);
    // The display text is not folded: match it with the query as typed and as folded (and its synonyms).
    const tq = sql`(${tsquery(l, query)} || ${queryTsquery(l, query)})`;
    const rows = await db.query<{ id: number; snippet: string }>(
      sql`SELECT p.id, ts_headline(${searchConfig[l]}::regconfig, p.text, ${tq},
                 ${`StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
          FROM document_paragraphs p WHERE p.id = ANY(${`{${ids.join(',')}}`}::bigint[])`,
    );
    for (const r of rows) if (r.snippet.includes(MARK_OPEN)) out.set(r.id, marked(r.snippet));
  }
  return out;
}

/** Escapes the text, then turns the sentinels into <mark> elements. */
function marked(text: string): string {
  return escapeMarkup(text).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

/**
 * Highlights in the application what the database cannot: Chinese words, and words OCR damaged
 * (a word whose folded form shares all but the last two characters of a query word's).
 */
export function highlight(text: string, query: string, lang: Language): string {
  // The query's words, and those of its other spellings through the synonym sets.
  const queryWords = [query, ...expandQuery(query, lang).variants.slice(1)]
    .flatMap((spelling) => foldForSearch(spelling, lang).split(/\s+/))
    .filter((w) => w.length > 0);
  const pattern = queryWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const out =
    lang === 'zh'
      ? pattern
        ? text.replace(new RegExp(pattern, 'g'), (m) => `${MARK_OPEN}${m}${MARK_CLOSE}`)
        : text
      : text.replace(/[\p{L}\p{M}\p{N}]+/gu, (word) => {
          const fold = foldForSearch(word, lang).toLowerCase();
          const hit = queryWords.some((q) => {
            const w = q.toLowerCase();
            const stem = w.slice(0, Math.max(3, [...w].length - 2));
            return fold === w || (w.length >= 4 && fold.startsWith(stem));
          });
          return hit ? `${MARK_OPEN}${word}${MARK_CLOSE}` : word;
        });
  const first = out.indexOf(MARK_OPEN);
  // A window of about 240 characters around the first match.
  const start = first < 0 ? 0 : Math.max(0, first - 100);
  let window = out.slice(start, start + 240);
  const opens = window.split(MARK_OPEN).length - 1;
  const closes = window.split(MARK_CLOSE).length - 1;
  if (opens > closes) window += MARK_CLOSE;
  return `${start > 0 ? '… ' : ''}${marked(window)}${start + 240 < out.length ? ' …' : ''}`;
}

/**
 * Adds to each hit in another language than `reader` the paragraph aligned with it in the
 * reader's language, when the document has that language version (align.ts: numbers, then
 * order and text similarity). Each document's two versions are aligned once.
 */
export async function withAlignedParagraphs(db: Database, result: DocumentSearchResult, reader: Language): Promise<DocumentSearchResult> {
  const ids = result.documents.filter((g) => g.hits.some((h) => h.lang !== reader)).map((g) => g.document.id);
  if (ids.length === 0) return result;
  const held = new Set(
    (
      await db.query<{ document_id: string }>(
        sql`SELECT document_id FROM document_versions WHERE lang = ${reader} AND document_id = ANY(${pgTextArray(ids)}::text[])`,
      )
    ).map((r) => r.document_id),
  );
  const documents: DocumentHits[] = [];
  for (const group of result.documents) {
    if (!held.has(group.document.id) || group.hits.every((h) => h.lang === reader)) {
      documents.push(group);
      continue;
    }
    const mine = await getParagraphs(db, group.document.id, reader);
    const pairsByLang = new Map<Language, Map<string, AlignedParagraph | null>>();
    const hits: ParagraphHit[] = [];
    for (const hit of group.hits) {
      if (hit.lang === reader) {
        hits.push(hit);
        continue;
      }
      let pairs = pairsByLang.get(hit.lang);
      if (!pairs) {
        pairs = new Map();
        for (const pair of alignVersions(await getParagraphs(db, group.document.id, hit.lang), mine))
          if (pair.a) pairs.set(pair.a.eid, pair.b ? { lang: reader, eid: pair.b.eid, number: pair.b.number, text: pair.b.text } : null);
        pairsByLang.set(hit.lang, pairs);
      }
      hits.push({ ...hit, aligned: pairs.get(hit.eid) ?? null });
    }
    documents.push({ ...group, hits });
  }
  return { ...result, documents };
}
