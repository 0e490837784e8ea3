// The document layer on the five real seeds (data/documents/seeds): counts the documents issue's
// "Done when" names, sub-paragraphs, footnotes attached and not counted, outcome documents,
// ITU report sections.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentReadError, type Block, type UNDocument } from './model.ts';
import { pageFurniture } from './pagelayer.ts';
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

// The core library as extracted from the official PDFs (data/documents/*.en.txt, PyMuPDF text with
// all its page furniture): the frames issue 12 names, and no page furniture in any paragraph.
const library = path.resolve(import.meta.dirname, '../../data/documents');
const libraryFile = (name: string) => path.join(library, name);

describe('A/RES/79/1 (PDF text): the Global Digital Compact as annex I', async () => {
  const doc = await readDocument(libraryFile('A_RES_79_1.en.txt'));
  const annex = doc.blocks.filter((b) => b.part === 'annex_1');

  it('reads the symbol from the masthead', () => {
    expect(doc.symbol).toBe('A/RES/79/1');
    expect(doc.parts.map((p) => p.kind)).toEqual(['main', 'outcome-document', 'annex', 'annex']);
  });

  it('gives the GDC its 74 paragraphs, numbered 1 to 74, and its lettered actions', () => {
    const paragraphs = annex.filter((b) => b.kind === 'operative');
    expect(paragraphs.map((b) => b.number)).toEqual(Array.from({ length: 74 }, (_, i) => String(i + 1)));
    const lettered = annex.filter((b) => b.kind === 'subparagraph' && /^[a-z]{1,2}$/.test(b.number ?? ''));
    expect(lettered).toHaveLength(89);
    // Paragraph 21 (digital economy): "We commit, by 2030, to:" and its actions (a) to (j).
    expect(lettered.filter((b) => b.parent === 'annex_1__para_21').map((b) => b.number)).toEqual([...'abcdefghij']);
  });

  it('keeps the objectives 1.–5. inside paragraph 7, not as a run of paragraphs', () => {
    const objectives = annex.filter((b) => b.parent === 'annex_1__para_7');
    expect(objectives.map((b) => [b.kind, b.number])).toEqual([1, 2, 3, 4, 5].map((n) => ['subparagraph', String(n)]));
    expect(objectives[0]?.text).toMatch(/^Close all digital divides/);
  });

  it('reads the annex headings ("Objective 1. …", "Connectivity") as headings', () => {
    const headings = annex.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toContain('Connectivity');
    expect(headings.some((h) => h.startsWith('Objective 1. Close all digital divides'))).toBe(true);
    expect(doc.warnings.filter((w) => w.code === 'numbering-gap' && w.message.includes('annex_1'))).toEqual([]);
  });

  it('reads the Pact’s "Action N." lines as labelled headings, not as part of a paragraph', () => {
    const actions = doc.blocks.filter((b) => b.part === 'outcome_1' && b.kind === 'heading' && /^Action \d+\./.test(b.text));
    expect(actions.length).toBeGreaterThanOrEqual(50);
    expect(actions.find((b) => b.number === '6')?.text).toBe(
      'Action 6. We will invest in people to end poverty and strengthen trust and social cohesion.',
    );
    expect(doc.blocks.some((b) => b.kind === 'operative' && /\bAction \d+\. We will\b/.test(b.text))).toBe(false);
  });
});

