import { Hono } from 'hono';
import type { HealthResponse } from '../../../shared/api/health.ts';
import { type Db, databasePing } from '../../platform/database/database.ts';
import { version } from '../../platform/version.ts';

export function healthApi(db: Db) {
  const ping = databasePing(db);
  return new Hono().get('/', (c) => {
    ping();
    return c.json({ status: 'ok', version, time: new Date().toISOString() } satisfies HealthResponse);
  });
}
