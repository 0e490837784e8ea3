// The statements of paragraph links: the matcher's suggestions and what people decided, kept
// across a re-ingest; the reads the API and the pages share; proposals and decisions. Three reads
// name another slice's table, for want of a read the owning slice publishes (listed in the
// issue-15 report): `elements` and `element_texts` (frameworks), `users` (accounts).
import { sql, join, pgTextArray, type Database } from '../store/index.ts';
import { searchConfig, type Language } from '../language/languages.ts';
import type { BlockKind } from './model.ts';
import type { LinkState, LinkType, ParagraphLink } from './link-model.ts';

/** Stores suggestions by `by` (the matcher); a link already there (confirmed, rejected, proposed) is left as it is. */
export async function insertSuggestions(
  tx: Database,
  rows: readonly { paragraph_id: number; element_id: string; score: number }[],
  type: LinkType,
  by: string,
): Promise<number> {
  const added = await tx.query<{ paragraph_id: number }>(
    sql`INSERT INTO paragraph_links (paragraph_id, element_id, type, state, score, suggested_by)
        SELECT k.paragraph_id, k.element_id, ${type}, 'suggested', k.score, ${by}
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS k (paragraph_id bigint, element_id text, score real)
        ON CONFLICT (paragraph_id, element_id) DO NOTHING
        RETURNING paragraph_id`,
  );
  return added.length;
}

