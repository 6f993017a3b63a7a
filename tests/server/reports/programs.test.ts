import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programSchema } from '../../../shared/schemas/program.ts';
import { demandSummary } from '../../../server/features/summaries/store/demand.ts';
import { effectivenessSummary } from '../../../server/features/summaries/store/effectiveness.ts';
import type { SummaryRow } from '../../../server/features/summaries/summary.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { markEnrollmentCompleted, saveFeedback, signUp } from '../../../server/features/catalogue/enrollment-store.ts';
import { upsertPrograms } from '../../../server/features/catalogue/program-store.ts';
import { addAttempt, emptyDatabase } from '../../helpers/reports.ts';
import { north, seedSmallRepublic } from './fixture.ts';

const period = '2025-2026';
const values = (rows: Iterable<SummaryRow>) => [...rows].map((row) => row.values);

/**
 * On the small republic: «Методика урока» (methodical, republic-wide, 10 seats, 1 Nov – 15 Dec 2025)
 * and «Цифровая школа Севера» (methodical and digital, Северный район, 3 seats, from 1 Feb 2026).
 * Completed «Методика урока»: a1 (50 → 70 after), a2 (70 → 80), a5 (confirmed only, no diagnostic after).
 * Did not take it, diagnosed after: a8 (55 → 60), a7 (65 → 67), a3 (90 → 92).
 */
function seedPrograms(db: Db, t: ReturnType<typeof seedSmallRepublic>) {
  upsertPrograms(db, [
    programSchema.parse({
      id: 'lesson-method',
      title: 'Методика урока',
      provider: 'ИРО',
      hours: 36,
      format: 'distance',
      competencies: ['methodical'],
      runs: [{ id: 'lesson-method-1', start: '2025-11-01', end: '2025-12-15', seats: 10 }],
    }),
    programSchema.parse({
      id: 'north-digital',
      title: 'Цифровая школа Севера',
      provider: 'ИРО',
      hours: 16,
      format: 'ochno',
      competencies: ['methodical', 'digital'],
      municipality: north,
      runs: [{ id: 'north-digital-1', start: '2026-02-01', end: '2026-02-10', seats: 3 }],
    }),
  ]);
  const before = new Date('2025-10-20T00:00:00Z');
  const signUpOnRun = (teacherId: number) => {
    const id = randomUUID();
    const result = signUp(db, { id, teacherId, programId: 'lesson-method', runId: 'lesson-method-1' }, before);
    expect(result.kind).toBe('created');
    return id;
  };
  const e1 = signUpOnRun(t.a1);
  const e2 = signUpOnRun(t.a2);
  const e5 = signUpOnRun(t.a5);
  for (const id of [e1, e2]) expect(markEnrollmentCompleted(db, id, 'test').kind).toBe('completed');
  expect(saveFeedback(db, t.a1, e1, { useful: 'yes', changedInLessons: 'Стала давать задания по группам', wouldRecommend: true }).kind).toBe('saved');
  expect(saveFeedback(db, t.a2, e2, { useful: 'no', changedInLessons: '', wouldRecommend: false }).kind).toBe('saved');
  // Written straight into the table, as the feedback endpoint stores it.
  db.prepare('UPDATE enrollments SET feedback_json = ? WHERE id = ?').run(
    JSON.stringify({ useful: 'partly', changedInLessons: 'Больше работы в парах', wouldRecommend: true }),
    e5,
  );
  const after = '2026-01-10T10:00:00+09:00';
  for (const [id, score] of [
    [t.a1, 70],
    [t.a2, 80],
    [t.a8, 60],
    [t.a7, 67],
    [t.a3, 92],
  ] as const)
    addAttempt(db, id, after, { methodical: score });
}

