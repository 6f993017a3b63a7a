import type { Db } from '../../../platform/database/database.ts';
import { getSetting, setSetting } from '../../../platform/database/settings-store.ts';
import { experienceBandOf } from '../experience.ts';
import { recomputeCurrentStanding } from './current-standing.ts';
import { deficitLevelsSql } from '../levels.ts';
import { attemptForStandingColumns, type AttemptForStanding, standingsByPeriod } from '../standings.ts';

/** Bumped when the way standings or counts are computed changes, so they are rebuilt once at the next start. */
const aggregatesVersion = '2';
const versionKey = 'report_aggregates_version';

/** Builds the report aggregates from the stored attempts if they were never built (or built by older code). */
export function ensureReportAggregates(db: Db): void {
  if (getSetting(db, versionKey) === aggregatesVersion) return;
  rebuildReportAggregates(db);
}

/**
 * Recomputes every standing from the stored attempts and every count from the
 * standings, in one transaction. Erasure keeps attempts' results (only the
 * answers go), so an erased teacher's counts survive a rebuild; their
 * experience band becomes `unknown`, as the experience itself was erased.
 */
export function rebuildReportAggregates(db: Db): void {
  db.transaction(() => {
    // Everything is recomputed from the attempts, so nothing stays pending (pending.ts).
    for (const table of ['teacher_standings', 'report_standings', 'report_levels', 'report_diagnosed', 'report_growth', 'report_pending'])
      db.exec(`DELETE FROM ${table}`);
    const insert = db.prepare(
      `INSERT INTO report_standings (period, teacher_id, area, score, level, school_id, municipality_id, band) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const teachers = db.prepare(
      `SELECT t.id, t.school_id AS schoolId, s.municipality_id AS municipalityId, t.experience_years AS experienceYears
       FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id IN (SELECT DISTINCT teacher_id FROM attempts)`,
    );
    const attemptsOf = db.prepare(`SELECT ${attemptForStandingColumns} FROM attempts WHERE teacher_id = ?`);
    for (const t of teachers.all() as { id: number; schoolId: number; municipalityId: number; experienceYears: number | null }[]) {
      const experienceBand = experienceBandOf(t.experienceYears);
      for (const s of standingsByPeriod(attemptsOf.all(t.id) as AttemptForStanding[])) {
        insert.run(s.period, t.id, s.area, s.score, s.level, t.schoolId, t.municipalityId, experienceBand);
      }
      recomputeCurrentStanding(db, t.id);
    }
    countFromStandings(db);
    setSetting(db, versionKey, aggregatesVersion);
  })();
}

/** The counts as sums over the standings: what recomputeStanding keeps true, teacher by teacher. */
function countFromStandings(db: Db): void {
  for (const [grain, unit, experienceBandSql] of [
    ['s', 'school_id', `'*'`],
    ['m', 'municipality_id', 'band'],
  ] as const) {
    db.exec(`
      INSERT INTO report_levels (period, grain, unit_id, band, area, level, teachers, score_sum)
      SELECT period, '${grain}', ${unit}, ${experienceBandSql}, area, level, count(*), coalesce(sum(score), 0)
      FROM report_standings GROUP BY period, ${unit}, ${experienceBandSql}, area, level;

      INSERT INTO report_diagnosed (period, grain, unit_id, band, teachers)
      SELECT period, '${grain}', ${unit}, ${experienceBandSql}, count(DISTINCT teacher_id)
      FROM report_standings GROUP BY period, ${unit}, ${experienceBandSql};

      INSERT INTO report_growth (period, grain, unit_id, band, area, teachers, before_sum, after_sum, deficit_before, deficit_after)
      SELECT now.period, '${grain}', now.${unit}, ${experienceBandSql === 'band' ? 'now.band' : experienceBandSql}, now.area, count(*), sum(before.score), sum(now.score),
        sum(before.level IN ${deficitLevelsSql}), sum(now.level IN ${deficitLevelsSql})
      FROM report_standings now
      JOIN report_standings before ON before.teacher_id = now.teacher_id AND before.area = now.area
        AND before.period = (CAST(substr(now.period, 1, 4) AS INTEGER) - 1) || '-' || substr(now.period, 1, 4)
      WHERE now.score IS NOT NULL AND before.score IS NOT NULL
      GROUP BY now.period, now.${unit}, ${experienceBandSql === 'band' ? 'now.band' : experienceBandSql}, now.area;
    `);
  }
}
