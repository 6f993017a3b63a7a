import { earlyCareerYears } from '../../../shared/api/me.ts';

/**
 * Experience bands of the summaries' `by=experience` grouping. The first is
 * молодой педагог as the rest of the product defines it (fewer than
 * `earlyCareerYears` full years; the roster has no birth dates, so the "under
 * 35" half cannot be checked), so the dashboard's early-career figures are
 * exactly the first band.
 */
export const experienceBands = ['early', 'y3to10', 'y11to20', 'y21plus', 'unknown'] as const;
export type ExperienceBand = (typeof experienceBands)[number];

export const earlyCareerBand: ExperienceBand = 'early';

export function experienceBandOf(experienceYears: number | null): ExperienceBand {
  if (experienceYears === null) return 'unknown';
  if (experienceYears < earlyCareerYears) return 'early';
  if (experienceYears <= 10) return 'y3to10';
  if (experienceYears <= 20) return 'y11to20';
  return 'y21plus';
}
