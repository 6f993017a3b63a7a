import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { periodDates } from '../../aggregates/period.ts';
import { deficitLevelsSql } from '../../aggregates/levels.ts';
import { allAreas, type FineRow } from '../base.ts';

/**
 * The finest rows of «Показатели» (issue 22): per school and per municipality × experience band, the roster's
 * teachers (as now, like participation's roster) with each indicator's flag in the учебный год. An event counts
 * in the year it starts; a ДПО run in the year it ends, completed when marked so or confirmed and over by
 * `today`. Which measures a family takes is its own (base.ts, `families`).
 */
export interface IndicatorCounts {
  roster: number;
  withDeficit: number;
  dpoCompleted: number;
  attendedMo: number;
  competed: number;
  awarded: number;
  categoryNone: number;
  categoryFirst: number;
  categoryHighest: number;
  statusMethodist: number;
  statusMentor: number;
  rated: number;
  satisfied: number;
}

const experienceBandSql = `CASE WHEN t.experience_years IS NULL THEN 'unknown' WHEN t.experience_years < 3 THEN 'early'
  WHEN t.experience_years <= 10 THEN 'y3to10' WHEN t.experience_years <= 20 THEN 'y11to20' ELSE 'y21plus' END`;

const attendedSql = (kind: string, extra = '') => `EXISTS (SELECT 1 FROM event_sign_ups su JOIN events ev ON ev.id = su.event_id
  WHERE su.teacher_id = t.id AND su.attended_at IS NOT NULL AND ev.kind = '${kind}' AND substr(ev.start_date, 1, 10) BETWEEN @start AND @end ${extra})`;

const ratedSql = (extra = '') => `EXISTS (SELECT 1 FROM event_sign_ups su JOIN events ev ON ev.id = su.event_id
  WHERE su.teacher_id = t.id AND su.feedback_json IS NOT NULL AND substr(ev.start_date, 1, 10) BETWEEN @start AND @end ${extra})`;

const teacherFlagsSql = `SELECT t.id, t.school_id AS schoolId, s.municipality_id AS municipalityId, ${experienceBandSql} AS band,
    EXISTS (SELECT 1 FROM report_standings rs WHERE rs.period = @period AND rs.teacher_id = t.id AND rs.level IN ${deficitLevelsSql}) AS withDeficit,
    EXISTS (SELECT 1 FROM enrollments e JOIN program_runs r ON r.id = e.run_id WHERE e.teacher_id = t.id AND r.end_date BETWEEN @start AND @end
      AND (e.status = 'completed' OR (e.status = 'confirmed' AND r.end_date < @today))) AS dpoCompleted,
    ${attendedSql('methodicalAssociation')} AS attendedMo,
    ${attendedSql('competition')} AS competed,
    ${attendedSql('competition', `AND su.result IN ('laureate', 'prizeWinner', 'winner')`)} AS awarded,
    t.category = 'none' AS categoryNone,
    t.category = 'first' AS categoryFirst,
    t.category LIKE 'highest%' AS categoryHighest,
    t.category = 'highest:methodist' AS statusMethodist,
    t.category = 'highest:mentor' AS statusMentor,
    ${ratedSql()} AS rated,
    ${ratedSql()} AND NOT ${ratedSql(`AND json_extract(su.feedback_json, '$.satisfied') <> 'yes'`)} AS satisfied
  FROM teachers t JOIN schools s ON s.id = t.school_id`;

const measures = [
  'withDeficit',
  'dpoCompleted',
  'attendedMo',
  'competed',
  'awarded',
  'categoryNone',
  'categoryFirst',
  'categoryHighest',
  'statusMethodist',
  'statusMentor',
  'rated',
  'satisfied',
] as const satisfies readonly (keyof IndicatorCounts)[];

/** The last rows read per connection, with the generation, period and day they were read for. */
const lastRead = new WeakMap<Db, { key: string; rows: FineRow[] }>();

/**
 * The rows of the indicators for a period, `today` the date a confirmed place on an ended run counts as completed
 * by. The six families of «Показатели» read the same rows: they are read once while the summaries' generation
 * stands (every source of theirs moves it), not once a family.
 */
export function indicatorRows(db: Db, period: string, today: string = new Date().toISOString().slice(0, 10)): FineRow[] {
  const generation = (prepared(db, 'SELECT generation FROM summary_generation WHERE id = 1').get() as { generation: number }).generation;
  const key = `${generation}|${period}|${today}`;
  const kept = lastRead.get(db);
  if (kept?.key === key) return kept.rows;
  const rows = [...readIndicatorRows(db, period, today)];
  lastRead.set(db, { key, rows });
  return rows;
}

function* readIndicatorRows(db: Db, period: string, today: string): Generator<FineRow> {
  const { start, end } = periodDates(period);
  const rows = prepared(
    db,
    `SELECT f.schoolId, f.municipalityId, f.band, count(*) AS roster, ${measures.map((m) => `sum(f.${m}) AS ${m}`).join(', ')}
     FROM (${teacherFlagsSql}) f GROUP BY f.schoolId, f.band`,
  ).iterate({ period, start, end, today }) as Iterable<IndicatorCounts & { schoolId: number; municipalityId: number; band: string }>;
  for (const row of rows) {
    const counts: Record<string, number> = { roster: row.roster };
    for (const m of measures) counts[m] = row[m];
    yield { unit: { school: row.schoolId }, area: allAreas, counts, sums: {} };
    yield { unit: { municipality: row.municipalityId, band: row.band }, area: allAreas, counts: { ...counts }, sums: {} };
  }
}
