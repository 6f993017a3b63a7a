import { competencyIds } from '../../../../shared/competencies.ts';
import { currentProfile } from '../../../../shared/profile/current-profile.ts';
import type { ScoredAttempt } from '../../../../shared/profile/scored-attempt.ts';
import { decodeResult } from '../../../../shared/scoring/compact-result.ts';
import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { attemptForStandingColumns, type AttemptForStanding } from '../standings.ts';

/**
 * A teacher's current standing per competency, whatever the period: their
 * current profile (shared/profile) from the latest attempt of each
 * instrument, as «Педагоги» shows it and filters by deficit
 * (server/features/teachers/directory-store.ts). Kept in `teacher_standings`
 * with the report aggregates, so that a deficit filter reads an index instead
 * of every candidate's attempts. A teacher with no competency attempt has no
 * rows; one with any has a row for every competency (insufficientData where
 * nothing measured it). The screening's wellbeing is never kept here.
 */
export function recomputeCurrentStanding(db: Db, teacherId: number): void {
  const scored: ScoredAttempt[] = [];
  for (const attempt of latestAttempts(db, teacherId)) {
    const result = decodeResult(attempt.resultJson);
    delete result.areas.wellbeing;
    if (Object.keys(result.areas).length === 0) continue;
    scored.push({
      attemptId: attempt.id,
      instrumentId: attempt.instrumentId,
      instrumentVersion: attempt.instrumentVersion,
      completedAt: attempt.completedAt,
      result,
    });
  }
  if (scored.length === 0) {
    prepared(db, 'DELETE FROM teacher_standings WHERE teacher_id = ?').run(teacherId);
    return;
  }
  const { competencies } = currentProfile(scored);
  // Written only where it changed: most notes leave most competencies as they were.
  const upsert = prepared(
    db,
    `INSERT INTO teacher_standings (teacher_id, area, score, level) VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET score = excluded.score, level = excluded.level WHERE score IS NOT excluded.score OR level <> excluded.level`,
  );
  for (const area of competencyIds) upsert.run(teacherId, area, competencies[area].score, competencies[area].level);
}

/**
 * The latest attempt of each instrument the teacher took (the current profile
 * reads nothing else of an instrument whose attempts all measure the same
 * areas, as every version of the shipped ones does). As in
 * recompute-standing.ts, the few latest by text are ordered again as instants.
 */
function latestAttempts(db: Db, teacherId: number): AttemptForStanding[] {
  const instrumentIds = prepared(db, 'SELECT DISTINCT id FROM instruments').pluck().all() as string[];
  const latest = prepared(
    db,
    `SELECT * FROM (
       SELECT ${attemptForStandingColumns} FROM attempts WHERE teacher_id = ? AND instrument_id = ?
       ORDER BY completed_at DESC LIMIT 8
     ) ORDER BY julianday(completedAt) DESC, id DESC LIMIT 1`,
  );
  return instrumentIds.flatMap((instrumentId) => latest.all(teacherId, instrumentId) as AttemptForStanding[]);
}
