/**
 * The PIN of a session: a secret of 4–6 digits the teacher chooses when she
 * connects, which opens her profile on a page where the journal does not
 * vouch for who is signed in (docs/DOMAIN.md, «PIN-код профиля»). Only a slow
 * salted hash (PBKDF2-SHA-256) is kept, so that it is checked on this device
 * without the server, offline too; wrong tries make the next one wait longer,
 * and the wait is stored, so a reload does not reset it.
 */

export interface PinHash {
  /** base64 */
  salt: string;
  /** base64, 256 bits */
  hash: string;
  iterations: number;
}

/** What the wrong tries so far mean: how many, and until when the next one must wait (epoch ms, 0: no wait). */
export interface PinTries {
  failures: number;
  waitUntil: number;
}

export const pinPattern = /^\d{4,6}$/;

/** PBKDF2 iterations for a new PIN (OWASP 2023 for SHA-256); the worker's tests pass fewer. */
export const defaultPinIterations = 600_000;

/** Wrong tries allowed before the first wait. */
export const freeTries = 3;
const firstWaitMs = 30_000;
const longestWaitMs = 60 * 60_000;

export function isValidPin(pin: string): boolean {
  return pinPattern.test(pin);
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = defaultPinIterations): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)), iterations };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  const derived = await derive(pin, fromBase64(stored.salt), stored.iterations);
  const expected = fromBase64(stored.hash);
  // Constant time over the length: no early exit on the first differing byte.
  let difference = derived.length ^ expected.length;
  for (let i = 0; i < Math.min(derived.length, expected.length); i++) difference |= derived[i]! ^ expected[i]!;
  return difference === 0;
}

export function isPinHash(value: unknown): value is PinHash {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<PinHash>;
  return typeof p.salt === 'string' && typeof p.hash === 'string' && typeof p.iterations === 'number' && p.iterations > 0;
}

export const noTries: PinTries = { failures: 0, waitUntil: 0 };

/** After `freeTries` wrong tries, each one more waits twice as long as the last: 30 s, 1 min, 2 min… up to an hour. */
export function afterWrongTry(tries: PinTries, now: number): PinTries {
  const failures = tries.failures + 1;
  if (failures < freeTries) return { failures, waitUntil: 0 };
  const wait = Math.min(firstWaitMs * 2 ** (failures - freeTries), longestWaitMs);
  return { failures, waitUntil: now + wait };
}

export function readTries(value: unknown): PinTries {
  if (typeof value !== 'object' || value === null) return noTries;
  const t = value as Partial<PinTries>;
  return typeof t.failures === 'number' && typeof t.waitUntil === 'number' ? { failures: t.failures, waitUntil: t.waitUntil } : noTries;
}
