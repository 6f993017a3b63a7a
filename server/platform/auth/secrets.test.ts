import { describe, expect, it } from 'vitest';
import { hashPassword, hashSecret, newConnectionCode, newPassword, newToken, normalizeConnectionCode, verifyPassword } from './secrets.ts';

/** No 0/O, 1/I/L: nothing a teacher could misread from paper. */
const codeLetter = '[23456789ABCDEFGHJKMNPQRSTUVWXYZ]';

describe('connection codes', () => {
  it('are two groups of four letters and digits that cannot be mistaken for one another', () => {
    const codes = Array.from({ length: 200 }, newConnectionCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^${codeLetter}{4}-${codeLetter}{4}$`));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('reads codes the way people type them', () => {
    expect(normalizeConnectionCode(' k7qm 3hxd ')).toBe('K7QM-3HXD');
    expect(normalizeConnectionCode('k7qm-3hxd')).toBe('K7QM-3HXD');
    expect(normalizeConnectionCode('K7QM3HXD')).toBe('K7QM-3HXD');
  });
});

describe('tokens and their hashes', () => {
  it('makes tokens of 256 random bits, safe in a URL or a header', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
  });

  it('stores a secret as its SHA-256 in hex', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('passwords', () => {
  it('generates twelve lower-case characters that read unambiguously', () => {
    expect(newPassword()).toMatch(new RegExp(`^${codeLetter.toLowerCase()}{12}$`));
  });

  it('verifies the password it hashed and no other, with a new salt each time', async () => {
    const stored = await hashPassword('пароль-методиста');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('пароль');
    expect(await verifyPassword('пароль-методиста', stored)).toBe(true);
    expect(await verifyPassword('пароль-методистa', stored)).toBe(false); // a Latin «a» at the end
    expect(await hashPassword('пароль-методиста')).not.toBe(stored);
  });

  it('takes «й» typed as one character or as «и» with a breve as the same password', async () => {
    const stored = await hashPassword('свой\u0439');
    expect(await verifyPassword('свой\u0438\u0306', stored)).toBe(true);
  });

  it('refuses, without throwing, a stored value it does not understand', async () => {
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$10$abc')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$16384$8$1$c2FsdA==')).toBe(false);
  });
});
