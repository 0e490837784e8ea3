// Suggested links from a document paragraph to framework elements (issue 3, item 8), found
// lexically: the paragraph's own lexemes (stemmed in its language) OR-ed into one query against
// the element texts in that language. GDC, WSIS and Pact texts exist in English only, so a
// paragraph in another language is matched against what exists in its language (the SDGs):
// no machine translation is pretended. Suggestions are computed, never stored as confirmed.
import { sql, empty, type Database } from '../store/index.ts';
import { searchConfig, type Language } from '../language/languages.ts';
import { foldForSearch } from '../language/normalize.ts';
import { getParagraphs } from './service.ts';
import type { BlockKind } from './model.ts';

export interface LinkSuggestion {
  elementId: string;
  kind: string;
  code: string;
  title: string | null;
  text: string | null;
  score: number;
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
  const limit = options.limit ?? 3;
  const folded = foldForSearch(text, lang);
  if (!folded.trim()) return [];
  const rows = await db.query<{
    element_id: string;
    kind: string;
    code: string;
    title: string | null;
    text: string | null;
    score: number;
  }>(sql`WITH words AS (
           SELECT string_agg(quote_literal(w), ' | ') AS q
           FROM unnest(tsvector_to_array(to_tsvector(${searchConfig[lang]}::regconfig, ${folded}))) AS w
           WHERE length(w) > 2),
         query AS (SELECT to_tsquery('simple', q) AS q FROM words WHERE q IS NOT NULL)
         SELECT t.element_id, e.kind, e.code, t.title, t.text, ts_rank_cd(t.search, query.q, 1) AS score
         FROM element_texts t JOIN elements e ON e.id = t.element_id, query
         WHERE t.lang = ${lang} AND t.search @@ query.q AND e.kind <> 'topic'${options.framework ? sql` AND e.framework_id = ${options.framework}` : empty}
         ORDER BY score DESC, t.element_id LIMIT ${limit}`);
  return rows.map((r) => ({ elementId: r.element_id, kind: r.kind, code: r.code, title: r.title, text: r.text, score: Number(r.score) }));
}

/** Suggestions for every operative paragraph (and sub-paragraph) of one language version. */
export async function paragraphSuggestions(
  db: Database,
  documentId: string,
  lang: Language,
  options: { limit?: number; framework?: string | undefined } = {},
): Promise<{ paragraph: { id: number; eid: string; number: string | null; kind: BlockKind }; suggestions: LinkSuggestion[] }[]> {
  const paragraphs = (await getParagraphs(db, documentId, lang)).filter((p) => p.kind === 'operative' || p.kind === 'subparagraph');
  const out = [];
  for (const p of paragraphs) {
    out.push({
      paragraph: { id: p.id, eid: p.eid, number: p.number, kind: p.kind },
      suggestions: await suggestLinks(db, p.text, lang, options),
    });
  }
  return out;
}
