import type { Db } from '../../../platform/database/database.ts';
import { countsSummary } from './counts.ts';
import type { GroupedRow } from './grouping.ts';
import { mean, type Summary, type SummaryOptions } from '../summary.ts';
import type { SuppressionSpec } from '../suppression.ts';

/** Paired teachers = with a deficit before + without (and the same after). */
export const growthSuppression: SuppressionSpec = {
  published: ['paired', 'deficitBefore', 'deficitAfter'],
  hidden: ['fineBefore', 'fineAfter'],
  relations: [
    { total: 'paired', parts: ['deficitBefore', 'fineBefore'] },
    { total: 'paired', parts: ['deficitAfter', 'fineAfter'] },
  ],
};

interface GrowthCounts extends GroupedRow {
  paired: number;
  beforeSum: number;
  afterSum: number;
  deficitBefore: number;
  deficitAfter: number;
}

/**
 * `growth.csv`: приращение of the same teachers. For the period and the year
 * before it, the teachers with a score in the competency in both years, their
 * mean score in each year, the difference, and how many had a deficit in
 * each year. Comparing the same people keeps newcomers and leavers from
 * looking like growth or decline.
 */
export function growthSummary(db: Db, options: SummaryOptions): Summary {
  return countsSummary<GrowthCounts>(db, options, {
    report: 'growth',
    table: 'report_growth',
    measures: `sum(x.teachers) AS paired, sum(x.before_sum) AS beforeSum, sum(x.after_sum) AS afterSum,
      sum(x.deficit_before) AS deficitBefore, sum(x.deficit_after) AS deficitAfter`,
    suppression: growthSuppression,
    counts: (row) => ({
      paired: row.paired,
      deficitBefore: row.deficitBefore,
      deficitAfter: row.deficitAfter,
      fineBefore: row.paired - row.deficitBefore,
      fineAfter: row.paired - row.deficitAfter,
    }),
    values: (row) => {
      const before = mean(row.beforeSum, row.paired);
      const after = mean(row.afterSum, row.paired);
      return {
        paired: row.paired,
        meanBefore: before,
        meanAfter: after,
        growth: before === null || after === null ? null : Math.round(10 * (after - before)) / 10,
        deficitBefore: row.deficitBefore,
        deficitAfter: row.deficitAfter,
      };
    },
    derived: { meanBefore: ['paired'], meanAfter: ['paired'], growth: ['paired'] },
  });
}
