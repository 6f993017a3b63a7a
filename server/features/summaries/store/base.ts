import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import {
  allAreas,
  type BaseRow,
  type FamilyName,
  type FamilyRows,
  type FineRow,
  families,
  hierarchyLattice,
  indicatorFamilies,
  rollUp,
  sharedCounts,
  subjectGrid,
  subjectUnits,
  type SuppressedRows,
  suppressRows,
  type UnitNames,
} from '../base.ts';
import type { UnitLattice } from '../suppression.ts';
import { type RouteMeasures, routeCountsSql } from './route-counts.ts';
import { choiceRows, optionRows, respondentRows } from './consultation-rows.ts';
import { indicatorRows } from './indicator-rows.ts';
import { subjectIds } from '../../subjects/subjects.ts';
import { earlyCareerBand } from '../../aggregates/experience.ts';
import { periodDates } from '../../aggregates/period.ts';

/**
 * The summaries' base for one period and K, read from the aggregate tables
 * (server/features/aggregates): a few rows per school and per municipality ×
 * experience band, never the attempts. Each family is read and suppressed on
 * first use and kept between requests while the database's summary generation
 * stands (a table every change the base could show bumps by trigger, see the
 * `suppression` migration), so a page, and the next page, reuse it. The whole
 * republic is always suppressed, also for one municipality's pages: one
 * suppression for everyone.
 */
export interface SummaryBase {
  period: string;
  minGroup: number;
  names(): UnitNames;
  family(name: Exclude<FamilyName, 'programs'>): SuppressedRows;
}

interface BaseCache {
  generation: number;
  names?: UnitNames;
  lattice?: UnitLattice;
  families: Map<string, SuppressedRows>;
}

/** Periods × K × families kept at most; the oldest goes first. */
const maxCachedFamilies = 48;
const caches = new WeakMap<Db, BaseCache>();

/**
 * The cache of this database as of its current generation. The generation is
 * read before any row, so a change made meanwhile (by another process) can only
 * make the cached base newer than its generation, never older.
 */
