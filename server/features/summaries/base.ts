import { earlyCareerBand, experienceBands } from '../aggregates/experience.ts';
import { cellKey, type MeasureFamily, type Signed, suppressComponent, type UnitLattice } from './suppression.ts';

/**
 * The base of every council summary: counts by unit, competency and measure,
 * suppressed once (suppression.ts), which the summaries only read. A new
 * summary is a new family of measures here (with how they add up) and a
 * reader in store/ (see docs/ARCHITECTURE.md).
 *
 * Units form one hierarchy: schools add up to their municipality,
 * municipalities to the republic; a municipality's experience bands add up to
 * it, and the municipalities' cells of one band to the republic's cell of
 * that band. The aggregates keep schools and municipality × band (their
 * finest cells); the rest is summed from those here. The levels have the
 * subjects besides (`subjectUnits`, `SubjectGrid`): a subject of each
 * municipality, and of the republic as their sum.
 */

export const families = {
  /**
   * Teachers with a result in a competency = with a deficit + without; with a deficit = выраженный + умеренный.
   * Its units are the hierarchy's and the subjects' (issue 21, `subjectUnits`): a subject of the republic and of
   * each municipality, a teacher of two subjects counted under each (`hierarchyLattice` with a `SubjectGrid`).
   */
  levels: {
    published: ['scored', 'deficit', 'highDeficit', 'moderateDeficit'],
    hidden: ['noDeficit'],
    relations: [
      { total: 'scored', parts: ['deficit', 'noDeficit'] },
      { total: 'deficit', parts: ['highDeficit', 'moderateDeficit'] },
    ],
  },
  /** The same teachers in two years: paired = with a deficit before + without = with a deficit after + without. */
  growth: {
    published: ['paired', 'deficitBefore', 'deficitAfter'],
    hidden: ['fineBefore', 'fineAfter'],
    relations: [
      { total: 'paired', parts: ['deficitBefore', 'fineBefore'] },
      { total: 'paired', parts: ['deficitAfter', 'fineAfter'] },
    ],
  },
  /**
   * The roster = diagnosed + not diagnosed = connected + not connected = with a ИОМ + without
   * (no competency: area `*`); with a ИОМ = agreed + not agreed. The ИОМ's teachers share the
   * roster's family because they add up to the same roster: suppressed apart, roster − with a ИОМ
   * could give away a small «without». `itemsDone` counts items, not teachers: a sum, hidden with
   * `teachersDone`.
   */
  participation: {
    published: ['roster', 'connected', 'diagnosed', 'withRoute', 'agreed', 'teachersDone'],
    hidden: ['notDiagnosed', 'notConnected', 'withoutRoute', 'notAgreed'],
    relations: [
      { total: 'roster', parts: ['diagnosed', 'notDiagnosed'] },
      { total: 'roster', parts: ['connected', 'notConnected'] },
      { total: 'roster', parts: ['withRoute', 'withoutRoute'] },
      { total: 'withRoute', parts: ['agreed', 'notAgreed'] },
    ],
  },
  /** The deficits of the year's first diagnostic = closed by its last + still open (teacher × competency pairs; area `*`). */
  routeDeficits: {
    published: ['deficitsAtFirst', 'deficitsClosed'],
    hidden: ['deficitsOpen'],
    relations: [{ total: 'deficitsAtFirst', parts: ['deficitsClosed', 'deficitsOpen'] }],
  },
  /** Per programme and competency (no sums between programmes): feedback = useful + not = recommends + does not. */
  programs: {
    published: ['completers', 'completersMeasured', 'comparisonMeasured', 'feedback', 'useful', 'recommend'],
    hidden: ['notUseful', 'notRecommend'],
    relations: [
      { total: 'feedback', parts: ['useful', 'notUseful'] },
      { total: 'feedback', parts: ['recommend', 'notRecommend'] },
    ],
  },
  /**
   * Консультации (issue 23, server/features/consultations): teachers who answered a consultation (area: its id).
   * Every question counts these same teachers, so this family alone decides where «Ответили» is hidden; the
   * questions' families take it as fixed (`sharedCounts`).
   */
  consultationRespondents: { published: ['respondents'], hidden: [], relations: [] },
  /** An option of a multiple-choice question (area `consultation:question:option`): respondents = chose + did not. */
  consultationOption: {
    published: ['respondents', 'chose'],
    hidden: ['notChose'],
    relations: [{ total: 'respondents', parts: ['chose', 'notChose'] }],
    fixed: ['respondents'],
  },
  /** A single-choice or 1–5 question with n options (area `consultation:question`): its options add up to the respondents. */
  consultationChoice2: choiceFamily(2),
  consultationChoice3: choiceFamily(3),
  consultationChoice4: choiceFamily(4),
  consultationChoice5: choiceFamily(5),
  consultationChoice6: choiceFamily(6),
  /**
   * «Показатели» (issue 22, server/features/indicators): each indicator counts the roster's teachers of the
   * participation family, so the roster is `fixed` in these families (participation decides where it is
   * hidden, `sharedCounts`) and each adds up to it with a part never shown. With a deficit: in any
   * competency in the учебный год.
   */
  indicatorDeficit: rosterFamily(['withDeficit'], ['withoutDeficit'], [{ total: 'roster', parts: ['withDeficit', 'withoutDeficit'] }]),
  /** Completed a run of a ДПО programme that ended in the учебный год. */
  indicatorDpo: rosterFamily(['dpoCompleted'], ['withoutDpo'], [{ total: 'roster', parts: ['dpoCompleted', 'withoutDpo'] }]),
  /** Marked present at an МО meeting of the учебный год. */
  indicatorMo: rosterFamily(['attendedMo'], ['notAttendedMo'], [{ total: 'roster', parts: ['attendedMo', 'notAttendedMo'] }]),
  /** Marked present at a competition's stage = awarded (лауреат, призёр, победитель) + not. */
  indicatorCompetition: rosterFamily(
    ['competed', 'awarded'],
    ['notCompeted', 'notAwarded'],
    [
      { total: 'roster', parts: ['competed', 'notCompeted'] },
      { total: 'competed', parts: ['awarded', 'notAwarded'] },
    ],
  ),
  /** The roster's categories (not stated: never shown); the highest = педагог-методист + педагог-наставник + without a status. */
  indicatorCategory: rosterFamily(
    ['categoryNone', 'categoryFirst', 'categoryHighest', 'statusMethodist', 'statusMentor'],
    ['categoryUnstated', 'highestWithoutStatus'],
    [
      { total: 'roster', parts: ['categoryNone', 'categoryFirst', 'categoryHighest', 'categoryUnstated'] },
      { total: 'categoryHighest', parts: ['statusMethodist', 'statusMentor', 'highestWithoutStatus'] },
    ],
  ),
  /** Teachers who rated an event of the учебный год = satisfied with every one they rated + not. */
  indicatorSatisfaction: {
    published: ['rated', 'satisfied'],
    hidden: ['notSatisfied'],
    relations: [{ total: 'rated', parts: ['satisfied', 'notSatisfied'] }],
  },
  /**
   * Наставничество (issue 20): early-career teachers (стаж до 3 лет, the experience band `early`) = with a live
   * mentoring pair + without. They are the roster of the band `early`, which the participation family decides
   * (`sharedCounts`): «Молодых педагогов» of a municipality is its roster in that band, shown or hidden as there.
   * Every early-career teacher is in the band `early` by definition, so this family has no row in another band
   * (known zeros on both sides). `meetings` (meetings of the live pairs held in the period) is a sum, hidden with
   * `withMentor`.
   */
  mentoring: {
    published: ['earlyCareer', 'withMentor'],
    hidden: ['withoutMentor'],
    relations: [{ total: 'earlyCareer', parts: ['withMentor', 'withoutMentor'] }],
    fixed: ['earlyCareer'],
  },
  /** Mentors (педагог-наставник on the roster or a volunteer; never an early-career teacher), counted where they work. */
  mentors: { published: ['mentors'], hidden: [], relations: [] },
} as const satisfies Record<string, MeasureFamily>;
export type FamilyName = keyof typeof families;

