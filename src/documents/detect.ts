// Language and format detection. Arabic, Chinese and Russian are told apart by script; Latin
// text by franc-min restricted to the three Latin-script UN languages.
import { franc } from 'franc-min';
import type { Language } from '../language/languages.ts';
import { DocumentReadError, type DocumentFormat } from './model.ts';
import { scriptCounts } from './text.ts';

const FRANC_TO_UN: Record<string, Language> = { eng: 'en', fra: 'fr', spa: 'es' };

/**
 * Detects which of the six UN languages a text is in. Script shares decide for Arabic, Chinese
 * and Russian (a stray CJK spam line in an English web page does not make it Chinese); Latin text
 * goes to franc-min with only English, French and Spanish allowed.
 *
 * @example detectLanguage('إن الجمعية العامة،') // 'ar'
 */
export function detectLanguage(text: string): Language {
  const sample = text.slice(0, 20_000);
  const { arabic, han, cyrillic, latin } = scriptCounts(sample);
  const total = arabic + han + cyrillic + latin;
  if (total === 0) return 'en';
  // Han characters carry about three Latin letters' worth of text each.
  const weighted = [
    ['ar', arabic],
    ['zh', han * 3],
    ['ru', cyrillic],
    ['latin', latin],
  ] as const;
  const [best] = [...weighted].sort((a, b) => b[1] - a[1]);
  if (!best || best[0] === 'latin') {
    const code = franc(sample.replace(/[^\p{Script=Latin}\s'’-]/gu, ' '), { only: ['eng', 'fra', 'spa'], minLength: 3 });
    return FRANC_TO_UN[code] ?? 'en';
  }
  return best[0];
}

/** Reads bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Binary garbage is refused. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0)
    throw new DocumentReadError('empty', 'The file is empty (0 bytes). Choose the file again, or export the document anew.');
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch (cause) {
      throw new DocumentReadError(
        'binary',
        'The file is not text, DOCX or PDF (it is not valid UTF-8 and has no known signature). Save the document as DOCX, PDF, HTML or UTF-8 text and upload it again.',
        { cause },
      );
    }
  }
  // Control characters other than tab, newline, carriage return and form feed mean binary data.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  const controls = (text.match(/[\u0000-\u0008\u000E-\u001F\u007F]/g) ?? []).length;
  if (controls > Math.max(2, text.length * 0.01)) {
    throw new DocumentReadError(
      'binary',
      'The file looks like binary data, not a document. Save the document as DOCX, PDF, HTML or UTF-8 text and upload it again.',
    );
  }
  if (text.trim().length === 0) throw new DocumentReadError('empty', 'The file holds no text, only blank space.');
  return text;
}

/**
 * Guesses the format from the leading bytes (ZIP → DOCX, %PDF → PDF), then the file extension,
 * then the text itself (HTML tags; Markdown emphasis, links or <sup> footnotes).
 */
export function sniffFormat(bytes: Uint8Array, fileName?: string): DocumentFormat {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  if (head.includes('%PDF-')) return 'pdf';
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  return 'text';
}

/** For text files: does the text look like HTML or Markdown rather than plain text? */
export function sniffTextFormat(text: string): DocumentFormat {
  const sample = text.slice(0, 50_000);
  if (/<(?:html|body|p|div|h[1-6]|table|li)\b[^>]*>/i.test(sample) && /<\/(?:p|div|h[1-6]|li|body)>/i.test(sample)) return 'html';
  const markdownSigns =
    (sample.match(/\[[^\]\n]+\]\([^)\s]*\)/g) ?? []).length +
    (sample.match(/<sup>\d+<\/sup>/g) ?? []).length +
    (sample.match(/(?:^|\s)\*{1,2}[^*\n]+\*{1,2}/g) ?? []).length +
    (sample.match(/^#{1,6}\s/gm) ?? []).length;
  // A few stray links or bold runs (OCR debris, seed 004) do not make a text Markdown.
  return markdownSigns >= 12 ? 'markdown' : 'text';
}
