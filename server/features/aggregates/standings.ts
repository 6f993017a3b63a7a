import { competencyIds } from '../../../shared/competencies.ts';
import { currentProfile, type Profile } from '../../../shared/profile/current-profile.ts';
import type { ScoredAttempt } from '../../../shared/profile/scored-attempt.ts';
import { decodeResult } from '../../../shared/scoring/compact-result.ts';
import { periodOf } from './period.ts';

/** An attempt as the aggregates read it: no answers, the stored result as JSON. */
export interface AttemptForStanding {
  id: string;
  instrumentId: string;
  instrumentVersion: number;
  completedAt: string;
  resultJson: string;
}

/** Where a teacher stands in one competency in one period. */
export interface PeriodStanding {
  period: string;
  area: string;
  score: number | null;
  level: string;
}

export const attemptForStandingColumns = `id, instrument_id AS instrumentId, instrument_version AS instrumentVersion,
  completed_at AS completedAt, result_json AS resultJson`;

/** An attempt as the current profile reads it, without the screening's wellbeing; undefined when nothing else is left. */
export function scoredForStanding(attempt: AttemptForStanding): ScoredAttempt | undefined {
  const result = decodeResult(attempt.resultJson);
  // The screening never reaches a report; dropping it here also spares scoring its risk levels.
  delete result.areas.wellbeing;
  if (Object.keys(result.areas).length === 0) return undefined;
  return { attemptId: attempt.id, instrumentId: attempt.instrumentId, instrumentVersion: attempt.instrumentVersion, completedAt: attempt.completedAt, result };
}

/** The standing in one period from its attempts: a row for each competency some attempt measured. */
export function periodStandings(period: string, scored: readonly ScoredAttempt[], profile: Profile = currentProfile(scored)): PeriodStanding[] {
  const standings: PeriodStanding[] = [];
  for (const area of competencyIds) {
    if (!scored.some((attempt) => attempt.result.areas[area] !== undefined)) continue;
    const { score, level } = profile.competencies[area];
    standings.push({ period, area, score, level });
  }
  return standings;
}

/**
 * A teacher's standing per period: in each учебный год, the current profile
 * (shared/profile: latest attempt of each instrument, combined across
 * instruments) computed from the attempts completed in that year only.
 * Only competencies some attempt of the year measured get a row; one measured
 * with too few answers gets `insufficientData`, which is never a deficit.
 * Wellbeing is left out on purpose: no summary shows it (see README).
 */
export function standingsByPeriod(attempts: readonly AttemptForStanding[], onlyPeriod?: string): PeriodStanding[] {
  const byPeriod = new Map<string, ScoredAttempt[]>();
  for (const attempt of attempts) {
    const period = periodOf(attempt.completedAt);
    if (onlyPeriod !== undefined && period !== onlyPeriod) continue;
    const scored = scoredForStanding(attempt);
    if (!scored) continue;
    const list = byPeriod.get(period);
    if (list) list.push(scored);
    else byPeriod.set(period, [scored]);
  }
  return [...byPeriod].flatMap(([period, scored]) => periodStandings(period, scored));
}
