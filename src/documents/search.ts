// Search across document paragraphs: full text per language (the language's own stemmer, Arabic
// folded, Chinese segmented into a `simple` vector), tolerant of OCR damage through trigrams on
// the folded text of OCR'd versions, filtered, ranked on a capped candidate set (ARCHITECTURE.md:
// ranking every match of a frequent term is slow at 1M rows), highlighted, grouped by document.
import { escapeMarkup } from '../shared/escape.ts';
import type { Database } from '../store/index.ts';
import type { Language } from '../language/languages.ts';
import { foldForSearch } from '../language/normalize.ts';
import { expandQuery } from '../language/synonyms.ts';
import { documentHeads, documentsIn, headlineRows, matchParagraphs, type ParagraphFilter } from './search-repository.ts';
import type { BlockKind } from './model.ts';
import { getParagraphs, OCR_NOISE_THRESHOLD } from './service.ts';
import { alignVersions } from './align.ts';

const MARK_OPEN = '\uE002';
const MARK_CLOSE = '\uE003';

export type DocumentSearchOptions = ParagraphFilter;

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
  const hits = await matchParagraphs(db, query, options, OCR_NOISE_THRESHOLD);
  if (hits.length === 0) return { total: 0, documents: [] };

  const snippets = await headlines(db, query, hits);
  const docs = await documentHeads(db, [...new Set(hits.map((h) => h.document_id))], options.lang ?? 'en');
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
    const rows = await headlineRows(db, l, query, ids, { open: MARK_OPEN, close: MARK_CLOSE });
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
  const held = await documentsIn(db, reader, ids);
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
