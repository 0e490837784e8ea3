// The document layer (UN-DOCUMENTS.md §0.1, §1.1, §1.3, §5): from a reader's blocks to a
// structured UN document — preface, enacting formula, preambular and operative paragraphs,
// sub-paragraphs, headings, embedded outcome documents, annexes, closing formula, footnotes
// attached; or, for ITU Council reports, numbered sections and paragraphs.
import type { Language } from '../language/languages.ts';
import {
  ADOPTS,
  ANNEX_TITLE,
  CHAPEAU,
  CLOSING,
  ENACTING_FORMULA,
  OPERATIVE_START,
  PREAMBLE_STARTER,
  arabicOrdinal,
  chineseNumber,
  englishOrdinal,
  findDate,
} from './lexicon.ts';
import {
  DocumentReadError,
  type Block,
  type BlockKind,
  type DocumentKind,
  type DocumentPart,
  type Footnote,
  type RawDocument,
  type ReadWarning,
  type UNDocument,
} from './model.ts';
import { LABELLED_START, markInferredCall } from './pagelayer.ts';
import { cleanText, extractCalls, isTerminated, joinPieces, ocrNoiseScore, scriptCounts } from './text.ts';

/**
 * Paragraph lengths that do not look like a document (issue 12, item 8). The longest paragraphs of
 * UN resolutions and outcome documents run to some 3,000 characters; a block above the warning
 * length is most likely text whose line breaks were lost, and above the refusal length (a 5 MB
 * single-line file) it is refused rather than stored as one paragraph.
 */
export const PARAGRAPH_WARN_CHARS = 10_000;
export const PARAGRAPH_REFUSE_CHARS = 100_000;

/** How many blocks before its footnote block a call is looked for: a page holds up to some forty short blocks. */
const CALL_REACH = 60;

/** Arabic sub-paragraph letters in abjad order (أ ب ج د هـ و ز ح ط ي ك ل م …), keyed to a, b, c … */
const ABJAD = [
  'أ',
  'ب',
  'ج',
  'د',
  'هـ',
  'و',
  'ز',
  'ح',
  'ط',
  'ي',
  'ك',
  'ل',
  'م',
  'ن',
  'س',
  'ع',
  'ف',
  'ص',
  'ق',
  'ر',
  'ش',
  'ت',
  'ث',
  'خ',
  'ذ',
  'ض',
  'ظ',
  'غ',
];
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The version of what parseStructure (with the page layer) yields for a given input. Bump it when
 * the same text parses differently, so that stored documents can be read again.
 */
export const structureVersion = 2;

/** Paragraph number at the start of a block: "12. " (en/fr/es/ru/zh), "12 - " or "- 12 - " (ar). */
const NUMBER_EN = /^(\d{1,3})\.(?:\s+|(?=\p{Script=Han}))/u;
const NUMBER_AR = /^(?:-\s*)?(\d{1,3})\s*-\s*/;
/** Sub-paragraph markers: (a) (i) in en/zh, a) i) in fr/es/ru (Cyrillic а) accepted), (أ) in ar. */
const SUB_PAREN = /^\(([a-z]{1,2}|[ivxl]{1,6})\)\s*/;
const SUB_BARE = /^([a-zа-я]|[ivxl]{1,6})\)\s+/;
const SUB_AR = new RegExp(`^\\((${ABJAD.map((l) => l.replace('ـ', 'ـ?')).join('|')})\\)\\s*`);
/** Report sections: "2.3<tab>Title" (ITU Council documents), "2.3 Title" when tabs were lost. */
const SECTION = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s*\t\s*(.*)$/s;
const SECTION_SPACED = /^(\d{1,2}(?:\.\d{1,2}){1,3})\s+(.*)$/s;
const BULLET = /^\s*(?:[-–•·▪]\s*\t|\t)\s*/;

interface Item {
  /** Raw text (before cleaning), for markers that cleaning would hide (tabs). */
  raw: string;
  /** Clean text, footnote-call sentinels kept. */
  text: string;
  hint: 'heading' | 'list-item' | undefined;
  /** The block opens a page of PDF text, so it may continue the paragraph before it. */
  afterPageBreak?: boolean;
  /** Indices of the reader's blocks merged into this item. */
  sources: number[];
}

interface Numbered {
  number: string;
  rest: string;
}

function paragraphNumber(text: string, lang: Language): Numbered | null {
  const m = (lang === 'ar' ? NUMBER_AR : NUMBER_EN).exec(text) ?? (lang === 'ar' ? NUMBER_EN.exec(text) : null);
  if (!m?.[1]) return null;
  return { number: String(Number(m[1])), rest: text.slice(m[0].length) };
}

function subMarker(text: string, lang: Language): Numbered | null {
  const m =
    (lang === 'ar' ? SUB_AR.exec(text) : null) ?? SUB_PAREN.exec(text) ?? (lang === 'en' || lang === 'zh' ? null : SUB_BARE.exec(text));
  if (!m?.[1]) return null;
  return { number: m[1], rest: text.slice(m[0].length) };
}

/** The Latin letter a sub-paragraph marker stands for ((أ) → a; Cyrillic а → a). */
function latinKey(marker: string): string {
  const ab = ABJAD.indexOf(marker.replace(/ـ$/, marker === 'ه' || marker === 'هـ' ? 'ـ' : ''));
  const idx = ab >= 0 ? ab : ABJAD.indexOf(marker === 'ه' ? 'هـ' : marker);
  if (idx >= 0) return LATIN[idx] ?? marker;
  const cyr = 'абвгдежзиклмнопрстуфхцчшщэюя'.indexOf(marker);
  if (cyr >= 0 && marker.length === 1) return LATIN[cyr] ?? marker;
  return marker;
}

const isRoman = (s: string) => /^[ivxl]+$/.test(s);

