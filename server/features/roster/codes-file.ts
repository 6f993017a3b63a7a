import { stringify } from 'csv-stringify/sync';
import { messages } from './messages.ts';
import type { NewTeacherCode } from './import-roster.ts';

/** DD.MM.YYYY, as Russian documents write a date; the day is that of the expiry instant in UTC. */
export function russianDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

/**
 * The connection codes of new teachers as a CSV a methodist opens in a
 * spreadsheet: Russian column titles, the delimiter of the file that was
 * imported, and a BOM so that Excel reads UTF-8.
 */
export function codesCsv(codes: NewTeacherCode[], delimiter: ',' | ';' = ';'): string {
  const rows = codes.map((c) => [c.lastName, c.firstName, c.middleName, c.school, c.code, russianDate(c.expiresAt)]);
  return '\uFEFF' + stringify([[...messages.roster.codesHeader], ...rows], { delimiter, record_delimiter: 'windows' });
}

/** The same, as lines for the terminal. */
export function codesLines(codes: NewTeacherCode[]): string[] {
  return codes.map((c) =>
    messages.roster.codeLine(c.code, [c.lastName, c.firstName, c.middleName].filter(Boolean).join(' '), c.school, russianDate(c.expiresAt)),
  );
}
