import { type Db, now } from '../../platform/database/database.ts';

/** The republic's hierarchy and its teachers: municipality → school → teacher. */

export interface NewTeacher {
  municipality: string;
  school: string;
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  subjects: string;
  experienceYears: number | null;
}

export interface TeacherRow {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  subjects: string;
  experienceYears: number | null;
  school: string;
  municipality: string;
  /** When the teacher's personal data was erased (the name fields are empty then), or null. */
  erasedAt: string | null;
}

export function ensureMunicipality(db: Db, name: string): number {
  db.prepare('INSERT INTO municipalities (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
  return (db.prepare('SELECT id FROM municipalities WHERE name = ?').get(name) as { id: number }).id;
}

export function ensureSchool(db: Db, municipalityId: number, name: string): number {
  db.prepare('INSERT INTO schools (municipality_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING').run(municipalityId, name);
  return (db.prepare('SELECT id FROM schools WHERE municipality_id = ? AND name = ?').get(municipalityId, name) as { id: number }).id;
}

export function insertTeacher(db: Db, teacher: NewTeacher): number {
  const schoolId = ensureSchool(db, ensureMunicipality(db, teacher.municipality), teacher.school);
  const result = db
    .prepare(
      `INSERT INTO teachers (school_id, last_name, first_name, middle_name, position, subjects, experience_years, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      schoolId,
      teacher.lastName,
      teacher.firstName,
      teacher.middleName,
      teacher.position,
      teacher.subjects,
      teacher.experienceYears,
      now(),
    );
  return Number(result.lastInsertRowid);
}

const teacherColumns = `
  t.id, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName,
  t.position, t.subjects, t.experience_years AS experienceYears,
  s.name AS school, m.name AS municipality, t.erased_at AS erasedAt
  FROM teachers t JOIN schools s ON s.id = t.school_id JOIN municipalities m ON m.id = s.municipality_id`;

export function findTeacher(db: Db, id: number): TeacherRow | undefined {
  return db.prepare(`SELECT ${teacherColumns} WHERE t.id = ?`).get(id) as TeacherRow | undefined;
}

/** The teacher with the lowest id: the one the demo journal shows as logged in. */
export function firstTeacher(db: Db): TeacherRow | undefined {
  return db.prepare(`SELECT ${teacherColumns} ORDER BY t.id LIMIT 1`).get() as TeacherRow | undefined;
}
