import type { Handler } from 'hono';
import type { HealthResponse } from '../../../shared/api/health.ts';
import { type Db, databasePing } from '../../platform/database/database.ts';
import { version } from '../../platform/version.ts';

/** `health`: the server answers and so does its database. */
export function healthApi(db: Db): { health: Handler } {
  const ping = databasePing(db);
  return {
    health: (c) => {
      ping();
      return c.json({ status: 'ok', version, time: new Date().toISOString() } satisfies HealthResponse);
    },
  };
}
