import { type CompetencyId, competencyIds } from '../../../shared/competencies.ts';
import { isEarlyCareer } from '../../../shared/api/me.ts';
import { type Meeting, type MeetingRequest, type MyMentoring, type PairView, meetingRequestSchema, mentorLoadLimit } from '../../../shared/api/mentoring.ts';
import { type Db, now } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';
import { type MentoringScope, canPairTeacher, schoolFilter } from './scope.ts';

/**
 * Наставничество's SQL: who may mentor, pairs, suggestions, meetings. The
 * meeting's note is read by `myMentoring` alone (the pair's two teachers,
 * in the panel); every staff reading here leaves it out.
 */

interface Candidate {
  id: number;
  name: string;
  schoolId: number;
  school: string;
  municipalityId: number;
  subjects: string;
  experienceYears: number | null;
  category: string;
  offered: number;
  contact: string;
  erasedAt: string | null;
}

const candidateColumns = `t.id, trim(t.last_name || ' ' || t.first_name || ' ' || t.middle_name) AS name, t.school_id AS schoolId, s.name AS school,
  s.municipality_id AS municipalityId, t.subjects, t.experience_years AS experienceYears, t.category,
  (o.teacher_id IS NOT NULL) AS offered, coalesce(o.contact, '') AS contact, t.erased_at AS erasedAt
  FROM teachers t JOIN schools s ON s.id = t.school_id LEFT JOIN mentor_offers o ON o.teacher_id = t.id`;

function candidate(db: Db, id: number): Candidate | undefined {
  return prepared(db, `SELECT ${candidateColumns} WHERE t.id = ?`).get(id) as Candidate | undefined;
}

/** A mentor: status педагог-наставник on the roster or in the teacher's own data, or she offered in the panel; never an early-career teacher herself. */
function mayMentor(teacher: Candidate): boolean {
  if (isEarlyCareer(teacher.experienceYears) === true) return false;
  return teacher.offered === 1 || teacher.category.endsWith(':mentor');
}

/** The competencies in which a teacher stands at a deficit now (the aggregates' current standings). */
export function deficitCompetencies(db: Db, teacherId: number): CompetencyId[] {
  const areas = prepared(db, `SELECT area FROM teacher_standings WHERE teacher_id = ? AND area <> 'wellbeing' AND level IN ('highDeficit', 'moderateDeficit')`)
    .pluck()
    .all(teacherId) as string[];
  return competencyIds.filter((id) => areas.includes(id));
}

/** The competencies in which a teacher is strong: a score without a deficit. */
function strongCompetencies(db: Db, teacherId: number): CompetencyId[] {
  const areas = prepared(db, `SELECT area FROM teacher_standings WHERE teacher_id = ? AND level = 'noDeficit'`).pluck().all(teacherId) as string[];
  return competencyIds.filter((id) => areas.includes(id));
}

function liveLoad(db: Db, mentorId: number): number {
  return prepared(db, 'SELECT count(*) FROM mentoring_pairs WHERE mentor_id = ? AND ended_at IS NULL').pluck().get(mentorId) as number;
}

function subjectsOf(text: string): Set<string> {
  return new Set(
    text
      .split(/[,;]/)
      .map((subject) => subject.trim().toLowerCase().replace(/ё/g, 'е'))
      .filter(Boolean),
  );
}

export interface MentorSuggestion {
  teacherId: number;
  name: string;
  school: string;
  sameSchool: boolean;
  /** Subjects both teach. */
  sharedSubjects: string[];
  /** The mentee's deficits in which the mentor has none. */
  strengths: CompetencyId[];
  /** Live pairs the mentor leads now (below mentorLoadLimit, or she is not suggested). */
  load: number;
}

/**
 * Mentors for an early-career teacher, best first: of her school before
 * others, then those who teach a subject she teaches, then those strong in
 * more of her deficits, then the less loaded. Only mentors of her
 * municipality within the scope, and none who already leads
 * `mentorLoadLimit` pairs.
 */
