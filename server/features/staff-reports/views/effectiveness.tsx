/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { messages } from '../messages.ts';
import type { EffectivenessPageData } from '../pages.ts';
import { BarChart, type Bar } from './charts.tsx';
import { numberOf, PeriodForm, SummaryTable, SuppressionNote, textOf } from './parts.tsx';

const e = messages.reports.views.effectiveness;

/** Эффективность программ: the page body; the admin layout wraps it. */
export function EffectivenessView({ data }: { data: EffectivenessPageData }) {
  const { rows, columns } = data.programs;
  const bars: Bar[] = rows.flatMap((row): Bar[] => {
    const program = String(row.values.program);
    const competency = String(row.values.competency);
    const label = `${program} · ${competency}`;
    // Too few completers to show: say so, rather than leave the comparison group's bar alone.
    if (row.suppressed.includes('completersGrowth')) {
      return [{ label, value: null, text: e.completersHidden(data.minGroup), detail: `${label}: ${e.completersHidden(data.minGroup)}` }];
    }
    return [
      {
        label: `${label}: ${e.completers}`,
        value: numberOf(row, 'completersGrowth'),
        text: textOf(row, 'completersGrowth'),
        color: '#2e7d4f',
        detail: e.bar(e.completers, program, competency, textOf(row, 'completersGrowth'), textOf(row, 'completersMeasured')),
      },
      {
        label: e.comparison,
        value: numberOf(row, 'comparisonGrowth'),
        text: textOf(row, 'comparisonGrowth'),
        color: '#8a96a3',
        detail: e.bar(e.comparison, program, competency, textOf(row, 'comparisonGrowth'), textOf(row, 'comparisonMeasured')),
      },
    ];
  });
  return (
    <section class="report report-effectiveness">
      <h2>{e.title(data.scopeName, data.period)}</h2>
      <PeriodForm period={data.period} periods={data.periods} />
      <p class="report-hint">{e.method}</p>
      {rows.length === 0 ? (
        <p>{e.none(data.period)}</p>
      ) : (
        <>
          <p class="report-legend">
            <span class="swatch swatch-completers">■</span> {e.completers} <span class="swatch swatch-comparison">■</span> {e.comparison}
          </p>
          <BarChart title={e.title(data.scopeName, data.period)} bars={bars} maxLabelWidth={360} />
          <SummaryTable columns={columns.filter((c) => c.key !== 'period' && c.key !== 'competencyId')} rows={rows} />
        </>
      )}
      <SuppressionNote minGroup={data.minGroup} />
    </section>
  );
}
