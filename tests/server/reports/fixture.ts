import { issueConnectionCode } from '../../../server/features/connection/code-store.ts';
import { redeemConnectionCode } from '../../../server/platform/database/device-store.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { afterEach, beforeEach } from 'vitest';
import { addAttempt, addTeacher, emptyDatabase } from '../../helpers/reports.ts';

export const north = 'Северный район';
export const south = 'Южный район';
export const n1 = 'Школа № 1';
export const n2 = 'Школа № 2';
export const s1 = 'Южная школа';

/**
 * A republic small enough to count by hand. Methodical scores in 2025-2026
 * (Р-201 bands: < 60 выраженный, 60–80 умеренный, > 80 нет дефицита):
 *
 *   Северный район, Школа № 1: a1 50 (H, стаж 1), a2 70 (M, стаж 2), a3 90, a4 85, a5 40 (H),
 *                              a6 30 then 95 (the later one counts)
 *   Северный район, Школа № 2: a7 65 (M, стаж 0), a8 55 (H)
 *   Южный район, Южная школа:  b1 75 (M), b2 78 (M), b3 82, b4 88, b5 91, b6 too few answers
 *
 * In 2024-2025: a1 40 (H), a2 85 (none). a1 also took the burnout screening.
 * a1–a4 connected the extension.
 */
export function seedSmallRepublic(db: Db) {
  const t = {
    a1: addTeacher(db, north, n1, 'А1', 1),
    a2: addTeacher(db, north, n1, 'А2', 2),
    a3: addTeacher(db, north, n1, 'А3', 12),
    a4: addTeacher(db, north, n1, 'А4', 15),
    a5: addTeacher(db, north, n1, 'А5', 25),
    a6: addTeacher(db, north, n1, 'А6', 8),
    a7: addTeacher(db, north, n2, 'А7', 0),
    a8: addTeacher(db, north, n2, 'А8', 30),
    b1: addTeacher(db, south, s1, 'Б1', 5),
    b2: addTeacher(db, south, s1, 'Б2', 6),
    b3: addTeacher(db, south, s1, 'Б3', 7),
    b4: addTeacher(db, south, s1, 'Б4', 9),
    b5: addTeacher(db, south, s1, 'Б5', 11),
    b6: addTeacher(db, south, s1, 'Б6', null),
  };
  for (const id of [t.a1, t.a2, t.a3, t.a4]) redeemConnectionCode(db, issueConnectionCode(db, id), 'ноутбук');
  const autumn = '2025-10-01T09:00:00+09:00';
  const scores: [number, number | null][] = [
    [t.a1, 50],
    [t.a2, 70],
    [t.a3, 90],
    [t.a4, 85],
    [t.a5, 40],
    [t.a7, 65],
    [t.a8, 55],
    [t.b1, 75],
    [t.b2, 78],
    [t.b3, 82],
    [t.b4, 88],
    [t.b5, 91],
    [t.b6, null],
  ];
  for (const [id, score] of scores) addAttempt(db, id, autumn, { methodical: score });
  addAttempt(db, t.a6, '2025-09-15T10:00:00+09:00', { methodical: 30 });
  addAttempt(db, t.a6, '2026-03-01T10:00:00+09:00', { methodical: 95 });
  addAttempt(db, t.a1, '2024-11-01T10:00:00+09:00', { methodical: 40 });
  addAttempt(db, t.a2, '2025-05-20T10:00:00+09:00', { methodical: 85 });
  addAttempt(db, t.a1, '2025-10-02T10:00:00+09:00', { wellbeing: 20 }, 'burnoutScreening');
  return t;
}

/** A fresh small republic for each test of the enclosing block, removed after it; `use` receives its database. */
export function eachSmallRepublic(use: (db: Db) => void): void {
  let dispose: (() => void) | undefined;
  beforeEach(() => {
    const fresh = emptyDatabase();
    dispose = fresh.dispose;
    seedSmallRepublic(fresh.db);
    use(fresh.db);
  });
  afterEach(() => dispose?.());
}