/** Traditional Chinese forms of the characters in the structural keywords, to the Simplified forms the lexicon holds. */
const TRADITIONAL: Record<string, string> = {
  會: '会',
  濟: '济',
  經: '经',
  權: '权',
  屆: '届',
  議: '议',
  決: '决',
  過: '过',
  項: '项',
  檔: '档',
  體: '体',
  條: '条',
};
const simplified = (text: string) => text.replace(/[會濟經權屆議決過項檔體條]/g, (c) => TRADITIONAL[c] ?? c);

/**
 * The organ whose enacting formula the block is ("The General Assembly," in any language), or
 * null. `loose` also accepts the formula without its comma ("The General Assembly" alone before an
 * embedded outcome document): only after the document's title, where the masthead's organ line
 * ("General Assembly") cannot be mistaken for it.
 */
function formulaOrgan(text: string, loose = false): string | null {
  const t = simplified(text.trim());
  const candidates = loose && !/[,،，]$/.test(t) ? [t, `${t},`, `${t}،`, `${t}，`] : [t];
  return ENACTING_FORMULA.find((f) => candidates.some((c) => f.re.test(c)))?.organ ?? null;
}

/** Where the enacting formula stands: the first strict match, or a formula without comma after the title line. */
function findEnactingFormula(items: readonly Item[], lang: Language): number {
  const strict = items.findIndex((it) => formulaOrgan(it.text) !== null);
  const titleAt = items.findIndex((it) => docNumberLine(it.text, lang) !== null);
  if (titleAt < 0) return strict;
  const loose = items.findIndex((it, i) => i > titleAt && formulaOrgan(it.text, true) !== null);
  if (strict < 0) return loose;
  return loose < 0 ? strict : Math.min(strict, loose);
}

/** A block that begins a new unit and so never continues the previous block. */
function startsUnit(text: string, raw: string, lang: Language): boolean {
  return (
    paragraphNumber(text, lang) !== null ||
    subMarker(text, lang) !== null ||
    SECTION.test(raw.trimStart()) ||
    BULLET.test(raw) ||
    formulaOrgan(text) !== null ||
    CHAPEAU.test(text) ||
    isClosing(text) ||
    LABELLED_START.test(text) ||
    ANNEX_TITLE.test(text)
  );
}

/**
 * The closing formula ("54th plenary meeting"), also for a resumed meeting ("50th (resumed)
 * plenary meeting", "48e séance plénière (reprise)") and four-digit meeting numbers, which the
 * lexicon's pattern (one to three digits, no qualifier) does not cover.
 */
function isClosing(text: string): boolean {
  const plain = text
    .replace(/\s*\((?:resumed|reprise|continuación|продолжение|续会|مستأنفة)\)/giu, '')
    .replace(/(?<!\d)\d(\d{3})(?=\D)/u, '$1');
  return CLOSING.test(plain);
}

/** Short, unterminated, not a numbered unit: a heading if what follows is a paragraph. */
function headingLike(text: string): boolean {
  return text.length > 0 && text.length <= 160 && !isTerminated(text);
}

/** A block end with a plain-digit footnote call not (yet) marked ("Development,1"): the punctuation before it ends the block. */
const withoutTrailingCall = (text: string) => text.replace(/([.,;:،؛])\s?\d{1,3}$/, '$1');

/**
 * Joins blocks that a page break or a line wrap cut in two (UN-DOCUMENTS.md §5.1): a block that
 * ends without terminal punctuation continues into the next one unless that one starts a unit or
 * is a heading (short, unterminated, followed by a numbered paragraph). In English, French and
 * Spanish a block starting in lower case after a comma also continues.
 */
function joinContinuations(items: Item[], lang: Language): Item[] {
  const out: Item[] = [];
  // Preface lines (session, agenda item, adoption line) are unterminated by nature: up to the
  // enacting formula only a line starting in lower case continues the one before.
  let formulaAt = findEnactingFormula(items, lang);
  // A report's cover box (Purpose / Action required / References) is one line per field.
  const sections = items.filter((it) => SECTION.test(it.raw.trimStart())).length;
  if (formulaAt < 0 && sections >= 3) formulaAt = items.findIndex((it) => SECTION.test(it.raw.trimStart())) - 1;
  for (let i = 0; i < items.length; i++) {
    const b = items[i];
    if (!b) continue;
    const a = out[out.length - 1];
    if (i <= formulaAt) {
      if (a && /^\p{Ll}/u.test(b.text)) {
        a.text = joinPieces(a.text, b.text);
        a.raw = `${a.raw} ${b.raw}`;
        a.sources.push(...b.sources);
      } else out.push({ ...b, sources: [...b.sources] });
      continue;
    }
    const next = items[i + 1];
    if (a && /^\s*-?\s*\d{1,3}\s*[.-]?\s*-?\s*$/.test(a.text) && !a.hint) {
      // "1." alone on its line (PDF text): the paragraph text follows.
      a.text = joinPieces(a.text, b.text);
      a.raw = `${a.raw} ${b.raw}`;
      a.sources.push(...b.sources);
      continue;
    }
    const nextNumbered = next ? paragraphNumber(next.text, lang) !== null || SECTION.test(next.raw.trimStart()) : false;
    const bIsHeading = b.hint === 'heading' || (headingLike(b.text) && (nextNumbered || next === undefined));
    const lowerContinuation =
      (lang === 'en' || lang === 'fr' || lang === 'es') &&
      /^[a-zà-ÿ]/.test(b.text) &&
      a !== undefined &&
      /[,\p{L}\d]$/u.test(a.text.replace(/\uE000\d+\uE001$/, ''));
    // A heading never continues into the paragraph under it. Latin text tells them apart by case:
    // a page break splits a sentence, and the rest starts in lower case.
    const latinCase = lang === 'en' || lang === 'fr' || lang === 'es';
    const aLooksLikeHeading =
      a !== undefined && headingLike(a.text) && (a.text.length < 60 || (latinCase && a.text.length <= 120 && /^\p{Lu}/u.test(b.text)));
    const aIsSectionHeading = a !== undefined && SECTION.test(a.raw.trimStart()) && a.text.length <= 160 && a.sources.length === 1;
    if (
      a &&
      !a.hint &&
      !aIsSectionHeading &&
      !b.hint &&
      (!isTerminated(withoutTrailingCall(a.text)) || lowerContinuation) &&
      !aLooksLikeHeading &&
      !startsUnit(b.text, b.raw, lang) &&
      !bIsHeading
    ) {
      a.text = joinPieces(a.text, b.text);
      a.raw = `${a.raw} ${b.raw}`;
      a.sources.push(...b.sources);
      continue;
    }
    out.push({ ...b, sources: [...b.sources] });
  }
  return out;
}

