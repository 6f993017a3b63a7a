import type { StaffScope } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/database/database.ts';

/** The audit log as the staff read it (platform/database/audit-store.ts writes it). */

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detailsJson: string;
}

function scopeWhere(scope: StaffScope): { sql: string; params: number[] } {
  if (scope.kind === 'admin') return { sql: '1 = 1', params: [] };
  return {
    sql: `(a.actor IN (SELECT 'staff:' || login FROM staff WHERE municipality_id = ?)
       OR a.target IN (SELECT 'teacher:' || t.id FROM teachers t JOIN schools s ON s.id = t.school_id WHERE s.municipality_id = ?))`,
    params: [scope.municipalityId, scope.municipalityId],
  };
}

export function auditPageOf(db: Db, scope: StaffScope, action: string | null, page: number, pageSize: number) {
  const where = scopeWhere(scope);
  const filter = `${where.sql} AND (? IS NULL OR a.action = ?)`;
  const params = [...where.params, action, action];
  return db
    .transaction(() => {
      const { total } = db.prepare(`SELECT count(*) AS total FROM audit_log a WHERE ${filter}`).get(...params) as { total: number };
      const rows = db
        .prepare(
          `SELECT a.id, a.at, a.actor, a.action, a.target, a.details_json AS detailsJson FROM audit_log a
           WHERE ${filter} ORDER BY a.id DESC LIMIT ? OFFSET ?`,
        )
        .all(...params, pageSize, (page - 1) * pageSize) as AuditRow[];
      const actions = (
        db.prepare(`SELECT DISTINCT a.action FROM audit_log a WHERE ${where.sql} ORDER BY a.action`).all(...where.params) as { action: string }[]
      ).map((row) => row.action);
      return { rows, total, actions };
    })
    .deferred();
}
