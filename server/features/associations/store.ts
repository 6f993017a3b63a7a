import { type CompetencyId, competencyIds } from '../../../shared/competencies.ts';
import type { StaffScope } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';
import { deficitLevelsSql } from '../aggregates/levels.ts';
import { readNewTeacherSubjects } from '../subjects/store.ts';
import type { SubjectId } from '../subjects/subjects.ts';

/**
 * Методические объединения (МО): a municipality's subject МО with its leader.
 * A teacher of the municipality belongs to the МО of each of her subjects
 * (teacher_subjects) unless a methodist moved her: an explicit membership
 * (methodical_association_members, 1 in or 0 out) overrides that default for
 * one teacher and one МО, so that moving her from one МО to another is «out of
 * this one, into that one», and a new subject in the roster still counts
 * wherever no one decided otherwise.
 */

export interface AssociationRow {
  id: number;
  municipalityId: number;
  municipality: string;
  subject: SubjectId;
  name: string;
  leaderId: number | null;
  /** The leader's full name, null when there is none (or she erased her data). */
  leader: string | null;
  members: number;
}

/**
 * Whether the teacher aliased `teacher` belongs to the МО `param` names: a
 * WHERE fragment for every store that filters teachers by МО (Педагоги, a
 * recommendation's or a measure's group). Callers read new subjects first
 * (readNewTeacherSubjects). A teacher of another municipality is in no МО of
 * this one, whatever membership was once written.
 */
export function inAssociationSql(teacher = 't', param = '@association'): string {
  return `EXISTS (SELECT 1 FROM methodical_associations ma JOIN schools ms ON ms.id = ${teacher}.school_id AND ms.municipality_id = ma.municipality_id
    WHERE ma.id = ${param} AND coalesce(
      (SELECT mm.member FROM methodical_association_members mm WHERE mm.association_id = ma.id AND mm.teacher_id = ${teacher}.id),
      EXISTS (SELECT 1 FROM teacher_subjects ts WHERE ts.teacher_id = ${teacher}.id AND ts.subject = ma.subject)) = 1)`;
}

const memberCount = `(SELECT count(*) FROM teachers t JOIN schools s ON s.id = t.school_id
  WHERE t.erased_at IS NULL AND s.municipality_id = a.municipality_id AND ${inAssociationSql('t', 'a.id')})`;

const associationColumns = `a.id, a.municipality_id AS municipalityId, m.name AS municipality, a.subject, a.name, a.leader_id AS leaderId,
  (SELECT l.last_name || ' ' || l.first_name || ' ' || l.middle_name FROM teachers l WHERE l.id = a.leader_id AND l.erased_at IS NULL) AS leader,
  ${memberCount} AS members
  FROM methodical_associations a JOIN municipalities m ON m.id = a.municipality_id`;

/** The МО a scope covers (a methodist's municipality; the regional administrator's all, or one municipality's), by municipality and name. */
export function listAssociations(db: Db, scope: StaffScope, filter: { municipalityId?: number | undefined } = {}): AssociationRow[] {
  readNewTeacherSubjects(db);
  const municipalityId = scope.kind === 'methodist' ? scope.municipalityId : (filter.municipalityId ?? null);
  return prepared(db, `SELECT ${associationColumns} WHERE (@municipalityId IS NULL OR a.municipality_id = @municipalityId) ORDER BY m.name, a.name, a.id`).all({
    municipalityId,
  }) as AssociationRow[];
}

export function findAssociation(db: Db, id: number): AssociationRow | undefined {
  readNewTeacherSubjects(db);
  return prepared(db, `SELECT ${associationColumns} WHERE a.id = ?`).get(id) as AssociationRow | undefined;
}

/** Does the municipality have an МО of this subject already? One МО a subject, so that the default membership is one МО. */
export function associationOfSubject(db: Db, municipalityId: number, subject: SubjectId): number | undefined {
  return prepared(db, 'SELECT id FROM methodical_associations WHERE municipality_id = ? AND subject = ?').pluck().get(municipalityId, subject) as
    | number
    | undefined;
}

export function createAssociation(
  db: Db,
  association: { municipalityId: number; subject: SubjectId; name: string; leaderId: number | null; at: string },
): number {
  const result = prepared(
    db,
    'INSERT INTO methodical_associations (municipality_id, subject, name, leader_id, created_at) VALUES (@municipalityId, @subject, @name, @leaderId, @at)',
  ).run(association);
  return Number(result.lastInsertRowid);
}

