import type { QualificationLevel, QualificationStatus } from '../../../shared/api/me.ts';
import { type Db, now } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';
import type { TeacherPlace } from '../../platform/auth/scope.ts';

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
  /** Квалификационная категория and status from the roster; not stated when absent. */
  category?: QualificationLevel | null;
  status?: QualificationStatus | null;
  /** Год рождения, for «до 35 лет». */
  birthYear?: number | null;
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
  prepared(db, 'INSERT INTO municipalities (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
  return (prepared(db, 'SELECT id FROM municipalities WHERE name = ?').get(name) as { id: number }).id;
}

/** The id of the municipality whose name, folded as `fold` folds it, matches; undefined when none does. */
export function findMunicipalityId(db: Db, name: string, fold: (value: string) => string): number | undefined {
  const rows = prepared(db, 'SELECT id, name FROM municipalities').all() as { id: number; name: string }[];
  return rows.find((row) => fold(row.name) === fold(name))?.id;
}

/** The id of the municipality's school whose name, folded as `fold` folds it, matches; undefined when none does. */
export function findSchoolId(db: Db, municipalityId: number, name: string, fold: (value: string) => string): number | undefined {
  const rows = prepared(db, 'SELECT id, name FROM schools WHERE municipality_id = ?').all(municipalityId) as { id: number; name: string }[];
  return rows.find((row) => fold(row.name) === fold(name))?.id;
}

export function ensureSchool(db: Db, municipalityId: number, name: string): number {
  prepared(db, 'INSERT INTO schools (municipality_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING').run(municipalityId, name);
  return (prepared(db, 'SELECT id FROM schools WHERE municipality_id = ? AND name = ?').get(municipalityId, name) as { id: number }).id;
}

export function insertTeacher(db: Db, teacher: NewTeacher): number {
  const schoolId = ensureSchool(db, ensureMunicipality(db, teacher.municipality), teacher.school);
  const result = prepared(
    db,
    `INSERT INTO teachers (school_id, last_name, first_name, middle_name, position, subjects, experience_years, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(schoolId, teacher.lastName, teacher.firstName, teacher.middleName, teacher.position, teacher.subjects, teacher.experienceYears, now());
  const id = Number(result.lastInsertRowid);
  // Only a roster that states them writes the category and birth year (columns of a later migration than the teacher's record).
  if (teacher.category || teacher.birthYear) {
    // The category column's encoding (me/store.ts encodeCategory): `level`, or `level:status`.
    const category = teacher.category ? (teacher.status ? `${teacher.category}:${teacher.status}` : teacher.category) : '';
    prepared(db, 'UPDATE teachers SET category = ?, birth_year = ? WHERE id = ?').run(category, teacher.birthYear ?? null, id);
  }
  return id;
}

const teacherColumns = `
  t.id, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName,
  t.position, t.subjects, t.experience_years AS experienceYears,
  s.name AS school, m.name AS municipality, t.erased_at AS erasedAt
  FROM teachers t JOIN schools s ON s.id = t.school_id JOIN municipalities m ON m.id = s.municipality_id`;

export function findTeacher(db: Db, id: number): TeacherRow | undefined {
  return prepared(db, `SELECT ${teacherColumns} WHERE t.id = ?`).get(id) as TeacherRow | undefined;
}

/** The teacher with the lowest id: the one the demo journal shows as logged in. */
export function firstTeacher(db: Db): TeacherRow | undefined {
  return prepared(db, `SELECT ${teacherColumns} ORDER BY t.id LIMIT 1`).get() as TeacherRow | undefined;
}

/** Where a teacher belongs, for the scope checks (platform/auth/scope.ts); undefined for an unknown id. */
export function findTeacherPlace(db: Db, teacherId: number): TeacherPlace | undefined {
  return prepared(
    db,
    'SELECT s.municipality_id AS municipalityId, t.erased_at AS erasedAt FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id = ?',
  ).get(teacherId) as TeacherPlace | undefined;
}

/** The school's teachers (not erased) with no device connected, in the order of their names: who is still to get a code. */
export function teachersWithoutDevice(db: Db, schoolId: number): number[] {
  return prepared(
    db,
    `SELECT t.id FROM teachers t WHERE t.school_id = ? AND t.erased_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM devices d WHERE d.teacher_id = t.id AND d.revoked_at IS NULL)
       ORDER BY t.last_name, t.first_name, t.id`,
  )
    .pluck()
    .all(schoolId) as number[];
}

/** Every teacher not erased, by name, school and municipality, in the order they were added: who a roster row may be. */
export function teacherIdentities(db: Db): { id: number; lastName: string; firstName: string; middleName: string; school: string; municipality: string }[] {
  return prepared(
    db,
    `SELECT t.id, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName,
         s.name AS school, m.name AS municipality
       FROM teachers t JOIN schools s ON s.id = t.school_id JOIN municipalities m ON m.id = s.municipality_id
       WHERE t.erased_at IS NULL ORDER BY t.id`,
  ).all() as { id: number; lastName: string; firstName: string; middleName: string; school: string; municipality: string }[];
}

/** Names of the municipalities, for matching what a file or a query names. */
export function municipalityNames(db: Db): string[] {
  return prepared(db, 'SELECT name FROM municipalities ORDER BY name').pluck().all() as string[];
}

/** The names of the schools of a municipality. */
export function schoolNames(db: Db, municipality: string): string[] {
  return prepared(db, 'SELECT s.name FROM schools s JOIN municipalities m ON m.id = s.municipality_id WHERE m.name = ?').pluck().all(municipality) as string[];
}

/** Every school with its municipality's name, in the order they were added. */
export function schoolsWithMunicipality(db: Db): { school: string; municipality: string }[] {
  return prepared(
    db,
    'SELECT s.name AS school, m.name AS municipality FROM schools s JOIN municipalities m ON m.id = s.municipality_id ORDER BY s.id',
  ).all() as {
    school: string;
    municipality: string;
  }[];
}

/** Every teacher's id, in the order they were added. */
export function allTeacherIds(db: Db): number[] {
  return prepared(db, 'SELECT id FROM teachers ORDER BY id').pluck().all() as number[];
}
