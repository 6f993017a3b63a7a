/**
 * Small-cell suppression, once, for everything the council and the staff pages see.
 *
 * Every count any summary shows is a cell of one base (base.ts): a unit
 * (school, municipality, municipality × experience band, republic, republic
 * × band, a subject of the republic or of a municipality (levels only), or a
 * programme), a competency, and a measure of a family (levels:
 * scored, deficit, high, moderate; growth; participation; programmes). A
 * reader who combines every summary knows each shown cell and every linear
 * relation between cells: measures that add up within a unit (scored =
 * deficit + no deficit, deficit = high + moderate), units that add up to
 * their parent (the schools of a municipality to it, municipalities and
 * experience bands to the republic, a municipality's bands to it, the
 * municipalities' cells of a band to the republic's), and the same cell
 * shown twice (demand's «С дефицитом» is the deficits' one).
 *
 * The rule, deterministic and checked by a solver in the tests:
 * 1. Primary: a shown count of 1 to K−1 teachers is hidden (0 describes
 *    nobody and is shown). A count that is never shown but follows from shown
 *    ones (teachers without a deficit) is protected the same way when small.
 * 2. Complementary: each such small cell c gets a *witness*: a set of hidden
 *    cells with signs ±1 such that adding t to the +1 cells and subtracting t
 *    from the −1 cells keeps every relation true. Then every shown number is
 *    the same for x and for x + t·witness, so no arithmetic on the summaries
 *    (sums, differences, any linear combination) can tell c's value, nor that
 *    of any other cell of the witness. A witness is a product: a signed set
 *    of units that keeps the unit sums (two schools of one municipality: +1,
 *    −1) times a signed set of measures that keeps the measure sums (high +1,
 *    moderate −1). Of the candidates, the one that hides the fewest shown
 *    cells not yet hidden is taken (republic-wide cells weigh more, then
 *    non-zero cells before zeros, then the smallest values); its shown cells
 *    are hidden. Hiding more never spoils an earlier witness, so after one
 *    pass over the small cells (republic first, then down to schools) every
 *    small cell and every cell hidden for it is protected.
 * Units and competencies are independent components (no relation crosses a
 * competency or a family), so a summary suppresses only the families it reads,
 * with the same result as suppressing the whole base. One exception: a count
 * several families share (a consultation's «Ответили», counted by each of its
 * questions) is decided by one family and is `fixed` in the others: their
 * witnesses leave it be, and where it is hidden it comes in hidden, with the
 * parts that let it move (base.ts, `sharedHidden`).
 */

/** A family's counts and how they add up within one unit and competency. */
export interface MeasureFamily {
  /** Counts of teachers that some summary shows. */
  published: readonly string[];
  /** Counts that are never shown but follow from shown ones (teachers without a deficit = scored − deficit). */
  hidden: readonly string[];
  /** total = sum(parts), each key in `published` or `hidden`. */
  relations: readonly { total: string; parts: readonly string[] }[];
  /**
   * Counts this family shares with another one that decides where they are hidden (a consultation's
   * «Ответили», the same teachers in every question): no witness here changes them, and the cells the
   * other family hides come in as `preset` (see base.ts, `sharedHidden`).
   */
  fixed?: readonly string[];
}

/** A signed set: the +1 and −1 entries of a vector that keeps every relation true. */
export type Signed = readonly (readonly [key: string, sign: 1 | -1])[];

/**
 * The unit side of the base: for a unit, candidate signed sets of units that
 * contain it and keep every unit sum, built from the cheapest units by `cost`.
 */
export interface UnitLattice {
  /** Units in the order their small cells are given witnesses. */
  readonly units: readonly string[];
  witnesses(unit: string, cost: (unit: string) => number): Signed[];
  /** How much hiding a shown cell of this unit weighs (republic-wide cells most). */
  weight(unit: string): number;
}

/** A key of one cell within a component (competency × family): its unit and measure. */
export const cellKey = (unit: string, measure: string) => `${unit}|${measure}`;

const measureWitnessCache = new WeakMap<MeasureFamily, Map<string, Signed[]>>();

/**
 * For each measure, the smallest signed sets of measures that contain it and
 * keep every measure relation: all vectors in {−1, 0, 1}^measures that do,
 * with minimal support (a family has a handful of measures: 3^n is small).
 */
export function measureWitnesses(family: MeasureFamily): Map<string, Signed[]> {
  const cached = measureWitnessCache.get(family);
  if (cached) return cached;
  const measures = [...family.published, ...family.hidden];
  if (measures.length > 10) throw new Error('a measure family has at most 10 counts');
  const index = new Map(measures.map((m, i) => [m, i]));
  const fixed = (family.fixed ?? []).map((m) => index.get(m)!);
  const vectors: number[][] = [];
  const vector = new Array<number>(measures.length).fill(0);
  const visit = (i: number) => {
    if (i === measures.length) {
      const first = vector.find((v) => v !== 0);
      if (first !== 1) return; // zero, or the negation of one already kept
      if (fixed.some((i) => vector[i] !== 0)) return; // a shared count moves only with the family that decides it
      const keeps = family.relations.every(
        ({ total, parts }) => vector[index.get(total)!]! === parts.reduce((sum, part) => sum + vector[index.get(part)!]!, 0),
      );
      if (keeps) vectors.push([...vector]);
      return;
    }
    for (const v of [0, 1, -1]) {
      vector[i] = v;
      visit(i + 1);
    }
    vector[i] = 0;
  };
  visit(0);
  const support = (v: number[]) => v.flatMap((x, i) => (x === 0 ? [] : [i]));
  const published = new Set(family.published);
  const result = new Map<string, Signed[]>();
  for (const [i, measure] of measures.entries()) {
    const containing = vectors.filter((v) => v[i] !== 0);
    const minimal = containing.filter((v) => {
      const own = support(v);
      return !containing.some((w) => w !== v && support(w).every((j) => own.includes(j)) && support(w).length < own.length);
    });
    const shownCount = (v: number[]) => support(v).filter((j) => published.has(measures[j]!)).length;
    minimal.sort((a, b) => shownCount(a) - shownCount(b) || support(a).length - support(b).length);
    result.set(
      measure,
      minimal.map((v) => {
        const sign = v[i]! as 1 | -1; // so that the measure itself is +1
        return support(v).map((j) => [measures[j]!, (v[j]! * sign) as 1 | -1] as const);
      }),
    );
  }
  measureWitnessCache.set(family, result);
  return result;
}

