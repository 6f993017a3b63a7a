import { messages as platform } from '../../platform/messages.ts';

/**
 * The teacher's ИОМ.
 */
export const messages = {
  ...platform,
  // The teacher's ИОМ (server/features/route/api.ts, server/features/route/seed-route.ts).
  route: {
    itemNotFound: 'Такого пункта в вашем маршруте нет.',
  },
} as const;
