/**
 * Load-time checks of the shipped content: parse with the schemas so that
 * defaults are applied, then the same framework checks an uploaded instrument
 * goes through (shared/scoring/parse-instrument.ts) — every measured
 * indicator exists, the wellbeing screening measures wellbeing only, and the
 * competency instruments never measure wellbeing.
 *
 * Every problem throws a ContentError whose message names the instrument, the
 * item and the problem, in Russian, so that a broken build says exactly what
 * to fix.
 */
import type { z } from 'zod';
import { type Framework, frameworkSchema } from '../schemas/framework.ts';
import { type Instrument, instrumentSchema } from '../schemas/instrument.ts';
import { instrumentFrameworkIssues } from '../scoring/parse-instrument.ts';

export class ContentError extends Error {
  override readonly name = 'ContentError';
}

export function loadFramework(input: unknown): Framework {
  const parsed = frameworkSchema.safeParse(input);
  if (!parsed.success) {
    throw new ContentError(`Рамка компетенций содержит ошибки: ${parsed.error.issues.map((issue) => frameworkIssue(input, issue)).join('; ')}`);
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

/** The framework checks that uploads go through too, worded with the item's id for an author. */
function frameworkProblems(instrument: Instrument, framework: Framework): string[] {
  return instrumentFrameworkIssues(instrument, framework).map(({ path, message }) => {
    const index = /^items\.(\d+)\./.exec(path)?.[1];
    return index === undefined ? message : `вопрос «${instrument.items[Number(index)]!.id}»: ${message}`;
  });
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
