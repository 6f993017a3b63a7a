import { Hono } from 'hono';
import type { ApiError } from '../shared/api/errors.ts';
import type { Config } from './config.ts';
import { messages } from './messages.ts';
import { demoJournalRoutes } from './routes/demo-journal.tsx';
import { healthRoutes } from './routes/health.ts';
import type { Db } from './storage/database.ts';

export interface AppDeps {
  db: Db;
  config: Config;
}

/** The whole HTTP surface; `app.request` drives it in tests without a socket. */
export function createApp({ db }: AppDeps) {
  const app = new Hono();
  app.route('/api/v1/health', healthRoutes(db));
  app.route('/demo/journal', demoJournalRoutes(db));
  app.get('/', (c) => c.redirect('/demo/journal'));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'not_found', message: messages.api.notFound } } satisfies ApiError, 404);
    return c.text(messages.api.pageNotFound, 404);
  });
  app.onError((error, c) => {
    console.error(error);
    return c.json({ error: { code: 'internal', message: messages.api.internal } } satisfies ApiError, 500);
  });
  return app;
}
