import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../platform/database/database.ts';
import { applyPendingStandings, hasPendingStandings } from './store/pending.ts';

/**
 * Before a page or summary is read, applies the attempts still waiting for the
 * aggregates (pending.ts), so that what a methodist reads includes the
 * diagnostic a teacher finished a moment ago. At most `budget` of them (about
 * 0.3 ms each, so teachers' requests wait at most about 60 ms): right after a
 * peak the reader gets the page at once, a little behind (the report pages say
 * so), rather than after all of the peak's work.
 */
export function settleReports(db: Db, budget = 200): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' && hasPendingStandings(db)) applyPendingStandings(db, budget);
    await next();
  };
}
