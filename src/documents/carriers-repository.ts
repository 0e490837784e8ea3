// The statements of framework-carriers.ts. Three of them write or join another slice's tables, for
// want of a write the owning slice publishes (listed in the issue-15 report): `elements` (frameworks,
// joined so that an element the framework data lacks is skipped), `element_texts` (frameworks: the
// official texts read from a carrying document) and `sources` (provenance: the version as source).
import { sql, type Database } from '../store/index.ts';
import { searchConfig, type Language } from '../language/languages.ts';
import type { AlignableBlock } from './align.ts';

/** A stored paragraph as alignment compares it. */
export interface StoredParagraph extends AlignableBlock {
  id: number;
  eid: string;
}

/**
 * Stores confirmed `same-as` links (paragraph eid → element) of one language version, by `actor`;
 * a decision already there is left as it is, an element the framework data lacks is skipped.
 */
export async function insertCarriedLinks(
  tx: Database,
  versionId: number,
  links: readonly { eid: string; elementId: string; evidence: string }[],
  actor: string,
): Promise<number> {
  const added = await tx.query<{ paragraph_id: number }>(
    sql`INSERT INTO paragraph_links (paragraph_id, element_id, type, state, evidence, suggested_by, decided_by, decided_at)
        SELECT p.id, e.id, 'same-as', 'confirmed', k.evidence, ${actor}, ${actor}, now()
        FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS k (eid text, "elementId" text, evidence text)
        JOIN document_paragraphs p ON p.version_id = ${versionId} AND p.eid = k.eid
        JOIN elements e ON e.id = k."elementId"
        ON CONFLICT (paragraph_id, element_id) DO NOTHING
        RETURNING paragraph_id`,
  );
  return added.length;
}

/** The paragraphs of a language version in reading order, as alignment compares them. */
export function versionParagraphs(tx: Database, versionId: number): Promise<StoredParagraph[]> {
  return tx.query<StoredParagraph>(
    sql`SELECT id, eid, kind, number, part, parent_eid AS parent, text FROM document_paragraphs WHERE version_id = ${versionId} ORDER BY position`,
  );
}

/** The confirmed links `actor` stored on a language version's paragraphs. */
export function confirmedLinksBy(tx: Database, versionId: number, actor: string): Promise<{ paragraph_id: number; element_id: string }[]> {
  return tx.query<{ paragraph_id: number; element_id: string }>(
    sql`SELECT l.paragraph_id, l.element_id FROM paragraph_links l JOIN document_paragraphs p ON p.id = l.paragraph_id
        WHERE p.version_id = ${versionId} AND l.suggested_by = ${actor} AND l.state = 'confirmed'`,
  );
}

/** A document's language versions, by language. */
export function versionsOf(tx: Database, documentId: string): Promise<{ id: number; lang: Language }[]> {
  return tx.query<{ id: number; lang: Language }>(
    sql`SELECT id, lang FROM document_versions WHERE document_id = ${documentId} ORDER BY lang`,
  );
}

/** Removes the element texts read from one source (a replaced version's texts go with it). */
export async function deleteTextsOf(tx: Database, sourceId: string): Promise<void> {
  await tx.query(sql`DELETE FROM element_texts WHERE source_id = ${sourceId}`);
}

/** The `sources` row of a language version of a carrying document (kept when already there). */
export async function ensureVersionSource(tx: Database, sourceId: string, symbol: string, lang: Language): Promise<void> {
  await tx.query(
    sql`INSERT INTO sources (id, title, document_symbol, licence, notes)
        VALUES (${sourceId}, ${`${symbol} (${lang})`}, ${symbol}, ${'Official United Nations document'},
                ${JSON.stringify([`Official ${lang} text read from the ${lang} version of ${symbol} stored in Concord.`])}::jsonb)
        ON CONFLICT (id) DO NOTHING`,
  );
}

/**
 * Stores element texts in `lang` from `sourceId`; a text the framework data holds in that language
 * stays unless it came from a document. Returns how many were stored.
 */
export async function upsertCarriedTexts(
  tx: Database,
  lang: Language,
  sourceId: string,
  texts: readonly { elementId: string; text: string; folded: string }[],
): Promise<number> {
  const added = await tx.query<{ element_id: string }>(
    sql`INSERT INTO element_texts (element_id, lang, title, text, folded, search, source_id, caveats)
        SELECT k."elementId", ${lang}, NULL, k.text, k.folded, to_tsvector(${searchConfig[lang]}::regconfig, k.folded), ${sourceId}, '{}'::text[]
        FROM jsonb_to_recordset(${JSON.stringify(texts)}::jsonb) AS k ("elementId" text, text text, folded text)
        JOIN elements e ON e.id = k."elementId"
        ON CONFLICT (element_id, lang) DO UPDATE SET text = excluded.text, folded = excluded.folded, search = excluded.search,
          source_id = excluded.source_id, title = NULL, caveats = '{}'::text[]
        WHERE element_texts.source_id LIKE 'document:%'
        RETURNING element_id`,
  );
  return added.length;
}
