/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { type Context, Hono } from 'hono';
import { periodSchema } from '../../../shared/api/summaries.ts';
import type { StaffScope } from '../../platform/auth/scope.ts';
import type { AdminDeps, AdminEnv } from '../../platform/admin/env.ts';
import { errorPage, renderPage } from '../../platform/admin/layout.tsx';
import { currentPeriod, previousPeriod } from '../aggregates/period.ts';
import { settleReports } from '../aggregates/settle.ts';
import { settleRoutes } from '../route/settle.ts';
import { PeriodForm } from '../staff-reports/views/parts.tsx';
import { periodsWithResults } from '../staff-reports/store/dashboard.ts';
import { csvChunks } from '../summaries/csv.ts';
import { readySummaryBase } from '../summaries/store/warm.ts';
import { indicatorsSummary } from '../summaries/store/indicators.ts';
import { messages } from './messages.ts';
import { type IndicatorValue, indicatorsPageData, type UnitIndicators } from './page-data.ts';

/**
 * «Показатели» (/admin/indicators): the seeds' monitoring indicators, this учебный год beside the one before,
 * for the regional admin the republic and each municipality, for a methodist her municipality. Every count is
 * read from the suppressed base the council's summaries read (its `indicators` summary), so the two agree; the
 * CSV is that summary for the staff member's scope.
 */

const t = messages.indicators;

export interface IndicatorsPageDeps extends AdminDeps {
  /** K: the smallest group a number may describe. */
  minGroup: number;
}

function chosenPeriod(c: Context): { period: string } | { problem: string } {
  const asked = c.req.query('period');
  if (asked === undefined || asked === '') return { period: currentPeriod() };
  const parsed = periodSchema.safeParse(asked);
  return parsed.success ? { period: parsed.data } : { problem: parsed.error.issues[0]?.message ?? t.badPeriodTitle };
}

const municipalityOf = (scope: StaffScope) => (scope.kind === 'methodist' ? { municipalityId: scope.municipalityId } : {});

function Value({ value }: { value: IndicatorValue }) {
  switch (value.kind) {
    case 'share':
      return <td class="num">{t.share(value.share, value.part, value.whole)}</td>;
    case 'hidden':
      return <td class="num">{t.hidden}</td>;
    case 'none':
      return <td class="num">{t.noShare}</td>;
    case 'notComputed':
      return <td>{t.notComputed}</td>;
  }
}

function UnitTable({ unit, period, previous }: { unit: UnitIndicators; period: string; previous: string }) {
  return (
    <section class="indicators-unit" aria-label={unit.name}>
      <h2>{unit.name}</h2>
      {unit.roster === undefined ? (
        <p>{t.nobody}</p>
      ) : (
        <>
          <p>{unit.roster === null ? t.rosterHidden : t.roster(unit.roster)}</p>
          <table class="report-table">
            <thead>
              <tr>
                <th scope="col">{t.indicator}</th>
                <th scope="col">{t.yearColumn(period)}</th>
                <th scope="col">{t.yearColumn(previous)}</th>
                <th scope="col">{t.howComputed}</th>
              </tr>
            </thead>
            <tbody>
              {unit.lines.map((line) => (
                <tr data-indicator={line.id}>
                  <th scope="row">{line.howComputed === null ? `— ${line.name}` : line.name}</th>
                  <Value value={line.thisYear} />
                  <Value value={line.lastYear} />
                  <td>{line.howComputed ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function indicatorsPage(deps: IndicatorsPageDeps) {
  return new Hono<AdminEnv>()
    .use(settleReports(deps.db), settleRoutes(deps.db))
    .get('/', async (c) => {
      const chosen = chosenPeriod(c);
      if ('problem' in chosen) return errorPage(c, 400, t.badPeriodTitle, chosen.problem);
      const { period } = chosen;
      const thisYear = await readySummaryBase(deps.db, { period, minGroup: deps.minGroup });
      const lastYear = await readySummaryBase(deps.db, { period: previousPeriod(period), minGroup: deps.minGroup });
      const data = indicatorsPageData({ thisYear, lastYear }, municipalityOf(c.var.scope), t.republic);
      const link = (excel: boolean) => `/admin/indicators/indicators.csv?period=${period}${excel ? '&excel=1' : ''}`;
      const body = (
        <>
          <p>{t.lead}</p>
          <PeriodForm period={period} periods={periodsWithResults(deps.db)} />
          <p class="actions">
            {t.downloads} <a href={link(false)}>{t.csv}</a> <a href={link(true)}>{t.csvExcel}</a>
          </p>
          <p class="report-note">{t.suppressedNote(data.minGroup)}</p>
          {data.units.map((unit) => (
            <UnitTable unit={unit} period={data.period} previous={data.previous} />
          ))}
        </>
      );
      return renderPage(c, deps, { title: t.title, section: 'indicators', body });
    })
    .get('/indicators.csv', async (c) => {
      const chosen = chosenPeriod(c);
      if ('problem' in chosen) return errorPage(c, 400, t.badPeriodTitle, chosen.problem);
      const { period } = chosen;
      const base = await readySummaryBase(deps.db, { period, minGroup: deps.minGroup });
      const summary = indicatorsSummary(deps.db, { period, by: 'municipality', minGroup: deps.minGroup, ...municipalityOf(c.var.scope) }, base);
      const excel = c.req.query('excel') === '1';
      return c.body([...csvChunks(summary, { excel })].join(''), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="indicators-${period}.csv"`,
      });
    });
}
