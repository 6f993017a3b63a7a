import type { Db } from '../../../platform/database/database.ts';
import { periodDates } from '../../aggregates/period.ts';
import { allAreas, readCell } from '../base.ts';
import { columns, unitValues } from '../columns.ts';
import { percent, type Summary, type SummaryOptions, type SummaryRow, withSuppression } from '../summary.ts';
import { type SummaryBase, summaryBase } from './base.ts';
import { listedUnits } from './grouping.ts';

export const mentoringGroupings = ['municipality', 'experience'] as const;
export type MentoringGrouping = (typeof mentoringGroupings)[number];

/**
 * Months of the period up to today (at least one, at most twelve): what «встреч на пару в месяц» divides by.
 * A period that has not begun counts one month; one that has ended, twelve.
 */
export function monthsOfPeriod(period: string, today = new Date().toISOString().slice(0, 10)): number {
  const { start, end } = periodDates(period);
  const until = [today, end].sort()[0]!; // ISO dates: the earlier
  if (until < start) return 1;
  const months = (Number(until.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(until.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
  return Math.min(12, Math.max(1, months));
}

/** Meetings per pair per month, with one decimal; null without a pair. */
export function meetingsPerPairMonth(meetings: number, pairs: number, months: number): number | null {
  return pairs > 0 ? Math.round((10 * meetings) / (pairs * months)) / 10 : null;
}

/**
 * A unit's mentoring row from the base: early-career teachers (the participation family's roster of the band
 * `early`, hidden where it is), those with a mentor and the share, the mentors who work there, the meetings of
 * the live pairs in the period and per pair per month. Undefined where neither family has a row (nobody there).
 */
export function mentoringRow(base: SummaryBase, unit: string, labels: Record<string, string | number | null>, today?: string): SummaryRow | undefined {
  const mentees = readCell(base.family('mentoring'), allAreas, unit);
  const mentors = readCell(base.family('mentors'), allAreas, unit);
  if (!mentees && !mentors) return undefined;
  const earlyCareer = mentees?.counts.earlyCareer ?? 0;
  const withMentor = mentees?.counts.withMentor ?? 0;
  const meetings = mentees?.sums.meetings ?? 0;
  return withSuppression(
    {
      ...labels,
      earlyCareer,
      withMentor,
      mentorShare: percent(withMentor, earlyCareer),
      mentors: mentors?.counts.mentors ?? 0,
      meetings,
      meetingsPerPairMonth: meetingsPerPairMonth(meetings, withMentor, monthsOfPeriod(base.period, today)),
    },
    new Set([...(mentees?.suppressed ?? []), ...(mentors?.suppressed ?? [])]),
    { mentorShare: ['withMentor', 'earlyCareer'], meetings: ['withMentor'], meetingsPerPairMonth: ['withMentor'] },
  );
}

/** `mentoring.csv`: наставничество per municipality or experience band. */
export function mentoringSummary(db: Db, options: SummaryOptions & { by: MentoringGrouping }, base?: SummaryBase): Summary {
  const from = base ?? summaryBase(db, options);
  const rows: SummaryRow[] = [];
  for (const { unit, labels } of listedUnits(from, options.by, options.municipalityId)) {
    const row = mentoringRow(from, unit, { period: options.period, ...unitValues(options.by, labels) });
    if (row) rows.push(row);
  }
  return { columns: columns('mentoring', options.by), rows };
}