/** The measure of a choice question's option i: `o0`, `o1`, … */
export function optionMeasure(i: number): string {
  return `o${i}`;
}

/** A question where each teacher chooses exactly one of n options: respondents = o0 + … + o(n−1). */
function choiceFamily(n: number): MeasureFamily {
  const options = Array.from({ length: n }, (_, i) => optionMeasure(i));
  return { published: ['respondents', ...options], hidden: [], relations: [{ total: 'respondents', parts: options }], fixed: ['respondents'] };
}

/** A family of «Показатели»: counts of the roster's teachers, the roster itself fixed (participation decides it). */
function rosterFamily(published: readonly string[], hidden: readonly string[], relations: MeasureFamily['relations']): MeasureFamily {
  return { published: ['roster', ...published], hidden, relations, fixed: ['roster'] };
}

/** The families of «Показатели» whose roster participation decides. */
export const indicatorFamilies = ['indicatorDeficit', 'indicatorDpo', 'indicatorMo', 'indicatorCompetition', 'indicatorCategory'] as const;

/**
 * Where a family's fixed counts come from: the family that decides them, and the area of theirs that a
 * component's area belongs to (a question `c:q` or option `c:q:o` to its consultation `c`); `cells`, where
 * the deciding family's cells are other units or measures than the fixed ones (mentoring's `earlyCareer` of a
 * municipality is participation's `roster` of its band `early`): the fixed cells hidden, from the cells it hides.
 */
