import { type AreaId, deficitLevels, isCompetency, riskLevels } from '../competencies.ts';
import type { ValidationIssue } from '../errors.ts';
import type { Framework } from '../schemas/framework.ts';
import type { Instrument } from '../schemas/instrument.ts';

/**
 * What the schema alone cannot see: indicators must exist in the framework,
 * and the wellbeing screening must stay apart from the competency instruments
 * (a burnout score must never become a deficit, nor a deficit a risk level).
 */
export function instrumentFrameworkIssues(instrument: Instrument, framework: Framework): ValidationIssue[] {
  const areaOf = indicatorAreas(framework);
  const screening = instrument.kind === 'screening';
  const issues: ValidationIssue[] = [];

  instrument.items.forEach((item, itemIndex) => {
    // The schema checks that keys are among the options but not that they are distinct;
    // a repeated key would silently shrink the partial-credit denominator.
    if (item.kind === 'multiple' && new Set(item.key).size !== item.key.length) {
      issues.push({ path: `items.${itemIndex}.key`, message: `в ключе вопроса «${item.id}» варианты повторяются` });
    }
    item.measures.forEach((measure, measureIndex) => {
      const path = `items.${itemIndex}.measures.${measureIndex}.indicator`;
      const area = areaOf.get(measure.indicator);
      if (area === undefined) {
        issues.push({ path, message: `индикатора «${measure.indicator}» нет в рамке компетенций` });
      } else if (screening && isCompetency(area)) {
        issues.push({
          path,
          message: `скрининг измеряет только благополучие педагога, а индикатор «${measure.indicator}» относится к компетенции`,
        });
      } else if (!screening && !isCompetency(area)) {
        issues.push({
          path,
          message: `индикатор благополучия «${measure.indicator}» может измерять только скрининг, а не самооценка или тест`,
        });
      }
    });
  });

  // bandsSchema already forbids mixing the two families, so checking one band is enough.
  const family: readonly string[] = screening ? riskLevels : deficitLevels;
  if (!instrument.bands.every((band) => family.includes(band.level))) {
    issues.push({
      path: 'bands',
      message: screening
        ? `у скрининга уровни риска (${riskLevels.join(', ')}), а не дефицита; укажите их явно`
        : `у самооценки и теста уровни дефицита (${deficitLevels.join(', ')}), а не риска`,
    });
  }
  return issues;
}

export function indicatorAreas(framework: Framework): Map<string, AreaId> {
  return new Map(framework.indicators.map((indicator) => [indicator.id, indicator.area]));
}
