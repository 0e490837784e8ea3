// Domains add sections to other domains' pages (initiatives on an element page, pledges on an
// initiative page, documents citing an element...) without the host page knowing them.
import type { Child } from 'hono/jsx';
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
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
export type HostPage = 'account' | 'area' | 'element' | 'initiative' | 'mine' | 'organization' | 'review';

/** The sections of one app's pages, by host page, in registration order. */
export type SectionRegistry = Record<HostPage, Section[]>;

// Each app has its own registry: a second app in one process (tests, a worker) registers its
// sections again without the first app's pages showing them twice.
const registries = new WeakMap<object, SectionRegistry>();

/** The app's section registry (made on first use); createApp puts it on every request's context. */
export function sectionsOf(app: object): SectionRegistry {
  let registry = registries.get(app);
  if (!registry) {
    registry = { account: [], area: [], element: [], initiative: [], mine: [], organization: [], review: [] };
    registries.set(app, registry);
  }
  return registry;
}

export function registerSection(app: object, page: HostPage, section: Section): void {
  const registry = sectionsOf(app);
  if (!registry[page].includes(section)) registry[page].push(section);
}

/** Renders every section the request's app registered for a page, in registration order. */
export async function renderSections(c: Context<AppEnv>, page: HostPage, args: SectionArgs): Promise<Child[]> {
  return Promise.all(c.var.sections[page].map((section) => section(args)));
}
