import type { StaffScope } from '../../platform/auth/scope.ts';

/**
 * Who may pair teachers: the regional administrator anywhere, a methodist in
 * her municipality, and a school's coordinator (координатор наставничества)
 * in her school only. The coordinator is a scope of this feature: she is
 * granted one school and sees nothing of the municipality's other pages.
 */
export type MentoringScope = StaffScope;

/** Where a teacher works, as the pairing rules look at it. */
export interface MentoringPlace {
  municipalityId: number;
  schoolId: number;
}

export function canPairTeacher(scope: MentoringScope, place: MentoringPlace): boolean {
  switch (scope.kind) {
    case 'admin':
      return true;
    case 'methodist':
      return scope.municipalityId === place.municipalityId;
    case 'coordinator':
      return scope.schoolId === place.schoolId;
    case 'council':
      // The expert council never sees or pairs a teacher.
      return false;
  }
}

/** The WHERE fragment limiting a `schools` alias to what the scope covers, with its parameters. */
export function schoolFilter(scope: MentoringScope, alias = 's'): { sql: string; params: number[] } {
  switch (scope.kind) {
    case 'admin':
      return { sql: '1 = 1', params: [] };
    case 'methodist':
      return { sql: `${alias}.municipality_id = ?`, params: [scope.municipalityId] };
    case 'coordinator':
      return { sql: `${alias}.id = ?`, params: [scope.schoolId] };
    case 'council':
      return { sql: '1 = 0', params: [] };
  }
}
