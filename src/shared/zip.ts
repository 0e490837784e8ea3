// Zip-based files (XLSX, DOCX) are measured before any reader inflates them: a few kilobytes of
// DEFLATE can expand a thousandfold, and the readers (exceljs, mammoth) hold what they inflate.
import { Unzip, UnzipInflate, unzipSync } from 'fflate';

/**
 * Bytes a zip archive may inflate to: all entries together, and its XML parts together (what the
 * readers parse into objects, which costs far more memory per byte than media they pass along).
 */
export interface ZipSizeLimits {
  total: number;
  xml: number;
}

/** The file inflates to more than `limit` bytes (all entries, or its XML parts). */
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
 * Refuses a zip archive whose entries inflate past `limits`: first by the
 * sizes its central directory declares (nothing inflated), then by inflating every entry in small
 * steps with a running count and discarding the output, since declared sizes can lie.
 *
 * @example
 * checkZipSize(bytes, { total: 16 * 1024 * 1024, xml: 4 * 1024 * 1024 }); // throws ZipTooLarge or NotAZip
 */
export function checkZipSize(bytes: Uint8Array, limits: ZipSizeLimits): void {
  const counted = { total: 0, xml: 0 };
  /** Adds an entry's bytes; the limit gone over, if one. */
  const add = (name: string, size: number): number | undefined => {
    counted.total += size;
    if (/\.(xml|rels)$/i.test(name)) counted.xml += size;
    return counted.xml > limits.xml ? limits.xml : counted.total > limits.total ? limits.total : undefined;
  };
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        const over = add(entry.name, entry.originalSize);
        if (over !== undefined) throw new ZipTooLarge(over);
        return false; // nothing is inflated here
      },
    });
  } catch (error) {
    if (error instanceof ZipTooLarge) throw error;
    throw new NotAZip({ cause: error });
  }

  counted.total = 0;
  counted.xml = 0;
  let over: number | undefined;
  let failure: unknown;
  const archive = new Unzip((entry) => {
    entry.ondata = (error, chunk) => {
      if (error) {
        failure = error;
        return;
      }
      if (over !== undefined) return;
      over = add(entry.name, chunk.length);
      if (over !== undefined) entry.terminate();
    };
    try {
      entry.start();
    } catch (error) {
      failure = error;
    }
  });
  archive.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && over === undefined && failure === undefined; at += CHUNK) {
      archive.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch (error) {
    failure ??= error;
  }
  if (over !== undefined) throw new ZipTooLarge(over);
  if (failure !== undefined) throw new NotAZip({ cause: failure });
}
