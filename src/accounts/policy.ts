// Who may do what by their account's role, stated once: services enforce these rules and views
// ask them what to show. Rules about an organization's members live in organizations/policy.ts.
import type { User } from './user.ts';

/** What the rules read of an account: its role (a page's context holds only a name and a role). */
type WithRole = Pick<User, 'role'> | { readonly role: string };

/** Reviewers (and administrators) moderate every record: review, verify, publish. */
export const isReviewer = (user: WithRole | null | undefined): boolean => user?.role === 'reviewer' || user?.role === 'administrator';

/** Administrators run the instance: roles, uploads of reference documents. */
export const isAdministrator = (user: WithRole | null | undefined): boolean => user?.role === 'administrator';
