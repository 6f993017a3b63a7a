import { decodeResult } from '../../../shared/scoring/compact-result.ts';
import type { TeacherRecord } from '../../../shared/api/me.ts';
import type { CompetencyId, DeficitLevel } from '../../../shared/competencies.ts';
import { competencyIds } from '../../../shared/competencies.ts';
import type { EnrollmentStatus } from '../../../shared/schemas/program.ts';
import { currentProfile, type Standing } from '../../../shared/profile/current-profile.ts';
import { type GrowthEntry, growth } from '../../../shared/profile/growth.ts';
import type { ScoredAttempt } from '../../../shared/profile/scored-attempt.ts';
import type { AttemptResult } from '../../../shared/scoring/result.ts';
import { type StaffScope, teacherListFilter } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/database/database.ts';
import { foldText, registerFold } from '../catalogue/program-store.ts';
import { deficitLevelsSql } from '../aggregates/levels.ts';
import { prepared } from '../../platform/database/statements.ts';
import { listRouteItems, type RouteItemRow } from '../route/store.ts';
import { readTeacherRecord } from '../me/store.ts';
import type { SubjectId } from '../subjects/subjects.ts';
import { readNewTeacherSubjects } from '../subjects/store.ts';
import { type SchoolFlag, schoolFlagColumns } from '../schools/store.ts';
import { inAssociationSql } from '../associations/store.ts';

/**
 * What the Педагоги pages read: the teachers a staff scope covers, with
 * their competency levels and route progress, and one teacher's profile
 * over time. Competencies only: the burnout screening is never read here,
 * neither its attempts nor a wellbeing area that any result might carry.
 */

export interface TeacherFilter {
  /** Part of the full name, any case, ё as е. */
  q?: string | undefined;
  municipalityId?: number | undefined;
  schoolId?: number | undefined;
  /** Only teachers with a deficit (high or moderate) in this competency. */
  deficit?: CompetencyId | undefined;
  /** Only teachers of this subject (the roster's «Предметы», read by server/features/subjects/). */
  subject?: SubjectId | undefined;
  /** Only teachers of schools with this flag (ШНОР, неблагоприятные социальные условия). */
  schoolFlag?: SchoolFlag | undefined;
  /** Only members of this МО (methodical association; server/features/associations/). */
  associationId?: number | undefined;
}

export type CompetencyStandings = Record<CompetencyId, Standing<DeficitLevel>>;

export interface TeacherListRow {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string;
  school: string;
  municipality: string;
  routeDone: number;
  routeTotal: number;
  connected: boolean;
  /** Null when the teacher has taken no competency diagnostic. */
  standings: Record<CompetencyId, ListedStanding> | null;
}

/** An attempt of a competency instrument, with the wellbeing area removed whatever it holds. */
interface CompetencyAttempt extends ScoredAttempt {
  teacherId: number;
  instrumentTitle: string;
}

function withoutWellbeing(result: AttemptResult): AttemptResult {
  const { wellbeing: _dropped, ...areas } = result.areas;
  const indicators = Object.fromEntries(Object.entries(result.indicators).filter(([, indicator]) => indicator.area !== 'wellbeing'));
  return { ...result, areas, indicators };
}

/** Scored attempts of competency instruments (never a screening) of the given teachers. */
function competencyAttempts(db: Db, teacherIds: number[]): CompetencyAttempt[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.teacher_id AS teacherId, a.instrument_id AS instrumentId, a.instrument_version AS instrumentVersion,
         a.completed_at AS completedAt, a.result_json AS resultJson, i.title AS instrumentTitle
       FROM attempts a JOIN instruments i ON i.id = a.instrument_id AND i.version = a.instrument_version
       WHERE a.teacher_id IN (SELECT value FROM json_each(?)) AND i.kind <> 'screening'`,
    )
    .all(JSON.stringify(teacherIds)) as {
    id: string;
    teacherId: number;
    instrumentId: string;
    instrumentVersion: number;
    completedAt: string;
    resultJson: string;
    instrumentTitle: string;
  }[];
  return rows.map((row) => ({
    attemptId: row.id,
    teacherId: row.teacherId,
    instrumentId: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    instrumentTitle: row.instrumentTitle,
    completedAt: row.completedAt,
    result: withoutWellbeing(decodeResult(row.resultJson)),
  }));
}

/** Where a teacher stands in a competency, as the list shows it: kept by the report aggregates (teacher_standings). */
export type ListedStanding = { score: number | null; level: DeficitLevel | 'insufficientData' };

/** The teachers' current standings, from the report aggregates (server/features/aggregates/store/current-standing.ts). */
function listedStandings(db: Db, teacherIds: number[]): Map<number, Record<CompetencyId, ListedStanding>> {
  const rows = prepared(
    db,
    `SELECT teacher_id AS teacherId, area, score, level FROM teacher_standings WHERE teacher_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(teacherIds)) as { teacherId: number; area: CompetencyId; score: number | null; level: ListedStanding['level'] }[];
  const byTeacher = new Map<number, Record<CompetencyId, ListedStanding>>();
  for (const row of rows) {
    const standings = byTeacher.get(row.teacherId) ?? byTeacher.set(row.teacherId, {} as Record<CompetencyId, ListedStanding>).get(row.teacherId)!;
    standings[row.area] = { score: row.score, level: row.level };
  }
  return byTeacher;
}

