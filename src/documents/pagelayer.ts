// The page layer of plain text and of text extracted from PDFs (UN-DOCUMENTS.md §0.1, §5.1):
// running heads, job numbers, barcodes, page markers and footnote blocks are removed (footnotes
// kept apart) before the document layer is parsed, and the lines are grouped into blocks.
import type { Language } from '../language/languages.ts';
import type { RawBlock, RawFootnote, ReadWarning } from './model.ts';
import { footnoteCall, markSuperscriptCalls, SUPERSCRIPT } from './text.ts';

/** A job number such as "23-25902 (E)", often followed by a date and a barcode "*2325902*". */
const JOB_NUMBER = /^\s*\d{2}-\d{5}(?:\s*\([EFSRCA]\))?(?:\s+\d{6})?(?:\s+\*\d{7,}\*)?\s*$/;
const BARCODE = /^\s*\*\d{7,}\*\s*$/;
/** "3/20": page n of N (also "Page 3 of 20"). Never a reference: it stands alone on its line. */
const PAGE_MARKER = /^\s*(?:\d{1,3}\s*\/\s*\d{1,3}|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)\s*$/i;
/** A rule of five or more underscores opens a footnote block at the foot of a page. */
const RULE = /^\s*_{5,}\s*$/;
/** A footnote line in PDF text: "1 Resolutions 56/183 …", "(1) القرار …", "¹ See …". */
const FOOTNOTE_LINE = /^\s*(?:\((\d{1,3})\)|(\d{1,3})(?=\s)|([⁰¹²³⁴-⁹]{1,3}))\s*(\S.*)$/;
/** Arabic PDF/OCR text gives the footnote number at the end when a Latin run is stored in visual order. */
const REVERSED_FOOTNOTE = /^(.*\p{Script=Latin}.*?)\s*\((\d{1,3})\)\s*$/u;

/**
 * A line that starts a new structural unit: a paragraph number ("12.", Arabic "12 -" or "- 12 -"),
 * a sub-paragraph marker, a report section number ("2.3<tab>"), a bullet.
 */
export const STRUCTURAL_START =
  /^\s*(?:\d{1,3}\.\s|-?\s*\d{1,3}\s*-\s|\d{1,2}(?:\.\d{1,2}){0,3}\t|\((?:[a-z]{1,2}|[ivxl]{1,6}|[\u0621-\u064A]{1,2}ـ?)\)\s|(?:[a-z]|[ivx]{1,5})\)\s|[-–•·▪]\t|\t)/u;

/**
 * What a page break looks like in this text: a form feed (pdf.js, whose blank lines are only
 * vertical gaps) or, where there is none, an empty line (PyMuPDF: blank lines inside a page hold a space).
 */
function pageBreakTest(lines: readonly string[]): (line: string) => boolean {
  return lines.some((l) => l.includes('\f')) ? (line) => line.includes('\f') : (line) => line === '';
}
/** A document symbol alone on its line ("A/RES/79/1", "E/CN.16/2024/2"). */
const LONE_SYMBOL = /^(?:[A-Z]{1,5}\/)+[\w.()-]+(?:\/[\w.()-]+)*$/;
/** A page-number or job-number line: what anchors a running head to a page break. */
const isAnchor = (line: string) => PAGE_MARKER.test(line) || JOB_NUMBER.test(line);
/** Lines that are never page furniture, whatever repeats: paragraph and sub-paragraph markers. */
const isStructuralLine = (line: string) => STRUCTURAL_START.test(`${line.trim()} `) || /^\(?[a-z\u0621-\u064A]{1,4}\)$/i.test(line.trim());
/** How far (in lines) a running head reaches from its page break: symbol, three title lines, job number, page number. */
const HEAD_REACH = 9;

/**
 * The running heads and feet, found by position (UN-DOCUMENTS.md §5.1): the lines between a page
 * break and the page or job number that belongs to it (symbol, short title wrapped over lines,
 * "Error! No document variable supplied."), in either order. A head line so learnt is also removed
 * where it recurs right at another page break. Text with no page numbers (no anchor at all) falls
 * back on repetition: a short line seen three times, or a lone symbol seen twice, is a running
 * head after its first occurrence. Structural lines ("(a)", "1.") are never furniture.
 *
 * @returns the indices of the lines to drop.
 */
