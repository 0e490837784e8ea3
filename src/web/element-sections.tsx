// Other domains add sections to the framework element pages (initiatives linked to an element,
// documents citing it, indicators measuring it) without the frameworks slice knowing them.
import type { Child } from 'hono/jsx';
import type { Database } from '../store/index.ts';
import type { PageContext } from './layout.tsx';

export type ElementSection = (db: Database, elementId: string, ctx: PageContext) => Promise<Child>;

const sections: ElementSection[] = [];

export function registerElementSection(section: ElementSection): void {
  if (!sections.includes(section)) sections.push(section);
}

/** Renders every registered section for an element, in registration order. */
export async function elementSections(db: Database, elementId: string, ctx: PageContext): Promise<Child[]> {
  return Promise.all(sections.map((section) => section(db, elementId, ctx)));
}
