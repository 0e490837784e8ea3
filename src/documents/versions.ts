// Versions of one text: a zero draft and its revision, or last year's resolution on an agenda
// item and this year's. Paragraphs are paired by their words (alignRevisions), then each pair is
// diffed word by word, so the page can show what was added, removed or reworded.
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

export interface RevisionPair {
  status: 'unchanged' | 'changed' | 'added' | 'removed';
  before: ParagraphView | null;
  after: ParagraphView | null;
  /** Word-level changes from `before` to `after` (for changed pairs; empty otherwise). */
  changes: Change[];
}

/** Pairs the paragraphs of two revisions and diffs each pair word by word. */
export function diffRevisions(before: ParagraphView[], after: ParagraphView[]): RevisionPair[] {
  return alignRevisions(before, after).map((pair) => {
    if (!pair.a) return { status: 'added', before: null, after: pair.b, changes: [] };
    if (!pair.b) return { status: 'removed', before: pair.a, after: null, changes: [] };
    if (pair.a.text === pair.b.text && pair.a.number === pair.b.number)
      return { status: 'unchanged', before: pair.a, after: pair.b, changes: [] };
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
