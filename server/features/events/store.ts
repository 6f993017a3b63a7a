import { createHash } from 'node:crypto';
import type { EventEntry, EventFeedback, EventSignUp, MyEventSignUpEntry } from '../../../shared/api/events.ts';
import type { CompetitionResult, EventExperienceBand, EventKind, EventSignUpStatus, MethodicalEvent } from '../../../shared/schemas/event.ts';
import { catalogueDay } from '../../../shared/run-dates.ts';
import { placeFor, seatsToFill } from '../../../shared/seats.ts';
import type { Db } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';
import { experienceBandOf } from '../aggregates/experience.ts';
import { findRouteItem, updateRouteItem } from '../route/store.ts';
import { routeKindOfEvent, subjectFits } from '../../../shared/events/audience.ts';

/**
 * Methodical events and the teachers' sign-ups for them. Seats and the
 * waitlist follow the programmes' rule (shared/seats.ts): every change is one
 * IMMEDIATE transaction, which takes SQLite's write lock before it counts the
 * seats, so two sign-ups can never both take the last one.
 */

interface EventRow {
  id: string;
  kind: EventKind;
  title: string;
  topic: string;
  stage: string;
  municipalityId: number | null;
  municipality: string | null;
  start: string;
  end: string;
  place: string;
  seats: number;
  audienceSubject: string;
  audienceExperience: EventExperienceBand | null;
  archived: number;
}

const eventColumns = `e.id, e.kind, e.title, e.topic, e.stage, e.municipality_id AS municipalityId, m.name AS municipality,
  e.start_date AS start, e.end_date AS end, e.place, e.seats, e.audience_subject AS audienceSubject,
  e.audience_experience AS audienceExperience, e.archived
  FROM events e LEFT JOIN municipalities m ON m.id = e.municipality_id`;

export type StoredEvent = MethodicalEvent & { municipalityId: number | null };

function toEvent(row: EventRow): StoredEvent {
  const { archived, ...rest } = row;
  return { ...rest, archived: archived === 1 };
}

export function findEvent(db: Db, id: string): StoredEvent | undefined {
  const row = prepared(db, `SELECT ${eventColumns} WHERE e.id = ?`).get(id) as EventRow | undefined;
  return row && toEvent(row);
}

export type SaveEventResult = { kind: 'saved'; created: boolean } | { kind: 'unknownMunicipality' } | { kind: 'seatsBelowTaken'; taken: number };

/**
 * Creates or updates an event by its id. Lowering the seats below those held
 * is refused (nobody is put out); raising them gives the new seats to those
 * waiting, in the same transaction.
 */
export function saveEvent(db: Db, event: MethodicalEvent, actor: string, at: Date = new Date()): SaveEventResult {
  return db
    .transaction((): SaveEventResult => {
      let municipalityId: number | null = null;
      if (event.municipality !== null) {
        const found = prepared(db, 'SELECT id FROM municipalities WHERE name = ?').get(event.municipality) as { id: number } | undefined;
        if (!found) return { kind: 'unknownMunicipality' };
        municipalityId = found.id;
      }
      const existing = findEvent(db, event.id);
      if (existing) {
        const taken = seatsTaken(db, event.id);
        if (event.seats < taken) return { kind: 'seatsBelowTaken', taken };
      }
      const stamp = at.toISOString();
      prepared(
        db,
        `INSERT INTO events (id, kind, title, topic, stage, municipality_id, start_date, end_date, place, seats, audience_subject, audience_experience,
           archived, created_at, updated_at)
         VALUES (@id, @kind, @title, @topic, @stage, @municipalityId, @start, @end, @place, @seats, @audienceSubject, @audienceExperience, @archived, @at, @at)
         ON CONFLICT (id) DO UPDATE SET kind = @kind, title = @title, topic = @topic, stage = @stage, municipality_id = @municipalityId,
           start_date = @start, end_date = @end, place = @place, seats = @seats, audience_subject = @audienceSubject,
           audience_experience = @audienceExperience, archived = @archived, updated_at = @at`,
      ).run({
        id: event.id,
        kind: event.kind,
        title: event.title,
        topic: event.topic,
        stage: event.stage,
        municipalityId,
        start: event.start,
        end: event.end,
        place: event.place,
        seats: event.seats,
        audienceSubject: event.audienceSubject,
        audienceExperience: event.audienceExperience,
        archived: event.archived ? 1 : 0,
        at: stamp,
      });
      if (existing) promoteWaitlisted(db, event.id, stamp);
      audit(db, stamp, actor, existing ? 'event.update' : 'event.create', event.id, { kind: event.kind, municipality: event.municipality });
      return { kind: 'saved', created: !existing };
    })
    .immediate();
}

