// Stored links from document paragraphs to framework elements (issue 3, item 8): the matcher's
// suggestions are stored when a language version is ingested; a contributor may propose one by
// hand, with evidence; a reviewer confirms (possibly retyping it) or rejects. Every decision is
// kept in the change history; a rejected link is never suggested again, and decisions survive a
// re-ingest of a changed text (carried over by the paragraph's eid).
import { sql, join, pgTextArray, type Database, type Store } from '../store/index.ts';
import { searchConfig, type Language } from '../language/languages.ts';
import { escapeMarkup } from '../shared/escape.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { historyOf, recordChange } from '../provenance/history.ts';
import { Refusal } from '../shared/refusal.ts';
import { linkableKinds, versionSuggestions } from './links.ts';
import type { BlockKind } from './model.ts';

export const linkTypes = ['contributes-to', 'measured-by', 'relates-to', 'same-as'] as const;
export type LinkType = (typeof linkTypes)[number];
export const linkStates = ['suggested', 'confirmed', 'rejected'] as const;
export type LinkState = (typeof linkStates)[number];

/** The type the matcher gives: shared words say two texts are related, not how. */
const MATCHER_TYPE: LinkType = 'relates-to';
/** Elements the matcher stores per paragraph. */
const MATCHER_LIMIT = 3;
const HISTORY_ENTITY = 'paragraph-link';