export function pageFurniture(lines: readonly string[]): Set<number> {
  const isPageBreak = pageBreakTest(lines);
  const drop = new Set<number>();
  const heads = new Set<string>();
  const take = (from: number, to: number) => {
    for (let k = from; k <= to; k++) {
      const line = lines[k] ?? '';
      if (isPageBreak(line) || isStructuralLine(line)) continue;
      drop.add(k);
      if (line.trim() && !isAnchor(line.trim())) heads.add(line.trim());
    }
  };
  let anchors = 0;
  lines.forEach((line, i) => {
    if (!isAnchor(line.trim())) return;
    anchors++;
    drop.add(i);
    for (let k = i - 1; k >= Math.max(0, i - HEAD_REACH); k--) {
      if (isPageBreak(lines[k] ?? '')) return take(k + 1, i - 1);
      if (isStructuralLine(lines[k] ?? '')) break;
    }
    for (let k = i + 1; k <= Math.min(lines.length - 1, i + HEAD_REACH); k++) {
      if (isPageBreak(lines[k] ?? '')) return take(i + 1, k - 1);
      if (isStructuralLine(lines[k] ?? '')) break;
    }
  });
  if (anchors > 0) {
    // A head line next to a page break that had no page number of its own: one learnt above, the
    // document's symbol standing alone (seen elsewhere too), or a line found at two page breaks.
    const counts = new Map<string, number>();
    for (const line of lines) counts.set(line.trim(), (counts.get(line.trim()) ?? 0) + 1);
    const atBreaks = new Map<string, number>();
    const edges: number[][] = [];
    lines.forEach((line, i) => {
      if (!isPageBreak(line)) return;
      for (const dir of [1, -1]) {
        const edge: number[] = [];
        for (let k = i + dir; k >= 0 && k < lines.length && edge.length < 3; k += dir) {
          if (isPageBreak(lines[k] ?? '')) break;
          if ((lines[k] ?? '').trim() && !drop.has(k)) edge.push(k);
        }
        edges.push(edge);
        for (const k of edge) atBreaks.set((lines[k] ?? '').trim(), (atBreaks.get((lines[k] ?? '').trim()) ?? 0) + 1);
      }
    });
    for (const edge of edges) {
      for (const k of edge) {
        const t = (lines[k] ?? '').trim();
        const head = heads.has(t) || (LONE_SYMBOL.test(t) && (counts.get(t) ?? 0) >= 2) || ((atBreaks.get(t) ?? 0) >= 2 && t.length <= 120);
        if (!head || isStructuralLine(t)) break;
        drop.add(k);
      }
    }
    return drop;
  }
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = line.trim();
    if (key.length > 0 && key.length <= 120 && !/^[\d\s().-]+$/.test(key) && !isStructuralLine(key))
      counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const key = line.trim();
    const loneSymbol = LONE_SYMBOL.test(key);
    if ((counts.get(key) ?? 0) >= 3 || (loneSymbol && (counts.get(key) ?? 0) >= 2)) {
      if (seen.has(key)) drop.add(i);
      seen.add(key);
    }
  });
  return drop;
}

/**
 * A labelled, numbered line that heads what follows ("Action 6. We will invest in people…",
 * "Objective 1. Close all digital divides…"): starts a block when the line before it ends a sentence.
 */
export const LABELLED_START = /^\s*\p{Lu}\p{Ll}+\s+\d{1,3}\.\s+\S/u;

export interface PageLayerResult {
  blocks: RawBlock[];
  footnotes: RawFootnote[];
  warnings: ReadWarning[];
}

/** Puts a footnote text given in visual order back in logical order ("، المرفق A/HRC/17/31" → "A/HRC/17/31، المرفق"). */
function logicalFootnoteText(text: string): string {
  const m = /^([.,،])\s*(.*?)\s*(\p{Script=Latin}.*)$/u.exec(text);
  if (!m) return text;
  const [, punct = '', arabic = '', latin = ''] = m;
  return arabic ? `${latin}${punct} ${arabic}` : `${latin}${punct}`;
}

/**
 * Strips the page layer and groups lines into blocks. `lang` matters for Arabic, whose PDF and
 * OCR text marks footnotes "(1)" at the start of a line or, in visual order, at its end.
 */
