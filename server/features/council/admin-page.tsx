/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { type Context, Hono } from 'hono';
import { groupingsOf, periodSchema, type SummaryGrouping, type SummaryName, summaryNames } from '../../../shared/api/summaries.ts';
import type { AdminDeps, AdminEnv } from '../../platform/admin/env.ts';
import { errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { currentPeriod } from '../aggregates/period.ts';
import { settleReports } from '../aggregates/settle.ts';
import { settleRoutes } from '../route/settle.ts';
import { csvChunks } from '../summaries/csv.ts';
import { streamFromReader } from '../summaries/store/stream.ts';
import { summaryOf } from '../summaries/summaries.ts';
import { periodsWithResults } from '../staff-reports/store/dashboard.ts';
import { municipalityList } from '../consultations/store.ts';
import { SuppressionNote } from '../staff-reports/views/parts.tsx';
import { messages } from './messages.ts';
import { SummaryBlock } from './views.tsx';
import { summaryWorkbook, xlsxContentType } from './xlsx.ts';

const t = messages.council;

export interface CouncilPagesDeps extends AdminDeps {
  /** K: the smallest group a number may describe. */
  minGroup: number;
}

/** What the meeting report shows for the republic and for each chosen municipality. */
const reportSummaries: { name: SummaryName; by: SummaryGrouping }[] = [
  { name: 'participation', by: 'experience' },
  { name: 'deficits', by: 'competency' },
  { name: 'demand', by: 'competency' },
  { name: 'growth', by: 'competency' },
  { name: 'routes', by: 'municipality' },
];

type Chosen = { name: SummaryName; period: string; by: SummaryGrouping };

/** The summary, учебный год and grouping a request asks for, or the page's error. */
function choose(c: Context<AdminEnv>, name: string): Chosen | Response {
  if (!(summaryNames as readonly string[]).includes(name)) return errorPage(c, 404, messages.adminPages.notFoundTitle, t.unknownSummary);
  const summary = name as SummaryName;
  const askedPeriod = c.req.query('period');
  let period = currentPeriod();
  if (askedPeriod) {
    const parsed = periodSchema.safeParse(askedPeriod);
    if (!parsed.success) return errorPage(c, 400, messages.adminPages.reportPages.badPeriodTitle, parsed.error.issues[0]?.message ?? '');
    period = parsed.data;
  }
  const allowed = groupingsOf[summary];
  const by = (c.req.query('by') || allowed[0]) as SummaryGrouping;
  if (!allowed.includes(by)) return errorPage(c, 400, messages.adminPages.errorTitle, t.badGrouping(allowed.map((g) => t.groupingNames[g]).join(', ')));
  return { name: summary, period, by };
}

const query = ({ period, by }: Chosen) => `period=${period}&by=${by}`;

/**
 * The expert council's summaries as pages (/admin/council): an index, then each summary with a chart and
 * its table for the учебный год and grouping chosen, and its CSV and XLSX files. Every number is read by the
 * same suppressed readers as the council's API (summaryOf), over the whole republic; no page names a teacher.
 * They are for council members (and the regional administrator); a methodist is refused.
 */
export function councilPage(deps: CouncilPagesDeps) {
  const app = new Hono<AdminEnv>();
  // The republic's summaries are the council's; the regional administrator may look too, a methodist keeps to her municipality's pages.
  app.use((c, next) => (c.var.staff.role === 'methodist' ? Promise.resolve(forbiddenPage(c)) : next()));
  app.use(settleReports(deps.db), settleRoutes(deps.db));
  app.get('/', (c) =>
    renderPage(c, deps, {
      title: t.indexTitle,
      section: 'council',
      body: (
        <>
          <p>{t.indexLead}</p>
          <p class="actions">
            <a href="/admin/council/report">{t.report.link}</a>
          </p>
          <ul class="council-index">
            {summaryNames.map((name) => (
              <li>
                <a href={`/admin/council/${name}`}>{t.summaryTitles[name]}</a> — {t.summaryLeads[name]}
              </li>
            ))}
          </ul>
        </>
      ),
    }),
  );
  app.get('/report', (c) => {
    const askedPeriod = c.req.query('period');
    let period = currentPeriod();
    if (askedPeriod) {
      const parsed = periodSchema.safeParse(askedPeriod);
      if (!parsed.success) return errorPage(c, 400, messages.adminPages.reportPages.badPeriodTitle, parsed.error.issues[0]?.message ?? '');
      period = parsed.data;
    }
    const municipalities = municipalityList(deps.db);
    const chosen = new Set(c.req.queries('municipality') ?? []);
    const parts: { name: string; municipalityId?: number }[] = [
      { name: messages.reports.republic },
      ...municipalities.filter((m) => chosen.has(String(m.id))).map((m) => ({ name: m.name, municipalityId: m.id })),
    ];
    const periods = periodsWithResults(deps.db);
    const periodChoices = periods.includes(period) ? periods : [period, ...periods];
    return renderPage(c, deps, {
      title: t.report.title(period),
      section: 'council',
      body: (
        <>
          <form method="get" class="council-report-form">
            <p>{t.report.lead}</p>
            <label>
              {messages.reports.views.period}{' '}
              <select name="period">
                {periodChoices.map((option) => (
                  <option value={option} selected={option === period}>
                    {option}
                  </option>
                ))}
              </select>
            </label>
            <fieldset>
              <legend>{t.report.municipalities}</legend>
              {municipalities.map((m) => (
                <label class="check">
                  <input type="checkbox" name="municipality" value={String(m.id)} checked={chosen.has(String(m.id))} /> {m.name}
                </label>
              ))}
            </fieldset>
            <button type="submit">{t.report.build}</button>
          </form>
          <p class="hint">{t.report.made(new Date().toISOString().slice(0, 10))}</p>
          <SuppressionNote minGroup={deps.minGroup} />
          {parts.map((part) => (
            <section class="council-report-part">
              <h2>{part.name}</h2>
              {reportSummaries.map(({ name, by }) => {
                const summary = summaryOf(deps.db, {
                  report: name,
                  period,
                  by,
                  minGroup: deps.minGroup,
                  ...(part.municipalityId === undefined ? {} : { municipalityId: part.municipalityId }),
                });
                return (
                  <SummaryBlock
                    name={name}
                    summary={{ columns: summary.columns, rows: [...summary.rows] }}
                    heading={`${t.summaryTitles[name]}, ${t.groupingNames[by]}`}
                    level={3}
                  />
                );
              })}
            </section>
          ))}
        </>
      ),
    });
  });

  app.get('/:file', async (c) => {
    const file = c.req.param('file');
    const [name = '', extension] = file.split('.', 2);
    const chosen = choose(c, name);
    if (chosen instanceof Response) return chosen;
    const request = { report: chosen.name, period: chosen.period, by: chosen.by, minGroup: deps.minGroup };
    const fileName = `${chosen.name}-${chosen.by}-${chosen.period}`;
    const title = t.pageTitle(t.summaryTitles[chosen.name], chosen.period, t.groupingNames[chosen.by]);
    if (extension === 'csv') {
      const excel = c.req.query('excel') === '1';
      return c.body(
        streamFromReader(deps.db, (reader) => csvChunks(summaryOf(reader, request), { excel })),
        200,
        {
          'content-type': 'text/csv; charset=utf-8; header=present',
          'content-disposition': `attachment; filename="${fileName}.csv"`,
          'cache-control': 'no-store',
        },
      );
    }
    if (extension === 'xlsx') {
      const body = await summaryWorkbook(summaryOf(deps.db, request), { title, minGroup: deps.minGroup });
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': xlsxContentType,
        'content-disposition': `attachment; filename="${fileName}.xlsx"`,
        'cache-control': 'no-store',
      });
    }
    if (extension !== undefined) return errorPage(c, 404, messages.adminPages.notFoundTitle, messages.adminPages.notFound);
    const summary = summaryOf(deps.db, request);
    const rows = [...summary.rows];
    const periods = periodsWithResults(deps.db);
    const periodChoices = periods.includes(chosen.period) ? periods : [chosen.period, ...periods];
    return renderPage(c, deps, {
      title,
      section: 'council',
      body: (
        <>
          <p>{t.summaryLeads[chosen.name]}</p>
          <form method="get" class="report-period">
            <label>
              {messages.reports.views.period}{' '}
              <select name="period">
                {periodChoices.map((option) => (
                  <option value={option} selected={option === chosen.period}>
                    {option}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t.grouping}{' '}
              <select name="by">
                {groupingsOf[chosen.name].map((option) => (
                  <option value={option} selected={option === chosen.by}>
                    {t.groupingNames[option]}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="submit">{messages.reports.views.show}</button>
          </form>
          <p class="actions">
            {t.downloads} <a href={`/admin/council/${chosen.name}.csv?${query(chosen)}`}>{t.csv}</a>{' '}
            <a href={`/admin/council/${chosen.name}.csv?${query(chosen)}&excel=1`}>{t.csvExcel}</a>{' '}
            <a href={`/admin/council/${chosen.name}.xlsx?${query(chosen)}`}>{t.xlsxLink}</a>
          </p>
          <SuppressionNote minGroup={deps.minGroup} />
          <SummaryBlock name={chosen.name} summary={{ columns: summary.columns, rows }} />
        </>
      ),
    });
  });
  return app;
}
