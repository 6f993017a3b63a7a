import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompetencyId } from '../../../shared/competencies.ts';
import { mentorLoadLimit } from '../../../shared/api/mentoring.ts';
import type { MentoringScope } from '../../../server/features/mentoring/scope.ts';
import { assignMentor, suggestMentors } from '../../../server/features/mentoring/store.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { addAttempt, emptyDatabase } from '../../helpers/reports.ts';
import { mentorCategory, person, placeOf, school1, school2, zarech } from './mentoring-helpers.ts';

const admin: MentoringScope = { kind: 'admin', staffId: 1 };
const start = { focus: [] as CompetencyId[], startedOn: '2026-09-01', endsOn: '2027-05-31' };

describe('pairing a mentor with an early-career teacher', () => {
  let db: Db;
  let dispose: () => void;
  beforeEach(() => {
    ({ db, dispose } = emptyDatabase());
  });
  afterEach(() => dispose());

  const pairs = () => (db.prepare('SELECT count(*) AS n FROM mentoring_pairs').get() as { n: number }).n;

  it('pairs an early-career teacher with a педагог-наставник, and her deficits become the focus', () => {
    const mentee = person(db, 'Молодая', { experienceYears: 1 });
    const mentor = person(db, 'Опытная', { category: mentorCategory });
    addAttempt(db, mentee, '2026-10-01T10:00:00.000Z', { methodical: 40, digital: 70, subject: 90 });
    const result = assignMentor(db, admin, { menteeId: mentee, mentorId: mentor, ...start }, 'staff:admin');
    expect(result.kind).toBe('created');
    const row = db.prepare('SELECT mentor_id, mentee_id, focus_json FROM mentoring_pairs').get() as Record<string, unknown>;
    expect(row).toEqual({ mentor_id: mentor, mentee_id: mentee, focus_json: JSON.stringify(['methodical', 'digital']) });
  });

  it('refuses every pair the rules forbid, and stores none of them', () => {
    const mentee = person(db, 'Молодая', { experienceYears: 2 });
    const experienced = person(db, 'Стажистка', { experienceYears: 12 });
    const plain = person(db, 'Безстатуса', { experienceYears: 8 });
    const youngMentor = person(db, 'Юная', { experienceYears: 1, category: mentorCategory });
    const farMentor = person(db, 'Дальняя', { municipality: zarech, category: mentorCategory });
    const mentor = person(db, 'Опытная', { category: mentorCategory });
    const unknownExperience = person(db, 'Безстажа', { experienceYears: null });
    const tryPair = (menteeId: number, mentorId: number, extra = {}) => assignMentor(db, admin, { menteeId, mentorId, ...start, ...extra }, 'staff:admin').kind;
    expect(tryPair(experienced, mentor)).toBe('notEarlyCareer');
    expect(tryPair(unknownExperience, mentor)).toBe('notEarlyCareer');
    expect(tryPair(mentee, plain)).toBe('notMentor');
    expect(tryPair(mentee, youngMentor)).toBe('notMentor');
    expect(tryPair(mentee, mentee)).toBe('sameTeacher');
    expect(tryPair(mentee, farMentor)).toBe('otherMunicipality');
    expect(tryPair(mentee, mentor, { endsOn: '2026-08-01' })).toBe('endsBeforeStart');
    expect(tryPair(mentee, 999_999)).toBe('notFound');
    expect(pairs()).toBe(0);
    expect(tryPair(mentee, mentor)).toBe('created');
    const other = person(db, 'Ещёодна', { category: mentorCategory });
    expect(tryPair(mentee, other)).toBe('alreadyPaired');
    expect(pairs()).toBe(1);
  });

  it('a teacher who offered in the panel may mentor without the status', () => {
    const mentee = person(db, 'Молодая', { experienceYears: 0 });
    const volunteer = person(db, 'Доброволец', { experienceYears: 6 });
    db.prepare("INSERT INTO mentor_offers (teacher_id, contact, offered_at) VALUES (?, '', '2026-09-01')").run(volunteer);
    expect(assignMentor(db, admin, { menteeId: mentee, mentorId: volunteer, ...start }, 'staff:admin').kind).toBe('created');
  });

  it(`gives a mentor at most ${mentorLoadLimit} mentees at once`, () => {
    const mentor = person(db, 'Опытная', { category: mentorCategory });
    for (let i = 0; i < mentorLoadLimit; i++) {
      const mentee = person(db, `Молодая${'абв'[i]}`, { experienceYears: 1 });
      expect(assignMentor(db, admin, { menteeId: mentee, mentorId: mentor, ...start }, 'staff:admin').kind).toBe('created');
    }
    const oneMore = person(db, 'Лишняя', { experienceYears: 1 });
    expect(assignMentor(db, admin, { menteeId: oneMore, mentorId: mentor, ...start }, 'staff:admin').kind).toBe('mentorFull');
    expect(suggestMentors(db, admin, oneMore).map((s) => s.teacherId)).not.toContain(mentor);
  });

  it('suggests the same school first, then the same subject, then strength where the mentee has deficits, then the lighter load', () => {
    const mentee = person(db, 'Молодая', { experienceYears: 1, subjects: 'Математика, физика' });
    addAttempt(db, mentee, '2026-10-01T10:00:00.000Z', { methodical: 40, digital: 50, subject: 90 });
    const strong = person(db, 'Сильная', { school: school2, category: mentorCategory, subjects: 'история' });
    addAttempt(db, strong, '2026-10-01T10:00:00.000Z', { methodical: 95, digital: 92 });
    const sameSubject = person(db, 'Математичка', { school: school2, category: mentorCategory, subjects: 'алгебра, математика' });
    const sameSchool = person(db, 'Соседка', { school: school1, category: mentorCategory, subjects: 'биология' });
    const weak = person(db, 'Обычная', { school: school2, category: mentorCategory, subjects: 'химия' });
    person(db, 'Чужая', { municipality: zarech, category: mentorCategory, subjects: 'математика' });
    person(db, 'Неналставник', { school: school1, subjects: 'математика' });
    const suggestions = suggestMentors(db, admin, mentee);
    expect(suggestions.map((s) => s.teacherId)).toEqual([sameSchool, sameSubject, strong, weak]);
    expect(suggestions[0]).toMatchObject({ sameSchool: true });
    expect(suggestions[1]).toMatchObject({ sharedSubjects: ['математика'] });
    expect(suggestions[2]).toMatchObject({ strengths: ['methodical', 'digital'] });
  });

  it('keeps a methodist to her municipality and a school coordinator to her school', () => {
    const mentee = person(db, 'Молодая', { experienceYears: 1 });
    const mentor = person(db, 'Опытная', { category: mentorCategory });
    const otherSchoolMentee = person(db, 'Другая', { school: school2, experienceYears: 1 });
    const otherSchoolMentor = person(db, 'Другаяопытная', { school: school2, category: mentorCategory });
    const zarechMentee = person(db, 'Заречная', { municipality: zarech, experienceYears: 1 });
    const zarechMentor = person(db, 'Заречнаяопытная', { municipality: zarech, category: mentorCategory });
    const beloId = placeOf(db, mentee).municipalityId;
    const methodist: MentoringScope = { kind: 'methodist', staffId: 2, municipalityId: beloId };
    const coordinator: MentoringScope = { kind: 'coordinator', staffId: 3, ...placeOf(db, mentee) };
    const pair = (scope: MentoringScope, menteeId: number, mentorId: number) => assignMentor(db, scope, { menteeId, mentorId, ...start }, 'staff:x').kind;

    expect(pair(methodist, zarechMentee, zarechMentor)).toBe('outOfScope');
    expect(pair(coordinator, otherSchoolMentee, otherSchoolMentor)).toBe('outOfScope');
    expect(pair(coordinator, mentee, otherSchoolMentor)).toBe('outOfScope');
    expect(pairs()).toBe(0);
    // The coordinator is suggested only her school's mentors; the methodist her municipality's.
    expect(suggestMentors(db, coordinator, mentee).map((s) => s.teacherId)).toEqual([mentor]);
    expect(suggestMentors(db, methodist, otherSchoolMentee).map((s) => s.teacherId)).toEqual([otherSchoolMentor, mentor]);
    expect(suggestMentors(db, methodist, zarechMentee)).toEqual([]);
    expect(pair(coordinator, mentee, mentor)).toBe('created');
    expect(pair(methodist, otherSchoolMentee, otherSchoolMentor)).toBe('created');
    expect(pairs()).toBe(2);
  });
});
