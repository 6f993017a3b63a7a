import type { Db } from '../storage/database.ts';
import { columns, competencyValues, unitValues } from './columns.ts';
import { suppressByCompetency } from './deficits.ts';
import { type GroupedRow, groupedCounts, wholeGroups } from './grouping.ts';
import { mean, type Summary, type SummaryOptions, type SummaryRow, withSuppression } from './summary.ts';
import type { SuppressionSpec } from './suppression.ts';

/** Paired teachers = with a deficit before + without (and the same after). */
export const growthSuppression: SuppressionSpec = {
  published: ['paired', 'deficitBefore', 'deficitAfter'],
  hidden: ['fineBefore', 'fineAfter'],
  relations: [
    { total: 'paired', parts: ['deficitBefore', 'fineBefore'] },
    { total: 'paired', parts: ['deficitAfter', 'fineAfter'] },
  ],
};

const derived = { meanBefore: ['paired'], meanAfter: ['paired'], growth: ['paired'] } as const;

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
  return {
    columns: columns('growth', options.by),
    rows: growthRows(db, options),
  };
}

function* growthRows(db: Db, { period, by, municipalityId, k }: SummaryOptions): Generator<SummaryRow> {
  const rows = groupedCounts<GrowthCounts>(
    db,
    'report_growth',
    `sum(x.teachers) AS paired, sum(x.before_sum) AS beforeSum, sum(x.after_sum) AS afterSum,
     sum(x.deficit_before) AS deficitBefore, sum(x.deficit_after) AS deficitAfter`,
    { period, by, municipalityId },
  );
  for (const group of wholeGroups(rows)) {
    const counts = group.map((row) => ({
      paired: row.paired,
      deficitBefore: row.deficitBefore,
      deficitAfter: row.deficitAfter,
      fineBefore: row.paired - row.deficitBefore,
      fineAfter: row.paired - row.deficitAfter,
    }));
    const suppressed = suppressByCompetency(group, counts, k, growthSuppression);
    for (let i = 0; i < group.length; i++) {
      const row = group[i]!;
      const before = mean(row.beforeSum, row.paired);
      const after = mean(row.afterSum, row.paired);
      yield withSuppression(
        {
          period,
          ...unitValues(by, row),
          ...competencyValues(row.area),
          paired: row.paired,
          meanBefore: before,
          meanAfter: after,
          growth: before === null || after === null ? null : Math.round(10 * (after - before)) / 10,
          deficitBefore: row.deficitBefore,
          deficitAfter: row.deficitAfter,
        },
        suppressed[i]!,
        derived,
      );
    }
  }
}

