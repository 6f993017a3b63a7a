import { type CompetencyId, competencyIds } from '../competencies.ts';
import { hasDeficit } from '../scoring/deficits.ts';
import { byInstrument } from './chronology.ts';
import type { ScoredAttempt } from './scored-attempt.ts';

/** One indicator (показатель) of a competency with its latest score. */
export interface IndicatorStanding {
  id: string;
  score: number;
  level: 'highDeficit' | 'moderateDeficit';
}

/** How many of the weakest indicators a competency names at most. */
export const weakIndicatorsShown = 3;

/**
 * The weakest indicators of each competency: for each indicator the score of
 * the latest attempt (of any instrument) that scored it, kept only at a deficit
 * level, lowest first (ties by id), at most `weakIndicatorsShown`. Wellbeing's
 * indicators are never listed: the screening is not a deficit.
 */
export function weakestIndicators(attempts: readonly ScoredAttempt[]): Record<CompetencyId, IndicatorStanding[]> {
  // Instants parsed once an attempt, not twice an indicator: the panel's every «Профиль» read comes here.
  const latest = new Map<string, { at: number; standing: IndicatorStanding | null; competency: CompetencyId }>();
  for (const group of byInstrument(attempts).values()) {
    for (const attempt of group) {
      const at = Date.parse(attempt.completedAt);
      for (const [id, result] of Object.entries(attempt.result.indicators)) {
        if (result.area === 'wellbeing') continue;
        const known = latest.get(id);
        if (known && known.at > at) continue;
        const standing = result.score !== null && hasDeficit(result.level) ? { id, score: result.score, level: result.level } : null;
        latest.set(id, { at, standing, competency: result.area });
      }
    }
  }
  const weakest = Object.fromEntries(competencyIds.map((c) => [c, [] as IndicatorStanding[]])) as Record<CompetencyId, IndicatorStanding[]>;
  for (const { standing, competency } of latest.values()) if (standing) weakest[competency].push(standing);
  for (const competency of competencyIds) {
    weakest[competency] = weakest[competency].sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, weakIndicatorsShown);
  }
  return weakest;
}
