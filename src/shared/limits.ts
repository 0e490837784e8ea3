// How much one uploaded file may hold once read: the upload limit (CONCORD_MAX_UPLOAD_MB) bounds
// the bytes received, these bound what they expand into (rows, inflated zip entries, one cell),
// so that no file, however built, can grow the process by more than a few hundred megabytes.

/** Limits on what an import reads from one file. */
export const importLimits = {
  /** Rows per sheet or CSV file (the header not counted). */
  rows: 20_000,
  /** Characters in one cell: Excel's own limit, so no workbook Excel writes is refused for it. */
  cellChars: 32_767,
  /** Issues listed in a row-by-row report; the total is always given. */
  listedIssues: 100,
} as const;

/**
 * Uncompressed bytes a zip-based file may inflate to (shared/zip.ts): all entries, and its XML
 * parts. A workbook is read row by row, so its parts may be large. mammoth builds the whole
 * document in memory, about 50 bytes per byte of word/document.xml (measured: 3 MB of XML, +146 MB;
 * 15.5 MB, +1.1 GB), so a DOCX's XML is held to 4 MB (a 100-page UN report is well under that),
 * while images and other media may bring it to 16 MB.
 */
export const zipLimits = {
  xlsx: { total: 64 * 1024 * 1024, xml: 64 * 1024 * 1024 },
  docx: { total: 16 * 1024 * 1024, xml: 4 * 1024 * 1024 },
} as const;

/** A byte count as whole megabytes, for messages that state a limit. */
export const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));
