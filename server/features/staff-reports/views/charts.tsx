/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { messages } from '../messages.ts';

/**
 * SVG charts drawn on the server: readable without JavaScript, every mark
 * with its number written beside it (a <title> repeats the full sentence for
 * screen readers, never as the only place of a number), and always next to a
 * table with the same numbers. Labels get the room they need (textWidth) or
 * wrap onto a second line, never clipped. A chart keeps its size on a phone
 * and scrolls inside its own box (.chart-scroll), so its text stays readable.
 */

/**
 * About how wide a text is in the pages' sans-serif font, in SVG units: Cyrillic letters
 * average a little under 0.6 of the font size; generous, so that a label never runs off.
 */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += /[ .,·:;'«»()-]/.test(char) ? 0.32 : /[А-ЯЁA-ZШЩЖМЮ]/.test(char) ? 0.72 : 0.58;
  return Math.ceil(width * fontSize);
}

/** A label in at most two lines of about `maxWidth` units, broken at spaces; a longer rest ends with «…». */
export function wrapLabel(text: string, fontSize: number, maxWidth: number): string[] {
  if (textWidth(text, fontSize) <= maxWidth) return [text];
  const words = text.split(' ');
  const lines: string[] = [''];
  for (const word of words) {
    const line = lines[lines.length - 1]!;
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, fontSize) <= maxWidth || !line) lines[lines.length - 1] = next;
    else lines.push(word);
  }
  if (lines.length <= 2) return lines;
  let second = lines.slice(1).join(' ');
  while (second.length > 1 && textWidth(`${second}…`, fontSize) > maxWidth) second = second.slice(0, -1);
  return [lines[0]!, `${second.trimEnd()}…`];
}

/** A chart in its own sideways-scrolling box, named for the keyboard and screen readers. */
function ChartBox({ title, children }: { title: string; children: unknown }) {
  return (
    <div class="chart-scroll" tabindex={0} role="group" aria-label={title}>
      {children}
    </div>
  );
}

/** The lines of a label as <tspan>s, centred on `y` around the row's middle. */
function LabelLines({ lines, x, y, fontSize, anchor }: { lines: string[]; x: number; y: number; fontSize: number; anchor: 'end' | 'middle' | 'start' }) {
  const lineHeight = fontSize + 2;
  const first = y - ((lines.length - 1) * lineHeight) / 2;
  return (
    <text x={x} y={first} text-anchor={anchor} font-size={fontSize}>
      {lines.map((line, index) => (
        <tspan x={x} dy={index === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

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
const tallRowHeight = 38;

/**
 * Horizontal bars. With negative values (growth), bars go left and right of
 * a zero line; otherwise they start at the left edge and `max` is the full
 * width (100 for shares).
 */
export function BarChart({ title, bars, max, maxLabelWidth = 320 }: { title: string; bars: Bar[]; max?: number; maxLabelWidth?: number }) {
  const labelFont = 13;
  const lines = bars.map((bar) => wrapLabel(bar.label, labelFont, maxLabelWidth));
  const labelWidth = Math.max(80, ...lines.flat().map((line) => textWidth(line, labelFont))) + 16;
  const tall = lines.some((label) => label.length > 1);
  const rowHeight_ = tall ? tallRowHeight : rowHeight;
  const valueRoom = Math.max(70, ...bars.map((bar) => textWidth(bar.value === null ? '—' : bar.text, 12) + 12));
  const chartWidth = labelWidth + 350 + valueRoom;
  const values = bars.map((bar) => bar.value ?? 0);
  const negative = values.some((value) => value < 0);
  const extent = max ?? Math.max(1, ...values.map(Math.abs));
  // Room for the value's text on both sides when bars go left of zero.
  const plot = chartWidth - labelWidth - valueRoom * (negative ? 2 : 1);
  const zero = labelWidth + (negative ? valueRoom + plot / 2 : 0);
  const scale = (negative ? plot / 2 : plot) / extent;
  const height = bars.length * rowHeight_ + 8;
  return (
    <ChartBox title={title}>
      <svg class="chart" role="img" aria-label={title} viewBox={`0 0 ${chartWidth} ${height}`} width={chartWidth}>
        <title>{title}</title>
        {negative && <line x1={zero} x2={zero} y1={0} y2={height} stroke="#8a96a3" stroke-width="1" />}
        {bars.map((bar, index) => {
          const y = index * rowHeight_ + 4;
          const middle = y + rowHeight_ / 2 + 4;
          const length = Math.abs(bar.value ?? 0) * scale;
          const x = (bar.value ?? 0) < 0 ? zero - length : zero;
          return (
            <g>
              <title>{bar.detail}</title>
              <LabelLines lines={lines[index]!} x={labelWidth - 8} y={middle} fontSize={labelFont} anchor="end" />
              {bar.value !== null && <rect x={x} y={middle - 13} width={Math.max(length, 1)} height={18} fill={bar.color ?? '#c0392b'} />}
              <text
                x={bar.value === null ? zero + 4 : bar.value < 0 ? x - 4 : x + length + 4}
                y={middle}
                font-size="12"
                text-anchor={bar.value !== null && bar.value < 0 ? 'end' : 'start'}
              >
                {bar.text || '—'}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartBox>
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
  const labelFont = 12;
  const columnFont = 11;
  const cellWidth = Math.max(110, ...columns.map((column) => textWidth(column, columnFont) + 12));
  const labels = rows.map((row) => wrapLabel(row.label, labelFont, 300));
  const cellHeight = labels.some((lines) => lines.length > 1) ? 34 : 24;
  const left = Math.max(80, ...labels.flat().map((line) => textWidth(line, labelFont))) + 16;
  const top = 40;
  const width = left + columns.length * cellWidth;
  const height = top + rows.length * cellHeight + 4;
  return (
    <ChartBox title={title}>
      <svg class="chart heatmap" role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width={width}>
        <title>{title}</title>
        {columns.map((column, c) => (
          <text x={left + c * cellWidth + cellWidth / 2} y={top - 10} text-anchor="middle" font-size={columnFont}>
            {column}
          </text>
        ))}
        {rows.map((row, r) => (
          <g>
            <LabelLines lines={labels[r]!} x={left - 8} y={top + r * cellHeight + cellHeight / 2 + 4} fontSize={labelFont} anchor="end" />
            {row.cells.map((cell, c) => (
              <g>
                <title>{cell.detail}</title>
                <rect x={left + c * cellWidth + 1} y={top + r * cellHeight + 1} width={cellWidth - 2} height={cellHeight - 2} fill={heatColor(cell.value)} />
                <text
                  x={left + c * cellWidth + cellWidth / 2}
                  y={top + r * cellHeight + cellHeight / 2 + 4}
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
    </ChartBox>
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
