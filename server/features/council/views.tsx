/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { SummaryName } from '../../../shared/api/summaries.ts';
import type { Summary, SummaryRow } from '../summaries/summary.ts';
import { BarChart, type Bar } from '../staff-reports/views/charts.tsx';
import { SummaryTable } from '../staff-reports/views/parts.tsx';
import { messages } from './messages.ts';

const t = messages.council;
const v = messages.reports.views;

/** The measure each summary's chart draws, one bar a row: a share (0–100) or a number of points or teachers. */
export const chartMeasure: Record<SummaryName, { key: string; share: boolean; points?: true }> = {
  deficits: { key: 'deficitShare', share: true },
  demand: { key: 'unmet', share: false },
  participation: { key: 'diagnosedShare', share: true },
  growth: { key: 'growth', share: false, points: true },
  programs: { key: 'completersGrowth', share: false, points: true },
  routes: { key: 'routeShare', share: true },
  indicators: { key: 'diagnosedShare', share: true },
  mentoring: { key: 'mentorShare', share: true },
  measures: { key: 'targetChange', share: false, points: true },
};

/** A chart with more bars than this is not drawn (a school grouping of a republic); the table and the files have every row. */
export const maxBars = 60;

/** The columns that name a row's unit, in order; the rest are numbers. */
const labelKeys = ['municipality', 'school', 'band', 'program', 'competency'];

function labelOf(row: SummaryRow): string {
  return (
    labelKeys
      .map((key) => row.values[key])
      .filter((value): value is string => typeof value === 'string' && value !== '')
      .join(' · ') || messages.reports.republic
  );
}

/** One summary: its chart (the numbers written on the bars) and the table with every number. */
export function SummaryBlock({
  name,
  summary,
  heading,
  level = 2,
}: {
  name: SummaryName;
  summary: { columns: Summary['columns']; rows: SummaryRow[] };
  heading?: string;
  level?: 2 | 3;
}) {
  const measure = chartMeasure[name];
  const column = summary.columns.find((c) => c.key === measure.key);
  const format = measure.share ? v.percent : measure.points ? v.points : v.number;
  const bars: Bar[] = summary.rows.map((row) => {
    const hidden = row.suppressed.includes(measure.key);
    const raw = row.values[measure.key];
    const value = hidden || typeof raw !== 'number' ? null : raw;
    const label = labelOf(row);
    const text = hidden ? v.suppressedShort : value === null ? '—' : format(value);
    return { label, value, text, detail: `${label}: ${text}`, color: '#2e6da4' };
  });
  const chartTitle = t.chartOf(column?.header ?? measure.key);
  return (
    <section class="council-summary">
      {heading && (level === 2 ? <h2>{heading}</h2> : <h3>{heading}</h3>)}
      {summary.rows.length === 0 ? (
        <p>{t.noRows}</p>
      ) : summary.rows.length > maxBars ? (
        <p class="hint">{t.tooManyBars(summary.rows.length)}</p>
      ) : (
        <figure class="council-chart">
          <figcaption>{chartTitle}</figcaption>
          <BarChart title={chartTitle} bars={bars} {...(measure.share ? { max: 100 } : {})} />
        </figure>
      )}
      {summary.rows.length > 0 && <SummaryTable columns={summary.columns} rows={summary.rows} />}
    </section>
  );
}
