// Where the text of a printed report lies on its pages, read from the PDF's text layer with
// pdfjs-dist: enough to check that nothing runs past the page's margins and that no page but the
// last is left mostly blank (issue 16, item 4).

/** A4 in PostScript points, and the margins of report.css's @page rule (16mm 14mm 18mm). */
const mm = 72 / 25.4;
export const reportMargins = { top: 16 * mm, inline: 14 * mm, bottom: 18 * mm };

export interface PlacedText {
  text: string;
  /** Horizontal extent on the page, in points from its left edge. */
  left: number;
  right: number;
  /** The baseline, in points from the page's bottom edge. */
  y: number;
}

export interface PrintedPage {
  width: number;
  height: number;
  /** The page's text, the running page number ("2 / 5") left out. */
  texts: PlacedText[];
}

/** Each page's size and the positions of its text. */
export async function printedPages(bytes: Uint8Array): Promise<PrintedPage[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PrintedPage[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const texts: PlacedText[] = [];
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a = 1, b = 0, , , e = 0, f = 0] = item.transform as number[];
        // The text runs along (a, b): turned table headers run upwards, taking no width.
        const scale = Math.hypot(a, b) || 1;
        const end = e + (a / scale) * item.width;
        texts.push({ text: item.str, left: Math.min(e, end) - x0, right: Math.max(e, end) - x0, y: f - y0 });
      }
      // The bottom margin holds only the page number ("2 / 5", in pieces on right-to-left pages).
      const footer = (t: PlacedText) => t.y < reportMargins.bottom / 2 && /^[\d/ ]+$/.test(t.text.trim());
      pages.push({ width: x1 - x0, height: y1 - y0, texts: texts.filter((t) => !footer(t)) });
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return pages;
}

/** How much of the page's printable height its text reaches down to (0 empty, 1 full). */
export function filled(page: PrintedPage): number {
  const top = page.height - reportMargins.top;
  const usable = top - reportMargins.bottom;
  const lowest = Math.min(top, ...page.texts.map((t) => t.y));
  return (top - lowest) / usable;
}

/** Text that runs past the printable width of its page (a table wider than the page). */
export function outsideMargins(page: PrintedPage, tolerance = 2): PlacedText[] {
  const min = reportMargins.inline - tolerance;
  const max = page.width - reportMargins.inline + tolerance;
  return page.texts.filter((t) => t.left < min || t.right > max);
}
