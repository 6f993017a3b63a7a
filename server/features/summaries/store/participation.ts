import type { Db } from '../../../platform/database/database.ts';
import { allAreas, readCell } from '../base.ts';
import { columns, unitValues } from '../columns.ts';
import { listedUnits } from './grouping.ts';
import { percent, type Summary, type SummaryOptions, type SummaryRow, withSuppression } from '../summary.ts';
import { type SummaryBase, summaryBase } from './base.ts';

export const participationGroupings = ['municipality', 'school', 'experience'] as const;

type ParticipationOptions = SummaryOptions & { by: (typeof participationGroupings)[number] };

/** A unit's roster, connected and diagnosed teachers with the share, suppressed from the base; a unit nobody is on has none. */
export function participationRow(base: SummaryBase, unit: string, labels: Record<string, string | number | null>): SummaryRow | undefined {
  const cell = readCell(base.family('participation'), allAreas, unit);
  if (!cell) return undefined;
  const { roster, connected, diagnosed } = cell.counts as { roster: number; connected: number; diagnosed: number };
  return withSuppression({ ...labels, roster, connected, diagnosed, diagnosedShare: percent(diagnosed, roster) }, cell.suppressed, {
    diagnosedShare: ['diagnosed', 'roster'],
  });
}

/**
 * `participation.csv`: per unit, the teachers on the roster, how many have
 * connected the extension (ever redeemed a connection code), and how many
 * have a result in at least one competency in the period. Roster and
 * connection are counted as they are now; diagnosis as it was recorded.
 */
export function participationSummary(db: Db, options: ParticipationOptions, base?: SummaryBase): Summary {
  return {
    columns: columns('participation', options.by),
    rows: participationRows(base ?? summaryBase(db, options), options),
  };
}

function* participationRows(base: SummaryBase, { period, by, municipalityId }: ParticipationOptions): Generator<SummaryRow> {
  for (const { unit, labels } of listedUnits(base, by, municipalityId)) {
    const row = participationRow(base, unit, { period, ...unitValues(by, labels) });
    if (row) yield row;
  }
}
