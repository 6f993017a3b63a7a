import { randomUUID } from 'node:crypto';
import type { ProgramInput } from '../../shared/schemas/program.ts';
import { catalogueDay, programSchema } from '../../shared/schemas/program.ts';
import type { Db } from '../../server/platform/database/database.ts';
import { redeemConnectionCode } from '../../server/platform/database/device-store.ts';
import { issueConnectionCode } from '../../server/features/connection/code-store.ts';
import { upsertProgram } from '../../server/features/catalogue/program-store.ts';
import { insertTeacher } from '../../server/features/roster/store.ts';

/** A new teacher with a live device token, without going through HTTP. */
export function teacherWithToken(db: Db, n: number, municipality = 'Городской округ Белоозёрск'): { teacherId: number; token: string } {
  const teacherId = insertTeacher(db, {
    municipality,
    school: 'МБОУ «Тестовая школа»',
    lastName: `Учитель${n}`,
    firstName: 'Тест',
    middleName: '',
    position: 'учитель',
    subjects: 'математика',
    experienceYears: 5,
  });
  const result = redeemConnectionCode(db, issueConnectionCode(db, teacherId), 'тест');
  if (!result.ok) throw new Error('could not redeem');
  return { teacherId, token: result.token };
}

/** Stores a programme with one run of `seats` seats, starting in two months (open whenever the tests run); returns its ids. */
export function addProgram(db: Db, id: string, seats: number, extra: Partial<ProgramInput> = {}): { programId: string; runId: string } {
  upsertProgram(
    db,
    programSchema.parse({
      id,
      title: `Тестовая программа ${id}`,
      provider: 'ГАУ ДПО «Институт развития образования»',
      hours: 36,
      format: 'distance',
      competencies: ['digital'],
      runs: [{ id: `${id}-1`, start: catalogueDay(new Date(), 60), end: catalogueDay(new Date(), 80), seats }],
      ...extra,
    }),
  );
  return { programId: id, runId: `${id}-1` };
}

export const uuid = randomUUID;
