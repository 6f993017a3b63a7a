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
  return {
    period,
    previousPeriod: previousPeriod(period),
    scopeName: municipalityId === undefined ? messages.reports.republic : municipalityName(db, municipalityId),
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
  };
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
