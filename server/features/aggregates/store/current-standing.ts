import { competencyIds } from '../../../../shared/competencies.ts';
import { currentProfile, type Profile } from '../../../../shared/profile/current-profile.ts';
import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { attemptForStandingColumns, type AttemptForStanding, scoredForStanding } from '../standings.ts';

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
  const teacher = teacherPlace(db, teacherId);
  if (!teacher) return;
  const scored = latestAttempts(db, teacherId).flatMap((attempt) => scoredForStanding(attempt) ?? []);
  writeCurrentStanding(db, teacher, scored.length ? currentProfile(scored) : undefined);
}

/** Where a teacher works, as their standing is kept: undefined for an erased or unknown teacher (they have none). */
export interface TeacherPlace {
  id: number;
  schoolId: number;
  municipalityId: number;
  erased: boolean;
}

function teacherPlace(db: Db, teacherId: number): TeacherPlace | undefined {
  const row = prepared(
    db,
    `SELECT t.id, t.school_id AS schoolId, s.municipality_id AS municipalityId, t.erased_at IS NOT NULL AS erased
     FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id = ?`,
  ).get(teacherId) as (Omit<TeacherPlace, 'erased'> & { erased: number }) | undefined;
  return row && { ...row, erased: row.erased === 1 };
}

/** Keeps the teacher's current profile (undefined: no competency attempt) in teacher_standings; an erased teacher keeps none. */
export function writeCurrentStanding(db: Db, teacher: TeacherPlace, profile: Profile | undefined): void {
  if (!profile || teacher.erased) {
    prepared(db, 'DELETE FROM teacher_standings WHERE teacher_id = ?').run(teacher.id);
    return;
  }
  // Written only where it changed: most notes leave most competencies as they were.
  const upsert = prepared(
    db,
    `INSERT INTO teacher_standings (teacher_id, area, score, level, school_id, municipality_id) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET score = excluded.score, level = excluded.level, school_id = excluded.school_id, municipality_id = excluded.municipality_id
     WHERE score IS NOT excluded.score OR level <> excluded.level OR school_id <> excluded.school_id OR municipality_id <> excluded.municipality_id`,
  );
  for (const area of competencyIds) {
    upsert.run(teacher.id, area, profile.competencies[area].score, profile.competencies[area].level, teacher.schoolId, teacher.municipalityId);
  }
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
