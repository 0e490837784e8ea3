// Zip-based files (XLSX, DOCX) are measured before any reader inflates them: a few kilobytes of
// DEFLATE can expand a thousandfold, and the readers (exceljs, mammoth) hold what they inflate.
import { Unzip, UnzipInflate, unzipSync } from 'fflate';

/** The file inflates to more than `limit` bytes. */
export class ZipTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the file expands to more than ${limit} bytes once uncompressed`);
    this.name = 'ZipTooLarge';
  }
}

/** The bytes are not a zip archive (or one fflate cannot read). */
export class NotAZip extends Error {
  constructor(options?: { cause?: unknown }) {
    super('not a readable zip archive', options);
    this.name = 'NotAZip';
  }
}

/** Compressed bytes fed to the inflater at a time: DEFLATE expands at most ~1,032 times, so one push yields at most ~16 MB. */
const CHUNK = 16 * 1024;

/**
 * Refuses a zip archive whose entries together inflate to more than `limit` bytes: first by the
 * sizes its central directory declares (nothing inflated), then by inflating every entry in small
 * steps with a running count and discarding the output, since declared sizes can lie.
 *
 * @example
 * checkZipSize(bytes, 64 * 1024 * 1024); // throws ZipTooLarge or NotAZip
 */
export function checkZipSize(bytes: Uint8Array, limit: number): void {
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        declared += entry.originalSize;
        if (entry.originalSize > limit || declared > limit) throw new ZipTooLarge(limit);
        return false; // nothing is inflated here
      },
    });
  } catch (error) {
    if (error instanceof ZipTooLarge) throw error;
    throw new NotAZip({ cause: error });
  }

  let inflated = 0;
  let over = false;
  let failure: unknown;
  const archive = new Unzip((entry) => {
    entry.ondata = (error, chunk) => {
      if (error) {
        failure = error;
        return;
      }
      inflated += chunk.length;
      if (inflated > limit && !over) {
        over = true;
        entry.terminate();
      }
    };
    try {
      entry.start();
    } catch (error) {
      failure = error;
    }
  });
  archive.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !over && failure === undefined; at += CHUNK) {
      archive.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch (error) {
    failure ??= error;
  }
  if (over) throw new ZipTooLarge(limit);
  if (failure !== undefined) throw new NotAZip({ cause: failure });
}
