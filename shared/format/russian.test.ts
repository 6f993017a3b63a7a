import { describe, expect, it } from 'vitest';
import { countOf, formatDay, formatInstant, formatNumber, formatPercent, formatSigned, isTimeZone, plural } from './russian.ts';

const rows = { one: 'строку', few: 'строки', many: 'строк' };

describe('Russian formatting', () => {
  it('chooses the noun form for 1, 2, 5, 11, 21 and the rest by Intl.PluralRules', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111, 0].map((n) => countOf(n, rows))).toEqual([
      '1 строку',
      '2 строки',
      '5 строк',
      '11 строк',
      '21 строку',
      '22 строки',
      '25 строк',
      '101 строку',
      '111 строк',
      '0 строк',
    ]);
    expect(plural(1.5, rows)).toBe('строки');
  });

  it('writes numbers with a decimal comma and one decimal at most, the same way everywhere', () => {
    expect(formatNumber(92.9)).toBe('92,9');
    expect(formatNumber(66)).toBe('66');
    expect(formatNumber(66.34)).toBe('66,3');
    expect(formatNumber(-2.5)).toBe('−2,5');
    expect(formatNumber(12345)).toBe('12\u00a0345');
    expect(formatPercent(78.6)).toBe('78,6\u00a0%');
    expect(formatSigned(3.5)).toBe('+3,5');
    expect(formatSigned(-2)).toBe('−2');
    expect(formatSigned(0.01)).toBe('±0');
  });

  it('writes a date as DD.MM.YYYY and an instant in the deployment’s time zone', () => {
    expect(formatDay('2026-12-07')).toBe('07.12.2026');
    expect(formatInstant('2026-12-07T20:30:00Z')).toBe('07.12.2026, 23:30');
    // A republic at UTC+9: the same instant is already the next day.
    expect(formatInstant('2026-12-07T20:30:00Z', 'Asia/Yakutsk')).toBe('08.12.2026, 05:30');
    expect(isTimeZone('Asia/Yakutsk')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
