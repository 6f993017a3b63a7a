import type { Audience, Question } from '../../../shared/api/consultations.ts';
import { type Db, now } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';

/** A consultation as stored. */
export interface Consultation {
  id: number;
  title: string;
  text: string;
  questions: Question[];
  audience: Audience;
  opensOn: string;
  closesOn: string;
  createdAt: string;
  conclusion: string | null;
  concludedAt: string | null;
}

interface Row {
  id: number;
  title: string;
  body: string;
  questions: string;
  audience: string;
  opensOn: string;
  closesOn: string;
  createdAt: string;
  conclusion: string | null;
  concludedAt: string | null;
}

const columns = `id, title, body, questions_json AS questions, audience_json AS audience, opens_on AS opensOn, closes_on AS closesOn,
  created_at AS createdAt, conclusion, concluded_at AS concludedAt FROM consultations`;

function fromRow(row: Row): Consultation {
  const { body, questions, audience, ...rest } = row;
  return { ...rest, text: body, questions: JSON.parse(questions) as Question[], audience: JSON.parse(audience) as Audience };
}

export function insertConsultation(
  db: Db,
  c: { title: string; text: string; questions: Question[]; audience: Audience; opensOn: string; closesOn: string; createdBy: number | null },
): number {
  const result = prepared(
    db,
    `INSERT INTO consultations (title, body, questions_json, audience_json, audience_kind, audience_municipality_id, opens_on, closes_on, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.title,
    c.text,
    JSON.stringify(c.questions),
    JSON.stringify(c.audience),
    c.audience.kind,
    c.audience.kind === 'municipality' ? c.audience.municipalityId : null,
    c.opensOn,
    c.closesOn,
    c.createdBy,
    now(),
  );
  return Number(result.lastInsertRowid);
}

export function findConsultation(db: Db, id: number): Consultation | undefined {
  const row = prepared(db, `SELECT ${columns} WHERE id = ?`).get(id) as Row | undefined;
  return row && fromRow(row);
}

/** Every consultation, newest first; for a methodist (`municipalityId`), those her municipality's teachers may be asked. */
export function listConsultations(db: Db, municipalityId?: number): Consultation[] {
  const rows = (
    municipalityId === undefined
      ? prepared(db, `SELECT ${columns} ORDER BY opens_on DESC, id DESC`).all()
      : prepared(db, `SELECT ${columns} WHERE audience_municipality_id IS NULL OR audience_municipality_id = ? ORDER BY opens_on DESC, id DESC`).all(
          municipalityId,
        )
  ) as Row[];
  return rows.map(fromRow);
}

export function setConclusion(db: Db, id: number, conclusion: string): boolean {
  return (
    prepared(db, 'UPDATE consultations SET conclusion = ?, concluded_at = ? WHERE id = ?').run(conclusion || null, conclusion ? now() : null, id).changes > 0
  );
}

/** What the audience rules look at: the teacher's municipality, subjects and experience (as the roster has them now). */
export interface AudienceMember {
  teacherId: number;
  municipalityId: number;
  subjects: string;
  experienceYears: number | null;
  erased: boolean;
}

export function audienceMember(db: Db, teacherId: number): AudienceMember | undefined {
  const row = prepared(
    db,
    `SELECT t.id AS teacherId, s.municipality_id AS municipalityId, t.subjects, t.experience_years AS experienceYears, t.erased_at IS NOT NULL AS erased
     FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id = ?`,
  ).get(teacherId) as (Omit<AudienceMember, 'erased'> & { erased: number }) | undefined;
  return row && { ...row, erased: row.erased === 1 };
}

/** Consultations that have opened by `today`, newest first: the teacher's list is these, filtered by audience. */
export function openedConsultations(db: Db, today: string): Consultation[] {
  return (prepared(db, `SELECT ${columns} WHERE opens_on <= ? ORDER BY opens_on DESC, id DESC`).all(today) as Row[]).map(fromRow);
}

export interface StoredAnswer {
  id: string;
  version: number;
  answers: unknown[];
  updatedAt: string;
}

export function findAnswer(db: Db, consultationId: number, teacherId: number): StoredAnswer | undefined {
  const row = prepared(
    db,
    'SELECT id, version, answers_json AS answers, updated_at AS updatedAt FROM consultation_answers WHERE consultation_id = ? AND teacher_id = ?',
  ).get(consultationId, teacherId) as (Omit<StoredAnswer, 'answers'> & { answers: string }) | undefined;
  return row && { ...row, answers: JSON.parse(row.answers) as unknown[] };
}

/** Who an answer id belongs to, if anyone: an id is one teacher's answer to one consultation, for good. */
export function answerOwner(db: Db, id: string): { consultationId: number; teacherId: number } | undefined {
  return prepared(db, 'SELECT consultation_id AS consultationId, teacher_id AS teacherId FROM consultation_answers WHERE id = ?').get(id) as
    | { consultationId: number; teacherId: number }
    | undefined;
}

/**
 * Writes the teacher's answer, replacing her earlier one with its choices and comments: one row per teacher
 * and consultation (the client's id stays the first one's). The caller has checked the version is newer.
 */
export function writeAnswer(
  db: Db,
  a: { id: string; consultationId: number; teacherId: number; version: number; answers: unknown[]; questions: Question[] },
): { version: number; updatedAt: string } {
  const at = now();
  prepared(
    db,
    `INSERT INTO consultation_answers (id, consultation_id, teacher_id, version, answers_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (consultation_id, teacher_id) DO UPDATE SET version = excluded.version, answers_json = excluded.answers_json, updated_at = excluded.updated_at`,
  ).run(a.id, a.consultationId, a.teacherId, a.version, JSON.stringify(a.answers), at, at);
  prepared(db, 'DELETE FROM consultation_choices WHERE consultation_id = ? AND teacher_id = ?').run(a.consultationId, a.teacherId);
  prepared(db, 'DELETE FROM consultation_comments WHERE consultation_id = ? AND teacher_id = ?').run(a.consultationId, a.teacherId);
  const choice = prepared(db, 'INSERT INTO consultation_choices (consultation_id, teacher_id, question, option) VALUES (?, ?, ?, ?)');
  const comment = prepared(db, 'INSERT INTO consultation_comments (consultation_id, teacher_id, question, text) VALUES (?, ?, ?, ?)');
  a.questions.forEach((question, index) => {
    const answer = a.answers[index];
    if (question.kind === 'comment') {
      if (typeof answer === 'string' && answer.trim() !== '') comment.run(a.consultationId, a.teacherId, index, answer.trim());
    } else {
      for (const option of [answer].flat() as number[]) choice.run(a.consultationId, a.teacherId, index, option);
    }
  });
  return { version: a.version, updatedAt: at };
}

/** How many teachers answered, in all or in one municipality. */
export function respondentCount(db: Db, consultationId: number, municipalityId?: number): number {
  return prepared(
    db,
    `SELECT count(*) FROM consultation_answers a JOIN teachers t ON t.id = a.teacher_id JOIN schools s ON s.id = t.school_id
     WHERE a.consultation_id = ? AND (? IS NULL OR s.municipality_id = ?)`,
  )
    .pluck()
    .get(consultationId, municipalityId ?? null, municipalityId ?? null) as number;
}

/** A question's comments, without authors, in the order of their text (never of time or of who wrote them). */
export function commentsOf(db: Db, consultationId: number, question: number, municipalityId?: number): string[] {
  return prepared(
    db,
    `SELECT c.text FROM consultation_comments c JOIN teachers t ON t.id = c.teacher_id JOIN schools s ON s.id = t.school_id
     WHERE c.consultation_id = ? AND c.question = ? AND (? IS NULL OR s.municipality_id = ?) ORDER BY c.text`,
  )
    .pluck()
    .all(consultationId, question, municipalityId ?? null, municipalityId ?? null) as string[];
}

export function municipalityList(db: Db): { id: number; name: string }[] {
  return prepared(db, 'SELECT id, name FROM municipalities ORDER BY name').all() as { id: number; name: string }[];
}
