// The organization form's rules: what each field accepts, as a pure schema (unit-tested), with the
// country typed by name in any of the six languages or by code (areas/typed.ts).
import { z } from 'zod';
import type { AreaReader } from '../areas/typed.ts';
import { stakeholderTypes } from './service.ts';

/** An optional text field: absent or blank is undefined. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'form.tooLong')
    .optional()
    .transform((v) => v || undefined);
const optionalUrl = optionalText(500).refine((v) => v === undefined || /^https?:\/\/[^\s]+\.[^\s]+/.test(v), 'form.urlInvalid');

export const organizationSchema = (places: Pick<AreaReader, 'one'>) =>
  z.object({
    name: z.string().trim().min(2, 'form.required').max(200, 'form.tooLong'),
    shortName: optionalText(40),
    stakeholderType: z.enum(stakeholderTypes as [string, ...string[]], 'form.chooseOne'),
    website: optionalUrl,
    country: optionalText(200)
      .transform((v) => (v === undefined ? undefined : (places.one(v) ?? v)))
      .refine((v) => v === undefined || /^[A-Z]{3}$/.test(v), 'organization.countryInvalid'),
    description: optionalText(2000),
  });