interface PrefaceInfo {
  session: number | null;
  agendaItem: string | null;
  agendaTitle: string | null;
  date: string | null;
  docNumber: { session: number; number: string } | null;
  title: string | null;
}

function sessionFrom(text: string): number | null {
  const en = /^(?:the\s+)?([A-Za-z]+(?:-[a-z]+)?)\s+session\b/i.exec(text);
  if (en?.[1]) return englishOrdinal(en[1]);
  const ar = /الدورة\s+(\S+(?:\s+و\S+)?)/.exec(text);
  if (ar?.[1]) return arabicOrdinal(ar[1]);
  const zh = /第([零〇一二三四五六七八九十百]+)届会议/.exec(simplified(text));
  if (zh?.[1]) return chineseNumber(zh[1]);
  return null;
}

const AGENDA = [
  /^Agenda items?\s+(\d+(?:\s*\([a-z]\))?)\s*(.*)$/i,
  /البند\s+(\d+(?:\s*\([\u0600-\u06FF]\))?)\s+من\s+جدول\s+الأعمال\s*(.*)$/,
  /^Point\s+(\d+(?:\s*[a-z]\))?)\s+de l['’]ordre du jour\s*(.*)$/i,
  /^Tema\s+(\d+(?:\s*[a-z]\))?)\s+del programa\s*(.*)$/i,
  /^Пункт\s+(\d+(?:\s*[a-я]\))?)\s+повестки дня\s*(.*)$/iu,
  /^议程项目\s*(\d+(?:\s*\([a-z]\))?)\s*(.*)$/,
];

/** "79/194. Title" (en/fr/es/ru/zh) or "- 173/80 - Title" (ar, reversed by the PDF/OCR layer). */
function docNumberLine(text: string, lang: Language): { session: number; number: string; title: string } | null {
  const m = lang === 'ar' ? /^-?\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*[-.]\s*(.*)$/.exec(text) : /^(\d{1,4})\/(\d{1,4})\.\s+(.*)$/.exec(text);
  if (!m?.[1] || !m[2]) return null;
  let a = Number(m[1]);
  let b = Number(m[2]);
  // Arabic visual-order reversal (§1.5): the session is the one in 31..current, the number the other.
  if (lang === 'ar' && a > b && b >= 31 && b <= 99) [a, b] = [b, a];
  return { session: a, number: String(b), title: m[3]?.trim() ?? '' };
}

const ZH_NUMERAL = '[零〇一二两三四五六七八九十百千]+';
/**
 * Chinese numerals in dates and symbols ("二〇二四年十二月十九日", "七十九/一.") to digits, so that
 * the masthead reads as in the other languages (Traditional forms first made Simplified).
 */
export function chineseNumerals(text: string): string {
  const toDigits = (m: string) => String(chineseNumber(m) ?? m);
  return simplified(text)
    .replace(new RegExp(`(${ZH_NUMERAL})\\s*[/／]\\s*(${ZH_NUMERAL})`, 'g'), (_m, a: string, b: string) => `${toDigits(a)}/${toDigits(b)}`)
    .replace(new RegExp(`${ZH_NUMERAL}(?=\\s*[年月日号])`, 'g'), toDigits);
}

function parsePreface(lines: string[], lang: Language): PrefaceInfo {
  const info: PrefaceInfo = { session: null, agendaItem: null, agendaTitle: null, date: null, docNumber: null, title: null };
  for (let i = 0; i < lines.length; i++) {
    const text = lang === 'zh' ? chineseNumerals(lines[i] ?? '') : (lines[i] ?? '');
    info.session ??= sessionFrom(text);
    for (const re of AGENDA) {
      const m = re.exec(text);
      if (m?.[1] && info.agendaItem === null) {
        info.agendaItem = m[1].trim();
        const rest = m[2]?.trim();
        const next = lines[i + 1];
        info.agendaTitle = rest || (next && !/adopted|adoptée|aprobada|принятая|اتخذته|决议/i.test(next) ? next : null);
      }
    }
    if (/adopted by|adoptée par|aprobada por|принятая|اتخذته|اعتمدته|通过的决议|决议$/i.test(text)) info.date ??= findDate(text);
    const num = docNumberLine(text, lang);
    if (num && info.docNumber === null) {
      info.docNumber = { session: num.session, number: num.number };
      info.title = num.title || null;
    }
  }
  info.date ??= lines.map((l) => findDate(lang === 'zh' ? chineseNumerals(l) : l)).find((d) => d !== null) ?? null;
  return info;
}

function symbolFor(organ: string | null, session: number | null, number: string | null, kind: DocumentKind): string | null {
  if (session === null || number === null || organ === null) return null;
  const dec = kind === 'decision';
  switch (organ) {
    case 'GA':
      return dec ? `A/DEC/${session}/${number}` : `A/RES/${session}/${number}`;
    case 'ECOSOC':
      return dec ? `E/DEC/${session}/${number}` : `E/RES/${session}/${number}`;
    case 'HRC':
      return `A/HRC/RES/${session}/${number}`;
    default:
      return null;
  }
}

