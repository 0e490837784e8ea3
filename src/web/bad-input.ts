// One validation path for input no route can make sense of (issue 11, point 9): a control
// character (NUL first of all: PostgreSQL refuses it in text) or a malformed %-escape in the path
// or a query parameter, a control character in a body field, and the store's own refusals of a
// value. Each is a 400 naming the field (problem+json in the API, a page in the reader's
// language elsewhere), never a 500.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { Problem, problemResponse, validationProblem, type FieldError } from './problem.ts';
import { errorPage } from './error-page.tsx';
import { translator } from '../i18n/index.ts';
import { isLanguage, negotiateLanguage } from '../language/languages.ts';
import { controlCharacter, controlCharacterInText } from '../shared/fields.ts';

const notAllowed = 'must not contain control characters (such as NUL) or malformed %-escapes';

/** Refuses a request whose path or query carries a control character or a malformed escape, before any route reads it. */
export function requestTarget(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bad = badTargetField(c.req.url);
    if (!bad) return next();
    return refuseTarget(c, bad);
  };
}

/** The first field of a URL that no route accepts (`path`, `query.name`), or undefined. */
export function badTargetField(address: string): string | undefined {
  const url = new URL(address);
  const decoded = decodeOrUndefined(url.pathname);
  if (decoded === undefined || controlCharacter.test(decoded)) return 'path';
  for (const part of url.search.slice(1).split('&')) {
    if (!part) continue;
    const [rawName = '', ...rest] = part.split('=');
    const name = decodeOrUndefined(rawName.replaceAll('+', ' '));
    const value = decodeOrUndefined(rest.join('=').replaceAll('+', ' '));
    const shown = name ?? rawName;
    if (name === undefined || value === undefined || controlCharacter.test(name) || controlCharacter.test(value)) return `query.${shown}`;
  }
  return undefined;
}

function decodeOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function refuseTarget(c: Context<AppEnv>, field: string): Response | Promise<Response> {
  const path = new URL(c.req.url).pathname;
  if (path.startsWith('/api/')) return problemResponse(c, validationProblem([{ field, message: notAllowed }]));
  const first = path.split('/')[1] ?? '';
  const lang = isLanguage(first) ? first : negotiateLanguage(c.req.header('Accept-Language'));
  const name = field.replace(/^query\./, '').replace(/[^\p{L}\p{N}_.-]/gu, '?');
  return errorPage(c, 400, lang, translator(lang)('error.badParameter', { name }));
}

/**
 * The fields of validated input (a JSON or form body, query, path) holding a control character
 * that text has no use for, named as the API names fields (`body.title`, `query.q`).
 */
export function controlCharacterFields(value: unknown, field: string): FieldError[] {
  if (typeof value === 'string') return controlCharacterInText.test(value) ? [{ field, message: notAllowed }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => controlCharacterFields(item, `${field}.${index}`));
  if (value && typeof value === 'object' && !(value instanceof Blob) && !(value instanceof Date))
    return Object.entries(value).flatMap(([key, item]) => controlCharacterFields(item, `${field}.${key}`));
  return [];
}

/**
 * PostgreSQL's refusals of a value that got past validation: a safety net, not the first line of
 * defence. 22021 invalid byte sequence (NUL), 22P02 invalid text representation, 22007/22008 bad or
 * out-of-range date, 22003 number out of range.
 */
const valueErrorCodes = new Set(['22021', '22P02', '22007', '22008', '22003']);

/** True when the store refused a value the request carried (the error or one of its causes). */
export function isStoreValueError(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && valueErrorCodes.has(code)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** The 400 a store value error becomes. */
export function storeValueProblem(): Problem {
  return new Problem(
    400,
    'Bad Request',
    'A value in this request cannot be stored or compared (a control character, or a date or number out of range).',
  );
}
