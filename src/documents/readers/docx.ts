// DOCX, the UN's own format: mammoth renders it to HTML (footnotes as a list with
// id="footnote-N", calls as <sup>), which the HTML reader reads.
import type { Language } from '../../language/languages.ts';
import { megabytes, zipLimits } from '../../shared/limits.ts';
import { checkZipSize, ZipTooLarge } from '../../shared/zip.ts';
import { DocumentReadError, type RawDocument } from '../model.ts';
import { readHtml } from './html.ts';

/**
 * Renders a DOCX to HTML; a file that is not a readable DOCX, or that inflates to more than
 * zipLimits.docx (mammoth holds the whole inflated document while converting it), gives a
 * DocumentReadError before mammoth inflates anything.
 */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  try {
    checkZipSize(bytes, zipLimits.docx);
    // Loaded on first use: only ingestion needs it.
    const mammoth = (await import('mammoth')).default;
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true });
    return result.value;
  } catch (cause) {
    if (cause instanceof ZipTooLarge) {
      const mb = megabytes(cause.limit);
      throw new DocumentReadError(
        'too-large',
        `This DOCX file expands to more than ${mb} MB once uncompressed, more than Concord reads from one document. Split it into smaller documents, or remove large embedded objects, and upload again.`,
        { cause, values: { mb } },
      );
    }
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
