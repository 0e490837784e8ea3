// Places suggested while a reader types (src/areas/typed.ts, `suggest`): the beginning of a name
// in any of the six languages, named in the reader's language, countries before groups.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAreaCatalog } from './catalog.ts';
import { areaReaderOf, type AreaReader } from './typed.ts';

let reader: AreaReader;
beforeAll(async () => {
  reader = areaReaderOf(await loadAreaCatalog());
});

describe('place suggestions', () => {
  it('suggests Kenya for "Ken", named in the language of the page', () => {
    expect(reader.suggest('Ken', 'en')[0]).toEqual({ code: 'KEN', name: 'Kenya' });
    expect(reader.suggest('ken', 'fr')[0]).toEqual({ code: 'KEN', name: 'Kenya' });
    expect(reader.suggest('كين', 'ar')[0]?.code).toBe('KEN');
    expect(reader.suggest('肯', 'zh')[0]).toEqual({ code: 'KEN', name: '肯尼亚' });
    // Typed in another language than the page's: still found, named the page's way.
    expect(reader.suggest('Кени', 'en')[0]).toEqual({ code: 'KEN', name: 'Kenya' });
  });

  it('puts the place a code names first, and names beginning so before a word inside a name', () => {
    expect(reader.suggest('UGA', 'en')[0]?.code).toBe('UGA');
    const names = reader.suggest('guinea', 'en', 20).map((s) => s.name);
    expect(names.slice(0, 3)).toContain('Guinea');
    expect(names).toContain('Papua New Guinea');
    expect(names.indexOf('Guinea')).toBeLessThan(names.indexOf('Papua New Guinea'));
  });

  it('offers regions and groups after countries, never a World Bank aggregate, and nothing for nothing', () => {
    const least = reader.suggest('Least', 'en');
    expect(least.map((s) => s.code)).toContain('199');
    expect(reader.suggest('High income', 'en').some((s) => s.code.startsWith('WB_'))).toBe(false);
    expect(reader.suggest('  ', 'en')).toEqual([]);
    expect(reader.suggest('Kenya', 'en', 3).length).toBeLessThanOrEqual(3);
  });
});