export function stripPageLayer(input: string, lang: Language): PageLayerResult {
  const warnings: ReadWarning[] = [];
  const lines = input.replace(/\r\n?/g, '\n').split('\n');

  const furniture = pageFurniture(lines);
  const isPageBreak = pageBreakTest(lines);
  const blocks: RawBlock[] = [];
  const footnotes: RawFootnote[] = [];
  let current: string[] = [];
  let inFootnotes = false;
  // Held in an object: the closure below assigns it, which TypeScript's narrowing cannot see.
  const open: { note: RawFootnote | null } = { note: null };

  const nonEmpty = lines.filter((l) => l.trim().length > 0 && !l.includes('\f'));
  const lengths = nonEmpty.map((l) => l.trim().length).sort((a, b) => a - b);
  // Text with one paragraph per line (word-processor exports, seeds 002-004) versus text wrapped
  // at a page width (PDF text layer): in the first, every line is a block.
  // Wrapped text ends most lines mid-sentence (about a quarter end in punctuation); text with one
  // paragraph per line ends most of them with a sentence or clause, even when the lines are short.
  const terminated = nonEmpty.filter((l) => /[.,;:،؛。，；：]\s*$/.test(l)).length / Math.max(1, nonEmpty.length);
  const linePerParagraph = (lengths[Math.floor(lengths.length / 2)] ?? 0) > 160 || terminated >= 0.55;

  // Set at a page break, cleared by the first block of the new page, which carries it.
  let pageBreak = false;
  let currentAfterBreak = false;
  const flush = () => {
    if (current.length > 0)
      blocks.push(currentAfterBreak ? { text: current.join('\n'), afterPageBreak: true } : { text: current.join('\n') });
    current = [];
    currentAfterBreak = false;
  };
  const addFootnote = (n: number, text: string) => {
    open.note = { number: n, text, after: blocks.length - 1 + (current.length > 0 ? 1 : 0) };
    footnotes.push(open.note);
  };

  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.replace(/\f/g, '');
    const trimmed = line.trim();
    if (rawLine.includes('\f')) inFootnotes = false;
    if (isPageBreak(rawLine)) pageBreak = true;
    if (trimmed.length === 0) {
      if (!inFootnotes) flush();
      open.note = null;
      continue;
    }
    if (furniture.has(index) || JOB_NUMBER.test(trimmed) || BARCODE.test(trimmed) || PAGE_MARKER.test(trimmed)) {
      // The page break ends the footnote block of the page before.
      inFootnotes = false;
      open.note = null;
      continue;
    }
    if (RULE.test(trimmed)) {
      inFootnotes = true;
      open.note = null;
      continue;
    }
    if (inFootnotes) {
      const m = FOOTNOTE_LINE.exec(trimmed);
      if (m) {
        const n = Number(m[1] ?? m[2] ?? [...(m[3] ?? '')].map((d) => SUPERSCRIPT[d] ?? '').join(''));
        addFootnote(n, m[4] ?? '');
        continue;
      }
      if (open.note) {
        open.note.text += ` ${trimmed}`;
        continue;
      }
      // Not a footnote after all (an ITU cover box also uses a rule before its References).
      inFootnotes = false;
    }
    if (lang === 'ar') {
      // Arabic PDFs and OCR give footnotes as "(1) text" lines between paragraphs, or with the
      // number last when the line holds a Latin run in visual order.
      const lead = /^\((\d{1,3})\)\s+(\S.*)$/.exec(trimmed);
      const trail = lead ? null : REVERSED_FOOTNOTE.exec(trimmed);
      if (lead || (trail && trimmed.length < 200)) {
        flush();
        const n = Number(lead ? lead[1] : trail?.[2]);
        addFootnote(n, logicalFootnoteText(lead ? (lead[2] ?? '') : (trail?.[1] ?? '')));
        open.note = null;
        continue;
      }
    }
    open.note = null;
    // The line before ends a sentence, perhaps with a footnote call ("…New Agenda for Peace.12").
    const labelled = LABELLED_START.test(line) && /[.;:](?:\d{1,3}|[⁰¹²³⁴-⁹]{1,3})?\s*$/.test(current[current.length - 1] ?? '');
    if (current.length > 0 && (linePerParagraph || STRUCTURAL_START.test(line) || labelled)) flush();
    if (current.length === 0 && pageBreak) currentAfterBreak = true;
    pageBreak = false;
    current.push(line);
  }
  flush();

  for (const f of footnotes) f.text = markSuperscriptCalls(f.text.trim()).replace(/\uE000\d+\uE001/g, '');
  for (const b of blocks) b.text = markSuperscriptCalls(b.text);
  return { blocks, footnotes, warnings };
}

/**
 * Marks a plain-digit footnote call ("issue,1") as a sentinel once the footnote numbers are known.
 * `spaced` also accepts a call set apart by a space ("Compact”, 1 in which", "Disabilities 7
 * affirms"), except after words that a number legitimately follows (paragraph 7, Goal 7, annex 1).
 */
export function markInferredCall(text: string, n: number, spaced = false): string | null {
  const re = spaced
    ? new RegExp(`(?<=[\\p{L}.,;:)”’"»]) ${n}(?=[\\s,.;:]|$)`, 'gu')
    : // Glued to a word or to a year ("30 June 20253" is 2025 and note 3).
      new RegExp(`(?<=[\\p{L}.,;:)”’"»]|\\b(?:19|20)\\d\\d)${n}(?=[\\s,.;:]|$)`, 'u');
  for (const m of text.matchAll(new RegExp(re.source, 'gu'))) {
    const before = text.slice(0, m.index);
    // After a word that numbers things ("Plan of Action 18"), only when the note before it is called in the same text.
    if (spaced && NUMBERED_NOUN.test(before) && !text.includes(footnoteCall(n - 1))) continue;
    return before + (spaced ? ' ' : '') + footnoteCall(n) + text.slice(m.index + m[0].length);
  }
  return null;
}

/** Words a number follows as part of the text, not as a footnote call. */
const NUMBERED_NOUN =
  /(?:\b(?:paragraphs?|paras?|resolutions?|decisions?|Goals?|targets?|articles?|Articles?|annex(?:es)?|Annex|chapters?|Chapter|sections?|Section|rules?|principles?|Principle|items?|pages?|objectives?|Objective|actions?|Action|Nos?|and|or|to|of|from|through|in|at|by|on|than|about|some|over|under|per|with|session|part|Part|[A-Z]{2,}\/?\S*)|\b(?:paras?|chap|sect|art|Nos?|vol|pp?)\.|\d|\/)$/;