/**
 * Folds the names of teachers whose folded name is not stored yet (new ones,
 * renamed ones, rows written by other code than the roster's): the name
 * search reads only the stored column and its trigram index (migration "speed").
 */
export function foldNewTeacherNames(db: Db): void {
  registerFold(db);
  prepared(
    db,
    `UPDATE teachers SET name_folded = profrost_fold(last_name || ' ' || first_name || ' ' || middle_name)
     WHERE id IN (SELECT id FROM teachers WHERE name_folded IS NULL)`,
  ).run();
}

/** Where a page starts: after or before a teacher of the list (keyset paging), or at an offset for a page opened by its number. */
export type PagePosition = { limit: number } & ({ after: number } | { before: number } | { offset: number });

/**
 * A page of the teachers the scope covers, by name, and how many match in
 * all. Every read is indexed: the order is the teachers_name index's, a name
 * search reads the trigram index of the folded names, a deficit filter the
 * teachers' current standings kept by the report aggregates; a page after or
 * before a given teacher is found by its key (no rows skipped one by one).
 */
export function listTeachers(
  db: Db,
  scope: StaffScope,
  filter: TeacherFilter,
  page: PagePosition,
  /** Above this many matches, a page of a name search is read by walking the name index (tests set it to try both ways). */
  walkAbove = 2000,
): { items: TeacherListRow[]; total: number } {
  const q = filter.q ? foldText(filter.q).replace(/\s+/g, ' ') : null;
  if (q !== null) foldNewTeacherNames(db);
  if (filter.subject || filter.associationId !== undefined) readNewTeacherSubjects(db);
  const scopeWhere = teacherListFilter(scope, 's');
  // Two ways to find a part of a name: the trigram index of the folded names (substrings of three characters or
  // more), best when few match; or the folded names as the name index holds them, walked in the list's order, best
  // when many match (the page's rows come within its first few thousand entries). The count reads the trigram index;
  // the page is read the way the count says is shorter.
  const byTrigrams = 'AND t.id IN (SELECT rowid FROM teacher_names WHERE teacher_names MATCH @match)';
  const byWalk = 'AND instr(t.name_folded, @q) > 0';
  const trigrams = q !== null && [...q].length >= 3;
  const deficitWhere = `d.area = @deficit AND d.level IN ${deficitLevelsSql}`;
  // The school is read only when the scope or a filter names a municipality.
  const readsSchool = scopeWhere.params.length > 0 || filter.municipalityId !== undefined || filter.schoolFlag !== undefined;
  const from = readsSchool ? 'FROM teachers t JOIN schools s ON s.id = t.school_id' : 'FROM teachers t';
  // Only the filters given are in the statement (a few variants, each prepared once): `@x IS NULL OR …` would keep SQLite from their indexes.
  const whereWith = (
    nameWhere: string,
  ) => `t.erased_at IS NULL ${readsSchool ? `AND ${scopeWhere.sql}` : ''} ${filter.municipalityId !== undefined ? 'AND s.municipality_id = @municipalityId' : ''}
    ${nameWhere} ${filter.schoolId !== undefined ? 'AND t.school_id = @schoolId' : ''}
    ${filter.deficit ? `AND EXISTS (SELECT 1 FROM teacher_standings d WHERE d.teacher_id = t.id AND ${deficitWhere})` : ''}
    ${filter.subject ? 'AND EXISTS (SELECT 1 FROM teacher_subjects ts WHERE ts.teacher_id = t.id AND ts.subject = @subject)' : ''}
    ${filter.schoolFlag ? `AND s.${schoolFlagColumns[filter.schoolFlag]} = 1` : ''}
    ${filter.associationId !== undefined ? `AND ${inAssociationSql('t', '@association')}` : ''}`;
  const countWhere = whereWith(q === null ? '' : trigrams ? byTrigrams : byWalk);
  const params = {
    q,
    match: q === null ? null : `"${q.replaceAll('"', '""')}"`,
    municipalityId: filter.municipalityId ?? null,
    schoolId: filter.schoolId ?? null,
    deficit: filter.deficit ?? null,
    subject: filter.subject ?? null,
    association: filter.associationId ?? null,
    limit: page.limit,
    after: 'after' in page ? page.after : null,
    before: 'before' in page ? page.before : null,
    offset: 'offset' in page ? page.offset : null,
  };
  // With a deficit and no name, the count reads the standings' index alone (erased teachers have none there).
  const standingsScope = teacherListFilter(scope, 'd');
  const countSql =
    filter.deficit && q === null && !filter.subject && !filter.schoolFlag && filter.associationId === undefined
      ? `SELECT count(*) AS n FROM teacher_standings d WHERE ${deficitWhere} AND ${standingsScope.sql}
           ${filter.municipalityId !== undefined ? 'AND d.municipality_id = @municipalityId' : ''} ${filter.schoolId !== undefined ? 'AND d.school_id = @schoolId' : ''}`
      : `SELECT count(*) AS n ${from} WHERE ${countWhere}`;
  const key = '(t.last_name, t.first_name, t.middle_name, t.id)';
  const pageSql =
    'after' in page
      ? `AND ${key} > (SELECT last_name, first_name, middle_name, id FROM teachers WHERE id = @after) ORDER BY t.last_name, t.first_name, t.middle_name, t.id LIMIT @limit`
      : 'before' in page
        ? `AND ${key} < (SELECT last_name, first_name, middle_name, id FROM teachers WHERE id = @before) ORDER BY t.last_name DESC, t.first_name DESC, t.middle_name DESC, t.id DESC LIMIT @limit`
        : `ORDER BY t.last_name, t.first_name, t.middle_name, t.id LIMIT @limit OFFSET @offset`;
  const bind = [...scopeWhere.params, params];
  type Row = Omit<TeacherListRow, 'standings' | 'connected'> & { connected: number };
  return db
    .transaction(() => {
      const total = (prepared(db, countSql).get(...bind) as { n: number }).n;
      const where = trigrams && total <= walkAbove ? countWhere : whereWith(q === null ? '' : byWalk);
      const ids = prepared(db, `SELECT t.id ${from} WHERE ${where} ${pageSql}`)
        .pluck()
        .all(...bind) as number[];
      if ('before' in page) ids.reverse();
      const rows = prepared(
        db,
        `SELECT t.id, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName,
           s.name AS school, m.name AS municipality,
           (SELECT count(*) FROM route_items r WHERE r.teacher_id = t.id AND r.private = 0 AND r.retired_at IS NULL) AS routeTotal,
           (SELECT count(*) FROM route_items r WHERE r.teacher_id = t.id AND r.private = 0 AND r.retired_at IS NULL AND r.status = 'done') AS routeDone,
           EXISTS (SELECT 1 FROM devices d WHERE d.teacher_id = t.id AND d.revoked_at IS NULL) AS connected
         FROM teachers t JOIN schools s ON s.id = t.school_id JOIN municipalities m ON m.id = s.municipality_id
         WHERE t.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids)) as Row[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      const standings = listedStandings(db, ids);
      const items = ids.map((id) => {
        const row = byId.get(id)!;
        return { ...row, connected: row.connected === 1, standings: standings.get(id) ?? null };
      });
      return { items, total };
    })
    .deferred();
}

/**
 * What «Педагоги» offers to filter by: the scope's municipalities, and the
 * schools of one municipality (the one chosen, or the methodist's), with the
 * chosen school whatever it is; a republic's 2,000 schools in one list would
 * make every page of the list heavy and the list unusable.
 */
export function filterChoices(db: Db, scope: StaffScope, filter: Pick<TeacherFilter, 'municipalityId' | 'schoolId'>) {
  if (scope.kind === 'council') throw new Error('the council never lists single teachers');
  const municipalities = (
    scope.kind === 'admin'
      ? prepared(db, 'SELECT id, name FROM municipalities ORDER BY name').all()
      : prepared(db, 'SELECT id, name FROM municipalities WHERE id = ?').all(scope.municipalityId)
  ) as { id: number; name: string }[];
  const municipalityId = scope.kind === 'admin' ? (filter.municipalityId ?? null) : scope.municipalityId;
  const schools = prepared(
    db,
    `SELECT s.id, s.name, s.municipality_id AS municipalityId FROM schools s
     WHERE (s.municipality_id = @municipalityId OR s.id = @schoolId) AND s.municipality_id IN (SELECT value FROM json_each(@scope)) ORDER BY s.name`,
  ).all({ municipalityId, schoolId: filter.schoolId ?? null, scope: JSON.stringify(municipalities.map((m) => m.id)) }) as {
    id: number;
    name: string;
    municipalityId: number;
  }[];
  return { municipalities, schools };
}

/** The municipalities and schools a scope may filter by. */
export function placesInScope(db: Db, scope: StaffScope) {
  if (scope.kind === 'council') throw new Error('the council never lists single teachers');
  const municipalities = (
    scope.kind === 'admin'
      ? db.prepare('SELECT id, name FROM municipalities ORDER BY name').all()
      : db.prepare('SELECT id, name FROM municipalities WHERE id = ?').all(scope.municipalityId)
  ) as { id: number; name: string }[];
  const schools = db
    .prepare(
      `SELECT s.id, s.name, s.municipality_id AS municipalityId FROM schools s
       WHERE s.municipality_id IN (SELECT value FROM json_each(?)) ORDER BY s.name`,
    )
    .all(JSON.stringify(municipalities.map((m) => m.id))) as { id: number; name: string; municipalityId: number }[];
  return { municipalities, schools };
}

export interface TeacherEnrollment {
  programId: string;
  programTitle: string;
  runId: string;
  start: string;
  end: string;
  status: EnrollmentStatus;
}

export interface HistoryRow {
  attemptId: string | undefined;
  completedAt: string;
  instrumentTitle: string;
  instrumentVersion: number;
  scores: Partial<Record<CompetencyId, number | null>>;
}

export interface TeacherDetail {
  teacher: TeacherRecord;
  standings: CompetencyStandings;
  /** Per competency, one entry per instrument taken at least twice. */
  growth: Record<CompetencyId, GrowthEntry[]>;
  /** Every competency diagnostic, oldest first. */
  history: HistoryRow[];
  /** Titles of the instruments the teacher took, by id, to name growth entries. */
  instrumentTitles: Record<string, string>;
  /** The ИОМ's active items staff may see (never the private one). */
  route: RouteItemRow[];
  enrollments: TeacherEnrollment[];
  activeDevices: number;
  /** Expiry of the unused connection code, if there is one. */
  codeExpiresAt: string | null;
}

/** One teacher's page; the caller has checked the scope. Undefined for an unknown or erased teacher. */
export function teacherDetail(db: Db, teacherId: number): TeacherDetail | undefined {
  const teacher = readTeacherRecord(db, teacherId);
  if (!teacher) return undefined;
  const attempts = competencyAttempts(db, [teacherId]).sort(
    (a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt) || (a.attemptId! < b.attemptId! ? -1 : 1),
  );
  const history = attempts.map((attempt) => ({
    attemptId: attempt.attemptId,
    completedAt: attempt.completedAt,
    instrumentTitle: attempt.instrumentTitle,
    instrumentVersion: attempt.instrumentVersion,
    scores: Object.fromEntries(
      competencyIds.filter((id) => attempt.result.areas[id]).map((id) => [id, attempt.result.areas[id]!.score]),
    ) as HistoryRow['scores'],
  }));
  const enrollments = db
    .prepare(
      `SELECT r.program_id AS programId, p.title AS programTitle, e.run_id AS runId, r.start_date AS start, r.end_date AS "end", e.status
       FROM enrollments e JOIN program_runs r ON r.id = e.run_id JOIN programs p ON p.id = r.program_id
       WHERE e.teacher_id = ? ORDER BY r.start_date, e.created_at`,
    )
    .all(teacherId) as TeacherEnrollment[];
  const { activeDevices } = db.prepare('SELECT count(*) AS activeDevices FROM devices WHERE teacher_id = ? AND revoked_at IS NULL').get(teacherId) as {
    activeDevices: number;
  };
  const code = db
    .prepare('SELECT max(expires_at) AS expiresAt FROM connection_codes WHERE teacher_id = ? AND used_at IS NULL AND expires_at > ?')
    .get(teacherId, new Date().toISOString()) as { expiresAt: string | null };
  return {
    teacher,
    standings: currentProfile(attempts).competencies,
    growth: growth(attempts).competencies,
    history,
    instrumentTitles: Object.fromEntries(attempts.map((attempt) => [attempt.instrumentId, attempt.instrumentTitle])),
    route: listRouteItems(db, teacherId, { includePrivate: false }).filter((item) => item.retiredAt === null),
    enrollments,
    activeDevices,
    codeExpiresAt: code.expiresAt,
  };
}
