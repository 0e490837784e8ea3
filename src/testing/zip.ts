// Zip archives for the tests of size limits (src/shared/zip.ts): an archive whose headers lie.

/** The archive with every entry's declared uncompressed size set to 100 bytes (a lying zip). */
export function understated(archive: Uint8Array): Uint8Array {
  const bytes = archive.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at < bytes.length - 30; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, 100, true); // local header
    if (signature === 0x02014b50) view.setUint32(at + 24, 100, true); // central directory
  }
  return bytes;
}
