// Deadlines of requested actions, normalized to date ranges: "in 2026" is the year 2026, "by 2030"
// ends on 31 December 2030, "at its eighty-second session" (of the General Assembly) runs from
// September 2027 to September 2028, "at its thirtieth session, in 2027" (of the CSTD) is 2027,
// "biennially" recurs every two years. The words it came from are kept beside the range.
import type { Language } from '../language/languages.ts';
import { findActors } from './actors.ts';
import { arabicOrdinal, chineseNumber, englishOrdinal, frenchOrdinal, MONTHS, russianOrdinal, spanishOrdinal } from './lexicon.ts';

export interface Deadline {
  /** As written: "by 2030", "at its thirtieth session, in 2027", "في دورتها الثلاثين في عام 2027". */
  text: string;
  /** First day of the range (ISO date), or null when open-ended ("by 2030") or unknown. */
  from: string | null;
  /** Last day of the range (ISO date), or null when unknown. */
  to: string | null;
  /** ISO 8601 duration of a recurring request ("biennially" → P2Y), else null. */
  recurrence: string | null;
  /** The session number named, if any. */
  session: number | null;
  /** The year named, if any. */
  year: number | null;
}

/**
 * The General Assembly's Nth session opens in September of year 1945 + N and lasts until the
 * next one opens (the first session opened in 1946); the range is given as September to September.
 */
export function generalAssemblySession(n: number): { from: string; to: string } {
  return { from: `${1945 + n}-09-01`, to: `${1946 + n}-09-30` };
}

/** The CSTD holds its Nth annual session in year 1997 + N (its twenty-eighth met in April 2025). */
export function cstdSession(n: number): { from: string; to: string } {
  return yearRange(1997 + n);
}

const yearRange = (y: number, month: number | null = null): { from: string; to: string } => {
  if (month === null) return { from: `${y}-01-01`, to: `${y}-12-31` };
  const mm = String(month).padStart(2, '0');
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${last}` };
};

const Y = '((?:19|20)\\d{2})';
const EN_MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const FR_MONTH = '(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)';
const ES_MONTH = '(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)';

interface Patterns {
  /** Group 1: the ordinal; group 2: a year given with it. */
  session: RegExp;
  /** "by 2030": group 1 an optional month, group 2 the year; the range ends then. */
  by: RegExp;
  /** "before 2030": ends the year before. */
  before: RegExp | null;
  /** "in 2026": group 1 an optional month, group 2 the year. */
  in: RegExp;
  recurrence: [RegExp, string][];
  ordinal: (words: string) => number | null;
}

const PATTERNS: Record<Language, Patterns> = {
  en: {
    session: new RegExp(
      // "at its eightieth session", "by no later than the eighty-first session", "in the provisional agenda of its eightieth session".
      `\\b(?:at|(?:by\\s+)?(?:no|not) later than|(?<=agenda )of) (?:its|their|the) ((?:[a-z]+-)?[a-z]+(?: and [a-z]+(?:-[a-z]+)?)?) (?:regular |annual |substantive )?sessions?(?:,?\\s+(?:in|to be held in) ${Y})?`,
      'gi',
    ),
    by: new RegExp(
      `\\b(?:by|no later than|not later than|by the end of|before the end of|until)\\s+(?:the end of\\s+)?(?:${EN_MONTH}\\s+)?${Y}`,
      'gi',
    ),
    before: new RegExp(`\\bbefore\\s+()${Y}`, 'gi'),
    in: new RegExp(`\\b(?:in|during)\\s+(?:${EN_MONTH}\\s+)?${Y}\\b`, 'gi'),
    recurrence: [
      [/\b(?:biennially|every two years|on a biennial basis|biennial)\b/i, 'P2Y'],
      // "as part of his annual reporting": a yearly request.
      [/\b(?:annually|every year|each year|on an annual basis|yearly|annual report(?:ing|s)?)\b/i, 'P1Y'],
      [/\b(?:every four years|quadrennially|quadrennial)\b/i, 'P4Y'],
      [/\b(?:every three years|triennially|triennial)\b/i, 'P3Y'],
    ],
    ordinal: (w) => englishOrdinal(w.split(/\s+and\s+/)[0] ?? w),
  },
  fr: {
    session: new RegExp(`(?<!\\p{L})à sa ([\\p{L}-]+(?: et [\\p{L}-]+)?) session(?:,?\\s+en ${Y})?`, 'giu'),
    by: new RegExp(
      `(?:d['’]ici (?:à |la fin de |à la fin de )?|au plus tard (?:en |à la fin de )?|avant la fin de )(?:${FR_MONTH}\\s+)?${Y}`,
      'giu',
    ),
    before: new RegExp(`(?<!\\p{L})avant\\s+()${Y}`, 'giu'),
    in: new RegExp(`(?<!\\p{L})en\\s+(?:${FR_MONTH}\\s+)?${Y}`, 'giu'),
    recurrence: [
      [/tous les deux ans|biennal/i, 'P2Y'],
      [/chaque année|tous les ans|annuellement/i, 'P1Y'],
    ],
    ordinal: frenchOrdinal,
  },
  es: {
    session: new RegExp(`(?<!\\p{L})en su (\\p{L}+(?: \\p{L}+)?) período de sesiones(?:,?\\s+en ${Y})?`, 'giu'),
    by: new RegExp(
      `(?:para (?:fines de )?|a más tardar (?:en )?|de aquí a |antes de (?:fines de |que finalice )?)(?:${ES_MONTH}\\s+de\\s+)?${Y}`,
      'giu',
    ),
    before: null,
    in: new RegExp(`(?<!\\p{L})en\\s+(?:${ES_MONTH}\\s+de\\s+)?${Y}`, 'giu'),
    recurrence: [
      [/cada dos años|bienal/i, 'P2Y'],
      [/cada año|anualmente/i, 'P1Y'],
    ],
    ordinal: spanishOrdinal,
  },
  ru: {
    session: new RegExp(`на (?:своей |ее |её |его |их )?(\\p{L}+(?: \\p{L}+)?) сессии(?:,?\\s+в ${Y} году)?`, 'giu'),
    by: new RegExp(`(?:к|до)\\s+()(?:концу\\s+)?${Y}\\s+год[ау]`, 'giu'),
    before: null,
    in: new RegExp(`в\\s+()${Y}\\s+году`, 'giu'),
    recurrence: [
      [/раз в два года|один раз в два года/i, 'P2Y'],
      [/ежегодно|каждый год/i, 'P1Y'],
    ],
    ordinal: russianOrdinal,
  },
  zh: {
    session: new RegExp(`第([零〇一二三四五六七八九十百]+)届会议(?:上)?(?:[，,]?\\s*(?:即|于)?\\s*${Y}\\s*年)?`, 'gu'),
    by: new RegExp(`(?:到|至|在)?()${Y}\\s*年(?:底)?(?:前|以前|之前)`, 'gu'),
    before: null,
    in: new RegExp(`(?:在|于)?()${Y}\\s*年`, 'gu'),
    recurrence: [
      [/每两年/, 'P2Y'],
      [/每年/, 'P1Y'],
    ],
    ordinal: chineseNumber,
  },
  ar: {
    session: new RegExp(`في دورتها ((?:ال)?[\\u0621-\\u064A]+(?:\\s+و[\\u0621-\\u064A]+)?)(?:،?\\s+في عام ${Y})?`, 'gu'),
    by: new RegExp(`(?:بحلول|قبل)\\s+()(?:نهاية\\s+)?(?:عام\\s+)?${Y}`, 'gu'),
    before: null,
    in: new RegExp(`في عام ()${Y}`, 'gu'),
    recurrence: [
      [/كل سنتين|مرة كل عامين/, 'P2Y'],
      [/سنويا|كل عام|كل سنة/, 'P1Y'],
    ],
    ordinal: (w) => arabicOrdinal(w.replace(/\s+في$/, '')),
  },
};

