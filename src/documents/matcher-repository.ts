// The matcher's reads: the stemmed words of the element texts it indexes, of the paragraphs it
// ranks (and of their English twins), of texts given to it. Two name another slice's tables, for
// want of a read the owning slice publishes (listed in the issue-15 report): `reference_releases`
// (provenance: their checksums say when the element texts changed) and `elements`/`element_texts`
// (frameworks: the texts indexed).
import { sql, empty, type Database } from '../store/index.ts';
import type { Language } from '../language/languages.ts';
import type { BlockKind } from './model.ts';

/** The reference data's checksums in one string: it changes when the element texts change (seeding records them). */
export async function releasesKey(db: Database): Promise<string> {
  const [version] = await db.query<{ releases: string | null }>(
    sql`SELECT string_agg(dataset || ':' || checksum, ',' ORDER BY dataset) AS releases FROM reference_releases`,
  );
  return version?.releases ?? '';
}

/** An element text with its stemmed words. */
export interface ElementTextWords {
  element_id: string;
  kind: string;
  code: string;
  framework_id: string;
  title: string | null;
  text: string | null;
  words: string[];
}

/** A paragraph with its stemmed words, its English twin's and the elements a reviewer rejected for it. */
export interface ParagraphWords {
  id: number;
  eid: string;
  number: string | null;
  kind: BlockKind;
  words: string[] | null;
  english: string[] | null;
  rejected: string[] | null;
}

/** The element texts in `lang` (not topics), each with its stemmed words. */
export function elementTextWords(db: Database, lang: Language): Promise<ElementTextWords[]> {
  return db.query<ElementTextWords>(sql`SELECT t.element_id, e.kind, e.code, e.framework_id, t.title, t.text, tsvector_to_array(t.search) AS words
         FROM element_texts t JOIN elements e ON e.id = t.element_id
         WHERE t.lang = ${lang} AND e.kind <> 'topic' ORDER BY t.element_id`);
}

/** The stemmed words of each folded text, with its text-search configuration, in order. */
export function stemmedWords(db: Database, texts: readonly { config: string; folded: string }[]): Promise<{ words: string[] | null }[]> {
  return db.query<{ words: string[] | null }>(
    sql`SELECT tsvector_to_array(to_tsvector((r.item->>'config')::regconfig, r.item->>'folded')) AS words
        FROM jsonb_array_elements(${JSON.stringify(texts)}::jsonb) WITH ORDINALITY AS r(item, n)
        ORDER BY r.n`,
  );
}

/**
 * The paragraphs of these kinds of one language version, in reading order, with their stemmed
 * words, their English twin's (same eid in the document's English version) and the elements a
 * reviewer rejected for them.
 */
export function paragraphWords(db: Database, versionId: number, lang: Language, kinds: readonly BlockKind[]): Promise<ParagraphWords[]> {
  // The English twin of each paragraph (same eid, the document's English version), for the
  // elements that have no text in this language.
  const twin =
    lang === 'en'
      ? sql`NULL::text[]`
      : sql`(SELECT tsvector_to_array(t.search) FROM document_paragraphs t
                   JOIN document_versions tv ON tv.id = t.version_id AND tv.lang = 'en'
                   WHERE t.document_id = p.document_id AND t.eid = p.eid AND t.version_id <> p.version_id LIMIT 1)`;
  return db.query<ParagraphWords>(
    sql`SELECT p.id, p.eid, p.number, p.kind, tsvector_to_array(p.search) AS words, ${twin} AS english,
               (SELECT array_agg(l.element_id) FROM paragraph_links l WHERE l.paragraph_id = p.id AND l.state = 'rejected') AS rejected
        FROM document_paragraphs p
        WHERE p.version_id = ${versionId} AND p.kind = ANY(${`{${kinds.join(',')}}`}::text[])
        ORDER BY p.position`,
  );
}

/** The id of a document's version in `lang`, when it has one. */
export async function versionIdOf(db: Database, documentId: string, lang: Language): Promise<number | undefined> {
  const [version] = await db.query<{ id: number }>(
    sql`SELECT id FROM document_versions WHERE document_id = ${documentId} AND lang = ${lang}${empty}`,
  );
  return version ? Number(version.id) : undefined;
}
