import { columnsOf, type SummaryGrouping, type SummaryName } from '../../../shared/api/summaries.ts';
import { messages } from './messages.ts';
import type { SummaryColumn } from './summary.ts';

/** A summary's columns under a grouping, with their CSV headers. */
export function columns(report: SummaryName, by: SummaryGrouping): SummaryColumn[] {
  return columnsOf(report, by).map((key) => ({ key, header: messages.reports.columns[key] }));
}

/** The unit's label values of a grouped row (names as stored, the experience band in words). */
export function unitValues(by: SummaryGrouping, row: Record<string, unknown>): Record<string, string> {
  switch (by) {
    case 'school':
      return { municipality: String(row.municipality), school: String(row.school) };
    case 'municipality':
      return { municipality: String(row.municipality) };
    case 'experience':
      return { band: messages.reports.experienceBandNames[row.band as keyof typeof messages.reports.experienceBandNames] ?? String(row.band) };
    case 'competency':
      return {};
    case 'subject':
      return { subject: String(row.subject) };
  }
}

export function competencyValues(area: string): { competency: string; competencyId: string } {
  const titles = messages.reports.competencyTitles as Record<string, string>;
  return { competency: titles[area] ?? area, competencyId: area };
}
