// Countries and areas found by name, as people and registries write them: the UN names in the six
// languages (data/areas), the ISO 3166 names and their common variants in many languages (the
// i18n-iso-countries package: "Tanzania", "Vietnam", "South Korea"), and the few short forms
// that neither lists ("Laos", "Syria", "Palestine State"). Registries such as the Digital Public
// Goods Alliance's write countries as free English text; forms let a reader choose a country by
// its name in their language. Matching folds case, accents, punctuation and a trailing
// parenthesis ("Czechia (Czech Republic)", "Eswatini (fmr. 'Swaziland')").
import { createRequire } from 'node:module';
import type { AreaCatalog } from './catalog.ts';
import { languages, type Language } from '../language/languages.ts';

const require = createRequire(import.meta.url);

/** i18n-iso-countries' names per language: `{ alpha2: name | [name, variant...] }`. */
interface IsoCountryNames {
  locale: string;
  countries: Record<string, string | string[]>;
}

// Short forms in common use that neither the UN tables nor the ISO names carry. Each is the name
// of exactly one M49 area, so no ambiguity is introduced.
const shortForms: Record<string, string> = {
  laos: 'LAO',
  brunei: 'BRN',
  micronesia: 'FSM',
  'palestine state': 'PSE',
  'state of palestine': 'PSE',
  palestine: 'PSE',
  'caribbean netherlands': 'BES',
  'ivory coast': 'CIV',
  'cape verde': 'CPV',
  swaziland: 'SWZ',
  burma: 'MMR',
  'east timor': 'TLS',
  'congo brazzaville': 'COG',
  'congo kinshasa': 'COD',
  'the gambia': 'GMB',
  turkiye: 'TUR',
  syria: 'SYR',
  moldova: 'MDA',
  'saint helena ascension and tristan da cunha': 'SHN',
};

/**
 * Folds a name for comparison: lower case, no accents, no punctuation, no trailing parenthesis,
 * single spaces. Arabic and Chinese names keep their letters.
 *
 * @example
 * foldAreaName("Eswatini (fmr. 'Swaziland')"); // 'eswatini'
 * foldAreaName('Côte d’Ivoire'); // 'cote d ivoire'
 */
export function foldAreaName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\s*\([^)]*\)\s*$/u, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface AreaNameIndex {
  /** The Concord area code (ISO alpha-3 for countries) of a name, or undefined when none matches. */
  find(name: string): string | undefined;
}

/**
 * An index of every country's names for `find`. Built once from the catalogue; the ISO variant
 * names are read from i18n-iso-countries for the six UN languages.
 *
 * @example
 * const index = areaNameIndex(await areaCatalog());
 * index.find('Tanzania'); // 'TZA'
 * index.find('Kenia'); // 'KEN' (Spanish)
 * index.find('Kosovo'); // undefined: not an M49 area
 */
export function areaNameIndex(catalog: AreaCatalog): AreaNameIndex {
  const codes = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = foldAreaName(name);
    if (key !== '' && !codes.has(key)) codes.set(key, code);
  };
  // The UN names first: they win where another source would give the same words another code.
  for (const area of catalog.areas.values()) {
    if (area.kind !== 'country') continue;
    for (const lang of languages) {
      const name = area.names[lang];
      if (name) add(name, area.code);
    }
  }
  for (const lang of languages) {
    for (const [alpha2, names] of Object.entries(isoNames(lang))) {
      // Only areas M49 knows: i18n-iso-countries also names Kosovo (XK) and Taiwan (TW), which M49
      // does not list as areas of their own.
      const code = catalog.resolve(alpha2);
      if (code === undefined || catalog.areas.get(code)?.kind !== 'country') continue;
      for (const name of Array.isArray(names) ? names : [names]) add(name, code);
    }
  }
  for (const [name, code] of Object.entries(shortForms)) if (catalog.areas.get(code)?.kind === 'country') add(name, code);
  return {
    find(name) {
      const key = foldAreaName(name);
      if (key === '') return undefined;
      return codes.get(key) ?? codes.get(key.replace(/^the /, ''));
    },
  };
}

function isoNames(lang: Language): Record<string, string | string[]> {
  return (require(`i18n-iso-countries/langs/${lang}.json`) as IsoCountryNames).countries;
}
