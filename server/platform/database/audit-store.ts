import { type Db, now } from './database.ts';

/** Who did it: `cli`, `teacher:ID`, later `staff:login`. */
export interface AuditEntry {
  actor: string;
  action: string;
  /** What it was done to: `teacher:ID`, `staff:ID`, `council_token:ID`; empty for the whole installation. */
  target?: string;
  details?: Record<string, unknown>;
}

export function writeAudit(db: Db, entry: AuditEntry, at: string = now()): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, target, details_json) VALUES (?, ?, ?, ?, ?)').run(
    at,
    entry.actor,
    entry.action,
    entry.target ?? '',
    JSON.stringify(entry.details ?? {}),
  );
}

export const teacherTarget = (teacherId: number) => `teacher:${teacherId}`;
