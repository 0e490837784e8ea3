// Who may do what with indicators: named rules the routes enforce and the pages call to decide what
// to show, stated once (issue 15, item 2).
import { isReviewer, type User } from '../accounts/service.ts';

/** Importing observations rewrites published figures: reviewers and administrators do it. */
export const canImport = (user: User | null | undefined): boolean => isReviewer(user);
