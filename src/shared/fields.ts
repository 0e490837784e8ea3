// Field rules shared by every form and API body (messages are catalog keys).
import { z } from 'zod';

/**
 * C0 control characters and DEL: never part of an identifier, a query or an address. PostgreSQL
 * refuses NUL in text outright, so they are refused at the door, naming the field.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const controlCharacter = /[\u0000-\u001F\u007F]/;

/** The same, less TAB, LF and CR, which multi-line text (a description, a note) may hold. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const controlCharacterInText = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** An http(s) address. */
export const webAddress = z
  .string()
  .trim()
  .max(1000, 'form.tooLong')
  .refine((v) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), 'form.urlInvalid');

/**
 * A calendar date as YYYY-MM-DD that exists (no 2024-02-31) and that PostgreSQL stores (years
 * 0001 to 9999: there is no year 0). `Date.parse` alone rolls 2024-02-31 over to 2 March.
 */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'form.dateInvalid')
  .refine(isCalendarDate, 'form.dateInvalid');

/** True for a YYYY-MM-DD date that exists in the calendar, in years 1 to 9999. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) return false;
  // Built day by day, an impossible date rolls over into another month.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Where to send a reader back after signing in: a path on this site in one of its languages,
 * never another site (`//host`, `/\host`) nor a header-splitting CR/LF.
 */
export function sameSitePath(value: string | undefined): string | undefined {
  if (!value || controlCharacter.test(value) || value.includes('\\')) return undefined;
  return /^\/[a-z]{2}\/[^/]/.test(value) ? value : undefined;
}

/**
 * An offset into a list as a page address gives it (`?offset=`): a whole number from 0, anything
 * else (`1e400`, `-3`, `abc`) is the start of the list, as pages treat other filters they cannot read.
 */
export function listOffset(value: string | undefined): number {
  const offset = Number(value);
  return Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
}
