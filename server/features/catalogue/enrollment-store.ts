import { createHash } from 'node:crypto';
import { prepared } from '../../platform/database/statements.ts';
import type { FeedbackRequest, MyEnrollmentEntry } from '../../../shared/api/programs.ts';
import { catalogueDay, type Enrollment, type EnrollmentStatus } from '../../../shared/schemas/program.ts';
import { type Db, now } from '../../platform/database/database.ts';
import { placeFor, seatsToFill } from '../../../shared/seats.ts';

/**
 * Sign-ups for programme runs. Every change is one IMMEDIATE transaction:
 * it takes SQLite's write lock before it reads the seats, so two sign-ups —
 * in this process or from a CLI beside it — can never both take the last seat.
 */

interface EnrollmentRow {
  id: string;
  teacherId: number;
  programId: string;
  runId: string;
  status: EnrollmentStatus;
  queuedSeq: number;
  requestHash: string;
  feedbackJson: string | null;
  /** The run's last day, YYYY-MM-DD. */
  endDate: string;
}

const enrollmentColumns = `e.id, e.teacher_id AS teacherId, r.program_id AS programId, e.run_id AS runId, e.status,
  e.queued_seq AS queuedSeq, e.request_hash AS requestHash, e.feedback_json AS feedbackJson, r.end_date AS endDate
  FROM enrollments e JOIN program_runs r ON r.id = e.run_id`;

function findRow(db: Db, id: string): EnrollmentRow | undefined {
  return prepared(db, `SELECT ${enrollmentColumns} WHERE e.id = ?`).get(id) as EnrollmentRow | undefined;
}

/** 1-based place among those waiting for the same run, in the order they signed up. */
function waitlistPosition(db: Db, row: Pick<EnrollmentRow, 'runId' | 'queuedSeq'>): number {
  return (
    prepared(db, "SELECT count(*) AS n FROM enrollments WHERE run_id = ? AND status = 'waitlisted' AND queued_seq <= ?").get(row.runId, row.queuedSeq) as {
      n: number;
    }
  ).n;
}

/**
 * The completion rule: a sign-up is completed when staff marked it so, or
 * when it is confirmed and its run ended before today. The stored status
 * stays `confirmed` in the second case; every answer to the teacher shows
 * `completed`, and feedback is taken on it.
 */
export function effectiveStatus(row: Pick<EnrollmentRow, 'status' | 'endDate'>, at: Date = new Date()): EnrollmentStatus {
  return row.status === 'confirmed' && row.endDate < catalogueDay(at) ? 'completed' : row.status;
}

function toEnrollment(db: Db, row: EnrollmentRow, at: Date = new Date()): Enrollment {
  return {
    id: row.id,
    programId: row.programId,
    runId: row.runId,
    status: effectiveStatus(row, at),
    waitlistPosition: row.status === 'waitlisted' ? waitlistPosition(db, row) : null,
  };
}

function seatsTaken(db: Db, runId: string): number {
  return (
    prepared(db, "SELECT count(*) AS n FROM enrollments WHERE run_id = ? AND status IN ('confirmed', 'completed')").get(runId) as {
      n: number;
    }
  ).n;
}

/** What identifies a sign-up request: a retry must carry exactly this, under the same id. */
export function signUpHash(teacherId: number, programId: string, runId: string): string {
  return createHash('sha256')
    .update(JSON.stringify([teacherId, programId, runId]))
    .digest('hex');
}

/**
 * Gives free seats of a run to those waiting, first come first served.
 * Call inside a transaction. Returns the ids promoted.
 */
export function promoteWaitlisted(db: Db, runId: string, at: string = now()): string[] {
  const run = prepared(db, 'SELECT seats FROM program_runs WHERE id = ?').get(runId) as { seats: number } | undefined;
  if (!run) return [];
  const free = seatsToFill(seatsTaken(db, runId), run.seats);
  if (free === 0) return [];
  const next = prepared(db, "SELECT id FROM enrollments WHERE run_id = ? AND status = 'waitlisted' ORDER BY queued_seq LIMIT ?").all(runId, free) as {
    id: string;
  }[];
  const promote = prepared(db, "UPDATE enrollments SET status = 'confirmed', updated_at = ? WHERE id = ?");
  for (const { id } of next) promote.run(at, id);
  return next.map(({ id }) => id);
}

