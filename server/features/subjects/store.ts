import type { Db } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';
import { readSubjects, type SubjectId } from './subjects.ts';

/**
 * The teachers' subjects as the staff pages filter and group by them:
 * teacher_subjects, read from the roster's «Предметы» of every teacher whose
 * text changed since it was last read (new teachers, an import, the teacher's
 * own «О себе», an erasure). Cheap when nothing changed: the partial index
 * `teachers_subjects_unread` holds only the teachers whose text is unread.
 * The server reads them all once at its start (app.ts), so that a roster
 * written by older code is not read on a request's turn.
 */
export function readNewTeacherSubjects(db: Db): void {
  const stale = prepared(db, 'SELECT id, subjects FROM teachers WHERE subjects_read IS NOT subjects').all() as { id: number; subjects: string }[];
  if (stale.length === 0) return;
  const clear = prepared(db, 'DELETE FROM teacher_subjects WHERE teacher_id = ?');
  const insert = prepared(db, 'INSERT OR IGNORE INTO teacher_subjects (teacher_id, subject) VALUES (?, ?)');
  const mark = prepared(db, 'UPDATE teachers SET subjects_read = ? WHERE id = ?');
  db.transaction(() => {
    for (const teacher of stale) {
      clear.run(teacher.id);
      for (const subject of readSubjects(teacher.subjects).subjects) insert.run(teacher.id, subject);
      mark.run(teacher.subjects, teacher.id);
    }
  })();
}

/** One teacher's subjects, in the list's order. */
export function subjectsOfTeacher(db: Db, teacherId: number): SubjectId[] {
  readNewTeacherSubjects(db);
  return prepared(db, 'SELECT subject FROM teacher_subjects WHERE teacher_id = ?').pluck().all(teacherId) as SubjectId[];
}
