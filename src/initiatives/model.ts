// What an initiative is made of, as one schema: the API body and the form both go through it,
// and its messages are catalog keys so errors read in the user's language.
import { z } from 'zod';
import { languages } from '../language/languages.ts';
import { isoDate, webAddress } from '../shared/fields.ts';

export const initiativeStates = ['draft', 'submitted', 'returned', 'published', 'rejected', 'archived'] as const;
export type InitiativeState = (typeof initiativeStates)[number];
export const initiativeStatuses = ['planned', 'ongoing', 'completed', 'discontinued'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];
export const partnerRoles = ['co-lead', 'implementing', 'funding', 'technical', 'knowledge', 'other'] as const;
export const linkTypes = ['contributes-to', 'measured-by', 'relates-to', 'same-as'] as const;

export const initiativeInput = z
  .object({
    leadOrganizationId: z.string().trim().min(1, 'initiative.leadRequired'),
    texts: z
      .array(
        z.object({
          lang: z.enum(languages, 'form.chooseOne'),
          title: z.string().trim().min(3, 'initiative.titleRequired').max(300, 'form.tooLong'),
          description: z.string().trim().min(10, 'initiative.descriptionRequired').max(10000, 'form.tooLong'),
        }),
      )
      .min(1, 'initiative.textRequired')
      .refine((list) => new Set(list.map((t) => t.lang)).size === list.length, 'initiative.languageTwice'),
    status: z.enum(initiativeStatuses, 'form.chooseOne'),
    startDate: isoDate.nullable().default(null),
    endDate: isoDate.nullable().default(null),
    budget: z
      .object({
        amount: z.number('form.numberInvalid').nonnegative('form.numberInvalid').max(1e15, 'form.numberInvalid'),
        currency: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{3}$/, 'initiative.currencyInvalid'),
      })
      .nullable()
      .default(null),
    partners: z
      .array(z.object({ organizationId: z.string().trim().min(1, 'form.required'), role: z.enum(partnerRoles, 'form.chooseOne') }))
      .max(50, 'form.tooMany')
      .default([]),
    /** Concord area codes or any code the area catalogue resolves (ISO alpha-2/3, M49, LDC, LLDC, SIDS). */
    areas: z
      .array(z.string().trim().min(2, 'initiative.areaUnknown').max(10, 'initiative.areaUnknown'))
      .max(300, 'form.tooMany')
      .default([]),
    webLinks: z
      .array(z.object({ url: webAddress, label: z.string().trim().max(200, 'form.tooLong').nullable().default(null) }))
      .max(20, 'form.tooMany')
      .default([]),
    links: z
      .array(
        z.object({
          elementId: z.string().trim().min(1, 'form.required').max(100, 'form.tooLong'),
          type: z.enum(linkTypes, 'form.chooseOne').default('contributes-to'),
          evidence: z.string().trim().min(10, 'initiative.evidenceRequired').max(2000, 'form.tooLong'),
          address: webAddress.nullable().default(null),
        }),
      )
      .min(1, 'initiative.linkRequired')
      .max(100, 'form.tooMany')
      .refine((list) => new Set(list.map((l) => l.elementId)).size === list.length, 'initiative.linkTwice'),
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, { message: 'initiative.endBeforeStart', path: ['endDate'] });

export type InitiativeInput = z.infer<typeof initiativeInput>;
