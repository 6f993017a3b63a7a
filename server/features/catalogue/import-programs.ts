import { framework } from '../../../shared/content/shipped-framework.ts';
import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { type CompetencyId, competencyIds, type ProgramFormat, programFormats } from '../../../shared/competencies.ts';
import { useRussianValidationMessages } from '../../../shared/schemas/locale.ts';
import { type Program, programSchema } from '../../../shared/schemas/program.ts';
import { messages } from './messages.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import type { Db } from '../../platform/database/database.ts';
import { foldText, getProgram, programOfRun, upsertPrograms } from './program-store.ts';
import { municipalityNames } from '../roster/store.ts';

/**
 * Loading the ДПО catalogue from a CSV file, one row per run with the
 * programme's columns repeated. One code path for the CLI and the admin
 * page: `previewCatalogue` reads and checks, `importCatalogue` saves what
 * the preview accepted.
 */

const t = messages.catalogueImport;

export const catalogueColumns = [
  'program_id',
  'title',
  'provider',
  'hours',
  'format',
  'competencies',
  'municipality',
  'registry_url',
  'run_id',
  'start',
  'end',
  'seats',
  'indicators',
] as const;
type Column = (typeof catalogueColumns)[number];
/** Columns that may be left out of the header: an empty value means the same. */
const optionalColumns: readonly Column[] = ['municipality', 'registry_url', 'indicators'];

/**
 * Header names accepted for each column: the English identifiers, the Russian titles of the
 * admin pages' forms (messages.catalogueImport.columnNames) and a few usual spellings, in any
 * case, with ё or е, as the roster's import accepts them.
 */
const headerAliases = new Map<string, Column>();
for (const column of catalogueColumns) {
  headerAliases.set(column, column);
  for (const name of [t.columnNames[column], ...(t.columnSpellings[column] ?? [])]) headerAliases.set(foldHeader(name), column);
}

function foldHeader(name: string): string {
  return foldText(name).replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** The file cannot be read at all (encoding, header, CSV syntax); the sentence says why. */
export class CatalogueFileError extends Error {
  override name = 'CatalogueFileError';
}

export interface InvalidRow {
  /** 1-based line of the file, the header being line 1. */
  line: number;
  reason: string;
}

export interface CataloguePreview {
  /** Programmes built from the valid rows, with their runs, in file order. */
  programs: Program[];
  invalid: InvalidRow[];
  /** Data rows read (the header not counted). */
  rows: number;
  delimiter: ',' | ';';
}

export interface CatalogueImportResult extends CataloguePreview {
  imported: boolean;
  created: number;
  updated: number;
  /** Runs written. */
  runs: number;
}

const formatsByName = new Map<string, ProgramFormat>([
  ...programFormats.map((id) => [foldText(id), id] as const),
  ...programFormats.map((id) => [foldText(messages.programs.formatNames[id]), id] as const),
  ['очно заочно', 'ochnoZaochno'],
  ['очно–заочно', 'ochnoZaochno'],
  ['очно-заочная', 'ochnoZaochno'],
  ['очная', 'ochno'],
  ['заочно', 'distance'],
  ['дистанционная', 'distance'],
]);

const competenciesByName = new Map<string, CompetencyId>([
  ...competencyIds.map((id) => [foldText(id), id] as const),
  ...competencyIds.map((id) => [foldText(messages.programs.competencyNames[id]), id] as const),
]);

function decode(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    throw new CatalogueFileError(t.notUtf8);
  }
}

/** `;` when the header has more of them than of commas (Excel in a Russian locale), else `,`. */
function detectDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = header.replace(/"[^"]*"/g, '');
  const count = (char: string) => outsideQuotes.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function readRecords(text: string, delimiter: string): { record: string[]; line: number }[] {
  try {
    const rows = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return rows.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    if (error instanceof CsvError) throw new CatalogueFileError(t.unreadable((error as CsvError & { lines?: number }).lines ?? 1));
    throw error;
  }
}

