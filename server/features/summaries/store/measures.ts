import type { Db } from '../../../platform/database/database.ts';
import { periodDates } from '../../aggregates/period.ts';
import { measureEffect } from '../../measures/effects.ts';
import { messages as measureMessages } from '../../measures/messages.ts';
import { messages } from '../messages.ts';
import { measuresRunning } from '../../measures/store.ts';
import { competencyValues } from '../columns.ts';
import { cellKey, flatLattice, type MeasureFamily, suppressComponent } from '../suppression.ts';
import type { Summary, SummaryOptions, SummaryRow } from '../summary.ts';
import { withSuppression } from '../summary.ts';
import { columns } from '../columns.ts';

/**
 * A measure's counts for the council (issue 21): its target group = measured before and after + not; the
 * comparable group's measured teachers. No sums join two measures (their groups are frozen apart and may
 * overlap), so each measure is suppressed alone, as a programme is. A mean of the group's values is shown only
 * with its measured count.
 */
const measureFamily: MeasureFamily = {
  published: ['targetTeachers', 'targetMeasured', 'comparableMeasured'],
  hidden: ['targetNotMeasured'],
  relations: [{ total: 'targetTeachers', parts: ['targetMeasured', 'targetNotMeasured'] }],
};

/**
 * `measures.csv`: the measures and management decisions that ran in the учебный год, republic-wide and every
 * municipality's, with their effect beside the comparable group. The measure's own title is free text a
 * methodist wrote, and could name a teacher: the council gets its kind, municipality, competency and dates.
 */
export function measuresSummary(db: Db, options: SummaryOptions): Summary {
  return { columns: columns('measures', options.by), rows: measureRows(db, options) };
}

function* measureRows(db: Db, { period, minGroup }: SummaryOptions): Generator<SummaryRow> {
  const { start, end } = periodDates(period);
  const lattice = flatLattice(['measure']);
  const kinds = measureMessages.measures.kindNames;
  for (const measure of measuresRunning(db, start, end)) {
    const { target, comparison } = measureEffect(db, measure);
    const counts = {
      targetTeachers: target.teachers,
      targetMeasured: target.measured,
      targetNotMeasured: target.teachers - target.measured,
      comparableMeasured: comparison.measured,
    };
    const hidden = suppressComponent(new Map([['measure', counts]]), measureFamily, lattice, minGroup);
    const suppressed = new Set(Object.keys(counts).filter((measureName) => hidden.has(cellKey('measure', measureName))));
    yield withSuppression(
      {
        period,
        measureId: measure.id,
        measureKind: kinds[measure.kind],
        municipality: measure.municipality ?? messages.reports.republic,
        ...competencyValues(measure.competency),
        start: measure.start,
        end: measure.end,
        targetTeachers: target.teachers,
        targetMeasured: target.measured,
        targetBefore: target.before,
        targetAfter: target.after,
        targetChange: target.change,
        comparableMeasured: comparison.measured,
        comparableChange: comparison.change,
      },
      suppressed,
      {
        targetBefore: ['targetMeasured'],
        targetAfter: ['targetMeasured'],
        targetChange: ['targetMeasured'],
        comparableChange: ['comparableMeasured'],
      },
    );
  }
}
