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
 * Uncompressed bytes a zip-based file may inflate to, all entries together. A spreadsheet is read
 * row by row, so it may hold more than a Word document, which mammoth reads as a whole (it holds
 * about fifteen times the size of `word/document.xml` while converting it).
 */
export const zipLimits = {
  xlsx: 64 * 1024 * 1024,
  docx: 16 * 1024 * 1024,
} as const;

/** A byte count as whole megabytes, for messages that state a limit. */
export const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));
