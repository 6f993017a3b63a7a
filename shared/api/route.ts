import { z } from 'zod';
import { withoutControlCharacters } from '../schemas/input.ts';
import { activityKinds, competencyIds } from '../competencies.ts';
import { idSchema } from '../schemas/framework.ts';
import { isoDateSchema } from '../schemas/program.ts';
import type { Endpoint } from './endpoint.ts';

export const routeItemStatuses = ['suggested', 'accepted', 'postponed', 'done'] as const;
export type RouteItemStatus = (typeof routeItemStatuses)[number];

/** One entry of the teacher's ИОМ: a programme run or another activity, for one competency. */
export const routeItemSchema = z.object({
  id: idSchema,
  competency: z.enum(competencyIds),
  kind: z.enum(activityKinds),
  programId: idSchema.nullable(),
  runId: idSchema.nullable(),
  /** Why the item is in the route, in a sentence the teacher reads. */
  reason: z.string(),
  status: z.enum(routeItemStatuses),
  plannedDate: isoDateSchema.nullable(),
  updatedAt: z.iso.datetime(),
});
export type RouteItem = z.infer<typeof routeItemSchema>;

export const routeResponseSchema = z.object({
  items: z.array(routeItemSchema),
});
export type RouteResponse = z.infer<typeof routeResponseSchema>;

/**
 * `PUT /api/v1/me/route/items/:id`. The teacher moves an item on; a
 * suggestion cannot be made again. `plannedDate` omitted keeps the date,
 * null clears it.
 */
export const routeItemUpdateSchema = withoutControlCharacters(
  z.strictObject({
    status: z.enum(['accepted', 'postponed', 'done']),
    plannedDate: isoDateSchema.nullable().optional(),
  }),
);
export type RouteItemUpdate = z.infer<typeof routeItemUpdateSchema>;

export const routeEndpoints = {
  getRoute: {
    method: 'get',
    path: '/api/v1/me/route',
    summary: 'Индивидуальный образовательный маршрут педагога (ИОМ)',
    auth: 'teacher',
    response: { status: 200, schema: routeResponseSchema },
  },
  updateRouteItem: {
    method: 'put',
    path: '/api/v1/me/route/items/:id',
    summary: 'Принять, отложить или отметить выполненным пункт маршрута',
    auth: 'teacher',
    body: routeItemUpdateSchema,
    response: { status: 200, schema: routeItemSchema },
  },
} as const satisfies Record<string, Endpoint>;
