import type { z } from 'zod';
import { countOf, formatNumber, type NounForms } from '../format/russian.ts';

/**
 * What a check found, in words a methodist reads: «нужно целое число», «не короче 3 символов»,
 * never the validator's own («ожидалось, что string будет иметь >=2 символа», «получено
 * string»). A fragment, lower-case, to follow a field's or a column's name («Часов: …»,
 * «столбец «hours»: …»). Used as zod's message for every issue a schema does not word itself
 * (locale.ts); a form that knows its field writes a whole sentence for it instead.
 */

const characters: NounForms = { one: 'символа', few: 'символов', many: 'символов' };
const elements: NounForms = { one: 'элемента', few: 'элементов', many: 'элементов' };

type RawIssue = z.core.$ZodRawIssue;

const typeNames: Record<string, string> = {
  string: 'нужен текст',
  number: 'нужно число',
  int: 'нужно целое число',
  bigint: 'нужно целое число',
  boolean: 'нужно «да» или «нет» (true или false)',
  array: 'нужен список',
  object: 'нужен объект с полями',
  date: 'нужна дата',
  null: 'нужно пустое значение (null)',
};

const formatNames: Record<string, string> = {
  url: 'нужен адрес вида https://…',
  email: 'нужен адрес электронной почты',
  uuid: 'нужен идентификатор UUID',
  date: 'нужна дата в формате ГГГГ-ММ-ДД',
  datetime: 'нужны дата и время в формате ГГГГ-ММ-ДДTчч:мм:ссZ',
  time: 'нужно время в формате чч:мм',
};

function size(origin: string | undefined, bound: number, atLeast: boolean): string {
  if (origin === 'string') {
    if (atLeast && bound === 1) return 'не может быть пустым';
    return atLeast ? `не короче ${countOf(bound, characters)}` : `не длиннее ${countOf(bound, characters)}`;
  }
  if (origin === 'array' || origin === 'set' || origin === 'map') {
    if (atLeast && bound === 1) return 'нужен хотя бы один элемент';
    return atLeast ? `не меньше ${countOf(bound, elements)}` : `не больше ${countOf(bound, elements)}`;
  }
  return '';
}

/** The fragment for one issue. */
export function humanIssue(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'обязательно, но не указано';
      return typeNames[issue.expected] ?? 'значение не того вида';
    case 'invalid_value':
      return issue.values.length === 1
        ? `допустимо только ${String(issue.values[0])}`
        : `допустимо одно из: ${issue.values.map((value) => String(value)).join(', ')}`;
    case 'too_small': {
      const bound = Number(issue.minimum);
      const sized = size(issue.origin, bound, true);
      if (sized) return sized;
      return issue.inclusive ? `не меньше ${formatNumber(bound, 6)}` : `больше ${formatNumber(bound, 6)}`;
    }
    case 'too_big': {
      const bound = Number(issue.maximum);
      const sized = size(issue.origin, bound, false);
      if (sized) return sized;
      return issue.inclusive ? `не больше ${formatNumber(bound, 6)}` : `меньше ${formatNumber(bound, 6)}`;
    }
    case 'invalid_format':
      return formatNames[issue.format] ?? 'не подходит по виду';
    case 'not_multiple_of':
      return `нужно число, кратное ${formatNumber(Number(issue.divisor), 6)}`;
    case 'unrecognized_keys':
      return `лишние поля: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'не подходит ни под один из допустимых видов';
    default:
      return 'значение не подходит';
  }
}

/** The words that give a validator's own message away: a test looks for them in what users read. */
export const validatorWording = /ожидалось|получено|Неверный ввод|Неверные входные|\bstring\b|\bnumber\b|\bundefined\b|\bNaN\b|>=|<=|Invalid input|Expected/i;
