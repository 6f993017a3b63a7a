/**
 * A run's dates against today, as the server decides a sign-up (enrollment-store.ts) and the panel
 * offers one: calendar days in UTC, YYYY-MM-DD. Free of zod, so that the panel's bundle can use it.
 */

/** The catalogue's date of the day `days` after `at`, in UTC, as runs' dates are compared. */
export function catalogueDay(at: Date, days = 0): string {
  return new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A run that ended before today takes no sign-ups. */
export function runHasEnded(run: { end: string }, at: Date): boolean {
  return run.end < catalogueDay(at);
}
