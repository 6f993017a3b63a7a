import type { Handler } from 'hono';
import { type RouteItem, type RouteResponse, routeItemUpdateSchema, routeSubmissionSchema } from '../../../shared/api/route.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson } from '../../platform/http/validate.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import { messages } from './messages.ts';
import type { Db } from '../../platform/database/database.ts';
import { settleRoute } from './rebuild.ts';
import { teacherTarget, writeAudit } from '../../platform/database/audit-store.ts';
import { setRouteSubmission, updateRouteItem } from './store.ts';
import { routeItemsView, routeView } from './view.ts';

const t = messages.route;

/**
 * The teacher's ИОМ: `getRoute` reads the stored route (rebuilt first only
 * if something it depends on changed since: rebuild.ts), `updateRouteItem`
 * and `submitRoute` (согласование).
 */
export function routeApi(db: Db): Record<'getRoute' | 'updateRouteItem' | 'submitRoute', Handler<TeacherEnv>> {
  return {
    getRoute: (c) => {
      const { teacherId } = c.get('device');
      const state = settleRoute(db, teacherId);
      return c.json(routeView(db, teacherId, { includePrivate: true }, state) satisfies RouteResponse);
    },
    updateRouteItem: async (c) => {
      const update = await readJson(c, routeItemUpdateSchema);
      const { teacherId } = c.get('device');
      const id = c.req.param('id')!;
      const outcome = updateRouteItem(db, teacherId, id, update);
      if (!outcome.ok) {
        if (outcome.refused === 'notFound') throw new ApiError(404, 'route_item_not_found', t.itemNotFound);
        throw new ApiError(409, `route_item_${outcome.refused}`, t[outcome.refused]);
      }
      // The согласование's record: what the teacher decided. A private item's decision stays out of it.
      if (!outcome.item.private) {
        writeAudit(db, {
          actor: teacherTarget(teacherId),
          action: 'route.item.update',
          target: teacherTarget(teacherId),
          details: { item: id, ...update },
        });
      }
      const item = routeItemsView(db, teacherId, { includePrivate: true }).find((i) => i.id === id)!;
      return c.json(item satisfies RouteItem);
    },
    submitRoute: async (c) => {
      const { submit } = await readJson(c, routeSubmissionSchema);
      const { teacherId } = c.get('device');
      settleRoute(db, teacherId);
      const state = setRouteSubmission(db, teacherId, submit);
      if (!state) throw new ApiError(409, 'route_not_built', t.notBuilt);
      writeAudit(db, {
        actor: teacherTarget(teacherId),
        action: submit ? 'route.submit' : 'route.withdraw',
        target: teacherTarget(teacherId),
        details: { state },
      });
      return c.json(routeView(db, teacherId, { includePrivate: true }) satisfies RouteResponse);
    },
  };
}
