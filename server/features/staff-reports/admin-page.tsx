/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { periodSchema } from '../../../shared/api/summaries.ts';
import type { StaffScope } from '../../platform/auth/scope.ts';
import { messages } from './messages.ts';
import { dashboardData } from './store/dashboard.ts';
import { demandPageData, effectivenessPageData } from './pages.ts';
import { pendingStandings } from '../aggregates/store/pending.ts';
import { settleReports } from '../aggregates/settle.ts';
import { readySummaryBase } from '../summaries/store/warm.ts';
import { settleRoutes } from '../route/settle.ts';
import { currentPeriod } from '../aggregates/period.ts';
import { teacherExportCsv } from './store/teacher-export.ts';
import { DashboardView } from './views/dashboard.tsx';
import { DemandView } from './views/demand.tsx';
import { EffectivenessView } from './views/effectiveness.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { isSubject } from '../subjects/subjects.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { errorPage, renderPage } from '../../platform/admin/layout.tsx';

/**
 * Обзор, Спрос and Эффективность программ: the report views of
 * server/reports, for the staff member's scope (a methodist sees their
 * municipality, a regional admin the republic) and the учебный год chosen in
 * the page's GET form. The numbers are suppressed exactly as in the council's
 * summaries, so the two always agree.
 */

const t = messages.adminPages;
const r = t.reportPages;

export interface ReportPagesDeps extends AdminDeps {
  /** K: the smallest group a number may describe. */
  minGroup: number;
}

/** The period asked for (default: the running учебный год), or the sentence saying what is wrong with it. */
function chosenPeriod(c: Context): { period: string } | { problem: string } {
  const asked = c.req.query('period');
  if (asked === undefined || asked === '') return { period: currentPeriod() };
  const parsed = periodSchema.safeParse(asked);
  return parsed.success ? { period: parsed.data } : { problem: parsed.error.issues[0]?.message ?? r.badPeriodTitle };
}

const municipalityOf = (scope: StaffScope) => (scope.kind === 'methodist' ? { municipalityId: scope.municipalityId } : {});

/** One report page: read the period, compute for the scope, render in the admin layout. */
function reportPage(
  deps: ReportPagesDeps,
  section: 'overview' | 'demand' | 'effectiveness',
  body: (period: string, scope: StaffScope, query: (name: string) => string | undefined) => Child,
) {
  return new Hono<AdminEnv>().use(settleReports(deps.db), settleRoutes(deps.db)).get('/', async (c) => {
    const chosen = chosenPeriod(c);
    if ('problem' in chosen) return errorPage(c, 400, r.badPeriodTitle, chosen.problem);
    // The suppressed base is computed on its thread if it is not kept yet: this page waits, not everyone else's.
    await readySummaryBase(deps.db, { period: chosen.period, minGroup: deps.minGroup });
    // Right after a peak of submissions the reading settles only part of them (settle-reports.ts): say so.
    const pending = pendingStandings(deps.db);
    const page = (
      <>
        {pending > 0 && (
          <p class="report-note" role="status">
            {r.stillCounting(pending)}
          </p>
        )}
        {body(chosen.period, c.var.scope, (name) => c.req.query(name))}
      </>
    );
    return renderPage(c, deps, { title: t.sections[section], section, body: page });
  });
}

export function overviewPage(deps: ReportPagesDeps) {
  return reportPage(deps, 'overview', (period, scope, query) => {
    const subject = query('subject');
    const exportLink = (excel: boolean) => `/admin/overview/teachers.csv?period=${period}${excel ? '&excel=1' : ''}`;
    return (
      <>
        <DashboardView
          data={dashboardData(deps.db, { period, minGroup: deps.minGroup, ...municipalityOf(scope), subject: isSubject(subject) ? subject : undefined })}
          subject={isSubject(subject) ? subject : undefined}
        />
        <p class="actions">
          <a href={exportLink(false)}>{r.exportTeachers}</a> <a href={exportLink(true)}>{r.exportTeachersExcel}</a>
        </p>
        <p class="hint">{r.exportHint}</p>
      </>
    );
  }).get('/teachers.csv', (c) => {
    // The teacher-level export is for staff only: it names teachers, so it stays within the staff member's scope.
    const chosen = chosenPeriod(c);
    if ('problem' in chosen) return errorPage(c, 400, r.badPeriodTitle, chosen.problem);
    const excel = c.req.query('excel') === '1';
    const scope = c.var.scope;
    const body = teacherExportCsv(deps.db, { period: chosen.period, ...municipalityOf(scope) }, { excel });
    // The export names teachers: who took which scope's list, and when, is kept.
    writeAudit(deps.db, {
      actor: staffActor(c.var.staff),
      action: 'teachers.export',
      details: { period: chosen.period, municipalityId: scope.kind === 'methodist' ? scope.municipalityId : null },
    });
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="teachers-${chosen.period}.csv"`,
    });
  });
}

export function demandPage(deps: ReportPagesDeps) {
  return reportPage(deps, 'demand', (period, scope, query) => {
    const subject = query('subject');
    const chosen = isSubject(subject) ? subject : undefined;
    return <DemandView data={demandPageData(deps.db, { period, minGroup: deps.minGroup, ...municipalityOf(scope), subject: chosen })} subject={chosen} />;
  });
}

export function effectivenessPage(deps: ReportPagesDeps) {
  return reportPage(deps, 'effectiveness', (period, scope) => (
    <EffectivenessView data={effectivenessPageData(deps.db, { period, minGroup: deps.minGroup, ...municipalityOf(scope) })} />
  ));
}
