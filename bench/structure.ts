// Structure benchmark (issue 12): the parser over the development set of PDF-extracted UN
// resolutions (../shared/data/un-docs-dev, read in place), against another team's reference
// segmentation (reference.json). Per document: the counts (preambular, top-level operative,
// sub-paragraphs, headings, footnotes) and the printed numbers, whether they match the reference,
// the page furniture found in any paragraph (checked independently of the parser), the time to
// parse, and where the two disagree, a verdict read from the text (VERDICTS below).
// Target: at least 90% of documents exact on preambular, operative and sub-paragraph counts and on
// the sequence of printed numbers; no paragraph anywhere with page furniture.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Block, UNDocument } from '../src/documents/model.ts';
import { readDocument } from '../src/documents/read.ts';
import { structureVersion } from '../src/documents/structure.ts';

const root = path.resolve(import.meta.dirname, '..');
export const devSetDir = path.resolve(root, '../shared/data/un-docs-dev');
const libraryDir = path.resolve(root, 'data/documents');

interface ReferenceDocument {
  symbol: string;
  file: string;
  counts: { preambular: number; operative: number; subparagraphs: number; headings: number };
  prefixes: string[];
  headings: string[];
}

export interface StructureCounts {
  preambular: number;
  /** Numbered top-level operative paragraphs of every part (the reference's definition). */
  operative: number;
  /** A single operative paragraph, or one opening an embedded document ("Adopts the following…:"), is unnumbered. */
  unnumberedOperative: number;
  subparagraphs: number;
  headings: number;
  footnotes: number;
}

/**
 * Who is right where the parser and the reference disagree, read from the text of each document
 * (the reference is another team's segmentation with its own conventions, SOURCES.md).
 */
const VERDICTS: Record<string, string> = {
  'A/RES/75/245':
    'Concord. The text has 6 preambular paragraphs: the reference also tags as preambular the single unnumbered operative paragraphs of sections A ("Approves, with effect from 1 January 2021…") and C ("Expresses appreciation…"), which Concord reads as unnumbered operative paragraphs, and the closing formula "48th (resumed) plenary meeting" and its date. Numbered paragraphs and their numbers agree.',
  'A/RES/78/243':
    'Concord. The text has 3 preambular paragraphs (Recalling…, Having considered…, Having also considered…); the reference counts the closing formula "50th (resumed) plenary meeting" and its date "22 December 2023" as two more.',
  'A/RES/78/282':
    'Concord. Paragraph 6 ("Requests the Secretary-General to establish…") is a top-level operative paragraph: the text prints "6." like the others; the reference put it at its catch-all level 5 (a sub-paragraph) because of invisible U+200D characters in its prefix, hence 6 operative + 1 sub-paragraph and the missing 6 in its numbers.',
  'A/RES/79/249':
    'Concord. The text has 4 preambular paragraphs; the reference counts the closing formula "55th (resumed) plenary meeting" and its date "24 December 2024" as two more.',
  'A/RES/79/254':
    'Concord. The text has 3 preambular paragraphs (the reference adds the closing formula "55th (resumed) plenary meeting" and its date) and 29 numbered paragraphs 1–29: the reference put paragraph 7 at its catch-all level 5 because of an invisible U+200E after "7.". Headings: the reference counts the roman numerals "I"–"IV" as headings of their own; Concord reads "I" and its title as one heading.',
};

const count = (doc: UNDocument, pred: (b: Block) => boolean) => doc.blocks.filter(pred).length;

/** Top-level operative paragraphs as the reference counts them: every numbered paragraph of every part. */
export function structureCounts(doc: UNDocument): StructureCounts {
  return {
    preambular: count(doc, (b) => b.kind === 'preambular'),
    operative: count(doc, (b) => b.kind === 'operative' && b.number !== null),
    unnumberedOperative: count(doc, (b) => b.kind === 'operative' && b.number === null),
    subparagraphs: count(doc, (b) => b.kind === 'subparagraph'),
    headings: count(doc, (b) => b.kind === 'heading' || b.kind === 'section'),
    footnotes: doc.footnotes.length,
  };
}

/**
 * Page furniture in paragraph text, found from the raw text alone (not with the parser's own
 * rules): job numbers, "n/N" page markers of this document, and running-head lines (lines that
 * recur within a few lines of a page marker) found in paragraphs more often than the text holds
 * them outside the page heads.
 */
