import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/api-error.ts';
import { messages } from '../messages.ts';
import type { Db } from '../database/database.ts';
import { findCouncilToken } from '../database/council-token-store.ts';
import { bearerToken } from './teacher-auth.ts';
import { writeAudit } from '../database/audit-store.ts';

export type CouncilEnv = { Variables: { council: { id: number; name: string } } };

/**
 * Lets through only requests with a live council token. Device tokens of
 * teachers live in another table, so they are refused here like any
 * unknown token; a revoked council token is refused at once.
 */
export function councilAuth(db: Db) {
  return createMiddleware<CouncilEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new ApiError(401, 'unauthorized', messages.reports.noCouncilToken);
    const council = findCouncilToken(db, token);
    if (!council) throw new ApiError(401, 'unauthorized', messages.reports.badCouncilToken);
    c.set('council', council);
    await next();
    // Every pull the council makes is kept: which token, when, which summary, period and grouping.
    if (c.res.status < 400) {
      const url = new URL(c.req.url);
      writeAudit(db, {
        actor: `council_token:${council.id}`,
        action: 'council.pull',
        target: `council_token:${council.id}`,
        details: {
          summary: url.pathname.split('/').pop() ?? '',
          ...Object.fromEntries(['period', 'by'].flatMap((key) => (url.searchParams.has(key) ? [[key, url.searchParams.get(key)]] : []))),
        },
      });
    }
  });
}
