import { describe, expect, it } from 'vitest';
import { parseCatalogueDate, readIndicators } from './import-programs.ts';

describe('dates of the catalogue file', () => {
  it('reads both date forms and only real days', () => {
    expect(parseCatalogueDate('2027-02-28')).toBe('2027-02-28');
    expect(parseCatalogueDate('28.02.2027')).toBe('2027-02-28');
    expect(parseCatalogueDate('29.02.2027')).toBeUndefined();
    expect(parseCatalogueDate('2027-2-8')).toBeUndefined();
  });

  it('takes 29 February of a leap year only, and no 31st of a 30-day month', () => {
    expect(parseCatalogueDate('29.02.2028')).toBe('2028-02-29');
    expect(parseCatalogueDate('2028-02-29')).toBe('2028-02-29');
    expect(parseCatalogueDate('31.04.2027')).toBeUndefined();
    expect(parseCatalogueDate('2027-06-31')).toBeUndefined();
  });

  it('refuses month 0 or 13, day 0, and dates with anything around them', () => {
    for (const value of ['2027-00-10', '2027-13-01', '00.01.2027', ' 2027-01-10', '2027-01-10T00:00', '10.01.27', '10/01/2027']) {
      expect(parseCatalogueDate(value), value).toBeUndefined();
    }
  });
});

describe('the indicators cell', () => {
  it('takes framework indicator ids in any separator, once each, and names an unknown one', () => {
    expect(readIndicators('methodical.formativeAssessment; methodical.planning,methodical.planning')).toEqual([
      'methodical.formativeAssessment',
      'methodical.planning',
    ]);
    expect(readIndicators('')).toEqual([]);
    expect(readIndicators('methodical.planning|formative')).toMatch(/«formative» — не показатель/);
  });
});
