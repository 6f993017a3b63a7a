/**
 * Учебный год, the reporting period: 1 September to 31 August, named
 * `2025-2026`. An attempt belongs to the period of its `completed_at`, read
 * as the calendar date the teacher's clock wrote (the first ten characters of
 * the ISO timestamp), so a sitting on the evening of 31 August counts in the
 * year it was meant for wherever the server runs.
 */

export const periodPattern = /^(\d{4})-(\d{4})$/;

/** The period a date (or ISO timestamp) falls into. */
export function periodOf(isoDateOrTime: string): string {
  const year = Number(isoDateOrTime.slice(0, 4));
  const month = Number(isoDateOrTime.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

export function isPeriod(value: string): boolean {
  const match = periodPattern.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

export function previousPeriod(period: string): string {
  const start = Number(period.slice(0, 4)) - 1;
  return `${start}-${start + 1}`;
}

export function nextPeriod(period: string): string {
  const start = Number(period.slice(0, 4)) + 1;
  return `${start}-${start + 1}`;
}

/** First and last day of the period, as ISO dates. */
export function periodDates(period: string): { start: string; end: string } {
  const start = Number(period.slice(0, 4));
  return { start: `${start}-09-01`, end: `${start + 1}-08-31` };
}

/** The period running today (server time). */
export function currentPeriod(today: Date = new Date()): string {
  return periodOf(today.toISOString());
}
