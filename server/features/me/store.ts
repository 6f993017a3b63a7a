import { type Category, type TeacherRecord, type TeacherDataExport, type TeacherRecordUpdate, categorySchema, isEarlyCareer } from '../../../shared/api/me.ts';
import { prepared } from '../../platform/database/statements.ts';
import { type RoutePreferences, routePreferencesSchema } from '../../../shared/schemas/program.ts';
import { decodeResult, isCompactResult } from '../../../shared/scoring/compact-result.ts';
import { releaseUpcomingPlaces } from '../catalogue/enrollment-store.ts';
import { releaseTeacherEventPlaces } from '../events/store.ts';
import { consentsOf, withdrawConsents } from '../connection/consent-store.ts';
import { teacherTarget, writeAudit } from '../../platform/database/audit-store.ts';
import { type Db, now } from '../../platform/database/database.ts';

/**
 * The teacher's own record, as the teacher reads, edits, exports and erases
 * it. Every function takes the teacher id from the device token and nothing
 * else, so one teacher never reaches another's rows.
 */

interface TeacherRecordRow {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  subjects: string;
  experienceYears: number | null;
  category: string;
  preferencesJson: string;
  createdAt: string;
  erasedAt: string | null;
  school: string;
  municipality: string;
}

const recordColumns = `t.id, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName,
  t.position, t.subjects, t.experience_years AS experienceYears, t.category, t.preferences_json AS preferencesJson,
  t.created_at AS createdAt, t.erased_at AS erasedAt, s.name AS school, m.name AS municipality
  FROM teachers t JOIN schools s ON s.id = t.school_id JOIN municipalities m ON m.id = s.municipality_id`;

/** The roster keeps subjects as one line, «математика, физика». */
export function splitSubjects(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((subject) => subject.trim())
    .filter(Boolean);
}

/**
 * The category column holds `level` or `level:status` (`highest:mentor`);
 * empty when not stated. Anything unreadable reads as not stated.
 */
export function decodeCategory(stored: string): Category | null {
  if (!stored) return null;
  const known = decodedCategories.get(stored);
  if (known !== undefined) return known;
  const [level, status = null] = stored.split(':');
  const parsed = categorySchema.safeParse({ level, status });
  return remember(decodedCategories, stored, parsed.success ? Object.freeze(parsed.data) : null);
}

/**
 * What a stored text decodes to, kept by the text: a teacher's every read of her record (and every rebuild of
 * her ИОМ) decoded her category and preferences with zod, though teachers share a handful of values (most keep
 * the default preferences, '{}'). Frozen; a map past `maxDecoded` texts starts again, so memory stays bounded.
 */
const maxDecoded = 1000;
const decodedCategories = new Map<string, Category | null>();
const decodedPreferences = new Map<string, RoutePreferences>();

function remember<T>(map: Map<string, T>, text: string, value: T): T {
  if (map.size >= maxDecoded) map.clear();
  map.set(text, value);
  return value;
}

export function encodeCategory(category: Category | null): string {
  if (!category) return '';
  return category.status ? `${category.level}:${category.status}` : category.level;
}

function readPreferences(json: string): RoutePreferences {
  const known = decodedPreferences.get(json);
  if (known !== undefined) return known;
  const preferences = parsePreferences(json);
  Object.freeze(preferences.formats);
  return remember(decodedPreferences, json, Object.freeze(preferences));
}

function parsePreferences(json: string): RoutePreferences {
  try {
    const parsed = routePreferencesSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the defaults
  }
  return routePreferencesSchema.parse({});
}

function findRecord(db: Db, teacherId: number): TeacherRecordRow | undefined {
  return prepared(db, `SELECT ${recordColumns} WHERE t.id = ? AND t.erased_at IS NULL`).get(teacherId) as TeacherRecordRow | undefined;
}

function toTeacherRecord(record: TeacherRecordRow): TeacherRecord {
  return {
    id: record.id,
    lastName: record.lastName,
    firstName: record.firstName,
    middleName: record.middleName,
    name: [record.lastName, record.firstName, record.middleName].filter(Boolean).join(' '),
    school: record.school,
    municipality: record.municipality,
    position: record.position,
    subjects: splitSubjects(record.subjects),
    category: decodeCategory(record.category),
    experienceYears: record.experienceYears,
    earlyCareer: isEarlyCareer(record.experienceYears),
    preferences: readPreferences(record.preferencesJson),
  };
}

