import type { MiddlewareHandler } from 'hono';

type TimeZoneEnv = { Variables: { timeZone: string } };
import { contextStorage, tryGetContext } from 'hono/context-storage';
import { defaultTimeZone } from '../../../shared/format/russian.ts';

/**
 * The deployment's time zone (PROFROST_TIME_ZONE) for the times the admin pages show. It is
 * kept with the request, so that a page's components, which format times deep inside the
 * markup, write them in that zone without each page passing it down.
 */
export function adminTimeZone(timeZone: string): MiddlewareHandler<TimeZoneEnv>[] {
  return [
    contextStorage(),
    async (c, next) => {
      c.set('timeZone', timeZone);
      await next();
    },
  ];
}

/** The zone of the request being answered; Europe/Moscow outside one (a test rendering a component). */
export function currentTimeZone(): string {
  return tryGetContext<TimeZoneEnv>()?.var.timeZone ?? defaultTimeZone;
}
