/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { stringify } from 'csv-stringify/sync';
import type { EnrollmentStatus } from '../../../shared/schemas/program.ts';
import { visibleMunicipalities } from '../../auth/scope.ts';
import { messages } from '../../messages.ts';
import type { Db } from '../../storage/database.ts';
import { getProgram, type StoredProgram } from '../../storage/programs.ts';
import { fullName, russianDay } from '../components.tsx';
import type { AdminDeps, AdminEnv } from '../env.ts';
import { errorPage, forbiddenPage, renderPage } from '../layout.tsx';

/**
 * Enrolment lists per run, on screen and as CSV. A methodist sees the
 * runs of their municipality's and the republic-wide programmes, and in
 * them only their own municipality's teachers.
 */

const t = messages.adminPages;
const te = t.enrollments;

interface EnrollmentListRow {
  teacherId: number;
  lastName: string;
  firstName: string;
  middleName: string;
  erased: number;
  school: string;
  municipality: string;
  status: EnrollmentStatus;
  createdAt: string;
}

/** Live sign-ups first in the order they came (the waitlist order), cancelled ones last. */
function runEnrollments(db: Db, runId: string, municipalities: 'all' | number[]): EnrollmentListRow[] {
  return db
    .prepare(
      `SELECT e.teacher_id AS teacherId, t.last_name AS lastName, t.first_name AS firstName, t.middle_name AS middleName,
         t.erased_at IS NOT NULL AS erased, s.name AS school, m.name AS municipality, e.status, e.created_at AS createdAt
       FROM enrollments e JOIN teachers t ON t.id = e.teacher_id JOIN schools s ON s.id = t.school_id
         JOIN municipalities m ON m.id = s.municipality_id
       WHERE e.run_id = ? AND (? IS NULL OR s.municipality_id IN (SELECT value FROM json_each(?)))
       ORDER BY e.status = 'cancelled', e.queued_seq`,
    )
    .all(runId, municipalities === 'all' ? null : 1, JSON.stringify(municipalities === 'all' ? [] : municipalities)) as EnrollmentListRow[];
}

const displayName = (row: EnrollmentListRow) => (row.erased ? te.erased : fullName(row));

export function runEnrollmentsPage(deps: AdminDeps) {
  const { db } = deps;

  /** The programme and run of the address, if this person may see its enrolments. */
  const load = (c: Context<AdminEnv>): { program: StoredProgram; runId: string } | Response => {
    const program = getProgram(db, c.req.param('id') ?? '');
    const runId = c.req.param('runId') ?? '';
    if (!program || !program.runs.some((run) => run.id === runId)) return errorPage(c, 404, t.notFoundTitle, t.programs.runNotFound);
    const scope = c.var.scope;
    if (scope.kind === 'methodist' && program.municipality !== null && program.municipality !== c.var.staff.municipality) {
      return forbiddenPage(c);
    }
    return { program, runId };
  };

  return new Hono<AdminEnv>()
    .get('/:id/runs/:runId/enrollments', (c) => {
      const loaded = load(c);
      if (loaded instanceof Response) return loaded;
      const { program, runId } = loaded;
      const rows = runEnrollments(db, runId, visibleMunicipalities(c.var.scope));
      const path = `/admin/programs/${encodeURIComponent(program.id)}/runs/${encodeURIComponent(runId)}/enrollments`;
      const body = (
        <>
          <p>
            <a href={`/admin/programs/${encodeURIComponent(program.id)}`}>{t.programs.back}</a>
          </p>
          {c.var.scope.kind === 'methodist' && <p class="hint">{te.onlyMine}</p>}
          {rows.length === 0 ? (
            <p>{te.empty}</p>
          ) : (
            <>
              <p>
                <a href={`${path}.csv`} download>
                  {te.export}
                </a>
              </p>
              <table class="enrollments">
                <thead>
                  <tr>
                    <th>{te.teacher}</th>
                    <th>{te.school}</th>
                    <th>{te.municipality}</th>
                    <th>{te.status}</th>
                    <th>{te.signedUp}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr>
                      <td>{row.erased ? displayName(row) : <a href={`/admin/teachers/${row.teacherId}`}>{displayName(row)}</a>}</td>
                      <td>{row.school}</td>
                      <td>{row.municipality}</td>
                      <td>{messages.programs.statusNames[row.status]}</td>
                      <td>{russianDay(row.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      );
      return renderPage(c, deps, { title: te.title(program.title, runId), section: 'programs', body });
    })
    .get('/:id/runs/:runId/enrollments.csv', (c) => {
      const loaded = load(c);
      if (loaded instanceof Response) return loaded;
      const rows = runEnrollments(db, loaded.runId, visibleMunicipalities(c.var.scope));
      const records = rows.map((row) =>
        row.erased
          ? [te.erased, '', '', row.municipality, row.school, messages.programs.statusNames[row.status], russianDay(row.createdAt)]
          : [row.lastName, row.firstName, row.middleName, row.municipality, row.school, messages.programs.statusNames[row.status], russianDay(row.createdAt)],
      );
      // A BOM and `;` so that Excel in a Russian locale opens it as it is.
      const csv = '\uFEFF' + stringify([[...te.csvHeader], ...records], { delimiter: ';', record_delimiter: 'windows' });
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="profrost-enrollments-${loaded.runId}.csv"`,
      });
    });
}
