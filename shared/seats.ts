/**
 * The seat rule every sign-up with seats follows (programme runs and
 * methodical events alike): nobody waits while a seat is free, so a new
 * sign-up takes a seat while one remains and otherwise waits in line; a
 * freed seat goes to the first in line. The stores count, in their own
 * IMMEDIATE transactions; this decides.
 */
export type SeatPlace = 'confirmed' | 'waitlisted';

/** Where a new sign-up goes when `taken` of `seats` are held. */
export function placeFor(taken: number, seats: number): SeatPlace {
  return taken < seats ? 'confirmed' : 'waitlisted';
}

/** How many of those waiting move up when `taken` of `seats` are held. */
export function seatsToFill(taken: number, seats: number): number {
  return Math.max(0, seats - taken);
}
