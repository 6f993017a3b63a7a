import { describe, expect, it } from 'vitest';
import { type Scope, canSeeAggregate, canSeeTeacher, canSeeTeacherArea, teacherListFilter, visibleMunicipalities } from './scope.ts';

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

  it('limits a methodist’s teacher list to their municipality, under the school alias the query uses', () => {
    expect(teacherListFilter(methodistA)).toEqual({ sql: 's.municipality_id = ?', params: [10] });
    expect(teacherListFilter(methodistA, 'school')).toEqual({ sql: 'school.municipality_id = ?', params: [10] });
    expect(teacherListFilter(admin)).toEqual({ sql: '1 = 1', params: [] });
  });
});
