import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';
import { codesCsv, codesLines, russianDate } from './codes-file.ts';
import type { NewTeacherCode } from './import-roster.ts';

/** The columns' Russian titles: their wording belongs to the messages catalogue, their order to this file. */
const titles = messages.roster.codesHeader;

const ivanova: NewTeacherCode = {
  teacherId: 1,
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  school: 'МБОУ «СОШ № 2»',
  municipality: 'Северный район',
  code: 'K7QM-3HXD',
  expiresAt: '2026-10-01T09:30:00.000Z',
};
const ahmed: NewTeacherCode = {
  ...ivanova,
  teacherId: 2,
  lastName: 'Ахмедов',
  firstName: 'Тимур',
  middleName: '',
  school: 'Школа "Радуга"; корпус 2',
  code: 'ZP4N-8WQA',
};

describe('the connection codes file', () => {
  it('writes the day of expiry as Russian documents do', () => {
    expect(russianDate('2026-10-01T09:30:00.000Z')).toBe('01.10.2026');
    expect(russianDate('2027-01-09')).toBe('09.01.2027');
  });

  it('is a CSV that Russian Excel opens: BOM, Russian titles, the imported file’s delimiter, CRLF', () => {
    expect(titles).toHaveLength(6);
    expect(codesCsv([ivanova])).toBe(`\uFEFF${titles.join(';')}\r\nИванова;Мария;Петровна;МБОУ «СОШ № 2»;K7QM-3HXD;01.10.2026\r\n`);
    expect(codesCsv([ivanova], ',').split('\r\n')[1]).toBe('Иванова,Мария,Петровна,МБОУ «СОШ № 2»,K7QM-3HXD,01.10.2026');
  });

  it('quotes a school whose name holds the delimiter or a quote', () => {
    expect(codesCsv([ahmed]).split('\r\n')[1]).toBe('Ахмедов;Тимур;;"Школа ""Радуга""; корпус 2";ZP4N-8WQA;01.10.2026');
  });

  it('is, for the terminal, one line a teacher, without a gap for a missing patronymic', () => {
    expect(codesLines([ivanova, ahmed])).toEqual([
      '  K7QM-3HXD  Иванова Мария Петровна, МБОУ «СОШ № 2» (действует до 01.10.2026)',
      '  ZP4N-8WQA  Ахмедов Тимур, Школа "Радуга"; корпус 2 (действует до 01.10.2026)',
    ]);
  });
});
