import { describe, expect, it } from 'vitest';
import { afterWrongTry, freeTries, hashPin, isValidPin, noTries, verifyPin } from './pin.ts';

describe('the PIN of a session', () => {
  it('accepts 4 to 6 digits only', () => {
    expect(['1234', '123456'].map(isValidPin)).toEqual([true, true]);
    expect(['123', '1234567', '12a4', ' 1234', ''].map(isValidPin)).toEqual([false, false, false, false, false]);
  });

  it('keeps a salted hash that opens with the same PIN and no other', async () => {
    const stored = await hashPin('2718', 1000);
    expect(JSON.stringify(stored)).not.toContain('2718');
    expect(await verifyPin('2718', stored)).toBe(true);
    expect(await verifyPin('2719', stored)).toBe(false);
    expect(await verifyPin('27180', stored)).toBe(false);
    // The same PIN twice gives two different hashes: the salt is new each time.
    expect((await hashPin('2718', 1000)).hash).not.toBe(stored.hash);
  });

  it('lets the first wrong tries pass, then makes each one wait twice as long, up to an hour', () => {
    let tries = noTries;
    const now = 1_000_000;
    for (let i = 1; i < freeTries; i++) {
      tries = afterWrongTry(tries, now);
      expect(tries.waitUntil).toBe(0);
    }
    tries = afterWrongTry(tries, now);
    expect(tries.waitUntil - now).toBe(30_000);
    tries = afterWrongTry(tries, now);
    expect(tries.waitUntil - now).toBe(60_000);
    for (let i = 0; i < 20; i++) tries = afterWrongTry(tries, now);
    expect(tries.waitUntil - now).toBe(60 * 60_000);
  });
});
