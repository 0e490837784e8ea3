import { describe, expect, it } from 'vitest';
import { organizationSchema } from './form-mapping.ts';

// A stand-in for the area catalogue: the one name it knows, as typed on a French page.
const places = { one: (text: string) => (text.trim().toLowerCase() === 'kenya' ? 'KEN' : undefined) };

describe('organization form mapping', () => {
  it('reads a blank optional field as absent and a country by its name', () => {
    const parsed = organizationSchema(places).parse({
      name: '  Open Schools  ',
      shortName: ' ',
      stakeholderType: 'civil-society',
      website: '',
      country: 'Kenya',
      description: '',
    });
    expect(parsed).toEqual({
      name: 'Open Schools',
      shortName: undefined,
      stakeholderType: 'civil-society',
      website: undefined,
      country: 'KEN',
      description: undefined,
    });
  });

  it('names the field of each refusal', () => {
    const result = organizationSchema(places).safeParse({
      name: 'X',
      stakeholderType: 'guild',
      website: 'not-a-site',
      country: 'Atlantis',
    });
    const byField = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
    expect(byField).toEqual({
      name: 'form.required',
      stakeholderType: 'form.chooseOne',
      website: 'form.urlInvalid',
      country: 'organization.countryInvalid',
    });
  });

  it('keeps a three-letter code as typed', () => {
    expect(organizationSchema(places).parse({ name: 'Ministry', stakeholderType: 'government', country: 'FRA' }).country).toBe('FRA');
  });
});
