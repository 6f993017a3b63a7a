import type { Db } from '../../../platform/database/database.ts';
import { prepared } from '../../../platform/database/statements.ts';

/** How the ИОМ summary groups its rows. */
export const routeGroupings = ['municipality', 'school'] as const;
export type RouteGrouping = (typeof routeGroupings)[number];

/** What the ИОМ counts, per unit (countRoutes) or per school and experience band (the summaries' base). */
export interface RouteMeasures {
  withRoute: number;
  agreed: number;
  teachersDone: number;
  itemsDone: number;
  deficitsAtFirst: number;
  deficitsClosed: number;
}

/** One unit's ИОМ counts, as counted from the stored routes and attempts (countRoutes). */
export interface RouteCounts extends RouteMeasures {
  /** Units whose rows add up to a total published elsewhere (the schools of one municipality). */
  groupId: number;
  municipality: string;
  school?: string;
  roster: number;
}

/** The учебный год of an ISO timestamp column, in SQL (as the aggregates' trigger computes it: 1 September starts it). */
const periodOf = (column: string) => `CASE WHEN substr(${column}, 6, 2) >= '09'
    THEN substr(${column}, 1, 4) || '-' || (CAST(substr(${column}, 1, 4) AS INTEGER) + 1)
    ELSE (CAST(substr(${column}, 1, 4) AS INTEGER) - 1) || '-' || substr(${column}, 1, 4) END`;

/**
 * Per teacher of the scope: whether they have a ИОМ built from a diagnostic
 * and whether it is agreed (both as they are now, like the roster), the items
 * they marked done in the period (never the private one), and per competency
 * the level at their first and at their last diagnostic of the period that
 * scored it: a deficit closed is a deficit at the first and `noDeficit` at a
 * later last one.
 */
export const routeCountsSql = `
  WITH scored AS (
    SELECT a.teacher_id AS teacherId, sc.area, sc.level, a.completed_at AS at, a.seq
    FROM attempts a JOIN attempt_scores sc ON sc.attempt_seq = a.seq
    WHERE sc.area <> 'wellbeing' AND sc.score IS NOT NULL AND ${periodOf('a.completed_at')} = @period
  ),
  ranked AS (
    SELECT teacherId, area, level, seq,
      row_number() OVER (PARTITION BY teacherId, area ORDER BY at, seq) AS fromFirst,
      row_number() OVER (PARTITION BY teacherId, area ORDER BY at DESC, seq DESC) AS fromLast
    FROM scored
  ),
  closure AS (
    SELECT f.teacherId,
      sum(f.level IN ('highDeficit', 'moderateDeficit')) AS deficitsAtFirst,
      sum(f.level IN ('highDeficit', 'moderateDeficit') AND l.level = 'noDeficit' AND l.seq <> f.seq) AS deficitsClosed
    FROM ranked f JOIN ranked l ON l.teacherId = f.teacherId AND l.area = f.area AND l.fromLast = 1
    WHERE f.fromFirst = 1
    GROUP BY f.teacherId
  ),
  done AS (
    SELECT teacher_id AS teacherId, count(*) AS items FROM route_items
    WHERE private = 0 AND status = 'done' AND done_at IS NOT NULL AND ${periodOf('done_at')} = @period
    GROUP BY teacher_id
  )
  SELECT t.id, t.school_id AS schoolId,
    coalesce(r.diagnosed, 0) AS withRoute,
    coalesce(r.diagnosed = 1 AND r.agreement = 'agreed', 0) AS agreed,
    coalesce(d.items, 0) AS itemsDone,
    coalesce(c.deficitsAtFirst, 0) AS deficitsAtFirst,
    coalesce(c.deficitsClosed, 0) AS deficitsClosed
  FROM teachers t
  LEFT JOIN routes r ON r.teacher_id = t.id
  LEFT JOIN done d ON d.teacherId = t.id
  LEFT JOIN closure c ON c.teacherId = t.id`;

/**
 * The ИОМ counts per unit (municipality, or school) of the scope: the one
 * counting function, from the stored routes and attempts, that both the
 * council's summary and «Обзор» read. Units with nobody on the roster are left out.
 */
export function countRoutes(db: Db, { period, by, municipalityId }: { period: string; by: RouteGrouping; municipalityId?: number }): RouteCounts[] {
  const unit = by === 'school' ? `s.municipality_id AS groupId, m.name AS municipality, s.name AS school` : `0 AS groupId, m.name AS municipality`;
  const groupBy = by === 'school' ? 's.id' : 'm.id';
  const order = by === 'school' ? 'm.name, s.municipality_id, s.name, s.id' : 'm.name, m.id';
  return prepared(
    db,
    `SELECT ${unit}, count(*) AS roster, sum(p.withRoute) AS withRoute, sum(p.agreed) AS agreed,
       sum(p.itemsDone > 0) AS teachersDone, sum(p.itemsDone) AS itemsDone,
       sum(p.deficitsAtFirst) AS deficitsAtFirst, sum(p.deficitsClosed) AS deficitsClosed
     FROM (${routeCountsSql}) p JOIN schools s ON s.id = p.schoolId JOIN municipalities m ON m.id = s.municipality_id
     WHERE @municipalityId IS NULL OR s.municipality_id = @municipalityId
     GROUP BY ${groupBy} ORDER BY ${order}`,
  ).all({ period, municipalityId: municipalityId ?? null }) as RouteCounts[];
}
