import { competencyIds } from '../../../../shared/competencies.ts';
import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { readCell, units } from '../base.ts';
import { columns, competencyValues } from '../columns.ts';
import { periodDates } from '../../aggregates/period.ts';
import { type Summary, type SummaryOptions, type SummaryRow, withSuppression } from '../summary.ts';
import { type SummaryBase, summaryBase } from './base.ts';

export const demandGroupings = ['municipality', 'competency'] as const;
export type DemandGrouping = (typeof demandGroupings)[number];

/**
 * Образовательный заказ: per competency, the teachers with a deficit in it in
 * the period against the seats of programme runs starting in the period that
 * target it (archived programmes left out). A run of a municipality's
 * programme serves that municipality; a republic-wide one (no municipality)
 * serves everyone, so `by=municipality` shows its seats beside each
 * municipality but subtracts only the municipality's own seats, and
 * `by=competency` (the republic) subtracts both. A programme that targets two
 * competencies offers each seat to both, so the unmet demand is a lower bound.
 * The teachers with a deficit are the deficits summary's cells, suppressed
 * alike (base.ts): the same number is never shown in one and hidden in the other.
 */
export function demandSummary(db: Db, options: SummaryOptions & { by: DemandGrouping }, base?: SummaryBase): Summary {
  return {
    columns: columns('demand', options.by),
    rows: demandRows(db, base ?? summaryBase(db, options), options),
  };
}

/** Seats of runs starting in the period, by the programme's municipality (null: republic-wide) and competency. */
function seatsByMunicipality(db: Db, period: string): Map<number | null, Map<string, number>> {
  const { start, end } = periodDates(period);
  const rows = prepared(
    db,
    `SELECT p.municipality_id AS municipalityId, c.value AS area, sum(r.seats) AS seats
     FROM programs p JOIN program_runs r ON r.program_id = p.id, json_each(p.competencies_json) c
     WHERE p.archived = 0 AND r.start_date BETWEEN @start AND @end
     GROUP BY p.municipality_id, c.value`,
  ).all({ start, end }) as { municipalityId: number | null; area: string; seats: number }[];
  const seats = new Map<number | null, Map<string, number>>();
  for (const row of rows) {
    if (!seats.has(row.municipalityId)) seats.set(row.municipalityId, new Map());
    seats.get(row.municipalityId)!.set(row.area, row.seats);
  }
  return seats;
}

function* demandRows(db: Db, base: SummaryBase, { period, by, municipalityId }: SummaryOptions & { by: DemandGrouping }): Generator<SummaryRow> {
  const seats = seatsByMunicipality(db, period);
  const levels = base.family('levels');
  const seatsOf = (id: number | null, area: string) => seats.get(id)?.get(area) ?? 0;
  const row = (unit: string, area: string, labels: Record<string, string>, seatsLocal: number, seatsRepublic: number, offered: number): SummaryRow => {
    const cell = readCell(levels, area, unit);
    const deficit = cell?.counts.deficit ?? 0;
    return withSuppression(
      { period, ...labels, ...competencyValues(area), deficit, seatsLocal, seatsRepublic, unmet: Math.max(0, deficit - offered) },
      new Set(cell?.suppressed.has('deficit') ? ['deficit'] : []),
      { unmet: ['deficit'] },
    );
  };
  if (by === 'municipality') {
    for (const m of base.names().municipalities) {
      if (municipalityId !== undefined && m.id !== municipalityId) continue;
      for (const area of competencyIds) {
        const local = seatsOf(m.id, area);
        yield row(units.municipality(m.id), area, { municipality: m.name }, local, seatsOf(null, area), local);
      }
    }
    return;
  }
  for (const area of competencyIds) {
    const local =
      municipalityId === undefined
        ? [...seats].reduce((sum, [id, byArea]) => (id === null ? sum : sum + (byArea.get(area) ?? 0)), 0)
        : seatsOf(municipalityId, area);
    const republic = seatsOf(null, area);
    yield row(municipalityId === undefined ? units.republic : units.municipality(municipalityId), area, {}, local, republic, local + republic);
  }
}
