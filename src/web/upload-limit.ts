// The size limit of uploads (CONCORD_MAX_UPLOAD_MB), in bytes, checked as the body arrives and
// before it is read whole: a larger body is refused with 413 problem+json.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.ts';
import { Problem } from './problem.ts';

export const uploadLimit: MiddlewareHandler<AppEnv> = uploadLimitWith((_c, max) => {
  throw new Problem(413, 'Content Too Large', `The upload is larger than ${max} MB (CONCORD_MAX_UPLOAD_MB).`);
});

/**
 * The same limit with the caller's own answer to a body too large: a page shows its form again
 * with the error next to the file field, in the reader's language.
 */
export function uploadLimitWith(tooLarge: (c: Context<AppEnv>, maxMb: number) => Response | Promise<Response>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const max = c.var.config.maxUploadMb;
    if (Number(c.req.header('Content-Length') ?? '0') > max * 1024 * 1024) return tooLarge(c, max);
    return bodyLimit({ maxSize: max * 1024 * 1024, onError: (context) => tooLarge(context as Context<AppEnv>, max) })(c, next);
  };
}