export const sharedCounts: Partial<
  Record<FamilyName, { from: FamilyName; area: (area: string) => string; cells?: (hidden: ReadonlySet<string>) => ReadonlySet<string> }>
> = {
  ...Object.fromEntries(
    (Object.keys(families) as FamilyName[])
      .filter((name) => name === 'consultationOption' || name.startsWith('consultationChoice'))
      .map((name) => [name, { from: 'consultationRespondents', area: (area: string) => area.split(':')[0]! }]),
  ),
  mentoring: { from: 'participation', area: () => allAreas, cells: earlyCareerCells },
};
for (const name of indicatorFamilies) sharedCounts[name] = { from: 'participation', area: () => allAreas };

/**
 * Mentoring's `earlyCareer` cells hidden where participation hides the roster of the band `early`: a
 * municipality's band and the municipality itself (its early-career teachers are all in that band), the
 * republic's band and the republic.
 */
function earlyCareerCells(hidden: ReadonlySet<string>): Set<string> {
  const cells = new Set<string>();
  const suffix = `/${earlyCareerBand}|roster`;
  for (const key of hidden) {
    if (!key.endsWith(suffix)) continue;
    const band = key.slice(0, -'|roster'.length);
    const whole = band.slice(0, -`/${earlyCareerBand}`.length);
    cells.add(cellKey(band, 'earlyCareer'));
    cells.add(cellKey(whole, 'earlyCareer'));
  }
  return cells;
}

/**
 * The cells of a component hidden before its own suppression, because the deciding family hides its fixed
 * count there (`hiddenFixed`: unit|measure of that family's component). With the fixed count, every part of a
 * sum whose parts are all shown is hidden too (a single-choice question's options): whatever signed set of
 * units hides «Ответили» there, one option moved with it keeps every sum of the question, so the question's
 * numbers cannot pin it down. A sum with a part never shown (a multiple-choice option's «did not choose»)
 * needs nothing more.
 */
export function sharedHidden(family: MeasureFamily, byUnit: ReadonlyMap<string, unknown>, hiddenFixed: ReadonlySet<string>): Set<string> {
  const preset = new Set<string>();
  const published = new Set(family.published);
  for (const measure of family.fixed ?? []) {
    const moved = family.relations.filter(({ total, parts }) => total === measure && parts.every((part) => published.has(part))).flatMap(({ parts }) => parts);
    for (const unit of byUnit.keys()) {
      if (!hiddenFixed.has(cellKey(unit, measure))) continue;
      for (const m of [measure, ...moved]) preset.add(cellKey(unit, m));
    }
  }
  return preset;
}

/** The area of a family without competencies. */
export const allAreas = '*';

/** Unit keys of the hierarchy. */
export const units = {
  republic: 'r',
  republicBand: (band: string) => `r/${band}`,
  municipality: (id: number) => `m${id}`,
  municipalityBand: (id: number, band: string) => `m${id}/${band}`,
  school: (id: number) => `s${id}`,
};

/** One cell row: counts of teachers (suppressed) and sums that only feed means (scores). */
export interface BaseRow {
  counts: Record<string, number>;
  sums: Record<string, number>;
}

/** A family's rows before suppression: by competency, then by unit. */
export type FamilyRows = Map<string, Map<string, BaseRow>>;

/** The finest rows as the aggregates keep them: a school's, or a municipality's in one experience band. */
export interface FineRow {
  unit: { school: number } | { municipality: number; band: string };
  area: string;
  counts: Record<string, number>;
  sums: Record<string, number>;
}

/** Schools (with their municipality) and municipalities, in the summaries' order (by name). */
export interface UnitNames {
  schools: { id: number; name: string; municipalityId: number; municipality: string }[];
  municipalities: { id: number; name: string }[];
}

function add(into: BaseRow, row: BaseRow): void {
  for (const key in row.counts) into.counts[key] = (into.counts[key] ?? 0) + row.counts[key]!;
  for (const key in row.sums) into.sums[key] = (into.sums[key] ?? 0) + row.sums[key]!;
}

/**
 * The hierarchy's rows from the finest ones: municipality = its bands,
 * republic band = the municipalities' cells of the band, republic = the
 * municipalities. `complete` adds the counts that follow from the kept ones
 * (with a deficit, without); `present` says which rows the summaries show
 * (a unit nobody is counted in has no row, and its counts are known zeros).
 */