export function suggestMentors(db: Db, scope: MentoringScope, menteeId: number, limit = 10): MentorSuggestion[] {
  const mentee = candidate(db, menteeId);
  if (!mentee || mentee.erasedAt) return [];
  const filter = schoolFilter(scope);
  const rows = prepared(
    db,
    `SELECT ${candidateColumns} WHERE s.municipality_id = ? AND t.id <> ? AND t.erased_at IS NULL AND ${filter.sql}
       AND (o.teacher_id IS NOT NULL OR t.category LIKE '%:mentor')`,
  ).all(mentee.municipalityId, menteeId, ...filter.params) as Candidate[];
  const deficits = deficitCompetencies(db, menteeId);
  const menteeSubjects = subjectsOf(mentee.subjects);
  const ranked = rows
    .filter(mayMentor)
    .map((mentor): MentorSuggestion => {
      const strong = strongCompetencies(db, mentor.id);
      return {
        teacherId: mentor.id,
        name: mentor.name,
        school: mentor.school,
        sameSchool: mentor.schoolId === mentee.schoolId,
        sharedSubjects: [...subjectsOf(mentor.subjects)].filter((subject) => menteeSubjects.has(subject)),
        strengths: deficits.filter((id) => strong.includes(id)),
        load: liveLoad(db, mentor.id),
      };
    })
    .filter((suggestion) => suggestion.load < mentorLoadLimit);
  ranked.sort(
    (a, b) =>
      Number(b.sameSchool) - Number(a.sameSchool) ||
      Number(b.sharedSubjects.length > 0) - Number(a.sharedSubjects.length > 0) ||
      b.strengths.length - a.strengths.length ||
      a.load - b.load ||
      a.name.localeCompare(b.name, 'ru'),
  );
  return ranked.slice(0, limit);
}

export interface NewPair {
  menteeId: number;
  mentorId: number;
  /** Focus competencies; empty: the mentee's deficits. */
  focus: CompetencyId[];
  startedOn: string;
  endsOn: string | null;
}

export type AssignResult =
  | { kind: 'created'; pairId: number }
  | { kind: 'notFound' }
  | { kind: 'outOfScope' }
  | { kind: 'sameTeacher' }
  | { kind: 'otherMunicipality' }
  | { kind: 'notEarlyCareer' }
  | { kind: 'notMentor' }
  | { kind: 'alreadyPaired' }
  | { kind: 'mentorFull' }
  | { kind: 'endsBeforeStart' };

