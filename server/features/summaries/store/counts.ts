import type { SummaryName } from '../../../../shared/api/summaries.ts';
import type { Db } from '../../../platform/database/database.ts';
import { type BaseRow, readCell } from '../base.ts';
import { columns, competencyValues, unitValues } from '../columns.ts';
import { inCompetencyOrder, listedUnits } from './grouping.ts';
import { type Summary, type SummaryOptions, type SummaryRow, withSuppression } from '../summary.ts';
import { type SummaryBase, summaryBase } from './base.ts';

/** A summary of one family of the base per unit and competency: what deficits.csv and growth.csv have in common. */
export interface CountsSummarySpec {
  report: SummaryName;
  family: 'levels' | 'growth';
  /** The row's values after the unit and competency columns, from the cell's counts and sums. */
  values: (row: BaseRow) => Record<string, number | null>;
  /** Values computed from counts, with the counts whose suppression hides them. */
  derived: Record<string, readonly string[]>;
}

export function countsSummary(db: Db, options: SummaryOptions, spec: CountsSummarySpec, base?: SummaryBase): Summary {
  return { columns: columns(spec.report, options.by), rows: countsRows(base ?? summaryBase(db, options), options, spec) };
}

function* countsRows(base: SummaryBase, { period, by, municipalityId }: SummaryOptions, spec: CountsSummarySpec): Generator<SummaryRow> {
  // By subject, the levels' subject units (a teacher of two subjects is in two rows).
  const family = base.family(spec.family);
  const areas = inCompetencyOrder(family.rows.keys());
  for (const { unit, labels } of listedUnits(base, by, municipalityId)) {
    for (const area of areas) {
      const cell = readCell(family, area, unit);
      if (!cell) continue;
      yield withSuppression({ period, ...unitValues(by, labels), ...competencyValues(area), ...spec.values(cell) }, cell.suppressed, spec.derived);
    }
  }
}