export function rollUp(fine: Iterable<FineRow>, complete: (row: BaseRow) => void, present: (row: BaseRow) => boolean): FamilyRows {
  const byArea: FamilyRows = new Map();
  const rowOf = (area: string, unit: string) => {
    let rows = byArea.get(area);
    if (!rows) {
      rows = new Map();
      byArea.set(area, rows);
    }
    let row = rows.get(unit);
    if (!row) {
      row = { counts: {}, sums: {} };
      rows.set(unit, row);
    }
    return row;
  };
  for (const { unit, area, counts, sums } of fine) {
    const row = { counts, sums };
    if ('school' in unit) {
      add(rowOf(area, units.school(unit.school)), row);
    } else {
      add(rowOf(area, units.municipalityBand(unit.municipality, unit.band)), row);
      add(rowOf(area, units.municipality(unit.municipality)), row);
      add(rowOf(area, units.republicBand(unit.band)), row);
      add(rowOf(area, units.republic), row);
    }
  }
  for (const rows of byArea.values()) {
    for (const [unit, row] of rows) {
      complete(row);
      if (!present(row)) rows.delete(unit);
    }
  }
  return byArea;
}

/** Unit keys of the levels by subject (issue 21): a subject of the republic, and a subject of one municipality. */
export const subjectUnits = {
  republic: (subject: string) => `subj:${subject}`,
  municipality: (id: number, subject: string) => `subj:m${id}:${subject}`,
};

/**
 * The subjects of one component of `levels` and which of their sums hold there. A subject of the republic is
 * always the sum of that subject in the municipalities. A municipality's subjects add up to its own cell when
 * every teacher of it has exactly one subject, the case an attacker can exploit: `adding`, the municipalities
 * whose counts add up so (`subjectGrid`); `republicAdds`, the same for the republic's subjects and its cell.
 * Where the counts do not add up (a teacher of two subjects, or of none), the sum is nothing an attacker can
 * know, and the witnesses need not keep it.
 */
export interface SubjectGrid {
  subjects: readonly string[];
  adding: ReadonlySet<number>;
  republicAdds: boolean;
}

/** Counts a subject's row and a unit's must agree on for the subjects to add up to the unit. */
const gridCounts = ['scored', 'highDeficit', 'moderateDeficit'] as const;

/**
 * The grid of one component of `levels` from its rows: a municipality (or the republic) adds up where the sum of
 * its subjects' rows equals its own row in every count and in the teachers counted (`sums.teachers`).
 */
export function subjectGrid(byUnit: ReadonlyMap<string, BaseRow>, municipalities: readonly number[], subjects: readonly string[]): SubjectGrid {
  const addsUp = (whole: string, parts: string[]) => {
    const own = byUnit.get(whole);
    const rows = parts.flatMap((unit) => byUnit.get(unit) ?? []);
    if (!own || rows.length === 0) return false;
    const total = (get: (row: BaseRow) => number | undefined) => rows.reduce((sum, row) => sum + (get(row) ?? 0), 0);
    return (
      gridCounts.every((measure) => total((row) => row.counts[measure]) === (own.counts[measure] ?? 0)) &&
      total((row) => row.sums.teachers) === (own.sums.teachers ?? 0)
    );
  };
  return {
    subjects,
    adding: new Set(
      municipalities.filter((m) =>
        addsUp(
          units.municipality(m),
          subjects.map((s) => subjectUnits.municipality(m, s)),
        ),
      ),
    ),
    republicAdds: addsUp(units.republic, subjects.map(subjectUnits.republic)),
  };
}

/** Hiding a republic-wide number costs most, a band or subject of the republic more than a municipality, a municipality more than a school. */
const weights = { r: 1000, rb: 3, rs: 3, m: 2, mb: 1, ms: 1, s: 1 };

type Place =
  | { kind: 'r' }
  | { kind: 'rb'; band: string }
  | { kind: 'rs'; s: number }
  | { kind: 'm'; m: number }
  | { kind: 'mb'; m: number; band: string }
  | { kind: 'ms'; m: number; s: number }
  | { kind: 's'; m: number };

/** Subject cells a witness adds to the hierarchy's units, with what hiding them costs. */
type SubjectCells = { cells: Signed; cost: number };

/**
 * The hierarchy as suppression sees it: for a unit, the smallest signed sets
 * of units that contain it and keep every sum (suppression.ts):
 * - a school: itself +1 and a school of the same municipality −1;
 * - a municipality (or a school that is its only one): it, one of its schools
 *   and one of its bands +1, and the same of another municipality −1, in the
 *   same band so that the band's republic cell stays;
 * - a municipality's band: a rectangle with another band and another
 *   municipality, or with the same two bands of the republic;
 * - a republic band: with another band, and the same two of one municipality;
 * - anything, as a last resort: a chain school → municipality → its band →
 *   the republic's band → the republic, all +1.
 * With a `grid` (the levels, issue 21), the subjects of the republic and of each municipality are units too, and
 * the sums of the grid are kept: a witness that moves a municipality whose subjects add up to it moves one of
 * its subjects with it (a swap, one subject both municipalities have, so that the republic's subject stays; a
 * chain, the subject with the republic's subject); a municipality's subject is hidden in a rectangle with
 * another subject and another municipality, or with the same two subjects of the republic, or as a last resort
 * with a swap or chain of its municipality; a republic's subject, with another subject and the same two of one
 * municipality, or with a chain.
 * Among the candidates, the units are the cheapest by `cost` (infinite for a
 * unit that has no row).
 */
