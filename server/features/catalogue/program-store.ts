import type { CompetencyId, ProgramFormat } from '../../../shared/competencies.ts';
import { prepared } from '../../platform/database/statements.ts';
import type { Program } from '../../../shared/schemas/program.ts';
import { type Db, now, StorageError } from '../../platform/database/database.ts';
import { promoteWaitlisted } from './enrollment-store.ts';
import { ensureMunicipality } from '../roster/store.ts';

/** The ДПО catalogue: programmes and their runs (потоки). */

export interface StoredRun {
  id: string;
  start: string;
  end: string;
  seats: number;
  /** Seats held: confirmed and completed sign-ups. */
  seatsTaken: number;
  waitlisted: number;
}

export interface StoredProgram {
  id: string;
  title: string;
  provider: string;
  hours: number;
  format: ProgramFormat;
  competencies: CompetencyId[];
  /** Indicators (показатели) the programme addresses. */
  indicators: string[];
  municipality: string | null;
  registryUrl: string | null;
  archived: boolean;
  runs: StoredRun[];
}

/**
 * Text search folds case (SQLite's lower() knows only ASCII) and ё → е, so
 * «ЦИФРОВАЯ», «цифровая» and «Цифровая» find the same programmes.
 */
export function foldText(text: string): string {
  return text.toLocaleLowerCase('ru').replaceAll('ё', 'е');
}

