// Who may change an organization's records and manage its members, from its memberships: the
// rules of policy.ts applied to what the store says. Apart from service.ts so that slices checking
// rights (history, initiatives, pledges) do not depend on how organizations are written.
import type { Database } from '../store/index.ts';
import { isReviewer } from '../accounts/policy.ts';
import type { User } from '../accounts/user.ts';
import { canEditFor, canManageMembers } from './policy.ts';
import * as repository from './repository.ts';

/** True when the user is an active member (or, with `admin`, an active administrator) of the organization. */
export async function isMember(db: Database, userId: string, organizationId: string, admin = false): Promise<boolean> {
  return repository.hasActiveMembership(db, userId, organizationId, admin);
}

/** Whether the user may change an organization's records: reviewers always, otherwise its active members. */
export async function mayEditFor(db: Database, user: User | null, organizationId: string): Promise<boolean> {
  if (!user) return false;
  return canEditFor(user, isReviewer(user) || (await isMember(db, user.id, organizationId)));
}

/** Whether the user may decide on the organization's join requests (its administrators, reviewers). */
export async function mayManageMembers(db: Database, user: User | null, organizationId: string): Promise<boolean> {
  if (!user) return false;
  return canManageMembers(user, isReviewer(user) || (await isMember(db, user.id, organizationId, true)));
}

/**
 * Every organization whose records the user may change, in one query: `all` for reviewers. For
 * lists that check many records at once.
 */
export async function editableOrganizations(db: Database, user: User | null): Promise<{ has(organizationId: string): boolean }> {
  if (!user) return { has: () => false };
  if (isReviewer(user)) return { has: () => true };
  return new Set(await repository.activeOrganizationIds(db, user.id));
}

/** The organizations the user is an active member of. */
export const activeOrganizationsOf = repository.activeOrganizationIds;
