import type { Db } from '../../../platform/database/database.ts';
import { countsSummary } from './counts.ts';
import type { GroupedRow } from './grouping.ts';
import { mean, percent, type Summary, type SummaryOptions } from '../summary.ts';
import type { SuppressionSpec } from '../suppression.ts';

/** Teachers scored = with a deficit + without; with a deficit = high + moderate. */
export const deficitSuppression: SuppressionSpec = {
  published: ['scored', 'deficit', 'highDeficit', 'moderateDeficit'],
  hidden: ['noDeficit'],
  relations: [
    { total: 'scored', parts: ['deficit', 'noDeficit'] },
    { total: 'deficit', parts: ['highDeficit', 'moderateDeficit'] },
  ],
};

interface DeficitCounts extends GroupedRow {
  scored: number;
  highDeficit: number;
  moderateDeficit: number;
  scoreSum: number;
}

/**
 * `deficits.csv`: per unit and competency, the teachers with a result in the
 * period, how many of them have a deficit (выраженный or умеренный; "too few
 * answers" is neither), the share, and the mean score (0–100).
 */
export function deficitsSummary(db: Db, options: SummaryOptions): Summary {
  return countsSummary<DeficitCounts>(db, options, {
    report: 'deficits',
    table: 'report_levels',
    measures: `sum(CASE WHEN x.level IN ('highDeficit', 'moderateDeficit', 'noDeficit') THEN x.teachers ELSE 0 END) AS scored,
      sum(CASE WHEN x.level = 'highDeficit' THEN x.teachers ELSE 0 END) AS highDeficit,
      sum(CASE WHEN x.level = 'moderateDeficit' THEN x.teachers ELSE 0 END) AS moderateDeficit,
      sum(x.score_sum) AS scoreSum`,
    suppression: deficitSuppression,
    counts: (row) => {
      const deficit = row.highDeficit + row.moderateDeficit;
      return { scored: row.scored, deficit, highDeficit: row.highDeficit, moderateDeficit: row.moderateDeficit, noDeficit: row.scored - deficit };
    },
    values: (row) => {
      const deficit = row.highDeficit + row.moderateDeficit;
      return {
        scored: row.scored,
        deficit,
        highDeficit: row.highDeficit,
        moderateDeficit: row.moderateDeficit,
        deficitShare: percent(deficit, row.scored),
        meanScore: mean(row.scoreSum, row.scored),
      };
    },
    derived: { deficitShare: ['deficit', 'scored'], meanScore: ['scored'] },
  });
}
