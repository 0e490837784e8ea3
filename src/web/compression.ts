// Response compression: brotli where the client accepts it (a smaller page than gzip for the
// same text: Hono's own compress middleware offers only gzip and deflate), gzip or deflate
// otherwise, streamed so a long export is never held in memory.
import { Duplex } from 'node:stream';
import { constants, createBrotliCompress, createDeflate, createGzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { parseAccept } from 'hono/utils/accept';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

/** The encodings served, preferred first when the client accepts several equally. */
const encodings = ['br', 'gzip', 'deflate'] as const;
type Encoding = (typeof encodings)[number];

/** Below this many bytes compression saves less than its own framing and time. */
const THRESHOLD = 1024;

// Pages are made per request: brotli's quality 5 compresses a page in about the time gzip takes,
// and still well below gzip's size; 11 (the default, meant for static files) is ~20 times slower.
const BROTLI_QUALITY = 5;

/** The encoding to answer with: the client's highest q among those served, ties to the earlier one. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepts = parseAccept(acceptEncoding);
  const wildcard = accepts.find((a) => a.type === '*')?.q;
  let best: { encoding: Encoding; q: number } | undefined;
  for (const encoding of encodings) {
    const q = accepts.find((a) => a.type.toLowerCase() === encoding)?.q ?? wildcard ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}

function encoder(encoding: Encoding, length: number | undefined): ReadableWritablePair<Uint8Array, Uint8Array> {
  const stream =
    encoding === 'br'
      ? createBrotliCompress({
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            ...(length ? { [constants.BROTLI_PARAM_SIZE_HINT]: length } : {}),
          },
        })
      : encoding === 'gzip'
        ? createGzip()
        : createDeflate();
  // Node's web-stream view of a zlib stream: bytes in, bytes out.
  return Duplex.toWeb(stream) as ReadableWritablePair<Uint8Array, Uint8Array>;
}

/** Compresses what is worth compressing, in the best encoding the client accepts. */
export function compression(): MiddlewareHandler {
  return async function compress(c, next) {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type');
    const length = res.headers.get('Content-Length');
    if (
      res.status === 206 ||
      res.headers.has('Content-Encoding') ||
      res.headers.has('Transfer-Encoding') ||
      c.req.method === 'HEAD' ||
      (length !== null && Number(length) < THRESHOLD) ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')
    )
      return;
    const vary = res.headers.get('Vary');
    if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) {
      c.header('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding || !res.body) return;
    c.res = new Response(res.body.pipeThrough(encoder(encoding, length === null ? undefined : Number(length))), res);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', encoding);
    // The same entity encoded differently is only weakly the same.
    const etag = c.res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
