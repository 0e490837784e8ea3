// PDF, through its text layer (pdfjs-dist, legacy build for Node). Lines are rebuilt from the
// positioned text items; a vertical gap larger than the line spacing becomes a paragraph break,
// smaller raised digits become footnote calls, and small-type lines at the foot of a page are
// set after a rule so that the page layer keeps them as footnotes. Pages end with a form feed.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DocumentReadError } from '../model.ts';
import { footnoteCall } from '../text.ts';

interface Item {
  str: string;
  x: number;
  y: number;
  h: number;
  w: number;
}

interface Line {
  y: number;
  h: number;
  text: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Extracts the text layer of a PDF as plain text in reading order (pages separated by \f). */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  let pdf: PDFDocumentProxy;
  try {
    // Loaded on first use: only ingestion needs it.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (cause) {
    const password = cause instanceof Error && cause.name === 'PasswordException';
    throw new DocumentReadError(
      'corrupt-pdf',
      password
        ? 'This PDF is protected by a password. Remove the protection and upload it again.'
        : 'This PDF file cannot be read: it is damaged or incomplete (perhaps cut short while downloading). Download it again, or upload the DOCX version.',
      { cause },
    );
  }
  const pages: string[] = [];
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [, , , d = 0, e = 0, f = 0] = it.transform as number[];
        items.push({ str: it.str, x: e, y: f, h: it.height || Math.abs(d), w: it.width });
      }
      pages.push(layoutPage(items));
      page.cleanup();
    }
  } catch (cause) {
    throw new DocumentReadError(
      'corrupt-pdf',
      'This PDF file is damaged: some pages cannot be read. Download it again, or upload the DOCX version.',
      {
        cause,
      },
    );
  } finally {
    await pdf.destroy();
  }
  const text = pages.join('\n\f\n');
  if (text.replace(/\s/g, '').length === 0) {
    throw new DocumentReadError(
      'no-text',
      'This PDF has no text layer (it is probably a scan). Run OCR on it first, or upload the DOCX or text version.',
    );
  }
  return text;
}

function layoutPage(items: Item[]): string {
  const body = median(items.filter((i) => i.str.trim()).map((i) => i.h));
  // Group items into lines by baseline. Body-size items make the lines first; then a small item
  // joins the line just below it (a raised footnote call) or, failing that, makes its own line
  // (footnote text is set small).
  const live = items.filter((i) => i.str.length > 0);
  const isSmall = (i: Item) => i.h > 0 && i.h < body * 0.8;
  const lines: { y: number; h: number; items: Item[] }[] = [];
  const near = (y: number) => lines.find((l) => Math.abs(l.y - y) < Math.max(2, body * 0.3));
  for (const item of live.filter((i) => !isSmall(i))) {
    const line = near(item.y);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, h: item.h, items: [item] });
  }
  for (const item of live.filter(isSmall)) {
    const host = /^\d{1,3}$/.test(item.str.trim())
      ? lines.find((l) => item.y - l.y > 0.5 && item.y - l.y < body * 0.7 && l.h >= body * 0.8)
      : undefined;
    const line = host ?? near(item.y);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, h: item.h, items: [item] });
  }
  lines.sort((a, b) => b.y - a.y);
  const out: Line[] = lines.map((l) => {
    const parts = l.items.sort((a, b) => a.x - b.x);
    let text = '';
    let lastEnd: number | null = null;
    for (const it of parts) {
      const raised = it.h < body * 0.8 && l.h >= body * 0.8 && it.y > l.y + 0.5 && /^\d{1,3}$/.test(it.str.trim());
      const piece = raised ? footnoteCall(it.str.trim()) : it.str;
      if (lastEnd !== null && it.x - lastEnd > body * 0.15 && !text.endsWith(' ') && !piece.startsWith(' ') && !raised) text += ' ';
      text += piece;
      lastEnd = it.x + it.w;
    }
    return { y: l.y, h: Math.max(...l.items.map((i) => i.h)), text: text.replace(/\s+$/, '') };
  });
  // Footnotes are set smaller than the body at the foot of the page.
  let footStart = out.length;
  for (let i = out.length - 1; i >= 0; i--) {
    const line = out[i];
    if (!line) continue;
    if (line.h < body * 0.9 && /\S/.test(line.text)) footStart = i;
    else break;
  }
  const text: string[] = [];
  for (let i = 0; i < out.length; i++) {
    const line = out[i];
    if (!line) continue;
    if (i === footStart && /^\s*\d{1,3}\s/.test(line.text)) text.push('__________');
    const prev = out[i - 1];
    if (prev && i !== footStart && prev.y - line.y > Math.max(prev.h, line.h) * 1.9) text.push('');
    text.push(line.text);
  }
  return text.join('\n');
}
