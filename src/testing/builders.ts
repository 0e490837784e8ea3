// Test data built through the services, so that a test starts from a state people could reach
// through the app (the same checks, the same history) and needs no SQL of its own. Each builder
// asks for what the test cares about and fills in the rest with valid values.
//
// @example
// const author = await buildUser(store);
// const organization = await buildOrganization(store, author);
// const initiative = await buildPublishedInitiative(store, { author, organizationId: organization.id });
// const pledgeId = await buildPledge(store, author, initiative.id);
import type { z } from 'zod';
import { createUser, type NewUser, type User } from '../accounts/service.ts';
import { createOrganization, type NewOrganization, type Organization } from '../organizations/service.ts';
import { initiativeInput } from '../initiatives/model.ts';
import { createInitiative, transition, type Initiative } from '../initiatives/service.ts';
import { createPledge, pledgeInput } from '../pledges/service.ts';
import { nodeInput, roadmapInput } from '../roadmaps/model.ts';
import { addNode, createRoadmap } from '../roadmaps/service.ts';
import type { Store } from '../store/index.ts';

/**
 * The number the last unique email or name carries. A live binding: a test that names things after
 * the account it just made reads it (`import { serial as n }` then `Org ${n}`).
 */
export let serial = 0;

/** An address no other test of the process has used: "amina.3.1765150000000@example.org". */
export function uniqueEmail(name: string): string {
  serial += 1;
  return `${name}.${serial}.${Date.now()}@example.org`;
}

/** A name no other builder of the process has given ("Test organization 4"): organization names must differ. */
export function uniqueName(name: string): string {
  serial += 1;
  return `${name} ${serial}`;
}

/** A password the common-password check accepts. */
export const password = 'correct horse battery staple';

/** A contributor (or, with `role`, a reviewer or administrator). */
export function buildUser(store: Store, over: Partial<NewUser> = {}): Promise<User> {
  return createUser(store, { email: uniqueEmail('user'), name: 'Test Contributor', password, ...over });
}

export function buildReviewer(store: Store, over: Partial<NewUser> = {}): Promise<User> {
  return buildUser(store, { email: uniqueEmail('reviewer'), name: 'Rita Reviewer', role: 'reviewer', ...over });
}

/** An organization whose first member (and administrator) is `member`. */
export function buildOrganization(store: Store, member: User, over: Partial<NewOrganization> = {}): Promise<Organization> {
  return createOrganization(store, member, { name: uniqueName('Test organization'), stakeholderType: 'civil-society', ...over });
}

/** What an initiative is made of: who writes it, for which organization. */
export interface InitiativeParts {
  author: User;
  organizationId: string;
  /** Any field of the initiative form (texts, areas, links...); the rest is a valid initiative in Kenya. */
  input?: Partial<z.input<typeof initiativeInput>>;
}

/** A draft initiative (pledges made now are published with it). */
export function buildInitiative(store: Store, parts: InitiativeParts): Promise<Initiative> {
  return createInitiative(
    store,
    parts.author,
    initiativeInput.parse({
      leadOrganizationId: parts.organizationId,
      status: 'ongoing',
      texts: [{ lang: 'en', title: uniqueName('Test initiative'), description: 'An initiative built for a test.' }],
      areas: ['KEN'],
      links: [{ elementId: 'sdg.9.c', evidence: 'Brings affordable access to the Internet.' }],
      ...parts.input,
    }),
  );
}

/** Submits the draft as its author and publishes it as a reviewer (a new one when absent), as the review workflow does. */
export async function publishInitiative(store: Store, author: User, initiativeId: string, reviewer?: User): Promise<Initiative> {
  await transition(store, author, initiativeId, 'submit');
  return transition(store, reviewer ?? (await buildReviewer(store)), initiativeId, 'publish');
}

/** A published initiative. */
export async function buildPublishedInitiative(store: Store, parts: InitiativeParts & { reviewer?: User }): Promise<Initiative> {
  const draft = await buildInitiative(store, parts);
  return publishInitiative(store, parts.author, draft.id, parts.reviewer);
}

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A pledge of the initiative, made by `author`; its baseline is recent, so it is never stale whenever the tests run. */
export function buildPledge(
  store: Store,
  author: User,
  initiativeId: string,
  over: Partial<z.input<typeof pledgeInput>> = {},
): Promise<string> {
  return createPledge(
    store,
    author,
    initiativeId,
    pledgeInput.parse({
      metric: 'Schools connected',
      unit: 'schools',
      baselineValue: 0,
      baselineDate: daysFromToday(-60),
      targetValue: 100,
      targetDate: daysFromToday(3 * 365),
      ...over,
    }),
  );
}

/** A draft roadmap owned by the organization (publish it with the roadmaps service once it has its parts). */
export function buildRoadmap(
  store: Store,
  owner: User,
  organizationId: string,
  over: Partial<z.input<typeof roadmapInput>> = {},
): Promise<string> {
  return createRoadmap(
    store,
    owner,
    roadmapInput.parse({ title: uniqueName('Test roadmap'), lang: 'en', ownerOrganizationId: organizationId, ...over }),
  );
}

/** A part of a roadmap: an outcome, or (with `parentId`) an output or activity under it. */
export function buildRoadmapNode(
  store: Store,
  owner: User,
  roadmapId: string,
  over: Partial<z.input<typeof nodeInput>> = {},
): Promise<string> {
  return addNode(store, owner, roadmapId, nodeInput.parse({ title: 'Part', status: 'ongoing', ...over }));
}
