// The six official UN languages, and what Concord needs to know about each.

export const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof languages)[number];

/** The order the UN lists them in (English alphabetical order of the names). */
export const languageOrder: readonly Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export const defaultLanguage: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Writing direction of a language. */
export function directionOf(lang: Language): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** Each language's name in that language (for the language switch). */
export const endonyms: Record<Language, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

/**
 * PostgreSQL text-search configuration per language. Chinese has no parser in PostgreSQL:
 * it is segmented in the application (Intl.Segmenter) into a `simple` vector.
 */
export const searchConfig: Record<Language, 'arabic' | 'simple' | 'english' | 'french' | 'russian' | 'spanish'> = {
  ar: 'arabic',
  zh: 'simple',
  en: 'english',
  fr: 'french',
  ru: 'russian',
  es: 'spanish',
};

/** Picks the best of the six languages from an Accept-Language header. */
export function negotiateLanguage(header: string | null | undefined): Language {
  if (!header) return defaultLanguage;
  const ranked = header
    .split(',')
    .map((part) => {
      // Optional whitespace may surround ";" and parameter names are case-insensitive (RFC 9110).
      const [tag = '', ...params] = part.split(';').map((p) => p.trim());
      const q = params.find((p) => /^q=/i.test(p));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag !== '' && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return defaultLanguage;
}
