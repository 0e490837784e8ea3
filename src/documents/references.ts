// Cross-references to UN documents in the six languages (UN-DOCUMENTS.md §1.2, §1.4, §1.5):
// resolutions and decisions after an anchor word ("resolution 70/125", "القرار 125/70",
// "第70/125号决议"), document symbols (A/79/62-E/2024/3), ITU Council documents (C23/INF/9),
// and paragraph references ("paragraph 72 of the Tunis Agenda"). Each comes out with one
// canonical symbol. A bare "3/20" is never taken: only what follows an anchor word is a number.
import type { Language } from '../language/languages.ts';
import type { UNDocument } from './model.ts';

export type ReferenceKind = 'resolution' | 'decision' | 'document' | 'instrument' | 'itu-document';

export interface DocumentReference {
  /** The text as written ("125/70", "resolution 70/125", "A/C.2/59/3"). */
  raw: string;
  /** Canonical symbol: A/RES/70/125, E/RES/2006/46, A/DEC/77/568, A/C.2/59/3, A/RES/217 A (III). */
  symbol: string | null;
  kind: ReferenceKind;
  organ: 'GA' | 'ECOSOC' | 'SC' | 'HRC' | 'ITU' | null;
  /** GA/HRC session, or null. */
  session: number | null;
  /** Year-numbered series (ECOSOC 2006/46, SC 2334 (2016)). */
  year: number | null;
  number: string | null;
  paragraph: string | null;
  /** A named instrument ("Tunis Agenda"), for paragraph references to it. */
  instrument: string | null;
  /**
   * For number pairs read from Arabic text: `as-written`, `reversed` (visual order, 125/70 for
   * 70/125) or `ambiguous` (decided by the document's majority, to be reviewed).
   */
  orientation: 'as-written' | 'reversed' | 'ambiguous';
  /** Character span in the text searched. */
  start: number;
  end: number;
}

/** A reference located in a document: in a block's text, or in a footnote of that block. */
export interface LocatedReference extends DocumentReference {
  blockId: string;
  footnote: number | null;
}

