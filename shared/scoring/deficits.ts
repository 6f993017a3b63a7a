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
    if (entry && entry.score !== null && (entry.level === 'highDeficit' || entry.level === 'moderateDeficit')) {
      deficits.push({ competency, level: entry.level, score: entry.score });
    }
  }
  return deficits.sort(
    (a, b) =>
      severity(a.level) - severity(b.level) ||
      a.score - b.score ||
      competencyIds.indexOf(a.competency) - competencyIds.indexOf(b.competency),
  );
}

export function isDeficitLevel(level: Level): level is DeficitLevel {
  return level === 'highDeficit' || level === 'moderateDeficit' || level === 'noDeficit';
}

function severity(level: DeficitLevel): number {
  return level === 'highDeficit' ? 0 : level === 'moderateDeficit' ? 1 : 2;
}