function audit(db: Db, at: string, actor: string, action: string, target: string, details: unknown): void {
  prepared(db, 'INSERT INTO audit_log (at, actor, action, target, details_json) VALUES (?, ?, ?, ?, ?)').run(
    at,
    actor,
    action,
    target,
    JSON.stringify(details),
  );
}

/** Events as staff list them: a methodist's municipality's and the republic's, or all; newest first. */
export function listEventsForStaff(db: Db, municipalities: 'all' | number[]): (StoredEvent & { seatsTaken: number; waitlisted: number; attended: number })[] {
  const rows = prepared(
    db,
    `SELECT ${eventColumns} WHERE (@all = 1 OR e.municipality_id IS NULL OR e.municipality_id IN (SELECT value FROM json_each(@municipalities)))
       ORDER BY e.start_date DESC, e.id`,
  ).all({ all: municipalities === 'all' ? 1 : 0, municipalities: JSON.stringify(municipalities === 'all' ? [] : municipalities) }) as EventRow[];
  return rows.map((row) => ({ ...toEvent(row), ...counts(db, row.id) }));
}

function counts(db: Db, eventId: string): { seatsTaken: number; waitlisted: number; attended: number } {
  return prepared(
    db,
    `SELECT coalesce(sum(status = 'confirmed'), 0) AS seatsTaken, coalesce(sum(status = 'waitlisted'), 0) AS waitlisted,
       coalesce(sum(attended_at IS NOT NULL), 0) AS attended FROM event_sign_ups WHERE event_id = ?`,
  ).get(eventId) as { seatsTaken: number; waitlisted: number; attended: number };
}

function seatsTaken(db: Db, eventId: string): number {
  return (prepared(db, "SELECT count(*) AS n FROM event_sign_ups WHERE event_id = ? AND status = 'confirmed'").get(eventId) as { n: number }).n;
}

/** Gives free seats of an event to those waiting, first come first served. Call inside a transaction. */
function promoteWaitlisted(db: Db, eventId: string, at: string): string[] {
  const event = prepared(db, 'SELECT seats FROM events WHERE id = ?').get(eventId) as { seats: number } | undefined;
  if (!event) return [];
  const free = seatsToFill(seatsTaken(db, eventId), event.seats);
  if (free === 0) return [];
  const next = prepared(db, "SELECT id FROM event_sign_ups WHERE event_id = ? AND status = 'waitlisted' ORDER BY queued_seq LIMIT ?").all(eventId, free) as {
    id: string;
  }[];
  const promote = prepared(db, "UPDATE event_sign_ups SET status = 'confirmed', updated_at = ? WHERE id = ?");
  for (const { id } of next) promote.run(at, id);
  return next.map(({ id }) => id);
}

interface SignUpRow {
  id: string;
  teacherId: number;
  eventId: string;
  status: EventSignUpStatus;
  queuedSeq: number;
  requestHash: string;
  routeItemId: string | null;
  attendedAt: string | null;
  result: CompetitionResult | null;
  feedbackJson: string | null;
}

const signUpColumns = `s.id, s.teacher_id AS teacherId, s.event_id AS eventId, s.status, s.queued_seq AS queuedSeq, s.request_hash AS requestHash,
  s.route_item_id AS routeItemId, s.attended_at AS attendedAt, s.result, s.feedback_json AS feedbackJson FROM event_sign_ups s`;

function findSignUp(db: Db, id: string): SignUpRow | undefined {
  return prepared(db, `SELECT ${signUpColumns} WHERE s.id = ?`).get(id) as SignUpRow | undefined;
}

