import type { Db } from '../storage/database.ts';
import { columns, competencyValues, unitValues } from './columns.ts';
import { type GroupedRow, groupedCounts, wholeGroups } from './grouping.ts';
import { mean, percent, type Summary, type SummaryOptions, type SummaryRow, withSuppression } from './summary.ts';
import { type SuppressionSpec, suppressGroup } from './suppression.ts';

/** Teachers scored = with a deficit + without; with a deficit = high + moderate. */
export const deficitSuppression: SuppressionSpec = {
  published: ['scored', 'deficit', 'highDeficit', 'moderateDeficit'],
  hidden: ['noDeficit'],
  relations: [
    { total: 'scored', parts: ['deficit', 'noDeficit'] },
    { total: 'deficit', parts: ['highDeficit', 'moderateDeficit'] },
  ],
};

/** Values that are computed from counts and must go when any of those counts is suppressed. */
const derived = { deficitShare: ['deficit', 'scored'], meanScore: ['scored'] } as const;

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
  return {
    columns: columns('deficits', options.by),
    rows: deficitRows(db, options),
  };
}

function* deficitRows(db: Db, { period, by, municipalityId, k }: SummaryOptions): Generator<SummaryRow> {
  const rows = groupedCounts<DeficitCounts>(
    db,
    'report_levels',
    `sum(CASE WHEN x.level IN ('highDeficit', 'moderateDeficit', 'noDeficit') THEN x.teachers ELSE 0 END) AS scored,
     sum(CASE WHEN x.level = 'highDeficit' THEN x.teachers ELSE 0 END) AS highDeficit,
     sum(CASE WHEN x.level = 'moderateDeficit' THEN x.teachers ELSE 0 END) AS moderateDeficit,
     sum(x.score_sum) AS scoreSum`,
    { period, by, municipalityId },
  );
  for (const group of wholeGroups(rows)) {
    const counts = group.map((row) => {
      const deficit = row.highDeficit + row.moderateDeficit;
      return { scored: row.scored, deficit, highDeficit: row.highDeficit, moderateDeficit: row.moderateDeficit, noDeficit: row.scored - deficit };
    });
    const suppressed = suppressByCompetency(group, counts, k);
    for (let i = 0; i < group.length; i++) {
      const row = group[i]!;
      const c = counts[i]!;
      yield withSuppression(
        {
          period,
          ...unitValues(by, row),
          ...competencyValues(row.area),
          scored: c.scored,
          deficit: c.deficit,
          highDeficit: c.highDeficit,
          moderateDeficit: c.moderateDeficit,
          deficitShare: percent(c.deficit, c.scored),
          meanScore: mean(row.scoreSum, c.scored),
        },
        suppressed[i]!,
        derived,
      );
    }
  }
}

/** Suppression within a group, competency by competency (each competency's rows add up separately). */
export function suppressByCompetency(group: readonly { area: string }[], counts: Record<string, number>[], k: number, spec: SuppressionSpec = deficitSuppression): Set<string>[] {
  const result: Set<string>[] = group.map(() => new Set());
  const byArea = new Map<string, number[]>();
  group.forEach((row, i) => byArea.set(row.area, [...(byArea.get(row.area) ?? []), i]));
  for (const indexes of byArea.values()) {
    const sets = suppressGroup(indexes.map((i) => counts[i]!), spec, k);
    indexes.forEach((i, j) => (result[i] = sets[j]!));
  }
  return result;
}
