// Versions of one text: a zero draft and its revision, or last year's resolution on an agenda
// item and this year's. Paragraphs are paired by their words (alignRevisions), never by their
// numbers: a paragraph inserted as 3 turns old 3..n into 4..n+1, and those keep their text, so
// they show as renumbered (old -> new), not as changed. Each reworded pair is diffed word by word.
import { diffWords } from 'diff';
import type { Database } from '../store/index.ts';
import type { Language } from '../language/languages.ts';
import { alignRevisions } from './align.ts';
import { getParagraphs, type ParagraphView } from './service.ts';

export interface Change {
  value: string;
  added: boolean;
  removed: boolean;
}

export const revisionStatuses = ['unchanged', 'renumbered', 'changed', 'added', 'removed'] as const;

export interface RevisionPair {
  /** `renumbered`: the same text under another number; `changed`: reworded (maybe renumbered too). */
  status: (typeof revisionStatuses)[number];
  before: ParagraphView | null;
  after: ParagraphView | null;
  /** Word-level changes from `before` to `after` (for changed pairs; empty otherwise). */
  changes: Change[];
}

/** Equal but for spacing (a re-flowed line is not a change). */
const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * Pairs the paragraphs of two revisions and diffs each reworded pair word by word.
 *
 * @example
 * diffRevisions(draft, rev1).filter((p) => p.status === 'renumbered'); // old 3 -> new 4, ...
 */
export function diffRevisions(before: ParagraphView[], after: ParagraphView[]): RevisionPair[] {
  return alignRevisions(before, after).map((pair) => {
    if (!pair.a) return { status: 'added', before: null, after: pair.b, changes: [] };
    if (!pair.b) return { status: 'removed', before: pair.a, after: null, changes: [] };
    if (sameText(pair.a.text, pair.b.text))
      return { status: pair.a.number === pair.b.number ? 'unchanged' : 'renumbered', before: pair.a, after: pair.b, changes: [] };
    const changes = diffWords(pair.a.text, pair.b.text).map((c) => ({
      value: c.value,
      added: Boolean(c.added),
      removed: Boolean(c.removed),
    }));
    return { status: 'changed', before: pair.a, after: pair.b, changes };
  });
}

/**
 * The changes from one stored document to another, in one language (null when either lacks it).
 *
 * @example
 * const pairs = await diffDocuments(db, 'a-res-78-132', 'a-res-79-194', 'en');
 */
export async function diffDocuments(db: Database, beforeId: string, afterId: string, lang: Language): Promise<RevisionPair[] | null> {
  const [before, after] = [await getParagraphs(db, beforeId, lang), await getParagraphs(db, afterId, lang)];
  if (before.length === 0 || after.length === 0) return null;
  return diffRevisions(before, after);
}
