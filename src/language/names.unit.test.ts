// Names are cleaned before they are stored and compared by a look-alike key.
import { describe, expect, it } from 'vitest';
import { cleanName, nameKey } from './names.ts';

describe('cleanName', () => {
  it('removes bidi controls and invisible characters, folds compatibility forms, collapses every kind of space', () => {
    expect(cleanName('\u202EOrg\u200B A\u2069')).toBe('Org A');
    expect(cleanName('  Org\u00A0\u2003 A\u00AD\uFEFF ')).toBe('Org A');
    expect(cleanName('\uFF2F\uFF52\uFF47 \uFF21')).toBe('Org A');
    expect(cleanName('Org\uFE0F A\u{E0041}\u034F')).toBe('Org A');
    expect(cleanName('منظمة\u061C الاتصالات')).toBe('منظمة الاتصالات');
  });

  it('keeps letters of every script as typed', () => {
    expect(cleanName('Организация Объединённых Наций')).toBe('Организация Объединённых Наций');
    expect(cleanName('国际电信联盟')).toBe('国际电信联盟');
  });
});

describe('nameKey', () => {
  it('gives Latin, Cyrillic and Greek look-alikes, case and hidden characters the same key', () => {
    const key = nameKey('Org A');
    for (const lookAlike of [
      '\u041Erg A',
      'Org \u0391',
      'ORG a',
      'Org\u00A0A',
      'Org\u200B A',
      '\u202EOrg A',
      '\uFF2Frg A',
      '\u039FRG \u0410',
    ]) {
      expect(nameKey(lookAlike)).toBe(key);
    }
  });

  it('uses the whole UTS #39 table: digits and letters, every script, letter pairs', () => {
    expect(nameKey('Org 1')).toBe(nameKey('Org l'));
    expect(nameKey('Information Society')).toBe(nameKey('INFORMATION SOCIETY'));
    expect(nameKey('Information Society')).toBe(nameKey('information society'));
    expect(nameKey('Agenda 2030')).toBe(nameKey('Agenda 2O3O'));
    expect(nameKey('ІTU')).toBe(nameKey('ITU')); // Ukrainian І
    expect(nameKey('اتحاد يي')).toBe(nameKey('اتحاد یی')); // Persian and Arabic yeh
    expect(nameKey('Digital Ⅱ')).toBe(nameKey('Digital II')); // Roman numeral two
    expect(nameKey('Modern')).toBe(nameKey('Modem'));
  });

  it('keeps names apart that a reader tells apart', () => {
    expect(nameKey('Org A')).not.toBe(nameKey('Org B'));
    expect(nameKey('Café Network')).not.toBe(nameKey('Cafe Network'));
    expect(nameKey('国际电信联盟')).not.toBe(nameKey('国际电信'));
  });
});