export function furnitureIn(rawText: string, doc: UNDocument): { block: string; what: string }[] {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const lines = rawText.split('\n').map((l) => l.trim());
  const markers = new Set<string>();
  const near = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (!/^\d{1,3}\/\d{1,3}$/.test(line)) return;
    markers.add(line);
    for (let k = Math.max(0, i - 6); k <= Math.min(lines.length - 1, i + 6); k++) {
      const l = lines[k] ?? '';
      if (l.length >= 20 && !/^\d{1,3}\.|^\(/.test(l)) near.set(l, [...(near.get(l) ?? []), k]);
    }
  });
  const headLines = new Set<number>();
  const heads = [...near].filter(([, at]) => new Set(at).size >= 2);
  for (const [, at] of heads) for (const k of at) headLines.add(k);
  const body = squash(lines.filter((_, i) => !headLines.has(i)).join(' '));
  const paragraphs = doc.blocks.filter((b) => b.kind !== 'preface' && b.kind !== 'title');
  const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1;
  const found: { block: string; what: string }[] = [];
  for (const b of paragraphs) {
    const job = /\b\d{2}-\d{5}\b/.exec(b.text);
    if (job) found.push({ block: b.id, what: `job number ${job[0]}` });
    for (const m of markers)
      if (new RegExp(`(?:^|\\s)${m.replace('/', '\\/')}(?:\\s|$)`).test(b.text)) found.push({ block: b.id, what: `page marker ${m}` });
  }
  for (const [head] of heads) {
    const h = squash(head);
    const inParagraphs = paragraphs.filter((b) => squash(b.text).includes(h));
    const total = inParagraphs.reduce((n, b) => n + occurrences(squash(b.text), h), 0);
    if (total > occurrences(body, h)) for (const b of inParagraphs) found.push({ block: b.id, what: `running head "${h.slice(0, 60)}"` });
  }
  return found;
}

export async function benchStructure() {
  const reference = JSON.parse(await readFile(path.join(devSetDir, 'reference.json'), 'utf8')) as { documents: ReferenceDocument[] };
  const documents = [];
  let exact = 0;
  let furnitureTotal = 0;
  let parseMs = 0;
  let chars = 0;
  for (const ref of reference.documents) {
    const file = path.join(devSetDir, ref.file);
    const text = await readFile(file, 'utf8');
    const t0 = performance.now();
    const doc = await readDocument(new TextEncoder().encode(text), { fileName: ref.file, format: 'text' });
    const ms = performance.now() - t0;
    parseMs += ms;
    chars += text.length;
    const counts = structureCounts(doc);
    const numbers = doc.blocks.filter((b) => b.kind === 'operative' && b.number !== null).map((b) => b.number ?? '');
    const refNumbers = ref.prefixes.map((p) => p.replace(/[^\d\p{L}]/gu, ''));
    const match = {
      preambular: counts.preambular === ref.counts.preambular,
      operative: counts.operative === ref.counts.operative,
      subparagraphs: counts.subparagraphs === ref.counts.subparagraphs,
      numbers: numbers.join(' ') === refNumbers.join(' '),
    };
    const isExact = match.preambular && match.operative && match.subparagraphs && match.numbers;
    if (isExact) exact++;
    const furniture = furnitureIn(text, doc);
    furnitureTotal += furniture.length;
    documents.push({
      symbol: ref.symbol,
      parsedSymbol: doc.symbol,
      counts,
      reference: { ...ref.counts },
      numbers: numbers.join(' '),
      referenceNumbers: refNumbers.join(' '),
      exact: isExact,
      match,
      furniture,
      ms: Math.round(ms * 10) / 10,
      ...(isExact ? {} : { verdict: VERDICTS[ref.symbol] ?? 'not judged yet' }),
    });
  }
  // The shipped library: no furniture in any paragraph either (no reference counts for these).
  const library = [];
  for (const name of (await readdir(libraryDir)).filter((f) => f.endsWith('.en.txt')).sort()) {
    const text = await readFile(path.join(libraryDir, name), 'utf8');
    const doc = await readDocument(new TextEncoder().encode(text), { fileName: name, format: 'text' });
    const furniture = furnitureIn(text, doc);
    furnitureTotal += furniture.length;
    library.push({ file: name, symbol: doc.symbol, counts: structureCounts(doc), furniture });
  }
  const share = exact / reference.documents.length;
  return {
    structureVersion,
    devSet: path.relative(root, devSetDir),
    documents: reference.documents.length,
    exactDocuments: exact,
    exactShare: Math.round(share * 1000) / 1000,
    /** Documents exact, or where the text (read by hand, VERDICTS) shows the reference wrong. */
    agreedOrJudgedForConcord: documents.filter((d) => d.exact || (d.verdict ?? '').startsWith('Concord')).length,
    paragraphsWithFurniture: furnitureTotal,
    parseCharsPerSecond: Math.round(chars / (parseMs / 1000)),
    targets: { exactShareAtLeast90Percent: share >= 0.9, noFurniture: furnitureTotal === 0 },
    perDocument: documents,
    library,
  };
}
