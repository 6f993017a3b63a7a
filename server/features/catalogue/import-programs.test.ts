import { describe, expect, it } from 'vitest';
import { parseCatalogueDate } from './import-programs.ts';

describe('dates of the catalogue file', () => {
  it('reads both date forms and only real days', () => {
    expect(parseCatalogueDate('2027-02-28')).toBe('2027-02-28');
    expect(parseCatalogueDate('28.02.2027')).toBe('2027-02-28');
    expect(parseCatalogueDate('29.02.2027')).toBeUndefined();
    expect(parseCatalogueDate('2027-2-8')).toBeUndefined();
  });
});