/** YYYY-MM-DD or DD.MM.YYYY, a real day of the calendar, as YYYY-MM-DD; undefined otherwise. */
export function parseCatalogueDate(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = value.includes('.') ? [match[3]!, match[2]!, match[1]!] : [match[1]!, match[2]!, match[3]!];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const iso = `${year}-${month}-${day}`;
  return date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

type RowResult = { ok: true; program: Program } | { ok: false; reason: string };

const schemaColumns: Record<string, Column> = {
  id: 'program_id',
  title: 'title',
  provider: 'provider',
  hours: 'hours',
  format: 'format',
  competencies: 'competencies',
  municipality: 'municipality',
  registryUrl: 'registry_url',
  indicators: 'indicators',
};
const runColumns: Record<string, Column> = { id: 'run_id', start: 'start', end: 'end', seats: 'seats' };

/** The column a schema issue is about. */
function columnOf(issue: z.core.$ZodIssue): Column | undefined {
  const [first, , runField] = issue.path;
  return first === 'runs' ? runColumns[String(runField)] : schemaColumns[String(first)];
}

/**
 * One row as a programme with a single run, or every reason it is not one (one a column, in the
 * columns' order), each naming the column as the file's header does (`name`).
 */
function readRow(value: (column: Column) => string, name: (column: Column) => string, municipalities: Map<string, string>): RowResult {
  const problems = new Map<Column, string>();
  const integer = (column: Column): number => {
    if (/^\d{1,9}$/.test(value(column))) return Number(value(column));
    problems.set(column, t.notInteger(name(column)));
    return 1; // a stand-in, so that the schema below reports only the other columns
  };
  const hours = integer('hours');
  const seats = integer('seats');

  const format = formatsByName.get(foldText(value('format')).replace(/\s+/g, ' '));
  if (!format) problems.set('format', t.badFormat(name('format'), value('format')));

  const competencies: CompetencyId[] = [];
  for (const part of value('competencies')
    .split(/[,;|]/)
    .map((piece) => piece.trim())
    .filter(Boolean)) {
    const id = competenciesByName.get(foldText(part).replace(/\s+/g, ' '));
    if (!id) problems.set('competencies', t.badCompetency(name('competencies'), part));
    else if (!competencies.includes(id)) competencies.push(id);
  }
  if (competencies.length === 0 && !problems.has('competencies')) problems.set('competencies', t.noCompetencies(name('competencies')));

  const indicators = readIndicators(value('indicators'));
  if (typeof indicators === 'string') problems.set('indicators', indicators);

  let municipality: string | null = null;
  if (value('municipality')) {
    municipality = municipalities.get(foldText(value('municipality'))) ?? null;
    if (!municipality) problems.set('municipality', t.unknownMunicipality(name('municipality'), value('municipality')));
  }

  const start = parseCatalogueDate(value('start'));
  if (!start) problems.set('start', t.badDate(name('start')));
  const end = parseCatalogueDate(value('end'));
  if (!end) problems.set('end', t.badDate(name('end')));

  const parsed = programSchema.safeParse({
    id: value('program_id'),
    title: value('title'),
    provider: value('provider'),
    hours,
    format: format ?? 'ochno',
    competencies: competencies.length ? competencies : ['subject'],
    indicators: typeof indicators === 'string' ? [] : indicators,
    municipality,
    registryUrl: value('registry_url') || null,
    runs: [{ id: value('run_id'), start: start ?? '2000-01-01', end: end ?? start ?? '2000-01-01', seats }],
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columnOf(issue);
      if (column && !problems.has(column)) problems.set(column, t.column(name(column), issue.message));
      if (!column) problems.set('program_id', issue.message);
    }
  }
  if (problems.size === 0 && parsed.success) return { ok: true, program: parsed.data };
  const reasons = catalogueColumns.filter((column) => problems.has(column)).map((column) => problems.get(column)!);
  return { ok: false, reason: reasons.join('; ') };
}

/** The column where two rows of one programme disagree, if any. */
function differingColumn(a: Program, b: Program): Column | undefined {
  if (a.title !== b.title) return 'title';
  if (a.provider !== b.provider) return 'provider';
  if (a.hours !== b.hours) return 'hours';
  if (a.format !== b.format) return 'format';
  if ([...a.competencies].sort().join() !== [...b.competencies].sort().join()) return 'competencies';
  if (a.municipality !== b.municipality) return 'municipality';
  if (a.registryUrl !== b.registryUrl) return 'registry_url';
  if ([...a.indicators].sort().join() !== [...b.indicators].sort().join()) return 'indicators';
  return undefined;
}

/** The `indicators` cell: indicator ids of the framework (methodical.formativeAssessment), separated by , ; or |; the sentence when one is unknown. */
export function readIndicators(cell: string): string[] | string {
  const ids: string[] = [];
  for (const id of cell
    .split(/[,;|]/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (!frameworkIndicatorIds.has(id)) return t.badIndicator(id);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

const frameworkIndicatorIds = new Set(framework.indicators.map((indicator) => indicator.id));

/**
 * Reads a catalogue file and checks every row, saving nothing. Throws
 * CatalogueFileError when the file as a whole cannot be read.
 */
export interface CatalogueScope {
  /**
   * A methodist keeps only their own municipality's programmes: rows for
   * another municipality or the whole republic, or updating a programme
   * someone else keeps, are invalid.
   */
  onlyMunicipality?: string | undefined;
}

/** Why a methodist of `municipality` may not load this programme, if they may not. */
function outOfScope(db: Db, program: Program, municipality: string): string | undefined {
  if (program.municipality !== municipality) return messages.adminPages.imports.notYourMunicipality(municipality);
  const stored = getProgram(db, program.id);
  if (stored && stored.municipality !== municipality) return messages.adminPages.imports.programOfOtherMunicipality(program.id);
  return undefined;
}

export function previewCatalogue(db: Db, input: string | Uint8Array, scope: CatalogueScope = {}): CataloguePreview {
  useRussianValidationMessages(); // the CLI has no app to set it
  const text = decode(input);
  if (!text.trim()) throw new CatalogueFileError(t.empty);
  const delimiter = detectDelimiter(text);
  const [header, ...records] = readRecords(text, delimiter);
  if (!header) throw new CatalogueFileError(t.empty);

  const index = new Map<Column, number>();
  const headerNames = new Map<Column, string>();
  header.record.forEach((name, at) => {
    const column = headerAliases.get(foldHeader(name));
    if (!column) return; // extra columns (№, примечание) are ignored
    if (index.has(column)) throw new CatalogueFileError(t.duplicateColumn(name.trim()));
    index.set(column, at);
    headerNames.set(column, name.trim());
  });
  const missing = catalogueColumns.filter((column) => !index.has(column) && !optionalColumns.includes(column));
  if (missing.length) throw new CatalogueFileError(t.missingColumns(missing.map((column) => `${t.columnNames[column]} (${column})`).join(', ')));
  if (records.length === 0) throw new CatalogueFileError(t.noRows);
  const name = (column: Column) => headerNames.get(column) ?? t.columnNames[column];

  const municipalities = new Map(municipalityNames(db).map((name) => [foldText(name), name]));
  const programs = new Map<string, { program: Program; line: number }>();
  const runLines = new Map<string, number>();
  const invalid: InvalidRow[] = [];

  for (const { record, line } of records) {
    if (record.length !== header.record.length) {
      invalid.push({ line, reason: t.columnCount(record.length, header.record.length) });
      continue;
    }
    const value = (column: Column) => {
      const at = index.get(column);
      return at === undefined ? '' : (record[at] ?? '').trim();
    };
    const row = readRow(value, name, municipalities);
    if (!row.ok) {
      invalid.push({ line, reason: row.reason });
      continue;
    }
    const refusal = scope.onlyMunicipality === undefined ? undefined : outOfScope(db, row.program, scope.onlyMunicipality);
    if (refusal) {
      invalid.push({ line, reason: refusal });
      continue;
    }
    const run = row.program.runs[0]!;
    const seenAt = runLines.get(run.id);
    if (seenAt !== undefined) {
      invalid.push({ line, reason: t.duplicateRun(run.id, seenAt) });
      continue;
    }
    const owner = programOfRun(db, run.id);
    if (owner !== undefined && owner !== row.program.id) {
      invalid.push({ line, reason: t.runOfOtherProgram(run.id, owner) });
      continue;
    }
    const known = programs.get(row.program.id);
    if (known) {
      const column = differingColumn(known.program, row.program);
      if (column) {
        invalid.push({ line, reason: t.programDiffers(row.program.id, known.line, column) });
        continue;
      }
      known.program.runs.push(run);
    } else {
      programs.set(row.program.id, { program: row.program, line });
    }
    runLines.set(run.id, line);
  }
  return { programs: [...programs.values()].map(({ program }) => program), invalid, rows: records.length, delimiter };
}

/**
 * Imports a catalogue file: nothing is saved when any row is invalid, unless
 * `skipInvalid`, when the valid rows are. Re-importing a file updates the
 * programmes and runs it names and never duplicates them; an archived
 * programme stays archived.
 */
export function importCatalogue(
  db: Db,
  input: string | Uint8Array,
  options: CatalogueScope & { skipInvalid?: boolean /** Who imports, for the audit log: `cli`, `staff:login`. */; actor?: string } = {},
): CatalogueImportResult {
  const preview = previewCatalogue(db, input, options);
  if (preview.invalid.length > 0 && !options.skipInvalid) return { ...preview, imported: false, created: 0, updated: 0, runs: 0 };
  const runs = preview.programs.reduce((sum, program) => sum + program.runs.length, 0);
  const { created, updated } = db
    .transaction(() => {
      const counts = upsertPrograms(db, preview.programs, { keepArchived: true });
      writeAudit(db, { actor: options.actor ?? 'cli', action: 'catalogue.import', details: { ...counts, runs, skipped: preview.invalid.length } });
      return counts;
    })
    .immediate();
  return { ...preview, imported: true, created, updated, runs };
}