export function updateAssociation(db: Db, id: number, values: { name: string; leaderId: number | null }): void {
  prepared(db, 'UPDATE methodical_associations SET name = @name, leader_id = @leaderId WHERE id = @id').run({ id, ...values });
}

/** Is this a teacher (not erased) of the municipality: who may lead its МО or be moved between them. */
export function isTeacherOf(db: Db, teacherId: number, municipalityId: number): boolean {
  return (
    prepared(db, 'SELECT 1 FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id = ? AND s.municipality_id = ? AND t.erased_at IS NULL').get(
      teacherId,
      municipalityId,
    ) !== undefined
  );
}

export interface AssociationTeacher {
  id: number;
  name: string;
  school: string;
}

/** The МО's members by name: her own municipality's teachers, for the methodist who keeps it. */
export function associationMembers(db: Db, association: Pick<AssociationRow, 'id' | 'municipalityId'>): AssociationTeacher[] {
  readNewTeacherSubjects(db);
  return prepared(
    db,
    `SELECT t.id, t.last_name || ' ' || t.first_name || ' ' || t.middle_name AS name, s.name AS school
     FROM teachers t JOIN schools s ON s.id = t.school_id
     WHERE t.erased_at IS NULL AND s.municipality_id = @municipalityId AND ${inAssociationSql('t', '@association')}
     ORDER BY t.last_name, t.first_name, t.middle_name, t.id`,
  ).all({ municipalityId: association.municipalityId, association: association.id }) as AssociationTeacher[];
}

/** The teachers a methodist took out of this МО (and who would otherwise be in it or were put in): shown so that they can be brought back. */
export function takenOut(db: Db, association: Pick<AssociationRow, 'id' | 'municipalityId'>): AssociationTeacher[] {
  return prepared(
    db,
    `SELECT t.id, t.last_name || ' ' || t.first_name || ' ' || t.middle_name AS name, s.name AS school
     FROM methodical_association_members mm JOIN teachers t ON t.id = mm.teacher_id JOIN schools s ON s.id = t.school_id
     WHERE mm.association_id = @association AND mm.member = 0 AND t.erased_at IS NULL AND s.municipality_id = @municipalityId
     ORDER BY t.last_name, t.first_name, t.middle_name, t.id`,
  ).all({ municipalityId: association.municipalityId, association: association.id }) as AssociationTeacher[];
}

function setMembership(db: Db, associationId: number, teacherId: number, member: boolean): void {
  prepared(
    db,
    `INSERT INTO methodical_association_members (association_id, teacher_id, member) VALUES (?, ?, ?)
     ON CONFLICT (association_id, teacher_id) DO UPDATE SET member = excluded.member`,
  ).run(associationId, teacherId, member ? 1 : 0);
}

/** Moves a teacher out of one МО and, unless `to` is null, into another: one change, both memberships explicit. */
export function moveTeacher(db: Db, move: { teacherId: number; from: number; to: number | null }): void {
  db.transaction(() => {
    setMembership(db, move.from, move.teacherId, false);
    if (move.to !== null) setMembership(db, move.to, move.teacherId, true);
  })();
}

/** Brings a teacher taken out back into the МО. */
export function bringBack(db: Db, associationId: number, teacherId: number): void {
  setMembership(db, associationId, teacherId, true);
}

/** The МО a scope may address, for a group's filter: names only (the regional administrator's with the municipality). */
export function associationChoices(db: Db, scope: StaffScope): { id: number; name: string }[] {
  const municipalityId = scope.kind === 'methodist' ? scope.municipalityId : null;
  return (
    prepared(
      db,
      `SELECT a.id, a.name, m.name AS municipality FROM methodical_associations a JOIN municipalities m ON m.id = a.municipality_id
       WHERE (@municipalityId IS NULL OR a.municipality_id = @municipalityId) ORDER BY m.name, a.name, a.id`,
    ).all({ municipalityId }) as { id: number; name: string; municipality: string }[]
  ).map((a) => ({ id: a.id, name: scope.kind === 'methodist' ? a.name : `${a.name} (${a.municipality})` }));
}

/** An МО's teachers by competency: with a result, with a deficit, of them with выраженный дефицит (teacher_standings, as now). */
export interface AssociationStanding {
  area: CompetencyId;
  scored: number;
  deficit: number;
  highDeficit: number;
}

