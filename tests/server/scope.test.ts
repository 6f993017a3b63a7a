import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Scope,
  canSeeAggregate,
  canSeeTeacher,
  canSeeTeacherArea,
  scopeOf,
  teacherListFilter,
  visibleMunicipalities,
} from '../../server/platform/auth/scope.ts';
import { type Db, openDatabase } from '../../server/platform/database/database.ts';
import { ensureMunicipality, findTeacherPlace, insertTeacher } from '../../server/features/roster/store.ts';
import { findStaff, insertStaff } from '../../server/platform/database/staff-store.ts';
import { eraseTeacher } from '../../server/features/me/store.ts';
import { tempDataDir } from '../helpers/test-server.ts';

const admin: Scope = { kind: 'admin', staffId: 1 };
const methodistA: Scope = { kind: 'methodist', staffId: 2, municipalityId: 10 };
const council: Scope = { kind: 'council', tokenId: 1 };
const inA = { municipalityId: 10 };
const inB = { municipalityId: 20 };

describe('staff and council scopes', () => {
  it('lets an admin see every teacher, a methodist only their municipality, the council none', () => {
    expect([admin, methodistA, council].map((scope) => [canSeeTeacher(scope, inA), canSeeTeacher(scope, inB)])).toEqual([
      [true, true],
      [true, false],
      [false, false],
    ]);
  });

  it('shows nobody a teacher whose data was erased', () => {
    expect(canSeeTeacher(admin, { ...inA, erasedAt: '2026-10-01T00:00:00Z' })).toBe(false);
    expect(canSeeTeacher(methodistA, { ...inA, erasedAt: '2026-10-01T00:00:00Z' })).toBe(false);
  });

  it('never shows a single teacher’s burnout screening to staff, only competencies', () => {
    expect(canSeeTeacherArea(methodistA, inA, 'digital')).toBe(true);
    expect(canSeeTeacherArea(methodistA, inA, 'wellbeing')).toBe(false);
    expect(canSeeTeacherArea(admin, inB, 'wellbeing')).toBe(false);
    expect(canSeeTeacherArea(methodistA, inB, 'digital')).toBe(false);
  });

  it('gives aggregates of the own municipality to a methodist, of all to admin and council', () => {
    expect(visibleMunicipalities(methodistA)).toEqual([10]);
    expect(visibleMunicipalities(admin)).toBe('all');
    expect(visibleMunicipalities(council)).toBe('all');
    expect(canSeeAggregate(methodistA, 10)).toBe(true);
    expect(canSeeAggregate(methodistA, 20)).toBe(false);
    expect(canSeeAggregate(methodistA, null)).toBe(false); // the republic as a whole
    expect(canSeeAggregate(council, 20)).toBe(true);
    expect(canSeeAggregate(council, null)).toBe(true);
  });

  it('refuses to build a teacher list for the council', () => {
    expect(() => teacherListFilter(council)).toThrow();
  });
});

describe('scopes over the database', () => {
  let dataDir: string;
  let db: Db;
  let ids: { admin: number; methodist: number; teacherA: number; teacherB: number; erased: number };
  beforeAll(() => {
    dataDir = tempDataDir();
    db = openDatabase(dataDir);
    const teacher = (municipality: string, lastName: string) =>
      insertTeacher(db, { municipality, school: 'Школа № 1', lastName, firstName: 'Тест', middleName: '', position: '', subjects: '', experienceYears: null });
    const teacherA = teacher('Район А', 'Алексеева');
    const teacherB = teacher('Район Б', 'Борисова');
    const erased = teacher('Район А', 'Стёртая');
    eraseTeacher(db, erased, 'test');
    ids = {
      teacherA,
      teacherB,
      erased,
      admin: insertStaff(db, { login: 'admin', passwordHash: 'x', role: 'admin', municipalityId: null }),
      methodist: insertStaff(db, { login: 'metod', passwordHash: 'x', role: 'methodist', municipalityId: ensureMunicipality(db, 'Район А') }),
    };
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads a staff account’s scope and applies it to real teachers', () => {
    const methodist = scopeOf(findStaff(db, ids.methodist)!);
    expect(methodist).toEqual({ kind: 'methodist', staffId: ids.methodist, municipalityId: ensureMunicipality(db, 'Район А') });
    expect(scopeOf(findStaff(db, ids.admin)!)).toEqual({ kind: 'admin', staffId: ids.admin });
    expect(canSeeTeacher(methodist, findTeacherPlace(db, ids.teacherA)!)).toBe(true);
    expect(canSeeTeacher(methodist, findTeacherPlace(db, ids.teacherB)!)).toBe(false);
    expect(canSeeTeacher(methodist, findTeacherPlace(db, ids.erased)!)).toBe(false);
    expect(findTeacherPlace(db, 9999)).toBeUndefined();
  });

  it('lists for a methodist only the teachers of their municipality, for an admin all', () => {
    const list = (scope: Scope) => {
      const filter = teacherListFilter(scope);
      return (
        db
          .prepare(`SELECT t.last_name AS name FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.erased_at IS NULL AND ${filter.sql} ORDER BY t.id`)
          .all(...filter.params) as { name: string }[]
      ).map((row) => row.name);
    };
    expect(list(scopeOf(findStaff(db, ids.methodist)!))).toEqual(['Алексеева']);
    expect(list(scopeOf(findStaff(db, ids.admin)!))).toEqual(['Алексеева', 'Борисова']);
  });
});
