import type { Db } from '../../platform/database/database.ts';
import { municipalityName, periodsWithResults } from './store/dashboard.ts';
import { deficitsSummary } from '../summaries/store/deficits.ts';
import { demandSummary } from '../summaries/store/demand.ts';
import { subjectTitles } from '../subjects/messages.ts';
import type { SubjectId } from '../subjects/subjects.ts';
import { summaryBase } from '../summaries/store/base.ts';
import { effectivenessSummary } from '../summaries/store/effectiveness.ts';
import { messages } from './messages.ts';
import type { ReportScope } from '../summaries/store/grouping.ts';
import type { Summary, SummaryRow } from '../summaries/summary.ts';

export interface PageScope extends ReportScope {
  minGroup: number;
  /** For effectiveness: a confirmed place on a run that ended before this date counts as completed. */
  asOf?: string;
}

interface PageHead {
  period: string;
  scopeName: string;
  minGroup: number;
  periods: string[];
}

function head(db: Db, { period, municipalityId, minGroup }: PageScope): PageHead {
  return {
    period,
    scopeName: municipalityId === undefined ? messages.reports.republic : municipalityName(db, municipalityId),
    minGroup,
    periods: periodsWithResults(db),
  };
}

const collect = (summary: Summary): { columns: Summary['columns']; rows: SummaryRow[] } => ({ columns: summary.columns, rows: [...summary.rows] });

export interface DemandPageData extends PageHead {
  /** Per competency over the scope. */
  totals: ReturnType<typeof collect>;
  /** Per municipality and competency. */
  byMunicipality: ReturnType<typeof collect>;
  /** The scope's levels by subject (the one chosen, or all). */
  bySubject: SummaryRow[];
}

/** Спрос: the educational order for the scope, suppressed like the council's demand.csv. */
export function demandPageData(db: Db, scope: PageScope & { subject?: SubjectId | undefined }): DemandPageData {
  const options = { period: scope.period, minGroup: scope.minGroup, ...(scope.municipalityId === undefined ? {} : { municipalityId: scope.municipalityId }) };
  const base = summaryBase(db, options);
  return {
    ...head(db, scope),
    totals: collect(demandSummary(db, { ...options, by: 'competency' }, base)),
    byMunicipality: collect(demandSummary(db, { ...options, by: 'municipality' }, base)),
    bySubject: [...deficitsSummary(db, { ...options, by: 'subject' }, base).rows].filter(
      (row) => !scope.subject || row.values.subject === subjectTitles[scope.subject],
    ),
  };
}

export interface EffectivenessPageData extends PageHead {
  programs: ReturnType<typeof collect>;
}

/** Эффективность программ for runs that ended in the period; a methodist sees their municipality's teachers only. */
export function effectivenessPageData(db: Db, scope: PageScope): EffectivenessPageData {
  return {
    ...head(db, scope),
    programs: collect(
      effectivenessSummary(db, {
        period: scope.period,
        minGroup: scope.minGroup,
        ...(scope.municipalityId === undefined ? {} : { municipalityId: scope.municipalityId }),
        ...(scope.asOf === undefined ? {} : { asOf: scope.asOf }),
      }),
    ),
  };
}