/** An МО as a group of its members: how many, how many passed a diagnostic, how many have a deficit in any competency, and by competency. */
export interface AssociationDeficits {
  members: number;
  diagnosed: number;
  withDeficit: number;
  byCompetency: AssociationStanding[];
}

/**
 * The members of the МО a municipality (or, with null, the republic) has, as pairs: the default by subject
 * less those taken out, and those put in. One statement for every МО of the list, so that the page reads
 * the members of all МО at once rather than scanning a municipality's teachers per МО.
 */
const membersSql = `WITH members(association_id, teacher_id) AS (
    SELECT a.id, t.id FROM methodical_associations a
      JOIN teacher_subjects ts ON ts.subject = a.subject
      JOIN teachers t ON t.id = ts.teacher_id AND t.erased_at IS NULL
      JOIN schools s ON s.id = t.school_id AND s.municipality_id = a.municipality_id
    WHERE (@municipalityId IS NULL OR a.municipality_id = @municipalityId) AND (@associationId IS NULL OR a.id = @associationId)
      AND NOT EXISTS (SELECT 1 FROM methodical_association_members mm WHERE mm.association_id = a.id AND mm.teacher_id = t.id AND mm.member = 0)
    UNION
    SELECT a.id, t.id FROM methodical_associations a
      JOIN methodical_association_members mm ON mm.association_id = a.id AND mm.member = 1
      JOIN teachers t ON t.id = mm.teacher_id AND t.erased_at IS NULL
      JOIN schools s ON s.id = t.school_id AND s.municipality_id = a.municipality_id
    WHERE (@municipalityId IS NULL OR a.municipality_id = @municipalityId) AND (@associationId IS NULL OR a.id = @associationId)
  )`;

const scoredLevels = `('highDeficit', 'moderateDeficit', 'noDeficit')`;
const competencyList = `(${competencyIds.map((id) => `'${id}'`).join(', ')})`;

/**
 * МО as a grouping (issue 21): each МО's members and their current standings, for the staff page «МО».
 * Not suppressed: the page lists the members by name to the methodist who keeps them (as «Педагоги» does),
 * and it is never a council summary. `associationId` narrows it to one МО.
 */
export function associationDeficits(
  db: Db,
  scope: StaffScope,
  filter: { municipalityId?: number | undefined; associationId?: number | undefined } = {},
): Map<number, AssociationDeficits> {
  readNewTeacherSubjects(db);
  const params = {
    municipalityId: scope.kind === 'methodist' ? scope.municipalityId : (filter.municipalityId ?? null),
    associationId: filter.associationId ?? null,
  };
  const totals = prepared(
    db,
    `${membersSql}
     SELECT mb.association_id AS associationId, count(DISTINCT mb.teacher_id) AS members,
       count(DISTINCT CASE WHEN d.level IN ${scoredLevels} THEN mb.teacher_id END) AS diagnosed,
       count(DISTINCT CASE WHEN d.level IN ${deficitLevelsSql} THEN mb.teacher_id END) AS withDeficit
     FROM members mb LEFT JOIN teacher_standings d ON d.teacher_id = mb.teacher_id AND d.area IN ${competencyList}
     GROUP BY mb.association_id`,
  ).all(params) as { associationId: number; members: number; diagnosed: number; withDeficit: number }[];
  const byArea = prepared(
    db,
    `${membersSql}
     SELECT mb.association_id AS associationId, d.area, sum(d.level IN ${scoredLevels}) AS scored,
       sum(d.level IN ${deficitLevelsSql}) AS deficit, sum(d.level = 'highDeficit') AS highDeficit
     FROM members mb JOIN teacher_standings d ON d.teacher_id = mb.teacher_id AND d.area IN ${competencyList}
     GROUP BY mb.association_id, d.area`,
  ).all(params) as ({ associationId: number } & AssociationStanding)[];
  const result = new Map<number, AssociationDeficits>();
  for (const { associationId, ...counts } of totals) result.set(associationId, { ...counts, byCompetency: [] });
  const rank = (area: string) => (competencyIds as readonly string[]).indexOf(area);
  for (const { associationId, ...standing } of byArea.sort((a, b) => rank(a.area) - rank(b.area))) result.get(associationId)?.byCompetency.push(standing);
  return result;
}
