import { describe, expect, it } from 'vitest';
import { placeFor, seatsToFill } from './seats.ts';

describe('the seat rule', () => {
  it('gives a seat while one remains, then a place in line', () => {
    expect(placeFor(0, 1)).toBe('confirmed');
    expect(placeFor(29, 30)).toBe('confirmed');
    expect(placeFor(30, 30)).toBe('waitlisted');
    expect(placeFor(0, 0)).toBe('waitlisted');
  });
  it('moves up as many as there are free seats, never a negative number', () => {
    expect(seatsToFill(28, 30)).toBe(2);
    expect(seatsToFill(30, 30)).toBe(0);
    // Seats lowered below those already held: nobody moves up, nobody is put out.
    expect(seatsToFill(12, 10)).toBe(0);
  });
});
