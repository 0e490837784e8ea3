// Cross-references: surface forms in the six languages to one canonical symbol, the Arabic
// reversed order decided per reference, page markers never taken for references.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read.ts';
import { extractReferences, findReferences, orientPair, sessionOn } from './references.ts';

const seeds = path.resolve(import.meta.dirname, '../../data/documents/seeds');
const symbols = (text: string, lang: Parameters<typeof findReferences>[1]) => findReferences(text, lang).map((r) => r.symbol);

describe('findReferences: English', () => {
  it('normalizes resolutions, decisions, old-style and ECOSOC numbers', () => {
    expect(symbols('Recalling its resolution 70/125 of 16 December 2015 and decision 77/568,', 'en')).toEqual([
      'A/RES/70/125',
      'A/DEC/77/568',
    ]);
    expect(symbols('the Universal Declaration of Human Rights (resolution 217 A (III)) and resolution 2200 A (XXI), annex', 'en')).toEqual([
      'A/RES/217 A (III)',
      'A/RES/2200 A (XXI)',
    ]);
    expect(symbols('Economic and Social Council resolution 2006/46 and Council resolution 2023/3', 'en')).toEqual([
      'E/RES/2006/46',
      'E/RES/2023/3',
    ]);
    expect(symbols('Recalling its resolutions 56/183, 57/238 and 77/150,', 'en')).toEqual(['A/RES/56/183', 'A/RES/57/238', 'A/RES/77/150']);
    expect(symbols('Security Council resolution 2334 (2016)', 'en')).toEqual(['S/RES/2334 (2016)']);
  });

  it('reads document symbols, joint symbols, parts and paragraph pointers', () => {
    const refs = findReferences(
      '[on the report of the Second Committee (A/79/434, para. 21)] See A/C.2/59/3, annex; A/79/62-E/2024/3; E/CN.16/2018/CRP.3 and A/CONF.157/24 (Part I). See A/60/687.',
      'en',
    );
    expect(refs.map((r) => r.symbol)).toEqual([
      'A/79/434',
      'A/C.2/59/3',
      'A/79/62-E/2024/3',
      'E/CN.16/2018/CRP.3',
      'A/CONF.157/24 (Part I)',
      'A/60/687',
    ]);
    expect(refs[0]?.paragraph).toBe('21');
    expect(symbols('A/67/65/Corr.1-E/2012/48/Corr.1', 'en')).toEqual(['A/67/65/Corr.1-E/2012/48/Corr.1']);
  });

  it('reads paragraph references to resolutions and to named instruments', () => {
    const [r] = findReferences('in accordance with paragraph 71 of General Assembly resolution 70/125,', 'en');
    expect(r).toMatchObject({ symbol: 'A/RES/70/125', paragraph: '71' });
    const [t] = findReferences('as reflected in paragraph 72 of the Tunis Agenda for the Information Society,', 'en');
    expect(t).toMatchObject({
      kind: 'instrument',
      instrument: 'Tunis Agenda for the Information Society',
      symbol: 'A/60/687',
      paragraph: '72',
    });
  });

  it('never takes a page marker or a bare number pair for a reference', () => {
    expect(findReferences('3/20', 'en')).toEqual([]);
    expect(findReferences('as shown on page 10/20 of the report, 38/56 countries', 'en')).toEqual([]);
  });
});

describe('findReferences: the other languages', () => {
  it('reads French, Spanish, Russian and Chinese anchors', () => {
    expect(symbols('Rappelant sa résolution 70/125 du 16 décembre 2015 et la décision 77/568,', 'fr')).toEqual([
      'A/RES/70/125',
      'A/DEC/77/568',
    ]);
    expect(symbols('Recordando su resolución 70/125, de 16 de diciembre de 2015, y las resoluciones 56/183 y 57/238,', 'es')).toEqual([
      'A/RES/70/125',
      'A/RES/56/183',
      'A/RES/57/238',
    ]);
    expect(symbols('ссылаясь на свою резолюцию 70/125 от 16 декабря 2015 года и решение 77/568', 'ru')).toEqual([
      'A/RES/70/125',
      'A/DEC/77/568',
    ]);
    expect(symbols('回顾其2015年12月16日第70/125号决议和经社理事会第2006/46号决议以及第77/568号决定', 'zh')).toEqual([
      'A/RES/70/125',
      'E/RES/2006/46',
      'A/DEC/77/568',
    ]);
  });

  it('reads Arabic anchors, lists, ECOSOC, old-style numbers and decisions with harakat', () => {
    expect(symbols('وإذ تشير إلى قراريها 57/301 المؤرخ 13 آذار/مارس 2003 و 73/299،', 'ar')).toEqual(['A/RES/57/301', 'A/RES/73/299']);
    expect(symbols('قرار المجلس الاقتصادي والاجتماعي 2006/46', 'ar')).toEqual(['E/RES/2006/46']);
    expect(symbols('(2) القرار 217 ألف (د-3). (11) انظر القرار 2200 ألف (D-21)، المرفق.', 'ar')).toEqual([
      'A/RES/217 A (III)',
      'A/RES/2200 A (XXI)',
    ]);
    expect(symbols('A/77/L.109 (المقرَّر 77/568) والوثائق C24/55 وC12/INF/1(Rev.1)', 'ar')).toEqual([
      'A/77/L.109',
      'A/DEC/77/568',
      'C24/55',
      'C12/INF/1(Rev.1)',
    ]);
    expect(findReferences('الفقرة 72 من برنامج عمل تونس', 'ar')[0]).toMatchObject({
      kind: 'instrument',
      paragraph: '72',
      symbol: 'A/60/687',
    });
  });
});

