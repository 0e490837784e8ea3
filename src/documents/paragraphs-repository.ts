// The paragraphs of a language version, with what was found in them: footnotes, references to
// other documents, requested actions (as stored; service.ts names the actors).
import { sql, empty, type Database } from '../store/index.ts';
import type { Language } from '../language/languages.ts';
import type { BlockKind } from './model.ts';

export interface FootnoteView {
  number: number;
  text: string;
  offset: number | null;
}

export interface ParagraphView {
  id: number;
  /** AKN-style id within the document. */
  eid: string;
  position: number;
  kind: BlockKind;
  number: string | null;
  part: string;
  parent: string | null;
  heading: string | null;
  level: number;
  text: string;
  footnotes: FootnoteView[];
}

/** The paragraphs of one language version in reading order, footnotes attached. */
export async function getParagraphs(db: Database, documentId: string, lang: Language): Promise<ParagraphView[]> {
  const rows = await db.query<{
    id: number;
    eid: string;
    position: number;
    kind: BlockKind;
    number: string | null;
    part: string;
    parent_eid: string | null;
    heading: string | null;
    level: number;
    text: string;
    footnotes: FootnoteView[] | null;
  }>(sql`SELECT p.id, p.eid, p.position, p.kind, p.number, p.part, p.parent_eid, p.heading, p.level, p.text,
                (SELECT json_agg(json_build_object('number', f.number, 'text', f.text, 'offset', f.call_offset) ORDER BY f.number)
                 FROM document_footnotes f WHERE f.paragraph_id = p.id) AS footnotes
         FROM document_paragraphs p JOIN document_versions v ON v.id = p.version_id
         WHERE v.document_id = ${documentId} AND v.lang = ${lang}
         ORDER BY p.position`);
  return rows.map((r) => ({
    id: r.id,
    eid: r.eid,
    position: r.position,
    kind: r.kind,
    number: r.number,
    part: r.part,
    parent: r.parent_eid,
    heading: r.heading,
    level: r.level,
    text: r.text,
    footnotes: r.footnotes ?? [],
  }));
}

export interface ReferenceView {
  raw: string;
  symbol: string | null;
  kind: string;
  orientation: string;
  lang: Language;
  /** Where it occurs: the paragraph's id, eid and printed number, and the footnote if it is in one. */
  paragraph: { id: number; eid: string; number: string | null; kind: BlockKind };
  footnote: number | null;
  paragraphCited: string | null;
  instrument: string | null;
  /** The cited document when Concord holds it; null: a placeholder until it is ingested. */
  target: { id: string; symbol: string | null } | null;
}

/** The references a document makes, in reading order (optionally in one language version). */
export async function getReferences(db: Database, documentId: string, lang?: Language): Promise<ReferenceView[]> {
  const rows = await db.query<{
    raw: string;
    symbol: string | null;
    kind: string;
    orientation: string;
    lang: Language;
    paragraph_id: number;
    eid: string;
    number: string | null;
    pkind: BlockKind;
    footnote: number | null;
    paragraph: string | null;
    instrument: string | null;
    target_id: string | null;
    target_symbol: string | null;
  }>(sql`SELECT r.raw, r.symbol, r.kind, r.orientation, p.lang, p.id AS paragraph_id, p.eid, p.number, p.kind AS pkind, r.footnote,
                r.paragraph, r.instrument, t.id AS target_id, t.symbol AS target_symbol
         FROM document_references r JOIN document_paragraphs p ON p.id = r.paragraph_id
         -- The stored target, or the document with that symbol when both were ingested at once
         -- (concurrent ingests cannot see each other's rows; the symbol always tells).
         LEFT JOIN documents t ON t.id = coalesce(r.target_document_id, (SELECT s.id FROM documents s WHERE s.symbol = r.symbol))
         WHERE r.document_id = ${documentId} ${lang ? sql`AND p.lang = ${lang}` : empty}
         ORDER BY p.lang, p.position, r.id`);
  return rows.map((r) => ({
    raw: r.raw,
    symbol: r.symbol,
    kind: r.kind,
    orientation: r.orientation,
    lang: r.lang,
    paragraph: { id: r.paragraph_id, eid: r.eid, number: r.number, kind: r.pkind },
    footnote: r.footnote,
    paragraphCited: r.paragraph,
    instrument: r.instrument,
    target: r.target_id ? { id: r.target_id, symbol: r.target_symbol } : null,
  }));
}

/** A requested action as stored, with the paragraph it stands in. */
export interface ActionRow {
  paragraph_id: number;
  eid: string;
  number: string | null;
  part: string;
  verb: string;
  verb_text: string;
  force: string;
  directive: boolean;
  addressees: string[];
  addressee_text: string;
  actors: { id: string | null; text: string }[] | null;
  object: string;
  deadline_text: string | null;
  deadline_year: number | null;
  deadline_session: number | null;
  deadline_from: string | null;
  deadline_to: string | null;
  deadline_recurrence: string | null;
  inherited: boolean;
}

/** The requested actions of one language version, in reading order. */
export async function actionRows(db: Database, documentId: string, lang: Language): Promise<ActionRow[]> {
  return db.query<ActionRow>(sql`SELECT a.paragraph_id, p.eid, p.number, p.part, a.verb, a.verb_text, a.force, a.directive, a.addressees, a.addressee_text, a.actors, a.object,
                a.deadline_text, a.deadline_year, a.deadline_session, a.deadline_from::text AS deadline_from, a.deadline_to::text AS deadline_to,
                a.deadline_recurrence, a.inherited
         FROM requested_actions a JOIN document_paragraphs p ON p.id = a.paragraph_id JOIN document_versions v ON v.id = a.version_id
         WHERE v.document_id = ${documentId} AND v.lang = ${lang}
         ORDER BY p.position, a.id`);
}
