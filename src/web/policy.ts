// What the layout every page shares offers a signed-in reader, as named rules (issue 15, item 2):
// the layout calls them instead of comparing roles itself.
import { isReviewer } from '../accounts/policy.ts';

/** Whether the account links include the review queue. */
export const canReview = (user: { role: string }): boolean => isReviewer(user);
