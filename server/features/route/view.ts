import type { RouteAgreementState, RouteCourse, RouteItem, RouteResponse } from '../../../shared/api/route.ts';
import type { Db } from '../../platform/database/database.ts';
import { liveEnrollmentsByRun } from '../catalogue/enrollment-store.ts';
import { findListedProgram, type StoredProgram } from '../catalogue/program-store.ts';
import { indicatorTitle } from './rebuild.ts';
import { type ItemFilter, listRouteItems, type RouteItemRow, type RouteState, readRouteState } from './store.ts';

/** A course item's programme and run as the catalogue has them now (seats left are current), and the teacher's sign-up. */
function courseOf(row: RouteItemRow, program: StoredProgram | undefined, enrollments: ReturnType<typeof liveEnrollmentsByRun>): RouteCourse | null {
  if (row.kind !== 'course' || !program) return null;
  const run = program.runs.find((r) => r.id === row.runId);
  const mine = program.runs.map((r) => enrollments.get(r.id)).find((e) => e !== undefined);
  return {
    title: program.title,
    provider: program.provider,
    hours: program.hours,
    format: program.format,
    start: run?.start ?? null,
    end: run?.end ?? null,
    seats: run?.seats ?? null,
    seatsLeft: run ? Math.max(0, run.seats - run.seatsTaken) : null,
    enrollment: mine ? { id: mine.id, runId: mine.runId, status: mine.status, waitlistPosition: mine.waitlistPosition } : null,
  };
}

/** Items as the wire and the admin pages show them; programmes from the catalogue's kept listing (findListedProgram), not read a statement each. */
export function routeItemsView(db: Db, teacherId: number, filter: ItemFilter): RouteItem[] {
  const rows = listRouteItems(db, teacherId, filter);
  const programs = new Map<string, StoredProgram | undefined>();
  for (const row of rows) if (row.programId && !programs.has(row.programId)) programs.set(row.programId, findListedProgram(db, row.programId));
  const enrollments = liveEnrollmentsByRun(
    db,
    teacherId,
    [...programs.values()].flatMap((p) => p?.runs.map((r) => r.id) ?? []),
  );
  return rows.map((row) => itemView(row, courseOf(row, row.programId ? programs.get(row.programId) : undefined, enrollments)));
}

export function itemView(row: RouteItemRow, course: RouteCourse | null): RouteItem {
  return {
    id: row.id,
    competency: row.competency,
    kind: row.kind,
    programId: row.programId,
    runId: row.runId,
    reason: row.reason,
    description: row.description,
    indicators: row.indicators.map((id) => ({ id, title: indicatorTitle(id) })),
    status: row.status,
    plannedDate: row.plannedDate,
    plannedMonth: row.plannedMonth,
    private: row.private,
    retired: row.retiredAt === null ? null : { at: row.retiredAt, reason: row.retiredReason ?? '' },
    course,
    evidence: row.evidence && { ...row.evidence, confirmedAt: row.evidenceConfirmedAt },
    comment: row.comment === null || row.commentAt === null ? null : { text: row.comment, at: row.commentAt },
    updatedAt: row.updatedAt,
  };
}

/** The whole ИОМ as the teacher reads it (private items included when `filter` says so); `state` where the caller has just read it (settleRoute). */
export function routeView(db: Db, teacherId: number, filter: ItemFilter, state: RouteState | undefined = readRouteState(db, teacherId)): RouteResponse {
  const agreement: RouteAgreementState = state?.agreement ?? 'draft';
  return {
    diagnosed: state?.diagnosed ?? false,
    version: state?.version ?? 0,
    builtAt: state?.builtAt ?? null,
    agreement: { state: agreement, agreedAt: state?.agreedAt ?? null, agreedVersion: state?.agreedVersion ?? null },
    items: routeItemsView(db, teacherId, filter),
  };
}
