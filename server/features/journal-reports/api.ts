import type { Handler } from 'hono';
import { detectionBatchSchema, journalReportRequestSchema } from '../../../shared/api/journal-reports.ts';
import type { TeacherEnv } from '../../platform/auth/teacher-auth.ts';
import type { Db } from '../../platform/database/database.ts';
import { readJson } from '../../platform/http/validate.ts';
import { addDetectionBatch, insertJournalReport } from './store.ts';

/**
 * The loop back from the field. Both need a connected extension (a teacher's
 * token), so that the open internet cannot fill the tables, but neither stores
 * who sent it: a report and the counts describe pages, not people.
 */
export function journalReportApi(db: Db, now: () => Date = () => new Date()): Record<'sendJournalReport' | 'sendDetectionCounts', Handler<TeacherEnv>> {
  return {
    sendJournalReport: async (c) => {
      const report = await readJson(c, journalReportRequestSchema);
      return c.json({ received: insertJournalReport(db, report, now()) });
    },
    sendDetectionCounts: async (c) => {
      const batch = await readJson(c, detectionBatchSchema);
      return c.json({ received: addDetectionBatch(db, batch, now()) });
    },
  };
}
