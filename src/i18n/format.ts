// Numbers, money and dates as the reader's language writes them (Intl), so that a page never shows
// "2,500,000" where the reader writes "2 500 000", nor an ISO date in running text. One formatter
// per (language, style) is kept: building an Intl formatter costs more than using it.
import type { Language } from '../language/languages.ts';

/** The locale Intl is given for a UI language (Chinese pages are in simplified characters). */
export function localeOf(lang: Language): string {
  return lang === 'zh' ? 'zh-Hans' : lang;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n ${lang} ${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(localeOf(lang), options)));
  return f;
}

/**
 * A number with at most `digits` decimals.
 *
 * @example
 * formatNumber('fr', 40000.5) // "40 000,5"
 */
export function formatNumber(lang: Language, value: number, digits = 2): string {
  return numberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

/**
 * An amount of money in its currency (ISO 4217 code), whole units.
 *
 * @example
 * formatMoney('fr', 2500000, 'USD') // "2 500 000 $US"
 */
export function formatMoney(lang: Language, amount: number, currency: string): string {
  try {
    return numberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    // A code Intl does not know (it accepts any three letters, but be safe): the number, then the code.
    return `${formatNumber(lang, amount, 0)} ${currency}`;
  }
}

/**
 * A calendar date (ISO "YYYY-MM-DD", read as that day whatever the server's time zone), written
 * out in full; anything else is returned as it came.
 *
 * @example
 * formatDate('en', '2025-01-15') // "January 15, 2025"
 */
export function formatDate(lang: Language, iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const key = `d ${lang}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' })));
  return f.format(new Date(`${iso}T00:00:00Z`));
}
