import { competencyIds } from '../../shared/competencies.ts';
import { messages } from '../messages.ts';
import type { Db } from '../storage/database.ts';
import { csvChunks } from './csv.ts';
import type { ReportScope } from './grouping.ts';
import { streamFromReader } from './stream.ts';
import type { Summary, SummaryColumn, SummaryRow } from './summary.ts';

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

interface ExportRow {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string;
  municipality: string;
  school: string;
  position: string;
  experienceYears: number | null;
  area: string | null;
  score: number | null;
  level: string | null;
}

/**
 * One row per teacher of the scope (staff only: it names people), with their
 * level and score per competency in the period from the kept standings;
 * empty where the teacher has no result. Teachers who erased their data are
 * left out. Rows come lazily from `stmt.iterate()` in school and id order,
 * which the indexes give without sorting, so 100,000 teachers stream in
 * constant memory.
 */
export function* teacherExportRows(db: Db, { period, municipalityId }: ReportScope): Generator<SummaryRow> {
  const rows = db
    .prepare(
      `SELECT t.id, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName, m.name AS municipality,
         s.name AS school, t.position, t.experience_years AS experienceYears, r.area, r.score, r.level
       FROM teachers t JOIN schools s ON s.id = t.school_id JOIN municipalities m ON m.id = s.municipality_id
       LEFT JOIN report_standings r ON r.period = @period AND r.teacher_id = t.id
       WHERE t.erased_at IS NULL ${municipalityId === undefined ? '' : 'AND s.municipality_id = @municipalityId'}
       ORDER BY t.school_id, t.id`,
    )
    .iterate({ period, ...(municipalityId === undefined ? {} : { municipalityId }) }) as Iterable<ExportRow>;
  let current: Record<string, string | number | null> | undefined;
  let currentId = -1;
  for (const row of rows) {
    if (row.id !== currentId) {
      if (current) yield { values: current, suppressed: [] };
      currentId = row.id;
      current = {
        teacherId: row.id,
        lastName: row.lastName,
        firstName: row.firstName,
        middleName: row.middleName,
        municipality: row.municipality,
        school: row.school,
        position: row.position,
        experienceYears: row.experienceYears,
        period,
        ...Object.fromEntries(competencyIds.flatMap((id) => [[`${id}Level`, null], [`${id}Score`, null]])),
      };
    }
    if (row.area !== null && row.area !== 'wellbeing') {
      current![`${row.area}Level`] = levelNames[row.level ?? ''] ?? row.level;
      current![`${row.area}Score`] = row.score;
    }
  }
  if (current) yield { values: current, suppressed: [] };
}

export function teacherExport(db: Db, scope: ReportScope): Summary {
  return { columns: teacherExportColumns, rows: teacherExportRows(db, scope) };
}

/** The export as a streamed CSV body from its own read-only connection; for the admin pages to return. */
export function teacherExportCsv(db: Db, scope: ReportScope, options: { excel: boolean }): ReadableStream<Uint8Array> {
  return streamFromReader(db, (reader) => csvChunks(teacherExport(reader, scope), options));
}