describe('the Arabic order problem (UN-DOCUMENTS.md §1.5)', () => {
  it('orients each pair on its own: sessions are 31..current, years first, dates settle ties', () => {
    const opts = { lang: 'ar' as const, current: 80 };
    expect(orientPair(125, 70, opts)).toEqual({ first: 70, second: 125, orientation: 'reversed' });
    expect(orientPair(70, 125, opts)).toEqual({ first: 70, second: 125, orientation: 'as-written' });
    expect(orientPair(1, 79, opts)).toMatchObject({ first: 79, second: 1, orientation: 'reversed' });
    expect(orientPair(46, 2006, opts)).toMatchObject({ first: 2006, second: 46, orientation: 'reversed' });
    // Both plausible sessions: the date after the number decides (2015 → session 70).
    expect(orientPair(75, 70, { ...opts, dateYear: 2015 })).toMatchObject({ first: 70, second: 75, orientation: 'reversed' });
    expect(orientPair(75, 70, { ...opts, majority: 'reversed' })).toMatchObject({ first: 70, second: 75, orientation: 'ambiguous' });
    // English text is never flipped.
    expect(orientPair(125, 70, { lang: 'en', current: 80 }).orientation).toBe('as-written');
    expect(sessionOn('2025-12-17')).toBe(80);
    expect(sessionOn('2026-03-01')).toBe(80);
  });

  it('resolves the reversed references of seed 004 (A/RES/80/173, Arabic OCR), and its one unreversed 70/125', async () => {
    const doc = await readDocument(path.join(seeds, '004_d358089ea9b32d0d.txt'));
    const refs = extractReferences(doc);
    const byRaw = (raw: string) => refs.filter((r) => r.raw === raw).map((r) => r.symbol);
    expect(byRaw('125/70')).toEqual(Array(4).fill('A/RES/70/125'));
    expect(byRaw('1/79')).toEqual(['A/RES/79/1', 'A/RES/79/1']);
    expect(byRaw('213/78')).toEqual(['A/RES/78/213']);
    expect(byRaw('277/79')).toEqual(['A/RES/79/277']);
    expect(byRaw('323/79')).toEqual(['A/RES/79/323', 'A/RES/79/323']);
    expect(byRaw('240/75')).toEqual(['A/RES/75/240']);
    expect(byRaw('1/70')).toEqual(['A/RES/70/1', 'A/RES/70/1']);
    expect(refs.find((r) => r.raw === '70/125')).toMatchObject({
      symbol: 'A/RES/70/125',
      orientation: 'as-written',
      blockId: 'outcome_1__para_92',
    });
    expect(refs.filter((r) => r.orientation === 'ambiguous')).toEqual([]);
    // Footnote references carry their footnote; symbols and old-style numbers come through.
    expect(refs.find((r) => r.footnote === 10)).toMatchObject({ symbol: 'A/HRC/17/31', blockId: 'outcome_1__para_72' });
    expect(refs.map((r) => r.symbol)).toEqual(
      expect.arrayContaining(['A/80/L.41', 'A/RES/217 A (III)', 'A/RES/2200 A (XXI)', 'A/CONF.157/24 (Part I)', 'A/C.2/59/3']),
    );
  });

  it('finds the references of seed 001 (English) with their paragraphs and footnotes', async () => {
    const doc = await readDocument(path.join(seeds, '001_b2b2b425cb4da82d.txt'));
    const refs = extractReferences(doc);
    expect(refs.filter((r) => r.footnote === 1)).toHaveLength(20);
    expect(refs.filter((r) => r.footnote === 2).every((r) => r.symbol?.startsWith('E/RES/'))).toBe(true);
    expect(refs.find((r) => r.blockId === 'para_62' && r.kind === 'resolution')).toMatchObject({ symbol: 'A/RES/70/125', paragraph: '71' });
    expect(refs.find((r) => r.blockId === 'para_34' && r.kind === 'instrument')).toMatchObject({
      instrument: 'Tunis Agenda for the Information Society',
      paragraph: '72',
    });
    expect(refs.find((r) => r.footnote === 4)?.symbol).toBe('A/C.2/59/3');
    expect(refs.find((r) => r.footnote === 14)?.symbol).toBe('A/RES/217 A (III)');
    expect(refs.find((r) => r.footnote === 9)?.symbol).toBe('A/79/62-E/2024/3');
  });
});
