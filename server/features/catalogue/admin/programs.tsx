/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { messages } from '../messages.ts';
import { writeAudit } from '../../../platform/database/audit-store.ts';
import { type StoredProgram, getProgram, listPrograms, programOfRun, setProgramArchived, upsertProgram } from '../program-store.ts';
import { municipalityNames } from '../../roster/store.ts';
import { Pager, pageNumber, pageSize, russianDay } from '../../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../../platform/admin/env.ts';
import { formText, readForm } from '../../../platform/admin/forms.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../../platform/admin/layout.tsx';
import { setFlash } from '../../../platform/database/session-store.ts';
import { programImportPage } from './program-import.tsx';
import { runEnrollmentsPage } from './run-enrollments.tsx';
import { asProgram, type Errors, formValues, ProgramForm, readProgramForm, readRunForm, RunForm } from './program-forms.tsx';

/**
 * Программы ДПО: the catalogue. Everyone sees all of it; a regional admin
 * changes any programme, a methodist only those of their own municipality.
 * Runs are added and edited on the programme's page; a programme is
 * archived rather than deleted, because sign-ups point at its runs.
 */

const t = messages.adminPages;
const tp = t.programs;
const names = messages.programs;

/** May this person change the programme (or create one for `municipality`)? */
export function canEditProgram(c: Context<AdminEnv>, municipality: string | null): boolean {
  return c.var.scope.kind === 'admin' || (municipality !== null && municipality === c.var.staff.municipality);
}