/** The teacher's record; undefined if there is no such teacher or their data was erased. */
export function readTeacherRecord(db: Db, teacherId: number): TeacherRecord | undefined {
  const record = findRecord(db, teacherId);
  return record && toTeacherRecord(record);
}

/** Changes only the fields present in `update`; returns the record after the change. */
export function updateTeacherRecord(db: Db, teacherId: number, update: TeacherRecordUpdate): TeacherRecord | undefined {
  return db
    .transaction(() => {
      if (!findRecord(db, teacherId)) return undefined;
      const sets: string[] = [];
      const values: unknown[] = [];
      const set = (column: string, value: unknown) => {
        sets.push(`${column} = ?`);
        values.push(value);
      };
      if (update.position !== undefined) set('position', update.position);
      if (update.subjects !== undefined) set('subjects', [...new Set(update.subjects)].join(', '));
      if (update.category !== undefined) set('category', encodeCategory(update.category));
      if (update.experienceYears !== undefined) set('experience_years', update.experienceYears);
      if (update.preferences !== undefined) set('preferences_json', JSON.stringify(update.preferences));
      if (sets.length) prepared(db, `UPDATE teachers SET ${sets.join(', ')} WHERE id = ?`).run(...values, teacherId);
      // The summaries count teachers by experience band: a trigger notes their standings to recompute (migration 7).
      return readTeacherRecord(db, teacherId);
    })
    .immediate();
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Everything stored about the teacher, without token or code hashes. */
export function exportTeacherData(db: Db, teacherId: number): TeacherDataExport | undefined {
  const record = findRecord(db, teacherId);
  if (!record) return undefined;
  const devices = prepared(db, 'SELECT id, label, created_at AS createdAt, revoked_at AS revokedAt FROM devices WHERE teacher_id = ? ORDER BY id').all(
    teacherId,
  ) as TeacherDataExport['devices'];
  const connectionCodes = prepared(
    db,
    'SELECT created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt FROM connection_codes WHERE teacher_id = ? ORDER BY id',
  ).all(teacherId) as TeacherDataExport['connectionCodes'];
  const scores = prepared(db, 'SELECT area, score, level FROM attempt_scores WHERE attempt_seq = ? ORDER BY area');
  const attempts = (
    prepared(
      db,
      `SELECT seq, id, instrument_id AS instrumentId, instrument_version AS instrumentVersion, completed_at AS completedAt,
           received_at AS receivedAt, answers_json AS answersJson, result_json AS resultJson
         FROM attempts WHERE teacher_id = ? ORDER BY completed_at, received_at`,
    ).all(teacherId) as {
      seq: number;
      id: string;
      instrumentId: string;
      instrumentVersion: number;
      completedAt: string;
      receivedAt: string;
      answersJson: string;
      resultJson: string;
    }[]
  ).map(({ seq, answersJson, resultJson, ...attempt }) => ({
    ...attempt,
    answers: parseJson(answersJson),
    result: isCompactResult(resultJson) ? decodeResult(resultJson) : parseJson(resultJson),
    scores: scores.all(seq) as TeacherDataExport['attempts'][number]['scores'],
  }));
  const enrollments = (
    prepared(
      db,
      `SELECT e.id, r.program_id AS programId, e.run_id AS runId, e.status, e.feedback_json AS feedbackJson,
           e.created_at AS createdAt, e.updated_at AS updatedAt
         FROM enrollments e JOIN program_runs r ON r.id = e.run_id WHERE e.teacher_id = ? ORDER BY e.created_at, e.rowid`,
    ).all(teacherId) as (Omit<TeacherDataExport['enrollments'][number], 'feedback'> & { feedbackJson: string | null })[]
  ).map(({ feedbackJson, ...enrollment }) => ({ ...enrollment, feedback: parseJson(feedbackJson) }));
  const routeItems = prepared(
    db,
    `SELECT id, competency, kind, program_id AS programId, run_id AS runId, reason, status, planned_date AS plannedDate,
         created_at AS createdAt, updated_at AS updatedAt
       FROM route_items WHERE teacher_id = ? ORDER BY created_at, rowid`,
  ).all(teacherId) as TeacherDataExport['routeItems'];
  const auditLog = (
    prepared(db, 'SELECT at, actor, action, details_json AS detailsJson FROM audit_log WHERE target = ? ORDER BY id').all(teacherTarget(teacherId)) as {
      at: string;
      actor: string;
      action: string;
      detailsJson: string;
    }[]
  ).map(({ detailsJson, ...entry }) => ({ ...entry, details: parseJson(detailsJson) }));

  return {
    exportedAt: now(),
    teacher: { ...toTeacherRecord(record), createdAt: record.createdAt },
    devices,
    connectionCodes,
    attempts,
    enrollments,
    routeItems,
    consents: consentsOf(db, teacherId),
    auditLog,
    eventSignUps: eventSignUpsOf(db, teacherId),
  };
}

/** The teacher's event sign-ups as the export lists them, oldest first. */
function eventSignUpsOf(db: Db, teacherId: number): TeacherDataExport['eventSignUps'] {
  return (
    prepared(
      db,
      `SELECT s.id, s.event_id AS eventId, e.title AS eventTitle, e.kind, e.start_date AS start, s.status, s.attended_at AS attendedAt, s.result,
         s.feedback_json AS feedbackJson, s.route_item_id AS routeItemId, s.created_at AS createdAt, s.updated_at AS updatedAt
       FROM event_sign_ups s JOIN events e ON e.id = s.event_id WHERE s.teacher_id = ? ORDER BY s.created_at, s.rowid`,
    ).all(teacherId) as (Omit<TeacherDataExport['eventSignUps'][number], 'feedback'> & { feedbackJson: string | null })[]
  ).map(({ feedbackJson, ...signUp }) => ({ ...signUp, feedback: parseJson(feedbackJson) }));
}

/**
 * Erases the teacher's personal data (152-ФЗ, ст. 21), in one transaction.
 * The row stays, nameless and tied only to its school, so that municipal
 * counts, attempt scores and seat counts of programme runs stay right:
 * - names, position, subjects, category, experience and preferences blanked;
 * - every device revoked and its label blanked; unused codes deleted;
 * - answers removed from attempts; their per-area scores kept;
 * - route items deleted;
 * - enrollments kept with their status; the free-text part of feedback blanked.
 * Returns false when there was nothing to erase.
 */
export function eraseTeacher(db: Db, teacherId: number, actor: string): boolean {
  return db
    .transaction(() => {
      if (!findRecord(db, teacherId)) return false;
      const at = now();
      prepared(
        db,
        `UPDATE teachers SET last_name = '', first_name = '', middle_name = '', position = '', subjects = '',
           experience_years = NULL, category = '', preferences_json = '{}', erased_at = ? WHERE id = ?`,
      ).run(at, teacherId);
      const devices = prepared(db, `UPDATE devices SET revoked_at = coalesce(revoked_at, ?), label = '' WHERE teacher_id = ?`).run(at, teacherId).changes;
      prepared(db, 'DELETE FROM connection_codes WHERE teacher_id = ?').run(teacherId);
      const attempts = prepared(db, `UPDATE attempts SET answers_json = '{}' WHERE teacher_id = ?`).run(teacherId).changes;
      const routeItems = prepared(db, 'DELETE FROM route_items WHERE teacher_id = ?').run(teacherId).changes;
      // Erasure ends the consent too; the record that it was given and withdrawn stays, without the device's label.
      withdrawConsents(db, teacherId, at);
      // A seat held by nobody would be lost to the teachers waiting for it.
      const placesReleased = releaseUpcomingPlaces(db, teacherId, at);
      // The same at methodical events, and the comments of her ratings go with her name.
      const eventPlacesReleased = releaseTeacherEventPlaces(db, teacherId, at);
      // The ИОМ goes with its items: its versions, its согласование, and the note a released place left.
      for (const table of ['route_versions', 'routes', 'route_pending']) prepared(db, `DELETE FROM ${table} WHERE teacher_id = ?`).run(teacherId);
      const withFeedback = prepared(db, 'SELECT id, feedback_json AS feedbackJson FROM enrollments WHERE teacher_id = ? AND feedback_json IS NOT NULL').all(
        teacherId,
      ) as { id: string; feedbackJson: string }[];
      const blankFeedback = prepared(db, 'UPDATE enrollments SET feedback_json = ? WHERE id = ?');
      for (const { id, feedbackJson } of withFeedback) {
        const feedback = parseJson(feedbackJson);
        const kept = feedback && typeof feedback === 'object' ? { ...(feedback as Record<string, unknown>), changedInLessons: '' } : null;
        blankFeedback.run(kept && JSON.stringify(kept), id);
      }
      writeAudit(
        db,
        { actor, action: 'teacher.erase', target: teacherTarget(teacherId), details: { devices, attempts, routeItems, placesReleased, eventPlacesReleased } },
        at,
      );
      return true;
    })
    .immediate();
}
