// Text whose direction the page cannot know: what people typed (titles, names, metrics, file
// names) and values made of digits and signs (money, dates). On an Arabic page an English title
// ending in a period, or "0 households (2025-01-15)", is reordered unless it is isolated; <bdi>
// isolates it and takes its direction from its own first strong letter (HTML's dir=auto).
import type { Child } from 'hono/jsx';

/**
 * Text a person wrote, in whatever language and script: isolated from the page's direction.
 *
 * @example
 * <UserText>{initiative.title}</UserText> // <bdi>Community networks.</bdi>
 */
export function UserText(props: { children: Child; lang?: string | null }) {
  return <bdi lang={props.lang ?? undefined}>{props.children}</bdi>;
}

/**
 * A formatted value (a number with its unit, an amount of money, a date) kept whole: its digits,
 * signs and unit stay in one piece beside its label in either direction.
 */
export function Value(props: { children: Child }) {
  return <bdi class="value">{props.children}</bdi>;
}

/**
 * The same isolation inside a message (where a value is interpolated as text, not markup): the
 * Unicode first-strong isolate FSI … PDI, which is what <bdi> does.
 *
 * @example
 * t('document.sourceLine', { file: isolate('004_d358089ea9b32d0d.txt'), ... })
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
