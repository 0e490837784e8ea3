// One entry point for every format (STYLE.md 9: each input format is an adapter behind one
// interface): bytes or a path in, the structured document model out.
import { readFile } from 'node:fs/promises';
import type { Language } from '../language/languages.ts';
import { decodeText, detectLanguage, sniffFormat, sniffTextFormat } from './detect.ts';
import { DocumentReadError, type DocumentFormat, type RawDocument, type ReadOptions, type UNDocument } from './model.ts';
import { docxToHtml, readDocxHtml } from './readers/docx.ts';
import { readHtml } from './readers/html.ts';
import { readMarkdown } from './readers/markdown.ts';
import { pdfToText } from './readers/pdf.ts';
import { readText } from './readers/text.ts';
import { parseStructure } from './structure.ts';

/** What a reader returns before the language is known: the text to detect it from, and the reader. */
interface Prepared {
  format: DocumentFormat;
  sample: string;
  read: (lang: Language) => RawDocument;
}

async function prepare(bytes: Uint8Array, options: ReadOptions): Promise<Prepared> {
  if (bytes.length === 0)
    throw new DocumentReadError('empty', 'The file is empty (0 bytes). Choose the file again, or export the document anew.');
  const sniffed = sniffFormat(bytes, options.fileName);
  const format = options.format ?? sniffed;
  switch (format) {
    case 'docx': {
      const html = await docxToHtml(bytes);
      return { format, sample: html.replace(/<[^>]+>/g, ' '), read: (lang) => readDocxHtml(html, lang) };
    }
    case 'pdf': {
      const text = await pdfToText(bytes);
      return { format, sample: text, read: (lang) => readText(text, lang, 'pdf') };
    }
    case 'html':
    case 'markdown':
    case 'text': {
      if (sniffed === 'docx' || sniffed === 'pdf') {
        throw new DocumentReadError(
          'unsupported',
          `This file is a ${sniffed.toUpperCase()} file, not ${format}. Upload it without forcing the format.`,
        );
      }
      const text = decodeText(bytes);
      const textFormat = options.format ?? (sniffed === 'text' ? sniffTextFormat(text) : sniffed);
      const sample = textFormat === 'html' ? text.replace(/<[^>]+>/g, ' ') : text;
      if (textFormat === 'html') return { format: textFormat, sample, read: (lang) => readHtml(text, lang) };
      if (textFormat === 'markdown') return { format: textFormat, sample, read: (lang) => readMarkdown(text, lang) };
      return { format: 'text', sample, read: (lang) => readText(text, lang) };
    }
  }
}

/**
 * Reads a document in any supported format into blocks and footnotes, before structure.
 * Throws DocumentReadError for empty, binary, corrupt DOCX or PDF input.
 */
export async function readRaw(input: Uint8Array | string, options: ReadOptions = {}): Promise<RawDocument> {
  let bytes: Uint8Array;
  let opts = options;
  if (typeof input === 'string') {
    bytes = await readFile(input);
    opts = { fileName: input, ...options };
  } else bytes = input;
  const prepared = await prepare(bytes, opts);
  const detected = detectLanguage(prepared.sample);
  const raw = prepared.read(opts.lang ?? detected);
  if (opts.lang && opts.lang !== detected) {
    raw.warnings.push({ code: 'language-override', message: `Language set to ${opts.lang}; the text looks like ${detected}.` });
  }
  if (raw.blocks.length === 0) throw new DocumentReadError('no-text', 'The file holds no readable text.');
  return raw;
}

/**
 * Reads a document (bytes or a file path) in any format and parses its structure.
 *
 * @example
 * const doc = await readDocument('A-RES-79-194.docx');
 * doc.symbol; // 'A/RES/79/194'
 * doc.blocks.filter((b) => b.kind === 'operative').length; // 69
 */
export async function readDocument(input: Uint8Array | string, options: ReadOptions = {}): Promise<UNDocument> {
  const raw = await readRaw(input, options);
  return parseStructure(raw, options.symbol ? { symbol: options.symbol } : {});
}
