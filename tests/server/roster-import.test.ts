import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codesCsv } from '../../server/features/roster/codes-file.ts';
import { RosterFileError, importRoster, previewRoster } from '../../server/features/roster/import-roster.ts';
import { type Db, openDatabase } from '../../server/platform/database/database.ts';
import { redeemConnectionCode } from '../../server/platform/database/device-store.ts';
import { parse } from 'csv-parse/sync';
import { tempDataDir } from '../helpers/test-server.ts';

const header = 'last_name,first_name,middle_name,municipality,school,position,subjects,experience_years';

describe('roster import', () => {
  let dataDir: string;
  let db: Db;
  beforeEach(() => {
    dataDir = tempDataDir();
    db = openDatabase(dataDir);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const teachers = () =>
    db
      .prepare(
        `SELECT t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName, t.position, t.subjects,
           t.experience_years AS experienceYears, s.name AS school, m.name AS municipality
         FROM teachers t JOIN schools s ON s.id = t.school_id JOIN municipalities m ON m.id = s.municipality_id ORDER BY t.id`,
      )
      .all();

  it('reads a comma file and creates teachers, municipalities, schools and one working code each', () => {
    const file = [
      header,
      'Иванова,Мария,Петровна,Белоозёрский район,МБОУ СОШ № 1,учитель,"математика, физика",2',
      'Петров,Олег,,Белоозёрский район,МБОУ СОШ № 1,учитель,история,',
      'Сидорова,Анна,Ивановна,Город Заречный,Гимназия № 3,педагог-психолог,,15',
    ].join('\n');
    const result = importRoster(db, file);
    expect(result).toMatchObject({ imported: true, existing: 0, invalid: [], delimiter: ',' });
    expect(result.created).toHaveLength(3);
    expect(teachers()).toEqual([
      {
        lastName: 'Иванова',
        firstName: 'Мария',
        middleName: 'Петровна',
        position: 'учитель',
        subjects: 'математика, физика',
        experienceYears: 2,
        school: 'МБОУ СОШ № 1',
        municipality: 'Белоозёрский район',
      },
      {
        lastName: 'Петров',
        firstName: 'Олег',
        middleName: '',
        position: 'учитель',
        subjects: 'история',
        experienceYears: null,
        school: 'МБОУ СОШ № 1',
        municipality: 'Белоозёрский район',
      },
      {
        lastName: 'Сидорова',
        firstName: 'Анна',
        middleName: 'Ивановна',
        position: 'педагог-психолог',
        subjects: '',
        experienceYears: 15,
        school: 'Гимназия № 3',
        municipality: 'Город Заречный',
      },
    ]);
    expect(count('municipalities')).toBe(2);
    expect(count('schools')).toBe(2);
    for (const teacher of result.created) {
      expect(teacher.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      const redeemed = redeemConnectionCode(db, teacher.code, 'ноутбук');
      expect(redeemed).toMatchObject({ ok: true, teacherId: teacher.teacherId });
    }
    expect((db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'roster.import' AND actor = 'cli'").get() as { n: number }).n).toBe(1);
  });

  it('reads a semicolon file from Excel: BOM, Russian headers in any case, CRLF, quoted «;» and newlines, extra columns', () => {
    const file =
      '\uFEFF№; ФАМИЛИЯ ;Имя;отчество;Муниципалитет;Школа;Должность;Предметы;Стаж\r\n' +
      '1;Кузнецова;Елена;Викторовна;Белоозёрский район;"МБОУ «СОШ № 2; с углублённым изучением»";учитель;"русский язык;\r\nлитература";7\r\n' +
      '2;Орлов;Пётр;Ильич;Белоозёрский район;"МБОУ «СОШ № 2; с углублённым изучением»";учитель;физкультура;0\r\n' +
      ';;;;;;;;\r\n';
    const result = importRoster(db, new TextEncoder().encode(file));
    expect(result).toMatchObject({ imported: true, delimiter: ';', rows: 2, invalid: [] });
    expect(teachers()).toEqual([
      expect.objectContaining({
        lastName: 'Кузнецова',
        school: 'МБОУ «СОШ № 2; с углублённым изучением»',
        subjects: 'русский язык; литература',
        experienceYears: 7,
      }),
      expect.objectContaining({ lastName: 'Орлов', firstName: 'Пётр', experienceYears: 0 }),
    ]);
    expect(count('schools')).toBe(1);
    // The line break inside the quoted cell did not shift the line numbers of the rows after it.
    expect(result.entries.map((entry) => entry.line)).toEqual([2, 4]);
  });

  it('lists invalid rows with the line they start on and imports nothing, unless told to skip them', () => {
    const file = [
      header,
      'Иванова,Мария,Петровна,Район,Школа № 1,учитель,"математика,',
      'физика",2',
      'Петров2,Олег,,Район,Школа № 1,учитель,история,',
      ',Анна,,Район,Школа № 1,,,',
      'Смирнов,Иван,,Район,Школа № 1,,,сорок',
      'Смирнов,Иван,,Район,,,,3',
      'Орлова,Ольга,,Район,Школа № 1,,',
      'иванова,мария,петровна,Район,школа № 1,,,',
    ].join('\n');
    const preview = previewRoster(db, file);
    expect(preview.invalid).toEqual([
      { line: 4, reason: expect.stringMatching(/^столбец «Фамилия»: только буквы/) },
      { line: 5, reason: expect.stringMatching(/^столбец «Фамилия»: фамилия обязательна/) },
      { line: 6, reason: expect.stringMatching(/^столбец «Стаж»: стаж — целое число/) },
      { line: 7, reason: expect.stringMatching(/^столбец «Школа»: школа обязательна/) },
      { line: 8, reason: 'в строке 7 столбцов, а в заголовке 8' },
      { line: 9, reason: 'тот же педагог (ФИО и школа), что в строке 2' },
    ]);

    const refused = importRoster(db, file);
    expect(refused).toMatchObject({ imported: false, created: [] });
    expect(count('teachers')).toBe(0);
    expect(count('municipalities')).toBe(0);
    expect(count('connection_codes')).toBe(0);

    const skipped = importRoster(db, file, { skipInvalid: true });
    expect(skipped.imported).toBe(true);
    expect(skipped.created.map((c) => c.lastName)).toEqual(['Иванова']);
    expect(count('teachers')).toBe(1);
  });

  it('creates no duplicates when the same file, or the same people spelled a little differently, come again', () => {
    const first = [header, 'Ёлкина,Наталья,Сергеевна,Район,"МБОУ ""СОШ № 5""",учитель,химия,4', 'Петров,Олег,,Район,Школа № 1,учитель,,'].join('\n');
    expect(importRoster(db, first).created).toHaveLength(2);
    const codesBefore = db.prepare('SELECT code_hash FROM connection_codes ORDER BY id').all();

    const again = importRoster(db, first);
    expect(again).toMatchObject({ imported: true, created: [], existing: 2 });

    // Another export of the roster: ё as е, other quotes, other case, extra spaces, plus one new teacher.
    const second = [
      'Фамилия;Имя;Отчество;Муниципалитет;Школа;Должность;Предметы;Стаж',
      'ЕЛКИНА;наталья;Сергеевна;район;МБОУ «СОШ  № 5»;учитель;химия;5',
      'Новикова;Дарья;;Район;Школа № 1;учитель;;1',
    ].join('\n');
    const third = importRoster(db, second);
    expect(third).toMatchObject({ existing: 1 });
    expect(third.created.map((c) => [c.lastName, c.school, c.municipality])).toEqual([['Новикова', 'Школа № 1', 'Район']]);
    expect(count('teachers')).toBe(3);
    expect(count('municipalities')).toBe(1);
    expect(count('schools')).toBe(2);
    // The codes of teachers already there are not touched: what the methodist handed out still works.
    expect(db.prepare('SELECT code_hash FROM connection_codes ORDER BY id').all().slice(0, 2)).toEqual(codesBefore);
  });

  it('treats a namesake in another school as another teacher', () => {
    importRoster(db, [header, 'Иванов,Иван,Иванович,Район,Школа № 1,,,', 'Иванов,Иван,Иванович,Район,Школа № 2,,,'].join('\n'));
    expect(count('teachers')).toBe(2);
  });

  it.each([
    ['an empty file', ''],
    ['a header without rows', header],
    ['a missing required column', 'Фамилия;Имя;Школа\nИванов;Иван;Школа № 1'],
    ['a repeated column', 'Фамилия;last_name;Имя;Муниципалитет;Школа\nИванов;Иванов;Иван;Район;Школа'],
    ['broken quotes', `${header}\n"Иванов,Иван,,Район,Школа,,,`],
  ])('refuses %s with a sentence', (_, file) => {
    expect(() => importRoster(db, file)).toThrow(RosterFileError);
    try {
      importRoster(db, file);
    } catch (error) {
      expect((error as Error).message).toMatch(/^[А-Я]/);
    }
    expect(count('teachers')).toBe(0);
  });

  it('refuses a file that is not UTF-8 with a hint how to save it', () => {
    const cp1251 = Buffer.from([0xd4, 0xe0, 0xec, 0xe8, 0xeb, 0xe8, 0xff]); // «Фамилия» in Windows-1251
    expect(() => importRoster(db, cp1251)).toThrow(/CSV UTF-8/);
  });

  it('writes the codes file with Russian column titles that a spreadsheet reads back', () => {
    const result = importRoster(db, [header, 'Иванова,Мария,Петровна,Район,"Школа ""Радуга""",,,'].join('\n'));
    const csv = codesCsv(result.created, ';');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { delimiter: ';', bom: true }) as string[][];
    expect(rows[0]).toEqual(['Фамилия', 'Имя', 'Отчество', 'Школа', 'Код', 'Действует до']);
    expect(rows[1]).toEqual(['Иванова', 'Мария', 'Петровна', 'Школа "Радуга"', result.created[0]!.code, expect.stringMatching(/^\d{2}\.\d{2}\.\d{4}$/)]);
  });
});
