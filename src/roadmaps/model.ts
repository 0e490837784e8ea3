// What a roadmap is made of (issue 6, item 1): roadmap -> outcome -> output -> activity, each node
// tagged with the action lines, GDC items and SDG targets it serves, its lead and contributing
// organizations, dates, status, and (outcomes) the indicators that measure it. One schema per
// input: the API body and the form both go through it; messages are catalog keys.
import { z } from 'zod';
import { languages } from '../language/languages.ts';
import { isoDate } from '../shared/fields.ts';

export const roadmapStates = ['draft', 'published', 'archived'] as const;
export type RoadmapState = (typeof roadmapStates)[number];
export const nodeKinds = ['outcome', 'output', 'activity'] as const;
export type NodeKind = (typeof nodeKinds)[number];
export const nodeStatuses = ['planned', 'ongoing', 'completed', 'delayed', 'cancelled'] as const;
export type NodeStatus = (typeof nodeStatuses)[number];

/** The kind a node must have under a parent of this kind (null: at the top of the roadmap). */
export function childKind(parent: NodeKind | null): NodeKind | null {
  if (parent === null) return 'outcome';
  if (parent === 'outcome') return 'output';
  if (parent === 'output') return 'activity';
  return null;
}

export const roadmapInput = z.object({
  title: z.string().trim().min(3, 'roadmap.titleRequired').max(300, 'form.tooLong'),
  description: z.string().trim().max(10000, 'form.tooLong').default(''),
  lang: z.enum(languages, 'form.chooseOne'),
  ownerOrganizationId: z.string().trim().min(1, 'roadmap.ownerRequired'),
  /** The action line of a facilitator's roadmap; null for the joint WSIS-GDC roadmap. */
  actionLineId: z
    .string()
    .trim()
    .regex(/^wsis\.C\d{1,2}$/, 'roadmap.actionLineInvalid')
    .nullable()
    .default(null),
});
export type RoadmapInput = z.infer<typeof roadmapInput>;

export const indicatorRef = z.object({
  code: z.string().trim().min(1, 'form.required').max(60, 'form.tooLong'),
  targetValue: z.number('form.numberInvalid').finite('form.numberInvalid').nullable().default(null),
  targetYear: z
    .number('form.numberInvalid')
    .int('form.numberInvalid')
    .min(2000, 'form.numberInvalid')
    .max(2100, 'form.numberInvalid')
    .nullable()
    .default(null),
});

export const nodeInput = z
  .object({
    /** The node it sits under; null for an outcome (top of the tree). */
    parentId: z.string().trim().min(1).nullable().default(null),
    title: z.string().trim().min(3, 'roadmap.titleRequired').max(300, 'form.tooLong'),
    description: z.string().trim().max(4000, 'form.tooLong').default(''),
    leadOrganizationId: z.string().trim().min(1).nullable().default(null),
    contributors: z.array(z.string().trim().min(1)).max(50, 'form.tooMany').default([]),
    startDate: isoDate.nullable().default(null),
    dueDate: isoDate.nullable().default(null),
    status: z.enum(nodeStatuses, 'form.chooseOne').default('planned'),
    /** Framework elements it serves: GDC items, WSIS action lines, SDG targets. */
    elements: z.array(z.string().trim().min(1).max(60)).max(60, 'form.tooMany').default([]),
    indicators: z.array(indicatorRef).max(20, 'form.tooMany').default([]),
    /** Registry initiatives that carry out an activity (for activities; an activity without one shows as a gap). */
    initiatives: z.array(z.string().trim().min(1).max(80)).max(50, 'form.tooMany').default([]),
  })
  .refine((v) => !v.startDate || !v.dueDate || v.dueDate >= v.startDate, { message: 'initiative.endBeforeStart', path: ['dueDate'] });
export type NodeInput = z.infer<typeof nodeInput>;
