import type { SummaryName } from '../../../../shared/api/summaries.ts';
import type { Db } from '../../../platform/database/database.ts';
import { columns, competencyValues, unitValues } from '../columns.ts';
import { type GroupedRow, groupedCounts, wholeGroups } from './grouping.ts';
import { type Summary, type SummaryOptions, type SummaryRow, withSuppression } from '../summary.ts';
import { type CountRow, type SuppressionSpec, suppressGroup } from '../suppression.ts';

/** A summary of one count table per unit and competency: what deficits.csv and growth.csv have in common. */
export interface CountsSummarySpec<R extends GroupedRow> {
  report: SummaryName;
  table: 'report_levels' | 'report_growth';
  /** SQL sums over the table (aliased `x`), named as the fields of R. */
  measures: string;
  suppression: SuppressionSpec;
  /** The row's counts of teachers, published and hidden, as the suppression spec names them. */
  counts: (row: R) => CountRow;
  /** The row's values after the unit and competency columns. */
  values: (row: R) => Record<string, number | null>;
  /** Values computed from counts, with the counts whose suppression hides them. */
  derived: Record<string, readonly string[]>;
}

export function countsSummary<R extends GroupedRow>(db: Db, options: SummaryOptions, spec: CountsSummarySpec<R>): Summary {
  return { columns: columns(spec.report, options.by), rows: countsRows(db, options, spec) };
}

function* countsRows<R extends GroupedRow>(
  db: Db,
  { period, by, municipalityId, minGroup }: SummaryOptions,
  spec: CountsSummarySpec<R>,
): Generator<SummaryRow> {
  for (const group of wholeGroups(groupedCounts<R>(db, spec.table, spec.measures, { period, by, municipalityId }))) {
    const suppressed = suppressByCompetency(group, group.map(spec.counts), minGroup, spec.suppression);
    for (let i = 0; i < group.length; i++) {
      const row = group[i]!;
      yield withSuppression({ period, ...unitValues(by, row), ...competencyValues(row.area), ...spec.values(row) }, suppressed[i]!, spec.derived);
    }
  }
}

/** Suppression within a group, competency by competency (each competency's rows add up separately). */
export function suppressByCompetency(group: readonly { area: string }[], counts: CountRow[], minGroup: number, spec: SuppressionSpec): Set<string>[] {
  const result: Set<string>[] = group.map(() => new Set());
  const byArea = new Map<string, number[]>();
  group.forEach((row, i) => byArea.set(row.area, [...(byArea.get(row.area) ?? []), i]));
  for (const indexes of byArea.values()) {
    const sets = suppressGroup(
      indexes.map((i) => counts[i]!),
      spec,
      minGroup,
    );
    indexes.forEach((i, j) => (result[i] = sets[j]!));
  }
  return result;
}
