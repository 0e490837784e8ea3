// TextEncoder#encodeInto done with Buffer#write, for the embedded store's thread.
//
// TextEncoder#encodeInto on Node 26.10.0 (the `node` the npm scripts run; simdutf 7.7.0) stops one
// character short when the destination is exactly as long as the encoded text and the text ends in
// a non-ASCII character after a run of others: 'a'.repeat(52) + 'ب' into 54 bytes writes 52 (Node
// 20 writes 54); some Arabic paragraphs ending in '.' lose the '.' the same way. PGlite's protocol
// writer (pg-protocol's Writer.addString, PGlite 0.5.16 and 0.5.17 alike) encodes each parameter
// into the rest of its buffer, which is exactly full when the parameter ends where the buffer does:
// the bytes not written stay zero and PostgreSQL refuses the statement with `invalid byte sequence
// for encoding "UTF8": 0x00`. Where a parameter lands depends on every parameter before it, so it
// struck seed 004's 158-paragraph insert in one library order and not in another, and larger
// batches more often. Buffer#write encodes correctly on the same Node, so this thread (where only
// PGlite encodes) uses it for encodeInto, with the same result: whole characters only, lone
// surrogates as U+FFFD.
/**
 * UTF-16 units of `text` whose UTF-8 encoding takes `bytes` (the `read` of a partial encodeInto).
 * @param {string} text
 * @param {number} bytes
 */
function unitsEncodedIn(text, bytes) {
  let units = 0;
  let used = 0;
  for (const character of text) {
    const code = /** @type {number} */ (character.codePointAt(0));
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (used + size > bytes) break;
    used += size;
    units += character.length;
  }
  return units;
}

/**
 * @param {string} source
 * @param {Uint8Array} destination
 * @returns {{ read: number, written: number }}
 */
export function encodeUtf8Into(source, destination) {
  const text = String(source);
  const written = Buffer.from(destination.buffer, destination.byteOffset, destination.byteLength).write(text, 'utf8');
  return { read: written === Buffer.byteLength(text, 'utf8') ? text.length : unitsEncodedIn(text, written), written };
}
