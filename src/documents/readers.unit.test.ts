// The readers behind readDocument: DOCX (made here with `docx`), PDF (made here with `pdf-lib`),
// HTML, Markdown and plain text all yield the same model; damaged input fails with a
// DocumentReadError a user can act on.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect.ts';
import { DocumentReadError, type UNDocument } from './model.ts';
import { readDocument } from './read.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const kinds = (doc: UNDocument) => doc.blocks.map((b) => [b.kind, b.number]);

/** A small GA resolution as the UN issues it, in DOCX: masthead, preamble with a footnote, operative paragraphs, (a)/(b). */
async function buildDocx(): Promise<Uint8Array> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('Resolution 70/125.')] } },
    sections: [
      {
        children: [
          new Paragraph('Seventy-ninth session'),
          new Paragraph('Agenda item 15'),
          new Paragraph('Resolution adopted by the General Assembly on 19 December 2024'),
          new Paragraph('79/999. Test resolution on digital cooperation'),
          new Paragraph('The General Assembly,'),
          new Paragraph({
            children: [
              new TextRun({ text: 'Recalling', italics: true }),
              new TextRun(' its resolution 70/125 of 16 December 2015,'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Noting', italics: true }),
              new TextRun(' the work of the Commission on Science and Technology for Development,'),
            ],
          }),
          new Paragraph('1. Requests the Secretary-General to submit a report at its eighty-first session;'),
          new Paragraph('2. Calls upon Member States:'),
          new Paragraph('(a) To close digital divides by 2030;'),
          new Paragraph('(b) To report to the Commission;'),
          new Paragraph('3. Decides to include the item in the provisional agenda of its eighty-first session.'),
          new Paragraph('60th plenary meeting'),
          new Paragraph('19 December 2024'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A two-page GA resolution as a PDF text layer: running head, job number, barcode, page marker
 * "1/2", a raised footnote call, a small-type footnote at the foot of the page, and paragraph 1
 * running across the page break.
 */
async function buildPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const page1 = pdf.addPage([595, 842]);
  let y = 800;
  const line = (page: typeof page1, text: string, opts: { size?: number; x?: number; gap?: number } = {}) => {
    page.drawText(text, { x: opts.x ?? 72, y, size: opts.size ?? 11, font });
    y -= opts.gap ?? 14;
  };
  line(page1, 'A/RES/79/999', { gap: 28 });
  line(page1, 'General Assembly', { gap: 28 });
  line(page1, 'Seventy-ninth session', { gap: 28 });
  line(page1, 'Agenda item 15', { gap: 28 });
  line(page1, 'Resolution adopted by the General Assembly on 19 December 2024', { gap: 28 });
  line(page1, '79/999. Test resolution', { gap: 28 });
  line(page1, 'The General Assembly,', { gap: 28 });
  const recalling = 'Recalling its resolution 70/125 of 16 December 2015,';
  page1.drawText(recalling, { x: 72, y, size: 11, font });
  page1.drawText('1', { x: 72 + font.widthOfTextAtSize(recalling, 11) + 1, y: y + 4, size: 7, font });
  y -= 28;
  line(page1, '1. Requests the Secretary-General to submit to the General Assembly at its');
  line(page1, 'eighty-first session a report on the implementation of the present', { gap: 200 });
  page1.drawLine({ start: { x: 72, y: 130 }, end: { x: 200, y: 130 } });
  y = 118;
  line(page1, '1 Resolution 70/125, annex.', { size: 8, gap: 40 });
  line(page1, '24-99999 (E) 201224', { size: 9, gap: 12 });
  line(page1, '*2499999*', { size: 9, gap: 12 });
  line(page1, '1/2', { size: 9 });
  const page2 = pdf.addPage([595, 842]);
  y = 800;
  line(page2, 'A/RES/79/999', { gap: 28 });
  line(page2, 'resolution, including on the World Summit on the Information Society;', { gap: 28 });
  line(page2, '2. Decides to remain seized of the matter.', { gap: 28 });
  line(page2, '60th plenary meeting');
  line(page2, '19 December 2024', { gap: 500 });
  line(page2, '2/2', { size: 9 });
  return pdf.save();
}

describe('DOCX reader (mammoth)', () => {
  it('reads a resolution with its footnote, preamble, operative paragraphs and sub-paragraphs', async () => {
    const doc = await readDocument(await buildDocx(), { fileName: 'A_RES_79_999.docx' });
    expect(doc).toMatchObject({
      format: 'docx',
      language: 'en',
      symbol: 'A/RES/79/999',
      session: 79,
      date: '2024-12-19',
      agendaItem: '15',
    });
    expect(kinds(doc).filter(([k]) => k !== 'preface')).toEqual([
      ['title', null],
      ['enacting-formula', null],
      ['preambular', null],
      ['preambular', null],
      ['operative', '1'],
      ['operative', '2'],
      ['subparagraph', 'a'],
      ['subparagraph', 'b'],
      ['operative', '3'],
      ['closing', null],
    ]);
    const recalling = doc.blocks.find((b) => b.id === 'preamble__p_1');
    expect(recalling?.text).toBe('Recalling its resolution 70/125 of 16 December 2015,');
    expect(recalling?.footnotes).toEqual([{ number: 1, text: 'Resolution 70/125.', offset: recalling?.text.length }]);
  });

  it('refuses a damaged DOCX with an actionable message', async () => {
    const good = await buildDocx();
    const corrupt = good.slice(0, 400); // a ZIP cut short: the signature is there, the archive is not
    const error = await readDocument(corrupt, { fileName: 'broken.docx' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentReadError);
    expect(error).toMatchObject({ code: 'corrupt-docx', message: expect.stringMatching(/damaged.*save it again/s) as string });
  });
});

describe('PDF reader (pdfjs-dist text layer)', () => {
  it('strips the page layer, keeps the footnote, and rejoins paragraph 1 across the page break', async () => {
    const doc = await readDocument(await buildPdf());
    expect(doc).toMatchObject({ format: 'pdf', language: 'en', symbol: 'A/RES/79/999', date: '2024-12-19' });
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/24-99999|\*2499999\*|^1\/2$|^2\/2$/m);
    expect(doc.blocks.filter((b) => b.text === 'A/RES/79/999')).toHaveLength(1);
    const para1 = doc.blocks.find((b) => b.id === 'para_1');
    expect(para1?.text).toBe(
      'Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution, including on the World Summit on the Information Society;',
    );
    expect(doc.blocks.filter((b) => b.kind === 'operative').map((b) => b.number)).toEqual(['1', '2']);
    const recalling = doc.blocks.find((b) => b.kind === 'preambular');
    expect(recalling?.text).toBe('Recalling its resolution 70/125 of 16 December 2015,');
    expect(recalling?.footnotes).toEqual([expect.objectContaining({ number: 1, text: 'Resolution 70/125, annex.' })]);
    expect(doc.footnotes).toHaveLength(1);
  });

  it('refuses a truncated PDF with an actionable message', async () => {
    const good = await buildPdf();
    const error = await readDocument(good.slice(0, Math.floor(good.length / 3))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentReadError);
    expect(error).toMatchObject({ code: 'corrupt-pdf', message: expect.stringMatching(/damaged or incomplete|damaged/) as string });
  });
});

describe('HTML, Markdown and text readers', () => {
  it('reads HTML: headings, <sup> calls and a footnote list; scripts and navigation are dropped', async () => {
    const html = `<!doctype html><html><head><title>x</title><script>var a = "<p>no</p>";</script></head><body>
      <nav><a href="/">Home</a></nav>
      <h1>Global Digital Compact &mdash; Zero Draft</h1>
      <p>The compact is expected to outline principles, objectives and actions for an open, free and secure digital future.<sup><a href="#fn1">1</a></sup></p>
      <p>Digital technologies have a potential to accelerate the realization of the 2030 Agenda.</p>
      <ol><li id="fn1">Resolution 79/1, annex I. <a href="#r1">↑</a></li></ol></body></html>`;
    const doc = await readDocument(utf8(html), { fileName: 'gdc.html' });
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Global Digital Compact — Zero Draft');
    expect(doc.blocks.map((b) => b.text).join(' ')).not.toMatch(/Home|no<|var a/);
    expect(doc.footnotes).toEqual([expect.objectContaining({ number: 1, text: 'Resolution 79/1, annex I.' })]);
    expect(doc.blocks.find((b) => b.footnotes.length > 0)?.text).toMatch(/^The compact is expected/);
  });

  it('sniffs Markdown and plain text from the content when the name says .txt', async () => {
    const md = await readDocument(path.resolve(import.meta.dirname, '../../data/documents/seeds/001_b2b2b425cb4da82d.txt'), {
      fileName: 'x.txt',
    });
    expect(md.format).toBe('markdown');
    const text = await readDocument(
      utf8('The General Assembly,\n\nRecalling its resolution 70/125,\n\n1. Decides to remain seized of the matter.\n'),
    );
    expect(text.format).toBe('text');
    expect(kinds(text)).toEqual([
      ['enacting-formula', null],
      ['preambular', null],
      ['operative', '1'],
    ]);
  });

  it('reads from a path as well as from bytes, and takes --symbol and --lang overrides', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'concord-docs-'));
    const file = path.join(dir, 'note.txt');
    await writeFile(file, 'The General Assembly,\n\nRecalling its resolution 70/125,\n\n1. Decides to remain seized of the matter.\n');
    const doc = await readDocument(file, { symbol: 'A/RES/80/999', lang: 'fr' });
    expect(doc).toMatchObject({ symbol: 'A/RES/80/999', organ: 'GA', session: 80, number: '999', language: 'fr' });
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: 'language-override' }));
  });
});

