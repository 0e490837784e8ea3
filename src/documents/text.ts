// Text helpers shared by the readers and the structure parser: footnote-call sentinels, the
// display-clean step for document text (on top of src/language/normalize.ts), digits, punctuation.
import { cleanForDisplay } from '../language/normalize.ts';

/**
 * Readers mark a footnote call in block text as U+E000 <number> U+E001 (private-use characters
 * never found in UN text), so that the structure parser can attach the footnote and remove the
 * call from the display text while keeping its offset.
 */
export const CALL_OPEN = '\uE000';
export const CALL_CLOSE = '\uE001';
export const footnoteCall = (n: number | string): string => `${CALL_OPEN}${n}${CALL_CLOSE}`;
const CALL_RE = /\uE000(\d{1,3})\uE001/g;

/** Removes footnote-call sentinels, returning the clean text and where each call was. */
export function extractCalls(text: string): { text: string; calls: { number: number; offset: number }[] } {
  const calls: { number: number; offset: number }[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CALL_RE)) {
    out += text.slice(last, m.index);
    calls.push({ number: Number(m[1]), offset: out.length });
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  return { text: out, calls };
}

/** Superscript digits as printed for footnote calls, to their ASCII digits. */
export const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/**
 * Superscript footnote markers ("¹²", and "⁽¹⁾" as Arabic PDFs and OCR give them, UN-DOCUMENTS.md
 * §3.1) become call sentinels. Must run before NFKC, which would turn them into plain "(1)".
 */
export function markSuperscriptCalls(text: string): string {
  return text.replace(/⁽?([⁰¹²³⁴-⁹]{1,3})⁾?/g, (_m, digits: string) => footnoteCall([...digits].map((d) => SUPERSCRIPT[d] ?? '').join('')));
}

const INDIC_DIGITS = /[٠-٩۰-۹]/g;
/** Arabic-Indic and Persian digits to ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(INDIC_DIGITS, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

// OCR of Arabic sometimes reads a final ت as the CJK character 特 (seed 004, six times, all in
// "الإنترن特"). The confusable map repairs the known case; any other CJK inside an Arabic word is
// dropped (UN-DOCUMENTS.md §3.1).
const ARABIC = '\\u0600-\\u06FF';
const CJK_IN_ARABIC = new RegExp(`(?<=[${ARABIC}])[\\u3400-\\u9FFF]+|[\\u3400-\\u9FFF]+(?=[${ARABIC}])`, 'g');
const CONFUSABLES: Record<string, string> = { 特: 'ت' };

/**
 * A word hyphenated at a line end ("capacity-\nbuilding", "High-\nlevel"): UN typesetting breaks
 * lines only at real hyphens, so the hyphen stays and the line break goes. A suspended hyphen
 * before a conjunction ("cross- and inter-regional") keeps its space.
 */
export const LINE_END_HYPHEN = /(\p{L})-[ \t]*\n\s*(?=\p{L})(?!(?:and|or|nor|et|ou|y|o|e|и|или)\s)/gu;

/** Joins two pieces of one paragraph (cut by a page break or a line wrap), rejoining a hyphenated word. */
export function joinPieces(a: string, b: string): string {
  return /\p{L}-$/u.test(a) && /^\p{L}/u.test(b) && !/^(?:and|or|nor|et|ou|y|o|e|и|или)\s/.test(b) ? `${a}${b}` : `${a} ${b}`;
}

/**
 * The display-clean tier for document text: normalize.ts's cleanForDisplay, plus what documents
 * bring: NFKC (full-width punctuation, presentation forms; footnote superscripts are marked
 * first), Arabic-Indic digits, Arabic OCR confusables, Markdown emphasis debris, and one line.
 */
export function cleanText(text: string, lang?: string): string {
  const marked = markSuperscriptCalls(text);
  // Chinese keeps its full-width punctuation for display (UN-DOCUMENTS.md §1.4): no NFKC there.
  const nfkc = lang === 'zh' ? marked : marked.normalize('NFKC');
  return cleanForDisplay(
    asciiDigits(nfkc)
      .replace(CJK_IN_ARABIC, (m) => (m in CONFUSABLES ? (CONFUSABLES[m] ?? '') : ''))
      .replace(/\[([^\]\n]*)\]\(#?[^)\s]*\)/g, '$1')
      .replace(/\*{1,3}|__(?=\S)|(?<=\S)__/g, '')
      .replace(/\u2011/g, '-')
      .replace(LINE_END_HYPHEN, '$1-')
      .replace(/\s*\n\s*/g, ' '),
  );
}

/** True when a block ends a sentence or clause (UN paragraphs end with , ; : . in all six languages). */
export function isTerminated(text: string): boolean {
  const t = text.replace(/\uE000\d+\uE001/g, '').trimEnd();
  return /[.,;:!?،؛。，；：！？…»”"')\]]$/.test(t) && !/\($/.test(t);
}

/** Letters per script, for language detection and OCR noise. */
export function scriptCounts(text: string): { arabic: number; han: number; cyrillic: number; latin: number } {
  let arabic = 0;
  let han = 0;
  let cyrillic = 0;
  let latin = 0;
  for (const ch of text) {
    if (/\p{Script=Arabic}/u.test(ch)) arabic++;
    else if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
  }
  return { arabic, han, cyrillic, latin };
}

/**
 * OCR damage score: (tatweel + tokens mixing Arabic with Latin or CJK letters) per character
 * (UN-DOCUMENTS.md §3.2: it flags seed 004 at once). Computed on the raw text.
 */
export function ocrNoiseScore(raw: string): number {
  if (raw.length === 0) return 0;
  const tatweel = (raw.match(/\u0640/g) ?? []).length;
  let mixed = 0;
  for (const token of raw.split(/\s+/)) {
    if (/\p{Script=Arabic}/u.test(token) && /[\p{Script=Latin}\p{Script=Han}]/u.test(token)) mixed++;
  }
  return (tatweel + mixed) / raw.length;
}

/** Collapses whitespace and trims. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