export interface ParagraphLink {
  paragraph: {
    id: number;
    eid: string;
    number: string | null;
    kind: BlockKind;
    lang: Language;
    text: string;
    /** A preambular paragraph's place among the preambular paragraphs of its version (1 for pp1): they print no number. */
    preamble: number | null;
  };
  document: { id: string; symbol: string | null };
  element: { id: string; kind: string; code: string; title: string | null; text: string | null; lang: Language | null };
  type: LinkType;
  state: LinkState;
  score: number | null;
  evidence: string | null;
  /** `matcher` or a user id. */
  suggestedBy: string;
  /** The display name of the person who proposed it; null for the matcher. */
  suggestedByName: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface LinkDecision {
  at: string;
  /** `matcher` or a user id; `byName` is the user's display name. */
  by: string;
  byName: string | null;
  action: 'suggest' | 'propose' | 'confirm' | 'reject';
  state: LinkState;
  type: LinkType;
  note: string | null;
}

/**
 * Stores the matcher's suggestions for the linkable paragraphs of one language version (inside
 * the ingest transaction). A link already there (confirmed, rejected, proposed) is left as it is.
 */
export async function storeMatcherSuggestions(tx: Database, versionId: number, lang: Language): Promise<number> {
  const rows = (await versionSuggestions(tx, versionId, lang, { limit: MATCHER_LIMIT, kinds: linkableKinds })).flatMap((item) =>
    item.suggestions.map((s) => ({ paragraph_id: item.paragraph.id, element_id: s.elementId, score: s.score })),
  );
  if (rows.length === 0) return 0;
  const added = await tx.query<{ paragraph_id: number }>(
    sql`INSERT INTO paragraph_links (paragraph_id, element_id, type, state, score, suggested_by)
        SELECT k.paragraph_id, k.element_id, ${MATCHER_TYPE}, 'suggested', k.score, 'matcher'
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

// ---------------------------------------------------------------------------------------------
// Reads

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

/** The history key of a link: stable across re-ingests (document, language, eid), unlike the paragraph's row id. */
function historyKey(link: ParagraphLink): string {
  return `${link.document.id}:${link.paragraph.lang}:${link.paragraph.eid}:${link.element.id}`;
}

/** Who suggested the link and every decision since, oldest first. */
export async function linkHistory(db: Database, link: ParagraphLink): Promise<LinkDecision[]> {
  // A link's decisions are public with the link: the public view of its history is all of it.
  const changes = await historyOf(db, HISTORY_ENTITY, historyKey(link), null);
  const people = [...new Set([link.suggestedBy, ...changes.map((c) => c.actor)])].filter((id) => id !== 'matcher');
  const names = new Map(
    people.length
      ? (await db.query<{ id: string; name: string }>(sql`SELECT id, name FROM users WHERE id = ANY(${pgTextArray(people)}::text[])`)).map(
          (u) => [u.id, u.name] as const,
        )
      : [],
  );
  const out: LinkDecision[] = [];
  // A matcher suggestion is one of many thousands: its row says when, no history row is written.
  const proposal = changes.find((c) => c.action === 'propose');
  const matcherFirst = proposal
    ? (proposal.before as { suggestedBy?: string } | null)?.suggestedBy === 'matcher'
    : link.suggestedBy === 'matcher';
  if (matcherFirst)
    out.push({ at: link.createdAt, by: 'matcher', byName: null, action: 'suggest', state: 'suggested', type: MATCHER_TYPE, note: null });
  for (const c of changes) {
    const after = (c.after ?? {}) as { state?: LinkState; type?: LinkType };
    out.push({
      at: c.at,
      by: c.actor,
      byName: names.get(c.actor) ?? null,
      action: c.action as LinkDecision['action'],
      state: after.state ?? 'suggested',
      type: after.type ?? MATCHER_TYPE,
      note: c.note,
    });
  }
  return out;
}

/** Why the matcher suggested a link: the element's whole text with the words it shares with the paragraph marked. */
export interface MatchExplanation {
  /** HTML-escaped element text (title — text) with <mark> around the shared words. */
  marked: string;
  /** How many distinct words (stems) the two texts share. */
  shared: number;
}

const MARK_OPEN = '\uE002';
const MARK_CLOSE = '\uE003';

/**
 * The words each matcher suggestion rests on (issue 16, item 7): the stems the paragraph (or,
 * for an element with an English text only, the paragraph's English twin) shares with the
 * element text, marked in the element's whole text. Keyed by `paragraphId:elementId`.
 */
export async function explainMatches(db: Database, links: readonly ParagraphLink[]): Promise<Map<string, MatchExplanation>> {
  const wanted = links.filter((l) => l.suggestedBy === 'matcher' && l.element.lang);
  const out = new Map<string, MatchExplanation>();
  for (const lang of new Set(wanted.map((l) => l.element.lang!))) {
    const pairs = wanted.filter((l) => l.element.lang === lang).map((l) => ({ paragraph_id: l.paragraph.id, element_id: l.element.id }));
    const rows = await db.query<{ paragraph_id: number; element_id: string; marked: string | null; shared: number }>(
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
                               ${`HighlightAll=true, StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`})
                 ELSE coalesce(title || ' — ', '') || coalesce(text, '') END AS marked
          FROM shared`,
    );
    for (const r of rows)
      out.set(`${Number(r.paragraph_id)}:${r.element_id}`, {
        marked: escapeMarkup(r.marked ?? '')
          .replaceAll(MARK_OPEN, '<mark>')
          .replaceAll(MARK_CLOSE, '</mark>'),
        shared: Number(r.shared),
      });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writes

export interface Proposal {
  paragraphId: number;
  elementId: string;
  type: LinkType;
  evidence: string;
}

/**
 * A signed-in contributor proposes a link, with evidence. A matcher suggestion for the same pair
 * takes the evidence and type; a link already decided is refused (409).
 */
export async function proposeLink(store: Store, user: User, proposal: Proposal): Promise<ParagraphLink> {
  return store.transaction(async (tx) => {
    const [paragraph] = await tx.query<{ id: number }>(sql`SELECT id FROM document_paragraphs WHERE id = ${proposal.paragraphId}`);
    if (!paragraph) throw new Refusal(404, 'links.error.noParagraph', 'paragraphId');
    const [element] = await tx.query<{ id: string; kind: string }>(sql`SELECT id, kind FROM elements WHERE id = ${proposal.elementId}`);
    if (!element || element.kind === 'topic') throw new Refusal(422, 'links.error.noElement', 'elementId');
    const [existing] = await tx.query<{ state: LinkState; type: LinkType; suggested_by: string }>(
      sql`SELECT state, type, suggested_by FROM paragraph_links
          WHERE paragraph_id = ${proposal.paragraphId} AND element_id = ${proposal.elementId} FOR UPDATE`,
    );
    if (existing && existing.state !== 'suggested')
      throw new Refusal(409, existing.state === 'rejected' ? 'links.error.rejected' : 'links.error.confirmed', 'elementId');
    if (existing)
      await tx.query(
        // The person now vouches for the matcher's suggestion: it becomes theirs (the history keeps who came first).
        sql`UPDATE paragraph_links SET type = ${proposal.type}, evidence = ${proposal.evidence}, suggested_by = ${user.id}
            WHERE paragraph_id = ${proposal.paragraphId} AND element_id = ${proposal.elementId}`,
      );
    else
      await tx.query(
        sql`INSERT INTO paragraph_links (paragraph_id, element_id, type, state, evidence, suggested_by)
            VALUES (${proposal.paragraphId}, ${proposal.elementId}, ${proposal.type}, 'suggested', ${proposal.evidence}, ${user.id})`,
      );
    const link = await getParagraphLink(tx, proposal.paragraphId, proposal.elementId);
    if (!link) throw new Error('the link was not stored');
    await recordChange(tx, {
      entity: HISTORY_ENTITY,
      entityId: historyKey(link),
      action: 'propose',
      actor: user.id,
      before: existing ? { state: existing.state, type: existing.type, suggestedBy: existing.suggested_by } : null,
      after: { state: 'suggested', type: proposal.type, evidence: proposal.evidence },
      note: proposal.evidence,
    });
    return link;
  });
}

export interface Decision {
  decision: 'confirm' | 'reject';
  /** On confirm: the type the reviewer settles on (default: the suggested one). */
  type?: LinkType | undefined;
  note?: string | undefined;
}

/**
 * A reviewer confirms (optionally retyping) or rejects a link. A decision may be revised (a
 * rejected link confirmed after all); a decision that changes nothing is refused (409).
 */
export async function decideLink(
  store: Store,
  reviewer: User,
  paragraphId: number,
  elementId: string,
  decision: Decision,
): Promise<ParagraphLink> {
  if (!isReviewer(reviewer)) throw new Refusal(403, 'links.error.reviewersOnly');
  return store.transaction(async (tx) => {
    const [existing] = await tx.query<{ state: LinkState; type: LinkType }>(
      sql`SELECT state, type FROM paragraph_links WHERE paragraph_id = ${paragraphId} AND element_id = ${elementId} FOR UPDATE`,
    );
    if (!existing) throw new Refusal(404, 'links.error.noLink');
    const state: LinkState = decision.decision === 'confirm' ? 'confirmed' : 'rejected';
    const type = decision.decision === 'confirm' ? (decision.type ?? existing.type) : existing.type;
    if (state === existing.state && type === existing.type) throw new Refusal(409, 'links.error.unchanged');
    await tx.query(
      sql`UPDATE paragraph_links SET state = ${state}, type = ${type}, decided_by = ${reviewer.id}, decided_at = now()
          WHERE paragraph_id = ${paragraphId} AND element_id = ${elementId}`,
    );
    const link = await getParagraphLink(tx, paragraphId, elementId);
    if (!link) throw new Error('the link vanished');
    await recordChange(tx, {
      entity: HISTORY_ENTITY,
      entityId: historyKey(link),
      action: decision.decision,
      actor: reviewer.id,
      before: { state: existing.state, type: existing.type },
      after: { state, type },
      note: decision.note?.trim() || null,
    });
    return link;
  });
}