/** Parses a symbol given by the caller into organ, session and number. */
function fromSymbol(symbol: string): { organ: string | null; session: number | null; number: string | null } {
  const m = /^(A|E)\/(?:HRC\/)?(?:RES|DEC)\/(\d{1,4})\/(\d{1,4})/.exec(symbol);
  if (m) return { organ: symbol.includes('/HRC/') ? 'HRC' : m[1] === 'A' ? 'GA' : 'ECOSOC', session: Number(m[2]), number: m[3] ?? null };
  if (/^C\d{2}\//.test(symbol)) return { organ: 'ITU Council', session: null, number: null };
  return { organ: null, session: null, number: null };
}

class Builder {
  readonly blocks: Block[] = [];
  readonly parts: DocumentPart[] = [{ id: 'main', kind: 'main', title: null, openedBy: null }];
  readonly warnings: ReadWarning[] = [];
  private readonly ids = new Set<string>();
  /** Item index → block id, to attach footnotes that have no call. */
  readonly itemBlock = new Map<number, string>();

  add(item: Item | null, block: Omit<Block, 'footnotes' | 'id'> & { id: string }): Block {
    let id = block.id;
    for (let k = 2; this.ids.has(id); k++) id = `${block.id}_${k}`;
    this.ids.add(id);
    const b: Block = { ...block, id, footnotes: [] };
    this.blocks.push(b);
    if (item) for (const s of item.sources) this.itemBlock.set(s, id);
    return b;
  }
}

const eIdNum = (n: string) => n.replace(/[^\p{L}\p{N}]+/gu, '_');

/**
 * Parses the structure of a document read by one of the readers.
 *
 * @example
 * const doc = parseStructure(readMarkdown(text, 'en'));
 * doc.blocks.filter((b) => b.kind === 'preambular').length; // 55 for A/RES/79/194
 */
export function parseStructure(raw: RawDocument, options: { symbol?: string } = {}): UNDocument {
  const lang = raw.language;
  const warnings: ReadWarning[] = [...raw.warnings];
  raw.blocks.forEach((block, i) => {
    const chars = block.text.length;
    if (chars > PARAGRAPH_REFUSE_CHARS) {
      const lines = block.text.split('\n').length;
      throw new DocumentReadError(
        'paragraph-too-long',
        `Block ${i + 1} of the text is ${chars.toLocaleString('en')} characters long on ${lines === 1 ? 'a single line' : `${lines} lines`} with no paragraph break ` +
          `(UN paragraphs run to a few thousand characters; the limit is ${PARAGRAPH_REFUSE_CHARS.toLocaleString('en')}): the line breaks were probably lost, or this is not a document's text.`,
      );
    }
    if (chars > PARAGRAPH_WARN_CHARS) {
      warnings.push({
        code: 'long-paragraph',
        message: `Block ${i + 1} is ${chars.toLocaleString('en')} characters long (UN paragraphs run to a few thousand): its paragraph breaks may have been lost. It begins "${block.text.slice(0, 60)}…".`,
      });
    }
  });
  const rawText = raw.blocks.map((b) => b.text).join('\n');

  // Footnote calls that are plain digits (PDF text layer): mark them, nearest preceding block first.
  const blocksText = raw.blocks.map((b) => b.text);
  if (raw.inferFootnoteCalls) {
    const explicit = new Set([...rawText.matchAll(/\uE000(\d+)\uE001/g)].map((m) => Number(m[1])));
    for (const f of raw.footnotes) {
      if (explicit.has(f.number)) continue;
      // A call glued to its word first; a call set apart by a space only when no glued one is near.
      search: for (const spaced of [false, true]) {
        for (let i = Math.min(f.after, blocksText.length - 1); i >= Math.max(0, f.after - CALL_REACH); i--) {
          const marked = markInferredCall(blocksText[i] ?? '', f.number, spaced);
          if (marked !== null) {
            blocksText[i] = marked;
            break search;
          }
        }
      }
    }
  }

  // Clean every block; drop blank ones and short lines in a foreign script (spam, OCR debris).
  const items: Item[] = [];
  const docScript = lang === 'ar' ? 'arabic' : lang === 'zh' ? 'han' : lang === 'ru' ? 'cyrillic' : 'latin';
  blocksText.forEach((text, index) => {
    const clean = cleanText(text, lang);
    if (!clean.replace(/\uE000\d+\uE001/g, '').trim()) return;
    const counts = scriptCounts(clean);
    const letters = counts.arabic + counts.han + counts.cyrillic + counts.latin;
    // Latin letters are at home in every language (symbols, acronyms); other foreign scripts are not.
    const foreign = letters - counts[docScript] - (docScript === 'latin' ? 0 : counts.latin);
    if (clean.length < 40 && letters > 0 && foreign / letters >= 0.3) {
      warnings.push({ code: 'noise-line', message: `Dropped a line in another script: "${clean}"` });
      return;
    }
    const hint = raw.blocks[index]?.hint;
    items.push({ raw: text, text: clean, hint, afterPageBreak: raw.blocks[index]?.afterPageBreak === true, sources: [index] });
  });

  const joined = joinContinuations(items, lang);
  const enactingAt = findEnactingFormula(joined, lang);
  const sectionCount = joined.filter((it) => SECTION.test(it.raw.trimStart())).length;

  const b = new Builder();
  let kind: DocumentKind;
  let organ: string | null = null;
  let preface: PrefaceInfo = { session: null, agendaItem: null, agendaTitle: null, date: null, docNumber: null, title: null };
  if (enactingAt >= 0) {
    kind = /^Decision|^Décision|^Decisión|^Решение|决定$|^مقرر/.test(
      joined
        .slice(0, enactingAt)
        .map((i) => i.text)
        .join('\n'),
    )
      ? 'decision'
      : 'resolution';
    organ = formulaOrgan(joined[enactingAt]?.text ?? '', true);
    preface = parsePreface(
      joined.slice(0, enactingAt).map((i) => i.text),
      lang,
    );
    parseResolution(joined, enactingAt, lang, b);
  } else if (sectionCount < 3 && numberedBodyAt(joined, lang) >= 0) {
    // No enacting formula but a run of numbered paragraphs: an annex or a declaration read on its
    // own (the GDC as a separate text), parsed like the body of an embedded outcome document.
    kind = 'other';
    const bodyAt = numberedBodyAt(joined, lang);
    preface = parsePreface(
      joined.slice(0, bodyAt).map((i) => i.text),
      lang,
    );
    parseResolution(joined, bodyAt, lang, b, false);
    preface.title ??= b.parts[0]?.title ?? null;
  } else if (sectionCount >= 3) {
    kind = 'report';
    const head = joined
      .slice(0, 12)
      .map((i) => i.text)
      .join('\n');
    if (/Original:|الأصل:|Original :|Original:|Оригинал:|原文：|C\d{2}\/\d+/.test(head)) organ = 'ITU Council';
    preface = parseReport(joined, lang, b);
  } else {
    kind = raw.format === 'html' || raw.format === 'text' ? 'web-page' : 'other';
    preface.title = parsePlain(joined, b);
  }

  // Footnotes: attach each to the block that calls it, or to the block it followed on the page.
  const footnoteText = new Map(raw.footnotes.map((f) => [f.number, cleanText(f.text, lang)]));
  const all: Footnote[] = [];
  const called = new Set<number>();
  for (const block of b.blocks) {
    const { text, calls } = extractCalls(block.text);
    block.text = text
      .replace(/\s+([,.;:،؛])/g, '$1')
      .replace(/ {2,}/g, ' ')
      .trim();
    for (const c of calls) {
      const t = footnoteText.get(c.number);
      if (t === undefined || called.has(c.number)) continue;
      const f: Footnote = { number: c.number, text: t, offset: Math.min(c.offset, block.text.length) };
      block.footnotes.push(f);
      all.push(f);
      called.add(c.number);
    }
  }
  for (const f of raw.footnotes) {
    if (called.has(f.number)) continue;
    let id: string | undefined;
    for (let i = f.after; i >= 0 && id === undefined; i--) id = b.itemBlock.get(i);
    const host = b.blocks.find((x) => x.id === id) ?? b.blocks[0];
    const note: Footnote = { number: f.number, text: footnoteText.get(f.number) ?? f.text, offset: null };
    host?.footnotes.push(note);
    all.push(note);
    warnings.push({
      code: 'footnote-uncalled',
      message: `Footnote ${f.number} has no call in the text; attached to the paragraph before it.`,
    });
  }
  all.sort((x, y) => x.number - y.number);

  let session = preface.docNumber?.session ?? preface.session;
  let number = preface.docNumber?.number ?? null;
  let symbol = symbolFor(organ, session, number, kind);
  if (options.symbol) {
    const given = fromSymbol(options.symbol);
    symbol = options.symbol;
    organ = given.organ ?? organ;
    session = given.session ?? session;
    number = given.number ?? number;
  }
  return {
    symbol,
    organ,
    session,
    number,
    date: preface.date,
    agendaItem: preface.agendaItem,
    agendaTitle: preface.agendaTitle,
    title: preface.title,
    language: lang,
    kind,
    format: raw.format,
    parts: b.parts,
    blocks: b.blocks,
    footnotes: all,
    warnings: [...warnings, ...b.warnings],
    ocrNoise: Number(ocrNoiseScore(rawText).toFixed(5)),
  };
}

type Zone = 'preamble' | 'outcome-start' | 'operative' | 'closing';

/**
 * Where the body of a text with no enacting formula starts, when it has a run of numbered
 * paragraphs 1, 2, 3: at its title (the unterminated block right before its chapeau or
 * paragraph 1), or at the chapeau or paragraph 1 itself; -1 when there is no such run.
 */
function numberedBodyAt(items: readonly Item[], lang: Language): number {
  const numbers = items.map((it) => paragraphNumber(it.text, lang)?.number ?? null);
  const first = numbers.indexOf('1');
  if (first < 0 || !numbers.includes('2', first) || !numbers.includes('3', first)) return -1;
  const chapeau = items.findIndex((it, i) => i < first && CHAPEAU.test(it.text));
  const start = chapeau >= 0 ? chapeau : first;
  const before = items[start - 1];
  return before && !isTerminated(before.text) && !ANNEX_TITLE.test(before.text) ? start - 1 : start;
}

/** The resolution layout: preface, enacting formula, preamble, operative part, outcome documents, closing, annexes. */
function parseResolution(items: Item[], enactingAt: number, lang: Language, b: Builder, hasFormula = true): void {
  items.slice(0, enactingAt).forEach((it, i) => {
    const titleLine = docNumberLine(it.text, lang);
    b.add(it, {
      id: titleLine ? 'preface__title' : `preface__p_${i + 1}`,
      kind: titleLine ? 'title' : 'preface',
      number: null,
      text: it.text,
      part: 'main',
      parent: null,
      heading: null,
      level: 0,
    });
  });
  const formula = hasFormula ? items[enactingAt] : undefined;
  if (formula)
    b.add(formula, {
      id: 'preamble__formula',
      kind: 'enacting-formula',
      number: null,
      text: formula.text,
      part: 'main',
      parent: null,
      heading: null,
      level: 0,
    });

  // A text with no enacting formula (an annex or declaration on its own) opens with its title and chapeau.
  let zone: Zone = hasFormula ? 'preamble' : 'outcome-start';
  let part = b.parts[0] as DocumentPart;
  let prefix = '';
  let preCount = 0;
  let unnumbered = 0;
  let headingCount = 0;
  let lastNumber = 0;
  let lastPara: Block | null = null;
  let lastSub: Block | null = null;
  let lastLetter: Block | null = null;
  let heading: string | null = null;
  let outcomeCount = 0;
  let annexCount = 0;

  const newPart = (kindOfPart: DocumentPart['kind'], opener: string | null) => {
    const n = kindOfPart === 'annex' ? ++annexCount : ++outcomeCount;
    const id = kindOfPart === 'annex' ? `annex_${n}` : `outcome_${n}`;
    part = { id, kind: kindOfPart, title: null, openedBy: opener };
    b.parts.push(part);
    prefix = `${id}__`;
    preCount = 0;
    unnumbered = 0;
    headingCount = 0;
    lastNumber = 0;
    lastPara = null;
    lastSub = null;
    lastLetter = null;
    heading = null;
  };

  const add = (it: Item, kind: BlockKind, id: string, number: string | null, text: string, extra: Partial<Block> = {}) =>
    b.add(it, { id, kind, number, text, part: part.id, parent: null, heading, level: 0, ...extra });

  for (let i = hasFormula ? enactingAt + 1 : enactingAt; i < items.length; i++) {
    const it = items[i];
    if (!it) continue;
    const text = it.text;
    const next = items[i + 1];
    const nextNumbered = next ? paragraphNumber(next.text, lang) !== null : false;
    const num = paragraphNumber(text, lang);
    const sub = num ? null : subMarker(text, lang);

    const prevBlock = b.blocks[b.blocks.length - 1];
    if (zone === 'closing' && prevBlock?.kind === 'closing' && text.length < 60 && findDate(text)) {
      // "60th plenary meeting" and its date are one closing formula, on one line or two.
      prevBlock.text = `${prevBlock.text} ${text}`;
      for (const s of it.sources) b.itemBlock.set(s, prevBlock.id);
      continue;
    }
    if (isClosing(text)) {
      add(it, 'closing', 'conclusions__p_1', null, text);
      zone = 'closing';
      continue;
    }
    if (ANNEX_TITLE.test(text) && (zone === 'closing' || zone === 'operative')) {
      newPart('annex', null);
      const title = add(it, 'annex-title', `${prefix}title`, null, text);
      part.openedBy = title.id;
      // An annex may hold a declaration with its own heading and chapeau ("Preamble", "We, the Heads of State…").
      zone = 'outcome-start';
      if (next && headingLike(next.text) && !paragraphNumber(next.text, lang)) {
        part.title = next.text;
        add(next, 'heading', `${prefix}heading_0`, null, next.text);
        i++;
      }
      continue;
    }

    if (zone === 'outcome-start') {
      // The embedded document's own title and chapeau ("We, the Ministers…"); the OCR'd Arabic
      // seed lost both, so either may be missing.
      if (CHAPEAU.test(text)) {
        add(it, 'chapeau', `${prefix}chapeau`, null, text);
        zone = 'preamble';
        continue;
      }
      if (!num && headingLike(text) && next !== undefined && CHAPEAU.test(next.text)) {
        const h = add(it, 'heading', `${prefix}heading_${++headingCount}`, null, text);
        heading = h.id;
        continue;
      }
      // The title: unterminated, and long titles wrap over several lines ("Outcome document of the high-level meeting…").
      // It may stand right before paragraph 1 (A/RES/75/1: "Declaration on the commemoration…", then "1. We, the Heads of State…").
      if (!num && !isTerminated(text) && text.length <= 400 && !PREAMBLE_STARTER[lang].test(text) && part.title === null) {
        part.title = text;
        add(it, 'title', prefix ? `${prefix}title` : 'preface__title', null, text);
        continue;
      }
      zone = 'preamble';
    }

    const labelled = LABELLED_START.test(text) && text.length <= 300 ? /^\S+\s+(\d{1,3})\./u.exec(text) : null;
    if (labelled?.[1] && zone !== 'preamble') {
      // "Action 6. We will invest in people…": a labelled, numbered heading over the paragraphs that follow.
      const h = add(it, 'heading', `${prefix}heading_${++headingCount}`, labelled[1], text);
      heading = h.id;
      continue;
    }
    const sectionNumber = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\t/.exec(it.raw.trimStart()) ?? /^(\d{1,2}(?:\.\d{1,2}){1,3})\.\s/.exec(text);
    const headingText = sectionNumber ? text.replace(/^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s*/, '') : '';
    if (
      sectionNumber?.[1] &&
      headingLike(headingText) &&
      headingText.length <= 160 &&
      (nextNumbered || next === undefined || headingLike(next.text))
    ) {
      // A numbered heading ("1.<tab>Information and communications technology for development",
      // "4.1. Enhanced cooperation"): it heads a section and is not operative paragraph 1 or 4.
      const h = add(it, 'heading', `${prefix}heading_${++headingCount}`, sectionNumber[1], headingText);
      heading = h.id;
      continue;
    }
    if (num) {
      const n = Number(num.number);
      const afterColon = (lastSub ?? lastPara) !== null && /[:：]$/.test((lastSub ?? lastPara)?.text ?? '');
      if (lastPara && n !== lastNumber + 1 && (afterColon || (lastSub?.number && /^\d+$/.test(lastSub.number)))) {
        // A numbered list inside a paragraph (the GDC's objectives "1." to "5." in paragraph 7).
        lastSub = add(it, 'subparagraph', `${lastPara.id}__list_1__point_${n}`, num.number, num.rest, { parent: lastPara.id, level: 1 });
        continue;
      }
      if (n !== lastNumber + 1) {
        b.warnings.push({
          code: 'numbering-gap',
          message: `Paragraph ${n} follows paragraph ${lastNumber}${part.id === 'main' ? '' : ` in ${part.id}`}.`,
        });
      }
      lastNumber = n;
      lastPara = add(it, 'operative', `${prefix}para_${n}`, num.number, num.rest);
      lastSub = null;
      lastLetter = null;
      zone = 'operative';
      continue;
    }

    if (sub && lastPara) {
      const marker = sub.number;
      // (i) is a letter after (h), a roman numeral under a lettered item otherwise.
      const prevLetter = lastLetter?.number ? latinKey(lastLetter.number) : null;
      const letterFollows = prevLetter !== null && LATIN.indexOf(latinKey(marker)) === LATIN.indexOf(prevLetter) + 1;
      if (isRoman(marker) && lastLetter && !letterFollows) {
        lastSub = add(it, 'subparagraph', `${lastLetter.id}__point_${marker}`, marker, sub.rest, { parent: lastLetter.id, level: 2 });
      } else {
        lastLetter = add(it, 'subparagraph', `${lastPara.id}__list_1__point_${eIdNum(latinKey(marker))}`, marker, sub.rest, {
          parent: lastPara.id,
          level: 1,
        });
        lastSub = lastLetter;
      }
      continue;
    }

    if (
      it.hint === 'heading' ||
      // A participle heading ("Building confidence and security…", "Monitoring and measurement") is
      // a heading when it stands short and unterminated right before a numbered paragraph.
      (headingLike(text) && nextNumbered && zone !== 'preamble') ||
      // A section title in the operative part before the section's own preamble or single paragraph
      // (budget resolutions: "A", "Base/floor salary scale", "Recalling…", "Approves…").
      (headingLike(text) &&
        zone === 'operative' &&
        !OPERATIVE_START[lang].test(text) &&
        next !== undefined &&
        (PREAMBLE_STARTER[lang].test(next.text) || OPERATIVE_START[lang].test(next.text)) &&
        isTerminated(next.text)) ||
      (headingLike(text) && (nextNumbered || (next !== undefined && headingLike(next.text))) && !PREAMBLE_STARTER[lang].test(text))
    ) {
      const h = add(it, 'heading', `${prefix}heading_${++headingCount}`, null, text);
      heading = h.id;
      continue;
    }

    if (zone === 'preamble' && !num) {
      if (ADOPTS.test(text) && !PREAMBLE_STARTER[lang].test(text)) {
        const para = add(it, 'operative', `${prefix}para_u${++unnumbered}`, null, text);
        if (/[:：]$/.test(text)) {
          newPart('outcome-document', para.id);
          zone = 'outcome-start';
        } else {
          lastPara = para;
          zone = 'operative';
        }
        continue;
      }
      if (!PREAMBLE_STARTER[lang].test(text) && OPERATIVE_START[lang].test(text) && !(next && PREAMBLE_STARTER[lang].test(next.text))) {
        // A single operative paragraph is not numbered (A/RES/2758 (XXVI)).
        lastPara = add(it, 'operative', `${prefix}para_u${++unnumbered}`, null, text);
        zone = 'operative';
        continue;
      }
      add(it, 'preambular', `${prefix}preamble__p_${++preCount}`, null, text);
      continue;
    }

    if (zone === 'operative' && PREAMBLE_STARTER[lang].test(text)) {
      // A "preambular part" inside a section (budget resolutions; AKN crossHeading).
      add(it, 'preambular', `${prefix}preamble__p_${++preCount}`, null, text);
      continue;
    }
    const prev = b.blocks[b.blocks.length - 1];
    if (zone === 'operative' && (prev?.kind === 'heading' || prev?.kind === 'preambular') && OPERATIVE_START[lang].test(text)) {
      // The single, unnumbered operative paragraph of a section.
      lastPara = add(it, 'operative', `${prefix}para_u${++unnumbered}`, null, text);
      lastSub = null;
      lastLetter = null;
      continue;
    }
    const continuesAcrossPage = it.afterPageBreak === true && prev?.kind === 'operative' && prev.number !== null;
    if (
      prev &&
      (prev.kind === 'operative' || prev.kind === 'subparagraph') &&
      (continuesAcrossPage || !/[.。]$/.test(prev.text.replace(/\uE000\d+\uE001$/, '')))
    ) {
      // A paragraph whose next sentence starts a page (the page layer closed the block there), or
      // one cut by a line wrap after a comma (Arabic PDF/OCR text has no letter case to tell).
      prev.text = joinPieces(prev.text, text);
      for (const s of it.sources) b.itemBlock.set(s, prev.id);
      continue;
    }
    add(it, 'text', `${prefix}p_${i}`, null, text, { parent: lastPara?.id ?? null });
    b.warnings.push({ code: 'unknown-structure', message: `An unnumbered block in the operative part: "${text.slice(0, 60)}…"` });
  }
}

/**
 * ITU Council reports (seeds 002, 003): a cover box, then decimal sections "1", "1.1", "2.3.1"
 * with a tab after the number. Arabic text extracted from these documents shows the pairs in
 * visual order ("1.2" for 2.1 under section 2): a dotted number is read in the order whose first
 * component is the current top-level section, which fixes the reversal without guessing.
 */
function parseReport(items: Item[], lang: Language, b: Builder): PrefaceInfo {
  const info: PrefaceInfo = { session: null, agendaItem: null, agendaTitle: null, date: null, docNumber: null, title: null };
  const firstSection = items.findIndex((it) => SECTION.test(it.raw.trimStart()));
  const refLabel = items.findIndex(
    (it, i) =>
      i < firstSection && /^(?:References|المراجع|Références|Referencias|Справочные материалы|Ссылки|参考资料|参考文件)$/.test(it.text),
  );
  const prefaceEnd = refLabel >= 0 ? refLabel + 2 : firstSection;
  const reportBy = /^(?:Report by|تقرير من|Rapport d[eu]|Informe de|Доклад|.*的报告$)/;
  for (let i = 0; i < prefaceEnd && i < items.length; i++) {
    const it = items[i];
    if (!it) continue;
    info.date ??= findDate(it.text);
    if (reportBy.test(it.text) && info.title === null) info.title = items[i + 1]?.text ?? null;
    b.add(it, {
      id: `preface__p_${i + 1}`,
      kind: 'preface',
      number: null,
      text: it.text,
      part: 'main',
      parent: null,
      heading: null,
      level: 0,
    });
  }
  let top = 0;
  let lastSub = 0;
  let section: Block | null = null;
  let lastPara: Block | null = null;
  // null until the first dotted number tells which way the document writes them.
  let reversedDoc: boolean | null = null;
  for (let i = prefaceEnd; i < items.length; i++) {
    const it = items[i];
    if (!it) continue;
    const rawStart = it.raw.trimStart();
    const m = SECTION.exec(rawStart) ?? (lang === 'ar' ? null : SECTION_SPACED.exec(rawStart));
    if (m?.[1]) {
      let comps = m[1].split('.').map(Number);
      const body = cleanText(m[2] ?? '', lang);
      if (comps.length > 1) {
        const asIs = comps;
        const flipped = [...comps].reverse();
        // Score each reading: it continues the current section (first = top, next sub-number), or
        // opens the next one; ties go to the orientation the document has shown so far.
        const score = (c: number[]) =>
          (c[0] === top ? 2 : c[0] === top + 1 ? 1 : 0) +
          (c[0] === top && c[1] === lastSub + 1 ? 2 : 0) +
          (c[0] === top + 1 && c[1] === 1 ? 2 : 0);
        const sa = score(asIs) + (reversedDoc === false ? 0.5 : 0);
        const sf = score(flipped) + (reversedDoc === true ? 0.5 : 0);
        if (sf > sa) {
          comps = flipped;
          if (reversedDoc === null) {
            b.warnings.push({
              code: 'reversed-number',
              message: `Section numbers are in visual order ("${m[1]}" read as ${comps.join('.')}).`,
            });
          }
          reversedDoc = true;
        } else if (asIs.join('.') !== flipped.join('.') && sa > sf) reversedDoc ??= false;
        lastSub = comps[1] ?? 0;
      } else lastSub = 0;
      const number = comps.join('.');
      top = comps[0] ?? top;
      const isHeading = comps.length === 1 || headingLike(body);
      if (isHeading) {
        section = b.add(it, {
          id: `sec_${number.replace(/\./g, '_')}`,
          kind: 'section',
          number,
          text: body,
          part: 'main',
          parent: comps.length > 1 ? (section?.id ?? null) : null,
          heading: null,
          level: comps.length,
        });
        lastPara = null;
      } else {
        lastPara = b.add(it, {
          id: `para_${number.replace(/\./g, '_')}`,
          kind: 'paragraph',
          number,
          text: body,
          part: 'main',
          parent: section?.id ?? null,
          heading: section?.id ?? null,
          level: comps.length,
        });
      }
      continue;
    }
    // A dash or bullet makes a list item; a bare tab indent only after a lead-in ending ":" or another item.
    const prevBlock = b.blocks[b.blocks.length - 1];
    const dashed = /^\s*[-–•·▪]\s*\t/.test(it.raw);
    if (BULLET.test(it.raw) && (dashed || prevBlock?.kind === 'list-item' || /[:：]$/.test(prevBlock?.text ?? ''))) {
      b.add(it, {
        id: `${lastPara?.id ?? section?.id ?? 'body'}__item_${i}`,
        kind: 'list-item',
        number: null,
        text: it.text.replace(/^[-–•·▪]\s*/, ''),
        part: 'main',
        parent: lastPara?.id ?? section?.id ?? null,
        heading: section?.id ?? null,
        level: 1,
      });
      continue;
    }
    if (it.hint === 'heading' || (headingLike(it.text) && it.text.length < 200)) {
      b.add(it, {
        id: `heading_${i}`,
        kind: 'heading',
        number: null,
        text: it.text,
        part: 'main',
        parent: section?.id ?? null,
        heading: section?.id ?? null,
        level: 0,
      });
      continue;
    }
    b.add(it, {
      id: `p_${i}`,
      kind: 'text',
      number: null,
      text: it.text,
      part: 'main',
      parent: section?.id ?? null,
      heading: section?.id ?? null,
      level: 0,
    });
  }
  return info;
}

/** Anything else (a web page, a note): headings and text; the title is the first heading followed by a paragraph. */
function parsePlain(items: Item[], b: Builder): string | null {
  let title: string | null = null;
  let heading: string | null = null;
  items.forEach((it, i) => {
    const next = items[i + 1];
    const isHeading = it.hint === 'heading' || (headingLike(it.text) && it.text.length <= 120);
    if (
      isHeading &&
      title === null &&
      (it.hint === 'heading' || (next !== undefined && isTerminated(next.text) && next.text.length > 120))
    ) {
      title = it.text;
      b.add(it, { id: 'preface__title', kind: 'title', number: null, text: it.text, part: 'main', parent: null, heading: null, level: 0 });
      return;
    }
    if (isHeading) {
      heading = b.add(it, {
        id: `heading_${i}`,
        kind: 'heading',
        number: null,
        text: it.text,
        part: 'main',
        parent: null,
        heading: null,
        level: 0,
      }).id;
      return;
    }
    b.add(it, {
      id: `p_${i}`,
      kind: it.hint === 'list-item' ? 'list-item' : 'text',
      number: null,
      text: it.text,
      part: 'main',
      parent: null,
      heading,
      level: 0,
    });
  });
  return title;
}
