import { previousPeriod } from '../aggregates/period.ts';
import { units } from '../summaries/base.ts';
import type { SummaryBase } from '../summaries/store/base.ts';
import { indicatorsRow } from '../summaries/store/indicators.ts';
import { percent, type SummaryRow } from '../summaries/summary.ts';
import { type MonitoringIndicator, monitoringIndicators } from './registry.ts';

/** One value of a line in one year: a share with its counts, hidden, nobody to take a share of, or not computed. */
export type IndicatorValue = { kind: 'share'; share: number; part: number; whole: number } | { kind: 'hidden' } | { kind: 'none' } | { kind: 'notComputed' };

/** A line of the page: an indicator, or a part of one (a category), with its value this year and last. */
export interface IndicatorLine {
  id: string;
  name: string;
  howComputed: string | null;
  thisYear: IndicatorValue;
  lastYear: IndicatorValue;
}

export interface UnitIndicators {
  name: string;
  /** The roster now; null where it is hidden; undefined: nobody on the roster. */
  roster: number | null | undefined;
  lines: IndicatorLine[];
}

function lineValue(row: SummaryRow | undefined, indicator: MonitoringIndicator, measure: string | undefined): IndicatorValue {
  if (!indicator.source || measure === undefined) return { kind: 'notComputed' };
  if (!row) return { kind: 'none' };
  const whole = indicator.of;
  if (row.suppressed.includes(measure) || row.suppressed.includes(whole)) return { kind: 'hidden' };
  const part = Number(row.values[measure] ?? 0);
  const of = Number(row.values[whole] ?? 0);
  const share = percent(part, of);
  return share === null ? { kind: 'none' } : { kind: 'share', share, part, whole: of };
}

/** A unit's lines, from its rows of the two years (read from the suppressed bases: summaries/store/indicators.ts). */
function linesOf(thisYear: SummaryRow | undefined, lastYear: SummaryRow | undefined): IndicatorLine[] {
  return monitoringIndicators.flatMap((indicator): IndicatorLine[] => {
    const head = { id: indicator.id, name: indicator.name, howComputed: indicator.howComputed };
    if (indicator.parts && indicator.source) {
      return [
        { ...head, thisYear: { kind: 'none' }, lastYear: { kind: 'none' } },
        ...indicator.parts.map((part) => ({
          id: `${indicator.id}.${part.measure}`,
          name: part.name,
          howComputed: null,
          thisYear: lineValue(thisYear, indicator, part.measure),
          lastYear: lineValue(lastYear, indicator, part.measure),
        })),
      ];
    }
    const measure = indicator.source?.measure;
    return [{ ...head, thisYear: lineValue(thisYear, indicator, measure), lastYear: lineValue(lastYear, indicator, measure) }];
  });
}

/**
 * «Показатели» for a scope: the republic and every municipality for the regional admin, her municipality for a
 * methodist; `bases` the suppressed bases of the учебный год and the one before it.
 */
export function indicatorsPageData(
  bases: { thisYear: SummaryBase; lastYear: SummaryBase },
  scope: { municipalityId?: number },
  republicName: string,
): { period: string; previous: string; minGroup: number; units: UnitIndicators[] } {
  const { thisYear, lastYear } = bases;
  const listed =
    scope.municipalityId === undefined
      ? [{ unit: units.republic, name: republicName }, ...thisYear.names().municipalities.map((m) => ({ unit: units.municipality(m.id), name: m.name }))]
      : thisYear
          .names()
          .municipalities.filter((m) => m.id === scope.municipalityId)
          .map((m) => ({ unit: units.municipality(m.id), name: m.name }));
  return {
    period: thisYear.period,
    previous: previousPeriod(thisYear.period),
    minGroup: thisYear.minGroup,
    units: listed.map(({ unit, name }) => {
      const now = indicatorsRow(thisYear, unit, {});
      const before = indicatorsRow(lastYear, unit, {});
      const roster = now === undefined ? undefined : now.suppressed.includes('roster') ? null : Number(now.values.roster);
      return { name, roster, lines: linesOf(now, before) };
    }),
  };
}
