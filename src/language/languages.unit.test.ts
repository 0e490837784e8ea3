// The six UN languages and choosing one from a browser's Accept-Language header (RFC 9110 12.5.4).
import { describe, expect, it } from 'vitest';
import { directionOf, isLanguage, languages, negotiateLanguage } from './languages.ts';

describe('negotiateLanguage', () => {
  it('falls back to English without a header or a match', () => {
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage(null)).toBe('en');
    expect(negotiateLanguage('')).toBe('en');
    expect(negotiateLanguage('de, it;q=0.8')).toBe('en');
    expect(negotiateLanguage('*')).toBe('en');
  });

  it('picks each of the six languages by its primary tag, in any case', () => {
    for (const lang of languages) expect(negotiateLanguage(lang)).toBe(lang);
    expect(negotiateLanguage('AR-EG')).toBe('ar');
    expect(negotiateLanguage('zh-Hans-CN')).toBe('zh');
    expect(negotiateLanguage('fr-CH')).toBe('fr');
  });

  it('takes the highest quality among the languages it has', () => {
    expect(negotiateLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7')).toBe('fr');
    expect(negotiateLanguage('en;q=0.5, ar;q=0.9')).toBe('ar');
    expect(negotiateLanguage('de, zh-CN;q=0.5, en;q=0.4')).toBe('zh');
  });

  it('keeps the header order between equal qualities', () => {
    expect(negotiateLanguage('es, fr')).toBe('es');
    expect(negotiateLanguage('ru;q=0.8, ar;q=0.8')).toBe('ru');
  });

  it('never picks a language refused with q=0, and ignores malformed qualities', () => {
    expect(negotiateLanguage('ar;q=0, es;q=0.1')).toBe('es');
    expect(negotiateLanguage('ar;q=abc, ru;q=0.5')).toBe('ru');
  });

  it('accepts the optional whitespace the grammar allows around parameters', () => {
    expect(negotiateLanguage('de ,  fr ; q=0.9 ,en;q=0.8')).toBe('fr');
    expect(negotiateLanguage('es;Q=0.9, en;q=0.5')).toBe('es');
  });
});

describe('languages', () => {
  it('are the six official UN languages', () => {
    expect([...languages].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(isLanguage('ar')).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage('AR')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });

  it('writes Arabic right to left and the others left to right', () => {
    for (const lang of languages) expect(directionOf(lang)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  });
});
