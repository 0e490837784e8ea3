// The dates every roadmap is read against (issue 6, item 1), each with the text that sets it.
import type { MessageKey } from '../i18n/index.ts';

export interface Milestone {
  id: string;
  /** The day it is drawn at (the session's or the year's start when only the year is known). */
  date: string;
  label: MessageKey;
  /** The document and paragraph that set it. */
  source: string;
}

export const milestones: readonly Milestone[] = [
  {
    id: 'cstd-29',
    date: '2026-04-01',
    label: 'roadmap.milestone.cstd29',
    source: 'A/RES/80/173, annex, para. 122: UNGIS presents the joint WSIS-GDC implementation roadmap to the CSTD in 2026',
  },
  {
    id: 'cstd-30',
    date: '2027-04-01',
    label: 'roadmap.milestone.cstd30',
    source: 'A/RES/80/173, annex, para. 113: each action-line facilitator presents its roadmap to the CSTD in 2027',
  },
  {
    id: 'gdc-review',
    date: '2027-09-15',
    label: 'roadmap.milestone.gdcReview',
    source:
      'A/RES/79/1, annex I (Global Digital Compact), para. 74: high-level review of the Compact at the eighty-second session of the General Assembly',
  },
  {
    id: 'sdg-2030',
    date: '2030-12-31',
    label: 'roadmap.milestone.sdg2030',
    source: 'A/RES/70/1: the 2030 Agenda for Sustainable Development',
  },
  {
    id: 'wsis-2035',
    date: '2035-01-01',
    label: 'roadmap.milestone.wsis2035',
    source:
      'A/RES/80/173, annex, para. 127: a high-level meeting of the General Assembly in 2035 on the overall review of the WSIS outcomes',
  },
];
