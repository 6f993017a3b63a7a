import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** Letters and digits that cannot be mistaken for one another when read aloud or copied from paper. */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A one-time connection code such as `K7QM-3HXD`: about 40 bits, short enough to type. */
export function newConnectionCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Reads a code as people type it: any case, with or without the dash and spaces. */
export function normalizeConnectionCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** A bearer token for a device or the council: 256 random bits. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens and codes are stored only as this hash, so a copy of the database gives no access. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A readable random password for accounts created by the demo and the CLI. */
export function newPassword(): string {
  let password = '';
  for (let i = 0; i < 12; i++) password += codeAlphabet[randomInt(codeAlphabet.length)]!.toLowerCase();
  return password;
}

const scryptParams = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, 32, scryptParams);
  return `scrypt$${scryptParams.N}$${scryptParams.r}$${scryptParams.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}
