import { describe, expect, it } from 'vitest';
import { accountNotice, clientAddressOf, passwordSchema, resetSchema, safeNext, signUpSchema } from './form-mapping.ts';

describe('account form mapping', () => {
  it('keeps only local paths to go back to after signing in', () => {
    expect(safeNext('/fr/registry?status=published', 'fr')).toBe('/fr/registry?status=published');
    expect(safeNext('https://evil.example/', 'fr')).toBe('/fr/account');
    expect(safeNext('//evil.example/', 'en')).toBe('/en/account');
    expect(safeNext(undefined, 'ar')).toBe('/ar/account');
  });

  it('takes the address the outermost trusted proxy added, not what the client wrote', () => {
    expect(clientAddressOf('1.1.1.1, 2.2.2.2, 3.3.3.3', 1, '10.0.0.1')).toBe('3.3.3.3');
    expect(clientAddressOf('1.1.1.1, 2.2.2.2, 3.3.3.3', 2, '10.0.0.1')).toBe('2.2.2.2');
    expect(clientAddressOf('3.3.3.3', 3, '10.0.0.1')).toBe('3.3.3.3');
    expect(clientAddressOf('1.1.1.1', 0, '10.0.0.1')).toBe('10.0.0.1');
    expect(clientAddressOf(undefined, 1, undefined)).toBe('local');
  });

  it('refuses a short password and a confirmation that differs, on their fields', () => {
    const short = signUpSchema.safeParse({ name: 'A', email: 'a@example.org', password: 'short' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]).toMatchObject({ path: ['password'], message: 'account.passwordTooShort' });
    const differs = passwordSchema.safeParse({ current: 'x', next: 'long enough one', confirm: 'long enough two' });
    expect(differs.error?.issues[0]).toMatchObject({ path: ['confirm'], message: 'account.passwordsDiffer' });
    expect(resetSchema.safeParse({ next: 'long enough one', confirm: 'long enough one' }).success).toBe(true);
  });

  it('trims the address and checks it looks like one', () => {
    expect(signUpSchema.parse({ name: ' Ada ', email: ' ada@example.org ', password: '0123456789' })).toEqual({
      name: 'Ada',
      email: 'ada@example.org',
      password: '0123456789',
    });
    const bad = signUpSchema.safeParse({ name: 'Ada', email: 'not an address', password: '0123456789' });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['email'], message: 'account.emailInvalid' });
  });

  it('opens the account page with the welcome, else the password notice', () => {
    expect(accountNotice({ welcome: '1', saved: '1' })).toBe('welcome');
    expect(accountNotice({ saved: '1' })).toBe('saved');
    expect(accountNotice({})).toBeUndefined();
  });
});
