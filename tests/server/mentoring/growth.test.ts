import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { menteeGrowth } from '../../../server/features/mentoring/growth-store.ts';
import type { MentoringScope } from '../../../server/features/mentoring/scope.ts';
import { assignMentor } from '../../../server/features/mentoring/store.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { addAttempt, emptyDatabase } from '../../helpers/reports.ts';
import { mentorCategory, person, placeOf, zarech } from './mentoring-helpers.ts';

const admin: MentoringScope = { kind: 'admin', staffId: 1 };

/**
 * The mentees' growth beside comparable early-career teachers without a mentor, counted by hand. The pair starts on
 * 1 December. Методический компонент: the mentee 40 → 70 (+30); Б, never paired, 45 → 55 (+10), the same level before
 * (выраженный); В 90 → 95, no deficit before (another stratum, not comparable); Г only before (not measured).
 * Цифровая: the mentee only after (not measured). So one row: 1 mentee +30, 1 comparable +10.
 */
describe('the growth of mentees beside comparable early-career teachers', () => {
  let db: Db;
  let dispose: () => void;
  let mentee: number;
  beforeEach(() => {
    ({ db, dispose } = emptyDatabase());
    mentee = person(db, 'Наставляемая', { experienceYears: 1 });
    const mentor = person(db, 'Наставница', { category: mentorCategory });
    const b = person(db, 'Б', { experienceYears: 2 });
    const v = person(db, 'В', { experienceYears: 0 });
    const g = person(db, 'Г', { experienceYears: 1 });
    const experienced = person(db, 'Опытная', { experienceYears: 20 });
    addAttempt(db, mentee, '2025-10-01T10:00:00.000Z', { methodical: 40 });
    addAttempt(db, mentee, '2026-03-01T10:00:00.000Z', { methodical: 70, digital: 50 });
    addAttempt(db, b, '2025-10-02T10:00:00.000Z', { methodical: 45 });
    addAttempt(db, b, '2026-03-02T10:00:00.000Z', { methodical: 55 });
    addAttempt(db, v, '2025-10-02T10:00:00.000Z', { methodical: 90 });
    addAttempt(db, v, '2026-03-02T10:00:00.000Z', { methodical: 95 });
    addAttempt(db, g, '2025-10-02T10:00:00.000Z', { methodical: 30 });
    // Not early-career: never a comparison, whatever her scores.
    addAttempt(db, experienced, '2025-10-02T10:00:00.000Z', { methodical: 40 });
    addAttempt(db, experienced, '2026-03-02T10:00:00.000Z', { methodical: 100 });
    const result = assignMentor(db, admin, { menteeId: mentee, mentorId: mentor, focus: [], startedOn: '2025-12-01', endsOn: null }, 'staff:admin');
    expect(result.kind).toBe('created');
  });
  afterEach(() => dispose());

  it('counts what was counted by hand', () => {
    expect(menteeGrowth(db, admin)).toEqual([{ competency: 'methodical', menteesMeasured: 1, menteesGrowth: 30, comparisonMeasured: 1, comparisonGrowth: 10 }]);
  });

  it('shows another municipality’s methodist and another school’s coordinator nothing', () => {
    const far = person(db, 'Дальняя', { municipality: zarech, experienceYears: 20 });
    const { municipalityId, schoolId } = placeOf(db, mentee);
    expect(menteeGrowth(db, { kind: 'methodist', staffId: 2, municipalityId: placeOf(db, far).municipalityId })).toEqual([]);
    expect(menteeGrowth(db, { kind: 'coordinator', staffId: 3, municipalityId: placeOf(db, far).municipalityId, schoolId: placeOf(db, far).schoolId })).toEqual(
      [],
    );
    expect(menteeGrowth(db, { kind: 'methodist', staffId: 2, municipalityId })).toHaveLength(1);
    expect(menteeGrowth(db, { kind: 'coordinator', staffId: 3, municipalityId, schoolId })).toHaveLength(1);
  });
});
