// What a reader types where a form or a filter asks for places: a code (KEN, ke, 404, 002, LDC)
// or a name in any of the six languages ("Kenya", "Kenia", "Afrique", "Least Developed
// Countries"). One rule for the initiative form, the registry's filter and the implementation
// map's, so a place one of them accepts is never refused by another.
import { areaCatalog, type AreaCatalog } from './index.ts';
import { areaNameIndex, foldAreaName } from './names.ts';
import { languages, type Language } from '../language/languages.ts';

export interface TypedAreas {
  /** Concord area codes, in the order typed, without repeats. */
  codes: string[];
  /** What was typed and named no area, as typed (for the error message). */
  unknown: string[];
}

export interface AreaReader {
  /** The area code one typed code or name stands for, or undefined. */
  one(text: string): string | undefined;
  /**
   * A typed list: names or codes separated by commas (also ، ，、), semicolons or new lines.
   * Names that hold a comma ("China, Hong Kong Special Administrative Region") are recognised
   * whole; codes may also be separated by spaces ("KEN UGA").
   */
  list(text: string): TypedAreas;
  /** An area's name in a language (English, else the code, where the catalogue has none). */
  name(code: string, lang: Language): string;
  /** Area codes as names in a language, as `list` reads them back. */
  names(codes: readonly string[], lang: Language): string;
  /**
   * The places a reader may mean while still typing ("Ken" → Kenya): those whose name in one of the
   * six languages begins with the text, or one of whose words does, or whose code it is; named in
   * `lang`, names in the reader's language first, countries before regions and groups.
   */
  suggest(text: string, lang: Language, limit?: number): PlaceSuggestion[];
}

export interface PlaceSuggestion {
  code: string;
  /** The place's name in the language asked for, as `list` reads it back. */
  name: string;
}

/**
 * Reads a typed list of places ("Kenya, Uganda; Least Developed Countries"): lines split on
 * semicolons, parts on commas in any script; the longest run of parts that is one name wins, so a
 * comma inside a name does not split it; a part that names nothing is reported as unknown.
 */
function readAreaList(text: string, one: (typed: string) => string | undefined, resolve: (word: string) => string | undefined): TypedAreas {
  const codes: string[] = [];
  const unknown: string[] = [];
  const keep = (code: string) => {
    if (!codes.includes(code)) codes.push(code);
  };
  for (const line of text.split(/[;\n\r\uFF1B]+/)) {
    const parts = line
      .split(/[,\u060C\uFF0C\u3001]/)
      .map((p) => p.trim())
      .filter(Boolean);
    let at = 0;
    while (at < parts.length) {
      let matched = 0;
      for (let end = parts.length; end > at; end--) {
        const code = one(parts.slice(at, end).join(', '));
        if (code !== undefined) {
          keep(code);
          matched = end - at;
          break;
        }
      }
      if (matched === 0) {
        const part = parts[at]!;
        const words = part.split(/\s+/);
        const wordCodes = words.flatMap((w) => resolve(w) ?? []);
        if (words.length > 1 && wordCodes.length === words.length) wordCodes.forEach(keep);
        else unknown.push(part);
        matched = 1;
      }
      at += matched;
    }
  }
  return { codes, unknown };
}

/** Builds the reader over a catalogue: countries by every name `areaNameIndex` knows, regions and groups by their UN names. */
export function areaReaderOf(catalog: AreaCatalog): AreaReader {
  const countries = areaNameIndex(catalog);
  const others = new Map<string, string>();
  for (const area of catalog.areas.values()) {
    if (area.kind === 'country' || area.kind === 'wb-aggregate') continue;
    for (const lang of languages) {
      const key = area.names[lang] ? foldAreaName(area.names[lang]) : '';
      if (key && !others.has(key)) others.set(key, area.code);
    }
  }
  const one = (text: string): string | undefined => {
    const typed = text.trim();
    if (!typed) return undefined;
    const code = catalog.resolve(typed);
    if (code !== undefined && catalog.areas.get(code)?.kind !== 'wb-aggregate') return code;
    return countries.find(typed) ?? others.get(foldAreaName(typed));
  };
  const list = (text: string): TypedAreas => readAreaList(text, one, (word) => catalog.resolve(word));
  const name = (code: string, lang: Language): string => {
    const area = catalog.areas.get(code);
    return area?.names[lang] ?? area?.names.en ?? code;
  };
  // Every place a form accepts by name (World Bank aggregates are not), with its folded UN names.
  const named = [...catalog.areas.values()]
    .filter((area) => area.kind !== 'wb-aggregate')
    .map((area) => ({
      area,
      keys: languages.flatMap((l) => (area.names[l] ? [{ lang: l, key: foldAreaName(area.names[l]) }] : [])),
    }));
  const suggest = (text: string, lang: Language, limit = 8): PlaceSuggestion[] => {
    const typed = foldAreaName(text);
    if (!typed) return [];
    const exact = one(text);
    const ranked: { code: string; name: string; rank: number }[] = [];
    for (const { area, keys } of named) {
      // 0: its name in the reader's language begins so; 1: another language's; 2: one of its words; none: no match.
      let rank = area.code === exact ? -1 : Infinity;
      for (const { lang: l, key } of keys) {
        if (key.startsWith(typed)) rank = Math.min(rank, l === lang ? 0 : 1);
        else if (key.includes(` ${typed}`)) rank = Math.min(rank, 2);
      }
      if (rank === Infinity) continue;
      ranked.push({ code: area.code, name: name(area.code, lang), rank: rank * 2 + (area.kind === 'country' ? 0 : 1) });
    }
    return ranked
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, lang))
      .slice(0, limit)
      .map(({ code, name }) => ({ code, name }));
  };
  return {
    one,
    list,
    name,
    suggest,
    // A name holding a semicolon would be cut when read back; the UN names hold none, so "; " is not needed.
    names: (codes, lang) => codes.map((c) => name(c, lang)).join(lang === 'ar' ? '، ' : lang === 'zh' ? '，' : ', '),
  };
}

let reader: Promise<AreaReader> | undefined;

/** The reader over the shared catalogue, built on first use. */
export function areaReader(): Promise<AreaReader> {
  reader ??= areaCatalog()
    .then(areaReaderOf)
    .catch((error: unknown) => {
      reader = undefined;
      throw error;
    });
  return reader;
}

/**
 * The area a filter names (the registry's, the implementation map's): its code, or the catalog
 * key and values of the message said beside the field when it names none (an unknown area would
 * otherwise match nothing, silently).
 */
export async function readAreaFilter(
  text: string,
): Promise<{ code: string; error?: undefined } | { code?: undefined; error: { key: 'coverage.areaUnknown'; values: { code: string } } }> {
  const code = (await areaReader()).one(text);
  return code === undefined ? { error: { key: 'coverage.areaUnknown', values: { code: text.trim() } } } : { code };
}
