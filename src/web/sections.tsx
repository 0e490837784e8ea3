// Domains add sections to other domains' pages (initiatives on an element page, pledges on an
// initiative page, documents citing an element...) without the host page knowing them.
import type { Child } from 'hono/jsx';
import type { Database } from '../store/index.ts';
import type { PageContext } from './layout.tsx';
import type { User } from '../accounts/service.ts';

/** What a section gets: the record's id, and who is reading (for what they may see and do). */
export interface SectionArgs {
  db: Database;
  id: string;
  ctx: PageContext & { csrf: string };
  user: User | null;
}

export type Section = (args: SectionArgs) => Promise<Child>;
export type HostPage = 'area' | 'element' | 'initiative' | 'mine' | 'organization' | 'review';

const sections: Record<HostPage, Section[]> = { area: [], element: [], initiative: [], mine: [], organization: [], review: [] };

export function registerSection(page: HostPage, section: Section): void {
  if (!sections[page].includes(section)) sections[page].push(section);
}

/** Renders every section registered for a page, in registration order. */
export async function renderSections(page: HostPage, args: SectionArgs): Promise<Child[]> {
  return Promise.all(sections[page].map((section) => section(args)));
}
