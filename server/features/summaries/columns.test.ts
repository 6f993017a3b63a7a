import { describe, expect, it } from 'vitest';
import { columns, competencyValues, unitValues } from './columns.ts';

describe('the summaries’ columns and unit labels', () => {
  it('heads each column with its Russian title from the API contract, the unit’s columns first after the year', () => {
    expect(columns('participation', 'school')).toEqual([
      { key: 'period', header: 'Учебный год' },
      { key: 'municipality', header: 'Муниципалитет' },
      { key: 'school', header: 'Образовательная организация' },
      { key: 'roster', header: 'Педагогов в реестре' },
      { key: 'connected', header: 'Подключили расширение' },
      { key: 'diagnosed', header: 'Прошли диагностику' },
      { key: 'diagnosedShare', header: 'Доля прошедших диагностику, %' },
    ]);
  });

  it('labels a row with the names of its unit, and an experience band in words', () => {
    const row = { municipality: 'Северный район', school: 'Школа № 1', band: 'early' };
    expect(unitValues('school', row)).toEqual({ municipality: 'Северный район', school: 'Школа № 1' });
    expect(unitValues('municipality', row)).toEqual({ municipality: 'Северный район' });
    expect(unitValues('experience', row)).toEqual({ band: 'молодые педагоги (стаж до 3 лет)' });
    expect(unitValues('experience', { band: 'unknown' })).toEqual({ band: 'стаж не указан' });
    expect(unitValues('competency', row)).toEqual({});
  });

  it('gives a competency its title beside its stable id', () => {
    expect(competencyValues('psychoPedagogical')).toEqual({ competency: 'Психолого-педагогическая', competencyId: 'psychoPedagogical' });
  });
});
