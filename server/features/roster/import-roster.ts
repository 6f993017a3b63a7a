import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { useRussianValidationMessages } from '../../../shared/schemas/locale.ts';
import { type RosterColumn, type RosterRow, optionalRosterColumns, rosterColumns, rosterRowSchema } from '../../../shared/schemas/roster.ts';
import { messages } from './messages.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import type { Db } from '../../platform/database/database.ts';
import { codeLifetimeDays, issueConnectionCode } from '../connection/code-store.ts';
import { insertTeacher, municipalityNames, schoolNames, teacherIdentities } from './store.ts';

/**
 * Loading the roster (реестр педагогов) from a CSV file. One code path for
 * the CLI and, later, the admin page: `previewRoster` reads and checks
 * without writing, `importRoster` saves what the preview accepted.
 *
 * A teacher is identified by full name (фамилия, имя, отчество) and school
 * within its municipality, compared without regard to case, ё/е, runs of
 * spaces or the kind of quotes. Re-importing a file therefore finds the
 * teachers already there and leaves them as they are: the roster creates
 * records, it does not overwrite what the teacher has since edited.
 * A teacher whose data was erased has no name left and is not matched.
 */

const t = messages.roster;

/** The file cannot be read at all (encoding, header, CSV syntax); the sentence says why. */
export class RosterFileError extends Error {
  override name = 'RosterFileError';
}

export interface InvalidRosterRow {
  /** 1-based line of the file where the row starts, the header being line 1. */
  line: number;
  reason: string;
}

export interface RosterEntry {
  line: number;
  row: RosterRow;
  /** The teacher this row names, when they are already in the database. */
  existingId: number | null;
}

export interface RosterPreview {
  entries: RosterEntry[];
  invalid: InvalidRosterRow[];
  /** Data rows read (the header and blank rows not counted). */
  rows: number;
  delimiter: ',' | ';';
}

export interface NewTeacherCode {
  teacherId: number;
  lastName: string;
  firstName: string;
  middleName: string;
  school: string;
  municipality: string;
  /** The connection code in clear: it exists nowhere else. */
  code: string;
  expiresAt: string;
}

export interface RosterImportResult extends RosterPreview {
  imported: boolean;
  created: NewTeacherCode[];
  /** Valid rows that named a teacher already in the database. */
  existing: number;
}

/** Header names accepted for each column: the English identifiers and the Russian titles. */
const headerAliases = new Map<string, RosterColumn>();
const snake: Record<RosterColumn, string> = {
  lastName: 'last_name',
  firstName: 'first_name',
  middleName: 'middle_name',
  municipality: 'municipality',
  school: 'school',
  position: 'position',
  subjects: 'subjects',
  experienceYears: 'experience_years',
  category: 'category',
  status: 'status',
  birthYear: 'birth_year',
};
for (const column of rosterColumns) {
  headerAliases.set(snake[column], column);
  headerAliases.set(fold(t.columnNames[column]), column);
}

/** How two spellings of one name compare: case, ё/е, spaces and quotes do not matter. */
export function fold(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„]/g, '"')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function decode(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    throw new RosterFileError(t.notUtf8);
  }
}