describe('a text with no enacting formula but a run of numbered paragraphs: the GDC read on its own', async () => {
  // Annex I of A/RES/79/1 as a text of its own (from its "Annex I" line to "Annex II"), page furniture included.
  const pact = await readFile(libraryFile('A_RES_79_1.en.txt'), 'utf8');
  const gdc = pact.slice(pact.search(/^Annex I\s*$/m), pact.search(/^Annex II\s*$/m));
  const doc = await readDocument(new TextEncoder().encode(gdc), { fileName: 'gdc.txt' });

  it('reads its title, its 74 paragraphs, its 89 lettered actions and the objectives inside paragraph 7', () => {
    expect(doc.title).toBe('Global Digital Compact');
    expect(doc.blocks.filter((b) => b.kind === 'operative').map((b) => b.number)).toEqual(
      Array.from({ length: 74 }, (_, i) => String(i + 1)),
    );
    expect(doc.blocks.filter((b) => b.kind === 'subparagraph' && /^[a-z]{1,2}$/.test(b.number ?? ''))).toHaveLength(89);
    expect(doc.blocks.filter((b) => b.parent === 'para_7').map((b) => b.number)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('attaches footnote 18 to paragraph 5, where "Plan of Action 18" calls it between notes 17 and 19', () => {
    expect(doc.blocks.find((b) => b.id === 'para_5')?.footnotes.map((f) => f.number)).toEqual([17, 18, 19]);
    expect(doc.warnings.filter((w) => w.code === 'footnote-uncalled')).toEqual([]);
  });
});

describe('A/RES/80/173 (PDF text, English): an embedded outcome document', async () => {
  const doc = await readDocument(libraryFile('A_RES_80_173.en.txt'));
  const outcome = doc.blocks.filter((b) => b.part === 'outcome_1');

  it('finds the enacting formula without its comma, and the symbol from the masthead', () => {
    expect(doc.symbol).toBe('A/RES/80/173');
    expect(doc.blocks.find((b) => b.kind === 'enacting-formula')?.text).toBe('The General Assembly');
    expect(doc.blocks.filter((b) => b.kind === 'operative' && b.number === null).map((b) => b.text)).toEqual([
      expect.stringMatching(/^Adopts the following outcome document .*:$/) as string,
    ]);
  });

  it('keeps the outcome document’s title and chapeau apart from each other and from the paragraphs', () => {
    expect(outcome.slice(0, 3).map((b) => b.kind)).toEqual(['title', 'chapeau', 'preambular']);
    expect(outcome[0]?.text).toMatch(/^Outcome document of the high-level meeting .* Information Society$/);
    expect(outcome[1]?.text).toMatch(/^We, the Ministers and heads of delegations .* 2025,$/);
    expect(outcome.filter((b) => b.kind === 'preambular')).toHaveLength(7);
  });

  it('has 127 numbered paragraphs, 1 to 127, with sentences that start a new page kept in their paragraph', () => {
    const paragraphs = outcome.filter((b) => b.kind === 'operative');
    expect(paragraphs.map((b) => b.number)).toEqual(Array.from({ length: 127 }, (_, i) => String(i + 1)));
    expect(outcome.filter((b) => b.kind === 'text')).toEqual([]);
    expect(outcome.find((b) => b.number === '111')?.text).toMatch(
      /approaches to digital development\. We call upon action line facilitators/,
    );
  });

  it('reads participle headings before a numbered paragraph as headings', () => {
    const headings = outcome.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Closing all digital divides',
        'Building confidence and security in the use of information and communications technologies',
        'Monitoring and measurement',
      ]),
    );
    expect(outcome.filter((b) => b.kind === 'preambular').some((b) => !/[,;:.]$/.test(b.text))).toBe(false);
  });

  it('attaches footnotes to the paragraph that calls them, also a call set apart by a space', () => {
    expect(outcome.find((b) => b.number === '23')?.footnotes.map((f) => f.number)).toEqual([7]);
    expect(outcome.find((b) => b.number === '23')?.text).toContain('Convention on the Rights of Persons with Disabilities affirms');
    expect(outcome.find((b) => b.number === '71')?.footnotes.map((f) => f.number)).toEqual([10]);
    expect(doc.warnings.filter((w) => w.code === 'footnote-uncalled')).toEqual([]);
  });
});

