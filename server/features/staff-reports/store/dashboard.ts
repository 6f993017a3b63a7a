import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { deficitsSummary } from '../../summaries/store/deficits.ts';
import { earlyCareerBand } from '../../aggregates/experience.ts';
import { growthSummary } from '../../summaries/store/growth.ts';
import type { ReportScope } from '../../summaries/store/grouping.ts';
import { messages } from '../messages.ts';
import { previousPeriod } from '../../aggregates/period.ts';
import { percent, type SummaryRow, withSuppression } from '../../summaries/summary.ts';
import { participationSuppression } from '../../summaries/store/participation.ts';
import { suppressGroup } from '../../summaries/suppression.ts';
import { countRoutes, type RouteCounts, routeRows } from '../../summaries/store/routes.ts';

export interface DashboardData {
  period: string;
  previousPeriod: string;
  /** The municipality's name, or the republic. */
  scopeName: string;
  minGroup: number;
  /** Periods that have results, newest first, for the period selector. */
  periods: string[];
  /** roster, connected, diagnosed, diagnosedShare for the whole scope. */
  participation: SummaryRow;
  /** Municipalities (republic) or schools (one municipality) × competencies. */
  heatmap: { unit: 'municipality' | 'school'; rows: SummaryRow[] };
  /** Per competency in the scope, most deficits first. */
  competencies: SummaryRow[];
  /** The same for молодые педагоги only. */
  earlyCareer: SummaryRow[];
  /** Per competency, the same teachers against the year before. */
  growth: SummaryRow[];
  /** The ИОМ in the whole scope: with a ИОМ, agreed, items done, deficits closed in the year (the `routes` summary's columns). */
  routes: SummaryRow;
}

export interface DashboardScope extends ReportScope {
  minGroup: number;
}

const byDeficitShare = (a: SummaryRow, b: SummaryRow) => ((b.values.deficitShare as number | null) ?? -1) - ((a.values.deficitShare as number | null) ?? -1);

/**
 * Обзор: everything the dashboard shows, from the kept counts only (a few
 * hundred rows for the republic, fewer for a municipality), suppressed as in
 * the council's summaries.
 */
export function dashboardData(db: Db, { period, municipalityId, minGroup }: DashboardScope): DashboardData {
  const scope = { period, minGroup, ...(municipalityId === undefined ? {} : { municipalityId }) };
  const byExperienceBand = [...deficitsSummary(db, { ...scope, by: 'experience' }).rows];
  const scopeName = municipalityId === undefined ? messages.reports.republic : municipalityName(db, municipalityId);
  return {
    period,
    previousPeriod: previousPeriod(period),
    scopeName,
    minGroup,
    periods: periodsWithResults(db),
    participation: scopeParticipation(db, scope),
    heatmap: {
      unit: municipalityId === undefined ? 'municipality' : 'school',
      rows: [...deficitsSummary(db, { ...scope, by: municipalityId === undefined ? 'municipality' : 'school' }).rows],
    },
    competencies: [...deficitsSummary(db, { ...scope, by: 'competency' }).rows].sort(byDeficitShare),
    earlyCareer: byExperienceBand.filter((row) => row.values.band === messages.reports.experienceBandNames[earlyCareerBand]).sort(byDeficitShare),
    growth: [...growthSummary(db, { ...scope, by: 'competency' }).rows],
    routes: scopeRoutes(db, scope, scopeName),
  };
}

/** The ИОМ counts of the scope, as one row: the municipalities' counts (countRoutes) added up, suppressed as the summary's. */
function scopeRoutes(db: Db, { period, municipalityId, minGroup }: DashboardScope, scopeName: string): SummaryRow {
  const units = countRoutes(db, { period, by: 'municipality', ...(municipalityId === undefined ? {} : { municipalityId }) });
  const keys = ['roster', 'withRoute', 'agreed', 'teachersDone', 'itemsDone', 'deficitsAtFirst', 'deficitsClosed'] as const;
  const total: RouteCounts = {
    groupId: 0,
    municipality: scopeName,
    roster: 0,
    withRoute: 0,
    agreed: 0,
    teachersDone: 0,
    itemsDone: 0,
    deficitsAtFirst: 0,
    deficitsClosed: 0,
  };
  for (const unit of units) for (const key of keys) total[key] += unit[key];
  return routeRows([total], period, 'municipality', minGroup)[0]!;
}

export function municipalityName(db: Db, id: number): string {
  return (prepared(db, 'SELECT name FROM municipalities WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
}

export function periodsWithResults(db: Db): string[] {
  return (prepared(db, `SELECT DISTINCT period FROM report_diagnosed WHERE teachers > 0 ORDER BY period DESC`).all() as { period: string }[]).map(
    (row) => row.period,
  );
}

/** The scope's roster, connected and diagnosed teachers, as one row. */
function scopeParticipation(db: Db, { period, municipalityId, minGroup }: DashboardScope): SummaryRow {
  const counts = (
    municipalityId === undefined
      ? prepared(
          db,
          `SELECT (SELECT count(*) FROM teachers) AS roster, (SELECT count(DISTINCT teacher_id) FROM devices) AS connected,
             coalesce((SELECT sum(teachers) FROM report_diagnosed WHERE period = @period AND grain = 'm'), 0) AS diagnosed`,
        ).get({ period })
      : prepared(
          db,
          `SELECT count(*) AS roster, coalesce(sum(EXISTS (SELECT 1 FROM devices d WHERE d.teacher_id = t.id)), 0) AS connected,
             coalesce((SELECT sum(teachers) FROM report_diagnosed WHERE period = @period AND grain = 'm' AND unit_id = @municipalityId), 0) AS diagnosed
           FROM teachers t WHERE t.school_id IN (SELECT id FROM schools WHERE municipality_id = @municipalityId)`,
        ).get({ period, municipalityId })
  ) as { roster: number; connected: number; diagnosed: number };
  const [suppressed] = suppressGroup(
    [{ ...counts, notDiagnosed: Math.max(0, counts.roster - counts.diagnosed), notConnected: counts.roster - counts.connected }],
    participationSuppression,
    minGroup,
  );
  return withSuppression({ ...counts, diagnosedShare: percent(counts.diagnosed, counts.roster) }, suppressed!, { diagnosedShare: ['diagnosed', 'roster'] });
}
