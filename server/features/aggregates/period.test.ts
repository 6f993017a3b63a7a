import { describe, expect, it } from 'vitest';
import { currentPeriod, isPeriod, nextPeriod, periodDates, periodOf, previousPeriod } from './period.ts';

describe('the учебный год', () => {
  it('turns on 1 September: 31 August still belongs to the year before', () => {
    expect(periodOf('2025-08-31')).toBe('2024-2025');
    expect(periodOf('2025-09-01')).toBe('2025-2026');
    expect(periodOf('2026-01-01')).toBe('2025-2026');
    expect(periodOf('2026-08-31')).toBe('2025-2026');
  });

  it('reads a timestamp as the date the teacher’s clock wrote, whatever its offset', () => {
    // Half past midnight on 1 September in Moscow is still 31 August in UTC; the other is already 1 September there.
    expect(periodOf('2025-09-01T00:30:00+03:00')).toBe('2025-2026');
    expect(periodOf('2025-08-31T22:00:00-03:00')).toBe('2024-2025');
  });

  it('spans 1 September to 31 August, and every day of it maps back to it', () => {
    expect(periodDates('2025-2026')).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    const { start, end } = periodDates('2027-2028');
    expect([periodOf(start), periodOf(end)]).toEqual(['2027-2028', '2027-2028']);
  });

  it('steps to the year before and after', () => {
    expect(previousPeriod('2025-2026')).toBe('2024-2025');
    expect(nextPeriod('2025-2026')).toBe('2026-2027');
    expect(nextPeriod(previousPeriod('2000-2001'))).toBe('2000-2001');
  });

  it('accepts only two consecutive years', () => {
    expect(isPeriod('2025-2026')).toBe(true);
    expect(isPeriod('2025-2027')).toBe(false);
    expect(isPeriod('2026-2025')).toBe(false);
    expect(isPeriod('2025/2026')).toBe(false);
    expect(isPeriod('2025-2026 ')).toBe(false);
    expect(isPeriod('25-26')).toBe(false);
  });

  it('names the running year from the server’s clock', () => {
    expect(currentPeriod(new Date('2026-03-15T12:00:00Z'))).toBe('2025-2026');
    expect(currentPeriod(new Date('2026-09-01T00:00:00Z'))).toBe('2026-2027');
  });
});
