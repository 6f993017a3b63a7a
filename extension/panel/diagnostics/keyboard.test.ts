import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/schemas/instrument.ts';
import { keyAction } from './keyboard.ts';

const likert: Item = { id: 'l', kind: 'likert', text: 'Утверждение', measures: [{ indicator: 'x', weight: 1 }], reverse: false };
const single: Item = {
  id: 's',
  kind: 'single',
  text: 'Вопрос',
  measures: [{ indicator: 'x', weight: 1 }],
  options: [
    { id: 'a', text: 'А' },
    { id: 'b', text: 'Б' },
    { id: 'c', text: 'В' },
  ],
  key: 'b',
};
const multiple: Item = { ...single, id: 'm', kind: 'multiple', key: ['a', 'c'] };

describe('keys on a question', () => {
  it('answers with the digit’s choice, and ignores digits beyond the choices', () => {
    expect(keyAction('4', likert, undefined)).toEqual({ type: 'answer', value: 4 });
    expect(keyAction('2', single, 'a')).toEqual({ type: 'answer', value: 'b' });
    expect(keyAction('6', likert, undefined)).toBeNull();
    expect(keyAction('4', single, undefined)).toBeNull();
    expect(keyAction('0', likert, undefined)).toBeNull();
  });

  it('toggles choices of a multiple-choice question', () => {
    expect(keyAction('1', multiple, undefined)).toEqual({ type: 'answer', value: ['a'] });
    expect(keyAction('3', multiple, ['a'])).toEqual({ type: 'answer', value: ['a', 'c'] });
    expect(keyAction('1', multiple, ['a', 'c'])).toEqual({ type: 'answer', value: ['c'] });
  });

  it('moves the answer with ↑/↓ within the choices, and the question with ←/→/Enter', () => {
    expect(keyAction('ArrowDown', likert, undefined)).toEqual({ type: 'answer', value: 1 });
    expect(keyAction('ArrowUp', likert, undefined)).toEqual({ type: 'answer', value: 5 });
    expect(keyAction('ArrowDown', likert, 5)).toEqual({ type: 'answer', value: 5 });
    expect(keyAction('ArrowUp', single, 'b')).toEqual({ type: 'answer', value: 'a' });
    expect(keyAction('ArrowDown', multiple, ['a'])).toBeNull();
    expect(keyAction('Enter', likert, 3)).toEqual({ type: 'next' });
    expect(keyAction('ArrowRight', likert, undefined)).toEqual({ type: 'next' });
    expect(keyAction('ArrowLeft', likert, 3)).toEqual({ type: 'previous' });
    expect(keyAction('x', likert, 3)).toBeNull();
  });
});
