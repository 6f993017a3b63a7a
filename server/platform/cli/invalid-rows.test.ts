import { describe, expect, it } from 'vitest';
import { groupedInvalidRows } from './invalid-rows.ts';

describe('invalid rows as the CLI prints them', () => {
  it('prints one repeated mistake once, with the rows it is on', () => {
    const invalid = [
      ...Array.from({ length: 5000 }, (_, index) => ({ line: index + 2, reason: 'столбец «Стаж»: стаж — целое число лет от 0 до 70' })),
      { line: 5003, reason: 'столбец «Фамилия»: фамилия обязательна' },
    ];
    expect(groupedInvalidRows(invalid)).toEqual([
      '5\u00a0000 строк (2, 3, 4, 5, 6 и ещё 4\u00a0995): столбец «Стаж»: стаж — целое число лет от 0 до 70',
      'строка 5003: столбец «Фамилия»: фамилия обязательна',
    ]);
  });

  it('names the rows of a mistake made twice or thrice in full', () => {
    const reason = 'столбец «hours»: нужно целое число';
    expect(groupedInvalidRows([2, 7].map((line) => ({ line, reason })))).toEqual([`2 строки (2, 7): ${reason}`]);
    expect(groupedInvalidRows([2, 7, 9, 11, 12, 21].map((line) => ({ line, reason })))).toEqual([`6 строк (2, 7, 9, 11, 12 и ещё 1): ${reason}`]);
  });
});
