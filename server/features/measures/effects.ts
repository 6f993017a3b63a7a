import type { Db } from '../../platform/database/database.ts';
import { type GroupEffect, groupEffect } from './effect.ts';
import { comparisonGroup, type MeasureRow, measureGroup, scoreHistories } from './store.ts';

/** The measure's effect on its target group and on the comparable group (effect.ts says how). */
export function measureEffect(db: Db, measure: MeasureRow): { target: GroupEffect; comparison: GroupEffect } {
  const target = measureGroup(db, measure.id);
  const comparison = comparisonGroup(db, measure);
  const histories = scoreHistories(db, [...target, ...comparison], measure);
  return { target: groupEffect(target, histories, measure.start, measure.end), comparison: groupEffect(comparison, histories, measure.start, measure.end) };
}
