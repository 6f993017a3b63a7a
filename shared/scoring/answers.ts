import { AnswersInvalidError, type ValidationIssue } from '../errors.ts';
import type { AnswerValue, Instrument, Item, LikertItem, MultipleChoiceItem, SingleChoiceItem } from '../schemas/instrument.ts';
import { likertMax, likertMin } from '../limits/likert.ts';
import type { Submission } from './result.ts';

/**
 * A validated answer, tied to its item so that scoring needs no further checks.
 * Multiple choice keeps the picked ids as a set: duplicates were refused.
 */
export type CheckedAnswer =
  | { kind: 'likert'; item: LikertItem; value: number }
  | { kind: 'single'; item: SingleChoiceItem; optionId: string }
  | { kind: 'multiple'; item: MultipleChoiceItem; optionIds: ReadonlySet<string> };

/**
 * Checks a submission against the instrument and returns the answered items,
 * in the order of the submission's keys.
 * Answers are refused as a whole (AnswersInvalidError listing every bad item)
 * rather than scored partly: a silently dropped answer would lower a score
 * without anyone knowing why. The version must match exactly, because items
 * and keys may change between versions.
 */
export function checkAnswers(instrument: Instrument, submission: Submission): CheckedAnswer[] {
  if (submission.instrumentId !== instrument.id) {
    throw new AnswersInvalidError([
      {
        path: 'instrumentId',
        message: `ответы даны для инструмента «${submission.instrumentId}», а не «${instrument.id}»`,
      },
    ]);
  }
  if (submission.instrumentVersion !== instrument.version) {
    throw new AnswersInvalidError([
      {
        path: 'instrumentVersion',
        message: `ответы даны для версии ${submission.instrumentVersion}, а инструмент — версии ${instrument.version}`,
      },
    ]);
  }

  const items = itemsById(instrument);
  const issues: (ValidationIssue & { itemId: string })[] = [];
  const checked: CheckedAnswer[] = [];
  for (const itemId of Object.keys(submission.answers)) {
    const value = submission.answers[itemId];
    if (value === undefined) continue; // a present-but-undefined key is as good as missing
    const item = items.get(itemId);
    const path = `answers.${itemId}`;
    if (!item) {
      issues.push({ itemId, path, message: `вопроса «${itemId}» нет в инструменте «${instrument.id}» версии ${instrument.version}` });
      continue;
    }
    const result = checkAnswer(item, value);
    if (typeof result === 'string') issues.push({ itemId, path, message: `вопрос «${itemId}»: ${result}` });
    else checked.push(result);
  }
  // Sorted by item so that the issue list (and the error message) does not depend on key order;
  // sorting only here keeps the usual, valid submission from paying for it.
  if (issues.length > 0)
    throw new AnswersInvalidError(issues.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0)).map(({ itemId: _, ...issue }) => issue));
  return checked;
}

/** Items by id, built once per (never-changing) instrument object: every attempt looks them up. */
const itemIndexes = new WeakMap<Instrument, ReadonlyMap<string, Item>>();
function itemsById(instrument: Instrument): ReadonlyMap<string, Item> {
  let items = itemIndexes.get(instrument);
  if (!items) {
    items = new Map(instrument.items.map((item) => [item.id, item]));
    itemIndexes.set(instrument, items);
  }
  return items;
}

/** The checked answer, or what is wrong with it. */
function checkAnswer(item: Item, value: AnswerValue): CheckedAnswer | string {
  switch (item.kind) {
    case 'likert':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < likertMin || value > likertMax) {
        return `ответ по шкале — целое число от ${likertMin} до ${likertMax}, получено ${describe(value)}`;
      }
      return { kind: 'likert', item, value };
    case 'single': {
      if (typeof value !== 'string') return `нужен один вариант ответа, получено ${describe(value)}`;
      if (!item.options.some((option) => option.id === value)) return `варианта «${value}» нет среди вариантов ответа`;
      return { kind: 'single', item, optionId: value };
    }
    case 'multiple': {
      if (!Array.isArray(value)) return `нужен список вариантов ответа, получено ${describe(value)}`;
      const picked = new Set(value);
      if (picked.size !== value.length) return 'варианты ответа повторяются';
      const unknown = value.find((id) => !item.options.some((option) => option.id === id));
      if (unknown !== undefined) return `варианта «${unknown}» нет среди вариантов ответа`;
      return { kind: 'multiple', item, optionIds: picked };
    }
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'список';
  if (typeof value === 'string') return `«${value}»`;
  return String(value);
}
