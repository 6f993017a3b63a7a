/**
 * Load-time checks of the shipped content. A small local version of what
 * `shared/scoring/parse-instrument.ts` does for uploaded instruments (the two
 * are to be merged): parse with the schemas so that defaults are applied, then
 * check what the schema cannot see — every measured indicator exists in the
 * framework, the wellbeing screening measures wellbeing only, and the
 * competency instruments never measure wellbeing.
 *
 * Every problem throws a ContentError whose message names the instrument, the
 * item and the problem, in Russian, so that a broken build says exactly what
 * to fix.
 */
import type { z } from 'zod';
import { type AreaId, deficitLevels, isCompetency, riskLevels } from '../competencies.ts';
import { type Framework, frameworkSchema } from '../schemas/framework.ts';
import { type Instrument, instrumentSchema } from '../schemas/instrument.ts';

export class ContentError extends Error {
  override readonly name = 'ContentError';
}

export function loadFramework(input: unknown): Framework {
  const parsed = frameworkSchema.safeParse(input);
  if (!parsed.success) {
    throw new ContentError(
      `Рамка компетенций содержит ошибки: ${parsed.error.issues.map((issue) => frameworkIssue(input, issue)).join('; ')}`,
    );
  }
  return parsed.data;
}

export function loadInstrument(input: unknown, framework: Framework): Instrument {
  const name = `Инструмент «${stringAt(input, ['id']) ?? '?'}»`;
  const parsed = instrumentSchema.safeParse(input);
  if (!parsed.success) {
    throw new ContentError(`${name}: ${parsed.error.issues.map((issue) => instrumentIssue(input, issue)).join('; ')}`);
  }
  const problems = frameworkProblems(parsed.data, framework);
  if (problems.length > 0) throw new ContentError(`${name}: ${problems.join('; ')}`);
  return parsed.data;
}

/** Checks a set of instruments as a whole: their ids must be distinct. */
export function checkInstrumentSet(instruments: readonly Instrument[]): void {
  const seen = new Set<string>();
  for (const instrument of instruments) {
    if (seen.has(instrument.id)) throw new ContentError(`Инструмент «${instrument.id}» встречается дважды`);
    seen.add(instrument.id);
  }
}

function frameworkProblems(instrument: Instrument, framework: Framework): string[] {
  const areaOf = new Map<string, AreaId>(framework.indicators.map((indicator) => [indicator.id, indicator.area]));
  const screening = instrument.kind === 'screening';
  const problems: string[] = [];

  for (const item of instrument.items) {
    const where = `вопрос «${item.id}»`;
    if (item.kind === 'multiple' && new Set(item.key).size !== item.key.length) {
      problems.push(`${where}: в ключе варианты повторяются`);
    }
    for (const { indicator } of item.measures) {
      const area = areaOf.get(indicator);
      if (area === undefined) {
        problems.push(`${where}: индикатора «${indicator}» нет в рамке компетенций`);
      } else if (screening && isCompetency(area)) {
        problems.push(`${where}: скрининг измеряет только благополучие, а индикатор «${indicator}» относится к компетенции`);
      } else if (!screening && !isCompetency(area)) {
        problems.push(`${where}: индикатор благополучия «${indicator}» может измерять только скрининг`);
      }
    }
  }

  const family: readonly string[] = screening ? riskLevels : deficitLevels;
  if (!instrument.bands.every((band) => family.includes(band.level))) {
    problems.push(screening ? 'у скрининга должны быть уровни риска, а не дефицита' : 'у самооценки и теста должны быть уровни дефицита, а не риска');
  }
  return problems;
}

type Issue = z.core.$ZodIssue;

/** «вопрос «q03», key: ключ «z» не среди вариантов» — the item by id rather than by index. */
function instrumentIssue(input: unknown, issue: Issue): string {
  const [head, index, ...rest] = issue.path;
  if (head === 'items' && typeof index === 'number') {
    const itemId = stringAt(input, ['items', index, 'id']);
    const where = itemId === undefined ? `вопрос № ${index + 1}` : `вопрос «${itemId}»`;
    return rest.length > 0 ? `${where}, ${rest.join('.')}: ${issue.message}` : `${where}: ${issue.message}`;
  }
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

function frameworkIssue(input: unknown, issue: Issue): string {
  const [head, index, ...rest] = issue.path;
  if (head === 'indicators' && typeof index === 'number') {
    const id = stringAt(input, ['indicators', index, 'id']);
    const where = id === undefined ? `индикатор № ${index + 1}` : `индикатор «${id}»`;
    return rest.length > 0 ? `${where}, ${rest.join('.')}: ${issue.message}` : `${where}: ${issue.message}`;
  }
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

function stringAt(value: unknown, path: readonly PropertyKey[]): string | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return typeof current === 'string' ? current : undefined;
}
