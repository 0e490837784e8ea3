// The shared field rules: dates that exist, same-site paths to return to.
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isoDate, listOffset, sameSitePath } from './fields.ts';

describe('isoDate', () => {
  it('takes dates that exist, leap days included', () => {
    for (const date of ['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2024-04-30'])
      expect(isCalendarDate(date), date).toBe(true);
  });

  it('refuses impossible dates instead of rolling them over, and year 0 that PostgreSQL has not', () => {
    for (const date of ['2024-02-31', '2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '0000-01-01'])
      expect(isCalendarDate(date), date).toBe(false);
    expect(isoDate.safeParse('2024-02-31').error?.issues[0]?.message).toBe('form.dateInvalid');
    expect(isoDate.safeParse(' 2024-02-29 ').data).toBe('2024-02-29');
  });
});

describe('sameSitePath', () => {
  it('keeps a path on this site in a language', () => {
    expect(sameSitePath('/en/initiatives/abc?tab=1')).toBe('/en/initiatives/abc?tab=1');
  });

  it('refuses other sites, header splitting and anything not a page path', () => {
    for (const next of [
      '//evil.example',
      '/\\\\evil.example',
      'https://evil.example/',
      '/en/x\r\nSet-Cookie: a=b',
      '/en/x\u0000',
      '/api/v1/x',
      '',
      undefined,
    ])
      expect(sameSitePath(next), JSON.stringify(next)).toBeUndefined();
  });
});

describe('listOffset', () => {
  it('reads a whole number from 0 and starts the list for anything else', () => {
    expect(listOffset('40')).toBe(40);
    for (const value of ['1e400', '-1e400', '-3', 'abc', '1.5', '', undefined, '99999999999999999999'])
      expect(listOffset(value), value).toBe(0);
  });
});
