// Suggested links from a document paragraph to framework elements (issue 3, item 8), found
// lexically: the paragraph's own lexemes (stemmed in its language) OR-ed into one query against
// the element texts in that language. GDC, WSIS and Pact texts exist in English only, so a
// paragraph in another language is matched against what exists in its language (the SDGs):
// no machine translation is pretended. Suggestions are computed, never stored as confirmed.
import { sql, empty, type Database } from '../store/index.ts';
import { searchConfig, type Language } from '../language/languages.ts';
import { foldForSearch } from '../language/normalize.ts';
import type { BlockKind } from './model.ts';

/** A word in more element texts than this is too common to suggest a link. */
const COMMON_WORD_ELEMENTS = 150;

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
  }>(sql`WITH common AS (
           SELECT word FROM ts_stat(${`SELECT search FROM element_texts WHERE lang = '${lang}'`}) WHERE ndoc > ${COMMON_WORD_ELEMENTS}),
         words AS (
           SELECT string_agg(quote_literal(w), ' | ') AS q
           FROM unnest(tsvector_to_array(to_tsvector(${searchConfig[lang]}::regconfig, ${folded}))) AS w
           WHERE length(w) > 2 AND w NOT IN (SELECT word FROM common)),
         query AS (SELECT to_tsquery('simple', q) AS q FROM words WHERE q IS NOT NULL)
         SELECT t.element_id, e.kind, e.code, t.title, t.text, ts_rank_cd(t.search, query.q, 1) AS score
         FROM element_texts t JOIN elements e ON e.id = t.element_id, query
         WHERE t.lang = ${lang} AND t.search @@ query.q AND e.kind <> 'topic'${options.framework ? sql` AND e.framework_id = ${options.framework}` : empty}
         ORDER BY score DESC, t.element_id LIMIT ${limit}`);
  return rows.map((r) => ({ elementId: r.element_id, kind: r.kind, code: r.code, title: r.title, text: r.text, score: Number(r.score) }));
}

/**
 * Suggestions for every operative paragraph (and sub-paragraph) of one language version, in one
 * query: each paragraph's stored vector (already stemmed in its language) becomes its OR-query.
 */
export async function paragraphSuggestions(
  db: Database,
  documentId: string,
  lang: Language,
  options: { limit?: number; framework?: string | undefined } = {},
): Promise<{ paragraph: { id: number; eid: string; number: string | null; kind: BlockKind }; suggestions: LinkSuggestion[] }[]> {
  const rows = await db.query<{
    id: number;
    eid: string;
    number: string | null;
    kind: BlockKind;
    element_id: string | null;
    ekind: string | null;
    code: string | null;
    title: string | null;
    text: string | null;
    score: number | null;
  }>(sql`WITH common AS (
           -- Words found in many element texts say little about any one: left out of the query
           -- (an inverse-document-frequency cut), which also keeps the ranking cheap.
           SELECT word FROM ts_stat(${`SELECT search FROM element_texts WHERE lang = '${lang}'`})
           WHERE ndoc > ${COMMON_WORD_ELEMENTS}),
         p AS (
           SELECT p.id, p.eid, p.number, p.kind, p.position,
                  (SELECT to_tsquery('simple', string_agg(quote_literal(w), ' | '))
                   FROM unnest(tsvector_to_array(p.search)) AS w
                   WHERE length(w) > 2 AND w NOT IN (SELECT word FROM common)) AS q
           FROM document_paragraphs p JOIN document_versions v ON v.id = p.version_id
           WHERE v.document_id = ${documentId} AND v.lang = ${lang} AND p.kind IN ('operative', 'subparagraph'))
         SELECT p.id, p.eid, p.number, p.kind, s.element_id, s.kind AS ekind, s.code, s.title, s.text, s.score
         FROM p LEFT JOIN LATERAL (
           SELECT t.element_id, e.kind, e.code, t.title, t.text, ts_rank_cd(t.search, p.q, 1) AS score
           FROM element_texts t JOIN elements e ON e.id = t.element_id
           WHERE p.q IS NOT NULL AND t.lang = ${lang} AND t.search @@ p.q AND e.kind <> 'topic'
             ${options.framework ? sql`AND e.framework_id = ${options.framework}` : empty}
           ORDER BY score DESC, t.element_id LIMIT ${options.limit ?? 3}) s ON true
         ORDER BY p.position, s.score DESC NULLS LAST, s.element_id`);
  const out = new Map<
    number,
    { paragraph: { id: number; eid: string; number: string | null; kind: BlockKind }; suggestions: LinkSuggestion[] }
  >();
  for (const r of rows) {
    let item = out.get(r.id);
    if (!item) out.set(r.id, (item = { paragraph: { id: r.id, eid: r.eid, number: r.number, kind: r.kind }, suggestions: [] }));
    if (r.element_id)
      item.suggestions.push({
        elementId: r.element_id,
        kind: r.ekind ?? '',
        code: r.code ?? '',
        title: r.title,
        text: r.text,
        score: Number(r.score),
      });
  }
  return [...out.values()];
}
