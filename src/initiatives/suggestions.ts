// Suggestions as the reader types in the initiative form (issue 16, item 5): the element finder's
// words and the place field's names, answered in JSON for the form's small script
// (src/web/assets/suggest.js). The same element search and place matching as the form's
// search-and-choose step without JavaScript, in the language of the page.
import type { Hono } from 'hono';
import type { AppEnv } from '../web/env.ts';
import { localePath } from '../web/locale.ts';
import type { Translate } from '../i18n/index.ts';
import type { Language } from '../language/languages.ts';
import { areaReader } from '../areas/typed.ts';
import { searchElements, type ElementSummary } from '../frameworks/service.ts';
import { elementLabel } from '../frameworks/pages.tsx';

/** One suggestion: the value the field takes, what the reader reads, and the language of `text`. */
export interface Suggestion {
  value: string;
  label: string;
  text?: string;
  lang?: Language;
}

/** What each kind of field is suggested, from what was typed so far. */
export const suggestionKinds = ['elements', 'places'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/** The longest text looked up, as the finder's own search (longer input is cut, not refused). */
const MAX_QUERY = 200;
/** How many suggestions a list shows: a short list is read faster, and a screen reader announces its length. */
const LIMIT = 8;
/** An element's text in a suggestion is cut at a word near this length, as in the finder's list. */
const MAX_TEXT = 160;

function elementSuggestion(t: Translate, e: ElementSummary): Suggestion {
  const whole = (e.title ?? e.text ?? '').replace(/\s+/g, ' ').trim();
  const text = whole.length > MAX_TEXT ? `${whole.slice(0, MAX_TEXT - 1).trimEnd()}…` : whole;
  return {
    value: e.id,
    label: elementLabel(t, e),
    ...(text && e.kind !== 'topic' ? { text, ...(e.textLanguage ? { lang: e.textLanguage } : {}) } : {}),
  };
}

/**
 * The suggestions for what was typed in a field of the given kind, in the reader's language.
 *
 * @example
 * await suggest(db, 'places', 'Ken', 'en', t); // [{ value: 'Kenya', label: 'Kenya' }, ...]
 */
export async function suggest(
  db: Parameters<typeof searchElements>[0],
  kind: SuggestionKind,
  typed: string,
  lang: Language,
  t: Translate,
): Promise<Suggestion[]> {
  const q = typed.trim().slice(0, MAX_QUERY);
  if (!q) return [];
  if (kind === 'places') {
    // The name goes into the field as the reader would type it, so the form reads it back as it does a typed one.
    return (await areaReader()).suggest(q, lang, LIMIT).map((p) => ({ value: p.name, label: p.name }));
  }
  const { items } = await searchElements(db, q, lang, { lang, limit: LIMIT });
  return items.map((e) => elementSuggestion(t, e));
}

/** GET /{lang}/initiatives/suggest/{elements|places}?q=…: `{ items: Suggestion[] }`. */
export function registerSuggestions(app: Hono<AppEnv>): void {
  app.get(`${localePath}/initiatives/suggest/:kind{elements|places}`, async (c) => {
    const kind = c.req.param('kind') as SuggestionKind;
    const items = await suggest(c.var.store.db, kind, c.req.query('q') ?? '', c.var.lang, c.var.t);
    // Reference data only, the same for every reader of a language: a browser may keep it a little while.
    return c.json({ items }, 200, { 'Cache-Control': 'public, max-age=300' });
  });
}
