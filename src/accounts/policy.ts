// Who may do what by their account's role, stated once: services enforce these rules and views
// ask them what to show. Rules about an organization's members live in organizations/policy.ts.
import type { User } from './user.ts';

/** Reviewers (and administrators) moderate every record: review, verify, publish. */
export const isReviewer = (user: User | null | undefined): boolean => user?.role === 'reviewer' || user?.role === 'administrator';

/** Administrators run the instance: roles, uploads of reference documents. */
export const isAdministrator = (user: User | null | undefined): boolean => user?.role === 'administrator';
