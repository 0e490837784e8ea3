// The history entry of a record a registry load creates, made from what the load wrote rather
// than read back: reading back a chunk's new records (six queries over every table written) was a
// quarter of an IATI import's time on PostgreSQL. It is the snapshot src/initiatives/service.ts
// takes of a stored initiative (`snapshot`), field for field and in the order the store reads them
// back; iati-chunks.int.test.ts compares the two on every record of an import.
import { languages, type Language } from '../language/languages.ts';
import type { InitiativeParts } from '../initiatives/service.ts';

/** What the load knows beside the parts: the stored names of organizations and the order of elements. */
export interface CreatedContext {
  /** An organization's stored name (partners are read back by name, case aside). */
  organizationName: (id: string) => string;
  /** Each linked element's framework and position (links are read back in that order). */
  elementOrder: ReadonlyMap<string, { framework: string; position: number }>;
}

/**
 * An amount as the store's budget column (numeric(18, 2)) gives it back: the number's decimal
 * text (what the writer sends) rounded to two places, half away from zero, as PostgreSQL rounds.
 *
 * @example moneyText(3000) // '3000.00'; moneyText(0.125) // '0.13'
 */
export function moneyText(value: number): string {
  const text = String(Math.abs(value));
  const plain = /e/i.test(text) ? (Math.abs(value) >= 1 ? BigInt(Math.abs(value)).toString() : Math.abs(value).toFixed(20)) : text;
  const [whole = '0', fraction = ''] = plain.split('.');
  let cents = BigInt(whole + fraction.slice(0, 2).padEnd(2, '0'));
  if ((fraction[2] ?? '0') >= '5') cents += 1n;
  const digits = cents.toString().padStart(3, '0');
  return `${value < 0 && cents > 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Code-point order (the C collation the stores use), not the locale's. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The snapshot of a record just created from `parts`, as history keeps it.
 *
 * @example
 * createdSnapshot(parts, { organizationName: (id) => names.get(id)!, elementOrder }).texts; // by language, as stored
 */
export function createdSnapshot(parts: InitiativeParts, context: CreatedContext): Record<string, unknown> {
  const { input } = parts;
  const order = (lang: Language) => languages.indexOf(lang);
  // Written once per organization (the last mention wins) and per element and address, as writeParts does.
  const partners = [
    ...new Map(input.partners.filter((p) => p.organizationId !== input.leadOrganizationId).map((p) => [p.organizationId, p])).values(),
  ]
    .map((p) => ({ organizationId: p.organizationId, role: p.role, key: context.organizationName(p.organizationId).toLowerCase() }))
    .sort((a, b) => byCodePoint(a.key, b.key));
  const links = [...new Map(input.links.map((l) => [l.elementId, l])).values()]
    .map((l) => ({ link: l, at: context.elementOrder.get(l.elementId) }))
    .sort((a, b) => byCodePoint(a.at?.framework ?? '', b.at?.framework ?? '') || (a.at?.position ?? 0) - (b.at?.position ?? 0));
  return {
    state: 'published',
    status: input.status,
    leadOrganizationId: input.leadOrganizationId,
    texts: [...input.texts]
      .sort((a, b) => order(a.lang) - order(b.lang))
      .map(({ lang, title, description }) => ({ lang, title, description })),
    partners: partners.map(({ organizationId, role }) => ({ organizationId, role })),
    areas: [...parts.areas].sort(byCodePoint),
    startDate: input.startDate,
    endDate: input.endDate,
    budget: input.budget ? { amount: moneyText(input.budget.amount), currency: input.budget.currency } : null,
    webLinks: [...new Map(input.webLinks.map((w) => [w.url, w])).values()]
      .sort((a, b) => byCodePoint(a.url, b.url))
      .map(({ url, label }) => ({ url, label })),
    links: links.map(({ link }) => ({ elementId: link.elementId, type: link.type, evidence: link.evidence, address: link.address })),
    reviewNote: null,
  };
}
