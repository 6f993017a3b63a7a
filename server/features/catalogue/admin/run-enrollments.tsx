/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { stringify } from 'csv-stringify/sync';
import { canSeeTeacher, visibleMunicipalities } from '../../../platform/auth/scope.ts';
import { messages } from '../messages.ts';
import { countRunEnrollments, type EnrollmentListRow, getEnrollment, markEnrollmentCompleted, runEnrollments } from '../enrollment-store.ts';
import { getProgram, type StoredProgram } from '../program-store.ts';
import { findTeacher, findTeacherPlace } from '../../roster/store.ts';
import { Pager, fullName, pageNumber, pageSize, russianDay } from '../../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../../platform/admin/env.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../../platform/admin/layout.tsx';
import { setFlash } from '../../../platform/database/session-store.ts';

/**
 * Enrollment lists per run, on screen and as CSV. A methodist sees the
 * runs of their municipality's and the republic-wide programmes, and in
 * them only their own municipality's teachers, whose finished training
 * they mark as completed.
 */

const t = messages.adminPages;
const te = t.enrollments;

const displayName = (row: EnrollmentListRow) => (row.erased ? te.erased : fullName(row));

export function runEnrollmentsPage(deps: AdminDeps) {
  const { db } = deps;

  /** The programme and run of the address, if this person may see its enrollments. */
  const load = (c: Context<AdminEnv>): { program: StoredProgram; runId: string } | Response => {
    const program = getProgram(db, c.req.param('id') ?? '');
    const runId = c.req.param('runId') ?? '';
    if (!program?.runs.some((run) => run.id === runId)) return errorPage(c, 404, t.notFoundTitle, t.programs.runNotFound);
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
      const page = pageNumber(c);
      const municipalities = visibleMunicipalities(c.var.scope);
      const total = countRunEnrollments(db, runId, municipalities);
      const rows = runEnrollments(db, runId, municipalities, { limit: pageSize, offset: (page - 1) * pageSize });
      const path = `/admin/programs/${encodeURIComponent(program.id)}/runs/${encodeURIComponent(runId)}/enrollments`;
      const body = (
        <>
          <p>
            <a href={`/admin/programs/${encodeURIComponent(program.id)}`}>{t.programs.back}</a>
          </p>
          {c.var.scope.kind === 'methodist' && <p class="hint">{te.onlyMine}</p>}
          {total === 0 ? (
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
                    <th></th>
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
                      <td>
                        {row.status === 'confirmed' && (
                          <form method="post" action={`${path}/${row.id}/complete`} class="inline">
                            <CsrfField c={c} />
                            <button type="submit" class="secondary" data-confirm={te.completeConfirm}>
                              {te.complete}
                            </button>
                          </form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager c={c} page={page} total={total} />
            </>
          )}
        </>
      );
      return renderPage(c, deps, { title: te.title(program.title, runId), section: 'programs', body });
    })
    .post('/:id/runs/:runId/enrollments/:enrollmentId/complete', (c) => {
      const loaded = load(c);
      if (loaded instanceof Response) return loaded;
      const path = `/admin/programs/${encodeURIComponent(loaded.program.id)}/runs/${encodeURIComponent(loaded.runId)}/enrollments`;
      const enrollment = getEnrollment(db, c.req.param('enrollmentId'));
      if (!enrollment || enrollment.runId !== loaded.runId) return errorPage(c, 404, t.notFoundTitle, te.notFound);
      const place = findTeacherPlace(db, enrollment.teacherId);
      if (!place || !canSeeTeacher(c.var.scope, place)) return forbiddenPage(c);
      const result = markEnrollmentCompleted(db, enrollment.id, staffActor(c.var.staff));
      const name = fullName(findTeacher(db, enrollment.teacherId)!);
      setFlash(
        db,
        c.var.session.idHash,
        result.kind === 'completed'
          ? te.completed(name)
          : result.kind === 'notConfirmed'
            ? messages.programs.cannotComplete(messages.programs.statusNames[result.status])
            : te.notFound,
      );
      return c.redirect(path, 303);
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
