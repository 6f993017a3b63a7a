import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { columns, unitValues } from '../columns.ts';
import { experienceBands } from '../../aggregates/experience.ts';
import { wholeGroups } from './grouping.ts';
import { percent, type Summary, type SummaryOptions, type SummaryRow, withSuppression } from '../summary.ts';
import { type SuppressionSpec, suppressGroup } from '../suppression.ts';

export const participationGroupings = ['municipality', 'school', 'experience'] as const;

/** The roster = diagnosed + not diagnosed = connected + not connected. */
export const participationSuppression: SuppressionSpec = {
  published: ['roster', 'connected', 'diagnosed'],
  hidden: ['notDiagnosed', 'notConnected'],
  relations: [
    { total: 'roster', parts: ['diagnosed', 'notDiagnosed'] },
    { total: 'roster', parts: ['connected', 'notConnected'] },
  ],
};

interface ParticipationCounts {
  groupId: number;
  roster: number;
  connected: number;
  diagnosed: number;
  [label: string]: string | number;
}

/** The experience band of a teacher row `t`, in SQL, as experienceBandOf computes it. */
const experienceBandSql = `CASE WHEN t.experience_years IS NULL THEN 'unknown' WHEN t.experience_years < 3 THEN 'early'
  WHEN t.experience_years <= 10 THEN 'y3to10' WHEN t.experience_years <= 20 THEN 'y11to20' ELSE 'y21plus' END`;

const rosterSql = `count(*) AS roster, sum(EXISTS (SELECT 1 FROM devices d WHERE d.teacher_id = t.id)) AS connected`;

function participationSql(by: (typeof participationGroupings)[number], scoped: boolean): string {
  switch (by) {
    case 'school':
      return `SELECT s.municipality_id AS groupId, m.name AS municipality, s.name AS school, r.roster, r.connected,
                coalesce(x.teachers, 0) AS diagnosed
              FROM (SELECT t.school_id AS schoolId, ${rosterSql} FROM teachers t
                    ${scoped ? 'WHERE t.school_id IN (SELECT id FROM schools WHERE municipality_id = @municipalityId)' : ''}
                    GROUP BY t.school_id) r
              JOIN schools s ON s.id = r.schoolId JOIN municipalities m ON m.id = s.municipality_id
              LEFT JOIN report_diagnosed x ON x.period = @period AND x.grain = 's' AND x.unit_id = s.id AND x.band = '*'
              ORDER BY m.name, s.municipality_id, s.name, s.id`;
    case 'municipality':
      return `SELECT 0 AS groupId, m.name AS municipality, r.roster, r.connected,
                coalesce((SELECT sum(x.teachers) FROM report_diagnosed x WHERE x.period = @period AND x.grain = 'm' AND x.unit_id = m.id), 0) AS diagnosed
              FROM (SELECT s.municipality_id AS municipalityId, ${rosterSql} FROM teachers t JOIN schools s ON s.id = t.school_id
                    ${scoped ? 'WHERE s.municipality_id = @municipalityId' : ''} GROUP BY s.municipality_id) r
              JOIN municipalities m ON m.id = r.municipalityId
              ORDER BY m.name, m.id`;
    case 'experience':
      return `SELECT 0 AS groupId, r.band, r.roster, r.connected,
                coalesce((SELECT sum(x.teachers) FROM report_diagnosed x WHERE x.period = @period AND x.grain = 'm' AND x.band = r.band
                          ${scoped ? 'AND x.unit_id = @municipalityId' : ''}), 0) AS diagnosed
              FROM (SELECT ${experienceBandSql} AS band, ${rosterSql} FROM teachers t
                    ${scoped ? 'WHERE t.school_id IN (SELECT id FROM schools WHERE municipality_id = @municipalityId)' : ''} GROUP BY 1) r
              ORDER BY ${experienceBands.map((experienceBand) => `r.band = '${experienceBand}' DESC`).join(', ')}`;
  }
}

/**
 * `participation.csv`: per unit, the teachers on the roster, how many have
 * connected the extension (ever redeemed a connection code), and how many
 * have a result in at least one competency in the period. Roster and
 * connection are counted as they are now; diagnosis as it was recorded.
 */
export function participationSummary(db: Db, options: SummaryOptions & { by: (typeof participationGroupings)[number] }): Summary {
  return {
    columns: columns('participation', options.by),
    rows: participationRows(db, options),
  };
}

function* participationRows(
  db: Db,
  { period, by, municipalityId, minGroup }: SummaryOptions & { by: (typeof participationGroupings)[number] },
): Generator<SummaryRow> {
  const scoped = municipalityId !== undefined;
  const rows = prepared(db, participationSql(by, scoped)).iterate({ period, ...(scoped ? { municipalityId } : {}) }) as Iterable<ParticipationCounts>;
  for (const group of wholeGroups(rows)) {
    const counts = group.map((row) => ({
      roster: row.roster,
      connected: row.connected,
      diagnosed: row.diagnosed,
      notDiagnosed: Math.max(0, row.roster - row.diagnosed),
      notConnected: row.roster - row.connected,
    }));
    const suppressed = suppressGroup(counts, participationSuppression, minGroup);
    for (let i = 0; i < group.length; i++) {
      const row = group[i]!;
      yield withSuppression(
        {
          period,
          ...unitValues(by, row),
          roster: row.roster,
          connected: row.connected,
          diagnosed: row.diagnosed,
          diagnosedShare: percent(row.diagnosed, row.roster),
        },
        suppressed[i]!,
        { diagnosedShare: ['diagnosed', 'roster'] },
      );
    }
  }
}
