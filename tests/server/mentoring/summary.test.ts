import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MentoringScope } from '../../../server/features/mentoring/scope.ts';
import { assignMentor, logMeeting } from '../../../server/features/mentoring/store.ts';
import { summaryOf } from '../../../server/features/summaries/summaries.ts';
import { dashboardData } from '../../../server/features/staff-reports/store/dashboard.ts';
import { messages } from '../../../server/features/summaries/messages.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { emptyDatabase } from '../../helpers/reports.ts';
import { belo, mentorCategory, person, zarech } from './mentoring-helpers.ts';

const admin: MentoringScope = { kind: 'admin', staffId: 1 };
const period = '2025-2026';
const bands = messages.reports.experienceBandNames;
const privateNote = 'Говорили о трудном 7«Б», это между нами';

/**
 * The `mentoring` summary against a hand count. Белоозёрск: early-career А (1 year), Б (0), В (2) and Г (1, with
 * the mentor's status, which an early-career teacher cannot use); mentors М1 (status, 10 years) and М2 (a
 * volunteer, 25 years); Д, 5 years, nobody. А–М1 meet twice in the year and once the year before, Б–М2 once.
 * Заречный: early-career Е without a mentor, mentor М3 (15 years).
 * So Белоозёрск: 4 early-career, 2 with a mentor (50 %), 2 mentors, 3 meetings, 3 / 2 pairs / 12 months = 0,1;
 * Заречный: 1, 0, 1 mentor; bands: early 5 / 2, and one mentor in each of 3–10, 11–20 and over 20 years.
 */
describe('the council summary «Наставничество»', () => {
  let db: Db;
  let dispose: () => void;
  beforeEach(() => {
    ({ db, dispose } = emptyDatabase());
    const a = person(db, 'А', { experienceYears: 1 });
    const b = person(db, 'Б', { experienceYears: 0 });
    person(db, 'В', { experienceYears: 2 });
    person(db, 'Г', { experienceYears: 1, category: mentorCategory });
    const m1 = person(db, 'М1', { experienceYears: 10, category: mentorCategory });
    const m2 = person(db, 'М2', { experienceYears: 25 });
    db.prepare("INSERT INTO mentor_offers (teacher_id, contact, offered_at) VALUES (?, 'м2@школа.рф', '2025-09-01')").run(m2);
    person(db, 'Д', { experienceYears: 5 });
    person(db, 'Е', { municipality: zarech, experienceYears: 1 });
    person(db, 'М3', { municipality: zarech, experienceYears: 15, category: mentorCategory });
    const pair = (menteeId: number, mentorId: number) => {
      const result = assignMentor(db, admin, { menteeId, mentorId, focus: [], startedOn: '2024-09-01', endsOn: null }, 'staff:admin');
      if (result.kind !== 'created') throw new Error(result.kind);
      return result.pairId;
    };
    const ab = [pair(a, m1), pair(b, m2)] as const;
    const meet = (teacherId: number, pairId: number, heldOn: string, note = '') =>
      expect(logMeeting(db, teacherId, { id: crypto.randomUUID(), pairId, heldOn, minutes: 40, competency: 'methodical', note }, '2026-06-01').kind).toBe(
        'created',
      );
    meet(m1, ab[0], '2025-10-05', privateNote);
    meet(m1, ab[0], '2026-03-10');
    meet(m1, ab[0], '2025-05-20');
    meet(m2, ab[1], '2025-12-01', privateNote);
  });
  afterEach(() => dispose());

  const rows = (by: 'municipality' | 'experience', minGroup: number) => [...summaryOf(db, { report: 'mentoring', by, period, minGroup }).rows];

  it('counts what was counted by hand, by municipality and by experience band', () => {
    expect(rows('municipality', 1).map((row) => row.values)).toEqual([
      { period, municipality: belo, earlyCareer: 4, withMentor: 2, mentorShare: 50, mentors: 2, meetings: 3, meetingsPerPairMonth: 0.1 },
      { period, municipality: zarech, earlyCareer: 1, withMentor: 0, mentorShare: 0, mentors: 1, meetings: 0, meetingsPerPairMonth: null },
    ]);
    const zero = { earlyCareer: 0, withMentor: 0, mentorShare: null, mentors: 1, meetings: 0, meetingsPerPairMonth: null };
    expect(rows('experience', 1).map((row) => row.values)).toEqual([
      { period, band: bands.early, earlyCareer: 5, withMentor: 2, mentorShare: 40, mentors: 0, meetings: 3, meetingsPerPairMonth: 0.1 },
      { period, band: bands.y3to10, ...zero },
      { period, band: bands.y11to20, ...zero },
      { period, band: bands.y21plus, ...zero },
    ]);
  });

  it('«Обзор» shows the same figures for a municipality, from the same base', () => {
    const municipalityId = (db.prepare('SELECT id FROM municipalities WHERE name = ?').get(belo) as { id: number }).id;
    expect(dashboardData(db, { period, municipalityId, minGroup: 1 }).mentoring).toEqual({
      values: { period, municipality: belo, earlyCareer: 4, withMentor: 2, mentorShare: 50, mentors: 2, meetings: 3, meetingsPerPairMonth: 0.1 },
      suppressed: [],
    });
    // K = 5: Белоозёрск's 4 early-career teachers and 2 mentors are hidden, and so is everything computed from them.
    const hidden = dashboardData(db, { period, municipalityId, minGroup: 5 }).mentoring;
    expect(hidden.values).toMatchObject({ earlyCareer: null, withMentor: null, mentorShare: null, mentors: null, meetingsPerPairMonth: null });
  });

  it('hides every count of 1 to K−1 teachers and what follows from it, and never shows a meeting’s note', () => {
    for (const by of ['municipality', 'experience'] as const) {
      for (const row of rows(by, 5)) {
        for (const key of ['earlyCareer', 'withMentor', 'mentors'] as const) {
          const value = row.values[key];
          expect(value === null || value === 0 || (typeof value === 'number' && value >= 5), `${by} ${key} = ${value}`).toBe(true);
          if (key === 'withMentor' && value === null)
            expect([row.values.meetings, row.values.meetingsPerPairMonth, row.values.mentorShare]).toEqual([null, null, null]);
        }
      }
    }
    const everything = JSON.stringify([rows('municipality', 1), rows('experience', 1), rows('municipality', 5)]);
    expect(everything).not.toContain('между нами');
  });
});
