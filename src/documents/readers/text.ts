// Plain text, including text copied or extracted from a PDF: the page layer is stripped first.
import type { Language } from '../../language/languages.ts';
import type { RawDocument } from '../model.ts';
import { stripPageLayer } from '../pagelayer.ts';

/** Reads plain text into blocks and footnotes (the page layer removed). */
export function readText(text: string, lang: Language, format: 'text' | 'pdf' = 'text'): RawDocument {
  const { blocks, footnotes, warnings } = stripPageLayer(text, lang);
  return { format, language: lang, blocks, footnotes, warnings, inferFootnoteCalls: true };
}
