/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { competencyIds } from '../../../../shared/competencies.ts';
import { messages } from '../messages.ts';
import { columns } from '../../summaries/columns.ts';
import type { DashboardData } from '../store/dashboard.ts';
import type { SummaryRow } from '../../summaries/summary.ts';
import { type Bar, BarChart, Heatmap } from './charts.tsx';
import type { SubjectId } from '../../subjects/subjects.ts';
import { SubjectDeficits } from './subject-deficits.tsx';
import { numberOf, PeriodForm, SummaryTable, SuppressionNote, textOf } from './parts.tsx';

const v = messages.reports.views;
const mentoringFigures = ['earlyCareer', 'withMentor', 'mentorShare', 'mentors', 'meetingsPerPairMonth'] as const;

const routeFigures = [
  'withRoute',
  'routeShare',
  'agreed',
  'agreedShare',
  'teachersDone',
  'itemsDone',
  'deficitsAtFirst',
  'deficitsClosed',
  'closedShare',
] as const;
const d = v.dashboard;
const titles = messages.reports.competencyTitles;

function deficitBars(rows: SummaryRow[]): Bar[] {
  return rows.map((row) => ({
    label: String(row.values.competency),
    value: numberOf(row, 'deficitShare'),
    text: textOf(row, 'deficitShare'),
    detail: d.bar(String(row.values.competency), textOf(row, 'deficitShare'), textOf(row, 'deficit'), textOf(row, 'scored')),
  }));
}

/**
 * Обзор for a period and a scope (the republic, or one municipality): the
 * page body only; the admin layout wraps it. Numbers come already
 * suppressed from dashboardData.
 */
export function DashboardView({ data, subject }: { data: DashboardData; subject?: SubjectId | undefined }) {
  const { participation: p } = data;
  const unitKey = data.heatmap.unit;
  const heatRows = new Map<string, { label: string; cells: Map<string, SummaryRow> }>();
  for (const row of data.heatmap.rows) {
    const label = String(row.values[unitKey]);
    const entry = heatRows.get(label) ?? { label, cells: new Map() };
    entry.cells.set(String(row.values.competencyId), row);
    heatRows.set(label, entry);
  }
  const heatTableColumns = columns('deficits', unitKey).filter(
    (c) => c.key !== 'period' && c.key !== 'competencyId' && (unitKey === 'school' ? c.key !== 'municipality' : true),
  );
  const competencyColumns = columns('deficits', 'competency').filter((c) => c.key !== 'period' && c.key !== 'competencyId');
  const growthColumns = columns('growth', 'competency').filter((c) => c.key !== 'period' && c.key !== 'competencyId');
  const hasResults = data.competencies.length > 0;

  return (
    <section class="report report-dashboard">
      <h2>{d.title(data.scopeName, data.period)}</h2>
      <PeriodForm period={data.period} periods={data.periods} />

      <h3>{d.participation}</h3>
      <dl class="report-figures">
        <div>
          <dt>{d.roster}</dt>
          <dd>{textOf(p, 'roster')}</dd>
        </div>
        <div>
          <dt>{d.connected}</dt>
          <dd>{textOf(p, 'connected')}</dd>
        </div>
        <div>
          <dt>{d.diagnosed}</dt>
          <dd>{textOf(p, 'diagnosed')}</dd>
        </div>
        <div>
          <dt>{d.diagnosedShare}</dt>
          <dd>{textOf(p, 'diagnosedShare')}</dd>
        </div>
      </dl>

      {!hasResults ? (
        <p>{v.noData}</p>
      ) : (
        <>
          <h3>{d.heatmap}</h3>
          <p class="report-hint">{d.heatmapHint}</p>
          <Heatmap
            title={d.heatmap}
            columns={competencyIds.map((id) => titles[id])}
            rows={[...heatRows.values()].map(({ label, cells }) => ({
              label,
              cells: competencyIds.map((id) => {
                const row = cells.get(id);
                if (!row) return { value: null, text: '—', detail: `${label} — ${titles[id]}: —` };
                return {
                  value: numberOf(row, 'deficitShare'),
                  text: textOf(row, 'deficitShare'),
                  detail: d.cell(label, titles[id], textOf(row, 'deficitShare'), textOf(row, 'deficit'), textOf(row, 'scored'), textOf(row, 'meanScore')),
                };
              }),
            }))}
          />
          <SummaryTable columns={heatTableColumns} rows={data.heatmap.rows} />

          <h3>{d.topDeficits}</h3>
          <BarChart title={d.topDeficits} bars={deficitBars(data.competencies)} max={100} />
          <SummaryTable columns={competencyColumns} rows={data.competencies} />

          <h3>{d.earlyCareer}</h3>
          {data.earlyCareer.length === 0 ? (
            <p>{d.earlyCareerNone}</p>
          ) : (
            <>
              <BarChart title={d.earlyCareer} bars={deficitBars(data.earlyCareer)} max={100} />
              <SummaryTable columns={competencyColumns} rows={data.earlyCareer} />
            </>
          )}
        </>
      )}

      <SubjectDeficits period={data.period} rows={data.bySubject} subject={subject} anchor="by-subject" />

      <h3>{d.growth(data.previousPeriod)}</h3>
      <p class="report-hint">{d.growthHint}</p>
      {data.growth.length === 0 ? (
        <p>{d.growthNone}</p>
      ) : (
        <>
          <BarChart
            title={d.growth(data.previousPeriod)}
            bars={data.growth.map((row) => ({
              label: String(row.values.competency),
              value: numberOf(row, 'growth'),
              text: textOf(row, 'growth'),
              color: (numberOf(row, 'growth') ?? 0) >= 0 ? '#2e7d4f' : '#c0392b',
              detail: d.growthBar(
                String(row.values.competency),
                textOf(row, 'growth'),
                textOf(row, 'meanBefore'),
                textOf(row, 'meanAfter'),
                textOf(row, 'paired'),
              ),
            }))}
          />
          <SummaryTable columns={growthColumns} rows={data.growth} />
        </>
      )}
      <h3>{d.routes}</h3>
      <p class="report-hint">{d.routesHint}</p>
      <dl class="report-figures" data-report="routes">
        {routeFigures.map((key) => (
          <div>
            <dt>{messages.reports.columns[key]}</dt>
            <dd>{textOf(data.routes, key)}</dd>
          </div>
        ))}
      </dl>
      <h3>{d.mentoring}</h3>
      <p class="report-hint">{d.mentoringHint}</p>
      <dl class="report-figures" data-report="mentoring">
        {mentoringFigures.map((key) => (
          <div>
            <dt>{messages.reports.columns[key]}</dt>
            <dd>{textOf(data.mentoring, key)}</dd>
          </div>
        ))}
      </dl>
      <SuppressionNote minGroup={data.minGroup} />
    </section>
  );
}
