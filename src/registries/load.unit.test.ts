// The stakeholder group suggested for an organization a source names without one (reviewers verify it).
import { describe, expect, it } from 'vitest';
import { stakeholderTypeOf } from './load.ts';

describe('stakeholderTypeOf', () => {
  it('reads the group from the words of the name, civil society when they say nothing', () => {
    expect(stakeholderTypeOf("United Nations Children's Fund (UNICEF)")).toBe('un-entity');
    expect(stakeholderTypeOf('FAO')).toBe('un-entity');
    expect(stakeholderTypeOf('The World Bank')).toBe('international-organization');
    expect(stakeholderTypeOf('Ministry of Health, Rwanda')).toBe('government');
    expect(stakeholderTypeOf('Health Information Systems Programme (HISP), University of Oslo')).toBe('academia');
    expect(stakeholderTypeOf('Dimagi, Inc.')).toBe('private-sector');
    expect(stakeholderTypeOf('EkStep Foundation')).toBe('civil-society');
    // A word inside another is not that word: "Whole" is not WHO.
    expect(stakeholderTypeOf('Whole Earth Collective')).toBe('civil-society');
  });
});
