import type { StaffScope } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/database/database.ts';
import { prepared } from '../../platform/database/statements.ts';

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

/**
 * A page of the log, newest first, how many entries match, and the actions to filter by.
 * A page after or before a given entry is read from the id index by key (keyset paging),
 * not by skipping every entry before it; `offset` serves a page opened by its number.
 */
export function auditPageOf(
  db: Db,
  scope: StaffScope,
  action: string | null,
  page: { limit: number } & ({ after: number } | { before: number } | { offset: number }),
) {
  const where = scopeWhere(scope);
  const filter = `${where.sql} AND (? IS NULL OR a.action = ?)`;
  const params = [...where.params, action, action];
  const columns = 'a.id, a.at, a.actor, a.action, a.target, a.details_json AS detailsJson FROM audit_log a';
  return db
    .transaction(() => {
      const { total } = prepared(db, `SELECT count(*) AS total FROM audit_log a WHERE ${filter}`).get(...params) as { total: number };
      const rows =
        'after' in page
          ? (prepared(db, `SELECT ${columns} WHERE ${filter} AND a.id < ? ORDER BY a.id DESC LIMIT ?`).all(...params, page.after, page.limit) as AuditRow[])
          : 'before' in page
            ? (
                prepared(db, `SELECT ${columns} WHERE ${filter} AND a.id > ? ORDER BY a.id LIMIT ?`).all(...params, page.before, page.limit) as AuditRow[]
              ).reverse()
            : (prepared(db, `SELECT ${columns} WHERE ${filter} ORDER BY a.id DESC LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset) as AuditRow[]);
      const actions = prepared(db, `SELECT DISTINCT a.action FROM audit_log a WHERE ${where.sql} ORDER BY a.action`)
        .pluck()
        .all(...where.params) as string[];
      return { rows, total, actions };
    })
    .deferred();
}
