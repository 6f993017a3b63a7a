import type { CompetencyId } from '../../../shared/competencies.ts';
import { decodeResult } from '../../../shared/scoring/compact-result.ts';
import { hasDeficit } from '../../../shared/scoring/deficits.ts';
import type { Db } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';
import { type ExperienceBand, experienceBandOf } from '../aggregates/experience.ts';
import { deficitLevelsSql } from '../aggregates/levels.ts';
import { type SchoolFlag, schoolFlagColumns } from '../schools/store.ts';
import { readNewTeacherSubjects } from '../subjects/store.ts';
import { inAssociationSql } from '../associations/store.ts';
import type { SubjectId } from '../subjects/subjects.ts';

/**
 * A target group: the teachers of one municipality (or of the republic, for
 * the regional administrator) that match every filter given. Recommendations
 * freeze it at sending; measures count their effect on it.
 */
export interface GroupFilter {
  /** Null: the whole republic (the regional administrator's). A methodist's is always her own. */
  municipalityId: number | null;
  /** A deficit (high or moderate) in this competency now. */
  deficit?: CompetencyId | undefined;
  /** A deficit in this indicator (показатель) in the teacher's latest diagnostic that scored it. */
  indicator?: string | undefined;
  subject?: SubjectId | undefined;
  experienceBand?: ExperienceBand | undefined;
  schoolId?: number | undefined;
  schoolFlag?: SchoolFlag | undefined;
  /** Members of this МО (methodical association) today. */
  associationId?: number | undefined;
}

/** The ids of the group's teachers today, ascending. Erased teachers are in no group. */
export function groupTeachers(db: Db, filter: GroupFilter): number[] {
  if (filter.subject || filter.associationId !== undefined) readNewTeacherSubjects(db);
  const where = [
    't.erased_at IS NULL',
    filter.municipalityId !== null ? 's.municipality_id = @municipalityId' : '',
    filter.schoolId !== undefined ? 't.school_id = @schoolId' : '',
    filter.schoolFlag ? `s.${schoolFlagColumns[filter.schoolFlag]} = 1` : '',
    filter.subject ? 'EXISTS (SELECT 1 FROM teacher_subjects ts WHERE ts.teacher_id = t.id AND ts.subject = @subject)' : '',
    filter.associationId !== undefined ? inAssociationSql('t', '@association') : '',
    filter.deficit ? `EXISTS (SELECT 1 FROM teacher_standings d WHERE d.teacher_id = t.id AND d.area = @deficit AND d.level IN ${deficitLevelsSql})` : '',
  ].filter(Boolean);
  const rows = prepared(
    db,
    `SELECT t.id, t.experience_years AS experienceYears FROM teachers t JOIN schools s ON s.id = t.school_id WHERE ${where.join(' AND ')} ORDER BY t.id`,
  ).all({
    municipalityId: filter.municipalityId,
    schoolId: filter.schoolId ?? null,
    subject: filter.subject ?? null,
    deficit: filter.deficit ?? null,
    association: filter.associationId ?? null,
  }) as { id: number; experienceYears: number | null }[];
  let ids = rows.filter((row) => !filter.experienceBand || experienceBandOf(row.experienceYears) === filter.experienceBand).map((row) => row.id);
  if (filter.indicator) {
    const latest = indicatorResults(db, ids, filter.indicator);
    ids = ids.filter((id) => {
      const result = latest.get(id)?.at(-1);
      return result !== undefined && result.score !== null && hasDeficit(result.level);
    });
  }
  return ids;
}

/** One scored indicator of one attempt. */
export interface IndicatorResult {
  completedAt: string;
  score: number | null;
  level: string;
}

/**
 * Every result the teachers have in one indicator, oldest first, from their
 * competency diagnostics (never a screening): what the indicator filter and
 * a measure's effect read.
 */
export function indicatorResults(db: Db, teacherIds: number[], indicator: string): Map<number, IndicatorResult[]> {
  const rows = prepared(
    db,
    `SELECT a.teacher_id AS teacherId, a.completed_at AS completedAt, a.result_json AS resultJson
     FROM attempts a JOIN instruments i ON i.id = a.instrument_id AND i.version = a.instrument_version
     WHERE a.teacher_id IN (SELECT value FROM json_each(?)) AND i.kind <> 'screening'
     ORDER BY a.completed_at, a.rowid`,
  ).all(JSON.stringify(teacherIds)) as { teacherId: number; completedAt: string; resultJson: string }[];
  const results = new Map<number, IndicatorResult[]>();
  for (const row of rows) {
    const found = decodeResult(row.resultJson).indicators[indicator];
    if (!found || found.area === 'wellbeing') continue;
    const list = results.get(row.teacherId) ?? results.set(row.teacherId, []).get(row.teacherId)!;
    list.push({ completedAt: row.completedAt, score: found.score, level: found.level });
  }
  return results;
}

/** The group's teachers by name, for the staff who chose it (their own teachers). */
export function groupNames(db: Db, teacherIds: number[]): { id: number; name: string; school: string }[] {
  return prepared(
    db,
    `SELECT t.id, t.last_name || ' ' || t.first_name || ' ' || t.middle_name AS name, s.name AS school
     FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id IN (SELECT value FROM json_each(?)) ORDER BY t.last_name, t.first_name, t.id`,
  ).all(JSON.stringify(teacherIds)) as { id: number; name: string; school: string }[];
}
