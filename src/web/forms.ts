// Form posts: one zod schema validates the fields; each rule's message is a catalog key, so
// errors appear next to their field in the reader's language. Every post must carry the CSRF
// token; a post without it is refused before anything is read.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env.ts';
import type { MessageKey, MessageValues } from '../i18n/index.ts';
import { csrfValid } from './session.ts';
import { Refusal } from '../shared/refusal.ts';
import { messageKeys } from '../i18n/index.ts';
import { controlCharacter, controlCharacterInText } from '../shared/fields.ts';

/** The error a refusal puts next to its field. */
export function refusalError(error: Refusal): FieldError {
  return { key: error.key, values: error.values };
}

/** A field's error: a catalog key, with the values its message needs. */
export type FieldError = MessageKey | { key: MessageKey; values?: MessageValues | undefined };
export type FieldErrors = Partial<Record<string, FieldError>>;

export type FormResult<T> =
  { ok: true; data: T; values: Record<string, string> } | { ok: false; errors: FieldErrors; values: Record<string, string> };

const known = new Set<string>(messageKeys);

/** The catalog key a zod issue carries, or a generic one. */
function keyOf(message: string): MessageKey {
  return (known.has(message) ? message : 'form.invalid') as MessageKey;
}

/** Reads a posted form's fields after checking its CSRF token (403 otherwise). Repeated fields become lists. */
export async function readRawForm(c: Context<AppEnv>): Promise<{ raw: Record<string, string | string[]>; values: Record<string, string> }> {
  const { raw, values, unsafe } = await readFields(c);
  // Forms read without a schema have no field to show the error beside: the page says which.
  if (unsafe[0] !== undefined) throw new Refusal(400, 'form.controlCharacters', unsafe[0]);
  return { raw, values };
}

/** The posted fields, and those holding a control character no text needs (NUL first: the store refuses it). */
async function readFields(
  c: Context<AppEnv>,
): Promise<{ raw: Record<string, string | string[]>; values: Record<string, string>; unsafe: string[] }> {
  const body = await c.req.parseBody({ all: true });
  if (!csrfValid(c, body._csrf)) throw new Refusal(403, 'form.csrf');
  const values: Record<string, string> = {};
  const raw: Record<string, string | string[]> = {};
  const unsafe: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (name === '_csrf') continue;
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (controlCharacter.test(name) || list.some((v) => controlCharacterInText.test(v))) unsafe.push(name);
    raw[name] = list.length > 1 ? list : (list[0] ?? '');
    values[name] = list.join(', ');
  }
  return { raw, values, unsafe };
}

/** Turns zod issues into field errors; `fieldOf` maps an issue path to a form field name. */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fieldOf: (path: string) => string = (p) => p.split('.')[0] ?? '_form',
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path.map(String).join('.')) || '_form';
    errors[field] ??= keyOf(issue.message);
  }
  return errors;
}

/** Reads a posted form: checks CSRF (403 otherwise), then validates with the schema. */
export async function readForm<T>(c: Context<AppEnv>, schema: z.ZodType<T>): Promise<FormResult<T>> {
  const { raw, values, unsafe } = await readFields(c);
  if (unsafe.length) return { ok: false, errors: Object.fromEntries(unsafe.map((name) => [name, 'form.controlCharacters'])), values };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: fieldErrors(parsed.error.issues), values };
}

/** The first value of a posted field, trimmed ('' when absent). */
export function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}
