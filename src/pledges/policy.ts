// Who may do what with a pledge, stated once. A pledge follows the record it is reviewed with
// (its initiative, or itself when an organization pledged alone); its editors are that record's
// organization's members and the reviewers (organizations/editors.ts says who they are).
import { isReviewer } from '../accounts/policy.ts';
import type { User } from '../accounts/user.ts';

/** The record a pledge is reviewed with, as far as the rules need it. */
export interface ReviewedRecord {
  initiativeId: string | null;
  /** The record's review state. */
  state: string;
}

/** States in which a record's pledges and money may change: before review. */
export const changeable = (record: ReviewedRecord): boolean =>
  record.initiativeId ? ['draft', 'returned'].includes(record.state) : record.state === 'submitted';

/** Editors change pledges and money before review; reviewers at any time. */
export const canEdit = (user: User | null | undefined, isEditor: boolean, record: ReviewedRecord): boolean =>
  isEditor && (changeable(record) || isReviewer(user));

/** Editors report progress until the record is rejected or archived. */
export const canReport = (isEditor: boolean, recordState: string): boolean => isEditor && !['rejected', 'archived'].includes(recordState);

/** Reviewers publish and reject pledges and progress reports. */
export const canReview = (user: User | null | undefined): boolean => isReviewer(user);

/** A pledge is due a report when its editors may report and its status asks for news. */
export const dueAReport = (mayReport: boolean, status: string): boolean =>
  mayReport && ['no-report', 'inactive', 'overdue', 'awaiting-report'].includes(status);
