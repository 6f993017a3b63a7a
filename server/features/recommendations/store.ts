import type { AttachmentKind, MyRecommendation } from '../../../shared/api/recommendations.ts';
import type { CompetencyId } from '../../../shared/competencies.ts';
import { visibleMunicipalities, type StaffScope } from '../../platform/auth/scope.ts';
import { type Db, now } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';
import { getProgram } from '../catalogue/program-store.ts';
import type { GroupFilter } from './group-store.ts';
import { messages } from './messages.ts';

/**
 * Addressed recommendations: written by staff to a group frozen at sending,
 * read by each teacher of it, answered (seen, added to the ИОМ), and counted
 * as reach.
 */

export interface Attachment {
  kind: AttachmentKind;
  id: string;
}

export interface NewRecommendation {
  municipalityId: number | null;
  author: string;
  title: string;
  body: string;
  competency: CompetencyId | null;
  filter: GroupFilter;
  attachments: Attachment[];
  teacherIds: number[];
}

/** Sends a recommendation: stores it with its frozen group. Returns its id. */
export function sendRecommendation(db: Db, recommendation: NewRecommendation, at: string = now()): number {
  return db.transaction(() => {
    const id = Number(
      prepared(db, `INSERT INTO recommendations (municipality_id, author, title, body, competency, filter_json, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        recommendation.municipalityId,
        recommendation.author,
        recommendation.title,
        recommendation.body,
        recommendation.competency,
        JSON.stringify(recommendation.filter),
        at,
      ).lastInsertRowid,
    );
    const attach = prepared(db, 'INSERT INTO recommendation_attachments (recommendation_id, position, kind, ref) VALUES (?, ?, ?, ?)');
    recommendation.attachments.forEach((attachment, position) => attach.run(id, position, attachment.kind, attachment.id));
    const address = prepared(db, 'INSERT INTO recommendation_teachers (recommendation_id, teacher_id) VALUES (?, ?)');
    for (const teacherId of recommendation.teacherIds) address.run(id, teacherId);
    return id;
  })();
}

export interface Reach {
  group: number;
  seen: number;
  accepted: number;
  /** Teachers of the group signed up (not cancelled) for an attached programme after the recommendation was sent. */
  signedUp: number;
}

export interface RecommendationRow extends Reach {
  id: number;
  municipalityId: number | null;
  municipality: string | null;
  author: string;
  title: string;
  body: string;
  competency: CompetencyId | null;
  filter: GroupFilter;
  sentAt: string;
  attachments: (Attachment & { title: string })[];
}

const rowColumns = `r.id, r.municipality_id AS municipalityId, m.name AS municipality, r.author, r.title, r.body, r.competency,
  r.filter_json AS filterJson, r.sent_at AS sentAt,
  (SELECT count(*) FROM recommendation_teachers g WHERE g.recommendation_id = r.id) AS "group",
  (SELECT count(*) FROM recommendation_teachers g WHERE g.recommendation_id = r.id AND g.seen_at IS NOT NULL) AS seen,
  (SELECT count(*) FROM recommendation_teachers g WHERE g.recommendation_id = r.id AND g.accepted_at IS NOT NULL) AS accepted,
  (SELECT count(DISTINCT e.teacher_id) FROM enrollments e
     JOIN program_runs pr ON pr.id = e.run_id
     JOIN recommendation_attachments a ON a.recommendation_id = r.id AND a.kind = 'program' AND a.ref = pr.program_id
     JOIN recommendation_teachers g ON g.recommendation_id = r.id AND g.teacher_id = e.teacher_id
   WHERE e.status <> 'cancelled' AND e.created_at >= r.sent_at) AS signedUp
  FROM recommendations r LEFT JOIN municipalities m ON m.id = r.municipality_id`;

type RawRow = Omit<RecommendationRow, 'filter' | 'attachments'> & { filterJson: string };

function attachmentsOf(db: Db, id: number): RecommendationRow['attachments'] {
  const rows = prepared(db, 'SELECT kind, ref AS id FROM recommendation_attachments WHERE recommendation_id = ? ORDER BY position').all(id) as Attachment[];
  return rows.map((attachment) => ({ ...attachment, title: getProgram(db, attachment.id)?.title ?? messages.recommendations.programGone }));
}

function toRow(db: Db, { filterJson, ...row }: RawRow): RecommendationRow {
  return { ...row, filter: JSON.parse(filterJson) as GroupFilter, attachments: attachmentsOf(db, row.id) };
}

/** The recommendations a scope covers, newest first: a methodist's municipality's, the administrator's all. */
export function listRecommendations(db: Db, scope: StaffScope): RecommendationRow[] {
  const visible = visibleMunicipalities(scope);
  const rows = prepared(
    db,
    `SELECT ${rowColumns} WHERE (@all = 1 OR r.municipality_id IN (SELECT value FROM json_each(@ids))) ORDER BY r.sent_at DESC, r.id DESC`,
  ).all({
    all: visible === 'all' ? 1 : 0,
    ids: JSON.stringify(visible === 'all' ? [] : visible),
  }) as RawRow[];
  return rows.map((row) => toRow(db, row));
}

export function findRecommendation(db: Db, id: number): RecommendationRow | undefined {
  const row = prepared(db, `SELECT ${rowColumns} WHERE r.id = ?`).get(id) as RawRow | undefined;
  return row && toRow(db, row);
}

/** The teachers a recommendation was sent to, with what each did. */
export function recommendationGroup(db: Db, id: number): number[] {
  return prepared(db, 'SELECT teacher_id FROM recommendation_teachers WHERE recommendation_id = ? ORDER BY teacher_id').pluck().all(id) as number[];
}

/** What each teacher of the group did with it. */
export function recommendationAnswers(db: Db, id: number): { id: number; seenAt: string | null; acceptedAt: string | null }[] {
  return prepared(db, 'SELECT teacher_id AS id, seen_at AS seenAt, accepted_at AS acceptedAt FROM recommendation_teachers WHERE recommendation_id = ?').all(
    id,
  ) as {
    id: number;
    seenAt: string | null;
    acceptedAt: string | null;
  }[];
}

interface AddressedRow {
  id: number;
  title: string;
  body: string;
  municipality: string | null;
  competency: CompetencyId | null;
  sentAt: string;
  seenAt: string | null;
  acceptedAt: string | null;
}

const addressedColumns = `r.id, r.title, r.body, m.name AS municipality, r.competency, r.sent_at AS sentAt, g.seen_at AS seenAt, g.accepted_at AS acceptedAt
  FROM recommendation_teachers g JOIN recommendations r ON r.id = g.recommendation_id LEFT JOIN municipalities m ON m.id = r.municipality_id`;

function mine(db: Db, row: AddressedRow): MyRecommendation {
  return {
    id: row.id,
    title: row.title,
    text: row.body,
    from: row.municipality ? messages.recommendations.fromMethodist(row.municipality) : messages.recommendations.fromRegion,
    sentAt: new Date(row.sentAt).toISOString(),
    competency: row.competency,
    attachments: attachmentsOf(db, row.id),
    seen: row.seenAt !== null,
    accepted: row.acceptedAt !== null,
  };
}

/** The recommendations sent to a teacher, newest first. */
export function teacherRecommendations(db: Db, teacherId: number): MyRecommendation[] {
  const rows = prepared(db, `SELECT ${addressedColumns} WHERE g.teacher_id = ? ORDER BY r.sent_at DESC, r.id DESC`).all(teacherId) as AddressedRow[];
  return rows.map((row) => mine(db, row));
}

/**
 * A teacher's answer: seen, or accepted (added to her ИОМ: each attached
 * programme becomes an accepted item of her route, with its next run, so
 * that she can sign up from «Маршрут»; the builder never retires an accepted
 * item). Once is enough: answering again changes nothing. Undefined when the
 * recommendation was not sent to her.
 */
export function answerRecommendation(db: Db, teacherId: number, id: number, answer: 'seen' | 'accepted', at: string = now()): MyRecommendation | undefined {
  return db.transaction(() => {
    const row = prepared(db, `SELECT ${addressedColumns} WHERE g.teacher_id = ? AND g.recommendation_id = ?`).get(teacherId, id) as AddressedRow | undefined;
    if (!row) return undefined;
    prepared(db, 'UPDATE recommendation_teachers SET seen_at = ? WHERE recommendation_id = ? AND teacher_id = ? AND seen_at IS NULL').run(at, id, teacherId);
    if (answer === 'accepted' && row.acceptedAt === null) {
      prepared(db, 'UPDATE recommendation_teachers SET accepted_at = ? WHERE recommendation_id = ? AND teacher_id = ?').run(at, id, teacherId);
      addToRoute(db, teacherId, row, at);
    }
    const updated = prepared(db, `SELECT ${addressedColumns} WHERE g.teacher_id = ? AND g.recommendation_id = ?`).get(teacherId, id) as AddressedRow;
    return mine(db, updated);
  })();
}

/** The attached programmes as accepted items of the teacher's ИОМ (route_items), after the items she has. */
function addToRoute(db: Db, teacherId: number, row: AddressedRow, at: string): void {
  const attachments = prepared(
    db,
    "SELECT position, ref FROM recommendation_attachments WHERE recommendation_id = ? AND kind = 'program' ORDER BY position",
  ).all(row.id) as { position: number; ref: string }[];
  const last = (prepared(db, 'SELECT coalesce(max(position), -1) AS p FROM route_items WHERE teacher_id = ?').get(teacherId) as { p: number }).p;
  const today = at.slice(0, 10);
  attachments.forEach((attachment, index) => {
    const program = getProgram(db, attachment.ref);
    if (!program) return;
    const run = program.runs.filter((r) => r.start >= today).sort((a, b) => (a.start < b.start ? -1 : 1))[0];
    prepared(
      db,
      `INSERT OR IGNORE INTO route_items (id, teacher_id, competency, kind, program_id, run_id, reason, description, indicators_json, private, position, status, created_at, updated_at)
       VALUES (?, ?, ?, 'course', ?, ?, ?, ?, ?, 0, ?, 'accepted', ?, ?)`,
    ).run(
      `rec.${row.id}.${attachment.position}`,
      teacherId,
      row.competency ?? program.competencies[0] ?? 'methodical',
      program.id,
      run?.id ?? null,
      messages.recommendations.routeReason(row.title),
      program.title,
      JSON.stringify(program.indicators),
      last + 1 + index,
      at,
      at,
    );
  });
}