const ROMAN: [number, string][] = [
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
function toRoman(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

const AR_PART: Record<string, string> = { ألف: 'A', باء: 'B', جيم: 'C', دال: 'D', هاء: 'E' };

/** Symbol grammar of UN-DOCUMENTS.md §1.2; the lookahead lets a symbol end a sentence. */
const COMP = String.raw`(?:(?:ES|S)-\d{1,2}|[A-Z][A-Za-z]{0,5}(?:\.\d{1,4})?|\d{1,5})`;
const ONE = String.raw`\b(?:A|S|E|ST|TD|UNEP|FCCC|DP|CRC|CCPR|CEDAW|CERD|CAT|CRPD)(?:\/${COMP})+(?![\w\/]|\.\w)`;
const UN_SYMBOL = new RegExp(String.raw`${ONE}(?:-${ONE.slice(2)})*(?:\s(?:[A-Z]\s)?\((?:Part\s[IVX]+|\d{4}|[IVXL]+)\))?`, 'g');
const ITU_COUNCIL = /\bC(\d{2})\/(INF\/\d{1,3}|\d{1,3})(\(Rev\.\d+\))?(?:-[EFSRCA])?(?![\w/])/g;
/** "(A/79/434, para. 21)", "(A/79/434, párr. 21)", "(A/79/434، الفقرة 21)". */
const SYMBOL_PARA = /^\s*[,،]\s*(?:paras?\.|par\.|párrs?\.|пункт|الفقرة|第)\s*(\d{1,3})/u;

// Numbers after an anchor word. NUM matches one item; the list is scanned item by item.
const NUM = String.raw`(?:(?:ES|S)-\d{1,2}\s?\/\s?\d{1,3}|\d{1,4}\s?\/\s?\d{1,4}(?:\s[A-D](?![\p{L}\d]))?|\d{1,4}\s(?:[A-D]\s)?\((?:[IVXL]+|S-[IVX]+|ES-[IVX]+)\)|\d{1,4}\s(?:ألف|باء|جيم|دال)?\s*\((?:د|D)\s*-\s*(?:\d{1,2}|[IVXL]+)\)|\d{1,4}\s\((?:19|20)\d{2}\))`;
const NUM_RE = new RegExp(NUM, 'gu');
/** In an Arabic clause: a number pair that is not part of a Latin symbol (C24/55, A/RES/76/307). */
const NUM_FREE_RE = new RegExp(String.raw`(?<![A-Za-z\d/.&-])${NUM}(?![\d/])`, 'gu');
const DATE_TAIL = String.raw`(?:,?\s+(?:of|du|de|от)\s+(?:\d{1,2}|1er)\s+(?:de\s+)?\p{L}+\s+(?:de\s+)?\d{4}(?:\s+года|\s+г\.)?)?`;
const SEP = String.raw`(?:,\s*(?:and\s+|et\s+|y\s+|и\s+)?|\s+(?:and|to|et|à|y|a|и|—|-)\s+)`;
const LIST = String.raw`${NUM}${DATE_TAIL}(?:${SEP}${NUM}${DATE_TAIL})*`;

/** Anchor words per language; the kind group tells resolution from decision. */
const ANCHORS: Record<Exclude<Language, 'zh' | 'ar'>, RegExp> = {
  en: new RegExp(String.raw`\b(?<kind>[Rr]esolutions?|[Dd]ecisions?)\s+(?<list>${LIST})`, 'gu'),
  fr: new RegExp(String.raw`\b(?<kind>[Rr][ée]solutions?|[Dd][ée]cisions?)\s+(?<list>${LIST})`, 'gu'),
  es: new RegExp(String.raw`\b(?<kind>[Rr]esoluci(?:ón|ones)|[Dd]ecisi(?:ón|ones))\s+(?<list>${LIST})`, 'gu'),
  ru: new RegExp(String.raw`(?<![\p{L}])(?<kind>[Рр]езолюци[\p{L}]*|[Рр]ешени[\p{L}]*)\s+(?<list>${LIST})`, 'gu'),
};
const ZH_ANCHOR = new RegExp(String.raw`第\s*(?<list>${NUM}(?:\s*[、，,和及至]\s*${NUM})*)\s*号\s*(?<kind>决议|決議|决定|決定)`, 'gu');
/** Arabic anchor letters may carry shadda and other harakat ("المقرَّر"). */
const H = '[\\u064B-\\u0652]*';
const arabicWord = (w: string) => [...w].map((c) => `${c}${H}`).join('');
const AR_ANCHOR = new RegExp(
  `(?<kind>(?:ال)?${arabicWord('قرار')}(?:ها|ه|يها|يه|اتها|ات|ين|ي)?|(?:ال)?${arabicWord('مقرر')}(?:ها|ه|ات|اتها)?)(?![\\u0621-\\u064A])`,
  'gu',
);

const AR_CLAUSE_END = new RegExp(`[؛;]|\\.(?:\\s|$)|${arabicWord('قرار')}|${arabicWord('مقرر')}`, 'u');

/** Named instruments, for "paragraph 72 of the Tunis Agenda", and the UN symbol each was issued under. */
const INSTRUMENTS: { names: RegExp; name: string; symbol: string | null }[] = [
  {
    names: /Tunis Agenda|Agenda de Tunis|Agenda de Túnez|Тунисской программы|突尼斯议程|برنامج عمل تونس/u,
    name: 'Tunis Agenda for the Information Society',
    symbol: 'A/60/687',
  },
  {
    names: /Tunis Commitment|Engagement de Tunis|Compromiso de Túnez|Тунисского обязательства|突尼斯承诺|التزام تونس/u,
    name: 'Tunis Commitment',
    symbol: 'A/60/687',
  },
  {
    names:
      /Geneva Plan of Action|Plan d['’]action de Genève|Plan de Acción de Ginebra|Женевского плана действий|日内瓦行动计划|خطة عمل جنيف/u,
    name: 'Geneva Plan of Action',
    symbol: 'A/C.2/59/3',
  },
  {
    names:
      /Geneva Declaration of Principles|Déclaration de principes de Genève|Declaración de Principios de Ginebra|Женевской декларации принципов|日内瓦原则宣言|إعلان مبادئ جنيف/u,
    name: 'Geneva Declaration of Principles',
    symbol: 'A/C.2/59/3',
  },
  {
    names: /2030 Agenda|Programme 2030|Agenda 2030|Повестки дня на период до 2030 года|2030年议程|خطة (?:التنمية المستدامة لعام )?2030/u,
    name: '2030 Agenda for Sustainable Development',
    symbol: 'A/RES/70/1',
  },
  {
    names:
      /Addis Ababa Action Agenda|Programme d['’]action d['’]Addis-Abeba|Agenda de Acción de Addis Abeba|Аддис-Абебской программы действий|亚的斯亚贝巴行动议程|خطة عمل أديس أبابا/u,
    name: 'Addis Ababa Action Agenda',
    symbol: 'A/RES/69/313',
  },
  {
    names:
      /Global Digital Compact|Pacte numérique mondial|Pacto Digital Global|Глобального цифрового договора|全球数字契约|(?:الميثاق|التعاهد|الاتفاق) الرقمي العالمي/u,
    name: 'Global Digital Compact',
    symbol: 'A/RES/79/1',
  },
  {
    names: /Pact for the Future|Pacte pour l['’]avenir|Pacto para el Futuro|Пакта во имя будущего|未来契约|ميثاق المستقبل/u,
    name: 'Pact for the Future',
    symbol: 'A/RES/79/1',
  },
];
const PARA_OF_INSTRUMENT: Record<Language, RegExp> = {
  en: /\bparagraphs?\s+(\d{1,3})(?:\s*\([a-z]\))?\s+of\s+the\s+/gu,
  fr: /\bparagraphes?\s+(\d{1,3})\s+(?:de\s+l['’]|du\s+|de\s+la\s+)/gu,
  es: /\bpárrafos?\s+(\d{1,3})\s+(?:de\s+la\s+|del\s+)/gu,
  ru: /\bпункт[а-я]*\s+(\d{1,3})\s+/gu,
  zh: /第\s*(\d{1,3})\s*段/gu,
  ar: /الفقرة\s+(\d{1,3})\s+من\s+/gu,
};
/** "paragraph 71 of General Assembly resolution" just before an anchor. */
const PARA_BEFORE: Record<Language, RegExp> = {
  en: /\bparagraphs?\s+(\d{1,3})(?:\s*\([a-z]\))?\s+of\s+(?:its\s+|the\s+)?(?:General Assembly\s+|Economic and Social Council\s+|Council\s+)?$/u,
  fr: /\bparagraphes?\s+(\d{1,3})\s+de\s+(?:sa\s+|la\s+)?$/u,
  es: /\bpárrafos?\s+(\d{1,3})\s+de\s+(?:su\s+|la\s+)?$/u,
  ru: /\bпункт[а-я]*\s+(\d{1,3})\s+$/u,
  zh: /$^/u,
  ar: /الفقرة\s+(\d{1,3})\s+من\s+$/u,
};

export interface FindOptions {
  /** The latest GA session that can be cited (default 81; from the document date when known). */
  currentSession?: number;
  /** How the document's unambiguous Arabic pairs were written, to settle ambiguous ones. */
  majority?: 'as-written' | 'reversed';
}

/** The GA session in progress on a date: year − 1945 from mid-September, year − 1946 before (UN-DOCUMENTS.md §1.2). */
export function sessionOn(isoDate: string): number {
  const [y = 0, m = 0, d = 0] = isoDate.split('-').map(Number);
  return m > 9 || (m === 9 && d >= 10) ? y - 1945 : y - 1946;
}

type Organ = DocumentReference['organ'];

function organFromContext(before: string, lang: Language): Organ {
  const ctx = before.slice(-90);
  if (
    /Economic and Social Council|ECOSOC|Conseil économique et social|Consejo Económico y Social|Экономического и Социального Совета|经社理事会|经济及社会理事会|المجلس الاقتصادي والاجتماعي/u.test(
      ctx,
    )
  )
    return 'ECOSOC';
  if (
    /Human Rights Council|Conseil des droits de l['’]homme|Consejo de Derechos Humanos|Совета по правам человека|人权理事会|مجلس حقوق الإنسان/u.test(
      ctx,
    )
  )
    return 'HRC';
  if (/Security Council|Conseil de sécurité|Consejo de Seguridad|Совета Безопасности|安全理事会|مجلس الأمن/u.test(ctx)) return 'SC';
  if (lang === 'en' && /\bCouncil\s+$/.test(ctx)) return 'ECOSOC';
  return null;
}

interface Pair {
  first: number;
  second: number;
  orientation: DocumentReference['orientation'];
}

/**
 * Which way round an Arabic "a/b" goes (UN-DOCUMENTS.md §1.5). Text from Arabic PDFs and OCR
 * stores a right-to-left line in visual order, so "القرار 125/70" is resolution 70/125 — but the
 * same file can also hold "70/125". Decided per reference:
 * 1. a year (1946–2100) comes first: ECOSOC 2006/46, or 46/2006 reversed;
 * 2. GA sessions run 31..current (modern numbering starts at the 31st session); a resolution
 *    number is usually larger and often above the current session: exactly one of a, b being a
 *    plausible session decides;
 * 3. both plausible (e.g. 70/75): a date after the number ("المؤرخ 16 كانون الأول/ديسمبر 2015")
 *    gives the session (year − 1945 or − 1946);
 * 4. else the document's majority orientation, marked `ambiguous` for review.
 */
export function orientPair(
  a: number,
  b: number,
  opts: { lang: Language; current: number; dateYear?: number | null; majority?: 'as-written' | 'reversed' },
): Pair {
  const asWritten: Pair = { first: a, second: b, orientation: 'as-written' };
  const reversed: Pair = { first: b, second: a, orientation: 'reversed' };
  if (opts.lang !== 'ar') return asWritten;
  const isYear = (x: number) => x >= 1946 && x <= 2100;
  if (isYear(a) || isYear(b)) return isYear(a) ? asWritten : reversed;
  const isSession = (x: number) => x >= 31 && x <= opts.current;
  if (isSession(a) && !isSession(b)) return asWritten;
  if (isSession(b) && !isSession(a)) return reversed;
  if (opts.dateYear) {
    const plausible = [opts.dateYear - 1945, opts.dateYear - 1946];
    if (plausible.includes(a) && !plausible.includes(b)) return asWritten;
    if (plausible.includes(b) && !plausible.includes(a)) return reversed;
  }
  return { ...(opts.majority === 'reversed' ? reversed : asWritten), orientation: 'ambiguous' };
}

function canonical(
  item: string,
  kind: 'resolution' | 'decision',
  organHint: Organ,
  opts: { lang: Language; current: number; dateYear: number | null; majority?: 'as-written' | 'reversed' },
): Omit<DocumentReference, 'raw' | 'start' | 'end' | 'paragraph' | 'instrument'> {
  const text = item.trim();
  // Security Council: "2334 (2016)".
  let m = /^(\d{1,4})\s\(((?:19|20)\d{2})\)$/.exec(text);
  if (m)
    return {
      symbol: `S/RES/${m[1]} (${m[2]})`,
      kind,
      organ: 'SC',
      session: null,
      year: Number(m[2]),
      number: m[1] ?? null,
      orientation: 'as-written',
    };
  // Old GA numbering, sessions 1–30: "217 A (III)", "2758 (XXVI)", Arabic "217 ألف (د-3)".
  m = /^(\d{1,4})\s(?:([A-D])\s)?\(((?:ES-|S-)?[IVXL]+)\)$/.exec(text);
  const ar = m ? null : /^(\d{1,4})\s(ألف|باء|جيم|دال)?\s*\((?:د|D)\s*-\s*(\d{1,2}|[IVXL]+)\)$/u.exec(text);
  if (m || ar) {
    const num = (m ?? ar)?.[1] ?? '';
    const part = m ? m[2] : ar?.[2] ? AR_PART[ar[2]] : undefined;
    const sess = m ? (m[3] ?? '') : /^\d+$/.test(ar?.[3] ?? '') ? toRoman(Number(ar?.[3])) : (ar?.[3] ?? '');
    const symbol = `A/${kind === 'decision' ? 'DEC' : 'RES'}/${num}${part ? ` ${part}` : ''} (${sess})`;
    return { symbol, kind, organ: 'GA', session: null, year: null, number: `${num}${part ? ` ${part}` : ''}`, orientation: 'as-written' };
  }
  m = /^((?:ES|S)-\d{1,2})\s?\/\s?(\d{1,3})$/.exec(text);
  if (m)
    return {
      symbol: `A/${kind === 'decision' ? 'DEC' : 'RES'}/${m[1]}/${m[2]}`,
      kind,
      organ: 'GA',
      session: null,
      year: null,
      number: m[2] ?? null,
      orientation: 'as-written',
    };
  m = /^(\d{1,4})\s?\/\s?(\d{1,4})(?:\s([A-D]))?$/.exec(text);
  if (!m) return { symbol: null, kind, organ: organHint, session: null, year: null, number: text, orientation: 'as-written' };
  const pair = orientPair(Number(m[1]), Number(m[2]), opts);
  const part = m[3] ? ` ${m[3]}` : '';
  const isYear = pair.first >= 1946 && pair.first <= 2100;
  const dec = kind === 'decision' ? 'DEC' : 'RES';
  if (isYear || organHint === 'ECOSOC') {
    return {
      symbol: `E/${dec}/${pair.first}/${pair.second}${part}`,
      kind,
      organ: 'ECOSOC',
      session: null,
      year: pair.first,
      number: String(pair.second),
      orientation: pair.orientation,
    };
  }
  if (organHint === 'HRC') {
    return {
      symbol: `A/HRC/${dec}/${pair.first}/${pair.second}${part}`,
      kind,
      organ: 'HRC',
      session: pair.first,
      year: null,
      number: String(pair.second),
      orientation: pair.orientation,
    };
  }
  return {
    symbol: `A/${dec}/${pair.first}/${pair.second}${part}`,
    kind,
    organ: 'GA',
    session: pair.first,
    year: null,
    number: `${pair.second}${part}`,
    orientation: pair.orientation,
  };
}

const overlaps = (refs: { start: number; end: number }[], start: number, end: number) => refs.some((r) => start < r.end && end > r.start);

function yearAfter(text: string, from: number): number | null {
  const m = /^\s*[,،]?\s*(?:of|du|de|от|المؤرخ(?:ة|ين)?|الصادر)\s+[^;؛.]{0,40}?((?:19|20)\d{2})/u.exec(text.slice(from, from + 80));
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * Finds the references in one text.
 *
 * @example
 * findReferences('وإذ نشير إلى قرارها 125/70 المؤرخ 16 كانون الأول/ديسمبر 2015', 'ar')[0]?.symbol // 'A/RES/70/125'
 */
export function findReferences(text: string, lang: Language, options: FindOptions = {}): DocumentReference[] {
  const current = options.currentSession ?? 81;
  const refs: DocumentReference[] = [];
  const push = (r: DocumentReference) => {
    if (!overlaps(refs, r.start, r.end)) refs.push(r);
  };
  const common = { instrument: null, paragraph: null } as const;

  const emitItem = (item: string, start: number, kind: 'resolution' | 'decision', organ: Organ, paragraph: string | null) => {
    const c = canonical(item, kind, organ, { lang, current, dateYear: yearAfter(text, start + item.length), majority: options.majority });
    push({ ...common, ...c, raw: item, paragraph, start, end: start + item.length });
  };

  // Document symbols in Latin letters, in every language.
  for (const m of text.matchAll(UN_SYMBOL)) {
    const raw = m[0];
    const symbol = raw.replace(/\s+/g, ' ');
    const para = SYMBOL_PARA.exec(text.slice(m.index + raw.length));
    const res = /^(A|E|S)\/(?:(HRC)\/)?(RES|DEC)\/(.+)$/.exec(symbol);
    let kind: ReferenceKind = 'document';
    let organ: Organ;
    let session: number | null = null;
    let year: number | null = null;
    let number: string | null = null;
    if (res) {
      kind = res[3] === 'DEC' ? 'decision' : 'resolution';
      organ = res[2] ? 'HRC' : res[1] === 'A' ? 'GA' : res[1] === 'E' ? 'ECOSOC' : 'SC';
      const parts = /^(\d{1,4})\/(\d{1,4})/.exec(res[4] ?? '');
      if (parts) {
        if (organ === 'ECOSOC') year = Number(parts[1]);
        else session = Number(parts[1]);
        number = parts[2] ?? null;
      }
    } else organ = symbol.startsWith('A/') ? 'GA' : symbol.startsWith('E/') ? 'ECOSOC' : symbol.startsWith('S/') ? 'SC' : null;
    push({
      ...common,
      raw,
      symbol,
      kind,
      organ,
      session,
      year,
      number,
      paragraph: para?.[1] ?? null,
      orientation: 'as-written',
      start: m.index,
      end: m.index + raw.length,
    });
  }
  for (const m of text.matchAll(ITU_COUNCIL)) {
    const symbol = `C${m[1]}/${m[2]}${m[3] ?? ''}`;
    push({
      ...common,
      raw: m[0],
      symbol,
      kind: 'itu-document',
      organ: 'ITU',
      session: null,
      year: null,
      number: m[2] ?? null,
      orientation: 'as-written',
      start: m.index,
      end: m.index + m[0].length,
    });
  }

  let lastAnchorEnd = 0;
  if (lang === 'ar') {
    // After an Arabic anchor, every n/m in the same clause belongs to it (lists put a date between items).
    for (const m of text.matchAll(AR_ANCHOR)) {
      const kind = m.groups?.kind?.replace(/[\u064B-\u0652]/g, '').includes('مقرر') ? 'decision' : 'resolution';
      const from = m.index + m[0].length;
      const clauseEnd = text.slice(from).search(AR_CLAUSE_END);
      const window = text.slice(from, from + Math.min(clauseEnd < 0 ? 250 : clauseEnd, 250));
      const organ = organFromContext(text.slice(lastAnchorEnd, m.index) + window.slice(0, 40), lang);
      lastAnchorEnd = from;
      const paraM = PARA_BEFORE.ar.exec(text.slice(Math.max(0, m.index - 40), m.index));
      for (const n of window.matchAll(NUM_FREE_RE)) {
        // Skip what is plainly not a resolution number: a range of years, a page marker in a list.
        emitItem(n[0], from + n.index, kind, organ, paraM?.[1] ?? null);
      }
    }
  } else if (lang === 'zh') {
    for (const m of text.matchAll(ZH_ANCHOR)) {
      const kind = /决定|決定/.test(m.groups?.kind ?? '') ? 'decision' : 'resolution';
      const listStart = m.index + m[0].indexOf(m.groups?.list ?? '');
      const organ = organFromContext(text.slice(lastAnchorEnd, m.index), lang);
      lastAnchorEnd = m.index + m[0].length;
      const after = /^第\s*(\d{1,3})\s*段/.exec(text.slice(m.index + m[0].length));
      for (const n of (m.groups?.list ?? '').matchAll(NUM_RE)) emitItem(n[0], listStart + n.index, kind, organ, after?.[1] ?? null);
    }
  } else {
    for (const m of text.matchAll(ANCHORS[lang])) {
      const kind = /^(?:[Dd]|[Рр]еш)/u.test(m.groups?.kind ?? '') ? 'decision' : 'resolution';
      const listStart = m.index + m[0].indexOf(m.groups?.list ?? '', (m.groups?.kind ?? '').length);
      const before = text.slice(0, m.index);
      // Only the words since the previous anchor name this reference's organ.
      const organ = organFromContext(text.slice(lastAnchorEnd, m.index), lang);
      lastAnchorEnd = m.index + m[0].length;
      const para = PARA_BEFORE[lang].exec(before.slice(-80));
      for (const n of (m.groups?.list ?? '').matchAll(NUM_RE)) emitItem(n[0], listStart + n.index, kind, organ, para?.[1] ?? null);
    }
    if (lang === 'en') {
      // "paragraph 62 thereof": the previous reference, at paragraph level.
      for (const m of text.matchAll(/\bparagraphs?\s+(\d{1,3})\s+thereof\b/g)) {
        const prev = [...refs].filter((r) => r.end <= m.index).sort((x, y) => y.end - x.end)[0];
        if (prev) push({ ...prev, raw: m[0], paragraph: m[1] ?? null, start: m.index, end: m.index + m[0].length });
      }
    }
  }

  // Paragraphs of named instruments: "paragraph 72 of the Tunis Agenda", "الفقرة 72 من برنامج عمل تونس".
  for (const m of text.matchAll(PARA_OF_INSTRUMENT[lang])) {
    const end = m.index + m[0].length;
    const window = lang === 'zh' ? text.slice(Math.max(0, m.index - 30), m.index) : text.slice(end, end + 80);
    const inst = INSTRUMENTS.map((i) => ({ i, at: window.search(i.names) }))
      .filter((x) => x.at >= 0 && (lang === 'zh' || x.at <= 2))
      .sort((x, y) => x.at - y.at)[0];
    if (!inst) continue;
    const found = window.match(inst.i.names)?.[0] ?? '';
    const start = lang === 'zh' ? m.index - (window.length - inst.at) : m.index;
    const stop = lang === 'zh' ? end : end + inst.at + found.length;
    push({
      raw: text.slice(start, stop),
      symbol: inst.i.symbol,
      kind: 'instrument',
      organ: null,
      session: null,
      year: null,
      number: null,
      paragraph: m[1] ?? null,
      instrument: inst.i.name,
      orientation: 'as-written',
      start,
      end: stop,
    });
  }
  return refs.sort((x, y) => x.start - y.start);
}

/**
 * Every reference in a document, in block order, footnotes included. Arabic pairs that the
 * per-reference rules cannot orient take the orientation of the document's unambiguous ones.
 */
export function extractReferences(doc: UNDocument): LocatedReference[] {
  const current = doc.date ? Math.max(sessionOn(doc.date), doc.session ?? 0) : Math.max(81, doc.session ?? 0);
  const texts: { blockId: string; footnote: number | null; text: string }[] = [];
  for (const b of doc.blocks) {
    texts.push({ blockId: b.id, footnote: null, text: b.text });
    for (const f of b.footnotes) texts.push({ blockId: b.id, footnote: f.number, text: f.text });
  }
  const first = texts.map((t) => findReferences(t.text, doc.language, { currentSession: current }));
  let reversed = 0;
  let asWritten = 0;
  for (const refs of first) {
    for (const r of refs) {
      if (r.orientation === 'reversed') reversed++;
      else if (r.orientation === 'as-written' && /^\d/.test(r.raw)) asWritten++;
    }
  }
  const majority = reversed > asWritten ? 'reversed' : 'as-written';
  const out: LocatedReference[] = [];
  texts.forEach((t, i) => {
    const refs = first[i]?.some((r) => r.orientation === 'ambiguous')
      ? findReferences(t.text, doc.language, { currentSession: current, majority })
      : (first[i] ?? []);
    for (const r of refs) out.push({ ...r, blockId: t.blockId, footnote: t.footnote });
  });
  return out;
}