function waitlistPosition(db: Db, row: Pick<SignUpRow, 'eventId' | 'queuedSeq'>): number {
  return (
    prepared(db, "SELECT count(*) AS n FROM event_sign_ups WHERE event_id = ? AND status = 'waitlisted' AND queued_seq <= ?").get(
      row.eventId,
      row.queuedSeq,
    ) as {
      n: number;
    }
  ).n;
}

function toSignUp(db: Db, row: SignUpRow): EventSignUp {
  return {
    id: row.id,
    eventId: row.eventId,
    status: row.status,
    waitlistPosition: row.status === 'waitlisted' ? waitlistPosition(db, row) : null,
    attended: row.attendedAt !== null,
    result: row.result,
    feedback: row.feedbackJson ? (JSON.parse(row.feedbackJson) as EventFeedback) : null,
  };
}

interface TeacherAudience {
  municipalityId: number;
  subjects: string;
  experienceYears: number | null;
}

function teacherAudience(db: Db, teacherId: number): TeacherAudience | undefined {
  return prepared(
    db,
    `SELECT s.municipality_id AS municipalityId, t.subjects, t.experience_years AS experienceYears
       FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id = ?`,
  ).get(teacherId) as TeacherAudience | undefined;
}

/** Is the event for this teacher: her municipality's or the republic's, her subject, her experience band? */
function isFor(event: Pick<StoredEvent, 'municipalityId' | 'audienceSubject' | 'audienceExperience'>, teacher: TeacherAudience): boolean {
  if (event.municipalityId !== null && event.municipalityId !== teacher.municipalityId) return false;
  if (!subjectFits(event.audienceSubject, teacher.subjects)) return false;
  return event.audienceExperience === null || event.audienceExperience === experienceBandOf(teacher.experienceYears);
}

/** The events for a teacher that have not ended, soonest first, with her own live sign-up. */
export function eventsForTeacher(db: Db, teacherId: number, kind: EventKind | undefined, at: Date = new Date()): EventEntry[] {
  const teacher = teacherAudience(db, teacherId);
  if (!teacher) return [];
  const rows = prepared(
    db,
    `SELECT ${eventColumns} WHERE e.archived = 0 AND e.end_date >= @today AND (@kind IS NULL OR e.kind = @kind)
       AND (e.municipality_id IS NULL OR e.municipality_id = @municipalityId) ORDER BY e.start_date, e.id`,
  ).all({ today: catalogueDay(at), kind: kind ?? null, municipalityId: teacher.municipalityId }) as EventRow[];
  const mine = new Map(
    (prepared(db, `SELECT ${signUpColumns} WHERE s.teacher_id = ? AND s.status <> 'cancelled'`).all(teacherId) as SignUpRow[]).map((row) => [row.eventId, row]),
  );
  return rows
    .map(toEvent)
    .filter((event) => isFor(event, teacher))
    .map(({ archived: _, municipalityId: __, ...event }) => {
      const { seatsTaken, waitlisted } = counts(db, event.id);
      const own = mine.get(event.id);
      return { ...event, seatsTaken, waitlisted, mySignUp: own ? toSignUp(db, own) : null };
    });
}

/** What identifies a sign-up request: a retry must carry exactly this, under the same id. */
function signUpHash(teacherId: number, eventId: string, routeItemId: string | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([teacherId, eventId, routeItemId ?? null]))
    .digest('hex');
}

export interface EventSignUpRequest {
  id: string;
  teacherId: number;
  eventId: string;
  routeItemId?: string | undefined;
}

export type EventSignUpResult =
  | { kind: 'created'; signUp: EventSignUp }
  | { kind: 'replayed'; signUp: EventSignUp }
  | { kind: 'idReused' }
  | { kind: 'alreadySignedUp'; signUp: EventSignUp }
  | { kind: 'eventNotFound' }
  | { kind: 'archived' }
  | { kind: 'ended' }
  | { kind: 'notForTeacher'; municipality: string | null }
  | { kind: 'routeItemNotFitting' };

/**
 * Signs a teacher up: a seat while one remains, else the waitlist. The same
 * id with the same request answers what is stored, so the outbox may retry.
 * From an ИОМ item (МО or конкурс) of a fitting kind, the item is accepted.
 */
