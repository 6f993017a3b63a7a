import { type CompetencyId, competencyIds, type DeficitLevel, type Level } from '../competencies.ts';
import type { Deficit } from './result.ts';

/**
 * Competencies at a deficit level, worst first: high before moderate, then the
 * lower score, then the fixed competency order so that ties never depend on input order.
 */
export function deficitsOf(standing: Partial<Record<CompetencyId, { level: Level; score: number | null }>>): Deficit[] {
  const deficits: Deficit[] = [];
  for (const competency of competencyIds) {
    const entry = standing[competency];
    if (entry && entry.score !== null && hasDeficit(entry.level)) {
      deficits.push({ competency, level: entry.level, score: entry.score });
    }
  }
  return deficits.sort(
    (a, b) => severity(a.level) - severity(b.level) || a.score - b.score || competencyIds.indexOf(a.competency) - competencyIds.indexOf(b.competency),
  );
}

/** A professional deficit: a competency at high or moderate deficit; insufficientData is not one. */
export function hasDeficit(level: string): level is 'highDeficit' | 'moderateDeficit' {
  return level === 'highDeficit' || level === 'moderateDeficit';
}

/** On the deficit scale, noDeficit included, as against wellbeing's risk scale and insufficientData. */
export function isDeficitScaleLevel(level: Level): level is DeficitLevel {
  return level === 'highDeficit' || level === 'moderateDeficit' || level === 'noDeficit';
}

function severity(level: DeficitLevel): number {
  return level === 'highDeficit' ? 0 : level === 'moderateDeficit' ? 1 : 2;
}