describe('damaged and empty input', () => {
  it('refuses an empty file', async () => {
    await expect(readDocument(new Uint8Array())).rejects.toMatchObject({ name: 'DocumentReadError', code: 'empty' });
    await expect(readDocument(utf8('  \n\t\n'))).rejects.toMatchObject({ code: 'empty' });
  });

  it('refuses random bytes as binary garbage', async () => {
    // A fixed pseudo-random sequence (xorshift), so the test is the same on every run.
    let x = 2463534242;
    const bytes = new Uint8Array(4096).map(() => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
    const error = await readDocument(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentReadError);
    expect(error).toMatchObject({
      code: 'binary',
      message: expect.stringMatching(/Save the document as DOCX, PDF, HTML or UTF-8 text/) as string,
    });
  });
});

describe('detectLanguage', () => {
  it('tells the six languages apart: script for ar/zh/ru, franc-min for en/fr/es', () => {
    expect(detectLanguage('إن الجمعية العامة، إذ تشير إلى قرارها 70/125')).toBe('ar');
    expect(detectLanguage('大会，回顾其2015年12月16日第70/125号决议')).toBe('zh');
    expect(detectLanguage('Генеральная Ассамблея, ссылаясь на свою резолюцию 70/125')).toBe('ru');
    expect(detectLanguage("L'Assemblée générale, rappelant sa résolution 70/125 du 16 décembre 2015 sur la société de l'information")).toBe(
      'fr',
    );
    expect(
      detectLanguage(
        'La Asamblea General, recordando su resolución 70/125, de 16 de diciembre de 2015, sobre la sociedad de la información',
      ),
    ).toBe('es');
    expect(detectLanguage('The General Assembly, recalling its resolution 70/125 of 16 December 2015 on the information society')).toBe(
      'en',
    );
    // Latin acronyms and symbols in an Arabic text do not make it English.
    expect(detectLanguage('الاتحاد الدولي للاتصالات (ITU) والوثائق C23/INF/9 وA/RES/76/307 والاتفاق الرقمي العالمي (GDC)')).toBe('ar');
  });
});