/** Pairs a mentor with an early-career teacher, if every rule allows it; nothing changes otherwise. */
export function assignMentor(db: Db, scope: MentoringScope, pair: NewPair, actor: string): AssignResult {
  return db
    .transaction((): AssignResult => {
      const mentee = candidate(db, pair.menteeId);
      const mentor = candidate(db, pair.mentorId);
      if (!mentee || !mentor || mentee.erasedAt || mentor.erasedAt) return { kind: 'notFound' };
      if (!canPairTeacher(scope, mentee) || !canPairTeacher(scope, mentor)) return { kind: 'outOfScope' };
      if (mentee.id === mentor.id) return { kind: 'sameTeacher' };
      if (mentee.municipalityId !== mentor.municipalityId) return { kind: 'otherMunicipality' };
      if (isEarlyCareer(mentee.experienceYears) !== true) return { kind: 'notEarlyCareer' };
      if (!mayMentor(mentor)) return { kind: 'notMentor' };
      if (pair.endsOn !== null && pair.endsOn < pair.startedOn) return { kind: 'endsBeforeStart' };
      if (prepared(db, 'SELECT 1 FROM mentoring_pairs WHERE mentee_id = ? AND ended_at IS NULL').get(mentee.id)) return { kind: 'alreadyPaired' };
      if (liveLoad(db, mentor.id) >= mentorLoadLimit) return { kind: 'mentorFull' };
      const focus = pair.focus.length > 0 ? pair.focus : deficitCompetencies(db, mentee.id);
      const result = prepared(
        db,
        `INSERT INTO mentoring_pairs (mentor_id, mentee_id, focus_json, started_on, ends_on, assigned_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(mentor.id, mentee.id, JSON.stringify(focus), pair.startedOn, pair.endsOn, actor, now());
      return { kind: 'created', pairId: Number(result.lastInsertRowid) };
    })
    .immediate();
}

interface PairRow {
  id: number;
  mentorId: number;
  menteeId: number;
  focusJson: string;
  startedOn: string;
  endsOn: string | null;
  endRequestedBy: 'mentor' | 'mentee' | null;
  endRequestReason: string | null;
  endedAt: string | null;
  municipalityId: number;
  schoolId: number;
}

const pairColumns = `p.id, p.mentor_id AS mentorId, p.mentee_id AS menteeId, p.focus_json AS focusJson, p.started_on AS startedOn,
  p.ends_on AS endsOn, p.end_requested_by AS endRequestedBy, p.end_request_reason AS endRequestReason, p.ended_at AS endedAt,
  s.municipality_id AS municipalityId, s.id AS schoolId
  FROM mentoring_pairs p JOIN teachers tm ON tm.id = p.mentee_id JOIN schools s ON s.id = tm.school_id`;

function pairRow(db: Db, pairId: number): PairRow | undefined {
  return prepared(db, `SELECT ${pairColumns} WHERE p.id = ?`).get(pairId) as PairRow | undefined;
}

/** The pair's meetings with their notes: for the pair's two teachers only. */
function meetingsOfPair(db: Db, pairId: number): Meeting[] {
  return prepared(
    db,
    'SELECT id, pair_id AS pairId, held_on AS heldOn, minutes, competency, note FROM mentoring_meetings WHERE pair_id = ? ORDER BY held_on DESC, received_at DESC',
  ).all(pairId) as Meeting[];
}

function pairView(db: Db, row: PairRow, viewer: 'mentor' | 'mentee'): PairView {
  const partner = candidate(db, viewer === 'mentor' ? row.menteeId : row.mentorId)!;
  return {
    pairId: row.id,
    partner: { name: partner.name, school: partner.school, contact: viewer === 'mentee' ? partner.contact : '' },
    focus: JSON.parse(row.focusJson) as CompetencyId[],
    startedOn: row.startedOn,
    endsOn: row.endsOn,
    endRequested: row.endRequestedBy ? { by: row.endRequestedBy, reason: row.endRequestReason ?? '' } : null,
    meetings: meetingsOfPair(db, row.id),
  };
}

/** What the panel shows a teacher: her live pair as a mentee, her live pairs as a mentor, her offer. */
export function myMentoring(db: Db, teacherId: number): MyMentoring {
  const asMentee = prepared(db, `SELECT ${pairColumns} WHERE p.mentee_id = ? AND p.ended_at IS NULL`).get(teacherId) as PairRow | undefined;
  const asMentor = prepared(db, `SELECT ${pairColumns} WHERE p.mentor_id = ? AND p.ended_at IS NULL ORDER BY p.id`).all(teacherId) as PairRow[];
  const offer = prepared(db, 'SELECT contact FROM mentor_offers WHERE teacher_id = ?').get(teacherId) as { contact: string } | undefined;
  return {
    asMentee: asMentee ? pairView(db, asMentee, 'mentee') : null,
    asMentor: asMentor.map((row) => pairView(db, row, 'mentor')),
    offer: { volunteer: offer !== undefined, contact: offer?.contact ?? '' },
  };
}

/** The teacher offers to mentor, with the contact her mentees will see; or withdraws the offer (her live pairs go on). */
export function setMentorOffer(db: Db, teacherId: number, offer: { volunteer: boolean; contact: string }): MyMentoring['offer'] {
  if (offer.volunteer) {
    prepared(
      db,
      'INSERT INTO mentor_offers (teacher_id, contact, offered_at) VALUES (?, ?, ?) ON CONFLICT (teacher_id) DO UPDATE SET contact = excluded.contact',
    ).run(teacherId, offer.contact, now());
  } else {
    prepared(db, 'DELETE FROM mentor_offers WHERE teacher_id = ?').run(teacherId);
  }
  return myMentoring(db, teacherId).offer;
}

export type MeetingResult =
  | { kind: 'created'; meeting: Meeting }
  | { kind: 'replayed'; meeting: Meeting }
  | { kind: 'idReused' }
  | { kind: 'pairNotFound' }
  | { kind: 'pairEnded' }
  | { kind: 'inFuture' }
  | { kind: 'beforeStart' };

/**
 * The mentor logs a meeting of her pair. The id is the client's: the same
 * meeting sent again (the outbox retries) is answered with the stored one
 * and counted once; the same id with other content is refused.
 */
export function logMeeting(db: Db, teacherId: number, input: MeetingRequest, today = now().slice(0, 10)): MeetingResult {
  const request = meetingRequestSchema.parse(input);
  return db
    .transaction((): MeetingResult => {
      const stored = prepared(db, 'SELECT id, pair_id AS pairId, held_on AS heldOn, minutes, competency, note FROM mentoring_meetings WHERE id = ?').get(
        request.id,
      ) as Meeting | undefined;
      const pair = pairRow(db, request.pairId);
      if (stored) {
        const same =
          pair?.mentorId === teacherId &&
          stored.pairId === request.pairId &&
          stored.heldOn === request.heldOn &&
          stored.minutes === request.minutes &&
          stored.competency === request.competency &&
          stored.note === request.note;
        return same ? { kind: 'replayed', meeting: stored } : { kind: 'idReused' };
      }
      if (!pair || pair.mentorId !== teacherId) return { kind: 'pairNotFound' };
      if (pair.endedAt) return { kind: 'pairEnded' };
      if (request.heldOn > today) return { kind: 'inFuture' };
      if (request.heldOn < pair.startedOn) return { kind: 'beforeStart' };
      prepared(db, 'INSERT INTO mentoring_meetings (id, pair_id, held_on, minutes, competency, note, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        request.id,
        pair.id,
        request.heldOn,
        request.minutes,
        request.competency,
        request.note,
        now(),
      );
      const meeting: Meeting = {
        id: request.id,
        pairId: pair.id,
        heldOn: request.heldOn,
        minutes: request.minutes,
        competency: request.competency,
        note: request.note,
      };
      return { kind: 'created', meeting };
    })
    .immediate();
}

/** Either side asks to end her live pair, saying why; staff see the request and end it. Undefined when the pair is not hers or has ended. */
export function requestPairEnd(db: Db, teacherId: number, pairId: number, reason: string): PairView | undefined {
  const pair = pairRow(db, pairId);
  if (!pair || pair.endedAt) return undefined;
  const by = pair.mentorId === teacherId ? 'mentor' : pair.menteeId === teacherId ? 'mentee' : undefined;
  if (!by) return undefined;
  prepared(db, 'UPDATE mentoring_pairs SET end_requested_by = ?, end_request_reason = ? WHERE id = ?').run(by, reason, pairId);
  return pairView(db, pairRow(db, pairId)!, by);
}

/** Staff end a live pair within their scope, with a reason. */
export function endPair(db: Db, scope: MentoringScope, pairId: number, reason: string): 'ended' | 'notFound' | 'outOfScope' {
  const pair = pairRow(db, pairId);
  if (!pair || pair.endedAt) return 'notFound';
  if (!canPairTeacher(scope, pair)) return 'outOfScope';
  prepared(db, 'UPDATE mentoring_pairs SET ended_at = ?, end_reason = ? WHERE id = ?').run(now(), reason, pairId);
  return 'ended';
}

/** Where a pair's mentee works, for the scope checks; undefined for an unknown pair. */
export function pairPlace(db: Db, pairId: number): { municipalityId: number; schoolId: number } | undefined {
  const pair = pairRow(db, pairId);
  return pair && { municipalityId: pair.municipalityId, schoolId: pair.schoolId };
}

export interface UnpairedTeacher {
  id: number;
  name: string;
  school: string;
  experienceYears: number;
  /** Competencies at выраженный дефицит: flagged to the methodist. */
  highDeficits: CompetencyId[];
}

export interface StaffPairRow {
  id: number;
  mentor: string;
  mentee: string;
  school: string;
  focus: CompetencyId[];
  startedOn: string;
  endsOn: string | null;
  /** Meetings logged and their minutes: never their notes. */
  meetings: number;
  minutes: number;
  endRequested: { by: 'mentor' | 'mentee'; reason: string } | null;
}

export interface MentoringOverview {
  unpaired: UnpairedTeacher[];
  pairs: StaffPairRow[];
  load: { name: string; school: string; pairs: number }[];
  /** Meetings by month (YYYY-MM), newest first. */
  byMonth: { month: string; meetings: number; minutes: number; pairs: number }[];
  earlyCareer: number;
  withMentor: number;
  mentors: number;
}

/** «Наставничество» for staff: counts and lists within the scope, without a single note. */
export function mentoringOverview(db: Db, scope: MentoringScope): MentoringOverview {
  const filter = schoolFilter(scope);
  const early = prepared(
    db,
    `SELECT t.id, trim(t.last_name || ' ' || t.first_name || ' ' || t.middle_name) AS name, s.name AS school, t.experience_years AS experienceYears,
         EXISTS (SELECT 1 FROM mentoring_pairs p WHERE p.mentee_id = t.id AND p.ended_at IS NULL) AS paired
       FROM teachers t JOIN schools s ON s.id = t.school_id
       WHERE t.erased_at IS NULL AND t.experience_years IS NOT NULL AND t.experience_years < 3 AND ${filter.sql}
       ORDER BY t.last_name, t.first_name, t.id`,
  ).all(...filter.params) as { id: number; name: string; school: string; experienceYears: number; paired: number }[];
  const highDeficits = (id: number) =>
    competencyIds.filter((area) => prepared(db, `SELECT 1 FROM teacher_standings WHERE teacher_id = ? AND area = ? AND level = 'highDeficit'`).get(id, area));
  const unpaired = early.filter((row) => !row.paired).map(({ paired: _, ...row }) => ({ ...row, highDeficits: highDeficits(row.id) }));
  unpaired.sort((a, b) => b.highDeficits.length - a.highDeficits.length);
  const pairs = (
    prepared(
      db,
      `SELECT p.id, trim(tr.last_name || ' ' || tr.first_name || ' ' || tr.middle_name) AS mentor,
           trim(tm.last_name || ' ' || tm.first_name || ' ' || tm.middle_name) AS mentee, s.name AS school, p.focus_json AS focusJson,
           p.started_on AS startedOn, p.ends_on AS endsOn, p.end_requested_by AS endRequestedBy, p.end_request_reason AS endRequestReason,
           (SELECT count(*) FROM mentoring_meetings g WHERE g.pair_id = p.id) AS meetings,
           (SELECT coalesce(sum(g.minutes), 0) FROM mentoring_meetings g WHERE g.pair_id = p.id) AS minutes
         FROM mentoring_pairs p JOIN teachers tm ON tm.id = p.mentee_id JOIN teachers tr ON tr.id = p.mentor_id JOIN schools s ON s.id = tm.school_id
         WHERE p.ended_at IS NULL AND ${filter.sql} ORDER BY p.started_on DESC, p.id DESC`,
    ).all(...filter.params) as (Omit<StaffPairRow, 'focus' | 'endRequested'> & {
      focusJson: string;
      endRequestedBy: 'mentor' | 'mentee' | null;
      endRequestReason: string | null;
    })[]
  ).map(({ focusJson, endRequestedBy, endRequestReason, ...row }) => ({
    ...row,
    focus: JSON.parse(focusJson) as CompetencyId[],
    endRequested: endRequestedBy ? { by: endRequestedBy, reason: endRequestReason ?? '' } : null,
  }));
  const load = prepared(
    db,
    `SELECT trim(tr.last_name || ' ' || tr.first_name || ' ' || tr.middle_name) AS name, sr.name AS school, count(*) AS pairs
       FROM mentoring_pairs p JOIN teachers tr ON tr.id = p.mentor_id JOIN schools sr ON sr.id = tr.school_id
       JOIN teachers tm ON tm.id = p.mentee_id JOIN schools s ON s.id = tm.school_id
       WHERE p.ended_at IS NULL AND ${filter.sql} GROUP BY p.mentor_id ORDER BY pairs DESC, name`,
  ).all(...filter.params) as { name: string; school: string; pairs: number }[];
  const byMonth = prepared(
    db,
    `SELECT substr(g.held_on, 1, 7) AS month, count(*) AS meetings, sum(g.minutes) AS minutes, count(DISTINCT g.pair_id) AS pairs
       FROM mentoring_meetings g JOIN mentoring_pairs p ON p.id = g.pair_id JOIN teachers tm ON tm.id = p.mentee_id JOIN schools s ON s.id = tm.school_id
       WHERE ${filter.sql} GROUP BY month ORDER BY month DESC LIMIT 12`,
  ).all(...filter.params) as MentoringOverview['byMonth'];
  const mentors = prepared(
    db,
    `SELECT count(*) FROM teachers t JOIN schools s ON s.id = t.school_id LEFT JOIN mentor_offers o ON o.teacher_id = t.id
       WHERE t.erased_at IS NULL AND (t.experience_years IS NULL OR t.experience_years >= 3)
         AND (o.teacher_id IS NOT NULL OR t.category LIKE '%:mentor') AND ${filter.sql}`,
  )
    .pluck()
    .get(...filter.params) as number;
  return { unpaired, pairs, load, byMonth, earlyCareer: early.length, withMentor: early.length - unpaired.length, mentors };
}

/** Early-career teachers within the scope: who the assignment form offers as mentees. */
export function menteeChoices(db: Db, scope: MentoringScope): { id: number; name: string; school: string }[] {
  return mentoringOverview(db, scope).unpaired.map(({ id, name, school }) => ({ id, name, school }));
}