/** Hidden cells cost nothing; each shown one its unit's weight; then a zero more than a non-zero count (a hidden zero is given away by signs), otherwise the smaller the better. */
const zeroCost = 1_000_000;
const cellWeight = 1_000_000_000;

/**
 * The shown cells (unit|measure) to suppress in one component: the rows
 * present in it (a unit absent from the summaries has all counts 0), the
 * family, the unit lattice and K; `preset`, cells hidden before (decided by
 * the family that owns the component's fixed counts).
 */
export function suppressComponent(
  rows: ReadonlyMap<string, Readonly<Record<string, number>>>,
  family: MeasureFamily,
  lattice: UnitLattice,
  minGroup: number,
  preset: ReadonlySet<string> = new Set(),
): Set<string> {
  // Cells by index (unit × measure) in typed arrays: a republic has tens of thousands of them, and a witness is
  // sought among a municipality's schools for each small one.
  const measures = [...family.published, ...family.hidden];
  const width = measures.length;
  const published = measures.map((m) => family.published.includes(m));
  const unitIndex = new Map(lattice.units.map((unit, i) => [unit, i]));
  const values = new Float64Array(lattice.units.length * width);
  const present = new Uint8Array(lattice.units.length);
  const suppressed = new Uint8Array(lattice.units.length * width);
  const weight = Float64Array.from(lattice.units, (unit) => lattice.weight(unit) * cellWeight);
  for (const [unit, row] of rows) {
    const i = unitIndex.get(unit);
    if (i === undefined) continue;
    present[i] = 1;
    measures.forEach((m, k) => (values[i * width + k] = row[m] ?? 0));
  }
  const fixed = measures.map((m) => family.fixed?.includes(m) ?? false);
  const small = (value: number) => value > 0 && value < minGroup;
  const sensitive: [unit: number, measure: number][] = [];
  for (let i = 0; i < lattice.units.length; i++) {
    if (!present[i]) continue;
    for (let k = 0; k < width; k++) {
      if (preset.has(cellKey(lattice.units[i]!, measures[k]!))) suppressed[i * width + k] = 1;
      // A small fixed count is protected by the family that decides it (and comes in hidden with `preset`).
      if (fixed[k] || !small(values[i * width + k]!)) continue;
      sensitive.push([i, k]);
      if (published[k]) suppressed[i * width + k] = 1;
    }
  }

  const witnessesByMeasure = measureWitnesses(family);
  const measureIndex = new Map(measures.map((m, k) => [m, k]));
  for (const [i, k] of sensitive) {
    let best: { cost: number; units: Signed; measures: Signed } | undefined;
    for (const candidate of witnessesByMeasure.get(measures[k]!) ?? []) {
      const shown = candidate.map(([m]) => measureIndex.get(m)!).filter((m) => published[m]);
      /** What hiding the witness's shown cells of a unit costs now: nothing where hidden already; infinite where the unit has no row. */
      const unitCost = (unit: string): number => {
        const u = unitIndex.get(unit);
        if (u === undefined || !present[u]) return Number.POSITIVE_INFINITY;
        let cost = 0;
        for (const m of shown) {
          const cell = u * width + m;
          if (suppressed[cell]) continue;
          const v = values[cell]!;
          cost += weight[u]! + (v === 0 ? zeroCost : Math.min(v, zeroCost - 1));
        }
        return cost;
      };
      for (const units of lattice.witnesses(lattice.units[i]!, unitCost)) {
        const cost = units.reduce((sum, [u]) => sum + unitCost(u), 0);
        if (!best || cost < best.cost) best = { cost, units, measures: candidate };
        if (cost === 0) break;
      }
      if (best?.cost === 0) break;
    }
    if (!best || !Number.isFinite(best.cost)) {
      // No witness among present units (a republic of one school with one band, say): nothing of the component is
      // shown, but for the fixed counts, which their own family decides.
      for (let u = 0; u < lattice.units.length; u++)
        if (present[u]) for (let m = 0; m < width; m++) if (published[m] && !fixed[m]) suppressed[u * width + m] = 1;
      break;
    }
    for (const [unit] of best.units) {
      const u = unitIndex.get(unit)!;
      for (const [m] of best.measures) if (published[measureIndex.get(m)!]) suppressed[u * width + measureIndex.get(m)!] = 1;
    }
  }
  const result = new Set<string>();
  for (let u = 0; u < lattice.units.length; u++)
    for (let m = 0; m < width; m++) if (suppressed[u * width + m]) result.add(cellKey(lattice.units[u]!, measures[m]!));
  return result;
}

/** A lattice of units with no sums between them (programmes): each unit is its own witness. */
export function flatLattice(units: readonly string[]): UnitLattice {
  return { units, witnesses: (unit) => [[[unit, 1]]], weight: () => 1 };
}