describe('the page layer of the library (PDF text)', async () => {
  const names = (await readdir(library)).filter((f) => f.endsWith('.en.txt')).sort();

  it.each(names)('%s: no paragraph holds a job number, a page number or the running head', async (name) => {
    const raw = await readFile(libraryFile(name), 'utf8');
    const lines = raw.split('\n');
    // The running head as printed at the first page break: the lines from the break to "2/N".
    const marker = lines.findIndex((l) => /^\s*2\/\d+\s*$/.test(l));
    const pages = Number(/\/(\d+)/.exec(lines[marker] ?? '')?.[1] ?? 0);
    const head: string[] = [];
    for (let k = marker - 1; k > 0 && lines[k] !== ''; k--) if (/\p{L}/u.test(lines[k] ?? '')) head.unshift((lines[k] ?? '').trim());
    const doc = await readDocument(libraryFile(name));
    const paragraphs = doc.blocks.filter((b) => b.kind !== 'preface' && b.kind !== 'title');
    expect(paragraphs.length).toBeGreaterThan(5);
    for (const b of paragraphs) {
      expect(b.text, b.id).not.toMatch(/\b\d{2}-\d{5}\b|\*\d{7,}\*|Error! No document variable/);
      for (let n = 1; n <= pages; n++) expect(b.text, b.id).not.toMatch(new RegExp(`(?:^|\\s)${n}/${pages}(?:\\s|$)`));
      // The running head (its first two lines in a row: the symbol and the title, or the title's
      // first two lines) never runs into a paragraph.
      if (head.length >= 2) expect(b.text, b.id).not.toContain(`${head[0]} ${head[1]}`);
    }
  });

  it('never takes a lone "(a)" or "1." for page furniture, however often it recurs', () => {
    const text = [
      'A/RES/1/1',
      'Title',
      '',
      '(a)',
      'One;',
      '',
      '1.',
      'Two;',
      '',
      '(a)',
      'Three;',
      '',
      '1.',
      'Four;',
      '',
      '(a)',
      'Five.',
    ].join('\n');
    const lines = text.split('\n');
    const dropped = [...pageFurniture(lines)].map((i) => lines[i]);
    expect(dropped).not.toContain('(a)');
    expect(dropped).not.toContain('1.');
  });

  it('drops the running head at its first repeat, on page 2 of a two-page document', () => {
    const text = [
      'United Nations',
      'A/RES/9/9',
      'General Assembly',
      '9/9. A short resolution',
      'The General Assembly,',
      'Recalling something,',
      '',
      'A/RES/9/9',
      'A short resolution',
      ' ',
      '25-00001',
      '2/2',
      ' ',
      '1.',
      'Decides something.',
    ].join('\n');
    const lines = text.split('\n');
    expect(
      [...pageFurniture(lines)]
        .map((i) => lines[i]?.trim())
        .filter(Boolean)
        .sort(),
    ).toEqual(['2/2', '25-00001', 'A short resolution', 'A/RES/9/9']);
  });
});

describe('bad input stays safe (issue 12, item 8)', () => {
  it('refuses a 5 MB single-line file, saying what looked wrong', async () => {
    const line = 'Recalling its resolution 70/1 and A/RES/79/194, '.repeat(110_000);
    expect(line.length).toBeGreaterThan(5_000_000);
    const error = await readDocument(new TextEncoder().encode(line), { fileName: 'one-line.txt' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentReadError);
    expect(error).toMatchObject({ code: 'paragraph-too-long' });
    expect((error as Error).message).toMatch(/characters long on a single line with no paragraph break/);
  });

  it('warns about a paragraph far longer than a UN paragraph, and still reads the document', async () => {
    const text = `The General Assembly,\n\nRecalling its resolution 70/1,\n\n1.\tDecides ${'to act, '.repeat(2_000)}and to remain seized.\n`;
    const doc = await readDocument(new TextEncoder().encode(text), { fileName: 'long.txt' });
    expect(doc.blocks.filter((b) => b.kind === 'operative')).toHaveLength(1);
    expect(doc.warnings.find((w) => w.code === 'long-paragraph')?.message).toMatch(/^Block \d+ is 1\d,\d{3} characters long/);
  });
});

describe('frames in other scripts and layouts', () => {
  it('reads a Traditional Chinese resolution with Chinese numerals in its date', async () => {
    const text = [
      '第七十九屆會議',
      '議程項目15',
      '大會二〇二四年十二月十九日通過的決議',
      '79/194. 信息和通信技術促進可持續發展',
      '大會，',
      '回顧其關於信息和通信技術促進發展的各項決議，',
      '1. 注意到秘書長的報告；',
      '2. 決定繼續審議這一問題。',
    ].join('\n\n');
    const doc = await readDocument(new TextEncoder().encode(text), { fileName: 'zh.txt', lang: 'zh' });
    expect(doc).toMatchObject({ organ: 'GA', session: 79, date: '2024-12-19', symbol: 'A/RES/79/194' });
    expect(doc.blocks.filter((b) => b.kind === 'operative').map((b) => b.number)).toEqual(['1', '2']);
    expect(doc.blocks.filter((b) => b.kind === 'preambular')).toHaveLength(1);
  });

  it('keeps one paragraph per line when a text puts each on its own line, however short', async () => {
    const text = [
      'The General Assembly,',
      'Recalling its resolution 70/1,',
      'Noting the report,',
      '1. Decides to act;',
      '2. Requests a report;',
      '3. Decides to remain seized of the matter.',
    ].join('\n');
    const doc = await readDocument(new TextEncoder().encode(text), { fileName: 'short.txt' });
    expect(doc.blocks.map((b) => b.kind)).toEqual(['enacting-formula', 'preambular', 'preambular', 'operative', 'operative', 'operative']);
  });
});
