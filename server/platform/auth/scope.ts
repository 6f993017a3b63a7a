import type { AreaId } from '../../../shared/competencies.ts';

/**
 * Who may see what, as plain functions the admin pages and the council's
 * exports call before they read:
 * - a regional admin sees every teacher of the republic;
 * - a methodist sees only the teachers of their own municipality;
 * - the expert council sees aggregates only, never a single teacher, and
 *   no aggregate over so few teachers that it would describe one (fewer
 *   than the configured minGroup: server/features/summaries/suppression.ts,
 *   which the staff's report pages apply too);
 * - burnout screening (wellbeing) is never shown per teacher to anyone but
 *   the teacher (docs/DOMAIN.md), so staff get it only aggregated too.
 * Teachers themselves are scoped by their device token (teacher-auth.ts).
 */

/** A council member signed in to the admin (role `council`): the republic's aggregates, never a teacher. */
export type CouncilStaffScope = { kind: 'council'; staffId: number };
/** A school's координатор наставничества (role `coordinator`): «Наставничество» for her school, nothing else (server/features/mentoring/access.ts). */
export type CoordinatorScope = { kind: 'coordinator'; staffId: number; municipalityId: number; schoolId: number };
export type StaffScope =
  | { kind: 'admin'; staffId: number }
  | { kind: 'methodist'; staffId: number; municipalityId: number }
  | CouncilStaffScope
  | CoordinatorScope;
export type Scope = StaffScope | { kind: 'council'; tokenId: number };

/** Where a teacher belongs: what scope checks look at. */
export interface TeacherPlace {
  municipalityId: number;
  /** Set when the teacher erased their personal data: then there is no person left to show. */
  erasedAt?: string | null;
}

/** May this scope open the page of one teacher (their deficits, route, sign-ups)? */
export function canSeeTeacher(scope: Scope, teacher: TeacherPlace): boolean {
  if (teacher.erasedAt) return false;
  switch (scope.kind) {
    case 'admin':
      return true;
    case 'methodist':
      return scope.municipalityId === teacher.municipalityId;
    case 'council':
    case 'coordinator':
      // A coordinator opens no teacher's page: she pairs her school's teachers on «Наставничество» only.
      return false;
  }
}

/** May this scope see one teacher's result in this area? Competencies yes, wellbeing never. */
export function canSeeTeacherArea(scope: Scope, teacher: TeacherPlace, area: AreaId): boolean {
  return area !== 'wellbeing' && canSeeTeacher(scope, teacher);
}

/**
 * The municipalities whose teachers (staff) or aggregates (council) this
 * scope covers: `all`, or a list of ids.
 */
export function visibleMunicipalities(scope: Scope): 'all' | number[] {
  return scope.kind === 'methodist' || scope.kind === 'coordinator' ? [scope.municipalityId] : 'all';
}

/** May this scope see aggregates (counts, averages, demand) of a municipality, or of the republic (`null`)? */
export function canSeeAggregate(scope: Scope, municipalityId: number | null): boolean {
  const visible = visibleMunicipalities(scope);
  return visible === 'all' || (municipalityId !== null && visible.includes(municipalityId));
}

/**
 * A WHERE fragment limiting `teachers` (aliased `alias`, joined to its
 * school as `school_alias`) to what a staff scope may list, with its
 * parameters. The council has no teacher lists: asking is a programming
 * error, so it throws.
 */
export function teacherListFilter(scope: Scope, schoolAlias = 's'): { sql: string; params: number[] } {
  if (scope.kind === 'council') throw new Error('the council never lists single teachers');
  if (scope.kind === 'admin') return { sql: '1 = 1', params: [] };
  if (scope.kind === 'coordinator') return { sql: `${schoolAlias}.id = ?`, params: [scope.schoolId] };
  return { sql: `${schoolAlias}.municipality_id = ?`, params: [scope.municipalityId] };
}

/** The scope of a staff account: what its role and municipality let it see. */
export function scopeOf(staff: {
  id: number;
  role: 'admin' | 'methodist' | 'council' | 'coordinator';
  municipalityId: number | null;
  schoolId?: number | null;
}): StaffScope {
  switch (staff.role) {
    case 'admin':
      return { kind: 'admin', staffId: staff.id };
    case 'council':
      return { kind: 'council', staffId: staff.id };
    case 'coordinator':
      return { kind: 'coordinator', staffId: staff.id, municipalityId: staff.municipalityId!, schoolId: staff.schoolId! };
    case 'methodist':
      return { kind: 'methodist', staffId: staff.id, municipalityId: staff.municipalityId! };
    default:
      // A role this code does not know is no methodist of anything: refuse rather than guess.
      throw new Error(`unknown staff role: ${String((staff as { role: unknown }).role)}`);
  }
}