export function programsPage(deps: AdminDeps) {
  const { db } = deps;
  const actor = (c: Context<AdminEnv>) => staffActor(c.var.staff);

  const programPage = (
    c: Context<AdminEnv>,
    program: StoredProgram,
    state: { values?: Record<string, string | string[]>; errors?: Errors; runValues?: Record<string, string>; runErrors?: Errors } = {},
    status: 200 | 400 = 200,
  ) => {
    const editable = canEditProgram(c, program.municipality);
    const path = `/admin/programs/${encodeURIComponent(program.id)}`;
    const body = (
      <>
        <p>
          {program.id} · {program.provider} · {program.hours} ч · {names.formatNames[program.format]} · {program.municipality ?? tp.republicWide} ·{' '}
          <strong>{program.archived ? tp.archived : tp.active}</strong>
        </p>
        {program.registryUrl && (
          <p>
            {tp.registryUrl}: <a href={program.registryUrl}>{program.registryUrl}</a>
          </p>
        )}
        <h2>{tp.runs}</h2>
        {program.runs.length === 0 ? (
          <p>{tp.noRuns}</p>
        ) : (
          <table class="runs">
            <thead>
              <tr>
                <th>{tp.runId}</th>
                <th>{tp.start}</th>
                <th>{tp.end}</th>
                <th class="num">{tp.seats}</th>
                <th class="num">{tp.taken}</th>
                <th class="num">{tp.waitlisted}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {program.runs.map((run) => (
                <tr>
                  <td>{run.id}</td>
                  <td>{russianDay(run.start)}</td>
                  <td>{russianDay(run.end)}</td>
                  <td class="num">{run.seats}</td>
                  <td class="num">{run.seatsTaken}</td>
                  <td class="num">{run.waitlisted}</td>
                  <td>
                    <a href={`${path}/runs/${encodeURIComponent(run.id)}/enrollments`}>{tp.enrollments}</a>
                    {editable && (
                      <>
                        {' · '}
                        <a href={`${path}/runs/${encodeURIComponent(run.id)}`}>{tp.editRun}</a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editable ? (
          <>
            <h2>{tp.addRun}</h2>
            <RunForm c={c} action={`${path}/runs`} values={state.runValues ?? {}} errors={state.runErrors ?? {}} creating />
            <h2>{tp.editProgram}</h2>
            <ProgramForm
              c={c}
              action={path}
              values={state.values ?? formValues(program)}
              errors={state.errors ?? {}}
              creating={false}
              municipalities={municipalityNames(db)}
            />
            <form method="post" action={`${path}/archive`} class="inline">
              <CsrfField c={c} />
              <input type="hidden" name="archived" value={program.archived ? '0' : '1'} />
              <button type="submit" class="secondary">
                {program.archived ? tp.unarchive : tp.archive}
              </button>
            </form>
          </>
        ) : (
          <p class="hint">{tp.readOnly}</p>
        )}
      </>
    );
    return renderPage(c, deps, { title: program.title, section: 'programs', body, status });
  };

  /** The programme of `:id`, or the page to answer with. */
  const loadProgram = (c: Context<AdminEnv>, forEdit: boolean): StoredProgram | Response => {
    const program = getProgram(db, c.req.param('id') ?? '');
    if (!program) return errorPage(c, 404, t.notFoundTitle, tp.notFound);
    if (forEdit && !canEditProgram(c, program.municipality)) return forbiddenPage(c);
    return program;
  };

  const newPage = (c: Context<AdminEnv>, values: Record<string, string | string[]>, errors: Errors, status: 200 | 400 = 200) =>
    renderPage(c, deps, {
      title: tp.create,
      section: 'programs',
      body: <ProgramForm c={c} action="/admin/programs/new" values={values} errors={errors} creating municipalities={municipalityNames(db)} />,
      status,
    });

  return new Hono<AdminEnv>()
    .route('/import', programImportPage(deps))
    .route('/', runEnrollmentsPage(deps))
    .get('/', (c) => {
      const q = c.req.query('q')?.trim() || undefined;
      const includeArchived = c.req.query('archived') === '1';
      const page = pageNumber(c);
      const { items, total } = listPrograms(db, { q, includeArchived, limit: pageSize, offset: (page - 1) * pageSize });
      const body = (
        <>
          <div class="actions">
            <a href="/admin/programs/new">{tp.create}</a>
            <a href="/admin/programs/import">{tp.import}</a>
          </div>
          <form method="get" action="/admin/programs" class="filters" role="search">
            <div>
              <label for="q">{tp.search}</label>
              <input type="search" id="q" name="q" value={q ?? ''} />
            </div>
            <label class="check">
              <input type="checkbox" name="archived" value="1" checked={includeArchived} /> {tp.showArchived}
            </label>
            <div>
              <button type="submit">{t.filter}</button>
            </div>
          </form>
          {items.length === 0 ? (
            <p>{t.nothingFound}</p>
          ) : (
            <table class="programs">
              <thead>
                <tr>
                  <th>{tp.programTitle}</th>
                  <th>{tp.provider}</th>
                  <th class="num">{tp.hours}</th>
                  <th>{tp.format}</th>
                  <th>{tp.municipality}</th>
                  <th>{tp.runs}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((program) => (
                  <tr>
                    <td>
                      <a href={`/admin/programs/${encodeURIComponent(program.id)}`}>{program.title}</a>
                      {program.archived && <span class="muted"> ({tp.archived})</span>}
                      <div class="hint">{program.competencies.map((id) => names.competencyNames[id]).join(', ')}</div>
                    </td>
                    <td>{program.provider}</td>
                    <td class="num">{program.hours}</td>
                    <td>{names.formatNames[program.format]}</td>
                    <td>{program.municipality ?? tp.republicWide}</td>
                    <td>
                      {program.runs.map((run) => (
                        <div>
                          {russianDay(run.start)}–{russianDay(run.end)}: {run.seatsTaken}/{run.seats}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager c={c} page={page} total={total} />
        </>
      );
      return renderPage(c, deps, { title: tp.title, section: 'programs', body });
    })
    .get('/new', (c) => newPage(c, { format: 'ochno', competencies: [] }, {}))
    .post('/new', async (c) => {
      const form = await readForm(c);
      const id = formText(form, 'id');
      const read = readProgramForm(c, form, id);
      if (!read.program) return newPage(c, read.values, read.errors, 400);
      if (getProgram(db, id)) return newPage(c, read.values, { id: tp.idTaken(id) }, 400);
      upsertProgram(db, read.program);
      writeAudit(db, { actor: actor(c), action: 'program.create', target: `program:${id}` });
      setFlash(db, c.var.session.idHash, tp.saved);
      return c.redirect(`/admin/programs/${encodeURIComponent(id)}`, 303);
    })
    .get('/:id', (c) => {
      const program = loadProgram(c, false);
      return program instanceof Response ? program : programPage(c, program);
    })
    .post('/:id', async (c) => {
      const program = loadProgram(c, true);
      if (program instanceof Response) return program;
      const read = readProgramForm(c, await readForm(c), program.id);
      if (!read.program) return programPage(c, program, { values: read.values, errors: read.errors }, 400);
      upsertProgram(db, read.program, { keepArchived: true });
      writeAudit(db, { actor: actor(c), action: 'program.update', target: `program:${program.id}` });
      setFlash(db, c.var.session.idHash, tp.saved);
      return c.redirect(`/admin/programs/${encodeURIComponent(program.id)}`, 303);
    })
    .post('/:id/archive', async (c) => {
      const program = loadProgram(c, true);
      if (program instanceof Response) return program;
      const archived = formText(await readForm(c), 'archived') === '1';
      setProgramArchived(db, program.id, archived);
      writeAudit(db, { actor: actor(c), action: archived ? 'program.archive' : 'program.unarchive', target: `program:${program.id}` });
      setFlash(db, c.var.session.idHash, archived ? tp.archivedDone : tp.unarchivedDone);
      return c.redirect(`/admin/programs/${encodeURIComponent(program.id)}`, 303);
    })
    .post('/:id/runs', async (c) => {
      const program = loadProgram(c, true);
      if (program instanceof Response) return program;
      const form = await readForm(c);
      const runId = formText(form, 'runId');
      const read = readRunForm(form, runId);
      if (!read.run) return programPage(c, program, { runValues: read.values, runErrors: read.errors }, 400);
      if (programOfRun(db, runId) !== undefined) return programPage(c, program, { runValues: read.values, runErrors: { runId: tp.runIdTaken(runId) } }, 400);
      upsertProgram(db, asProgram(program, [read.run]), { keepArchived: true });
      writeAudit(db, { actor: actor(c), action: 'run.create', target: `run:${runId}`, details: { programId: program.id } });
      setFlash(db, c.var.session.idHash, tp.runSaved);
      return c.redirect(`/admin/programs/${encodeURIComponent(program.id)}`, 303);
    })
    .get('/:id/runs/:runId', (c) => {
      const program = loadProgram(c, true);
      if (program instanceof Response) return program;
      const run = program.runs.find((r) => r.id === c.req.param('runId'));
      if (!run) return errorPage(c, 404, t.notFoundTitle, tp.runNotFound);
      return runPage(c, program, run.id, { start: run.start, end: run.end, seats: String(run.seats) }, {});
    })
    .post('/:id/runs/:runId', async (c) => {
      const program = loadProgram(c, true);
      if (program instanceof Response) return program;
      const run = program.runs.find((r) => r.id === c.req.param('runId'));
      if (!run) return errorPage(c, 404, t.notFoundTitle, tp.runNotFound);
      const read = readRunForm(await readForm(c), run.id);
      if (!read.run) return runPage(c, program, run.id, read.values, read.errors, 400);
      if (read.run.seats < run.seatsTaken) return runPage(c, program, run.id, read.values, { seats: tp.seatsBelowTaken(run.seatsTaken) }, 400);
      upsertProgram(db, asProgram(program, [read.run]), { keepArchived: true });
      writeAudit(db, { actor: actor(c), action: 'run.update', target: `run:${run.id}`, details: { programId: program.id, seats: read.run.seats } });
      setFlash(db, c.var.session.idHash, tp.runSaved);
      return c.redirect(`/admin/programs/${encodeURIComponent(program.id)}`, 303);
    });

  function runPage(c: Context<AdminEnv>, program: StoredProgram, runId: string, values: Record<string, string>, errors: Errors, status: 200 | 400 = 200) {
    const path = `/admin/programs/${encodeURIComponent(program.id)}`;
    const body = (
      <>
        <p>
          <a href={path}>{tp.back}</a>
        </p>
        <RunForm c={c} action={`${path}/runs/${encodeURIComponent(runId)}`} values={values} errors={errors} creating={false} />
      </>
    );
    return renderPage(c, deps, { title: `${tp.editRun} ${runId} — ${program.title}`, section: 'programs', body, status });
  }
}
