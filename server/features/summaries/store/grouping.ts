import type { SummaryGrouping } from '../../../../shared/api/summaries.ts';
import { competencyIds } from '../../../../shared/competencies.ts';
import { experienceBands } from '../../aggregates/experience.ts';
import { subjectUnits, units } from '../base.ts';
import { subjectIds } from '../../subjects/subjects.ts';
import { subjectTitles } from '../../subjects/messages.ts';
import type { SummaryBase } from './base.ts';

/** How a summary's rows are grouped (`by=`). */
export type Grouping = SummaryGrouping;

/** What every data function of the reports takes: the period and, for a methodist, their municipality. */
export interface ReportScope {
  period: string;
  /** Absent: the whole republic. */
  municipalityId?: number;
}

const orderOf = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} ELSE ${values.length} END`;

/** Competencies in the framework's order rather than alphabetically. */
export const competencyOrderSql = (column: string) => orderOf(column, competencyIds);

/** The same order for areas read from the base. */
export function inCompetencyOrder(areas: Iterable<string>): string[] {
  const rank = (area: string) => {
    const index = (competencyIds as readonly string[]).indexOf(area);
    return index < 0 ? competencyIds.length : index;
  };
  return [...areas].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** A unit a summary lists: its key in the base and its label columns (names as stored, the band's key). */
export interface ListedUnit {
  unit: string;
  labels: { municipality?: string; school?: string; band?: string; subject?: string };
}

/**
 * The units of a grouping within a scope, in the summaries' order: schools by
 * municipality and name, municipalities by name, bands from молодые педагоги
 * up, subjects in the list's order; `competency` is one unit, the republic or
 * the municipality.
 */
export function listedUnits(base: SummaryBase, by: Grouping, municipalityId?: number): ListedUnit[] {
  const scoped = municipalityId !== undefined;
  switch (by) {
    case 'school':
      return base
        .names()
        .schools.filter((s) => !scoped || s.municipalityId === municipalityId)
        .map((s) => ({ unit: units.school(s.id), labels: { municipality: s.municipality, school: s.name } }));
    case 'municipality':
      return base
        .names()
        .municipalities.filter((m) => !scoped || m.id === municipalityId)
        .map((m) => ({ unit: units.municipality(m.id), labels: { municipality: m.name } }));
    case 'experience':
      return experienceBands.map((band) => ({ unit: scoped ? units.municipalityBand(municipalityId, band) : units.republicBand(band), labels: { band } }));
    case 'competency':
      return [{ unit: scoped ? units.municipality(municipalityId) : units.republic, labels: {} }];
    case 'subject':
      // The subjects of the republic, or of one municipality: units of `levels`, suppressed with it.
      return subjectIds.map((subject) => ({
        unit: scoped ? subjectUnits.municipality(municipalityId, subject) : subjectUnits.republic(subject),
        labels: { subject: subjectTitles[subject] },
      }));
  }
}