/** `;` when the header has more of them than of commas (Excel in a Russian locale), else `,`. */
function detectDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const outsideQuotes = header.replace(/"[^"]*"/g, '');
  const count = (char: string) => outsideQuotes.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Records with the line each starts on (csv-parse counts lines at the record's end, and \r\n inside quotes twice). */
function readRecords(text: string, delimiter: string): { record: string[]; line: number }[] {
  let rows: { record: string[]; raw: string }[];
  try {
    rows = parse(text, { delimiter, bom: true, raw: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as {
      record: string[];
      raw: string;
    }[];
  } catch (error) {
    if (error instanceof CsvError) throw new RosterFileError(t.unreadable((error as CsvError & { lines?: number }).lines ?? 1));
    throw error;
  }
  let offset = 0;
  let scanned = 0;
  let breaks = 0;
  return rows.map(({ record, raw }) => {
    const start = offset + (/^[\r\n]*/.exec(raw)?.[0].length ?? 0);
    breaks += (text.slice(scanned, start).match(/\r\n|\r|\n/g) ?? []).length;
    scanned = start;
    offset += raw.length;
    return { record, line: breaks + 1 };
  });
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const column = issue.path[0] as RosterColumn | undefined;
  return column ? t.column(t.columnNames[column], issue.message) : issue.message;
}

/** The key of a teacher: full name and school, within the municipality. */
function identity(row: Pick<RosterRow, 'lastName' | 'firstName' | 'middleName' | 'school' | 'municipality'>): string {
  return [row.municipality, row.school, row.lastName, row.firstName, row.middleName].map(fold).join('\u0000');
}

function knownTeachers(db: Db): Map<string, number> {
  const rows = teacherIdentities(db);
  const known = new Map<string, number>();
  for (const row of rows) if (!known.has(identity(row))) known.set(identity(row), row.id);
  return known;
}

export interface RosterScope {
  /** A methodist loads only teachers of their own municipality: rows of another one are invalid. */
  onlyMunicipality?: string | undefined;
}

/**
 * Reads a roster file and checks every row, saving nothing. Throws
 * RosterFileError when the file as a whole cannot be read.
 */
export function previewRoster(db: Db, input: string | Uint8Array, scope: RosterScope = {}): RosterPreview {
  useRussianValidationMessages(); // the CLI has no app to set it
  const text = decode(input);
  if (!text.trim()) throw new RosterFileError(t.empty);
  const delimiter = detectDelimiter(text);
  const [header, ...records] = readRecords(text, delimiter);
  if (!header) throw new RosterFileError(t.empty);

  const index = new Map<RosterColumn, number>();
  header.record.forEach((name, at) => {
    const column = headerAliases.get(fold(name));
    if (!column) return; // extra columns (№, примечание) are ignored
    if (index.has(column)) throw new RosterFileError(t.duplicateColumn(name.trim()));
    index.set(column, at);
  });
  const missing = rosterColumns.filter((column) => !index.has(column) && !optionalRosterColumns.includes(column));
  if (missing.length) throw new RosterFileError(t.missingColumns(missing.map((column) => t.columnNames[column]).join(', ')));

  const known = knownTeachers(db);
  const seen = new Map<string, number>();
  const entries: RosterEntry[] = [];
  const invalid: InvalidRosterRow[] = [];
  let rows = 0;
  for (const { record, line } of records) {
    if (record.every((cell) => cell.trim() === '')) continue; // a spreadsheet's trailing «;;;;;;;»
    rows++;
    if (record.length !== header.record.length) {
      invalid.push({ line, reason: t.columnCount(record.length, header.record.length) });
      continue;
    }
    const cells = Object.fromEntries(rosterColumns.map((column) => [column, index.has(column) ? record[index.get(column)!]! : '']));
    const parsed = rosterRowSchema.safeParse(cells);
    if (!parsed.success) {
      invalid.push({ line, reason: describe(parsed.error) });
      continue;
    }
    if (scope.onlyMunicipality !== undefined && fold(parsed.data.municipality) !== fold(scope.onlyMunicipality)) {
      invalid.push({ line, reason: messages.adminPages.imports.teacherOfOtherMunicipality(scope.onlyMunicipality) });
      continue;
    }
    const key = identity(parsed.data);
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      invalid.push({ line, reason: t.duplicateRow(firstLine) });
      continue;
    }
    seen.set(key, line);
    entries.push({ line, row: parsed.data, existingId: known.get(key) ?? null });
  }
  if (rows === 0) throw new RosterFileError(t.noRows);
  return { entries, invalid, rows, delimiter };
}

/** The existing spelling of a municipality or school that folds to the same as `name`, else `name`. */
function existingSpelling(names: string[], name: string): string {
  return names.find((candidate) => fold(candidate) === fold(name)) ?? name;
}

/**
 * Imports a roster file in one transaction: nothing is saved when any row
 * is invalid, unless `skipInvalid`, when the valid rows are. Missing
 * municipalities and schools are created; each new teacher gets an
 * connection code, returned in clear. Teachers already there are counted
 * and left unchanged, and get no new code (`profrost codes reissue` does).
 */
export function importRoster(
  db: Db,
  input: string | Uint8Array,
  options: RosterScope & { skipInvalid?: boolean /** Who imports, for the audit log: `cli`, `staff:login`. */; actor?: string; at?: Date } = {},
): RosterImportResult {
  const at = options.at ?? new Date();
  return db
    .transaction((): RosterImportResult => {
      // Read inside the write lock, so that two imports at once cannot both create a teacher.
      const preview = previewRoster(db, input, options);
      const existing = preview.entries.filter((entry) => entry.existingId !== null).length;
      if (preview.invalid.length > 0 && !options.skipInvalid) return { ...preview, imported: false, created: [], existing };

      const municipalities = municipalityNames(db);
      const expiresAt = new Date(at.getTime() + codeLifetimeDays * 24 * 3600 * 1000).toISOString();
      const created: NewTeacherCode[] = [];
      for (const { row, existingId } of preview.entries) {
        if (existingId !== null) continue;
        const municipality = existingSpelling(municipalities, row.municipality);
        if (!municipalities.includes(municipality)) municipalities.push(municipality);
        const schools = schoolNames(db, municipality);
        const school = existingSpelling(schools, row.school);
        const teacherId = insertTeacher(db, { ...row, municipality, school });
        const code = issueConnectionCode(db, teacherId, at);
        created.push({ teacherId, lastName: row.lastName, firstName: row.firstName, middleName: row.middleName, school, municipality, code, expiresAt });
      }
      writeAudit(
        db,
        {
          actor: options.actor ?? 'cli',
          action: 'roster.import',
          details: { created: created.length, existing, invalid: preview.invalid.length, teacherIds: created.map((c) => c.teacherId) },
        },
        at.toISOString(),
      );
      return { ...preview, imported: true, created, existing };
    })
    .immediate();
}
