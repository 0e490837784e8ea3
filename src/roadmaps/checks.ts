// The quality checks a roadmap must pass before it is published (issue 6, item 1): every
// activity tagged with at least one GDC item and one WSIS action line, with an owner and a date;
// every outcome measured by an indicator; at least one outcome. Each finding says exactly what
// is missing and where, so the form can point at it.
import type { NodeKind } from './model.ts';

export interface CheckedNode {
  id: string;
  kind: NodeKind;
  title: string;
  elements: readonly string[];
  leadOrganization: { id: string } | null;
  dueDate: string | null;
  indicators: readonly unknown[];
}

export const checkRules = [
  'roadmap.noOutcome',
  'activity.noGdc',
  'activity.noActionLine',
  'activity.noOwner',
  'activity.noDate',
  'outcome.noIndicator',
] as const;
export type CheckRule = (typeof checkRules)[number];

export interface Finding {
  rule: CheckRule;
  /** The node it is about; null for the roadmap as a whole. */
  nodeId: string | null;
  nodeTitle: string | null;
}

const isGdc = (id: string) => id.startsWith('gdc.');
const isActionLine = (id: string) => id.startsWith('wsis.C');

/** Everything that stops the roadmap from being published (empty: it may be published). */
export function checkRoadmap(nodes: readonly CheckedNode[]): Finding[] {
  const findings: Finding[] = [];
  const at = (rule: CheckRule, node: CheckedNode): Finding => ({ rule, nodeId: node.id, nodeTitle: node.title });
  if (!nodes.some((n) => n.kind === 'outcome')) findings.push({ rule: 'roadmap.noOutcome', nodeId: null, nodeTitle: null });
  for (const node of nodes) {
    if (node.kind === 'outcome' && node.indicators.length === 0) findings.push(at('outcome.noIndicator', node));
    if (node.kind === 'activity') {
      if (!node.elements.some(isGdc)) findings.push(at('activity.noGdc', node));
      if (!node.elements.some(isActionLine)) findings.push(at('activity.noActionLine', node));
      if (!node.leadOrganization) findings.push(at('activity.noOwner', node));
      if (!node.dueDate) findings.push(at('activity.noDate', node));
    }
  }
  return findings;
}