export function hierarchyLattice(names: UnitNames, grid?: SubjectGrid): UnitLattice {
  const schoolsOf = new Map<number, string[]>();
  const places = new Map<string, Place>();
  const municipalities = names.municipalities.map((m) => m.id);
  const subjects = grid?.subjects ?? [];
  const subjectIndexes = subjects.map((_, s) => s);
  // Subject keys by index, built once: a witness's search asks for thousands of them.
  const republicSubject = subjects.map(subjectUnits.republic);
  const municipalSubjects = new Map(municipalities.map((m) => [m, subjects.map((s) => subjectUnits.municipality(m, s))]));
  const rs = (s: number) => republicSubject[s]!;
  const ms = (m: number, s: number) => municipalSubjects.get(m)![s]!;
  const adds = (m: number) => grid?.adding.has(m) ?? false;
  const republicAdds = grid?.republicAdds ?? false;
  places.set(units.republic, { kind: 'r' });
  for (const band of experienceBands) places.set(units.republicBand(band), { kind: 'rb', band });
  for (const s of subjectIndexes) places.set(rs(s), { kind: 'rs', s });
  for (const m of municipalities) {
    schoolsOf.set(m, []);
    places.set(units.municipality(m), { kind: 'm', m });
    for (const band of experienceBands) places.set(units.municipalityBand(m, band), { kind: 'mb', m, band });
    for (const s of subjectIndexes) places.set(ms(m, s), { kind: 'ms', m, s });
  }
  for (const school of names.schools) {
    const key = units.school(school.id);
    schoolsOf.get(school.municipalityId)?.push(key);
    places.set(key, { kind: 's', m: school.municipalityId });
  }
  const order = [
    units.republic,
    ...subjectIndexes.map(rs),
    ...experienceBands.map(units.republicBand),
    ...municipalities.map(units.municipality),
    ...municipalities.flatMap((m) => experienceBands.map((band) => units.municipalityBand(m, band))),
    ...municipalities.flatMap((m) => subjectIndexes.map((s) => ms(m, s))),
    ...names.schools.map((s) => units.school(s.id)),
  ];

  const cheapest = <T>(items: Iterable<T>, cost: (item: T) => number): [T, number] | undefined => {
    let best: [T, number] | undefined;
    for (const item of items) {
      const c = cost(item);
      if (Number.isFinite(c) && (!best || c < best[1])) best = [item, c];
      if (c === 0) break; // nothing is cheaper than what is hidden already
    }
    return best;
  };

  /**
   * The cheapest municipality n and subject k (of `others`) by `first(n) + fixed[k] + second(n, k)`, searched
   * without building the pairs (a republic has thousands): a municipality whose own part is infinite is skipped
   * whole, and a pair that costs nothing ends the search.
   */
  const pairSubjects = 4;
  const pairMunicipalities = 8;
  const cheapestPair = (
    candidates: readonly number[],
    first: (n: number) => number,
    fixed: readonly number[],
    others: readonly number[],
    second: (n: number, k: number) => number,
  ): [number, number] | undefined => {
    let best: [number, number] | undefined;
    let bestCost = Number.POSITIVE_INFINITY;
    // Municipalities and subjects by their own parts, cheapest first: once those alone cost as much as the best, so do
    // the rest. Of each, those that cost nothing and a few more: with 20 subjects and 60 municipalities every pair is
    // too many for each small cell, and a witness need not be the cheapest of all, only valid.
    const byFixed = others.map((_, i) => i).filter((i) => Number.isFinite(fixed[i]!));
    byFixed.sort((a, b) => fixed[a]! - fixed[b]!);
    byFixed.length = Math.min(byFixed.length, Math.max(pairSubjects, byFixed.filter((i) => fixed[i] === 0).length));
    const firsts = candidates.map((n) => [n, first(n)] as const).filter(([, c]) => Number.isFinite(c));
    firsts.sort((a, b) => a[1] - b[1]);
    firsts.length = Math.min(firsts.length, Math.max(pairMunicipalities, firsts.filter(([, c]) => c === 0).length));
    for (const [n, own] of firsts) {
      if (!(own < bestCost)) break;
      for (const i of byFixed) {
        if (!(own + fixed[i]! < bestCost)) break;
        const c = own + fixed[i]! + second(n, others[i]!);
        if (c < bestCost) {
          best = [n, others[i]!];
          bestCost = c;
          if (c === 0) return best;
        }
      }
    }
    return best;
  };

  const noSubjects: SubjectCells = { cells: [], cost: 0 };

  /**
   * The subject cells that keep the grid's sums when municipality m moves by +1 and n by −1 (`subject`: that
   * subject of both, whatever adds up). One subject of both, +1 in m and −1 in n, keeps the republic's subject;
   * where the two have none in common, each that adds up moves one of its subjects with the republic's, which
   * keeps the republic's sum when both do (+1 −1) or where the republic's subjects add up to nothing.
   */
  const swapSubjects = (m: number, n: number, cost: (unit: string) => number, subject?: number): SubjectCells | undefined => {
    if (subject !== undefined) {
      const c = cost(ms(m, subject)) + cost(ms(n, subject));
      return Number.isFinite(c)
        ? {
            cells: [
              [ms(m, subject), 1],
              [ms(n, subject), -1],
            ],
            cost: c,
          }
        : undefined;
    }
    if (!grid || (!adds(m) && !adds(n))) return noSubjects;
    const common = cheapest(subjectIndexes, (s) => cost(ms(m, s)) + cost(ms(n, s)));
    if (common?.[1] === 0 || (adds(m) !== adds(n) && republicAdds))
      return common
        ? {
            cells: [
              [ms(m, common[0]), 1],
              [ms(n, common[0]), -1],
            ],
            cost: common[1],
          }
        : undefined;
    const own = (k: number) => (adds(k) ? cheapest(subjectIndexes, (s) => cost(ms(k, s)) + cost(rs(s))) : undefined);
    const [ownM, ownN] = [own(m), own(n)];
    let apart: SubjectCells | undefined;
    if (!(adds(m) && !ownM) && !(adds(n) && !ownN) && !(ownM && ownN && ownM[0] === ownN[0])) {
      const cells: (readonly [string, 1 | -1])[] = [];
      if (ownM) cells.push([ms(m, ownM[0]), 1], [rs(ownM[0]), 1]);
      if (ownN) cells.push([ms(n, ownN[0]), -1], [rs(ownN[0]), -1]);
      apart = { cells, cost: (ownM?.[1] ?? 0) + (ownN?.[1] ?? 0) };
    }
    const together = common && {
      cells: [
        [ms(m, common[0]), 1],
        [ms(n, common[0]), -1],
      ] as Signed,
      cost: common[1],
    };
    return together && (!apart || together.cost <= apart.cost) ? together : apart;
  };

  /**
   * The subject cells that keep the grid's sums when municipality n and the republic move by +1: a subject of
   * n with the republic's (`subject`: that one), unless neither adds up.
   */
  const chainSubjects = (n: number, cost: (unit: string) => number, subject?: number): SubjectCells | undefined => {
    if (subject === undefined && (!grid || (!adds(n) && !republicAdds))) return noSubjects;
    const s: [number, number] | undefined =
      subject === undefined ? cheapest(subjectIndexes, (k) => cost(ms(n, k)) + cost(rs(k))) : [subject, cost(ms(n, subject)) + cost(rs(subject))];
    if (!s || !Number.isFinite(s[1])) return undefined;
    return {
      cells: [
        [ms(n, s[0]), 1],
        [rs(s[0]), 1],
      ],
      cost: s[1],
    };
  };

  /** Municipality m (with its school `school`, or its cheapest) +1 against another municipality −1, in one band (`inBand`, or the cheapest), with the grid's subject cells (`subject`: that subject of both). */
  const swap = (m: number, cost: (unit: string) => number, school?: string, inBand?: string, subject?: number): Signed | undefined => {
    const own = school ?? cheapest(schoolsOf.get(m) ?? [], cost)?.[0];
    if (own === undefined) return undefined;
    const bands = inBand === undefined ? experienceBands : [inBand];
    const other = cheapest(
      municipalities.filter((n) => n !== m),
      (n) => {
        const s = cheapest(schoolsOf.get(n) ?? [], cost);
        const b = cheapest(bands, (band) => cost(units.municipalityBand(m, band)) + cost(units.municipalityBand(n, band)));
        const subjectCells = s && b ? swapSubjects(m, n, cost, subject) : undefined;
        return s && b && subjectCells ? cost(units.municipality(n)) + s[1] + b[1] + subjectCells.cost : Number.POSITIVE_INFINITY;
      },
    );
    if (!other) return undefined;
    const n = other[0];
    const s = cheapest(schoolsOf.get(n) ?? [], cost)![0];
    const band = cheapest(bands, (b) => cost(units.municipalityBand(m, b)) + cost(units.municipalityBand(n, b)))![0];
    return [
      [units.municipality(m), 1],
      [own, 1],
      [units.municipalityBand(m, band), 1],
      [units.municipality(n), -1],
      [s, -1],
      [units.municipalityBand(n, band), -1],
      ...swapSubjects(m, n, cost, subject)!.cells,
    ];
  };

  /** School → municipality → band → republic band → republic, all +1 (any of them may be given), with the grid's subject cells (`subject`: that one). */
  const chain = (cost: (unit: string) => number, m?: number, school?: string, inBand?: string, subject?: number): Signed | undefined => {
    const tail = (n: number) => {
      const s = school ?? cheapest(schoolsOf.get(n) ?? [], cost)?.[0];
      const b = cheapest(inBand === undefined ? experienceBands : [inBand], (band) => cost(units.municipalityBand(n, band)) + cost(units.republicBand(band)));
      const subjectCells = s === undefined || !b ? undefined : chainSubjects(n, cost, subject);
      return s === undefined || !b || !subjectCells
        ? undefined
        : { s, band: b[0], subjectCells, cost: cost(units.municipality(n)) + cost(s) + b[1] + subjectCells.cost };
    };
    const n = m ?? cheapest(municipalities, (k) => tail(k)?.cost ?? Number.POSITIVE_INFINITY)?.[0];
    const t = n === undefined ? undefined : tail(n);
    if (n === undefined || !t) return undefined;
    return [
      [units.republic, 1],
      [units.municipality(n), 1],
      [t.s, 1],
      [units.municipalityBand(n, t.band), 1],
      [units.republicBand(t.band), 1],
      ...t.subjectCells.cells,
    ];
  };

  /**
   * A school's last sibling partner, tried first. Only a partner that costs
   * nothing is taken without a search, and a witness that costs nothing hides
   * nothing, so the result does not depend on what was suppressed before.
   */
  const partners = new Map<string, string>();
  const witnesses = (unit: string, cost: (unit: string) => number): Signed[] => {
    const place = places.get(unit);
    const found: (Signed | undefined)[] = [];
    switch (place?.kind) {
      case 's': {
        // The school last paired with this one is often free (hidden already for another of its counts): then no search.
        const last = partners.get(unit);
        if (last !== undefined && cost(last) === 0)
          return [
            [
              [unit, 1],
              [last, -1],
            ],
          ];
        const sibling = cheapest(schoolsOf.get(place.m) ?? [], (s) => (s === unit ? Number.POSITIVE_INFINITY : cost(s)));
        if (sibling) partners.set(unit, sibling[0]);
        if (sibling)
          return [
            [
              [unit, 1],
              [sibling[0], -1],
            ],
          ];
        found.push(swap(place.m, cost, unit), chain(cost, place.m, unit));
        break;
      }
      case 'm':
        found.push(swap(place.m, cost), chain(cost, place.m));
        break;
      case 'mb': {
        const others = experienceBands.filter((b) => b !== place.band);
        const rectangle = cheapest(
          municipalities.filter((n) => n !== place.m).flatMap((n) => others.map((b) => [n, b] as const)),
          ([n, b]) => cost(units.municipalityBand(place.m, b)) + cost(units.municipalityBand(n, place.band)) + cost(units.municipalityBand(n, b)),
        );
        if (rectangle) {
          const [n, b] = rectangle[0];
          found.push([
            [unit, 1],
            [units.municipalityBand(place.m, b), -1],
            [units.municipalityBand(n, place.band), -1],
            [units.municipalityBand(n, b), 1],
          ]);
        }
        const viaRepublic = cheapest(others, (b) => cost(units.municipalityBand(place.m, b)) + cost(units.republicBand(b)));
        if (viaRepublic && Number.isFinite(cost(units.republicBand(place.band)))) {
          const b = viaRepublic[0];
          found.push([
            [unit, 1],
            [units.municipalityBand(place.m, b), -1],
            [units.republicBand(place.band), 1],
            [units.republicBand(b), -1],
          ]);
        }
        // A family with rows in this band alone (mentoring: every early-career teacher is in the band `early`): the
        // band moves with its municipality, against another municipality's in the same band.
        if (found.length === 0) found.push(swap(place.m, cost, undefined, place.band));
        break;
      }
      case 'ms': {
        const { m, s } = place;
        const others = subjectIndexes.filter((k) => k !== s);
        // Another subject of the municipality −1, and the same two of another municipality the other way: every sum stays.
        const rectangle = cheapestPair(
          municipalities,
          (n) => (n === m ? Number.POSITIVE_INFINITY : cost(ms(n, s))),
          others.map((k) => cost(ms(m, k))),
          others,
          (n, k) => cost(ms(n, k)),
        );
        if (rectangle) {
          const [n, k] = rectangle;
          found.push([
            [unit, 1],
            [ms(m, k), -1],
            [ms(n, s), -1],
            [ms(n, k), 1],
          ]);
        }
        const viaRepublic = Number.isFinite(cost(rs(s))) ? cheapest(others, (k) => cost(ms(m, k)) + cost(rs(k))) : undefined;
        if (viaRepublic) {
          const k = viaRepublic[0];
          found.push([
            [unit, 1],
            [ms(m, k), -1],
            [rs(s), 1],
            [rs(k), -1],
          ]);
        }
        // Where the municipality's subjects add up to nothing, the subject alone moves against the same subject of
        // another such municipality, or with the republic's where those add up to nothing either.
        if (!adds(m)) {
          const free = cheapest(
            municipalities.filter((n) => n !== m && !adds(n)),
            (n) => cost(ms(n, s)),
          );
          if (free)
            found.push([
              [unit, 1],
              [ms(free[0], s), -1],
            ]);
          if (!republicAdds && Number.isFinite(cost(rs(s))))
            found.push([
              [unit, 1],
              [rs(s), 1],
            ]);
        }
        // The municipality's only subject: it moves with its municipality.
        if (found.length === 0) found.push(swap(m, cost, undefined, undefined, s), chain(cost, m, undefined, undefined, s));
        break;
      }
      case 'rs': {
        const { s } = place;
        const others = subjectIndexes.filter((k) => k !== s);
        const pair = cheapestPair(
          municipalities,
          (n) => cost(ms(n, s)),
          others.map((k) => cost(rs(k))),
          others,
          (n, k) => cost(ms(n, k)),
        );
        if (pair) {
          const [n, k] = pair;
          found.push([
            [unit, 1],
            [rs(k), -1],
            [ms(n, s), 1],
            [ms(n, k), -1],
          ]);
        }
        if (!republicAdds) {
          const free = cheapest(
            municipalities.filter((n) => !adds(n)),
            (n) => cost(ms(n, s)),
          );
          if (free)
            found.push([
              [unit, 1],
              [ms(free[0], s), 1],
            ]);
        }
        if (found.length === 0) found.push(chain(cost, undefined, undefined, undefined, s));
        break;
      }
      case 'rb': {
        const pair = cheapest(
          municipalities.flatMap((n) => experienceBands.filter((b) => b !== place.band).map((b) => [n, b] as const)),
          ([n, b]) => cost(units.republicBand(b)) + cost(units.municipalityBand(n, place.band)) + cost(units.municipalityBand(n, b)),
        );
        if (pair) {
          const [n, b] = pair[0];
          found.push([
            [unit, 1],
            [units.republicBand(b), -1],
            [units.municipalityBand(n, place.band), 1],
            [units.municipalityBand(n, b), -1],
          ]);
        }
        // The same for a family with rows in this band alone: the republic's band moves with the republic.
        if (found.length === 0) found.push(chain(cost, undefined, undefined, place.band));
        break;
      }
      case 'r':
        found.push(chain(cost));
        break;
    }
    return found.filter((w): w is Signed => w !== undefined);
  };
  return { units: order, witnesses, weight: (unit) => weights[places.get(unit)?.kind ?? 's'] };
}

