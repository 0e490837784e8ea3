// Countries found by name as registries and readers write them (src/areas/names.ts), checked on
// the free-text deployment countries of the shipped DPGA registry (data/registries/dpga).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAreaCatalog } from './catalog.ts';
import { areaNameIndex, foldAreaName, type AreaNameIndex } from './names.ts';

let index: AreaNameIndex;
beforeAll(async () => {
  index = areaNameIndex(await loadAreaCatalog());
});

describe('area names', () => {
  it('folds case, accents, punctuation and a trailing parenthesis', () => {
    expect(foldAreaName("Eswatini (fmr. 'Swaziland')")).toBe('eswatini');
    expect(foldAreaName('Côte d’Ivoire')).toBe('cote d ivoire');
    expect(foldAreaName('  VIRGIN Islands, British ')).toBe('virgin islands british');
  });

  it('finds a country by its UN name in each of the six languages', () => {
    for (const name of ['Kenya', 'كينيا', '肯尼亚', 'Kenia', 'Кения']) expect(index.find(name), name).toBe('KEN');
    expect(index.find('République-Unie de Tanzanie')).toBe('TZA');
  });

  it('finds the common variants and short forms registries use', () => {
    const expected: Record<string, string> = {
      Tanzania: 'TZA',
      Vietnam: 'VNM',
      VietNam: 'VNM',
      Laos: 'LAO',
      Russia: 'RUS',
      'South Korea': 'KOR',
      'North Korea': 'PRK',
      Syria: 'SYR',
      Moldova: 'MDA',
      'Palestine State': 'PSE',
      'Czechia (Czech Republic)': 'CZE',
      'Congo (Congo-Brazzaville)': 'COG',
      'Democratic Republic of the Congo': 'COD',
      'United Kingdom': 'GBR',
      'Hong Kong': 'HKG',
      'Caribbean Netherlands': 'BES',
      'Saint Helena, Ascension and Tristan da Cunha': 'SHN',
    };
    for (const [name, code] of Object.entries(expected)) expect(index.find(name), name).toBe(code);
  });

  it('answers nothing for names that are not M49 areas, and for empty text', () => {
    expect(index.find('Kosovo')).toBeUndefined();
    expect(index.find('Taiwan')).toBeUndefined();
    expect(index.find('Atlantis')).toBeUndefined();
    expect(index.find(' ')).toBeUndefined();
  });

  it('maps every deployment country of the shipped DPGA registry but the non-M49 ones', async () => {
    const folder = path.resolve(import.meta.dirname, '../../data/registries/dpga/screening');
    const unmapped = new Set<string>();
    let mentions = 0;
    for (const file of await readdir(folder)) {
      const record = JSON.parse(await readFile(path.join(folder, file), 'utf8')) as { locations?: { deploymentCountries?: string[] } };
      for (const name of record.locations?.deploymentCountries ?? []) {
        if (name.trim() === '') continue;
        mentions++;
        if (!index.find(name)) unmapped.add(name);
      }
    }
    expect(mentions).toBeGreaterThan(2300);
    expect([...unmapped].sort()).toEqual(['Kosovo', 'Taiwan']);
  });
});
