// The document layer on the five real seeds (data/documents/seeds): counts the documents issue's
// "Done when" names, sub-paragraphs, footnotes attached and not counted, outcome documents,
// ITU report sections.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, UNDocument } from './model.ts';
import { readDocument } from './read.ts';

const seeds = path.resolve(import.meta.dirname, '../../data/documents/seeds');
const seed = (name: string) => path.join(seeds, name);
const SEED_000 = seed('000_d4926a5fe88438a0.txt');
const SEED_001 = seed('001_b2b2b425cb4da82d.txt');
const SEED_002 = seed('002_f8a4ef560f93c243.txt');
const SEED_003 = seed('003_cc26615458264e6a.txt');
const SEED_004 = seed('004_d358089ea9b32d0d.txt');

const ofKind = (doc: UNDocument, kind: Block['kind'], part?: string) =>
  doc.blocks.filter((b) => b.kind === kind && (part === undefined || b.part === part));
const byId = (doc: UNDocument, id: string) => doc.blocks.find((b) => b.id === id);

describe('seed 001: A/RES/79/194 (English, Markdown)', async () => {
  const doc = await readDocument(SEED_001);

  it('reads the masthead: symbol, organ, session, number, date, agenda item, title', () => {
    expect(doc).toMatchObject({
      format: 'markdown',
      language: 'en',
      kind: 'resolution',
      symbol: 'A/RES/79/194',
      organ: 'GA',
      session: 79,
      number: '194',
      date: '2024-12-19',
      agendaItem: '15',
      agendaTitle: 'Information and communications technologies for sustainable development',
      title: 'Information and communications technologies for sustainable development',
    });
    expect(ofKind(doc, 'enacting-formula').map((b) => b.text)).toEqual(['The General Assembly,']);
  });

  it('has 55 preambular and 69 operative paragraphs, numbered 1 to 69 in order', () => {
    expect(ofKind(doc, 'preambular')).toHaveLength(55);
    const operative = ofKind(doc, 'operative');
    expect(operative).toHaveLength(69);
    expect(operative.map((b) => b.number)).toEqual(Array.from({ length: 69 }, (_, i) => String(i + 1)));
    expect(operative.every((b) => !/^\d+\./.test(b.text))).toBe(true);
    expect(doc.warnings.filter((w) => w.code === 'numbering-gap')).toEqual([]);
  });

  it('gives paragraph 65 its sub-paragraphs (a) and (b), and nothing else has any', () => {
    const subs = ofKind(doc, 'subparagraph');
    expect(subs.map((s) => [s.number, s.parent])).toEqual([
      ['a', 'para_65'],
      ['b', 'para_65'],
    ]);
    expect(byId(doc, 'para_65')?.text).toMatch(/^Calls upon Member States and invites other stakeholders.*:$/);
    expect(subs[0]?.text).toMatch(/^Enhancing the ability of developing countries/);
  });

  it('attaches the 20 footnotes to the paragraphs that call them, at the call, without counting them', () => {
    expect(doc.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const p1 = byId(doc, 'preamble__p_1');
    expect(p1?.footnotes).toEqual([
      expect.objectContaining({ number: 1, text: expect.stringMatching(/^Resolutions 56\/183, 57\/238/) as string }),
    ]);
    expect(p1?.footnotes[0]?.offset).toBe(p1?.text.length);
    // Four notes in one preambular paragraph (Geneva and Tunis outcomes and their endorsements).
    expect(byId(doc, 'preamble__p_8')?.footnotes.map((f) => f.number)).toEqual([4, 5, 6, 7]);
    expect(byId(doc, 'para_38')?.footnotes).toEqual([expect.objectContaining({ number: 17, text: 'See E/CN.16/2018/CRP.3.' })]);
    // No footnote text leaked into a paragraph, and no paragraph is a footnote.
    expect(doc.blocks.some((b) => /^(?:See A\/|Resolution 70\/125\.$)/.test(b.text))).toBe(false);
    expect(doc.blocks.some((b) => b.text.includes('\uE000'))).toBe(false);
  });

  it('rejoins paragraphs that a footnote block cut in two', () => {
    // "…the promise of science and technology, including information" + [footnote 14] + "and communications technologies, remains unfulfilled…"
    const p = ofKind(doc, 'preambular').find((b) => b.text.startsWith('Noting with great concern also'));
    expect(p?.text).toContain('including information and communications technologies, remains unfulfilled');
    expect(byId(doc, 'para_5')?.text).toContain('scientific content online so as to promote quality of access');
    expect(byId(doc, 'para_57')?.text).toContain('takes note of its intergovernmentally agreed conclusions');
  });

  it('ends with the closing formula', () => {
    expect(ofKind(doc, 'closing').map((b) => b.text)).toEqual(['54th plenary meeting 19 December 2024']);
  });
});

describe('seed 004: A/RES/80/173 (Arabic, OCR text)', async () => {
  const doc = await readDocument(SEED_004);
  const outcome = doc.parts.find((p) => p.kind === 'outcome-document');

  it('reads the masthead despite the reversed "173/80" and the OCR noise', () => {
    expect(doc).toMatchObject({
      format: 'text',
      language: 'ar',
      symbol: 'A/RES/80/173',
      session: 80,
      number: '173',
      date: '2025-12-17',
      agendaItem: '15',
    });
    expect(doc.ocrNoise).toBeGreaterThan(0.005);
    expect(ofKind(doc, 'enacting-formula').map((b) => b.text)).toEqual(['إن الجمعية العامة،']);
  });

  it('has the single unnumbered "Adopts…" paragraph, which opens the embedded outcome document', () => {
    const adopts = ofKind(doc, 'operative', 'main');
    expect(adopts).toHaveLength(1);
    expect(adopts[0]?.number).toBeNull();
    expect(adopts[0]?.text).toMatch(/^تعتمد الوثيقة الختامية.*:$/);
    expect(outcome).toMatchObject({ id: 'outcome_1', openedBy: adopts[0]?.id });
  });

  it('gives the outcome document 7 preambular and 127 numbered paragraphs under its headings', () => {
    expect(ofKind(doc, 'preambular', 'outcome_1')).toHaveLength(7);
    expect(ofKind(doc, 'preambular', 'main')).toHaveLength(0);
    const numbered = ofKind(doc, 'operative', 'outcome_1');
    expect(numbered.map((b) => b.number)).toEqual(Array.from({ length: 127 }, (_, i) => String(i + 1)));
    const headings = ofKind(doc, 'heading', 'outcome_1');
    expect(headings.length).toBe(17);
    expect(headings[0]?.text).toBe('مقدمة');
    expect(byId(doc, 'outcome_1__para_1')?.heading).toBe(headings[0]?.id);
    expect(byId(doc, 'outcome_1__para_127')?.heading).toBe(headings.at(-1)?.id);
    expect(headings.at(-1)?.text).toMatch(/المتابعة والاستعراض/);
  });

  it('cleans the OCR text for display: no tatweel, no stray CJK, no Markdown debris', () => {
    const all = doc.blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/\u0640|特|\*\*|\]\(#\)/);
    expect(byId(doc, 'outcome_1__para_20')?.text).toContain('الإنترنت');
  });

  it('rejoins paragraphs cut by footnote lines and line wraps', () => {
    expect(byId(doc, 'outcome_1__para_23')?.text).toMatch(/لتعزيز إمكانية الوصول والمساواة/);
    expect(byId(doc, 'outcome_1__para_79')?.text).toMatch(/وأن نتصدى لها\.$/);
    expect(byId(doc, 'outcome_1__preamble__p_2')?.text).toContain('تحويل عالمنا');
  });

  it('attaches the 11 footnotes "(1)"… "(11)", fixing the ones printed in visual order', () => {
    expect(doc.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(byId(doc, 'outcome_1__para_72')?.footnotes).toEqual([expect.objectContaining({ number: 10, text: 'A/HRC/17/31، المرفق' })]);
    expect(byId(doc, 'outcome_1__para_23')?.footnotes.map((f) => f.text)).toEqual(['United Nations, Treaty Series, vol. 2515, No. 44910.']);
    expect(doc.blocks.some((b) => /^\(\d+\)\s/.test(b.text))).toBe(false);
  });
});

describe('ITU Council reports (seeds 002 and 003, Arabic)', () => {
  it('gives seed 002 its numbered sections 1–8 and paragraphs 1.1…8.1, reading "1.2" under section 2 as 2.1', async () => {
    const doc = await readDocument(SEED_002);
    expect(doc).toMatchObject({ kind: 'report', organ: 'ITU Council', language: 'ar', date: '2023-06-12' });
    expect(doc.title).toMatch(/^التعاون مع منظومة الأمم المتحدة/);
    expect(ofKind(doc, 'section').map((b) => b.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(ofKind(doc, 'paragraph').map((b) => b.number)).toEqual([
      '1.1',
      ...Array.from({ length: 10 }, (_, i) => `2.${i + 1}`),
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '4.1',
      '4.2',
      '5.1',
      '5.2',
      '5.3',
      '6.1',
      '6.2',
      '6.3',
      '6.4',
      '6.5',
      '7.1',
      '8.1',
    ]);
    expect(byId(doc, 'para_2_10')?.parent).toBe('sec_2');
    // The five bullets of 6.2 ("…من خلال:") are its items.
    expect(ofKind(doc, 'list-item').map((b) => b.parent)).toEqual(Array(5).fill('para_6_2'));
    expect(doc.warnings.map((w) => w.code)).toContain('reversed-number');
  });

  it('gives seed 003 its sections 1, 2 and 2.1–2.4, with the GDC objective headings and bullets', async () => {
    const doc = await readDocument(SEED_003);
    expect(doc.kind).toBe('report');
    expect(ofKind(doc, 'section').map((b) => b.number)).toEqual(['1', '2', '2.1', '2.2', '2.3', '2.4']);
    expect(byId(doc, 'sec_2_3')?.text).toBe('فريق العمل المعني بالذكاء الاصطناعي، المشترك بين الوكالات');
    expect(ofKind(doc, 'heading').map((b) => /^الهدف (\d) للميثاق الرقمي العالمي:/.exec(b.text)?.[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(ofKind(doc, 'list-item').length).toBeGreaterThanOrEqual(6);
  });
});

describe('seed 000: the GDC zero-draft web page', () => {
  it('is a web page with a title, headings and text; the spam line in another script is dropped', async () => {
    const doc = await readDocument(SEED_000);
    expect(doc).toMatchObject({ kind: 'web-page', language: 'en', title: 'Global Digital Compact — Zero Draft', symbol: null });
    expect(doc.blocks.some((b) => b.text.includes('国产'))).toBe(false);
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: 'noise-line' }));
    expect(ofKind(doc, 'heading').map((b) => b.text)).toContain(
      'An inclusive global framework to overcome digital, data and innovation divides',
    );
    expect(ofKind(doc, 'text').length).toBeGreaterThanOrEqual(7);
  });
});
