// Field rules shared by every form and API body (messages are catalog keys).
import { z } from 'zod';

/** An http(s) address. */
export const webAddress = z
  .string()
  .trim()
  .max(1000, 'form.tooLong')
  .refine((v) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), 'form.urlInvalid');

/** A calendar date as YYYY-MM-DD. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'form.dateInvalid')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'form.dateInvalid');