/**
 * Gives up an erased teacher's places on runs still to come: a confirmed seat
 * on a run that has not started goes to the first teacher waiting, and a place
 * in a waitlist is dropped. Places on runs under way or over stay, anonymous,
 * so their seats and completions still add up. Call inside the erasure's
 * transaction. Returns how many places were given up.
 */
export function releaseUpcomingPlaces(db: Db, teacherId: number, at: string = now()): number {
  const today = at.slice(0, 10);
  const places = prepared(
    db,
    `SELECT e.id, e.run_id AS runId, e.status FROM enrollments e JOIN program_runs r ON r.id = e.run_id
       WHERE e.teacher_id = ? AND ((e.status = 'confirmed' AND r.start_date > ?) OR (e.status = 'waitlisted' AND r.end_date >= ?))`,
  ).all(teacherId, today, today) as { id: string; runId: string; status: 'confirmed' | 'waitlisted' }[];
  const cancel = prepared(db, "UPDATE enrollments SET status = 'cancelled', updated_at = ? WHERE id = ?");
  for (const place of places) {
    cancel.run(at, place.id);
    if (place.status === 'confirmed') promoteWaitlisted(db, place.runId, at);
  }
  return places.length;
}

export interface SignUpRequest {
  id: string;
  teacherId: number;
  programId: string;
  runId: string;
}

export type SignUpResult =
  | { kind: 'created'; enrollment: Enrollment }
  | { kind: 'replayed'; enrollment: Enrollment }
  /** The id is taken by a different request. */
  | { kind: 'idReused' }
  /** The teacher already has a live sign-up for the run under another id. */
  | { kind: 'alreadyEnrolled'; enrollment: Enrollment }
  | { kind: 'programNotFound' }
  | { kind: 'runNotFound' }
  | { kind: 'archived' }
  | { kind: 'runEnded' }
  /** A local programme of another municipality: it takes only its own municipality's teachers. */
  | { kind: 'otherMunicipality'; municipality: string };

/**
 * Signs a teacher up for a run: confirmed while seats remain, else on the
 * waitlist. The same id with the same request returns what is stored, with
 * the current status, so a client may retry as often as it likes.
 */
