// Who may do what with an organization and its records, stated once: the services enforce these
// rules and the views ask them what to show. Membership facts are looked up by the caller.
import { isReviewer } from '../accounts/policy.ts';
import type { User } from '../accounts/user.ts';

/** Reviewers verify new organizations. */
export const canVerify = (user: User | null | undefined): boolean => isReviewer(user);

/** An organization's administrators (and reviewers) decide on join requests. */
export const canManageMembers = (user: User | null | undefined, isAdmin: boolean): boolean =>
  Boolean(user) && (isReviewer(user) || isAdmin);

/** Its active members (and reviewers) change an organization's records. */
export const canEditFor = (user: User | null | undefined, isMember: boolean): boolean => Boolean(user) && (isReviewer(user) || isMember);

/** The member list is shown to the organization's members and to those who manage it. */
export const canSeeMembers = (canManage: boolean, isMember: boolean): boolean => canManage || isMember;

/** A signed-in reader who has never asked may ask to join. */
export const canAskToJoin = (signedIn: boolean, state: string | null): boolean => signedIn && state === null;
