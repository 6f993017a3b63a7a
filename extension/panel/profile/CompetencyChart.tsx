import { formatNumber } from '../../../shared/format/russian.ts';
import { competencyIds, type CompetencyId, type Level } from '../../../shared/competencies.ts';
import { messages } from '../../messages.ts';

export interface ChartRow {
  competency: CompetencyId;
  score: number | null;
  level: Level;
  /** Change since the previous diagnostic, if comparable. */
  delta: number | null;
}

const width = 380;
const labelWidth = 178;
const barWidth = width - labelWidth - 44;
const rowHeight = 30;
/** The deficit thresholds of распоряжение Р-201, drawn as guides. */
const thresholds = [60, 80];

const levelClass = (level: Level) => `chart__bar chart__bar--${level}`;

/** Five bars, 0–100, deficits highlighted, the previous score as a tick. */
export function CompetencyChart({ rows }: { rows: ChartRow[] }) {
  const height = rows.length * rowHeight + 20;
  const x = (score: number) => labelWidth + (score / 100) * barWidth;
  const ordered = competencyIds.map((id) => rows.find((row) => row.competency === id)).filter((row): row is ChartRow => row !== undefined);
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="profrost-chart-title profrost-chart-desc">
      <title id="profrost-chart-title">{messages.profile.chartTitle}</title>
      <desc id="profrost-chart-desc">{messages.profile.chartDescription}</desc>
      {thresholds.map((value) => (
        <g key={value}>
          <line class="chart__guide" x1={x(value)} x2={x(value)} y1={0} y2={height - 16} />
          <text class="chart__axis" x={x(value)} y={height - 4} text-anchor="middle">
            {value}
          </text>
        </g>
      ))}
      {ordered.map((row, i) => {
        const y = i * rowHeight + 4;
        const previous = row.score !== null && row.delta !== null ? row.score - row.delta : null;
        return (
          <g key={row.competency} data-competency={row.competency} data-level={row.level}>
            <text class="chart__label" x={0} y={y + 15}>
              {messages.competencies[row.competency]}
            </text>
            <rect class="chart__track" x={labelWidth} y={y + 4} width={barWidth} height={14} rx={3} />
            {row.score !== null && <rect class={levelClass(row.level)} x={labelWidth} y={y + 4} width={(row.score / 100) * barWidth} height={14} rx={3} />}
            {previous !== null && <line class="chart__previous" x1={x(previous)} x2={x(previous)} y1={y + 1} y2={y + 21} />}
            <text class="chart__value" x={width - 38} y={y + 15}>
              {row.score === null ? '—' : formatNumber(row.score)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
