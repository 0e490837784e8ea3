import { describe, expect, it } from 'vitest';
import { checkRoadmap, type CheckedNode } from './checks.ts';

const node = (over: Partial<CheckedNode> & Pick<CheckedNode, 'id' | 'kind'>): CheckedNode => ({
  title: over.id,
  elements: [],
  leadOrganization: null,
  dueDate: null,
  indicators: [],
  ...over,
});

describe('roadmap quality checks', () => {
  it('asks for at least one outcome', () => {
    expect(checkRoadmap([])).toEqual([{ rule: 'roadmap.noOutcome', nodeId: null, nodeTitle: null }]);
  });

  it('names every missing piece of every activity and outcome', () => {
    const findings = checkRoadmap([
      node({ id: 'o1', kind: 'outcome' }),
      node({ id: 'p1', kind: 'output' }),
      node({ id: 'a1', kind: 'activity', elements: ['sdg.9.c'] }),
      node({ id: 'a2', kind: 'activity', elements: ['gdc.11.a', 'wsis.C5'], leadOrganization: { id: 'itu' }, dueDate: '2027-06-30' }),
    ]);
    expect(findings.map((f) => `${f.nodeId} ${f.rule}`)).toEqual([
      'o1 outcome.noIndicator',
      'a1 activity.noGdc',
      'a1 activity.noActionLine',
      'a1 activity.noOwner',
      'a1 activity.noDate',
    ]);
  });

  it('passes a roadmap whose outcomes are measured and whose activities are tagged, owned and dated', () => {
    expect(
      checkRoadmap([
        node({ id: 'o1', kind: 'outcome', indicators: [{ code: 'IT.NET.USER.ZS' }] }),
        node({ id: 'p1', kind: 'output' }),
        node({ id: 'a1', kind: 'activity', elements: ['gdc.29.c', 'wsis.C5'], leadOrganization: { id: 'itu' }, dueDate: '2027-06-30' }),
      ]),
    ).toEqual([]);
  });
});
