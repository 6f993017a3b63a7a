import type { Db } from '../../../platform/database/database.ts';
import { countsSummary } from './counts.ts';
import type { SummaryBase } from './base.ts';
import { mean, type Summary, type SummaryOptions } from '../summary.ts';

/**
 * `growth.csv`: приращение of the same teachers. For the period and the year
 * before it, the teachers with a score in the competency in both years, their
 * mean score in each year, the difference, and how many had a deficit in
 * each year. Comparing the same people keeps newcomers and leavers from
 * looking like growth or decline.
 */
export function growthSummary(db: Db, options: SummaryOptions, base?: SummaryBase): Summary {
  return countsSummary(
    db,
    options,
    {
      report: 'growth',
      family: 'growth',
      values: ({ counts, sums }) => {
        const before = mean(sums.beforeSum!, counts.paired!);
        const after = mean(sums.afterSum!, counts.paired!);
        return {
          paired: counts.paired!,
          meanBefore: before,
          meanAfter: after,
          growth: before === null || after === null ? null : Math.round(10 * (after - before)) / 10,
          deficitBefore: counts.deficitBefore!,
          deficitAfter: counts.deficitAfter!,
        };
      },
      derived: { meanBefore: ['paired'], meanAfter: ['paired'], growth: ['paired'] },
    },
    base,
  );
}
