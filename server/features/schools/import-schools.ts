import { CsvError, parse } from 'csv-parse/sync';
import type { Db } from '../../platform/database/database.ts';
import { findSchoolByName, type SchoolFlags, type SchoolRow, setSchoolFlags } from './store.ts';
import { messages } from './messages.ts';

/**
 * The schools' CSV: one school a row, named by its municipality and its
 * name as the roster has them, with its two flags. Russian headers
 * («Муниципалитет;Образовательная организация;ШНОР;Неблагоприятные социальные
 * условия», «Школа» for the name too); a flag is «да» or empty («нет», «1»,
 * «0», «+» are read too). Only schools already known (from the roster) are
 * marked; a methodist marks only her municipality's.
 */

const t = messages.schools.imports;

export class SchoolsFileError extends Error {}

const headers: Record<string, 'municipality' | 'school' | 'lowResults' | 'adverseConditions'> = {
  муниципалитет: 'municipality',
  'муниципальное образование': 'municipality',
  'образовательная организация': 'school',
  школа: 'school',
  шнор: 'lowResults',
  'низкие образовательные результаты': 'lowResults',
  'неблагоприятные социальные условия': 'adverseConditions',
  'неблагоприятные условия': 'adverseConditions',
};

const yes = new Set(['да', '1', '+', 'x', 'х', 'true']);
const no = new Set(['', 'нет', '0', '-', '—', 'false']);

const fold = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();

export interface SchoolsPreview {
  rows: number;
  schools: { line: number; school: SchoolRow; flags: SchoolFlags }[];
  invalid: { line: number; reason: string }[];
}

/** Reads the file and checks every row, saving nothing. Throws SchoolsFileError when the file as a whole cannot be read. */
export function previewSchools(db: Db, input: Uint8Array, scope: { onlyMunicipalityId?: number | undefined }): SchoolsPreview {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new SchoolsFileError(t.notUtf8);
  }
  const header = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const delimiter = header.split(';').length >= header.split(',').length ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new SchoolsFileError(t.unreadable);
    throw error;
  }
  const [head = [], ...body] = records;
  const columns = head.map((name) => headers[fold(name)]);
  for (const needed of ['municipality', 'school'] as const) if (!columns.includes(needed)) throw new SchoolsFileError(t.columns);
  const preview: SchoolsPreview = { rows: body.length, schools: [], invalid: [] };
  body.forEach((record, index) => {
    const line = index + 2;
    const cell = (name: string) => record[columns.indexOf(name as never)] ?? '';
    const flag = (name: 'lowResults' | 'adverseConditions'): boolean | 'bad' => {
      if (!columns.includes(name)) return false;
      const value = fold(cell(name));
      return yes.has(value) ? true : no.has(value) ? false : 'bad';
    };
    const lowResults = flag('lowResults');
    const adverseConditions = flag('adverseConditions');
    if (lowResults === 'bad' || adverseConditions === 'bad') return preview.invalid.push({ line, reason: t.badFlag });
    const school = findSchoolByName(db, cell('municipality'), cell('school'));
    if (!school) return preview.invalid.push({ line, reason: t.unknownSchool(cell('school'), cell('municipality')) });
    if (scope.onlyMunicipalityId !== undefined && school.municipalityId !== scope.onlyMunicipalityId) {
      return preview.invalid.push({ line, reason: t.otherMunicipality });
    }
    preview.schools.push({ line, school, flags: { lowResults, adverseConditions } });
  });
  return preview;
}

/** Marks the valid rows' schools (all, or none when some row is invalid and `skipInvalid` is not set). */
export function importSchools(db: Db, preview: SchoolsPreview, skipInvalid: boolean): number {
  if (preview.invalid.length > 0 && !skipInvalid) return 0;
  db.transaction(() => {
    for (const { school, flags } of preview.schools) setSchoolFlags(db, school.id, flags);
  })();
  return preview.schools.length;
}
