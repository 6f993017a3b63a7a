/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { messages } from '../messages.ts';
import type { DemandPageData } from '../pages.ts';
import { BarChart, type Bar } from './charts.tsx';
import { numberOf, PeriodForm, SummaryTable, SuppressionNote, textOf } from './parts.tsx';
import { SubjectDeficits } from './subject-deficits.tsx';
import type { SubjectId } from '../../subjects/subjects.ts';

const s = messages.reports.views.demand;

/** Спрос (образовательный заказ): the page body; the admin layout wraps it. */
export function DemandView({ data, subject }: { data: DemandPageData; subject?: SubjectId | undefined }) {
  const max = Math.max(
    1,
    ...data.totals.rows.flatMap((row) => [numberOf(row, 'deficit') ?? 0, (numberOf(row, 'seatsLocal') ?? 0) + (numberOf(row, 'seatsRepublic') ?? 0)]),
  );
  const bars: Bar[] = data.totals.rows.flatMap((row) => {
    const competency = String(row.values.competency);
    const seats = (numberOf(row, 'seatsLocal') ?? 0) + (numberOf(row, 'seatsRepublic') ?? 0);
    return [
      {
        label: competency,
        value: numberOf(row, 'deficit'),
        text: textOf(row, 'deficit'),
        detail: s.deficitBar(competency, textOf(row, 'deficit')),
        color: '#c0392b',
      },
      {
        label: '',
        value: seats,
        text: messages.reports.views.number(seats),
        detail: s.seatsBar(competency, messages.reports.views.number(seats)),
        color: '#1f5fa8',
      },
    ];
  });
  const withoutPeriod = (columns: DemandPageData['totals']['columns']) => columns.filter((c) => c.key !== 'period' && c.key !== 'competencyId');
  return (
    <section class="report report-demand">
      <h2>{s.title(data.scopeName, data.period)}</h2>
      <PeriodForm period={data.period} periods={data.periods} />
      <p class="report-hint">{s.intro}</p>
      <h3>{s.chart}</h3>
      <p class="report-legend">
        <span class="swatch swatch-deficit">■</span> {s.legendDeficit} <span class="swatch swatch-seats">■</span> {s.legendSeats}
      </p>
      <BarChart title={s.chart} bars={bars} max={max} />
      <SummaryTable columns={withoutPeriod(data.totals.columns)} rows={data.totals.rows} />
      <h3>{s.byMunicipality}</h3>
      <SummaryTable columns={withoutPeriod(data.byMunicipality.columns)} rows={data.byMunicipality.rows} />
      <SubjectDeficits period={data.period} rows={data.bySubject} subject={subject} anchor="by-subject" />
      <SuppressionNote minGroup={data.minGroup} />
    </section>
  );
}
