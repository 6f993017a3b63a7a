/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { Hono } from 'hono';
import { messages } from './messages.ts';
import { auditPageOf } from './store.ts';
import { Pager, pageNumber, pagePosition, russianInstant } from '../../platform/admin/components.tsx';
import type { AdminDeps, AdminEnv } from '../../platform/admin/env.ts';
import { renderPage } from '../../platform/admin/layout.tsx';

/**
 * Журнал действий: who did what, newest first. A regional admin sees all of
 * it; a methodist sees what the staff of their municipality did and what
 * was done to its teachers.
 */

const t = messages.adminPages;
const ta = t.audit;

const actionName = (action: string) => ta.actionNames[action] ?? action;

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
    const { rows, total, actions } = auditPageOf(db, c.var.scope, action, pagePosition(c));
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
        <Pager c={c} page={page} total={total} keys={rows.length ? { first: rows[0]!.id, last: rows.at(-1)!.id } : undefined} />
      </>
    );
    return renderPage(c, deps, { title: ta.title, section: 'audit', body });
  });
}
