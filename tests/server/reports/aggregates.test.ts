import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AttemptResult } from '../../../shared/scoring/result.ts';
import { periodOf } from '../../../server/features/aggregates/period.ts';
import { applyPendingStandings, pendingStandings } from '../../../server/features/aggregates/store/pending.ts';
import { attemptStore } from '../../../server/features/diagnostics/attempt-store.ts';
import { deficitsSummary } from '../../../server/features/summaries/store/deficits.ts';
import { growthSummary } from '../../../server/features/summaries/store/growth.ts';
import { participationSummary } from '../../../server/features/summaries/store/participation.ts';
import { rebuildReportAggregates } from '../../../server/features/aggregates/store/rebuild.ts';
import type { SummaryRow } from '../../../server/features/summaries/summary.ts';
import { eraseTeacher, updateTeacherRecord } from '../../../server/features/me/store.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { installShippedInstruments } from '../../../server/features/diagnostics/install-shipped.ts';
import { addAttempt, addTeacher, aggregateSnapshot, emptyDatabase } from '../../helpers/reports.ts';
import { eachSmallRepublic } from './fixture.ts';

/** A result with nothing measured: the trigger looks at the attempt's date alone. */
const emptyResult = {
  instrumentId: 'selfAssessment',
  instrumentVersion: 1,
  instrumentKind: 'selfAssessment',
  bands: [],
  areas: {},
  indicators: {},
  deficits: [],
} as unknown as AttemptResult;

const period = '2025-2026';
const values = (rows: Iterable<SummaryRow>) => [...rows].map((row) => row.values);
/** With K = 1 nothing is suppressed: the arithmetic alone. */
const all = 1;

