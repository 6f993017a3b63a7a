import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRoster } from '../../../server/features/roster/import-roster.ts';
import type { Db } from '../../../server/platform/database/database.ts';
import { emptyDatabase } from '../../helpers/reports.ts';

const header = 'Фамилия;Имя;Отчество;Муниципалитет;Школа;Стаж;Категория;Статус;Год рождения';

describe('the roster’s category, status and birth year', () => {
  let db: Db;
  let dispose: () => void;
  beforeEach(() => {
    ({ db, dispose } = emptyDatabase());
  });
  afterEach(() => dispose());

  const stored = () => db.prepare('SELECT last_name AS name, category, birth_year AS birthYear FROM teachers ORDER BY id').all();

  it('reads the Russian headers and values, and keeps them in the teacher’s record', () => {
    const file = [
      header,
      'Старцева;Мария;Ивановна;Белоозёрск;СОШ № 1;25;Высшая;Педагог-наставник;1975',
      'Новикова;Анна;;Белоозёрск;СОШ № 1;1;;;2001',
      'Петрова;Ольга;;Белоозёрск;СОШ № 1;8;соответствие занимаемой должности;;',
      'Иванова;Ольга;;Белоозёрск;СОШ № 1;12;первая;;',
    ].join('\n');
    const result = importRoster(db, file);
    expect(result.invalid).toEqual([]);
    expect(stored()).toEqual([
      { name: 'Старцева', category: 'highest:mentor', birthYear: 1975 },
      { name: 'Новикова', category: '', birthYear: 2001 },
      { name: 'Петрова', category: 'none', birthYear: null },
      { name: 'Иванова', category: 'first', birthYear: null },
    ]);
  });

  it('refuses a status without the highest category, an unknown category and a bad year, each with its line and a sentence', () => {
    const file = [
      header,
      'Старцева;Мария;;Белоозёрск;СОШ № 1;25;первая;педагог-методист;',
      'Новикова;Анна;;Белоозёрск;СОШ № 1;1;вторая;;',
      'Петрова;Ольга;;Белоозёрск;СОШ № 1;8;;;75',
    ].join('\n');
    const result = importRoster(db, file);
    expect(result.imported).toBe(false);
    expect(result.invalid.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(result.invalid[0]!.reason).toContain('только при высшей категории');
    expect(result.invalid[1]!.reason).toContain('Категория');
    expect(result.invalid[1]!.reason).toContain('«первая», «высшая»');
    expect(result.invalid[2]!.reason).toContain('год рождения — четыре цифры');
    expect(stored()).toEqual([]);
  });
});
