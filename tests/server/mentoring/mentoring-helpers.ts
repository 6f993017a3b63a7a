import { issueConnectionCode } from '../../../server/features/connection/code-store.ts';
import { insertTeacher } from '../../../server/features/roster/store.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { redeemConnectionCode } from '../../../server/platform/database/device-store.ts';

export const belo = 'Городской округ Белоозёрск';
export const zarech = 'Заречный муниципальный район';
export const school1 = 'МБОУ «СОШ № 1 наставничества»';
export const school2 = 'МБОУ «СОШ № 2 наставничества»';

export interface Person {
  municipality?: string;
  school?: string;
  experienceYears?: number | null;
  subjects?: string;
  /** `highest:mentor` for a педагог-наставник. */
  category?: string;
}

/** A teacher of the roster with the given place, experience, subjects and category. */
export function person(db: Db, lastName: string, p: Person = {}): number {
  const id = insertTeacher(db, {
    municipality: p.municipality ?? belo,
    school: p.school ?? school1,
    lastName,
    firstName: 'Мария',
    middleName: 'Ивановна',
    position: 'учитель',
    subjects: p.subjects ?? '',
    experienceYears: p.experienceYears === undefined ? 10 : p.experienceYears,
  });
  if (p.category) db.prepare('UPDATE teachers SET category = ? WHERE id = ?').run(p.category, id);
  return id;
}

export const mentorCategory = 'highest:mentor';

/** A device token for a teacher, as connecting gives one. */
export function tokenFor(db: Db, teacherId: number): string {
  const result = redeemConnectionCode(db, issueConnectionCode(db, teacherId), 'тест');
  if (!result.ok) throw new Error('could not redeem');
  return result.token;
}

export function placeOf(db: Db, teacherId: number): { municipalityId: number; schoolId: number } {
  return db
    .prepare('SELECT s.municipality_id AS municipalityId, s.id AS schoolId FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id = ?')
    .get(teacherId) as { municipalityId: number; schoolId: number };
}
