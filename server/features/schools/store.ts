import type { StaffScope } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';

/**
 * Schools with the flags that target help (seed 004): ШНОР, a school with low
 * results (`lowResults`), and a school in adverse social conditions
 * (`adverseConditions`). Set on a school's page or by the schools' CSV import.
 */

export const schoolFlags = ['lowResults', 'adverseConditions'] as const;
export type SchoolFlag = (typeof schoolFlags)[number];
export type SchoolFlags = Record<SchoolFlag, boolean>;

/** The column of each flag: a closed list, so a flag can be put into SQL by name. */
export const schoolFlagColumns: Record<SchoolFlag, string> = { lowResults: 'low_results', adverseConditions: 'adverse_conditions' };

export function isSchoolFlag(value: unknown): value is SchoolFlag {
  return (schoolFlags as readonly unknown[]).includes(value);
}

export interface SchoolRow extends SchoolFlags {
  id: number;
  name: string;
  municipalityId: number;
  municipality: string;
  teachers: number;
}

type RawSchool = Omit<SchoolRow, SchoolFlag> & { lowResults: number; adverseConditions: number };

const schoolColumns = `s.id, s.name, s.municipality_id AS municipalityId, m.name AS municipality,
  s.low_results AS lowResults, s.adverse_conditions AS adverseConditions,
  (SELECT count(*) FROM teachers t WHERE t.school_id = s.id AND t.erased_at IS NULL) AS teachers
  FROM schools s JOIN municipalities m ON m.id = s.municipality_id`;

function toSchool(row: RawSchool): SchoolRow {
  return { ...row, lowResults: row.lowResults === 1, adverseConditions: row.adverseConditions === 1 };
}

/** The schools a scope covers, by municipality and name; only those with the flag when one is given. */
export function listSchools(db: Db, scope: StaffScope, filter: { flag?: SchoolFlag | undefined; municipalityId?: number | undefined }): SchoolRow[] {
  const flagWhere = filter.flag ? `AND s.${schoolFlagColumns[filter.flag]} = 1` : '';
  const municipalityId = scope.kind === 'methodist' ? scope.municipalityId : (filter.municipalityId ?? null);
  return (
    prepared(db, `SELECT ${schoolColumns} WHERE (@municipalityId IS NULL OR s.municipality_id = @municipalityId) ${flagWhere} ORDER BY m.name, s.name`).all({
      municipalityId,
    }) as RawSchool[]
  ).map(toSchool);
}

export function findSchool(db: Db, id: number): SchoolRow | undefined {
  const row = prepared(db, `SELECT ${schoolColumns} WHERE s.id = ?`).get(id) as RawSchool | undefined;
  return row && toSchool(row);
}

export function setSchoolFlags(db: Db, id: number, flags: SchoolFlags): void {
  prepared(db, 'UPDATE schools SET low_results = ?, adverse_conditions = ? WHERE id = ?').run(flags.lowResults ? 1 : 0, flags.adverseConditions ? 1 : 0, id);
}

/** A school by its municipality's and its own name (the schools' CSV names them so). */
export function findSchoolByName(db: Db, municipality: string, name: string): SchoolRow | undefined {
  const row = prepared(db, `SELECT ${schoolColumns} WHERE m.name = ? AND s.name = ?`).get(municipality, name) as RawSchool | undefined;
  return row && toSchool(row);
}

export function municipalityName(db: Db, id: number): string | undefined {
  return prepared(db, 'SELECT name FROM municipalities WHERE id = ?').pluck().get(id) as string | undefined;
}
