import type { AnswerValue, SittingItem } from '../../../shared/schemas/instrument.ts';

export type KeyAction = { type: 'answer'; value: AnswerValue } | { type: 'next' } | { type: 'previous' } | null;

/** The choices of an item in on-screen order: 1–5 for a scale, option ids otherwise. */
export function choicesOf(item: SittingItem): (number | string)[] {
  return item.kind === 'likert' ? [1, 2, 3, 4, 5] : item.options.map((option) => option.id);
}

/** A multiple-choice answer with `option` switched on or off. */
export function toggled(current: AnswerValue | undefined, option: string): string[] {
  const chosen = Array.isArray(current) ? current : [];
  return chosen.includes(option) ? chosen.filter((id) => id !== option) : [...chosen, option];
}

/**
 * What a key does on a question: a digit answers with that choice (toggles
 * it for multiple choice), ↑/↓ move the answer to the neighbouring choice,
 * → and Enter go on, ← goes back.
 */
export function keyAction(key: string, item: SittingItem, current: AnswerValue | undefined): KeyAction {
  const choices = choicesOf(item);
  if (/^[1-9]$/.test(key)) {
    const choice = choices[Number(key) - 1];
    if (choice === undefined) return null;
    return { type: 'answer', value: item.kind === 'multiple' ? toggled(current, String(choice)) : choice };
  }
  if ((key === 'ArrowDown' || key === 'ArrowUp') && item.kind !== 'multiple') {
    const at = choices.indexOf(current as number | string);
    const step = key === 'ArrowDown' ? 1 : -1;
    const next = at === -1 ? (step === 1 ? 0 : choices.length - 1) : Math.min(choices.length - 1, Math.max(0, at + step));
    return { type: 'answer', value: choices[next]! };
  }
  if (key === 'ArrowRight' || key === 'Enter') return { type: 'next' };
  if (key === 'ArrowLeft') return { type: 'previous' };
  return null;
}