describe('report aggregates on a republic counted by hand', () => {
  let db: Db;
  eachSmallRepublic((fresh) => (db = fresh));

  it('counts deficits per school from each teacher’s latest attempt in the year', () => {
    const rows = values(deficitsSummary(db, { period, by: 'school', minGroup: all }).rows);
    expect(rows).toEqual([
      {
        period,
        municipality: 'Северный район',
        school: 'Школа № 1',
        competency: 'Методическая',
        competencyId: 'methodical',
        // a1 50, a2 70, a3 90, a4 85, a5 40, a6 95: (50+70+90+85+40+95)/6 = 71.67
        scored: 6,
        deficit: 3,
        highDeficit: 2,
        moderateDeficit: 1,
        deficitShare: 50,
        meanScore: 71.7,
      },
      {
        period,
        municipality: 'Северный район',
        school: 'Школа № 2',
        competency: 'Методическая',
        competencyId: 'methodical',
        scored: 2,
        deficit: 2,
        highDeficit: 1,
        moderateDeficit: 1,
        deficitShare: 100,
        meanScore: 60,
      },
      {
        period,
        municipality: 'Южный район',
        school: 'Южная школа',
        competency: 'Методическая',
        competencyId: 'methodical',
        // b6 answered too little: not scored, not a deficit. (75+78+82+88+91)/5 = 82.8
        scored: 5,
        deficit: 2,
        highDeficit: 0,
        moderateDeficit: 2,
        deficitShare: 40,
        meanScore: 82.8,
      },
    ]);
  });

  it('adds up to municipalities, the republic and experience bands', () => {
    expect(
      values(deficitsSummary(db, { period, by: 'municipality', minGroup: all }).rows).map((r) => [r.municipality, r.scored, r.deficit, r.meanScore]),
    ).toEqual([
      ['Северный район', 8, 5, 68.8], // 550 / 8 = 68.75
      ['Южный район', 5, 2, 82.8],
    ]);
    expect(values(deficitsSummary(db, { period, by: 'competency', minGroup: all }).rows)).toEqual([
      // 7 of 13; (550 + 414) / 13 = 74.15
      {
        period,
        competency: 'Методическая',
        competencyId: 'methodical',
        scored: 13,
        deficit: 7,
        highDeficit: 3,
        moderateDeficit: 4,
        deficitShare: 53.8,
        meanScore: 74.2,
      },
    ]);
    const byExperienceBand = values(deficitsSummary(db, { period, by: 'experience', minGroup: all }).rows);
    // Early career: a1 50, a2 70, a7 65 (стаж 1, 2, 0); b6 has no experience on record but no score either.
    expect(byExperienceBand[0]).toMatchObject({
      band: 'молодые педагоги (стаж до 3 лет)',
      scored: 3,
      deficit: 3,
      highDeficit: 1,
      moderateDeficit: 2,
      meanScore: 61.7,
    });
    expect(byExperienceBand.reduce((sum, r) => sum + (r.scored as number), 0)).toBe(13);
  });

  it('compares the same teachers with the year before', () => {
    expect(values(growthSummary(db, { period, by: 'competency', minGroup: all }).rows)).toEqual([
      {
        period,
        competency: 'Методическая',
        competencyId: 'methodical',
        // a1 40 → 50, a2 85 → 70: before (40+85)/2 = 62.5, after 60
        paired: 2,
        meanBefore: 62.5,
        meanAfter: 60,
        growth: -2.5,
        deficitBefore: 1,
        deficitAfter: 2,
      },
    ]);
  });

  it('counts participation: roster, connected, diagnosed in the year', () => {
    expect(values(participationSummary(db, { period, by: 'school', minGroup: all }).rows)).toEqual([
      { period, municipality: 'Северный район', school: 'Школа № 1', roster: 6, connected: 4, diagnosed: 6, diagnosedShare: 100 },
      { period, municipality: 'Северный район', school: 'Школа № 2', roster: 2, connected: 0, diagnosed: 2, diagnosedShare: 100 },
      { period, municipality: 'Южный район', school: 'Южная школа', roster: 6, connected: 0, diagnosed: 6, diagnosedShare: 100 },
    ]);
    expect(values(participationSummary(db, { period: '2024-2025', by: 'municipality', minGroup: all }).rows)).toEqual([
      { period: '2024-2025', municipality: 'Северный район', roster: 8, connected: 4, diagnosed: 2, diagnosedShare: 25 },
      { period: '2024-2025', municipality: 'Южный район', roster: 6, connected: 0, diagnosed: 0, diagnosedShare: 0 },
    ]);
  });

  it('keeps no trace of the burnout screening in any summary', () => {
    expect(db.prepare(`SELECT count(*) AS n FROM report_standings WHERE area = 'wellbeing'`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM report_levels WHERE area = 'wellbeing'`).get()).toEqual({ n: 0 });
  });

  it('builds the same counts write by write as in one rebuild from the attempts', () => {
    const incremental = aggregateSnapshot(db);
    rebuildReportAggregates(db);
    expect(aggregateSnapshot(db)).toEqual(incremental);
  });

  it('moves a teacher’s counts when the roster moves them, as a rebuild would count them', () => {
    const teacher = (db.prepare(`SELECT id FROM teachers WHERE last_name = 'А1'`).get() as { id: number }).id;
    const south = (db.prepare(`SELECT id FROM schools WHERE name = 'Южная школа'`).get() as { id: number }).id;
    db.prepare('UPDATE teachers SET school_id = ?, experience_years = 20 WHERE id = ?').run(south, teacher);
    // The changed experience notes the teacher's standings (a trigger); applying the notes recounts them where the roster puts them now.
    applyPendingStandings(db);
    const refreshed = aggregateSnapshot(db);
    rebuildReportAggregates(db);
    expect(aggregateSnapshot(db)).toEqual(refreshed);
    expect(values(deficitsSummary(db, { period, by: 'school', minGroup: all }).rows).find((r) => r.school === 'Южная школа')).toMatchObject({
      scored: 6,
      highDeficit: 1,
    });
  });

  it('keeps the counts when a teacher erases their data, also after a rebuild', () => {
    const before = values(deficitsSummary(db, { period, by: 'school', minGroup: all }).rows);
    const teacher = (db.prepare(`SELECT id FROM teachers WHERE last_name = 'А1'`).get() as { id: number }).id;
    expect(eraseTeacher(db, teacher, 'test')).toBe(true);
    expect(values(deficitsSummary(db, { period, by: 'school', minGroup: all }).rows)).toEqual(before);
    rebuildReportAggregates(db);
    expect(values(deficitsSummary(db, { period, by: 'school', minGroup: all }).rows)).toEqual(before);
  });
});

describe('a teacher’s standing on each write', () => {
  it('follows the latest sitting as an instant, not as text, when offsets differ, and matches a rebuild', () => {
    const { db, dispose } = emptyDatabase();
    try {
      installShippedInstruments(db);
      const teacher = addTeacher(db, 'Северный район', 'Школа № 1', 'Часовой');
      // 20:00 UTC on 1 October is later than 01:00 on 2 October in Якутск (16:00 UTC), though its text sorts first.
      addAttempt(db, teacher, '2025-10-02T01:00:00+09:00', { methodical: 40 });
      addAttempt(db, teacher, '2025-10-01T20:00:00+00:00', { methodical: 90 });
      const standing = () => db.prepare("SELECT score, level FROM report_standings WHERE teacher_id = ? AND area = 'methodical'").get(teacher);
      expect(standing()).toEqual({ score: 90, level: 'noDeficit' });
      const written = aggregateSnapshot(db);
      rebuildReportAggregates(db);
      expect(aggregateSnapshot(db)).toEqual(written);
    } finally {
      dispose();
    }
  });

  it('moves the teacher’s counts to their new experience band when they correct their experience', () => {
    const { db, dispose } = emptyDatabase();
    try {
      installShippedInstruments(db);
      const teacher = addTeacher(db, 'Северный район', 'Школа № 1', 'Новичкова', 1);
      addAttempt(db, teacher, '2025-10-01T10:00:00+09:00', { methodical: 50 });
      const experienceBands = () => db.prepare('SELECT DISTINCT band FROM report_standings WHERE teacher_id = ?').pluck().all(teacher);
      const early = experienceBands();
      updateTeacherRecord(db, teacher, { experienceYears: 12 });
      // The change notes the standing to recompute (a trigger); reports apply the notes before they read.
      expect(pendingStandings(db)).toBe(1);
      applyPendingStandings(db);
      expect(experienceBands()).not.toEqual(early);
      const written = aggregateSnapshot(db);
      rebuildReportAggregates(db);
      expect(aggregateSnapshot(db)).toEqual(written);
    } finally {
      dispose();
    }
  });

  it('notes each new attempt under the period periodOf gives its date, 1 September starting the year', () => {
    const { db, dispose } = emptyDatabase();
    try {
      const teacher = addTeacher(db, 'Северный район', 'Школа № 1', 'Датова');
      const dates = [
        '2025-08-31T23:59:59+09:00',
        '2025-09-01T00:00:00+09:00',
        '2026-01-01T10:00:00Z',
        '2026-12-31T23:00:00-03:00',
        '2000-09-15T08:00:00+12:00',
      ];
      const attempts = attemptStore(db);
      for (const completedAt of dates)
        attempts.saveNow({
          id: randomUUID(),
          teacherId: teacher,
          instrumentId: 'selfAssessment',
          instrumentVersion: 1,
          completedAt,
          receivedAt: completedAt,
          answers: {},
          result: emptyResult,
        });
      const noted = db.prepare('SELECT period FROM report_pending WHERE teacher_id = ? ORDER BY period').pluck().all(teacher);
      expect(noted).toEqual([...new Set(dates.map(periodOf))].sort());
    } finally {
      dispose();
    }
  });
});
