import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';
import { deficitsSummary } from '../../summaries/store/deficits.ts';
import { earlyCareerBand } from '../../aggregates/experience.ts';
import { growthSummary } from '../../summaries/store/growth.ts';
import type { ReportScope } from '../../summaries/store/grouping.ts';
import { messages } from '../messages.ts';
import { previousPeriod } from '../../aggregates/period.ts';
import type { SummaryRow } from '../../summaries/summary.ts';
import { participationRow } from '../../summaries/store/participation.ts';
import { summaryBase, type SummaryBase } from '../../summaries/store/base.ts';
import { units } from '../../summaries/base.ts';
import { routeRow } from '../../summaries/store/routes.ts';
import type { SubjectId } from '../../subjects/subjects.ts';
import { subjectTitles } from '../../subjects/messages.ts';
import { mentoringRow } from '../../summaries/store/mentoring.ts';

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
  /** Per subject (or the one chosen) and competency in the scope: the levels by subject, a teacher of two subjects under each. */
  bySubject: SummaryRow[];
  /** Наставничество in the whole scope: early-career teachers with a mentor and the share, mentors, meetings per pair per month (the `mentoring` summary's columns). */
  mentoring: SummaryRow;
}

export interface DashboardScope extends ReportScope {
  minGroup: number;
  /** Only this subject's rows in `bySubject`. */
  subject?: SubjectId | undefined;
}

const byDeficitShare = (a: SummaryRow, b: SummaryRow) => ((b.values.deficitShare as number | null) ?? -1) - ((a.values.deficitShare as number | null) ?? -1);

/**
 * Обзор: everything the dashboard shows, from the kept counts only (a few
 * hundred rows for the republic, fewer for a municipality), suppressed as in
 * the council's summaries.
 */
export function dashboardData(db: Db, { period, municipalityId, minGroup, subject }: DashboardScope): DashboardData {
  const scope = { period, minGroup, ...(municipalityId === undefined ? {} : { municipalityId }) };
  const base = summaryBase(db, scope);
  const byExperienceBand = [...deficitsSummary(db, { ...scope, by: 'experience' }, base).rows];
  const scopeName = municipalityId === undefined ? messages.reports.republic : municipalityName(db, municipalityId);
  return {
    period,
    previousPeriod: previousPeriod(period),
    scopeName,
    minGroup,
    periods: periodsWithResults(db),
    participation: scopeParticipation(base, municipalityId),
    heatmap: {
      unit: municipalityId === undefined ? 'municipality' : 'school',
      rows: [...deficitsSummary(db, { ...scope, by: municipalityId === undefined ? 'municipality' : 'school' }, base).rows],
    },
    competencies: [...deficitsSummary(db, { ...scope, by: 'competency' }, base).rows].sort(byDeficitShare),
    earlyCareer: byExperienceBand.filter((row) => row.values.band === messages.reports.experienceBandNames[earlyCareerBand]).sort(byDeficitShare),
    growth: [...growthSummary(db, { ...scope, by: 'competency' }, base).rows],
    bySubject: [...deficitsSummary(db, { ...scope, by: 'subject' }, base).rows].filter((row) => !subject || row.values.subject === subjectTitles[subject]),
    routes: routeRow(base, municipalityId === undefined ? units.republic : units.municipality(municipalityId), { period, municipality: scopeName }) ?? {
      values: { period, municipality: scopeName, roster: 0, withRoute: 0, agreed: 0, teachersDone: 0, itemsDone: 0, deficitsAtFirst: 0, deficitsClosed: 0 },
      suppressed: [],
    },
    mentoring: mentoringRow(base, municipalityId === undefined ? units.republic : units.municipality(municipalityId), { period, municipality: scopeName }) ?? {
      values: { period, municipality: scopeName, earlyCareer: 0, withMentor: 0, mentorShare: null, mentors: 0, meetings: 0, meetingsPerPairMonth: null },
      suppressed: [],
    },
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

/** The scope's roster, connected and diagnosed teachers, as one row: the republic's or the municipality's cell of the base. */
function scopeParticipation(base: SummaryBase, municipalityId: number | undefined): SummaryRow {
  const unit = municipalityId === undefined ? units.republic : units.municipality(municipalityId);
  return participationRow(base, unit, {}) ?? { values: { roster: 0, connected: 0, diagnosed: 0, diagnosedShare: null }, suppressed: [] };
}
