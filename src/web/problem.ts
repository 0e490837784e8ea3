// Errors as RFC 9457 problem details (application/problem+json) in the API.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { messageKeys, translator, type MessageKey } from '../i18n/index.ts';

export interface FieldError {
  /** Where: `query.lang`, `path.id`, `body.title`. */
  field: string;
  message: string;
  /** The values the field accepts, when it takes one of a list. */
  allowed?: string[];
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** An error a route or service throws to answer with a problem document. */
export class Problem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly type = 'about:blank',
  ) {
    super(detail ?? title);
    this.name = 'Problem';
  }
}

export function notFound(what: string): Problem {
  return new Problem(404, 'Not Found', what);
}

export function problemResponse(c: Context, problem: Problem): Response {
  const body: ProblemBody = {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance: new URL(c.req.url).pathname,
    ...(problem.errors?.length ? { errors: problem.errors } : {}),
  };
  return c.body(JSON.stringify(body), problem.status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

/** How a part of a request is named in field errors: bodies (JSON or form) are `body`. */
export function fieldTarget(target: string): string {
  return target === 'json' || target === 'form' ? 'body' : target;
}

/** Turns a zod validation error on part of a request into field errors. */
export function fieldErrors(error: ZodError, target: string): FieldError[] {
  return error.issues.map((issue) => {
    const field = [fieldTarget(target), ...issue.path.map(String)].join('.');
    const values = 'values' in issue && Array.isArray(issue.values) ? (issue.values as unknown[]).map(String) : undefined;
    // Schemas shared with forms carry catalog keys as messages: the API speaks English.
    const message = (messageKeys as readonly string[]).includes(issue.message)
      ? translator('en')(issue.message as MessageKey)
      : issue.message;
    return values ? { field, message: `must be one of ${values.join(', ')}`, allowed: values } : { field, message };
  });
}

export function validationProblem(errors: FieldError[]): Problem {
  const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
  return new Problem(400, 'Bad Request', detail, errors);
}
