import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../platform/database/database.ts';
import { rebuildRoute } from './rebuild.ts';
import { pendingRouteTeachers } from './store.ts';

/**
 * Before a report on the ИОМ is read (the council's `routes` summary,
 * «Обзор»), the routes that new attempts noted and the background has not
 * rebuilt yet are rebuilt, at most `limit` of them (the rest the refresher takes).
 */
export function settleRoutes(db: Db, limit = 2_000): MiddlewareHandler {
  return async (_c, next) => {
    for (const teacherId of pendingRouteTeachers(db, limit)) rebuildRoute(db, teacherId, 'teacher');
    await next();
  };
}
