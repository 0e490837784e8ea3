// The size limit of uploads (CONCORD_MAX_UPLOAD_MB), in bytes, checked as the body arrives and
// before it is read whole: a larger body is refused with 413 problem+json.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.ts';
import { Problem } from './problem.ts';

export const uploadLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const max = c.var.config.maxUploadMb;
  const tooLarge = () => {
    throw new Problem(413, 'Content Too Large', `The upload is larger than ${max} MB (CONCORD_MAX_UPLOAD_MB).`);
  };
  if (Number(c.req.header('Content-Length') ?? '0') > max * 1024 * 1024) tooLarge();
  return bodyLimit({ maxSize: max * 1024 * 1024, onError: tooLarge })(c, next);
};
