import type { Db } from '../../../platform/database/database.ts';
import { allAreas, readCell } from '../base.ts';
import { columns, unitValues } from '../columns.ts';
import { percent, type Summary, type SummaryOptions, type SummaryRow, withSuppression } from '../summary.ts';
import { type SummaryBase, summaryBase } from './base.ts';
import { listedUnits } from './grouping.ts';
import type { RouteGrouping } from './route-counts.ts';

export { type RouteGrouping, routeGroupings } from './route-counts.ts';

/**
 * A unit's ИОМ row from the base (the participation family, whose roster the
 * ИОМ's counts add up to): the roster, teachers with a ИОМ and with an agreed
 * one, teachers with items done and the items, the deficits of the year's
 * first diagnostic and those closed by its last, with the shares; suppressed
 * once with every other count (base.ts). A unit nobody is on has none.
 */
export function routeRow(base: SummaryBase, unit: string, labels: Record<string, string | number | null>): SummaryRow | undefined {
  const cell = readCell(base.family('participation'), allAreas, unit);
  if (!cell) return undefined;
  const { roster, withRoute, agreed, teachersDone } = cell.counts as Record<string, number>;
  const deficits = readCell(base.family('routeDeficits'), allAreas, unit);
  const deficitsAtFirst = deficits?.counts.deficitsAtFirst ?? 0;
  const deficitsClosed = deficits?.counts.deficitsClosed ?? 0;
  return withSuppression(
    {
      ...labels,
      roster: roster!,
      withRoute: withRoute!,
      routeShare: percent(withRoute!, roster!),
      agreed: agreed!,
      agreedShare: percent(agreed!, withRoute!),
      teachersDone: teachersDone!,
      itemsDone: cell.sums.itemsDone ?? 0,
      deficitsAtFirst: deficitsAtFirst!,
      deficitsClosed: deficitsClosed!,
      closedShare: percent(deficitsClosed!, deficitsAtFirst!),
    },
    new Set([...cell.suppressed, ...(deficits?.suppressed ?? [])]),
    {
      routeShare: ['withRoute', 'roster'],
      agreedShare: ['agreed', 'withRoute'],
      itemsDone: ['teachersDone'],
      closedShare: ['deficitsClosed', 'deficitsAtFirst'],
    },
  );
}

/** `routes.csv`: the ИОМ per municipality or school. */
export function routesSummary(db: Db, options: SummaryOptions & { by: RouteGrouping }, base?: SummaryBase): Summary {
  const from = base ?? summaryBase(db, options);
  const rows: SummaryRow[] = [];
  for (const { unit, labels } of listedUnits(from, options.by, options.municipalityId)) {
    const row = routeRow(from, unit, { period: options.period, ...unitValues(options.by, labels) });
    if (row) rows.push(row);
  }
  return { columns: columns('routes', options.by), rows };
}