const monthOf = (word: string | undefined): number | null => (word ? (MONTHS[word.toLowerCase()] ?? null) : null);

export interface DeadlineContext {
  /** The first year a deadline may name: "in 2023" in a 2024 resolution is history, not a deadline. */
  notBefore?: number | null;
  /** The organ whose sessions "its session" means when the clause names no other body ('GA', 'ECOSOC', …). */
  organ?: string | null;
}

/** Whose session "at its Nth session" is: the body named last before it, else the issuing organ. */
function sessionRange(before: string, lang: Language, n: number, organ: string | null): { from: string; to: string } | null {
  const bodies = findActors(before, lang).filter((m) => m.id.startsWith('body.'));
  const body = bodies.at(-1)?.id ?? (organ === 'GA' || organ === null ? 'body.general-assembly' : null);
  if (body === 'body.cstd') return cstdSession(n);
  if (body === 'body.general-assembly') return generalAssemblySession(n);
  return null;
}

/**
 * The first deadline in a clause, normalized. A session with a year ("at its thirtieth session,
 * in 2027") is that year; a General Assembly session is September to September.
 *
 * @example
 * findDeadline('to the General Assembly at its eighty-second session', 'en')
 * // { text: 'at its eighty-second session', from: '2027-09-01', to: '2028-09-30', session: 82, … }
 */
export function findDeadline(text: string, lang: Language, context: DeadlineContext = {}): Deadline | null {
  const p = PATTERNS[lang];
  const notBefore = context.notBefore ?? null;
  const organ = context.organ === undefined ? null : context.organ;
  const found: { index: number; d: Deadline }[] = [];
  for (const m of text.matchAll(p.session)) {
    const session = p.ordinal(m[1] ?? '');
    const year = m[2] ? Number(m[2]) : null;
    if (session === null && year === null) continue;
    const range = year !== null ? yearRange(year) : session !== null ? sessionRange(text.slice(0, m.index), lang, session, organ) : null;
    found.push({
      index: m.index,
      d: { text: m[0].trim(), from: range?.from ?? null, to: range?.to ?? null, recurrence: null, session, year },
    });
  }
  if (found.length === 0) {
    for (const [re, kind] of [
      [p.by, 'by'],
      [p.before, 'before'],
      [p.in, 'in'],
    ] as const) {
      if (!re) continue;
      for (const m of text.matchAll(re)) {
        const year = Number(m[2]);
        if (kind === 'in' && notBefore !== null && year < notBefore) continue;
        const month = monthOf(m[1]);
        const range = kind === 'before' ? yearRange(year - 1) : yearRange(year, month);
        found.push({
          index: m.index,
          d: { text: m[0].trim(), from: kind === 'in' ? range.from : null, to: range.to, recurrence: null, session: null, year },
        });
      }
      if (found.length > 0) break;
    }
  }
  found.sort((a, b) => a.index - b.index);
  const first = found[0]?.d ?? null;
  if (first) return first;
  for (const [re, duration] of p.recurrence) {
    const m = re.exec(text);
    if (m) return { text: m[0], from: null, to: null, recurrence: duration, session: null, year: null };
  }
  return null;
}
