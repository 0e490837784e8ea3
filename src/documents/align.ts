// Alignment of two language versions of one document, paragraph by paragraph (issue 3, item 6):
// numbered paragraphs by their number (within their part, sub-paragraphs under their
// paragraph), unnumbered ones (preambular paragraphs, headings) by order, and text similarity
// across languages as the tie-breaker (digits, symbols and Latin names survive translation;
// lengths stay in proportion). A dynamic-programming alignment, so a block missing from one
// version leaves a gap instead of shifting everything after it.

/** What alignment needs of a paragraph. */
export interface AlignableBlock {
  kind: string;
  number: string | null;
  part: string;
  /** The enclosing paragraph's eid (sub-paragraphs), or null. */
  parent: string | null;
  text: string;
}

export interface AlignedPair<T> {
  a: T | null;
  b: T | null;
  /** How the pair was made: `number`, `order` (same kind, similar text) or `gap`. */
  by: 'number' | 'order' | 'gap';
}

const GAP = -1;
const NEVER = -1e9;

function group(kind: string): string {
  if (kind === 'heading' || kind === 'section' || kind === 'annex-title') return 'heading';
  if (kind === 'preface' || kind === 'title' || kind === 'enacting-formula' || kind === 'closing' || kind === 'chapeau') return 'frame';
  return kind;
}

/** Tokens that read the same in every language: numbers, symbols (A/RES/70/125), Latin acronyms. */
function anchors(text: string): Set<string> {
  return new Set(text.match(/[A-Z]{2,}[A-Z0-9./-]*|\d+(?:[/.]\d+)*/g) ?? []);
}

/** Cross-language similarity in [0, 1]: shared anchors and the proportion of the lengths. */
export function crossLanguageSimilarity(a: string, b: string): number {
  const x = anchors(a);
  const y = anchors(b);
  let shared = 0;
  for (const token of x) if (y.has(token)) shared++;
  const union = x.size + y.size - shared;
  const anchorScore = union ? shared / union : 0.5;
  const lengths = Math.min(a.length, b.length) / Math.max(a.length, b.length, 1);
  return 0.5 * anchorScore + 0.5 * lengths;
}

function parentNumber<T extends AlignableBlock>(block: T, byEid: Map<string, T>): string {
  return block.parent ? (byEid.get(block.parent)?.number ?? '') : '';
}

/** Aligns two block lists with a pair score (NEVER: may not pair; given the indices too); gaps cost GAP. */
function alignWith<T extends { number: string | null }>(
  a: T[],
  b: T[],
  score: (x: T, y: T, i: number, j: number) => number,
): AlignedPair<T>[] {
  const n = a.length;
  const m = b.length;
  // best[i][j]: the best score aligning a[i..] with b[j..].
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      const row = best[i]!;
      let value = NEVER;
      if (i < n) value = Math.max(value, GAP + best[i + 1]![j]!);
      if (j < m) value = Math.max(value, GAP + row[j + 1]!);
      if (i < n && j < m) {
        const s = score(a[i]!, b[j]!, i, j);
        if (s > NEVER) value = Math.max(value, s + best[i + 1]![j + 1]!);
      }
      row[j] = value;
    }
  }
  const out: AlignedPair<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = best[i]![j]!;
    if (i < n && j < m) {
      const s = score(a[i]!, b[j]!, i, j);
      if (s > NEVER && Math.abs(s + best[i + 1]![j + 1]! - here) < 1e-9) {
        out.push({ a: a[i]!, b: b[j]!, by: a[i]!.number !== null && a[i]!.number === b[j]!.number ? 'number' : 'order' });
        i++;
        j++;
        continue;
      }
    }
    if (i < n && Math.abs(GAP + best[i + 1]![j]! - here) < 1e-9) {
      out.push({ a: a[i]!, b: null, by: 'gap' });
      i++;
    } else {
      out.push({ a: null, b: b[j]!, by: 'gap' });
      j++;
    }
  }
  return out;
}

/** Body text kinds that pair with one another when one version prints no paragraph numbers. */
const BODY = new Set(['operative', 'preambular', 'subparagraph', 'paragraph', 'text', 'list-item']);

/**
 * A prior on position for blocks paired by order: blocks at the same place in both versions are
 * likelier pairs, so an excerpt (a web page giving the first paragraphs) aligns to the start of
 * the full text instead of wherever a paragraph happens to look alike.
 */
const positionPrior = (i: number, j: number) => 1 / (1 + Math.abs(i - j) / 4);

/**
 * Aligns version `b` to version `a` (two languages of one document). Numbered paragraphs pair by
 * number; unnumbered blocks by order, kind, text similarity and position. When one version prints
 * no numbers at all (the un.org web pages of the GDC), its blocks pair with the other's numbered
 * paragraphs by order.
 *
 * @example
 * alignVersions(english, french).filter((p) => p.by === 'gap'); // blocks in one version only
 */
export function alignVersions<T extends AlignableBlock & { eid: string }>(a: T[], b: T[]): AlignedPair<T>[] {
  const eidsA = new Map(a.map((x) => [x.eid, x]));
  const eidsB = new Map(b.map((x) => [x.eid, x]));
  const unnumberedVersion = !a.some((x) => x.number !== null) || !b.some((y) => y.number !== null);
  return alignWith(a, b, (x, y, i, j) => {
    const byOrder = () => 1 + 3 * crossLanguageSimilarity(x.text, y.text) + positionPrior(i, j);
    if (unnumberedVersion && BODY.has(x.kind) && BODY.has(y.kind) && (x.number === null) !== (y.number === null)) return byOrder();
    if (group(x.kind) !== group(y.kind) || x.part !== y.part) return NEVER;
    if (x.number !== null || y.number !== null) {
      if (x.number === null || y.number === null) return NEVER;
      if (x.number !== y.number || parentNumber(x, eidsA) !== parentNumber(y, eidsB)) return NEVER;
      return 10;
    }
    return byOrder();
  });
}

const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Share of words two texts in one language have in common (Jaccard), in [0, 1]. */
export function wordSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const union = x.size + y.size - shared;
  return union ? shared / union : 1;
}

/**
 * Aligns two revisions of a text in one language (zero draft and Rev.1, last year's resolution
 * and this year's): paragraphs are renumbered between revisions, so the words decide, not the
 * numbers; a paragraph pairs with another of its kind that shares enough of its words.
 */
export function alignRevisions<T extends AlignableBlock>(a: T[], b: T[]): AlignedPair<T>[] {
  return alignWith(a, b, (x, y) => {
    if (group(x.kind) !== group(y.kind)) return NEVER;
    const similarity = wordSimilarity(x.text, y.text);
    return similarity < 0.3 ? NEVER : 4 * similarity;
  });
}
