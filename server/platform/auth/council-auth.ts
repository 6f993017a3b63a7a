import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/api-error.ts';
import { messages } from '../messages.ts';
import type { Db } from '../database/database.ts';
import { findCouncilToken } from '../database/council-token-store.ts';
import { bearerToken } from './teacher-auth.ts';

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
  });
}
