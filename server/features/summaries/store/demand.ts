import { competencyIds } from '../../../../shared/competencies.ts';
import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { columns, competencyValues } from '../columns.ts';
import { competencyOrderSql } from './grouping.ts';
import { deficitLevelsSql } from '../../aggregates/levels.ts';
import { periodDates } from '../../aggregates/period.ts';
import { type Summary, type SummaryOptions, type SummaryRow, withSuppression } from '../summary.ts';
import { suppressGroup } from '../suppression.ts';

export const demandGroupings = ['municipality', 'competency'] as const;
export type DemandGrouping = (typeof demandGroupings)[number];

interface DemandCounts {
  municipality: string;
  area: string;
  deficit: number;
  seatsLocal: number;
  seatsRepublic: number;
}

const areasSql = `(SELECT value AS area FROM json_each('${JSON.stringify(competencyIds)}'))`;

/**
 * Образовательный заказ: per competency, the teachers with a deficit in it in
 * the period against the seats of programme runs starting in the period that
 * target it (archived programmes left out). A run of a municipality's
 * programme serves that municipality; a republic-wide one (no municipality)
 * serves everyone, so `by=municipality` shows its seats beside each
 * municipality but subtracts only the municipality's own seats, and
 * `by=competency` (the republic) subtracts both. A programme that targets two
 * competencies offers each seat to both, so the unmet demand is a lower bound.
 */
export function demandSummary(db: Db, options: SummaryOptions & { by: DemandGrouping }): Summary {
  return {
    columns: columns('demand', options.by),
    rows: demandRows(db, options),
  };
}

function* demandRows(db: Db, { period, by, municipalityId, minGroup }: SummaryOptions & { by: DemandGrouping }): Generator<SummaryRow> {
  const { start, end } = periodDates(period);
  const scoped = municipalityId !== undefined;
  const perMunicipality = by === 'municipality';
  const rows = prepared(
    db,
    `WITH deficits AS (
       SELECT x.unit_id AS municipalityId, x.area, sum(x.teachers) AS deficit FROM report_levels x
       WHERE x.period = @period AND x.grain = 'm' AND x.level IN ${deficitLevelsSql} ${scoped ? 'AND x.unit_id = @municipalityId' : ''}
       GROUP BY x.unit_id, x.area),
     seats AS (
       SELECT p.municipality_id AS municipalityId, c.value AS area, sum(r.seats) AS seats
       FROM programs p JOIN program_runs r ON r.program_id = p.id, json_each(p.competencies_json) c
       WHERE p.archived = 0 AND r.start_date BETWEEN @start AND @end
       GROUP BY p.municipality_id, c.value)
     ${
       perMunicipality
         ? `SELECT m.name AS municipality, a.area, coalesce(d.deficit, 0) AS deficit, coalesce(sl.seats, 0) AS seatsLocal,
              coalesce(sr.seats, 0) AS seatsRepublic
            FROM municipalities m CROSS JOIN ${areasSql} a
            LEFT JOIN deficits d ON d.municipalityId = m.id AND d.area = a.area
            LEFT JOIN seats sl ON sl.municipalityId = m.id AND sl.area = a.area
            LEFT JOIN seats sr ON sr.municipalityId IS NULL AND sr.area = a.area
            ${scoped ? 'WHERE m.id = @municipalityId' : ''}
            ORDER BY m.name, m.id, ${competencyOrderSql('a.area')}`
         : `SELECT '' AS municipality, a.area,
              coalesce((SELECT sum(deficit) FROM deficits d WHERE d.area = a.area), 0) AS deficit,
              coalesce((SELECT sum(seats) FROM seats s WHERE s.area = a.area AND s.municipalityId IS NOT NULL
                        ${scoped ? 'AND s.municipalityId = @municipalityId' : ''}), 0) AS seatsLocal,
              coalesce((SELECT seats FROM seats s WHERE s.area = a.area AND s.municipalityId IS NULL), 0) AS seatsRepublic
            FROM ${areasSql} a ORDER BY ${competencyOrderSql('a.area')}`
     }`,
  ).all({ period, start, end, ...(scoped ? { municipalityId } : {}) }) as DemandCounts[];

  // The municipalities' counts of one competency add up to the republic's.
  const suppressed = rows.map(() => new Set<string>());
  for (const area of competencyIds) {
    const indexes = rows.flatMap((row, i) => (row.area === area ? [i] : []));
    const sets = suppressGroup(
      indexes.map((i) => ({ deficit: rows[i]!.deficit })),
      { published: ['deficit'], relations: [] },
      minGroup,
    );
    indexes.forEach((i, j) => (suppressed[i] = sets[j]!));
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const offered = perMunicipality ? row.seatsLocal : row.seatsLocal + row.seatsRepublic;
    yield withSuppression(
      {
        period,
        ...(perMunicipality ? { municipality: row.municipality } : {}),
        ...competencyValues(row.area),
        deficit: row.deficit,
        seatsLocal: row.seatsLocal,
        seatsRepublic: row.seatsRepublic,
        unmet: Math.max(0, row.deficit - offered),
      },
      suppressed[i]!,
      { unmet: ['deficit'] },
    );
  }
}
