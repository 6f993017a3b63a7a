import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { experienceBandOf } from '../experience.ts';
import { hasDeficit } from '../../../../shared/scoring/deficits.ts';
import { nextPeriod, periodDates, periodOf, previousPeriod } from '../period.ts';
import { currentProfile } from '../../../../shared/profile/current-profile.ts';
import type { ScoredAttempt } from '../../../../shared/profile/scored-attempt.ts';
import { writeCurrentStanding } from './current-standing.ts';
import { attemptForStandingColumns, type AttemptForStanding, periodStandings, scoredForStanding } from '../standings.ts';

interface StandingRow {
  period: string;
  area: string;
  score: number | null;
  level: string;
  schoolId: number;
  municipalityId: number;
  experienceBand: string;
}

const standingColumns = `period, area, score, level, school_id AS schoolId, municipality_id AS municipalityId, band AS experienceBand`;

/**
 * Brings the report aggregates up to date with a teacher's attempts of one
 * period: recomputes their standing in it from those attempts, and moves the
 * counts from the old standing to the new one (the period's level counts and
 * participation, and the growth pairs this period forms with the years before
 * and after). Idempotent: with nothing new it changes nothing, so a note
 * applied twice (pending.ts) does no harm. Call it inside a transaction.
 * Given `counts`, the count changes are added there for the caller to write
 * (once for many teachers); else they are written here.
 */
