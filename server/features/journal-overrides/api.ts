import type { Handler } from 'hono';
import { etag } from 'hono/etag';
import type { Db } from '../../platform/database/database.ts';
import { publishedOverridesJson } from './store.ts';

/**
 * `GET /api/v1/journal-overrides`: public, since it holds no personal data and
 * every extension asks for it, signed in or not. Browsers may keep it five
 * minutes and then revalidate with the ETag.
 */
export function journalOverrideApi(db: Db): { getJournalOverrides: [ReturnType<typeof etag>, Handler] } {
  return {
    getJournalOverrides: [
      etag(),
      (c) => {
        c.header('Cache-Control', 'public, max-age=300');
        c.header('Content-Type', 'application/json; charset=UTF-8');
        return c.body(publishedOverridesJson(db));
      },
    ],
  };
}
