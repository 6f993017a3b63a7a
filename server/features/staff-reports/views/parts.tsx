/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { messages } from '../messages.ts';
import type { SummaryColumn, SummaryRow } from '../../summaries/summary.ts';
import { show } from './charts.tsx';

const v = messages.reports.views;

/** Columns holding shares are printed with a % sign; growth with its sign. */
const formats: Record<string, (n: number) => string> = {
  deficitShare: v.percent,
  diagnosedShare: v.percent,
  usefulShare: v.percent,
  recommendShare: v.percent,
  routeShare: v.percent,
  agreedShare: v.percent,
  closedShare: v.percent,
  growth: v.points,
  completersGrowth: v.points,
  comparisonGrowth: v.points,
};

/** The numbers behind a chart, as a plain table. */
export function SummaryTable({ columns, rows, caption }: { columns: SummaryColumn[]; rows: SummaryRow[]; caption?: string }) {
  return (
    <table class="report-table">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col">{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            {columns.map((column) => {
              const value = row.values[column.key];
              return (
                <td class={typeof value === 'number' || row.suppressed.includes(column.key) ? 'num' : undefined}>
                  {show(value, row.suppressed.includes(column.key), formats[column.key])}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A GET form choosing the учебный год; works without JavaScript. */
export function PeriodForm({ period, periods }: { period: string; periods: string[] }) {
  const options = periods.includes(period) ? periods : [period, ...periods];
  return (
    <form method="get" class="report-period">
      <label>
        {v.period}{' '}
        <select name="period">
          {options.map((option) => (
            <option value={option} selected={option === period}>
              {option}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit">{v.show}</button>
    </form>
  );
}

export function SuppressionNote({ minGroup }: { minGroup: number }) {
  return <p class="report-note">{messages.reports.suppressedNote(minGroup)}</p>;
}

/** The value of a row's column as a number for a chart, or null when suppressed or empty. */
export function numberOf(row: SummaryRow, key: string): number | null {
  const value = row.values[key];
  return typeof value === 'number' && !row.suppressed.includes(key) ? value : null;
}

/** The value of a row's column as the pages print it. */
export function textOf(row: SummaryRow, key: string): string {
  return show(row.values[key], row.suppressed.includes(key), formats[key]);
}
