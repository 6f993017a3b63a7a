import { type AreaId, type CompetencyId, competencyIds } from '../competencies.ts';
import { roundScore } from '../scoring/round.ts';
import { byInstrument } from './chronology.ts';
import type { ScoredAttempt } from './scored-attempt.ts';

/** One side of a comparison: an attempt and its score in the area (null: not measured or too few answers). */
export interface GrowthPoint {
  instrumentVersion: number;
  attemptId?: string;
  completedAt: string;
  score: number | null;
}

/** Why two consecutive attempts cannot be compared in an area. */
export type NotComparable = 'notMeasuredBefore' | 'notMeasuredNow' | 'insufficientData';

/** Приращение in one area between the two latest attempts of one instrument. */
export interface GrowthEntry {
  instrumentId: string;
  previous: GrowthPoint;
  latest: GrowthPoint;
  /** latest − previous in points of 0–100, one decimal; null when not comparable. */
  delta: number | null;
  notComparable?: NotComparable;
}

export interface Growth {
  /** Per competency, one entry per instrument taken at least twice that measured it; sorted by instrument id. */
  competencies: Record<CompetencyId, GrowthEntry[]>;
  wellbeing: GrowthEntry[];
}

/**
 * Приращение: per area, the change between the two latest attempts of each
 * instrument. Only attempts of the same instrument are compared, because
 * different instruments (a self-assessment and a test) are on different
 * footings even on the same 0–100 scale.
 *
 * Attempts of different versions of one instrument are compared when both
 * versions measure the area: scores are shares of the area's maximum, and
 * versions revise items, not what the area means. When one of the two does
 * not measure the area, or has too few answers in it, the entry is kept with
 * delta null and the reason, so the teacher sees why there is no number.
 */
export function growth(attempts: readonly ScoredAttempt[]): Growth {
  const pairs: [string, ScoredAttempt, ScoredAttempt][] = [];
  for (const [instrumentId, group] of byInstrument(attempts)) {
    const previous = group.at(-2);
    const latest = group.at(-1);
    if (previous && latest) pairs.push([instrumentId, previous, latest]);
  }
  const entriesFor = (area: AreaId): GrowthEntry[] =>
    pairs.flatMap(([instrumentId, previous, latest]) => {
      const entry = compare(instrumentId, previous, latest, area);
      return entry ? [entry] : [];
    });
  return {
    competencies: Object.fromEntries(competencyIds.map((c) => [c, entriesFor(c)])) as Record<CompetencyId, GrowthEntry[]>,
    wellbeing: entriesFor('wellbeing'),
  };
}

function compare(instrumentId: string, previous: ScoredAttempt, latest: ScoredAttempt, area: AreaId): GrowthEntry | null {
  const before = previous.result.areas[area];
  const now = latest.result.areas[area];
  if (!before && !now) return null; // the instrument has nothing to say about this area
  const entry = { instrumentId, previous: point(previous, area), latest: point(latest, area) };
  if (!before) return { ...entry, delta: null, notComparable: 'notMeasuredBefore' };
  if (!now) return { ...entry, delta: null, notComparable: 'notMeasuredNow' };
  if (before.score === null || now.score === null) return { ...entry, delta: null, notComparable: 'insufficientData' };
  return { ...entry, delta: roundScore(now.score - before.score) };
}

function point(attempt: ScoredAttempt, area: AreaId): GrowthPoint {
  return {
    instrumentVersion: attempt.instrumentVersion,
    ...(attempt.attemptId === undefined ? {} : { attemptId: attempt.attemptId }),
    completedAt: attempt.completedAt,
    score: attempt.result.areas[area]?.score ?? null,
  };
}
