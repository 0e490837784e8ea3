// Organizations and their members: creation (its creator administers it), join requests decided
// by its administrators, verification by reviewers, and who may change an organization's records.
// Every write checks who may do it, per record, here (not only in the routes).
import { randomUUID } from 'node:crypto';
import type { Database, Store } from '../store/index.ts';
import { recordChange } from '../provenance/history.ts';
import { cleanName, nameKey } from '../language/names.ts';
import { Refusal } from '../shared/refusal.ts';
import type { User } from '../accounts/user.ts';
import { canVerify } from './policy.ts';
import { mayManageMembers } from './editors.ts';
import * as repository from './repository.ts';

export type StakeholderType =
  | 'government'
  | 'private-sector'
  | 'civil-society'
  | 'technical-community'
  | 'academia'
  | 'international-organization'
  | 'un-entity'
  | 'youth';

export { activeOrganizationsOf, editableOrganizations, isMember, mayEditFor, mayManageMembers } from './editors.ts';

export const stakeholderTypes: readonly StakeholderType[] = [
  'government',
  'private-sector',
  'civil-society',
  'technical-community',
  'academia',
  'international-organization',
  'un-entity',
  'youth',
];

export interface Organization {
  id: string;
  name: string;
  shortName: string;
  stakeholderType: StakeholderType;
  description: string | null;
  website: string | null;
  country: string | null;
  verified: boolean;
  verifiedAt: string | null;
  createdAt: string;
}

export interface Membership {
  organizationId: string;
  organizationName: string;
  role: 'admin' | 'member';
  state: 'requested' | 'active' | 'rejected';
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: 'admin' | 'member';
  state: Membership['state'];
  since: string;
}

const toOrganization = (r: repository.OrganizationRecord): Organization => ({
  id: r.id,
  name: r.name,
  shortName: r.shortName,
  stakeholderType: r.stakeholderType as StakeholderType,
  description: r.description,
  website: r.website,
  country: r.country,
  verified: r.verifiedAt !== null,
  verifiedAt: r.verifiedAt,
  createdAt: r.createdAt,
});

export async function getOrganization(db: Database, id: string): Promise<Organization | undefined> {
  const row = await repository.organizationById(db, id);
  return row ? toOrganization(row) : undefined;
}

export async function listOrganizations(db: Database, options: { verified?: boolean; q?: string } = {}): Promise<Organization[]> {
  return (await repository.organizationsMatching(db, options.verified ?? null, options.q ?? null)).map(toOrganization);
}

/** Of these ids, those an organization has (for checks across many records at once). */
export const knownOrganizations = repository.existingOrganizationIds;

export interface NewOrganization {
  name: string;
  shortName?: string | undefined;
  stakeholderType: StakeholderType;
  website?: string | undefined;
  country?: string | undefined;
  description?: string | undefined;
}

/**
 * Makes creations of organizations with these look-alike keys (nameKey) take turns until the
 * transaction ends: two look-alike names created at once would each find no other. Keys are locked
 * in sorted order, so two writers locking several never wait on each other in a circle.
 */
export async function lockOrganizationNames(tx: Database, keys: readonly string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await repository.lockNameKeys(tx, sorted);
}

/**
 * Creates an organization; its creator becomes its first administrator. It awaits a reviewer's
 * verification. A name that looks like a registered one (same look-alike key: case, spaces,
 * invisible and bidi characters, compatibility forms and confusable letters aside) is refused,
 * naming that one (409). Every row has its key: written on creation, by the reference seed, and
 * by migration 0030 for rows stored before keys existed.
 */
export async function createOrganization(store: Store, user: User, input: NewOrganization): Promise<Organization> {
  const id = randomUUID();
  const name = cleanName(input.name);
  const shortName = cleanName(input.shortName ?? '') || name;
  return store.transaction(async (tx) => {
    // A look-alike created at the same time is seen, and this one refused.
    await lockOrganizationNames(tx, [nameKey(name)]);
    const existing = await repository.organizationWithKey(tx, nameKey(name));
    if (existing) throw new Refusal(409, 'organization.nameTaken', 'name', { name: existing.name });
    const row = await repository.insertOrganization(tx, {
      id,
      name,
      nameKey: nameKey(name),
      shortName,
      stakeholderType: input.stakeholderType,
      website: input.website ?? null,
      country: input.country ?? null,
      description: input.description ?? null,
      createdBy: user.id,
    });
    await repository.insertFounder(tx, user.id, id);
    const organization = toOrganization(row);
    await recordChange(tx, { entity: 'organization', entityId: id, action: 'create', actor: user.id, after: { ...organization } });
    return organization;
  });
}

export async function membershipsOf(db: Database, userId: string): Promise<Membership[]> {
  return (await repository.membershipsOfUser(db, userId)) as Membership[];
}

export async function membersOf(db: Database, organizationId: string): Promise<Member[]> {
  return (await repository.membersOfOrganization(db, organizationId)) as Member[];
}

/** Asks to join an organization; its administrators decide. */
export async function requestToJoin(store: Store, user: User, organizationId: string): Promise<void> {
  await store.transaction(async (tx) => {
    if (!(await getOrganization(tx, organizationId))) throw new Refusal(404, 'organization.notFound');
    if ((await repository.membershipState(tx, user.id, organizationId)) === 'active') throw new Refusal(409, 'organization.alreadyMember');
    await repository.upsertJoinRequest(tx, user.id, organizationId);
    await recordChange(tx, { entity: 'membership', entityId: `${organizationId}/${user.id}`, action: 'request', actor: user.id });
  });
}

/** An organization's administrator (or a reviewer) accepts or rejects a join request. */
export async function decideJoinRequest(
  store: Store,
  decider: User,
  organizationId: string,
  userId: string,
  accept: boolean,
): Promise<void> {
  await store.transaction(async (tx) => {
    if (!(await mayManageMembers(tx, decider, organizationId))) throw new Refusal(403, 'organization.notAdmin');
    const done = await repository.decideRequest(tx, organizationId, userId, accept ? 'active' : 'rejected', decider.id);
    if (!done) throw new Refusal(404, 'organization.noSuchRequest');
    await recordChange(tx, {
      entity: 'membership',
      entityId: `${organizationId}/${userId}`,
      action: accept ? 'accept' : 'reject',
      actor: decider.id,
    });
  });
}

/** A reviewer verifies a new organization. */
export async function verifyOrganization(store: Store, reviewer: User, organizationId: string): Promise<void> {
  if (!canVerify(reviewer)) throw new Refusal(403, 'review.notReviewer');
  await store.transaction(async (tx) => {
    if (!(await repository.markVerified(tx, organizationId, reviewer.id))) throw new Refusal(404, 'organization.notFound');
    await recordChange(tx, { entity: 'organization', entityId: organizationId, action: 'verify', actor: reviewer.id });
  });
}
