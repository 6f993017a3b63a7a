/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { messages } from '../messages.ts';

/**
 * SVG charts drawn on the server: readable without JavaScript, every mark
 * with a <title> (shown on hover and read by screen readers), and always
 * next to a table with the same numbers. Sizes are in SVG units and scale
 * with the page through viewBox.
 */

export interface Bar {
  label: string;
  /** null: suppressed or no data; drawn as an empty row with a dash. */
  value: number | null;
  /** What the value shows, e.g. "50%"; for the label at the bar's end. */
  text: string;
  /** The full sentence for <title>. */
  detail: string;
  /** CSS colour of the bar. */
  color?: string;
}

const rowHeight = 26;

/**
 * Horizontal bars. With negative values (growth), bars go left and right of
 * a zero line; otherwise they start at the left edge and `max` is the full
 * width (100 for shares).
 */
export function BarChart({ title, bars, max, labelWidth = 220 }: { title: string; bars: Bar[]; max?: number; labelWidth?: number }) {
  const chartWidth = labelWidth + 420;
  const values = bars.map((bar) => bar.value ?? 0);
  const negative = values.some((value) => value < 0);
  const extent = max ?? Math.max(1, ...values.map(Math.abs));
  const plot = chartWidth - labelWidth - 70;
  const zero = labelWidth + (negative ? plot / 2 : 0);
  const scale = (negative ? plot / 2 : plot) / extent;
  const height = bars.length * rowHeight + 8;
  return (
    <svg class="chart" role="img" aria-label={title} viewBox={`0 0 ${chartWidth} ${height}`} width={chartWidth}>
      <title>{title}</title>
      {negative && <line x1={zero} x2={zero} y1={0} y2={height} stroke="#8a96a3" stroke-width="1" />}
      {bars.map((bar, index) => {
        const y = index * rowHeight + 4;
        const length = Math.abs(bar.value ?? 0) * scale;
        const x = (bar.value ?? 0) < 0 ? zero - length : zero;
        return (
          <g>
            <title>{bar.detail}</title>
            <text x={labelWidth - 8} y={y + 16} text-anchor="end" font-size="13">
              {bar.label}
            </text>
            {bar.value !== null && <rect x={x} y={y + 3} width={Math.max(length, 1)} height={rowHeight - 8} fill={bar.color ?? '#c0392b'} />}
            <text
              x={bar.value === null ? zero + 4 : bar.value < 0 ? x - 4 : x + length + 4}
              y={y + 16}
              font-size="12"
              text-anchor={bar.value !== null && bar.value < 0 ? 'end' : 'start'}
            >
              {bar.value === null ? '—' : bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface HeatCell {
  /** 0–100 (a share): the colour's depth; null greys the cell out. */
  value: number | null;
  text: string;
  detail: string;
}

/** Units down, competencies across; a cell's colour deepens with its share of teachers with a deficit. */
export function Heatmap({ title, columns, rows }: { title: string; columns: string[]; rows: { label: string; cells: HeatCell[] }[] }) {
  const cellWidth = 150;
  const cellHeight = 24;
  const left = 260;
  const top = 40;
  const width = left + columns.length * cellWidth;
  const height = top + rows.length * cellHeight + 4;
  return (
    <svg class="chart heatmap" role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width={width}>
      <title>{title}</title>
      {columns.map((column, c) => (
        <text x={left + c * cellWidth + cellWidth / 2} y={top - 10} text-anchor="middle" font-size="11">
          {column}
        </text>
      ))}
      {rows.map((row, r) => (
        <g>
          <text x={left - 8} y={top + r * cellHeight + 16} text-anchor="end" font-size="12">
            {row.label.length > 40 ? `${row.label.slice(0, 39)}…` : row.label}
          </text>
          {row.cells.map((cell, c) => (
            <g>
              <title>{cell.detail}</title>
              <rect x={left + c * cellWidth + 1} y={top + r * cellHeight + 1} width={cellWidth - 2} height={cellHeight - 2} fill={heatColor(cell.value)} />
              <text
                x={left + c * cellWidth + cellWidth / 2}
                y={top + r * cellHeight + 16}
                text-anchor="middle"
                font-size="12"
                fill={cell.value !== null && cell.value > 55 ? '#fff' : '#1d2733'}
              >
                {cell.text}
              </text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}

/** White-ish for 0%, deep red for 100%; grey when there is nothing to show. */
export function heatColor(share: number | null): string {
  if (share === null) return '#e3e7ec';
  const t = Math.min(1, Math.max(0, share / 100));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${mix(253, 165)},${mix(237, 28)},${mix(222, 28)})`;
}

/** A value as the pages print it: Russian decimal comma, «скрыто» when suppressed, a dash when there is none. */
export function show(value: string | number | null | undefined, suppressed: boolean, format: (n: number) => string = messages.reports.views.number): string {
  if (suppressed) return messages.reports.views.suppressedShort;
  if (value === null || value === undefined) return '—';
  return typeof value === 'number' ? format(value) : value;
}