interface KeptLink {
  eid: string;
  element_id: string;
  type: string;
  state: string;
  score: number | null;
  evidence: string | null;
  suggested_by: string;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** What people decided or proposed on a version about to be replaced (matcher suggestions are recomputed). */
export async function keptLinks(tx: Database, versionId: number): Promise<KeptLink[]> {
  return tx.query<KeptLink>(
    sql`SELECT p.eid, l.element_id, l.type, l.state, l.score, l.evidence, l.suggested_by, l.decided_by, l.decided_at, l.created_at
        FROM paragraph_links l JOIN document_paragraphs p ON p.id = l.paragraph_id
        WHERE p.version_id = ${versionId} AND (l.state <> 'suggested' OR l.suggested_by <> 'matcher')`,
  );
}

/** Puts kept links back on the new version's paragraphs with the same eid (a paragraph gone takes its links with it). */
export async function restoreLinks(tx: Database, versionId: number, kept: KeptLink[]): Promise<void> {
  if (kept.length === 0) return;
  await tx.query(
    sql`INSERT INTO paragraph_links (paragraph_id, element_id, type, state, score, evidence, suggested_by, decided_by, decided_at, created_at)
        SELECT p.id, k.element_id, k.type, k.state, k.score, k.evidence, k.suggested_by, k.decided_by, k.decided_at, k.created_at
        FROM jsonb_to_recordset(${JSON.stringify(kept)}::jsonb) AS k (eid text, element_id text, type text, state text, score real,
               evidence text, suggested_by text, decided_by text, decided_at timestamptz, created_at timestamptz)
        JOIN document_paragraphs p ON p.version_id = ${versionId} AND p.eid = k.eid
        ON CONFLICT (paragraph_id, element_id) DO NOTHING`,
  );
}

interface LinkRow {
  paragraph_id: number;
  eid: string;
  number: string | null;
  pkind: BlockKind;
  plang: Language;
  ptext: string;
  preamble: number | string | null;
  document_id: string;
  symbol: string | null;
  element_id: string;
  ekind: string;
  code: string;
  title: string | null;
  etext: string | null;
  elang: Language | null;
  type: LinkType;
  state: LinkState;
  score: number | null;
  evidence: string | null;
  suggested_by: string;
  suggested_by_name: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** The columns of a link, its paragraph and document, and its element's text in the paragraph's language (else English). */
const LINK_COLUMNS = sql`l.paragraph_id, p.eid, p.number, p.kind AS pkind, p.lang AS plang, p.text AS ptext, p.document_id, d.symbol,
  CASE WHEN p.kind = 'preambular' THEN (SELECT count(*) FROM document_paragraphs q
    WHERE q.version_id = p.version_id AND q.kind = 'preambular' AND q.position <= p.position) END AS preamble,
  l.element_id, e.kind AS ekind, e.code, et.title, et.text AS etext, et.lang AS elang,
  l.type, l.state, l.score, l.evidence, l.suggested_by, u.name AS suggested_by_name, l.decided_by, l.decided_at::text AS decided_at, l.created_at::text AS created_at`;

const LINK_FROM = sql`paragraph_links l JOIN document_paragraphs p ON p.id = l.paragraph_id JOIN documents d ON d.id = p.document_id
  JOIN elements e ON e.id = l.element_id LEFT JOIN users u ON u.id = l.suggested_by
  LEFT JOIN LATERAL (SELECT t.title, t.text, t.lang FROM element_texts t WHERE t.element_id = e.id
                     ORDER BY (t.lang = p.lang) DESC, (t.lang = 'en') DESC LIMIT 1) et ON true`;

function present(r: LinkRow): ParagraphLink {
  return {
    paragraph: {
      id: Number(r.paragraph_id),
      eid: r.eid,
      number: r.number,
      kind: r.pkind,
      lang: r.plang,
      text: r.ptext,
      preamble: r.preamble === null ? null : Number(r.preamble),
    },
    document: { id: r.document_id, symbol: r.symbol },
    element: { id: r.element_id, kind: r.ekind, code: r.code, title: r.title, text: r.etext, lang: r.elang },
    type: r.type,
    state: r.state,
    score: r.score === null ? null : Number(r.score),
    evidence: r.evidence,
    suggestedBy: r.suggested_by,
    suggestedByName: r.suggested_by_name,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
  };
}

export interface LinkFilter {
  document?: string | undefined;
  lang?: Language | undefined;
  element?: string | undefined;
  /** With `element`: also links to the element's descendants. */
  descendants?: boolean;
  state?: LinkState | undefined;
  limit?: number;
  offset?: number;
}

/** Links, in document and reading order, filtered by document (and language), element, state. */
export async function listParagraphLinks(db: Database, filter: LinkFilter = {}): Promise<{ total: number; items: ParagraphLink[] }> {
  const where = [sql`true`];
  if (filter.document) where.push(sql`p.document_id = ${filter.document}`);
  if (filter.lang) where.push(sql`p.lang = ${filter.lang}`);
  if (filter.element)
    where.push(
      filter.descendants
        ? sql`(e.id = ${filter.element} OR e.ancestors @> ARRAY[${filter.element}]::text[])`
        : sql`e.id = ${filter.element}`,
    );
  if (filter.state) where.push(sql`l.state = ${filter.state}`);
  const rows = await db.query<LinkRow & { total: number }>(
    sql`SELECT ${LINK_COLUMNS}, count(*) OVER () AS total FROM ${LINK_FROM}
        WHERE ${join(where, ' AND ')}
        ORDER BY d.date DESC NULLS LAST, d.symbol, p.lang, p.position, l.score DESC NULLS LAST, l.element_id
        LIMIT ${filter.limit ?? 500} OFFSET ${filter.offset ?? 0}`,
  );
  return { total: Number(rows[0]?.total ?? 0), items: rows.map(present) };
}

export async function getParagraphLink(db: Database, paragraphId: number, elementId: string): Promise<ParagraphLink | null> {
  const [row] = await db.query<LinkRow>(
    sql`SELECT ${LINK_COLUMNS} FROM ${LINK_FROM} WHERE l.paragraph_id = ${paragraphId} AND l.element_id = ${elementId}`,
  );
  return row ? present(row) : null;
}

/** The display names of these users. */
export function userNames(db: Database, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>(sql`SELECT id, name FROM users WHERE id = ANY(${pgTextArray([...ids])}::text[])`);
}

/**
 * For each (paragraph, element) pair, the stems the paragraph (or its twin in `lang`) shares with
 * the element's text in `lang`, and that text with them between the sentinels `marks`.
 */
export function sharedWordRows(
  db: Database,
  lang: Language,
  pairs: readonly { paragraph_id: number; element_id: string }[],
  marks: { open: string; close: string },
): Promise<{ paragraph_id: number; element_id: string; marked: string | null; shared: number }[]> {
  return db.query<{ paragraph_id: number; element_id: string; marked: string | null; shared: number }>(
    sql`WITH pairs AS (
          SELECT k.paragraph_id, k.element_id, et.title, et.text, et.search AS esearch,
                 CASE WHEN p.lang = ${lang} THEN p.search
                      ELSE (SELECT tw.search FROM document_paragraphs tw JOIN document_versions tv ON tv.id = tw.version_id AND tv.lang = ${lang}
                            WHERE tw.document_id = p.document_id AND tw.eid = p.eid LIMIT 1) END AS psearch
          FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS k (paragraph_id bigint, element_id text)
          JOIN document_paragraphs p ON p.id = k.paragraph_id
          JOIN element_texts et ON et.element_id = k.element_id AND et.lang = ${lang}),
        shared AS (
          SELECT paragraph_id, element_id, title, text,
                 ARRAY(SELECT unnest(tsvector_to_array(esearch)) INTERSECT SELECT unnest(tsvector_to_array(psearch))) AS words
          FROM pairs)
        SELECT paragraph_id, element_id, cardinality(words) AS shared,
               CASE WHEN cardinality(words) > 0 THEN
                 ts_headline(${searchConfig[lang]}::regconfig, coalesce(title || ' — ', '') || coalesce(text, ''),
                             array_to_string(ARRAY(SELECT quote_literal(w) FROM unnest(words) w), ' | ')::tsquery,
                             ${`HighlightAll=true, StartSel=${marks.open}, StopSel=${marks.close}`})
               ELSE coalesce(title || ' — ', '') || coalesce(text, '') END AS marked
        FROM shared`,
  );
}

/** Whether a paragraph is stored. */
export async function paragraphExists(tx: Database, paragraphId: number): Promise<boolean> {
  const [paragraph] = await tx.query<{ id: number }>(sql`SELECT id FROM document_paragraphs WHERE id = ${paragraphId}`);
  return Boolean(paragraph);
}

/** The kind of a framework element, when it exists. */
export async function elementKind(tx: Database, elementId: string): Promise<string | undefined> {
  const [element] = await tx.query<{ id: string; kind: string }>(sql`SELECT id, kind FROM elements WHERE id = ${elementId}`);
  return element?.kind;
}

/** The link's state, type and proposer, locked until the transaction ends. */
export async function lockLink(
  tx: Database,
  paragraphId: number,
  elementId: string,
): Promise<{ state: LinkState; type: LinkType; suggested_by: string } | undefined> {
  const [existing] = await tx.query<{ state: LinkState; type: LinkType; suggested_by: string }>(
    sql`SELECT state, type, suggested_by FROM paragraph_links
        WHERE paragraph_id = ${paragraphId} AND element_id = ${elementId} FOR UPDATE`,
  );
  return existing;
}

interface ProposalRow {
  paragraphId: number;
  elementId: string;
  type: LinkType;
  evidence: string;
}

/** A suggestion becomes the proposal of `by`, with its type and evidence. */
export async function adoptSuggestion(tx: Database, proposal: ProposalRow, by: string): Promise<void> {
  await tx.query(
    sql`UPDATE paragraph_links SET type = ${proposal.type}, evidence = ${proposal.evidence}, suggested_by = ${by}
        WHERE paragraph_id = ${proposal.paragraphId} AND element_id = ${proposal.elementId}`,
  );
}

/** Stores a new proposal of `by`. */
export async function insertProposal(tx: Database, proposal: ProposalRow, by: string): Promise<void> {
  await tx.query(
    sql`INSERT INTO paragraph_links (paragraph_id, element_id, type, state, evidence, suggested_by)
        VALUES (${proposal.paragraphId}, ${proposal.elementId}, ${proposal.type}, 'suggested', ${proposal.evidence}, ${by})`,
  );
}

/** Records a reviewer's decision on the link. */
export async function setDecision(
  tx: Database,
  paragraphId: number,
  elementId: string,
  decision: { state: LinkState; type: LinkType; by: string },
): Promise<void> {
  await tx.query(
    sql`UPDATE paragraph_links SET state = ${decision.state}, type = ${decision.type}, decided_by = ${decision.by}, decided_at = now()
        WHERE paragraph_id = ${paragraphId} AND element_id = ${elementId}`,
  );
}