export function recomputeStanding(db: Db, teacherId: number, period: string, counts?: CountDeltas): void {
  const teacher = prepared(
    db,
    `SELECT t.school_id AS schoolId, s.municipality_id AS municipalityId, t.experience_years AS experienceYears, t.erased_at IS NOT NULL AS erased
     FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id = ?`,
  ).get(teacherId) as { schoolId: number; municipalityId: number; experienceYears: number | null; erased: number } | undefined;
  if (!teacher) return;
  const place = { id: teacherId, schoolId: teacher.schoolId, municipalityId: teacher.municipalityId, erased: teacher.erased === 1 };

  // The standings of the period and of the years either side (growth pairs), in one read of the teacher's index.
  const [before, after] = [previousPeriod(period), nextPeriod(period)];
  const previous: StandingRow[] = [];
  const old: StandingRow[] = [];
  const next: StandingRow[] = [];
  for (const row of prepared(db, `SELECT ${standingColumns} FROM report_standings WHERE teacher_id = ? AND period IN (?, ?, ?)`).all(
    teacherId,
    before,
    period,
    after,
  ) as StandingRow[]) {
    (row.period === period ? old : row.period === before ? previous : next).push(row);
  }

  // The latest attempt of each instrument, decoded once for both the period's standing and the current one.
  const { inPeriod, overall } = latestAttempts(db, teacherId, period);
  const scored = new Map<AttemptForStanding, ScoredAttempt | undefined>();
  const scoredOf = (list: AttemptForStanding[]) =>
    list.flatMap((attempt) => {
      if (!scored.has(attempt)) scored.set(attempt, scoredForStanding(attempt));
      return scored.get(attempt) ?? [];
    });
  const periodScored = scoredOf(inPeriod);
  const periodProfile = periodScored.length ? currentProfile(periodScored) : undefined;
  const experienceBand = experienceBandOf(teacher.experienceYears);
  const fresh: StandingRow[] = periodProfile
    ? periodStandings(period, periodScored, periodProfile).map((s) => ({
        ...s,
        schoolId: teacher.schoolId,
        municipalityId: teacher.municipalityId,
        experienceBand,
      }))
    : [];
  if (!sameStandings(old, fresh)) {
    const deltas = counts ?? new CountDeltas();
    deltas.add(-1, previous, old, next);
    prepared(db, 'DELETE FROM report_standings WHERE period = ? AND teacher_id = ?').run(period, teacherId);
    const insert = prepared(
      db,
      `INSERT INTO report_standings (period, teacher_id, area, score, level, school_id, municipality_id, band) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const s of fresh) insert.run(s.period, teacherId, s.area, s.score, s.level, s.schoolId, s.municipalityId, s.experienceBand);
    deltas.add(+1, previous, fresh, next);
    if (!counts) deltas.apply(db);
  }

  // Usually the period's latest attempts are the teacher's latest of all: then its profile is the current one too.
  const overallScored = scoredOf(overall);
  const same = overallScored.length === periodScored.length && overallScored.every((attempt, i) => attempt === periodScored[i]);
  writeCurrentStanding(db, place, same ? periodProfile : overallScored.length ? currentProfile(overallScored) : undefined);
}

/** Whether two standings of a period are the same rows, in whatever order. */
function sameStandings(a: StandingRow[], b: StandingRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((row) => {
      const other = b.find((candidate) => candidate.area === row.area);
      return (
        other !== undefined &&
        row.score === other.score &&
        row.level === other.level &&
        row.schoolId === other.schoolId &&
        row.municipalityId === other.municipalityId &&
        row.experienceBand === other.experienceBand
      );
    })
  );
}

/** Both grains a standing is counted under: its school, and its municipality in its experience band. */
function unitsOf(row: StandingRow): [grain: string, unitId: number, experienceBand: string][] {
  return [
    ['s', row.schoolId, '*'],
    ['m', row.municipalityId, row.experienceBand],
  ];
}

/**
 * What teachers' standings contribute to the counts, old ones subtracted
 * and new ones added, summed per row of the count tables before anything is
 * written: what did not change cancels out and costs no statement, and
 * teachers of one school or municipality share their statements.
 */
export class CountDeltas {
  private readonly levels = new Map<string, { key: [string, string, number, string, string, string]; d: number[] }>();
  private readonly diagnosed = new Map<string, { key: [string, string, number, string]; d: number[] }>();
  private readonly growth = new Map<string, { key: [string, string, number, string, string]; d: number[] }>();

  add(sign: 1 | -1, previous: StandingRow[], current: StandingRow[], next: StandingRow[]): void {
    for (const row of current) {
      for (const [grain, unitId, experienceBand] of unitsOf(row)) {
        bump(this.levels, [row.period, grain, unitId, experienceBand, row.area, row.level], [sign, sign * (row.score ?? 0)]);
      }
    }
    if (current[0])
      for (const [grain, unitId, experienceBand] of unitsOf(current[0])) bump(this.diagnosed, [current[0].period, grain, unitId, experienceBand], [sign]);
    this.addGrowth(sign, previous, current);
    this.addGrowth(sign, current, next);
  }

  /** The pairs (same teacher, same competency, scored in both years) that `after`'s period forms with `before`'s. */
  private addGrowth(sign: 1 | -1, before: StandingRow[], after: StandingRow[]): void {
    for (const now of after) {
      const then = before.find((row) => row.area === now.area);
      if (!then || then.score === null || now.score === null) continue;
      for (const [grain, unitId, experienceBand] of unitsOf(now)) {
        bump(
          this.growth,
          [now.period, grain, unitId, experienceBand, now.area],
          [sign, sign * then.score, sign * now.score, sign * Number(hasDeficit(then.level)), sign * Number(hasDeficit(now.level))],
        );
      }
    }
  }

  apply(db: Db): void {
    const levels = prepared(
      db,
      `INSERT INTO report_levels (period, grain, unit_id, band, area, level, teachers, score_sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET teachers = teachers + excluded.teachers, score_sum = score_sum + excluded.score_sum`,
    );
    const diagnosed = prepared(
      db,
      `INSERT INTO report_diagnosed (period, grain, unit_id, band, teachers) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET teachers = teachers + excluded.teachers`,
    );
    const growth = prepared(
      db,
      `INSERT INTO report_growth (period, grain, unit_id, band, area, teachers, before_sum, after_sum, deficit_before, deficit_after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET teachers = teachers + excluded.teachers, before_sum = before_sum + excluded.before_sum,
         after_sum = after_sum + excluded.after_sum, deficit_before = deficit_before + excluded.deficit_before,
         deficit_after = deficit_after + excluded.deficit_after`,
    );
    for (const { key, d } of this.levels.values()) if (d.some((x) => x !== 0)) levels.run(...key, ...d);
    for (const { key, d } of this.diagnosed.values()) if (d.some((x) => x !== 0)) diagnosed.run(...key, ...d);
    for (const { key, d } of this.growth.values()) if (d.some((x) => x !== 0)) growth.run(...key, ...d);
  }
}

function bump<K extends (string | number)[]>(map: Map<string, { key: K; d: number[] }>, key: K, d: number[]): void {
  const id = key.join('|');
  const entry = map.get(id);
  if (!entry) map.set(id, { key, d: [...d] });
  else d.forEach((x, i) => (entry.d[i]! += x));
}

/**
 * What the teacher's standing in a period is made of: for each instrument,
 * its latest attempt of the period (shared/profile's current profile reads
 * nothing else); and what their current standing is made of: the latest
 * attempt of each instrument whatever the period. Reading every attempt
 * instead made each write cost as much as the teacher had attempts.
 * "Latest" is an instant and timestamps may carry different offsets, so the
 * few latest by text are ordered again as instants (SQLite's julianday reads
 * the offset), ties by id as shared/profile/chronology.ts breaks them: text
 * order and instant order differ only between sittings less than 28 hours
 * apart with different offsets, and nobody takes one instrument more than
 * `candidates` times in a day. An instrument's latest attempt of all is its
 * latest of the period when it falls in the period; the period is read
 * apart only for an instrument taken again in a later year.
 */
const candidates = 8;

function latestAttempts(db: Db, teacherId: number, period: string): { inPeriod: AttemptForStanding[]; overall: AttemptForStanding[] } {
  // ISO timestamps compare as strings the same way periodOf reads their date.
  const start = periodDates(period).start;
  const end = periodDates(nextPeriod(period)).start;
  // Per instrument (a handful), so that each read is a short walk down the attempts_teacher index.
  const instrumentIds = prepared(db, 'SELECT DISTINCT id FROM instruments').pluck().all() as string[];
  const latestOfAll = prepared(
    db,
    `SELECT * FROM (
       SELECT ${attemptForStandingColumns} FROM attempts
       WHERE teacher_id = ? AND instrument_id = ?
       ORDER BY completed_at DESC LIMIT ${candidates}
     ) ORDER BY julianday(completedAt) DESC, id DESC LIMIT 1`,
  );
  const latestInPeriod = prepared(
    db,
    `SELECT * FROM (
       SELECT ${attemptForStandingColumns} FROM attempts
       WHERE teacher_id = ? AND instrument_id = ? AND completed_at >= ? AND completed_at < ?
       ORDER BY completed_at DESC LIMIT ${candidates}
     ) ORDER BY julianday(completedAt) DESC, id DESC LIMIT 1`,
  );
  const inPeriod: AttemptForStanding[] = [];
  const overall: AttemptForStanding[] = [];
  for (const instrumentId of instrumentIds) {
    const latest = latestOfAll.get(teacherId, instrumentId) as AttemptForStanding | undefined;
    if (!latest) continue;
    overall.push(latest);
    const latestPeriod = periodOf(latest.completedAt);
    if (latestPeriod === period) inPeriod.push(latest);
    else if (latestPeriod > period) {
      const earlier = latestInPeriod.get(teacherId, instrumentId, start, end) as AttemptForStanding | undefined;
      if (earlier) inPeriod.push(earlier);
    }
  }
  return { inPeriod, overall };
}