const withFold = new WeakSet<Db>();
/** Makes `profrost_fold(text)` (foldText in SQL) available on this database. */
export function registerFold(db: Db): void {
  if (withFold.has(db)) return;
  db.function('profrost_fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldText(value) : value) as string);
  withFold.add(db);
}

export type UpsertOutcome = 'created' | 'updated';

export interface UpsertOptions {
  /** Leave the archived flag of a programme already stored as it is (a CSV file does not carry it). */
  keepArchived?: boolean;
}

/**
 * Writes a programme with its runs: new ones are added, known ones updated.
 * Runs missing from `program` stay (sign-ups point at them); seats added to
 * a run go at once to the people waiting for them. Must run in a transaction
 * (upsertPrograms opens one).
 */
function upsertOne(db: Db, program: Program, options: UpsertOptions, at: string): UpsertOutcome {
  const municipalityId = program.municipality === null ? null : ensureMunicipality(db, program.municipality);
  const existing = prepared(db, 'SELECT archived FROM programs WHERE id = ?').get(program.id) as { archived: number } | undefined;
  const archived = existing && options.keepArchived ? existing.archived : program.archived ? 1 : 0;
  prepared(
    db,
    `INSERT INTO programs (id, title, provider, hours, format, competencies_json, indicators_json, municipality_id, registry_url, archived, created_at, updated_at)
     VALUES (@id, @title, @provider, @hours, @format, @competencies, @indicators, @municipalityId, @registryUrl, @archived, @at, @at)
     ON CONFLICT (id) DO UPDATE SET
       title = excluded.title, provider = excluded.provider, hours = excluded.hours, format = excluded.format,
       competencies_json = excluded.competencies_json, indicators_json = excluded.indicators_json, municipality_id = excluded.municipality_id,
       registry_url = excluded.registry_url, archived = excluded.archived, updated_at = excluded.updated_at`,
  ).run({
    id: program.id,
    title: program.title,
    provider: program.provider,
    hours: program.hours,
    format: program.format,
    competencies: JSON.stringify(program.competencies),
    indicators: JSON.stringify(program.indicators),
    municipalityId,
    registryUrl: program.registryUrl,
    archived,
    at,
  });
  const owner = prepared(db, 'SELECT program_id AS programId FROM program_runs WHERE id = ?');
  const upsertRun = prepared(
    db,
    `INSERT INTO program_runs (id, program_id, start_date, end_date, seats) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET start_date = excluded.start_date, end_date = excluded.end_date, seats = excluded.seats`,
  );
  for (const run of program.runs) {
    const current = owner.get(run.id) as { programId: string } | undefined;
    if (current && current.programId !== program.id) {
      throw new StorageError(`run ${run.id} belongs to programme ${current.programId}, not ${program.id}`);
    }
    upsertRun.run(run.id, program.id, run.start, run.end, run.seats);
    promoteWaitlisted(db, run.id, at);
  }
  return existing ? 'updated' : 'created';
}

/** Saves programmes in one transaction: all of them or, on any error, none. */
export function upsertPrograms(db: Db, programs: Program[], options: UpsertOptions = {}): { created: number; updated: number } {
  return db
    .transaction(() => {
      const at = now();
      let created = 0;
      let updated = 0;
      for (const program of programs) {
        if (upsertOne(db, program, options, at) === 'created') created++;
        else updated++;
      }
      return { created, updated };
    })
    .immediate();
}

export function upsertProgram(db: Db, program: Program, options: UpsertOptions = {}): UpsertOutcome {
  return upsertPrograms(db, [program], options).created ? 'created' : 'updated';
}

export function setProgramArchived(db: Db, id: string, archived: boolean): boolean {
  return prepared(db, 'UPDATE programs SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, now(), id).changes > 0;
}

interface ProgramRow {
  id: string;
  title: string;
  provider: string;
  hours: number;
  format: ProgramFormat;
  competenciesJson: string;
  indicatorsJson: string;
  municipality: string | null;
  registryUrl: string | null;
  archived: number;
}

const programColumns = `p.id, p.title, p.provider, p.hours, p.format, p.competencies_json AS competenciesJson,
  p.indicators_json AS indicatorsJson, m.name AS municipality, p.registry_url AS registryUrl, p.archived
  FROM programs p LEFT JOIN municipalities m ON m.id = p.municipality_id`;

const runColumns = `r.id, r.program_id AS programId, r.start_date AS start, r.end_date AS "end", r.seats,
  (SELECT count(*) FROM enrollments e WHERE e.run_id = r.id AND e.status IN ('confirmed', 'completed')) AS seatsTaken,
  (SELECT count(*) FROM enrollments e WHERE e.run_id = r.id AND e.status = 'waitlisted') AS waitlisted
  FROM program_runs r`;

function toProgram(row: ProgramRow, runs: StoredRun[]): StoredProgram {
  const { competenciesJson, indicatorsJson, archived, ...rest } = row;
  return {
    ...rest,
    competencies: JSON.parse(competenciesJson) as CompetencyId[],
    indicators: JSON.parse(indicatorsJson) as string[],
    archived: archived === 1,
    runs,
  };
}

/** Runs of the given programmes, earliest first, optionally only those starting on `from` or later. */
function runsOf(db: Db, programIds: string[], from: string | null): Map<string, StoredRun[]> {
  const rows = prepared(
    db,
    `SELECT ${runColumns}
       WHERE r.program_id IN (SELECT value FROM json_each(?)) AND (? IS NULL OR r.start_date >= ?)
       ORDER BY r.start_date, r.id`,
  ).all(JSON.stringify(programIds), from, from) as (StoredRun & { programId: string })[];
  const byProgram = new Map<string, StoredRun[]>(programIds.map((id) => [id, []]));
  for (const { programId, ...run } of rows) byProgram.get(programId)!.push(run);
  return byProgram;
}

/** One programme with all its runs and seats taken, archived or not. */
export function getProgram(db: Db, id: string): StoredProgram | undefined {
  const row = prepared(db, `SELECT ${programColumns} WHERE p.id = ?`).get(id) as ProgramRow | undefined;
  return row && toProgram(row, runsOf(db, [id], null).get(id)!);
}

export interface ProgramFilter {
  competency?: CompetencyId | undefined;
  format?: ProgramFormat | undefined;
  /** This municipality's programmes and the republic-wide ones; undefined: all. */
  municipality?: string | undefined;
  /** Programmes with a run starting on this day or later; only such runs are listed. */
  startingAfter?: string | undefined;
  /** Words of the title or provider, any case. */
  q?: string | undefined;
  includeArchived?: boolean;
  limit: number;
  offset: number;
}

/** A page of the catalogue and how many programmes match in all. */
export interface ProgramPage {
  readonly items: readonly StoredProgram[];
  readonly total: number;
}

interface ListingCache {
  generation: number;
  pages: Map<string, ProgramPage>;
}

/** Pages kept per database (distinct filters: the teachers' municipalities, searches); the oldest goes first. */
const maxCachedPages = 256;
const listingCaches = new WeakMap<Db, ListingCache>();

/**
 * A page of the catalogue, nearest start first, and how many programmes match
 * in all. The catalogue changes seldom and is read on every opening of the
 * panel's «Курсы» and every ИОМ rebuild, so a page is kept while the
 * database's catalogue_listing generation stands (triggers move it on at any
 * change of a programme, a run, a sign-up or a municipality's name, whoever
 * writes it); the generation is read in the same transaction as the rows.
 * Kept pages are frozen: callers build their answers from them, never change them.
 */
export function listPrograms(db: Db, filter: ProgramFilter): ProgramPage {
  const key = JSON.stringify([
    filter.competency,
    filter.format,
    filter.municipality,
    filter.startingAfter,
    filter.q,
    !!filter.includeArchived,
    filter.limit,
    filter.offset,
  ]);
  // A page kept at the generation standing now is answered without a transaction (one statement: the generation);
  // a page is read and kept inside one, so that the generation it is kept under is the one its rows were read at.
  const kept = listingCaches.get(db);
  if (kept && kept.generation === listingGeneration(db)) {
    const page = kept.pages.get(key);
    if (page) return page;
  }
  return db
    .transaction(() => {
      const generation = listingGeneration(db);
      let cache = listingCaches.get(db);
      if (!cache || cache.generation !== generation) {
        cache = { generation, pages: new Map() };
        listingCaches.set(db, cache);
      }
      let page = cache.pages.get(key);
      if (!page) {
        page = freezePage(readProgramPage(db, filter));
        if (cache.pages.size >= maxCachedPages) cache.pages.delete(cache.pages.keys().next().value!);
        cache.pages.set(key, page);
      }
      return page;
    })
    .deferred();
}

function listingGeneration(db: Db): number {
  return (prepared(db, 'SELECT generation FROM catalogue_listing WHERE id = 1').get() as { generation: number }).generation;
}

const wholeCatalogue: ProgramFilter = { includeArchived: true, limit: 100_000, offset: 0 };
const programsOfPage = new WeakMap<ProgramPage, Map<string, StoredProgram>>();

/**
 * A programme as getProgram reads it (archived or not, every run), but from the kept listing of the
 * whole catalogue (listPrograms) while its generation stands: for readers of several programmes on
 * every request (a teacher's ИОМ), where getProgram would cost two statements a programme. Frozen.
 */
export function findListedProgram(db: Db, id: string): StoredProgram | undefined {
  const page = listPrograms(db, wholeCatalogue);
  let byId = programsOfPage.get(page);
  if (!byId) {
    byId = new Map(page.items.map((program) => [program.id, program]));
    programsOfPage.set(page, byId);
  }
  return byId.get(id) ?? (page.total > page.items.length ? getProgram(db, id) : undefined);
}

const startsOfPage = new WeakMap<ProgramPage, string[]>();

/**
 * Whether any run of the catalogue (archived programmes' too) starts on or after `from` and before `to`
 * (YYYY-MM-DD): what a day's passing can change in a teacher's ИОМ (route/rebuild.ts). Read from the kept
 * listing of the whole catalogue while its generation stands.
 */
export function runStartsBetween(db: Db, from: string, to: string): boolean {
  const page = listPrograms(db, wholeCatalogue);
  if (page.total > page.items.length) {
    return prepared(db, 'SELECT 1 FROM program_runs WHERE start_date >= ? AND start_date < ? LIMIT 1').get(from, to) !== undefined;
  }
  let starts = startsOfPage.get(page);
  if (!starts) {
    starts = page.items.flatMap((program) => program.runs.map((run) => run.start));
    startsOfPage.set(page, starts);
  }
  return starts.some((start) => start >= from && start < to);
}

function freezePage(page: { items: StoredProgram[]; total: number }): ProgramPage {
  for (const program of page.items) {
    for (const run of program.runs) Object.freeze(run);
    Object.freeze(program.runs);
    Object.freeze(program.competencies);
    Object.freeze(program.indicators);
    Object.freeze(program);
  }
  Object.freeze(page.items);
  return Object.freeze(page);
}

/** Reads a page of the catalogue (listPrograms keeps it). */
function readProgramPage(db: Db, filter: ProgramFilter): { items: StoredProgram[]; total: number } {
  registerFold(db);
  const params = {
    competency: filter.competency ?? null,
    format: filter.format ?? null,
    municipality: filter.municipality ?? null,
    from: filter.startingAfter ?? null,
    q: filter.q ? foldText(filter.q) : null,
    archived: filter.includeArchived ? 1 : 0,
    limit: filter.limit,
    offset: filter.offset,
  };
  const where = `
    WHERE (@archived = 1 OR p.archived = 0)
      AND (@competency IS NULL OR EXISTS (SELECT 1 FROM json_each(p.competencies_json) WHERE value = @competency))
      AND (@format IS NULL OR p.format = @format)
      AND (@municipality IS NULL OR p.municipality_id IS NULL OR m.name = @municipality)
      AND (@from IS NULL OR EXISTS (SELECT 1 FROM program_runs r WHERE r.program_id = p.id AND r.start_date >= @from))
      AND (@q IS NULL OR instr(profrost_fold(p.title || ' ' || p.provider), @q) > 0)`;
  const { total } = prepared(db, `SELECT count(*) AS total FROM programs p LEFT JOIN municipalities m ON m.id = p.municipality_id ${where}`).get(params) as {
    total: number;
  };
  const rows = prepared(
    db,
    `SELECT ${programColumns} ${where}
         ORDER BY (SELECT min(r.start_date) FROM program_runs r WHERE r.program_id = p.id AND (@from IS NULL OR r.start_date >= @from)) IS NULL,
           (SELECT min(r.start_date) FROM program_runs r WHERE r.program_id = p.id AND (@from IS NULL OR r.start_date >= @from)),
           p.title, p.id
         LIMIT @limit OFFSET @offset`,
  ).all(params) as ProgramRow[];
  const runs = runsOf(
    db,
    rows.map((row) => row.id),
    params.from,
  );
  return { items: rows.map((row) => toProgram(row, runs.get(row.id)!)), total };
}

/** The programme a run belongs to, if the run exists. */
export function programOfRun(db: Db, runId: string): string | undefined {
  return (prepared(db, 'SELECT program_id AS programId FROM program_runs WHERE id = ?').get(runId) as { programId: string } | undefined)?.programId;
}
