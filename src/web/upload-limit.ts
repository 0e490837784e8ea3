// The one limit on request bodies (issue 11, point 2). Every route accepts at most
// `defaultBodyLimitBytes`; uploads raise their own limit to CONCORD_MAX_UPLOAD_MB. The limit runs
// first, before sessions, authentication, CSRF and parsing: a declared Content-Length that no route
// accepts is refused before a byte is read, and any other body is counted as it streams in and cut
// off the moment it passes the limit (chunked bodies without Content-Length included), so a large
// body never sits in memory. Too large is 413: problem+json in the API, a page in the reader's
// language elsewhere (uploads answer with their own form).
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { Problem, problemResponse } from './problem.ts';
import { errorPage } from './error-page.tsx';
import { translator } from '../i18n/index.ts';
import { isLanguage, negotiateLanguage } from '../language/languages.ts';

const MB = 1024 * 1024;

/** What any route accepts when it does not say otherwise: forms and JSON bodies are far smaller. */
export const defaultBodyLimitBytes = 1 * MB;

/** The body limit of one request: raised by an upload route before its body is read. */
interface BodyAllowance {
  maxBytes: number;
  /** Set once the body passed the limit: whatever the reader made of the cut body, the answer is 413. */
  exceeded: boolean;
}

const allowances = new WeakMap<Context, BodyAllowance>();

/** The error a read of a body larger than its limit fails with. */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${megabytes(maxBytes)} MB.`);
    this.name = 'BodyTooLarge';
  }
}

function megabytes(bytes: number): number {
  return Math.round((bytes / MB) * 100) / 100;
}

/** Methods whose requests carry no body worth reading (and reading them costs Node a Request). */
const bodiless = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The app-wide body limit; mounted before every other middleware that could read or act on a body.
 * Routes that take larger bodies call `uploadLimit`/`uploadLimitWith`, which raise it.
 */
export function bodyLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (bodiless.has(c.req.method)) return next();
    const source = c.req.raw.body;
    if (!source) return next();
    const allowance: BodyAllowance = { maxBytes: defaultBodyLimitBytes, exceeded: false };
    allowances.set(c, allowance);
    const declared = declaredLength(c);
    // No route accepts more than the larger of the two limits: refuse before reading anything.
    if (declared !== undefined && declared > Math.max(defaultBodyLimitBytes, c.var.config.maxUploadMb * MB)) {
      allowance.exceeded = true;
      return closing(await bodyTooLarge(c, Math.max(defaultBodyLimitBytes, c.var.config.maxUploadMb * MB)));
    }
    const reader = source.getReader();
    let received = 0;
    const refuse = (controller: ReadableStreamDefaultController<Uint8Array>) => {
      allowance.exceeded = true;
      controller.error(new BodyTooLarge(allowance.maxBytes));
      // Stop pulling, without cancelling the source (undici's own body streams may still be
      // enqueuing): the server drains or closes the connection once the answer is sent.
      reader.releaseLock();
    };
    const limited = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          // Checked at the first read, once the route had its say on the limit.
          if (received === 0 && declared !== undefined && declared > allowance.maxBytes) return refuse(controller);
          const { done, value } = await reader.read();
          if (done) return controller.close();
          received += value.byteLength;
          if (received > allowance.maxBytes) return refuse(controller);
          controller.enqueue(value);
        },
        cancel(reason) {
          return reader.cancel(reason);
        },
      },
      // Pulled only when a reader asks: a stream fills its queue at once otherwise, before the route raised its limit.
      { highWaterMark: 0 },
    );
    c.req.raw = new Request(c.req.raw, { body: limited, duplex: 'half' } as RequestInit);
    await next();
    // A reader may have caught the cut body's error and answered something else (400, or parsed
    // an empty object): the body was too large, so that is the answer.
    if (allowance.exceeded && c.res.status !== 413) {
      c.res = undefined;
      c.res = await bodyTooLarge(c, allowance.maxBytes);
    }
    if (c.res.status === 413) c.res.headers.set('Connection', 'close');
  };
}

/** True when this request's body passed its limit (for the error handler: the answer is 413). */
export function bodyExceeded(c: Context): boolean {
  return allowances.get(c)?.exceeded ?? false;
}

/** 413 for a body past the limit: problem+json in the API, a page in the reader's language elsewhere. */
export function bodyTooLarge(
  c: Context<AppEnv>,
  maxBytes = allowances.get(c)?.maxBytes ?? defaultBodyLimitBytes,
): Response | Promise<Response> {
  const path = new URL(c.req.url).pathname;
  if (path.startsWith('/api/')) return problemResponse(c, new Problem(413, 'Content Too Large', new BodyTooLarge(maxBytes).message));
  const first = path.split('/')[1] ?? '';
  const lang = isLanguage(first) ? first : negotiateLanguage(c.req.header('Accept-Language'));
  return errorPage(c, 413, lang, translator(lang)('error.bodyTooLarge', { mb: megabytes(maxBytes) }));
}

/** The client may still be sending: say the connection ends with this answer, so it stops. */
function closing(response: Response): Response {
  response.headers.set('Connection', 'close');
  return response;
}

function declaredLength(c: Context): number | undefined {
  const header = c.req.header('Content-Length');
  if (header === undefined || c.req.header('Transfer-Encoding') !== undefined) return undefined;
  const length = Number(header);
  return Number.isFinite(length) ? length : undefined;
}

export const uploadLimit: MiddlewareHandler<AppEnv> = uploadLimitWith((_c, max) => {
  throw new Problem(413, 'Content Too Large', `The upload is larger than ${max} MB (CONCORD_MAX_UPLOAD_MB).`);
});

/**
 * Raises this route's body limit to CONCORD_MAX_UPLOAD_MB, with the caller's own answer to a body
 * too large: a page shows its form again with the error next to the file field, in the reader's
 * language.
 */
export function uploadLimitWith(tooLarge: (c: Context<AppEnv>, maxMb: number) => Response | Promise<Response>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const max = c.var.config.maxUploadMb;
    const allowance = allowances.get(c);
    if (allowance) allowance.maxBytes = max * MB;
    if ((declaredLength(c) ?? 0) > max * MB) {
      if (allowance) allowance.exceeded = true;
      return tooLarge(c, max);
    }
    await next();
    if (allowance?.exceeded) {
      c.res = undefined;
      try {
        c.res = await tooLarge(c, max);
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        c.res = problemResponse(c, error);
      }
    }
  };
}
