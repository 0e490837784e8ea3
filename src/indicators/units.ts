// Units of measure as readers say them, in their language ("per 100 inhabitants", not
// PER_100_POP), and values rounded to what the unit supports: a share of the population to a
// tenth of a point, a count of things to whole things. The codes are SDMX UNIT_MEASURE codes
// (SDG DSD codelist CL_UNIT_MEASURE), as the catalogue and the imported series give them.
import { catalogs, type MessageKey, type Translate } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Language } from '../language/languages.ts';

/**
 * Decimals a value in this unit is shown with. Shares and rates are published by ITU and the
 * World Bank to one or two decimals, but a tenth of a point is all a survey estimate supports;
 * counts are whole. Unknown units keep two decimals.
 */
const decimals: Record<string, number> = { PT: 1, PER_100_POP: 1, PER_100_HH: 1, NUMBER: 0 };

export function unitDigits(code: string): number {
  return decimals[code] ?? 2;
}

/**
 * A unit code in words, in the reader's language; a code the catalogs do not know is shown
 * readably ("PER_1000_POP" → "per 1000 pop") rather than as a raw code.
 *
 * @example
 * unitName(translator('fr'), 'PER_100_POP') // "pour 100 habitants"
 */
export function unitName(t: Translate, code: string): string {
  const key = `unit.${code}`;
  if (key in catalogs.en) return t(key as MessageKey);
  return code.replaceAll('_', ' ').toLowerCase();
}

/**
 * A value in its unit, rounded to what the unit supports, written the reader's way; "—" when there is none.
 *
 * @example
 * formatMeasure('en', 15107.68, 'NUMBER') // "15,108"
 */
export function formatMeasure(lang: Language, value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatNumber(lang, value, unitDigits(unit));
}
