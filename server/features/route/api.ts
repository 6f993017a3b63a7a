import { Hono } from 'hono';
import { type RouteItem, type RouteResponse, routeItemUpdateSchema } from '../../../shared/api/route.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { readJson } from '../../platform/http/validate.ts';
import { type TeacherEnv, teacherAuth } from '../../platform/auth/teacher-auth.ts';
import { messages } from '../../messages.ts';
import { recommendationsFor } from './seed-route.ts';
import type { Db } from '../../platform/database/database.ts';
import { ensureRoute, updateRouteItem } from './store.ts';

/** `GET /api/v1/me/route` and `PUT /api/v1/me/route/items/:id`: the teacher's ИОМ. */
export function routeApi(db: Db) {
  return new Hono<TeacherEnv>()
    .use(teacherAuth(db))
    .get('/', (c) => {
      const { teacherId } = c.get('device');
      const items = ensureRoute(db, teacherId, () => recommendationsFor(db, teacherId));
      return c.json({ items } satisfies RouteResponse);
    })
    .put('/items/:id', async (c) => {
      const update = await readJson(c, routeItemUpdateSchema);
      const item = updateRouteItem(db, c.get('device').teacherId, c.req.param('id'), update);
      if (!item) throw new ApiError(404, 'route_item_not_found', messages.route.itemNotFound);
      return c.json(item satisfies RouteItem);
    });
}
