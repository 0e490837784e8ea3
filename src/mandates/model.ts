// The inputs of the mandate tracker, one schema each, shared by the API and the pages: the list
// filter (query string), a reviewer's correction and a proposed answer. Messages are catalog keys.
import { z } from 'zod';
import { isoDate } from '../shared/fields.ts';
import { languages } from '../language/languages.ts';
import { answerKinds, answerRelations, mandateForces, mandateStatuses } from './service.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'form.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined));

/** `?actor=&document=&element=&year=&status=&force=&asOf=`: an empty field is no filter (a GET form sends them all). */
export const mandateFilterInput = z.object({
  actor: optionalText(100),
  document: optionalText(100),
  element: optionalText(100),
  year: z
    .union([
      z.literal(''),
      z.coerce.number('form.numberInvalid').int('form.numberInvalid').min(1945, 'form.numberInvalid').max(2100, 'form.numberInvalid'),
    ])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  status: z
    .union([z.literal(''), z.enum(mandateStatuses, 'form.chooseOne')])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  force: z
    .union([z.literal(''), z.enum(mandateForces, 'form.chooseOne')])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  asOf: z
    .union([z.literal(''), isoDate])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
});
export type MandateFilterInput = z.infer<typeof mandateFilterInput>;

const deadlineInput = z
  .object({
    text: z.string().trim().min(1, 'form.required').max(300, 'form.tooLong'),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    recurrence: z.string().trim().max(20, 'form.tooLong').nullable().default(null),
  })
  .refine((d) => !d.from || !d.to || d.to >= d.from, { message: 'initiative.endBeforeStart', path: ['to'] });

/** A reviewer's correction: any of the fields, with a reason. */
export const correctionInput = z.object({
  actors: z.array(z.string().trim().min(1).max(100)).max(60, 'form.tooMany').optional(),
  object: z.string().trim().max(4000, 'form.tooLong').optional(),
  deadline: deadlineInput.nullable().optional(),
  force: z.enum(mandateForces, 'form.chooseOne').optional(),
  notMandate: z.object({ value: z.boolean(), reason: z.string().trim().max(2000, 'form.tooLong').nullable().default(null) }).optional(),
  reason: z.string().trim().max(2000, 'form.tooLong').nullable().optional(),
});
export type CorrectionInput = z.infer<typeof correctionInput>;

/** A record that answers (or a later document that renews) a mandate. */
export const answerInput = z.object({
  kind: z.enum(answerKinds, 'form.chooseOne'),
  targetId: z.string().trim().min(1, 'form.required').max(120, 'form.tooLong'),
  relation: z.enum(answerRelations, 'form.chooseOne').default('answers'),
  evidence: z.string().trim().min(1, 'mandate.error.evidenceRequired').max(4000, 'form.tooLong'),
});
export type AnswerInputBody = z.infer<typeof answerInput>;

/** A reviewer's new name for a catalogue actor, in one language. */
export const aliasInput = z.object({
  lang: z.enum(languages, 'form.chooseOne'),
  alias: z.string().trim().min(1, 'form.required').max(200, 'form.tooLong'),
});
export type AliasInput = z.infer<typeof aliasInput>;

/** A reviewer's merge of an actor into the one that remains, with why. */
export const mergeInput = z.object({
  into: z.string().trim().min(1, 'form.required').max(100, 'form.tooLong'),
  reason: z
    .string()
    .trim()
    .max(2000, 'form.tooLong')
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null)),
});
export type MergeInput = z.infer<typeof mergeInput>;
