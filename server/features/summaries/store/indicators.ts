import type { Db } from '../../../platform/database/database.ts';
import { allAreas, type FamilyName, readCell } from '../base.ts';
import { columns, unitValues } from '../columns.ts';
import { percent, type Summary, type SummaryOptions, type SummaryRow, withSuppression } from '../summary.ts';
import { type SummaryBase, summaryBase } from './base.ts';
import { listedUnits } from './grouping.ts';

/** The families «Показатели» reads, each for its own measures (base.ts): participation gives the roster, diagnosed and the ИОМ. */
const sources: readonly [Exclude<FamilyName, 'programs'>, readonly string[]][] = [
  ['participation', ['roster', 'diagnosed', 'withRoute']],
  ['indicatorDeficit', ['withDeficit']],
  ['indicatorDpo', ['dpoCompleted']],
  ['indicatorMo', ['attendedMo']],
  ['indicatorCompetition', ['competed', 'awarded']],
  ['indicatorCategory', ['categoryNone', 'categoryFirst', 'categoryHighest', 'statusMethodist', 'statusMentor']],
  ['indicatorSatisfaction', ['rated', 'satisfied']],
  // Молодые педагоги с наставником (issue 20): of the unit's early-career teachers; no row where there are none.
  ['mentoring', ['earlyCareer', 'withMentor']],
];

/** Each share and the counts it is taken from (hidden with either). */
const shares = {
  diagnosedShare: ['diagnosed', 'roster'],
  withDeficitShare: ['withDeficit', 'roster'],
  routeShare: ['withRoute', 'roster'],
  dpoShare: ['dpoCompleted', 'roster'],
  moShare: ['attendedMo', 'roster'],
  competedShare: ['competed', 'roster'],
  awardedShare: ['awarded', 'roster'],
  satisfiedShare: ['satisfied', 'rated'],
} as const;

/**
 * A unit's «Показатели» for the base's учебный год: every count read from the suppressed base, each from the
 * family that suppressed it; shares computed from them and hidden with them. Undefined: nobody on the roster.
 */
export function indicatorsRow(base: SummaryBase, unit: string, labels: Record<string, string | number | null>): SummaryRow | undefined {
  const values: Record<string, string | number | null> = { ...labels };
  const suppressed = new Set<string>();
  for (const [family, measures] of sources) {
    const cell = readCell(base.family(family), allAreas, unit);
    if (!cell) {
      if (family === 'participation') return undefined;
      continue;
    }
    for (const measure of measures) {
      values[measure] = cell.counts[measure] ?? 0;
      if (cell.suppressed.has(measure)) suppressed.add(measure);
    }
  }
  for (const [share, [part, whole]] of Object.entries(shares)) values[share] = percent(Number(values[part] ?? 0), Number(values[whole] ?? 0));
  return withSuppression(values, suppressed, shares);
}

/**
 * `indicators.csv`: the seeds' monitoring indicators per municipality (server/features/indicators/registry.ts
 * says how each is computed). The roster as it is now; the rest within the учебный год.
 */
export function indicatorsSummary(db: Db, options: SummaryOptions, base?: SummaryBase): Summary {
  return {
    columns: columns('indicators', options.by),
    rows: indicatorRowsOf(base ?? summaryBase(db, options), options),
  };
}

function* indicatorRowsOf(base: SummaryBase, { period, by, municipalityId }: SummaryOptions): Generator<SummaryRow> {
  for (const { unit, labels } of listedUnits(base, by, municipalityId)) {
    const row = indicatorsRow(base, unit, { period, ...unitValues(by, labels) });
    if (row) yield row;
  }
}
