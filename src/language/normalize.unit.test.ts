// The two text tiers: display-clean (what a reader sees) and search-fold (what the index holds).
import { describe, expect, it } from 'vitest';
import { cleanForDisplay, foldArabic, foldForSearch, segmentChinese } from './normalize.ts';

describe('cleanForDisplay', () => {
  it('removes Arabic tatweel (kashida), which only stretches a word', () => {
    expect(cleanForDisplay('التنميـــة المستـدامة')).toBe('التنمية المستدامة');
    expect(cleanForDisplay('ـــ')).toBe('');
  });

  it('turns Arabic presentation forms into the base letters', () => {
    // U+FE8D.. (isolated/initial/medial/final forms) as old PDFs and OCR give them.
    expect(cleanForDisplay('\uFE8D\uFEDF\uFE98\uFEE8\uFEE4\uFEF4\uFE94')).toBe('التنمية');
    // The lam-alef ligature is two letters.
    expect(cleanForDisplay('\uFEFB')).toBe('لا');
  });

  it('removes invisible marks and soft hyphens, and tidies spaces', () => {
    expect(cleanForDisplay('\uFEFFdigital\u200B co\u00ADoperation\u200F')).toBe('digital cooperation');
    expect(cleanForDisplay('  one \t two  \n  three  ')).toBe('one two\nthree');
  });

  it('leaves ordinary text, accents and Arabic diacritics as they are', () => {
    expect(cleanForDisplay('Développement durable')).toBe('Développement durable');
    expect(cleanForDisplay('التَّنْمِيَة')).toBe('التَّنْمِيَة');
    expect(cleanForDisplay('可持续发展')).toBe('可持续发展');
  });
});

describe('foldArabic', () => {
  it('strips the conjunction و or ف before the article ال (the arabic stemmer does not)', () => {
    expect(foldArabic('والتنمية')).toBe(foldArabic('التنمية'));
    expect(foldArabic('فالتعليم')).toBe('التعليم');
    expect(foldArabic('الصحة والتعليم')).toBe('الصحه التعليم');
    expect(foldArabic('(والتنمية)')).toBe('(التنميه)');
  });

  it('keeps a word that merely starts with و or ف', () => {
    expect(foldArabic('وزارة')).toBe('وزاره');
    expect(foldArabic('فريق')).toBe('فريق');
    expect(foldArabic('الولايات')).toBe('الولايات');
  });

  it('folds letter variants: alef forms, alef maqsura, teh marbuta', () => {
    expect(foldArabic('أإآٱ')).toBe('اااا');
    expect(foldArabic('مستوى')).toBe('مستوي');
    expect(foldArabic('التنمية')).toBe('التنميه');
  });

  it('removes diacritics, tatweel and presentation forms', () => {
    expect(foldArabic('التَّنْمِيَةُ')).toBe('التنميه');
    expect(foldArabic('التنميـــة')).toBe('التنميه');
    expect(foldArabic('\uFE8D\uFEDF\uFE98\uFEE8\uFEE4\uFEF4\uFE94')).toBe('التنميه');
  });
});

describe('segmentChinese', () => {
  it('splits Chinese into space-separated words', () => {
    const words = segmentChinese('可持续发展目标').split(' ');
    expect(words.length).toBeGreaterThan(1);
    expect(words.join('')).toBe('可持续发展目标');
    expect(words).toContain('发展');
  });

  it('drops punctuation and keeps numbers as words', () => {
    const segmented = segmentChinese('消除贫困，促进发展。到2030年');
    expect(segmented).not.toMatch(/[，。]/);
    expect(segmented.split(' ')).toContain('2030');
    expect(segmented.replace(/ /g, '')).toBe('消除贫困促进发展到2030年');
  });
});

describe('foldForSearch', () => {
  it('uses the Arabic fold for Arabic and segmentation for Chinese', () => {
    expect(foldForSearch('والتنمية', 'ar')).toBe('التنميه');
    expect(foldForSearch('可持续发展目标', 'zh')).toBe(segmentChinese('可持续发展目标'));
  });

  it('takes accents off Latin-script text', () => {
    expect(foldForSearch('Électronique, coopération', 'fr')).toBe('Electronique, cooperation');
    expect(foldForSearch('educación', 'es')).toBe('educacion');
    expect(foldForSearch('Internet', 'en')).toBe('Internet');
  });

  it('folds Russian ё to е but keeps й, a letter of its own (the stemmer needs -ый, -ий)', () => {
    expect(foldForSearch('объём', 'ru')).toBe('объем');
    expect(foldForSearch('Ёлка', 'ru')).toBe('Елка');
    expect(foldForSearch('устойчивый', 'ru')).toBe('устойчивый');
    expect(foldForSearch('Йемен', 'ru')).toBe('Йемен');
  });

  it('cleans before folding, in every language', () => {
    expect(foldForSearch('digital\u200B co\u00ADoperation', 'en')).toBe('digital cooperation');
  });
});
