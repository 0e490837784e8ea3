// DOCX, the UN's own format: mammoth renders it to HTML (footnotes as a list with
// id="footnote-N", calls as <sup>), which the HTML reader reads.
import type { Language } from '../../language/languages.ts';
import { DocumentReadError, type RawDocument } from '../model.ts';
import { readHtml } from './html.ts';

/** Renders a DOCX to HTML; a file that is not a readable DOCX gives a DocumentReadError. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  try {
    // Loaded on first use: only ingestion needs it.
    const mammoth = (await import('mammoth')).default;
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true });
    return result.value;
  } catch (cause) {
    throw new DocumentReadError(
      'corrupt-docx',
      'This DOCX file cannot be opened: it is damaged or not really a Word document. Open it in a word processor and save it again as DOCX, or upload a PDF of it.',
      { cause },
    );
  }
}

/** Reads a DOCX into blocks and footnotes. */
export function readDocxHtml(html: string, lang: Language): RawDocument {
  return readHtml(html, lang, 'docx');
}