export function signUpForEvent(db: Db, request: EventSignUpRequest, at: Date = new Date()): EventSignUpResult {
  return db
    .transaction((): EventSignUpResult => {
      const hash = signUpHash(request.teacherId, request.eventId, request.routeItemId);
      const stored = findSignUp(db, request.id);
      if (stored) return stored.requestHash === hash ? { kind: 'replayed', signUp: toSignUp(db, stored) } : { kind: 'idReused' };
      const event = findEvent(db, request.eventId);
      const teacher = teacherAudience(db, request.teacherId);
      if (!event || !teacher) return { kind: 'eventNotFound' };
      if (event.archived) return { kind: 'archived' };
      if (event.end < catalogueDay(at)) return { kind: 'ended' };
      if (!isFor(event, teacher)) return { kind: 'notForTeacher', municipality: event.municipality };
      if (request.routeItemId !== undefined) {
        const item = findRouteItem(db, request.teacherId, request.routeItemId, { includePrivate: false });
        if (!item || item.retiredAt !== null || item.kind !== routeKindOfEvent[event.kind]) return { kind: 'routeItemNotFitting' };
      }
      const live = prepared(db, `SELECT ${signUpColumns} WHERE s.teacher_id = ? AND s.event_id = ? AND s.status <> 'cancelled' LIMIT 1`).get(
        request.teacherId,
        request.eventId,
      ) as SignUpRow | undefined;
      if (live) return { kind: 'alreadySignedUp', signUp: toSignUp(db, live) };

      const status = placeFor(seatsTaken(db, request.eventId), event.seats);
      const { seq } = prepared(db, 'SELECT coalesce(max(queued_seq), 0) + 1 AS seq FROM event_sign_ups WHERE event_id = ?').get(request.eventId) as {
        seq: number;
      };
      const stamp = at.toISOString();
      prepared(
        db,
        `INSERT INTO event_sign_ups (id, teacher_id, event_id, status, queued_seq, request_hash, route_item_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(request.id, request.teacherId, request.eventId, status, seq, hash, request.routeItemId ?? null, stamp, stamp);
      if (request.routeItemId !== undefined) {
        const item = findRouteItem(db, request.teacherId, request.routeItemId, { includePrivate: false })!;
        if (item.status === 'suggested' || item.status === 'postponed') updateRouteItem(db, request.teacherId, item.id, { status: 'accepted' });
      }
      return { kind: 'created', signUp: toSignUp(db, findSignUp(db, request.id)!) };
    })
    .immediate();
}

export type EventCancelResult = { kind: 'cancelled'; signUp: EventSignUp } | { kind: 'notFound' } | { kind: 'attended' };

/** Cancels the teacher's own sign-up; a freed seat goes to the first waiting. Cancelling again changes nothing. */
export function cancelEventSignUp(db: Db, teacherId: number, id: string, at: Date = new Date()): EventCancelResult {
  return db
    .transaction((): EventCancelResult => {
      const row = findSignUp(db, id);
      if (!row || row.teacherId !== teacherId) return { kind: 'notFound' };
      if (row.attendedAt !== null) return { kind: 'attended' };
      if (row.status === 'cancelled') return { kind: 'cancelled', signUp: toSignUp(db, row) };
      const stamp = at.toISOString();
      prepared(db, "UPDATE event_sign_ups SET status = 'cancelled', updated_at = ? WHERE id = ?").run(stamp, id);
      if (row.status === 'confirmed') promoteWaitlisted(db, row.eventId, stamp);
      return { kind: 'cancelled', signUp: toSignUp(db, { ...row, status: 'cancelled' }) };
    })
    .immediate();
}

export type AttendanceResult = { kind: 'marked'; routeItemDone: string | null } | { kind: 'notFound' } | { kind: 'notConfirmed' } | { kind: 'notStarted' };

/**
 * Staff mark a teacher present (or not). Present: the ИОМ item she signed up
 * from — or else her first open item of the fitting kind (МО, конкурс) — is
 * done, as she did it. Taking the mark back leaves the item as it is.
 */
export function markAttendance(db: Db, signUpId: string, present: boolean, actor: string, at: Date = new Date()): AttendanceResult {
  return db
    .transaction((): AttendanceResult => {
      const row = findSignUp(db, signUpId);
      if (!row) return { kind: 'notFound' };
      const event = findEvent(db, row.eventId)!;
      if (present && row.status !== 'confirmed') return { kind: 'notConfirmed' };
      if (present && event.start > catalogueDay(at)) return { kind: 'notStarted' };
      const stamp = at.toISOString();
      prepared(db, 'UPDATE event_sign_ups SET attended_at = ?, updated_at = ? WHERE id = ?').run(present ? (row.attendedAt ?? stamp) : null, stamp, signUpId);
      audit(db, stamp, actor, present ? 'event.attended' : 'event.absent', row.eventId, { signUpId, teacherId: row.teacherId });
      const routeItemDone = present ? completeRouteItem(db, row, event.kind) : null;
      return { kind: 'marked', routeItemDone };
    })
    .immediate();
}

function completeRouteItem(db: Db, row: SignUpRow, kind: EventKind): string | null {
  const routeKind = routeKindOfEvent[kind];
  if (!routeKind) return null;
  const own = row.routeItemId === null ? undefined : findRouteItem(db, row.teacherId, row.routeItemId, { includePrivate: false });
  const item =
    own && own.retiredAt === null
      ? own
      : (prepared(
          db,
          `SELECT id, status FROM route_items WHERE teacher_id = ? AND kind = ? AND retired_at IS NULL AND private = 0 AND status <> 'done'
             ORDER BY status <> 'accepted', position, created_at, rowid LIMIT 1`,
        ).get(row.teacherId, routeKind) as { id: string; status: string } | undefined);
  if (!item) return null;
  if (item.status !== 'done' && item.status !== 'accepted') updateRouteItem(db, row.teacherId, item.id, { status: 'accepted' });
  updateRouteItem(db, row.teacherId, item.id, { status: 'done' });
  return item.id;
}

export type ResultOutcome = { kind: 'saved' } | { kind: 'notFound' } | { kind: 'notCompetition' } | { kind: 'notAttended' };

/** Staff record a competition participant's result (or clear it); only for one marked present. */
export function setCompetitionResult(db: Db, signUpId: string, result: CompetitionResult | null, actor: string, at: Date = new Date()): ResultOutcome {
  return db
    .transaction((): ResultOutcome => {
      const row = findSignUp(db, signUpId);
      if (!row) return { kind: 'notFound' };
      if (findEvent(db, row.eventId)!.kind !== 'competition') return { kind: 'notCompetition' };
      if (result !== null && row.attendedAt === null) return { kind: 'notAttended' };
      const stamp = at.toISOString();
      prepared(db, 'UPDATE event_sign_ups SET result = ?, updated_at = ? WHERE id = ?').run(result, stamp, signUpId);
      audit(db, stamp, actor, 'event.result', row.eventId, { signUpId, teacherId: row.teacherId, result });
      return { kind: 'saved' };
    })
    .immediate();
}

export type EventFeedbackResult = { kind: 'saved'; signUp: EventSignUp } | { kind: 'notFound' } | { kind: 'notAttended' };

/** The teacher's three answers after an event she was marked present at; a second replaces the first. */
export function saveEventFeedback(db: Db, teacherId: number, id: string, feedback: EventFeedback, at: Date = new Date()): EventFeedbackResult {
  return db
    .transaction((): EventFeedbackResult => {
      const row = findSignUp(db, id);
      if (!row || row.teacherId !== teacherId) return { kind: 'notFound' };
      if (row.attendedAt === null) return { kind: 'notAttended' };
      const stored: EventFeedback = { satisfied: feedback.satisfied, useful: feedback.useful, comment: feedback.comment };
      prepared(db, 'UPDATE event_sign_ups SET feedback_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(stored), at.toISOString(), id);
      return { kind: 'saved', signUp: toSignUp(db, { ...row, feedbackJson: JSON.stringify(stored) }) };
    })
    .immediate();
}

/** The teacher's own sign-ups, newest event first. */
export function teacherEventSignUps(db: Db, teacherId: number): MyEventSignUpEntry[] {
  const rows = prepared(
    db,
    `SELECT e.kind, e.title, e.start_date AS start, e.end_date AS end, e.place, ${signUpColumns} JOIN events e ON e.id = s.event_id
       WHERE s.teacher_id = ? ORDER BY e.start_date DESC, s.created_at DESC`,
  ).all(teacherId) as (SignUpRow & { kind: EventKind; title: string; start: string; end: string; place: string })[];
  return rows.map((row) => ({ ...toSignUp(db, row), kind: row.kind, title: row.title, start: row.start, end: row.end, place: row.place }));
}

/** A sign-up as the staff's list of an event shows it. */
export interface EventSignUpListRow {
  id: string;
  teacherId: number;
  lastName: string;
  firstName: string;
  middleName: string;
  erased: number;
  school: string;
  municipality: string;
  municipalityId: number;
  status: EventSignUpStatus;
  attended: number;
  result: CompetitionResult | null;
}

/** Live sign-ups in the order they came (the waitlist order), cancelled last; only the scope's teachers. */
export function eventSignUpList(db: Db, eventId: string, municipalities: 'all' | number[]): EventSignUpListRow[] {
  return prepared(
    db,
    `SELECT s.id, s.teacher_id AS teacherId, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName,
         t.erased_at IS NOT NULL AS erased, sc.name AS school, m.name AS municipality, m.id AS municipalityId, s.status,
         s.attended_at IS NOT NULL AS attended, s.result
       FROM event_sign_ups s JOIN teachers t ON t.id = s.teacher_id JOIN schools sc ON sc.id = t.school_id JOIN municipalities m ON m.id = sc.municipality_id
       WHERE s.event_id = @eventId AND (@all = 1 OR sc.municipality_id IN (SELECT value FROM json_each(@municipalities)))
       ORDER BY s.status = 'cancelled', s.queued_seq`,
  ).all({
    eventId,
    all: municipalities === 'all' ? 1 : 0,
    municipalities: JSON.stringify(municipalities === 'all' ? [] : municipalities),
  }) as EventSignUpListRow[];
}

/** The municipality of a sign-up's teacher (the staff's scope check before marking). */
export function signUpTeacherMunicipality(db: Db, signUpId: string): { municipalityId: number; eventId: string } | undefined {
  return prepared(
    db,
    `SELECT sc.municipality_id AS municipalityId, s.event_id AS eventId FROM event_sign_ups s JOIN teachers t ON t.id = s.teacher_id
       JOIN schools sc ON sc.id = t.school_id WHERE s.id = ?`,
  ).get(signUpId) as { municipalityId: number; eventId: string } | undefined;
}

/**
 * Erasure (DELETE /me): her places at events still to come are given up (a
 * seat to the first waiting), and the comment of her ratings is blanked; the
 * anonymous attendance, results and answers stay for the counts. Call inside
 * the erasure's transaction. Returns how many places were given up.
 */
export function releaseTeacherEventPlaces(db: Db, teacherId: number, at: string): number {
  const today = at.slice(0, 10);
  const places = prepared(
    db,
    `SELECT s.id, s.event_id AS eventId, s.status FROM event_sign_ups s JOIN events e ON e.id = s.event_id
       WHERE s.teacher_id = ? AND s.status IN ('confirmed', 'waitlisted') AND e.start_date > ?`,
  ).all(teacherId, today) as { id: string; eventId: string; status: EventSignUpStatus }[];
  const cancel = prepared(db, "UPDATE event_sign_ups SET status = 'cancelled', updated_at = ? WHERE id = ?");
  for (const place of places) {
    cancel.run(at, place.id);
    if (place.status === 'confirmed') promoteWaitlisted(db, place.eventId, at);
  }
  prepared(
    db,
    `UPDATE event_sign_ups SET feedback_json = json_set(feedback_json, '$.comment', ''), route_item_id = NULL
       WHERE teacher_id = ? AND (feedback_json IS NOT NULL OR route_item_id IS NOT NULL)`,
  ).run(teacherId);
  return places.length;
}
