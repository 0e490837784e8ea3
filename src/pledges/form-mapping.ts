// From a posted form to the input a service takes: pure functions, unit-tested. A blank optional
// field is null, and the areas are read from one field of codes (areas/index.ts splitCodes).
import { splitCodes } from '../areas/index.ts';
import { firstValue } from '../web/forms.ts';
import { pledgeInput, transactionInput, updateInput } from './inputs.ts';

type RawForm = Record<string, string | string[]>;

const blankToNull = (v: string) => (v === '' ? null : v);

/** A new pledge's fields. */
export const pledgeFields = (raw: RawForm) =>
  pledgeInput.safeParse({
    metric: firstValue(raw.metric),
    unit: firstValue(raw.unit),
    baselineValue: firstValue(raw.baselineValue),
    baselineDate: firstValue(raw.baselineDate),
    targetValue: firstValue(raw.targetValue),
    targetDate: firstValue(raw.targetDate),
    beneficiaries: blankToNull(firstValue(raw.beneficiaries)),
    weight: blankToNull(firstValue(raw.weight)),
    areas: splitCodes(firstValue(raw.areas)),
  });

/** A progress report's fields. */
export const updateFields = (raw: RawForm) =>
  updateInput.safeParse({
    date: firstValue(raw.date),
    value: firstValue(raw.value),
    narrative: firstValue(raw.narrative),
    evidenceUrl: blankToNull(firstValue(raw.evidenceUrl)),
  });

/** A money transaction's fields. */
export const transactionFields = (raw: RawForm) =>
  transactionInput.safeParse({
    kind: firstValue(raw.kind),
    amount: firstValue(raw.amount),
    currency: firstValue(raw.currency),
    date: firstValue(raw.date),
    note: blankToNull(firstValue(raw.note)),
  });

/** Which notice a pledge's page opens with after a form sent the reader there (`?done=`). */
export function pledgeNotice(done: string | undefined, ownPledge: boolean): 'sentForReview' | 'progress' | 'transaction' | undefined {
  if (done === 'pledge' && ownPledge) return 'sentForReview';
  return done === 'progress' || done === 'transaction' ? done : undefined;
}
