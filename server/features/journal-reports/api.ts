import type { Handler } from 'hono';
import { detectionBatchSchema, journalReportRequestSchema } from '../../../shared/api/journal-reports.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import type { Db } from '../../platform/database/database.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { fixedWindows } from '../../platform/http/rate-limit.ts';
import { readJson } from '../../platform/http/validate.ts';
import { messages } from './messages.ts';
import { addDetectionBatch, insertJournalReport } from './store.ts';

/**
 * How much one device may send: a teacher reports a page now and then, and the counts come in hourly
 * batches (more after the device was offline). Over it the device gets 429, which its outbox retries
 * later; a stolen token cannot fill the tables.
 */
export const fieldLimits = {
  reports: { limit: 20, windowMs: 24 * 60 * 60_000 },
  batches: { limit: 60, windowMs: 60 * 60_000 },
};

/**
 * The loop back from the field. Both need a connected extension (a teacher's
 * token), so that the open internet cannot fill the tables, but neither stores
 * who sent it: a report and the counts describe pages, not people.
 */
export function journalReportApi(
  db: Db,
  { now = () => new Date(), limits = fieldLimits }: { now?: () => Date; limits?: typeof fieldLimits } = {},
): Record<'sendJournalReport' | 'sendDetectionCounts', Handler<TeacherEnv>> {
  const reports = fixedWindows(limits.reports);
  const batches = fixedWindows(limits.batches);
  const within = (counter: ReturnType<typeof fixedWindows>, deviceId: number) => {
    const seconds = counter.hit(String(deviceId));
    if (seconds !== undefined) throw new ApiError(429, 'too_many_requests', messages.rateLimit.tooMany(seconds));
  };
  return {
    sendJournalReport: async (c) => {
      within(reports, c.get('device').deviceId);
      const report = await readJson(c, journalReportRequestSchema);
      return c.json({ received: insertJournalReport(db, report, now()) });
    },
    sendDetectionCounts: async (c) => {
      within(batches, c.get('device').deviceId);
      const batch = await readJson(c, detectionBatchSchema);
      return c.json({ received: addDetectionBatch(db, batch, now()) });
    },
  };
}
