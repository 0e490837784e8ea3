// A domain rule says no: the reason is a catalog key, so pages show it in the reader's
// language next to the field concerned, and the API as a problem document.
import type { MessageKey, MessageValues } from '../i18n/index.ts';

export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

export class Refusal extends Error {
  constructor(
    readonly status: RefusalStatus,
    readonly key: MessageKey,
    /** The form or body field the refusal is about, if one. */
    readonly field?: string,
    readonly values?: MessageValues,
  ) {
    super(key);
    this.name = 'Refusal';
  }
}

/** A refusal of one item of many written together (an import's rows): `index` says which. */
export class ItemRefusal extends Error {
  constructor(
    readonly index: number,
    readonly refusal: Refusal,
  ) {
    super(refusal.key);
    this.name = 'ItemRefusal';
  }
}