/** A family's rows with, per competency, the suppressed cells (unit|measure). */
export interface SuppressedRows {
  rows: FamilyRows;
  suppressed: Map<string, Set<string>>;
}

/**
 * Suppresses every competency of a family (each is a component of its own); `lattice`, one for all, or one a
 * component built from its rows (the levels' subjects, `subjectGrid`); `hiddenFixed(area)`, for a family with
 * fixed counts, the cells its deciding family hides in that area's component (`sharedHidden`).
 */
export function suppressRows(
  rows: FamilyRows,
  family: MeasureFamily,
  lattice: UnitLattice | ((byUnit: ReadonlyMap<string, BaseRow>) => UnitLattice),
  minGroup: number,
  hiddenFixed?: (area: string) => ReadonlySet<string>,
): SuppressedRows {
  const suppressed = new Map<string, Set<string>>();
  for (const [area, byUnit] of rows) {
    const preset = hiddenFixed ? sharedHidden(family, byUnit, hiddenFixed(area)) : undefined;
    const own = typeof lattice === 'function' ? lattice(byUnit) : lattice;
    suppressed.set(area, suppressComponent(new Map([...byUnit].map(([unit, row]) => [unit, row.counts])), family, own, minGroup, preset));
  }
  return { rows, suppressed };
}

/** One cell row as a summary reads it: its counts and sums, and which counts are suppressed. Undefined: nobody counted there. */
export function readCell(family: SuppressedRows, area: string, unit: string): (BaseRow & { suppressed: Set<string> }) | undefined {
  const row = family.rows.get(area)?.get(unit);
  if (!row) return undefined;
  const hidden = family.suppressed.get(area);
  const suppressed = new Set(Object.keys(row.counts).filter((measure) => hidden?.has(cellKey(unit, measure))));
  return { ...row, suppressed };
}
