/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { Hono } from 'hono';
import type { StaffScope } from '../../auth/scope.ts';
import { messages } from '../../messages.ts';
import type { Db } from '../../storage/database.ts';
import { Pager, pageNumber, pageSize, russianInstant } from '../components.tsx';
import type { AdminDeps, AdminEnv } from '../env.ts';
import { renderPage } from '../layout.tsx';

/**
 * Журнал действий: who did what, newest first. A regional admin sees all of
 * it; a methodist sees what the staff of their municipality did and what
 * was done to its teachers.
 */

const t = messages.adminPages;
const ta = t.audit;

const actionName = (action: string) => ta.actionNames[action] ?? action;

interface AuditRow {
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

function auditPageOf(db: Db, scope: StaffScope, action: string | null, page: number) {
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
      const actions = (db.prepare(`SELECT DISTINCT a.action FROM audit_log a WHERE ${where.sql} ORDER BY a.action`).all(...where.params) as { action: string }[]).map(
        (row) => row.action,
      );
      return { rows, total, actions };
    })
    .deferred();
}

/** A teacher target links to the teacher's page; others are shown as they are. */
function Target({ target }: { target: string }) {
  const teacher = /^teacher:(\d+)$/.exec(target);
  return teacher ? <a href={`/admin/teachers/${teacher[1]}`}>{target}</a> : target;
}

export function auditPage(deps: AdminDeps) {
  const { db } = deps;
  return new Hono<AdminEnv>().get('/', (c) => {
    const action = c.req.query('action')?.trim() || null;
    const page = pageNumber(c);
    const { rows, total, actions } = auditPageOf(db, c.var.scope, action, page);
    const body = (
      <>
        {c.var.scope.kind === 'methodist' && <p class="hint">{ta.onlyMine}</p>}
        <form method="get" action="/admin/audit" class="filters">
          <div>
            <label for="action">{ta.actionFilter}</label>
            <select id="action" name="action">
              <option value="">{ta.anyAction}</option>
              {actions.map((name) => (
                <option value={name} selected={name === action}>
                  {actionName(name)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit">{t.filter}</button>
          </div>
        </form>
        {rows.length === 0 ? (
          <p>{t.nothingFound}</p>
        ) : (
          <table class="audit">
            <thead>
              <tr>
                <th>{ta.at}</th>
                <th>{ta.actor}</th>
                <th>{ta.action}</th>
                <th>{ta.target}</th>
                <th>{ta.details}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>{russianInstant(row.at)}</td>
                  <td>{row.actor}</td>
                  <td>
                    {actionName(row.action)}
                    <div class="hint">
                      <code>{row.action}</code>
                    </div>
                  </td>
                  <td>
                    <Target target={row.target} />
                  </td>
                  <td>
                    <code>{row.detailsJson === '{}' ? '' : row.detailsJson}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager c={c} page={page} total={total} />
      </>
    );
    return renderPage(c, deps, { title: ta.title, section: 'audit', body });
  });
}
