// What the layout every page shares offers a signed-in reader, as named rules (issue 15, item 2):
// the layout calls them instead of comparing roles itself.
import type { Role } from '../accounts/service.ts';

// Reviewers and administrators review, as accounts' isReviewer states for a full account; the layout
// holds only a name and a role.
const reviewing: ReadonlySet<string> = new Set<Role>(['reviewer', 'administrator']);

/** Whether the account links include the review queue. */
export const canReview = (user: { role: string }): boolean => reviewing.has(user.role);
