// Two tiers of text normalisation (UN-DOCUMENTS.md): a display-clean tier that removes what
// no reader should see (tatweel, invisible marks, presentation forms) and a search-fold tier,
// used only for the index and for queries, that merges spellings a reader treats as one.
import type { Language } from './languages.ts';

const TATWEEL = /\u0640/g;
// Zero-width and bidi control characters that OCR and word processors leave behind.
const INVISIBLE = /[\u200B-\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;
// Arabic presentation forms (FB50–FDFF, FE70–FEFF) fold to their base letters under NFKC.
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFC]/;
const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;

/** Cleans a text for display: Arabic tatweel, invisible marks, presentation forms, stray spaces. */
export function cleanForDisplay(text: string): string {
  let out = text.replace(INVISIBLE, '').replace(TATWEEL, '');
  if (PRESENTATION_FORMS.test(out)) out = out.normalize('NFKC');
  return out
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/**
 * Folds Arabic for search: diacritics off, alef forms to bare alef, alef maqsura to yeh,
 * teh marbuta to heh, and the conjunctions و/ف stripped before the article ال (PostgreSQL's
 * `arabic` stemmer matches ال forms but not والتنمية).
 */
export function foldArabic(text: string): string {
  return cleanForDisplay(text)
    .replace(ARABIC_DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/(^|[^\p{L}])[وف](?=ال)/gu, '$1');
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Splits Chinese into words separated by spaces (PostgreSQL has no Chinese parser). */
export function segmentChinese(text: string): string {
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(cleanForDisplay(text))) {
    if (isWordLike) words.push(segment);
  }
  return words.join(' ');
}

/**
 * Latin and Cyrillic: accents off (électronique = electronique), ё = е. Russian й stays: it is a
 * letter of its own (и + breve under NFKD), and the russian stemmer needs it for -ый/-ий endings.
 */
function foldAccents(text: string): string {
  return cleanForDisplay(text)
    .normalize('NFKD')
    .replace(/([иИ]\u0306)|[\u0300-\u036f]/g, (_match, shortI: string | undefined) => shortI ?? '')
    .normalize('NFC');
}

/** The search-fold tier for a text in a given language. */
export function foldForSearch(text: string, lang: Language): string {
  switch (lang) {
    case 'ar':
      return foldArabic(text);
    case 'zh':
      return segmentChinese(text);
    case 'en':
    case 'fr':
    case 'es':
    case 'ru':
      return foldAccents(text);
  }
}
