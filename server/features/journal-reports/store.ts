import type { DetectionBatch, DetectionCounts, JournalReportRequest, PageSkeletonWire } from '../../../shared/api/journal-reports.ts';
import type { Db } from '../../platform/database/database.ts';

/** A stored report, as the «Журналы» page shows it. */
export interface StoredJournalReport {
  id: string;
  journal: string;
  host: string;
  reason: JournalReportRequest['reason'];
  skeleton: PageSkeletonWire;
  receivedAt: string;
}

export type StoredCounts = DetectionCounts & { updatedAt: string };

/** Stores a report once: the same id again changes nothing. Returns whether it was new. */
export function insertJournalReport(db: Db, report: JournalReportRequest, at: Date): boolean {
  const result = db
    .prepare('INSERT OR IGNORE INTO journal_reports (id, journal, host, reason, skeleton_json, received_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(report.id, report.journal, report.host, report.reason, JSON.stringify(report.skeleton), at.toISOString());
  return result.changes > 0;
}

/** Adds a batch of counts once: a batch already received (same id) adds nothing. Returns whether it was new. */
export function addDetectionBatch(db: Db, batch: DetectionBatch, at: Date): boolean {
  const upsert = db.prepare(`
    INSERT INTO journal_detection_counts (journal, host, pages_seen, identity_read, confirmed, corrected, launcher_failed, updated_at)
    VALUES (@journal, @host, @pagesSeen, @identityRead, @confirmed, @corrected, @launcherFailed, @at)
    ON CONFLICT (journal, host) DO UPDATE SET
      pages_seen = pages_seen + excluded.pages_seen,
      identity_read = identity_read + excluded.identity_read,
      confirmed = confirmed + excluded.confirmed,
      corrected = corrected + excluded.corrected,
      launcher_failed = launcher_failed + excluded.launcher_failed,
      updated_at = excluded.updated_at`);
  return db.transaction(() => {
    const fresh = db.prepare('INSERT OR IGNORE INTO journal_detection_batches (id, received_at) VALUES (?, ?)').run(batch.id, at.toISOString()).changes > 0;
    if (!fresh) return false;
    for (const counts of batch.counts) upsert.run({ ...counts, at: at.toISOString() });
    return true;
  })();
}

export function detectionCounts(db: Db): StoredCounts[] {
  return db
    .prepare(
      `SELECT journal, host, pages_seen AS pagesSeen, identity_read AS identityRead, confirmed, corrected,
              launcher_failed AS launcherFailed, updated_at AS updatedAt
       FROM journal_detection_counts ORDER BY journal, host`,
    )
    .all() as StoredCounts[];
}

type ReportRow = Omit<StoredJournalReport, 'skeleton'> & { skeletonJson: string };
const reportColumns = 'id, journal, host, reason, skeleton_json AS skeletonJson, received_at AS receivedAt';
const reportOf = ({ skeletonJson, ...row }: ReportRow): StoredJournalReport => ({ ...row, skeleton: JSON.parse(skeletonJson) as PageSkeletonWire });

/** The latest reports, newest first. */
export function latestJournalReports(db: Db, limit: number): StoredJournalReport[] {
  return (db.prepare(`SELECT ${reportColumns} FROM journal_reports ORDER BY received_at DESC, id LIMIT ?`).all(limit) as ReportRow[]).map(reportOf);
}

export function journalReportById(db: Db, id: string): StoredJournalReport | undefined {
  const row = db.prepare(`SELECT ${reportColumns} FROM journal_reports WHERE id = ?`).get(id) as ReportRow | undefined;
  return row && reportOf(row);
}
