import { describe, expect, it } from 'vitest';
import { meetingsPerPairMonth, monthsOfPeriod } from './mentoring.ts';

describe('meetings per pair per month', () => {
  it('divides by the months of the учебный год up to today, one to twelve', () => {
    expect(monthsOfPeriod('2025-2026', '2025-09-15')).toBe(1);
    expect(monthsOfPeriod('2025-2026', '2025-12-01')).toBe(4);
    expect(monthsOfPeriod('2025-2026', '2026-08-31')).toBe(12);
    expect(monthsOfPeriod('2025-2026', '2027-01-10')).toBe(12);
    expect(monthsOfPeriod('2026-2027', '2026-05-01')).toBe(1);
  });

  it('is meetings / pairs / months with one decimal, and nothing without a pair', () => {
    expect(meetingsPerPairMonth(9, 3, 2)).toBe(1.5);
    expect(meetingsPerPairMonth(0, 0, 4)).toBeNull();
  });
});
