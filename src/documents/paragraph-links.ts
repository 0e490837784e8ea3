// Stored links from document paragraphs to framework elements (issue 3, item 8): the matcher's
// suggestions are stored when a language version is ingested; a contributor may propose one by
// hand, with evidence; a reviewer confirms (possibly retyping it) or rejects. Every decision is
// kept in the change history; a rejected link is never suggested again, and decisions survive a
// re-ingest of a changed text (carried over by the paragraph's eid).
import type { Database, Store } from '../store/index.ts';
import type { Language } from '../language/languages.ts';
import { escapeMarkup } from '../shared/escape.ts';
import { isReviewer, type User } from '../accounts/service.ts';
import { historyOf, recordChange } from '../provenance/history.ts';
import { Refusal } from '../shared/refusal.ts';
import { linkableKinds, versionSuggestions } from './links.ts';
import type { LinkState, LinkType, ParagraphLink } from './link-model.ts';
import {
  adoptSuggestion,
  elementKind,
  getParagraphLink,
  insertProposal,
  insertSuggestions,
  lockLink,
  paragraphExists,
  setDecision,
  sharedWordRows,
  userNames,
} from './links-repository.ts';

// The link's model and its reads are the repository's; the API and the pages find them here too.
export { linkStates, linkTypes, type LinkState, type LinkType, type ParagraphLink } from './link-model.ts';
export { getParagraphLink, keptLinks, listParagraphLinks, restoreLinks, type LinkFilter } from './links-repository.ts';

/** The type the matcher gives: shared words say two texts are related, not how. */
const MATCHER_TYPE: LinkType = 'relates-to';
/** Elements the matcher stores per paragraph. */
const MATCHER_LIMIT = 3;
const HISTORY_ENTITY = 'paragraph-link';

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
  return insertSuggestions(tx, rows, MATCHER_TYPE, 'matcher');
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
  const names = new Map(people.length ? (await userNames(db, people)).map((u) => [u.id, u.name] as const) : []);
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
    const rows = await sharedWordRows(db, lang, pairs, { open: MARK_OPEN, close: MARK_CLOSE });
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
    if (!(await paragraphExists(tx, proposal.paragraphId))) throw new Refusal(404, 'links.error.noParagraph', 'paragraphId');
    const kind = await elementKind(tx, proposal.elementId);
    if (!kind || kind === 'topic') throw new Refusal(422, 'links.error.noElement', 'elementId');
    const existing = await lockLink(tx, proposal.paragraphId, proposal.elementId);
    if (existing && existing.state !== 'suggested')
      throw new Refusal(409, existing.state === 'rejected' ? 'links.error.rejected' : 'links.error.confirmed', 'elementId');
    // The person now vouches for the matcher's suggestion: it becomes theirs (the history keeps who came first).
    if (existing) await adoptSuggestion(tx, proposal, user.id);
    else await insertProposal(tx, proposal, user.id);
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
    const existing = await lockLink(tx, paragraphId, elementId);
    if (!existing) throw new Refusal(404, 'links.error.noLink');
    const state: LinkState = decision.decision === 'confirm' ? 'confirmed' : 'rejected';
    const type = decision.decision === 'confirm' ? (decision.type ?? existing.type) : existing.type;
    if (state === existing.state && type === existing.type) throw new Refusal(409, 'links.error.unchanged');
    await setDecision(tx, paragraphId, elementId, { state, type, by: reviewer.id });
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