export function signUp(db: Db, request: SignUpRequest, at: Date = new Date()): SignUpResult {
  return db
    .transaction((): SignUpResult => {
      const stored = findRow(db, request.id);
      if (stored) {
        const same = stored.requestHash === signUpHash(request.teacherId, request.programId, request.runId);
        return same ? { kind: 'replayed', enrollment: toEnrollment(db, stored) } : { kind: 'idReused' };
      }
      const program = prepared(
        db,
        `SELECT p.archived, m.name AS municipality, p.municipality_id = (
             SELECT s.municipality_id FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id = ?) AS ownMunicipality
           FROM programs p LEFT JOIN municipalities m ON m.id = p.municipality_id WHERE p.id = ?`,
      ).get(request.teacherId, request.programId) as { archived: number; municipality: string | null; ownMunicipality: number | null } | undefined;
      if (!program) return { kind: 'programNotFound' };
      const run = prepared(db, 'SELECT seats, end_date AS endDate FROM program_runs WHERE id = ? AND program_id = ?').get(request.runId, request.programId) as
        | { seats: number; endDate: string }
        | undefined;
      if (!run) return { kind: 'runNotFound' };
      if (program.archived) return { kind: 'archived' };
      if (run.endDate < catalogueDay(at)) return { kind: 'runEnded' };
      // The rule for other municipalities' programmes: a republic-wide one (no municipality) takes every
      // teacher of the republic; a municipality's own takes only its teachers, as it is paid and planned there.
      if (program.municipality !== null && program.ownMunicipality !== 1) return { kind: 'otherMunicipality', municipality: program.municipality };

      const live = prepared(db, `SELECT ${enrollmentColumns} WHERE e.teacher_id = ? AND e.run_id = ? AND e.status <> 'cancelled' LIMIT 1`).get(
        request.teacherId,
        request.runId,
      ) as EnrollmentRow | undefined;
      if (live) return { kind: 'alreadyEnrolled', enrollment: toEnrollment(db, live) };

      // Nobody waits while a seat is free (promotion fills seats at once), so a free seat is this teacher's.
      const status: EnrollmentStatus = placeFor(seatsTaken(db, request.runId), run.seats);
      const { seq } = prepared(db, 'SELECT coalesce(max(queued_seq), 0) + 1 AS seq FROM enrollments WHERE run_id = ?').get(request.runId) as {
        seq: number;
      };
      const stamp = at.toISOString();
      prepared(
        db,
        `INSERT INTO enrollments (id, teacher_id, run_id, status, queued_seq, request_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(request.id, request.teacherId, request.runId, status, seq, signUpHash(request.teacherId, request.programId, request.runId), stamp, stamp);
      return { kind: 'created', enrollment: toEnrollment(db, findRow(db, request.id)!) };
    })
    .immediate();
}

export type CancelResult = { kind: 'cancelled'; enrollment: Enrollment; promoted: string[] } | { kind: 'notFound' } | { kind: 'completed' };

/**
 * Cancels a teacher's own sign-up; a freed seat goes to the first in the
 * waitlist in the same transaction. Cancelling again changes nothing.
 * Another teacher's id is `notFound`, as if it did not exist.
 */
export function cancelEnrollment(db: Db, teacherId: number, id: string, at: Date = new Date()): CancelResult {
  return db
    .transaction((): CancelResult => {
      const row = findRow(db, id);
      if (!row || row.teacherId !== teacherId) return { kind: 'notFound' };
      if (effectiveStatus(row, at) === 'completed') return { kind: 'completed' };
      if (row.status === 'cancelled') return { kind: 'cancelled', enrollment: toEnrollment(db, row), promoted: [] };
      const stamp = at.toISOString();
      prepared(db, "UPDATE enrollments SET status = 'cancelled', updated_at = ? WHERE id = ?").run(stamp, id);
      const promoted = row.status === 'confirmed' ? promoteWaitlisted(db, row.runId, stamp) : [];
      return { kind: 'cancelled', enrollment: toEnrollment(db, { ...row, status: 'cancelled' }), promoted };
    })
    .immediate();
}

export type CompleteResult = { kind: 'completed'; enrollment: Enrollment } | { kind: 'notFound' } | { kind: 'notConfirmed'; status: EnrollmentStatus };

/**
 * Marks a confirmed sign-up as completed (the teacher finished the
 * programme); staff do it from the CLI or the admin pages. Completing twice
 * is fine. The audit log records who did it.
 */
export function markEnrollmentCompleted(db: Db, id: string, actor: string, at: Date = new Date()): CompleteResult {
  return db
    .transaction((): CompleteResult => {
      const row = findRow(db, id);
      if (!row) return { kind: 'notFound' };
      if (row.status === 'completed') return { kind: 'completed', enrollment: toEnrollment(db, row) };
      if (row.status !== 'confirmed') return { kind: 'notConfirmed', status: row.status };
      const stamp = at.toISOString();
      prepared(db, "UPDATE enrollments SET status = 'completed', updated_at = ? WHERE id = ?").run(stamp, id);
      prepared(db, 'INSERT INTO audit_log (at, actor, action, target, details_json) VALUES (?, ?, ?, ?, ?)').run(
        stamp,
        actor,
        'enrollment.complete',
        id,
        JSON.stringify({ runId: row.runId, teacherId: row.teacherId }),
      );
      return { kind: 'completed', enrollment: toEnrollment(db, { ...row, status: 'completed' }) };
    })
    .immediate();
}

export type FeedbackResult = { kind: 'saved'; feedback: FeedbackRequest; submittedAt: string } | { kind: 'notFound' } | { kind: 'notCompleted' };

/**
 * Stores the teacher's feedback on a completed programme (by the completion
 * rule above); a second one replaces the first. `feedback_json` holds
 * exactly the three answers; the time is the row's `updated_at`.
 */
export function saveFeedback(db: Db, teacherId: number, id: string, feedback: FeedbackRequest, at: Date = new Date()): FeedbackResult {
  return db
    .transaction((): FeedbackResult => {
      const row = findRow(db, id);
      if (!row || row.teacherId !== teacherId) return { kind: 'notFound' };
      if (effectiveStatus(row, at) !== 'completed') return { kind: 'notCompleted' };
      const stored: FeedbackRequest = { useful: feedback.useful, changedInLessons: feedback.changedInLessons, wouldRecommend: feedback.wouldRecommend };
      const submittedAt = at.toISOString();
      prepared(db, 'UPDATE enrollments SET feedback_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(stored), submittedAt, id);
      return { kind: 'saved', feedback: stored, submittedAt };
    })
    .immediate();
}

function parseFeedback(json: string | null): FeedbackRequest | null {
  return json ? (JSON.parse(json) as FeedbackRequest) : null;
}

export function getEnrollment(db: Db, id: string): (Enrollment & { teacherId: number; feedback: FeedbackRequest | null }) | undefined {
  const row = findRow(db, id);
  if (!row) return undefined;
  return { ...toEnrollment(db, row), teacherId: row.teacherId, feedback: parseFeedback(row.feedbackJson) };
}

/** The teacher's own sign-ups, newest first, with their programme (`GET /api/v1/me/enrollments`). */
export function teacherEnrollments(db: Db, teacherId: number, at: Date = new Date()): MyEnrollmentEntry[] {
  const rows = prepared(
    db,
    `SELECT p.title AS programTitle, p.provider, p.format, p.hours, p.competencies_json AS competenciesJson,
         r.start_date AS start, e.updated_at AS updatedAt, ${enrollmentColumns}
       JOIN programs p ON p.id = r.program_id
       WHERE e.teacher_id = ? ORDER BY e.created_at DESC, e.id`,
  ).all(teacherId) as (EnrollmentRow & {
    programTitle: string;
    provider: string;
    format: MyEnrollmentEntry['format'];
    hours: number;
    competenciesJson: string;
    start: string;
    updatedAt: string;
  })[];
  return rows.map((row) => ({
    ...toEnrollment(db, row, at),
    programTitle: row.programTitle,
    provider: row.provider,
    format: row.format,
    hours: row.hours,
    competencies: JSON.parse(row.competenciesJson) as MyEnrollmentEntry['competencies'],
    start: row.start,
    end: row.endDate,
    feedback: parseFeedback(row.feedbackJson),
    updatedAt: row.updatedAt,
  }));
}

/** The teacher's live (not cancelled) sign-ups for the given runs, keyed by run. */
export function liveEnrollmentsByRun(db: Db, teacherId: number, runIds: string[]): Map<string, Enrollment> {
  const rows = prepared(
    db,
    `SELECT ${enrollmentColumns}
       WHERE e.teacher_id = ? AND e.status <> 'cancelled' AND e.run_id IN (SELECT value FROM json_each(?))`,
  ).all(teacherId, JSON.stringify(runIds)) as EnrollmentRow[];
  return new Map(rows.map((row) => [row.runId, toEnrollment(db, row)]));
}

/** A sign-up as the staff's list of a run shows it. */
export interface EnrollmentListRow {
  id: string;
  teacherId: number;
  lastName: string;
  firstName: string;
  middleName: string;
  erased: number;
  school: string;
  municipality: string;
  status: EnrollmentStatus;
  createdAt: string;
}

const enrollmentsOfRun = `FROM enrollments e JOIN teachers t ON t.id = e.teacher_id JOIN schools s ON s.id = t.school_id
  JOIN municipalities m ON m.id = s.municipality_id
  WHERE e.run_id = @runId AND (@all = 1 OR s.municipality_id IN (SELECT value FROM json_each(@municipalities)))`;

function scopeParams(runId: string, municipalities: 'all' | number[]) {
  return { runId, all: municipalities === 'all' ? 1 : 0, municipalities: JSON.stringify(municipalities === 'all' ? [] : municipalities) };
}

/** Live sign-ups first in the order they came (the waitlist order), cancelled ones last; all of them unless a page is asked for. */
export function runEnrollments(db: Db, runId: string, municipalities: 'all' | number[], page?: { limit: number; offset: number }): EnrollmentListRow[] {
  return prepared(
    db,
    `SELECT e.id, e.teacher_id AS teacherId, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName,
         t.erased_at IS NOT NULL AS erased, s.name AS school, m.name AS municipality, e.status, e.created_at AS createdAt
       ${enrollmentsOfRun}
       ORDER BY e.status = 'cancelled', e.queued_seq LIMIT @limit OFFSET @offset`,
  ).all({ ...scopeParams(runId, municipalities), limit: page?.limit ?? -1, offset: page?.offset ?? 0 }) as EnrollmentListRow[];
}

export function countRunEnrollments(db: Db, runId: string, municipalities: 'all' | number[]): number {
  return (prepared(db, `SELECT count(*) AS n ${enrollmentsOfRun}`).get(scopeParams(runId, municipalities)) as { n: number }).n;
}
