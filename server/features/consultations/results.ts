import { scaleOptions } from '../../../shared/api/consultations.ts';
import type { Db } from '../../platform/database/database.ts';
import { experienceBands } from '../aggregates/experience.ts';
import { currentPeriod } from '../aggregates/period.ts';
import { type FamilyName, optionMeasure, readCell, units } from '../summaries/base.ts';
import { summaryBase } from '../summaries/store/base.ts';
import type { Summary, SummaryRow } from '../summaries/summary.ts';
import { messages } from './messages.ts';
import { commentsOf, type Consultation, respondentCount } from './store.ts';

const t = messages.consultations;

/** One unit's row of a question: how many answered and how many chose each option; null: hidden. */
export interface ResultRow {
  label: string;
  respondents: number | null;
  counts: (number | null)[];
}

export interface QuestionResult {
  index: number;
  text: string;
  kind: Consultation['questions'][number]['kind'];
  options: string[];
  rows: ResultRow[];
  /** Comment questions: the texts, when the group is at least K; null: hidden because fewer answered. */
  comments: string[] | null;
}

export interface ConsultationResults {
  respondents: number | null;
  questions: QuestionResult[];
}

interface Unit {
  key: string;
  label: string;
}

/**
 * The consultation's results as counts, read from the summaries' one suppressed base (families
 * `consultationRespondents`, `consultationChoiceN`, `consultationOption`): for the republic, its municipalities
 * and its experience bands, or, for a methodist, her municipality and its bands. Every question counts the
 * same teachers, so one family decides where «Ответили» is hidden (base.ts, `sharedCounts`). Comments
 * are shown without authors, in the order of their text, only where at least K teachers answered.
 */
export function consultationResults(
  db: Db,
  consultation: Consultation,
  { minGroup, municipalityId }: { minGroup: number; municipalityId?: number },
): ConsultationResults {
  const base = summaryBase(db, { period: currentPeriod(), minGroup });
  const names = base.names();
  const bandNames = messages.reports.experienceBandNames;
  const scoped = municipalityId !== undefined;
  const unitList: Unit[] = scoped
    ? [
        { key: units.municipality(municipalityId), label: names.municipalities.find((m) => m.id === municipalityId)?.name ?? '' },
        ...experienceBands.map((band) => ({ key: units.municipalityBand(municipalityId, band), label: bandNames[band] })),
      ]
    : [
        { key: units.republic, label: t.unitRepublic },
        ...names.municipalities.map((m) => ({ key: units.municipality(m.id), label: m.name })),
        ...experienceBands.map((band) => ({ key: units.republicBand(band), label: bandNames[band] })),
      ];

  const respondentFamily = base.family('consultationRespondents');
  const area = String(consultation.id);
  /** Units where the consultation's «Ответили» is hidden (the questions' families hide it there too). */
  const respondentsHidden = new Set<string>();
  const present = new Map<string, number>();
  for (const unit of unitList) {
    const cell = readCell(respondentFamily, area, unit.key);
    if (!cell) continue;
    present.set(unit.key, cell.counts.respondents!);
    if (cell.suppressed.has('respondents')) respondentsHidden.add(unit.key);
  }
  type Cells = Map<string, { counts: Record<string, number>; suppressed: Set<string> }>;
  const questionCells: { cells: Cells[]; measures: string[] }[] = consultation.questions.map((question, q) => {
    if (question.kind === 'comment') return { cells: [], measures: [] };
    const n = question.kind === 'scale' ? scaleOptions.length : question.options.length;
    const components: { family: FamilyName; area: string; measure: (o: number) => string }[] =
      question.kind === 'multiple'
        ? Array.from({ length: n }, (_, o) => ({ family: 'consultationOption' as const, area: `${consultation.id}:${q}:${o}`, measure: () => 'chose' }))
        : [{ family: `consultationChoice${n}` as FamilyName, area: `${consultation.id}:${q}`, measure: optionMeasure }];
    const cells = components.map(({ family, area: componentArea }) => {
      const rows = base.family(family as Exclude<FamilyName, 'programs'>);
      const byUnit: Cells = new Map();
      for (const unit of unitList) {
        const cell = readCell(rows, componentArea, unit.key);
        if (!cell) continue;
        byUnit.set(unit.key, cell);
      }
      return byUnit;
    });
    return { cells, measures: Array.from({ length: n }, (_, o) => components[question.kind === 'multiple' ? o : 0]!.measure(o)) };
  });

  const respondentsOf = (unit: string) => (respondentsHidden.has(unit) ? null : (present.get(unit) ?? 0));
  const questions = consultation.questions.map((question, q): QuestionResult => {
    const options = question.kind === 'scale' ? scaleOptions.map((point) => t.scalePoint(point)) : question.options;
    const { cells, measures } = questionCells[q]!;
    const rows: ResultRow[] =
      question.kind === 'comment'
        ? []
        : unitList
            .filter((unit) => present.has(unit.key))
            .map((unit) => ({
              label: unit.label,
              respondents: respondentsOf(unit.key),
              counts: options.map((_, o) => {
                const cell = (question.kind === 'multiple' ? cells[o] : cells[0])?.get(unit.key);
                const measure = measures[o]!;
                return !cell || cell.suppressed.has(measure) ? (cell ? null : 0) : (cell.counts[measure] ?? 0);
              }),
            }));
    const group = respondentCount(db, consultation.id, municipalityId);
    const comments = question.kind === 'comment' ? (group >= minGroup ? commentsOf(db, consultation.id, q, municipalityId) : null) : null;
    return { index: q, text: question.text, kind: question.kind, options, rows, comments };
  });
  const top = unitList[0]!.key;
  return { respondents: present.has(top) ? respondentsOf(top) : 0, questions };
}

/** The results as one table for the CSV and XLSX files: a row per question, option and unit. */
export function resultsSummary(results: ConsultationResults): Summary {
  const columns = [
    { key: 'question', header: t.csvQuestion },
    { key: 'option', header: t.csvOption },
    { key: 'unit', header: t.csvUnit },
    { key: 'respondents', header: t.csvRespondents },
    { key: 'chose', header: t.csvChose },
  ];
  const rows: SummaryRow[] = [];
  for (const question of results.questions) {
    for (const [o, option] of question.options.entries()) {
      for (const row of question.rows) {
        const chose = row.counts[o] ?? null;
        const suppressed = [...(row.respondents === null ? ['respondents'] : []), ...(chose === null ? ['chose'] : [])];
        rows.push({
          values: { question: `${question.index + 1}. ${question.text}`, option, unit: row.label, respondents: row.respondents, chose },
          suppressed,
        });
      }
    }
  }
  return { columns, rows };
}
