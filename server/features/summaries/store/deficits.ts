import type { Db } from '../../../platform/database/database.ts';
import { countsSummary } from './counts.ts';
import type { SummaryBase } from './base.ts';
import { mean, percent, type Summary, type SummaryOptions } from '../summary.ts';

/**
 * `deficits.csv`: per unit and competency, the teachers with a result in the
 * period, how many of them have a deficit (выраженный or умеренный; "too few
 * answers" is neither), the share, and the mean score (0–100).
 */
export function deficitsSummary(db: Db, options: SummaryOptions, base?: SummaryBase): Summary {
  return countsSummary(
    db,
    options,
    {
      report: 'deficits',
      family: 'levels',
      values: ({ counts, sums }) => ({
        scored: counts.scored!,
        deficit: counts.deficit!,
        highDeficit: counts.highDeficit!,
        moderateDeficit: counts.moderateDeficit!,
        deficitShare: percent(counts.deficit!, counts.scored!),
        meanScore: mean(sums.scoreSum!, counts.scored!),
      }),
      derived: { deficitShare: ['deficit', 'scored'], meanScore: ['scored'] },
    },
    base,
  );
}
