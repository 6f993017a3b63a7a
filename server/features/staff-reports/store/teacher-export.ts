import { competencyIds } from '../../../../shared/competencies.ts';
import { messages } from '../messages.ts';
import type { Db } from '../../../platform/database/database.ts';
import { csvChunks } from '../../summaries/csv.ts';
import type { ReportScope } from '../../summaries/store/grouping.ts';
import { streamFromReader } from '../../summaries/store/stream.ts';
import type { Summary, SummaryColumn, SummaryRow } from '../../summaries/summary.ts';

const x = messages.reports.exportColumns;
const levelNames = messages.reports.levelNames as Record<string, string>;

/** The export's columns: who the teacher is, then level and score per competency. Never wellbeing. */
export const teacherExportColumns: SummaryColumn[] = [
  ...(['teacherId', 'lastName', 'firstName', 'middleName', 'municipality', 'school', 'position', 'experienceYears', 'period'] as const).map((key) => ({
    key,
    header: x[key],
  })),
  ...competencyIds.flatMap((id) => [
    { key: `${id}Level`, header: x.level(messages.reports.competencyTitles[id]) },
    { key: `${id}Score`, header: x.score(messages.reports.competencyTitles[id]) },
  ]),
];

type ExportRow = [
  id: number,
  lastName: string,
  firstName: string,
  middleName: string,
  schoolId: number,
  position: string,
  experienceYears: number | null,
  /** `area:level:score;…` for the period, or null. */
  standings: string | null,
];

/**
 * One row per teacher of the scope (staff only: it names people), with their
 * level and score per competency in the period from the kept standings;
 * empty where the teacher has no result. Teachers who erased their data are
 * left out. One SQL row per teacher, its standings folded into one string
 * and read as arrays (`raw`), in school and id order, which the indexes give
 * without sorting: so 100,000 teachers stream fast in constant memory.
 */
export function* teacherExportRows(db: Db, { period, municipalityId }: ReportScope): Generator<SummaryRow> {
  const schools = new Map(
    (
      db.prepare('SELECT s.id, s.name, m.name FROM schools s JOIN municipalities m ON m.id = s.municipality_id').raw(true).all() as [number, string, string][]
    ).map(([id, school, municipality]) => [id, { school, municipality }]),
  );
  const rows = db
    .prepare(
      `SELECT t.id, t.last_name, t.first_name, t.middle_name, t.school_id, t.position, t.experience_years,
         (SELECT group_concat(r.area || ':' || r.level || ':' || ifnull(r.score, ''), ';')
          FROM report_standings r WHERE r.period = @period AND r.teacher_id = t.id AND r.area <> 'wellbeing')
       FROM teachers t
       WHERE t.erased_at IS NULL ${municipalityId === undefined ? '' : 'AND t.school_id IN (SELECT id FROM schools WHERE municipality_id = @municipalityId)'}
       ORDER BY t.school_id, t.id`,
    )
    .raw(true)
    .iterate({ period, ...(municipalityId === undefined ? {} : { municipalityId }) }) as Iterable<ExportRow>;
  const empty = Object.fromEntries(
    competencyIds.flatMap((id) => [
      [`${id}Level`, null],
      [`${id}Score`, null],
    ]),
  );
  for (const [id, lastName, firstName, middleName, schoolId, position, experienceYears, standings] of rows) {
    const where = schools.get(schoolId);
    const values: Record<string, string | number | null> = {
      teacherId: id,
      lastName,
      firstName,
      middleName,
      municipality: where?.municipality ?? '',
      school: where?.school ?? '',
      position,
      experienceYears,
      period,
      ...empty,
    };
    for (const standing of standings?.split(';') ?? []) {
      const [area, level, score] = standing.split(':') as [string, string, string];
      values[`${area}Level`] = levelNames[level] ?? level;
      values[`${area}Score`] = score === '' ? null : Number(score);
    }
    yield { values, suppressed: [] };
  }
}

export function teacherExport(db: Db, scope: ReportScope): Summary {
  return { columns: teacherExportColumns, rows: teacherExportRows(db, scope) };
}

/** The export as a streamed CSV body from its own read-only connection; for the admin pages to return. */
export function teacherExportCsv(db: Db, scope: ReportScope, options: { excel: boolean }): ReadableStream<Uint8Array> {
  return streamFromReader(db, (reader) => csvChunks(teacherExport(reader, scope), options));
}