describe('programmes: demand and effectiveness', () => {
  let db: Db;
  let dispose: () => void;
  beforeAll(() => {
    ({ db, dispose } = emptyDatabase());
    seedPrograms(db, seedSmallRepublic(db));
  });
  afterAll(() => dispose());

  it('sets teachers with a deficit against the seats that target it (образовательный заказ)', () => {
    // Methodical deficits in 2025-2026 (latest attempts): Северный a1 70, a2 80, a5 40, a7 67, a8 60 → 5; Южный b1, b2 → 2.
    const byMunicipality = values(demandSummary(db, { period, by: 'municipality', minGroup: 1 }).rows).filter((r) => r.competencyId === 'methodical');
    expect(byMunicipality).toEqual([
      {
        period,
        municipality: 'Северный район',
        competency: 'Методическая',
        competencyId: 'methodical',
        deficit: 5,
        seatsLocal: 3,
        seatsRepublic: 10,
        unmet: 2,
      },
      { period, municipality: 'Южный район', competency: 'Методическая', competencyId: 'methodical', deficit: 2, seatsLocal: 0, seatsRepublic: 10, unmet: 2 },
    ]);
    const republic = values(demandSummary(db, { period, by: 'competency', minGroup: 1 }).rows);
    expect(republic.find((r) => r.competencyId === 'methodical')).toMatchObject({ deficit: 7, seatsLocal: 3, seatsRepublic: 10, unmet: 0 });
    expect(republic.find((r) => r.competencyId === 'digital')).toMatchObject({ deficit: 0, seatsLocal: 3, seatsRepublic: 0, unmet: 0 });
    // At K = 3 Южный район's 2 is hidden, and Северный's 5 with it (7 − 5 = 2); seats stay: they are not people.
    const suppressed = values(demandSummary(db, { period, by: 'municipality', minGroup: 3 }).rows).filter((r) => r.competencyId === 'methodical');
    expect(suppressed.map((r) => [r.deficit, r.seatsLocal, r.unmet])).toEqual([
      [null, 3, null],
      [null, 0, null],
    ]);
  });

  it('compares completers’ growth with comparable teachers who did not take the programme, and counts feedback', () => {
    const rows = values(effectivenessSummary(db, { period, minGroup: 1, asOf: '2026-06-01' }).rows);
    expect(rows.filter((r) => r.programId === 'lesson-method')).toEqual([
      {
        period,
        programId: 'lesson-method',
        program: 'Методика урока',
        competency: 'Методическая',
        competencyId: 'methodical',
        completers: 3, // a1, a2 completed; a5 confirmed on a run that has ended
        completersMeasured: 2, // a5 has no diagnostic after the course
        completersGrowth: 15, // (+20 + +10) / 2
        // Выраженный before, like a1: a8 55 → 60 and a6 30 → 95 (its March sitting is the first after the run);
        // умеренный, like a2: a7 65 → 67; a3 had no deficit and is nobody's match.
        comparisonMeasured: 3,
        comparisonGrowth: 18.5, // ((+5 + +65) / 2 for a1's level + +2 for a2's) / 2
        feedback: 3,
        usefulShare: 33.3, // a1 «5»; a2 «2» and a5 «partly» are not «useful»
        recommendShare: 66.7,
      },
    ]);
    // «Цифровая школа Севера» ended with nobody signed up: listed per competency, with nothing to compare.
    expect(rows.filter((r) => r.programId === 'north-digital').map((r) => [r.competencyId, r.completers, r.completersGrowth])).toEqual([
      ['methodical', 0, null],
      ['digital', 0, null],
    ]);
    // As of January, the February run has not ended: not reported yet.
    expect(values(effectivenessSummary(db, { period, minGroup: 1, asOf: '2026-01-20' }).rows).some((r) => r.programId === 'north-digital')).toBe(false);
  });

  it('hides the effectiveness numbers of a programme with fewer than K completers', () => {
    const [row] = [...effectivenessSummary(db, { period, minGroup: 5, asOf: '2026-06-01' }).rows];
    expect(row!.values).toMatchObject({ program: 'Методика урока', completers: null, completersGrowth: null, comparisonGrowth: null, usefulShare: null });
  });
});
