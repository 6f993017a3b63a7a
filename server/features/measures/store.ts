import type { CompetencyId } from '../../../shared/competencies.ts';
import { decodeResult } from '../../../shared/scoring/compact-result.ts';
import { type StaffScope, visibleMunicipalities } from '../../platform/auth/scope.ts';
import { type Db, now } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';
import type { GroupFilter } from '../recommendations/group-store.ts';
import type { Scored } from './effect.ts';

/** The kinds of measures and management decisions (seeds 001 5.1, 004). */
export const measureKinds = ['seminar', 'courseOrder', 'consultations', 'mentoring', 'schoolPartnership', 'methodicalAssociation', 'other'] as const;
export type MeasureKind = (typeof measureKinds)[number];

export interface NewMeasure {
  municipalityId: number | null;
  author: string;
  kind: MeasureKind;
  title: string;
  competency: CompetencyId;
  indicator: string | null;
  targetValue: number | null;
  start: string;
  end: string;
  filter: GroupFilter;
  teacherIds: number[];
}

export interface MeasureRow extends Omit<NewMeasure, 'teacherIds'> {
  id: number;
  municipality: string | null;
  createdAt: string;
  teachers: number;
}

/** Logs a measure with its target group, frozen now. Returns its id. */
export function logMeasure(db: Db, measure: NewMeasure, at: string = now()): number {
  return db.transaction(() => {
    const id = Number(
      prepared(
        db,
        `INSERT INTO measures (municipality_id, author, kind, title, competency, indicator, target_value, start_date, end_date, filter_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        measure.municipalityId,
        measure.author,
        measure.kind,
        measure.title,
        measure.competency,
        measure.indicator,
        measure.targetValue,
        measure.start,
        measure.end,
        JSON.stringify(measure.filter),
        at,
      ).lastInsertRowid,
    );
    const add = prepared(db, 'INSERT INTO measure_teachers (measure_id, teacher_id) VALUES (?, ?)');
    for (const teacherId of measure.teacherIds) add.run(id, teacherId);
    return id;
  })();
}

const columns = `ms.id, ms.municipality_id AS municipalityId, m.name AS municipality, ms.author, ms.kind, ms.title, ms.competency, ms.indicator,
  ms.target_value AS targetValue, ms.start_date AS start, ms.end_date AS "end", ms.filter_json AS filterJson, ms.created_at AS createdAt,
  (SELECT count(*) FROM measure_teachers g WHERE g.measure_id = ms.id) AS teachers
  FROM measures ms LEFT JOIN municipalities m ON m.id = ms.municipality_id`;

type Raw = Omit<MeasureRow, 'filter'> & { filterJson: string };
const toRow = ({ filterJson, ...row }: Raw): MeasureRow => ({ ...row, filter: JSON.parse(filterJson) as GroupFilter });

/** The measures of a scope that run at some time between two days (a plan's year), by start. */
export function listMeasures(db: Db, scope: StaffScope, from: string, to: string): MeasureRow[] {
  const visible = visibleMunicipalities(scope);
  return (
    prepared(
      db,
      `SELECT ${columns} WHERE (@all = 1 OR ms.municipality_id IN (SELECT value FROM json_each(@ids))) AND ms.start_date <= @to AND ms.end_date >= @from
       ORDER BY ms.start_date, ms.end_date, ms.id`,
    ).all({ all: visible === 'all' ? 1 : 0, ids: JSON.stringify(visible === 'all' ? [] : visible), from, to }) as Raw[]
  ).map(toRow);
}

/** Every measure, republic-wide and every municipality's, that runs at some time between two days (the council's summary). */
export function measuresRunning(db: Db, from: string, to: string): MeasureRow[] {
  return (
    prepared(db, `SELECT ${columns} WHERE ms.start_date <= @to AND ms.end_date >= @from ORDER BY ms.start_date, ms.end_date, ms.id`).all({ from, to }) as Raw[]
  ).map(toRow);
}

export function findMeasure(db: Db, id: number): MeasureRow | undefined {
  const row = prepared(db, `SELECT ${columns} WHERE ms.id = ?`).get(id) as Raw | undefined;
  return row && toRow(row);
}

export function measureGroup(db: Db, id: number): number[] {
  return prepared(db, 'SELECT teacher_id FROM measure_teachers WHERE measure_id = ? ORDER BY teacher_id').pluck().all(id) as number[];
}

/** The comparable group: the teachers of the same municipality (the republic, for a regional measure) outside the target group. */
export function comparisonGroup(db: Db, measure: Pick<MeasureRow, 'id' | 'municipalityId'>): number[] {
  return prepared(
    db,
    `SELECT t.id FROM teachers t JOIN schools s ON s.id = t.school_id
     WHERE t.erased_at IS NULL AND (@municipalityId IS NULL OR s.municipality_id = @municipalityId)
       AND t.id NOT IN (SELECT teacher_id FROM measure_teachers WHERE measure_id = @id) ORDER BY t.id`,
  )
    .pluck()
    .all({ municipalityId: measure.municipalityId, id: measure.id }) as number[];
}

/** Each teacher's scores in the indicator (or, without one, the competency), from the competency diagnostics. */
export function scoreHistories(db: Db, teacherIds: number[], target: { competency: CompetencyId; indicator: string | null }): Map<number, Scored[]> {
  const rows = prepared(
    db,
    `SELECT a.teacher_id AS teacherId, a.completed_at AS completedAt, a.result_json AS resultJson
     FROM attempts a JOIN instruments i ON i.id = a.instrument_id AND i.version = a.instrument_version
     WHERE a.teacher_id IN (SELECT value FROM json_each(?)) AND i.kind <> 'screening'`,
  ).all(JSON.stringify(teacherIds)) as { teacherId: number; completedAt: string; resultJson: string }[];
  const histories = new Map<number, Scored[]>();
  for (const row of rows) {
    const result = decodeResult(row.resultJson);
    const found = target.indicator ? result.indicators[target.indicator] : result.areas[target.competency];
    if (!found) continue;
    const list = histories.get(row.teacherId) ?? histories.set(row.teacherId, []).get(row.teacherId)!;
    list.push({ completedAt: row.completedAt, score: found.score });
  }
  return histories;
}
