import type { SummaryGrouping } from '../../../../shared/api/summaries.ts';
import { competencyIds } from '../../../../shared/competencies.ts';
import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { experienceBands } from '../../aggregates/experience.ts';

/** How a summary's rows are grouped (`by=`). */
export type Grouping = SummaryGrouping;

/** What every data function of the reports takes: the period and, for a methodist, their municipality. */
export interface ReportScope {
  period: string;
  /** Absent: the whole republic. */
  municipalityId?: number;
}

const orderOf = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} ELSE ${values.length} END`;

/** Competencies in the framework's order rather than alphabetically. */
export const competencyOrderSql = (column: string) => orderOf(column, competencyIds);

/**
 * The SQL pieces that group one of the count tables (report_levels,
 * report_diagnosed, report_growth, aliased `x`) by a grouping within a scope.
 * `groupId` is the set of rows that add up to a total published at the level
 * above (the schools of one municipality; all municipalities; all experience bands),
 * which is what complementary suppression protects against.
 */
export interface GroupingSql {
  grain: 's' | 'm';
  groupId: string;
  unitId: string;
  /** Extra label columns, e.g. municipality and school names. */
  labels: string;
  joins: string;
  scopeFilter: string;
  order: string;
}

export function groupingSql(by: Grouping): GroupingSql {
  switch (by) {
    case 'school':
      return {
        grain: 's',
        groupId: 's.municipality_id',
        unitId: 'x.unit_id',
        labels: 'm.name AS municipality, s.name AS school',
        joins: 'JOIN schools s ON s.id = x.unit_id JOIN municipalities m ON m.id = s.municipality_id',
        // Drives from the municipality's schools, so the count table is read by its key, not scanned.
        scopeFilter: 'x.unit_id IN (SELECT id FROM schools WHERE municipality_id = @municipalityId)',
        order: 'm.name, s.municipality_id, s.name, x.unit_id',
      };
    case 'municipality':
      return {
        grain: 'm',
        groupId: '0',
        unitId: 'x.unit_id',
        labels: 'm.name AS municipality',
        joins: 'JOIN municipalities m ON m.id = x.unit_id',
        scopeFilter: 'x.unit_id = @municipalityId',
        order: 'm.name, x.unit_id',
      };
    case 'experience':
      return {
        grain: 'm',
        groupId: '0',
        unitId: 'x.band',
        labels: 'x.band AS band',
        joins: '',
        scopeFilter: 'x.unit_id = @municipalityId',
        order: orderOf('x.band', experienceBands),
      };
    case 'competency':
      return { grain: 'm', groupId: '0', unitId: `'all'`, labels: '', joins: '', scopeFilter: 'x.unit_id = @municipalityId', order: '1' };
  }
}

/** A row of a grouped count query: its group and unit, label columns, and counts. */
export interface GroupedRow {
  groupId: number;
  unitId: number | string;
  area: string;
  [column: string]: string | number | null;
}

/**
 * Yields the rows of a query ordered by group, one whole group at a time, so
 * that suppression can see every row that adds up to the same total while
 * the summary still streams (one municipality's schools in memory at most).
 */
export function* wholeGroups<R extends { groupId: number }>(rows: Iterable<R>): Generator<R[]> {
  let group: R[] = [];
  for (const row of rows) {
    if (group.length > 0 && group[0]!.groupId !== row.groupId) {
      yield group;
      group = [];
    }
    group.push(row);
  }
  if (group.length > 0) yield group;
}

/**
 * Sums `measures` (SQL over one of the count tables, aliased `x`) per unit and
 * competency of the grouping, in the period and scope, ordered by group, unit
 * and competency; lazily, from `stmt.iterate()`.
 */
export function groupedCounts<R extends GroupedRow>(
  db: Db,
  table: 'report_levels' | 'report_growth',
  measures: string,
  { period, by, municipalityId }: { period: string; by: Grouping; municipalityId?: number | undefined },
): Iterable<R> {
  const g = groupingSql(by);
  const statement = prepared(
    db,
    `SELECT ${g.groupId} AS groupId, ${g.unitId} AS unitId, ${g.labels ? `${g.labels},` : ''} x.area AS area, ${measures}
     FROM ${table} x ${g.joins}
     WHERE x.period = @period AND x.grain = '${g.grain}' ${municipalityId === undefined ? '' : `AND ${g.scopeFilter}`}
     GROUP BY groupId, unitId, x.area
     HAVING sum(x.teachers) > 0
     ORDER BY ${g.order}, ${competencyOrderSql('x.area')}`,
  );
  return statement.iterate({ period, ...(municipalityId === undefined ? {} : { municipalityId }) }) as Iterable<R>;
}