function currentCache(db: Db): BaseCache {
  const generation = summaryGeneration(db);
  let cache = caches.get(db);
  if (!cache || cache.generation !== generation) {
    cache = { generation, families: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

export function summaryBase(db: Db, { period, minGroup }: { period: string; minGroup: number }): SummaryBase {
  const cache = currentCache(db);
  const base: SummaryBase = {
    period,
    minGroup,
    names: () => (cache.names ??= unitNames(db)),
    family(name) {
      const key = familyKey(name, period, minGroup);
      let family = cache.families.get(key);
      if (!family) {
        cache.lattice ??= hierarchyLattice(base.names());
        family = suppressFamily(db, name, period, base.names(), cache.lattice, minGroup, (from) => base.family(from));
        keepFamily(cache, key, family);
      }
      return family;
    },
  };
  return base;
}

const familyKey = (name: FamilyName, period: string, minGroup: number) => JSON.stringify([name, period, minGroup]);

type BaseFamily = Exclude<FamilyName, 'programs'>;

/**
 * A family read and suppressed; one with counts another family decides (`sharedCounts`) asks it through `decided`.
 * The levels' components have the subjects' units too, each with the sums that hold in it (`subjectGrid`).
 */
function suppressFamily(
  db: Db,
  name: BaseFamily,
  period: string,
  names: UnitNames,
  lattice: UnitLattice,
  minGroup: number,
  decided: (from: BaseFamily) => SuppressedRows,
): SuppressedRows {
  if (name === 'levels') {
    const municipalities = names.municipalities.map((m) => m.id);
    return suppressRows(
      familyRows(db, name, period),
      families.levels,
      (byUnit) => hierarchyLattice(names, subjectGrid(byUnit, municipalities, subjectIds)),
      minGroup,
    );
  }
  const shared = sharedCounts[name];
  const hiddenFixed = shared
    ? (area: string) => {
        const hidden = decided(shared.from as BaseFamily).suppressed.get(shared.area(area)) ?? new Set<string>();
        return shared.cells ? shared.cells(hidden) : hidden;
      }
    : undefined;
  return suppressRows(familyRows(db, name, period), families[name], lattice, minGroup, hiddenFixed);
}

function keepFamily(cache: BaseCache, key: string, family: SuppressedRows): void {
  if (cache.families.size >= maxCachedFamilies) cache.families.delete(cache.families.keys().next().value!);
  cache.families.set(key, family);
}

/**
 * The families warmed ahead of the first page that asks (summaries/store/warm.ts): every one a staff page reads
 * («Обзор», «Спрос», «Показатели»), since a family not warmed is computed on the requests' thread, which on the
 * 100,000-teacher bench republic held /api/v1/health for up to 2.3 s after a change (the levels by subject, a family of
 * their own then, now units of `levels`).
 */
export const warmedFamilies = [
  'levels',
  'participation',
  'growth',
  'routeDeficits',
  'mentoring',
  'mentors',
  ...indicatorFamilies,
  'indicatorSatisfaction',
] as const satisfies readonly Exclude<FamilyName, 'programs'>[];

/** A base computed elsewhere (a thread of its own, with its own connection): its generation, names and families. */
export interface ComputedBase {
  generation: number;
  names: UnitNames;
  families: [Exclude<FamilyName, 'programs'>, SuppressedRows][];
}

/**
 * Computes families of the base on this connection, as `summaryBase` would,
 * in one read transaction, so that the generation and the rows are of the
 * same moment: what summaries/store/warm-thread.ts does on its thread.
 */
export function computeBase(
  db: Db,
  { period, minGroup }: { period: string; minGroup: number },
  names: readonly Exclude<FamilyName, 'programs'>[],
): ComputedBase {
  return db
    .transaction(() => {
      const generation = summaryGeneration(db);
      const unitNamesNow = unitNames(db);
      const lattice = hierarchyLattice(unitNamesNow);
      const computed = new Map<BaseFamily, SuppressedRows>();
      const familyOf = (name: BaseFamily): SuppressedRows => {
        let family = computed.get(name);
        if (!family) {
          family = suppressFamily(db, name, period, unitNamesNow, lattice, minGroup, familyOf);
          computed.set(name, family);
        }
        return family;
      };
      return {
        generation,
        names: unitNamesNow,
        families: names.map((name) => [name, familyOf(name)] as [typeof name, SuppressedRows]),
      };
    })
    .deferred();
}

/**
 * Keeps a base computed elsewhere, if the database is still at its
 * generation (a change since makes it stale: the next warm computes anew).
 * Returns whether it was kept.
 */
export function keepComputedBase(db: Db, { period, minGroup }: { period: string; minGroup: number }, computed: ComputedBase): boolean {
  const cache = currentCache(db);
  if (cache.generation !== computed.generation) return false;
  cache.names ??= computed.names;
  for (const [name, family] of computed.families) {
    const key = familyKey(name, period, minGroup);
    if (!cache.families.has(key)) keepFamily(cache, key, family);
  }
  return true;
}

/** Whether a family of the base is kept for the current generation (read with no computation). */
export function isFamilyKept(db: Db, name: Exclude<FamilyName, 'programs'>, { period, minGroup }: { period: string; minGroup: number }): boolean {
  return currentCache(db).families.has(familyKey(name, period, minGroup));
}

function summaryGeneration(db: Db): number {
  return (prepared(db, 'SELECT generation FROM summary_generation WHERE id = 1').get() as { generation: number }).generation;
}

function unitNames(db: Db): UnitNames {
  return {
    schools: prepared(
      db,
      `SELECT s.id, s.name, s.municipality_id AS municipalityId, m.name AS municipality
       FROM schools s JOIN municipalities m ON m.id = s.municipality_id ORDER BY m.name, s.municipality_id, s.name, s.id`,
    ).all() as UnitNames['schools'],
    municipalities: prepared(db, 'SELECT id, name FROM municipalities ORDER BY name, id').all() as UnitNames['municipalities'],
  };
}

const experienceBandSql = `CASE WHEN t.experience_years IS NULL THEN 'unknown' WHEN t.experience_years < 3 THEN 'early'
  WHEN t.experience_years <= 10 THEN 'y3to10' WHEN t.experience_years <= 20 THEN 'y11to20' ELSE 'y21plus' END`;

interface GrainRow {
  grain: 's' | 'm';
  unitId: number;
  band: string;
  area: string;
  [measure: string]: string | number;
}

function* fineRows(rows: Iterable<GrainRow>, counts: readonly string[], sums: readonly string[]): Generator<FineRow> {
  for (const row of rows) {
    const rowCounts: Record<string, number> = {};
    for (const key of counts) rowCounts[key] = Number(row[key]);
    const rowSums: Record<string, number> = {};
    for (const key of sums) rowSums[key] = Number(row[key]);
    yield {
      unit: row.grain === 's' ? { school: row.unitId } : { municipality: row.unitId, band: row.band },
      area: row.area,
      counts: rowCounts,
      sums: rowSums,
    };
  }
}

function familyRows(db: Db, name: Exclude<FamilyName, 'programs'>, period: string): FamilyRows {
  switch (name) {
    case 'levels': {
      const rows = prepared(
        db,
        `SELECT x.grain, x.unit_id AS unitId, x.band, x.area,
           sum(CASE WHEN x.level IN ('highDeficit', 'moderateDeficit', 'noDeficit') THEN x.teachers ELSE 0 END) AS scored,
           sum(CASE WHEN x.level = 'highDeficit' THEN x.teachers ELSE 0 END) AS highDeficit,
           sum(CASE WHEN x.level = 'moderateDeficit' THEN x.teachers ELSE 0 END) AS moderateDeficit,
           sum(x.score_sum) AS scoreSum, sum(x.teachers) AS teachers
         FROM report_levels x WHERE x.period = ? GROUP BY x.grain, x.unit_id, x.band, x.area`,
      ).iterate(period) as Iterable<GrainRow>;
      const byArea = rollUp(
        fineRows(rows, ['scored', 'highDeficit', 'moderateDeficit'], ['scoreSum', 'teachers']),
        completeLevels,
        // Teachers measured with too few answers make a row (with nobody scored), as they always have.
        (row) => row.sums.teachers! > 0,
      );
      addSubjectLevelRows(db, period, byArea);
      return byArea;
    }
    case 'growth': {
      const rows = prepared(
        db,
        `SELECT x.grain, x.unit_id AS unitId, x.band, x.area, x.teachers AS paired, x.before_sum AS beforeSum, x.after_sum AS afterSum,
           x.deficit_before AS deficitBefore, x.deficit_after AS deficitAfter
         FROM report_growth x WHERE x.period = ?`,
      ).iterate(period) as Iterable<GrainRow>;
      return rollUp(
        fineRows(rows, ['paired', 'deficitBefore', 'deficitAfter'], ['beforeSum', 'afterSum']),
        ({ counts }) => {
          counts.fineBefore = counts.paired! - counts.deficitBefore!;
          counts.fineAfter = counts.paired! - counts.deficitAfter!;
        },
        (row) => row.counts.paired! > 0,
      );
    }
    case 'participation':
      return rollUp(participationRows(db, period), completeParticipation, (row) => row.counts.roster! > 0);
    case 'consultationRespondents':
      return rollUp(
        respondentRows(db),
        () => {},
        (row) => row.counts.respondents! > 0,
      );
    case 'consultationOption':
      return rollUp(
        optionRows(db),
        ({ counts }) => {
          counts.notChose = counts.respondents! - counts.chose!;
        },
        (row) => row.counts.respondents! > 0,
      );
    case 'consultationChoice2':
    case 'consultationChoice3':
    case 'consultationChoice4':
    case 'consultationChoice5':
    case 'consultationChoice6':
      return rollUp(
        choiceRows(db, Number(name.slice(-1))),
        () => {},
        (row) => row.counts.respondents! > 0,
      );
    case 'indicatorDeficit':
    case 'indicatorDpo':
    case 'indicatorMo':
    case 'indicatorCompetition':
    case 'indicatorCategory':
    case 'indicatorSatisfaction': {
      // Each family keeps its own measures only, so that no reader can take a count from a family that did not suppress it.
      const own = new Set<string>([...families[name].published, ...families[name].hidden]);
      return rollUp(
        indicatorRows(db, period),
        (row) => {
          completeIndicators(row);
          for (const measure of Object.keys(row.counts)) if (!own.has(measure)) delete row.counts[measure];
        },
        // Every row comes from teachers on the roster: a zero is shown as one.
        () => true,
      );
    }
    case 'mentoring':
      return rollUp(
        mentoringRows(db, period),
        ({ counts }) => {
          counts.withoutMentor = counts.earlyCareer! - counts.withMentor!;
        },
        (row) => row.counts.earlyCareer! > 0,
      );
    case 'mentors':
      return rollUp(
        mentorRows(db),
        () => {},
        (row) => row.counts.mentors! > 0,
      );
    case 'routeDeficits':
      return rollUp(
        routeDeficitRows(db, period),
        ({ counts }) => {
          counts.deficitsOpen = counts.deficitsAtFirst! - counts.deficitsClosed!;
        },
        // Every unit with a roster has a row, so that a zero is shown as one.
        () => true,
      );
  }
}

/**
 * Roster and connection are counted as they are now (the teachers' current
 * school and experience), diagnosis as the aggregates recorded it, the ИОМ as
 * it stands now and its items and deficits closed within the period
 * (routes.ts, `routeCountsSql`).
 */
function* participationRows(db: Db, period: string): Generator<FineRow> {
  const roster = prepared(
    db,
    `SELECT t.school_id AS schoolId, s.municipality_id AS municipalityId, ${experienceBandSql} AS band, count(*) AS roster,
       sum(EXISTS (SELECT 1 FROM devices d WHERE d.teacher_id = t.id AND d.revoked_at IS NULL)) AS connected
     FROM teachers t JOIN schools s ON s.id = t.school_id GROUP BY t.school_id, band`,
  ).iterate() as Iterable<{ schoolId: number; municipalityId: number; band: string; roster: number; connected: number }>;
  const none = { diagnosed: 0, withRoute: 0, agreed: 0, teachersDone: 0 };
  const noItems = { itemsDone: 0 };
  for (const row of roster) {
    const counts = { roster: row.roster, connected: row.connected };
    yield { unit: { school: row.schoolId }, area: allAreas, counts: { ...counts, ...none }, sums: noItems };
    yield { unit: { municipality: row.municipalityId, band: row.band }, area: allAreas, counts: { ...counts, ...none }, sums: noItems };
  }
  const diagnosed = prepared(db, `SELECT grain, unit_id AS unitId, band, teachers FROM report_diagnosed WHERE period = ? AND teachers <> 0`).iterate(
    period,
  ) as Iterable<{ grain: 's' | 'm'; unitId: number; band: string; teachers: number }>;
  for (const row of diagnosed) {
    yield {
      unit: row.grain === 's' ? { school: row.unitId } : { municipality: row.unitId, band: row.band },
      area: allAreas,
      counts: { roster: 0, connected: 0, ...none, diagnosed: row.teachers },
      sums: noItems,
    };
  }
  for (const row of routeRows(db, period)) {
    const { withRoute, agreed, teachersDone, itemsDone } = row;
    const counts = { roster: 0, connected: 0, diagnosed: 0, withRoute, agreed, teachersDone };
    yield { unit: { school: row.schoolId }, area: allAreas, counts, sums: { itemsDone } };
    yield { unit: { municipality: row.municipalityId, band: row.band }, area: allAreas, counts, sums: { itemsDone } };
  }
}

interface RouteGrainRow extends RouteMeasures {
  schoolId: number;
  municipalityId: number;
  band: string;
}

/** The ИОМ's counts per school and experience band (route-counts.ts, `routeCountsSql`). */
function routeRows(db: Db, period: string): Iterable<RouteGrainRow> {
  return prepared(
    db,
    `SELECT t.school_id AS schoolId, s.municipality_id AS municipalityId, ${experienceBandSql} AS band,
       sum(p.withRoute) AS withRoute, sum(p.agreed) AS agreed, sum(p.itemsDone > 0) AS teachersDone, sum(p.itemsDone) AS itemsDone,
       sum(p.deficitsAtFirst) AS deficitsAtFirst, sum(p.deficitsClosed) AS deficitsClosed
     FROM (${routeCountsSql}) p JOIN teachers t ON t.id = p.id JOIN schools s ON s.id = t.school_id
     GROUP BY t.school_id, band`,
  ).iterate({ period }) as Iterable<RouteGrainRow>;
}

function* routeDeficitRows(db: Db, period: string): Generator<FineRow> {
  for (const row of routeRows(db, period)) {
    const counts = { deficitsAtFirst: row.deficitsAtFirst, deficitsClosed: row.deficitsClosed };
    yield { unit: { school: row.schoolId }, area: allAreas, counts, sums: {} };
    yield { unit: { municipality: row.municipalityId, band: row.band }, area: allAreas, counts, sums: {} };
  }
}

/**
 * Наставничество's counts per school and experience band: early-career teachers (the roster of the band
 * `early`, counted as participation counts it), those with a live pair, and the meetings of those pairs held
 * in the period. Only the band `early` has rows.
 */
function* mentoringRows(db: Db, period: string): Generator<FineRow> {
  const { start, end } = periodDates(period);
  const rows = prepared(
    db,
    `SELECT t.school_id AS schoolId, s.municipality_id AS municipalityId, count(*) AS earlyCareer, count(p.id) AS withMentor,
       coalesce(sum((SELECT count(*) FROM mentoring_meetings g WHERE g.pair_id = p.id AND g.held_on BETWEEN ? AND ?)), 0) AS meetings
     FROM teachers t JOIN schools s ON s.id = t.school_id LEFT JOIN mentoring_pairs p ON p.mentee_id = t.id AND p.ended_at IS NULL
     WHERE ${experienceBandSql} = '${earlyCareerBand}' GROUP BY t.school_id`,
  ).iterate(start, end) as Iterable<{ schoolId: number; municipalityId: number; earlyCareer: number; withMentor: number; meetings: number }>;
  for (const row of rows) {
    const counts = { earlyCareer: row.earlyCareer, withMentor: row.withMentor };
    const sums = { meetings: row.meetings };
    yield { unit: { school: row.schoolId }, area: allAreas, counts, sums };
    yield { unit: { municipality: row.municipalityId, band: earlyCareerBand }, area: allAreas, counts, sums };
  }
}

/** Mentors per school and experience band: a педагог-наставник on the roster or a volunteer, not early-career, not erased (as `mayMentor`). */
function* mentorRows(db: Db): Generator<FineRow> {
  const rows = prepared(
    db,
    `SELECT t.school_id AS schoolId, s.municipality_id AS municipalityId, ${experienceBandSql} AS band, count(*) AS mentors
     FROM teachers t JOIN schools s ON s.id = t.school_id LEFT JOIN mentor_offers o ON o.teacher_id = t.id
     WHERE t.erased_at IS NULL AND (o.teacher_id IS NOT NULL OR t.category LIKE '%:mentor') AND ${experienceBandSql} <> '${earlyCareerBand}'
     GROUP BY t.school_id, band`,
  ).iterate() as Iterable<{ schoolId: number; municipalityId: number; band: string; mentors: number }>;
  for (const row of rows) {
    const counts = { mentors: row.mentors };
    yield { unit: { school: row.schoolId }, area: allAreas, counts, sums: {} };
    yield { unit: { municipality: row.municipalityId, band: row.band }, area: allAreas, counts, sums: {} };
  }
}

function completeParticipation({ counts }: BaseRow): void {
  counts.notDiagnosed = counts.roster! - counts.diagnosed!;
  counts.notConnected = counts.roster! - counts.connected!;
  counts.withoutRoute = counts.roster! - counts.withRoute!;
  counts.notAgreed = counts.withRoute! - counts.agreed!;
}

/**
 * The counts of «Показатели» that follow from the shown ones (each family keeps those of its measures; the
 * rest of a row is unread). The roster is participation's, so a unit has a row wherever participation has one.
 */
function completeIndicators({ counts }: BaseRow): void {
  counts.withoutDeficit = counts.roster! - counts.withDeficit!;
  counts.withoutDpo = counts.roster! - counts.dpoCompleted!;
  counts.notAttendedMo = counts.roster! - counts.attendedMo!;
  counts.notCompeted = counts.roster! - counts.competed!;
  counts.notAwarded = counts.competed! - counts.awarded!;
  counts.categoryUnstated = counts.roster! - counts.categoryNone! - counts.categoryFirst! - counts.categoryHighest!;
  counts.highestWithoutStatus = counts.categoryHighest! - counts.statusMethodist! - counts.statusMentor!;
  counts.notSatisfied = counts.rated! - counts.satisfied!;
}

function completeLevels({ counts }: BaseRow): void {
  counts.deficit = counts.highDeficit! + counts.moderateDeficit!;
  counts.noDeficit = counts.scored! - counts.deficit;
}

/**
 * The levels by subject (issue 21), added to `levels`' rows: the period's standings (report_standings, one row a
 * teacher and competency, with the municipality it was counted under) of the teachers of each subject
 * (teacher_subjects, as last read: readySummaryBase reads new rosters' subjects first), per subject of each
 * municipality, and the republic's subject as their sum. Counted as `levels` counts; a teacher of two subjects
 * is under each.
 */
function addSubjectLevelRows(db: Db, period: string, byArea: FamilyRows): void {
  const rows = prepared(
    db,
    `SELECT x.municipality_id AS municipalityId, ts.subject, x.area,
       sum(x.level IN ('highDeficit', 'moderateDeficit', 'noDeficit')) AS scored,
       sum(x.level = 'highDeficit') AS highDeficit, sum(x.level = 'moderateDeficit') AS moderateDeficit,
       coalesce(sum(x.score), 0) AS scoreSum, count(*) AS teachers
     FROM report_standings x JOIN teacher_subjects ts ON ts.teacher_id = x.teacher_id
     WHERE x.period = ? AND x.area <> 'wellbeing' GROUP BY x.municipality_id, ts.subject, x.area`,
  ).iterate(period) as Iterable<{
    municipalityId: number;
    subject: string;
    area: string;
    scored: number;
    highDeficit: number;
    moderateDeficit: number;
    scoreSum: number;
    teachers: number;
  }>;
  for (const row of rows) {
    const byUnit = byArea.get(row.area) ?? byArea.set(row.area, new Map()).get(row.area)!;
    const own: BaseRow = {
      counts: { scored: row.scored, highDeficit: row.highDeficit, moderateDeficit: row.moderateDeficit },
      sums: { scoreSum: row.scoreSum, teachers: row.teachers },
    };
    completeLevels(own);
    byUnit.set(subjectUnits.municipality(row.municipalityId, row.subject), own);
    const republic =
      byUnit.get(subjectUnits.republic(row.subject)) ??
      byUnit.set(subjectUnits.republic(row.subject), { counts: {}, sums: {} }).get(subjectUnits.republic(row.subject))!;
    for (const key in own.counts) republic.counts[key] = (republic.counts[key] ?? 0) + own.counts[key]!;
    for (const key in own.sums) republic.sums[key] = (republic.sums[key] ?? 0) + own.sums[key]!;
  }
}
