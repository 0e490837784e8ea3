// What a pledge, a money transaction and a progress update accept: one zod schema each, for the
// API's bodies and the pages' forms alike.
import { z } from 'zod';
import { isoDate, webAddress } from '../shared/fields.ts';

const number = z.coerce.number('form.numberInvalid').finite('form.numberInvalid');

export const pledgeInput = z
  .object({
    metric: z.string().trim().min(3, 'pledge.metricRequired').max(300, 'form.tooLong'),
    unit: z.string().trim().min(1, 'form.required').max(60, 'form.tooLong'),
    baselineValue: number,
    baselineDate: isoDate,
    targetValue: number,
    targetDate: isoDate,
    beneficiaries: z.coerce
      .number('form.numberInvalid')
      .int('form.numberInvalid')
      .nonnegative('form.numberInvalid')
      .nullable()
      .default(null),
    weight: z.coerce.number('form.numberInvalid').positive('form.numberInvalid').nullable().default(null),
    areas: z.array(z.string().trim().min(2).max(10)).max(300, 'form.tooMany').default([]),
  })
  .refine((v) => v.targetDate > v.baselineDate, { message: 'pledge.targetBeforeBaseline', path: ['targetDate'] })
  .refine((v) => v.targetValue !== v.baselineValue, { message: 'pledge.targetEqualsBaseline', path: ['targetValue'] });
export type PledgeInput = z.infer<typeof pledgeInput>;

export const transactionKinds = ['pledged', 'committed', 'disbursed', 'spent'] as const;
export const transactionInput = z.object({
  kind: z.enum(transactionKinds, 'form.chooseOne'),
  amount: z.coerce.number('form.numberInvalid').positive('form.numberInvalid').max(1e15, 'form.numberInvalid'),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'initiative.currencyInvalid'),
  date: isoDate,
  note: z.string().trim().max(1000, 'form.tooLong').nullable().default(null),
});
export type TransactionInput = z.infer<typeof transactionInput>;

export const updateInput = z.object({
  date: isoDate,
  value: number,
  narrative: z.string().trim().min(10, 'pledge.narrativeRequired').max(4000, 'form.tooLong'),
  evidenceUrl: webAddress.nullable().default(null),
});
export type UpdateInput = z.infer<typeof updateInput>;

export const pledgeDecisions = ['publish', 'reject', 'archive'] as const;
export type PledgeDecision = (typeof pledgeDecisions)[number];
