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

/** What the page is narrowed to: an action, a person (an actor as stored), and a span of days (YYYY-MM-DD, inclusive). */
export interface AuditFilter {
  action: string | null;
  actor: string | null;
  from: string | null;
  to: string | null;
}

function scopeWhere(scope: StaffScope): { sql: string; params: number[] } {
  if (scope.kind === 'admin') return { sql: '1 = 1', params: [] };
  // The council's role never reaches the log (admin.ts keeps it to the council's pages): nothing.
  if (scope.kind === 'council') return { sql: '0 = 1', params: [] };
  return {
    sql: `(a.actor IN (SELECT 'staff:' || login FROM staff WHERE municipality_id = ?)
       OR a.target IN (SELECT 'teacher:' || t.id FROM teachers t JOIN schools s ON s.id = t.school_id WHERE s.municipality_id = ?))`,
    params: [scope.municipalityId, scope.municipalityId],
  };
}

/** The day after a YYYY-MM-DD day, so that `to` takes the whole of its day. */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * A page of the log, newest first, how many entries match, and the actions and people to filter by.
 * A page after or before a given entry is read from the id index by key (keyset paging),
 * not by skipping every entry before it; `offset` serves a page opened by its number.
 */
export function auditPageOf(
  db: Db,
  scope: StaffScope,
  filter: AuditFilter,
  page: { limit: number } & ({ after: number } | { before: number } | { offset: number }),
) {
  const where = scopeWhere(scope);
  const matching = `${where.sql} AND (? IS NULL OR a.action = ?) AND (? IS NULL OR a.actor = ?) AND (? IS NULL OR a.at >= ?) AND (? IS NULL OR a.at < ?)`;
  const until = filter.to && dayAfter(filter.to);
  const params = [...where.params, filter.action, filter.action, filter.actor, filter.actor, filter.from, filter.from, until, until];
  const columns = 'a.id, a.at, a.actor, a.action, a.target, a.details_json AS detailsJson FROM audit_log a';
  return db
    .transaction(() => {
      const { total } = prepared(db, `SELECT count(*) AS total FROM audit_log a WHERE ${matching}`).get(...params) as { total: number };
      const rows =
        'after' in page
          ? (prepared(db, `SELECT ${columns} WHERE ${matching} AND a.id < ? ORDER BY a.id DESC LIMIT ?`).all(...params, page.after, page.limit) as AuditRow[])
          : 'before' in page
            ? (
                prepared(db, `SELECT ${columns} WHERE ${matching} AND a.id > ? ORDER BY a.id LIMIT ?`).all(...params, page.before, page.limit) as AuditRow[]
              ).reverse()
            : (prepared(db, `SELECT ${columns} WHERE ${matching} ORDER BY a.id DESC LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset) as AuditRow[]);
      const actions = prepared(db, `SELECT DISTINCT a.action FROM audit_log a WHERE ${where.sql} ORDER BY a.action`)
        .pluck()
        .all(...where.params) as string[];
      const actors = prepared(db, `SELECT DISTINCT a.actor FROM audit_log a WHERE ${where.sql} ORDER BY a.actor`)
        .pluck()
        .all(...where.params) as string[];
      return { rows, total, actions, actors };
    })
    .deferred();
}

/** What a reference of the log (`staff:ivanova`, `staff:2`, `teacher:12`, `program:…`) stands for, as the page names it. */
export type Referent =
  | { kind: 'staff'; login: string; role: 'methodist' | 'admin' }
  | { kind: 'teacher'; name: string; erased: boolean }
  | { kind: 'councilToken'; name: string }
  | { kind: 'program'; title: string }
  | { kind: 'run'; programTitle: string }
  | { kind: 'instrument'; title: string; version: number }
  | { kind: 'municipality'; name: string };

/**
 * Looks up what the references of one page of the log stand for, a query per
 * kind. References to something since removed are left out; the page shows
 * them as they are stored.
 */
export function referentsOf(db: Db, references: Iterable<string>): Map<string, Referent> {
  const found = new Map<string, Referent>();
  const byKind = new Map<string, Set<string>>();
  for (const reference of references) {
    const colon = reference.indexOf(':');
    if (colon < 0) continue;
    const kind = reference.slice(0, colon);
    if (!byKind.has(kind)) byKind.set(kind, new Set());
    byKind.get(kind)!.add(reference.slice(colon + 1));
  }
  const each = (kind: string, run: (key: string) => Referent | undefined) => {
    for (const key of byKind.get(kind) ?? []) {
      const referent = run(key);
      if (referent) found.set(`${kind}:${key}`, referent);
    }
  };
  const staffBy = db.prepare("SELECT login, role FROM staff WHERE login = ? OR (? GLOB '[0-9]*' AND id = CAST(? AS INTEGER))");
  each('staff', (key) => {
    const row = staffBy.get(key, key, key) as { login: string; role: 'methodist' | 'admin' } | undefined;
    return row && { kind: 'staff', ...row };
  });
  const teacher = db.prepare(
    "SELECT trim(last_name || ' ' || first_name || ' ' || middle_name) AS name, erased_at IS NOT NULL AS erased FROM teachers WHERE id = ?",
  );
  each('teacher', (key) => {
    const row = teacher.get(Number(key)) as { name: string; erased: number } | undefined;
    return row && { kind: 'teacher', name: row.name, erased: row.erased === 1 };
  });
  const token = db.prepare('SELECT name FROM council_tokens WHERE id = ?');
  each('council_token', (key) => {
    const row = token.get(Number(key)) as { name: string } | undefined;
    return row && { kind: 'councilToken', name: row.name };
  });
  const program = db.prepare('SELECT title FROM programs WHERE id = ?');
  each('program', (key) => {
    const row = program.get(key) as { title: string } | undefined;
    return row && { kind: 'program', title: row.title };
  });
  const run = db.prepare('SELECT p.title FROM program_runs r JOIN programs p ON p.id = r.program_id WHERE r.id = ?');
  each('run', (key) => {
    const row = run.get(key) as { title: string } | undefined;
    return row && { kind: 'run', programTitle: row.title };
  });
  const instrument = db.prepare('SELECT title FROM instruments WHERE id = ? AND version = ?');
  each('instrument', (key) => {
    const [id, version] = key.split('@');
    const row = instrument.get(id, Number(version)) as { title: string } | undefined;
    return row && { kind: 'instrument', title: row.title, version: Number(version) };
  });
  const municipality = db.prepare('SELECT name FROM municipalities WHERE id = ?');
  each('municipality', (key) => {
    const row = municipality.get(Number(key)) as { name: string } | undefined;
    return row && { kind: 'municipality', name: row.name };
  });
  return found;
}
