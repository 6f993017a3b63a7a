/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { findTeacherPlace, teachersWithoutDevice } from './store.ts';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { canSeeTeacher } from '../../platform/auth/scope.ts';
import { messages as teachers } from '../teachers/messages.ts';
import { messages } from './messages.ts';
import { codesCsv, russianDate } from './codes-file.ts';
import { type NewTeacherCode, RosterFileError, importRoster, previewRoster } from './import-roster.ts';
import { issueCodes, reissueCode, revokeTeacherDevices } from './teacher-access.ts';
import { FieldError, ImportPreview, UploadForm, fullName } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { formFile, formText, readForm } from '../../platform/admin/forms.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { setFlash } from '../../platform/database/session-store.ts';
import { placesInScope } from '../teachers/directory-store.ts';
import { dropUpload, findUpload, keepUpload } from '../../platform/database/upload-store.ts';

/**
 * Реестр педагогов: loading teachers from CSV through the same code as
 * `profrost roster import` (preview, then confirm), connection codes to hand
 * out (shown once, downloadable as CSV for 30 minutes), re-issuing a code
 * and revoking a teacher's devices.
 */

const t = messages.adminPages;
// The teachers' page's labels for the same columns.
const tt = teachers.adminPages.teachers;
const tr = t.roster;
/** Rows of a file listed in its preview; the rest are counted. */
const previewRows = 100;

/** Codes as kept between their issue and their download. */
interface KeptCodes {
  codes: NewTeacherCode[];
  delimiter: ',' | ';';
}

const teachersOnly = (c: Context<AdminEnv>) => (c.var.scope.kind === 'methodist' ? { onlyMunicipality: c.var.staff.municipality! } : {});

function RosterHome({ c, db, error, issueError }: { c: Context<AdminEnv>; db: AdminDeps['db']; error?: string | undefined; issueError?: string | undefined }) {
  const { schools } = placesInScope(db, c.var.scope);
  return (
    <>
      <h2>{tr.importTitle}</h2>
      <UploadForm c={c} action="/admin/roster/import" hint={t.imports.rosterColumns} error={error} />
      <h2>{tr.issueTitle}</h2>
      <form method="post" action="/admin/roster/issue" class="card">
        <CsrfField c={c} />
        <p class="hint">{tr.issueHint}</p>
        <label for="school">{tt.school}</label>
        <select id="school" name="school" required aria-invalid={issueError ? 'true' : undefined} aria-describedby={issueError ? 'school-error' : undefined}>
          <option value="">—</option>
          {schools.map((s) => (
            <option value={String(s.id)}>{s.name}</option>
          ))}
        </select>
        <FieldError id="school-error" error={issueError} />
        <p>
          <button type="submit">{tr.issue}</button>
        </p>
      </form>
      <p class="hint">{tr.teachersLink}</p>
    </>
  );
}

export function rosterPage(deps: AdminDeps) {
  const { db } = deps;
  const home = (c: Context<AdminEnv>, errors: { error?: string; issueError?: string } = {}, status: 200 | 400 = 200) =>
    renderPage(c, deps, { title: tr.title, section: 'roster', body: <RosterHome c={c} db={db} {...errors} />, status });

  /** Keeps issued codes for this session and sends the person to the page that shows them. */
  const showCodes = (c: Context<AdminEnv>, kept: KeptCodes) => {
    const id = keepUpload(db, c.var.session.idHash, 'codes', { name: 'codes', content: Buffer.from(JSON.stringify(kept)) });
    return c.redirect(`/admin/roster/codes/${id}`, 303);
  };
  const keptCodes = (c: Context<AdminEnv>): KeptCodes | undefined => {
    const upload = findUpload(db, c.var.session.idHash, 'codes', c.req.param('id') ?? '');
    return upload && (JSON.parse(upload.content.toString('utf8')) as KeptCodes);
  };
  /** The teacher of `:id`, if this person may act on them; otherwise the refusal to send. */
  const teacherInScope = (c: Context<AdminEnv>): number | Response => {
    const id = Number(c.req.param('id'));
    const place = findTeacherPlace(db, id);
    if (!place || place.erasedAt) return errorPage(c, 404, t.notFoundTitle, t.notFound);
    if (!canSeeTeacher(c.var.scope, place)) return forbiddenPage(c);
    return id;
  };

  return new Hono<AdminEnv>()
    .get('/', (c) => home(c))
    .post('/import', async (c) => {
      const file = await formFile(await readForm(c), 'file');
      if (!file) return home(c, { error: t.imports.noFile }, 400);
      let preview;
      try {
        preview = previewRoster(db, file.content, teachersOnly(c));
      } catch (error) {
        if (error instanceof RosterFileError) return home(c, { error: error.message }, 400);
        throw error;
      }
      const uploadId = keepUpload(db, c.var.session.idHash, 'roster', file);
      const existing = preview.entries.filter((entry) => entry.existingId !== null).length;
      const body = (
        <ImportPreview
          c={c}
          action="/admin/roster/import/confirm"
          uploadId={uploadId}
          rows={preview.rows}
          valid={preview.entries.length}
          invalid={preview.invalid}
          again="/admin/roster"
        >
          <ul>
            <li>{tr.newTeachers(preview.entries.length - existing)}</li>
            <li>{tr.existingTeachers(existing)}</li>
          </ul>
          <table class="to-import">
            <thead>
              <tr>
                <th class="num">{t.imports.line}</th>
                <th>{tt.name}</th>
                <th>{tt.school}</th>
                <th>{tr.whatHappens}</th>
              </tr>
            </thead>
            <tbody>
              {preview.entries.slice(0, previewRows).map((entry) => (
                <tr>
                  <td class="num">{entry.line}</td>
                  <td>{fullName(entry.row)}</td>
                  <td>{entry.row.school}</td>
                  <td>{entry.existingId === null ? tr.willBeAdded : tr.alreadyThere}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.entries.length > previewRows && <p class="muted">{t.imports.moreRows(preview.entries.length - previewRows)}</p>}
        </ImportPreview>
      );
      return renderPage(c, deps, { title: `${tr.title}: ${t.imports.previewTitle}`, section: 'roster', body });
    })
    .post('/import/confirm', async (c) => {
      const form = await readForm(c);
      const uploadId = formText(form, 'upload');
      const upload = findUpload(db, c.var.session.idHash, 'roster', uploadId);
      if (!upload) return home(c, { error: t.imports.expired }, 400);
      const result = importRoster(db, upload.content, {
        ...teachersOnly(c),
        skipInvalid: formText(form, 'skipInvalid') === '1',
        actor: staffActor(c.var.staff),
      });
      if (!result.imported) return home(c, { error: t.imports.notImported }, 400);
      dropUpload(db, c.var.session.idHash, uploadId);
      setFlash(db, c.var.session.idHash, tr.done(result.created.length, result.existing, result.invalid.length));
      return showCodes(c, { codes: result.created, delimiter: result.delimiter });
    })
    .post('/issue', async (c) => {
      const schoolId = Number(formText(await readForm(c), 'school'));
      const school = placesInScope(db, c.var.scope).schools.find((s) => s.id === schoolId);
      if (!school) return home(c, { issueError: tr.chooseSchool }, 400);
      const waiting = teachersWithoutDevice(db, school.id);
      if (waiting.length === 0) return home(c, { issueError: tr.noneToIssue }, 400);
      const codes = issueCodes(db, waiting, staffActor(c.var.staff));
      return showCodes(c, { codes, delimiter: ';' });
    })
    .post('/teachers/:id{[0-9]+}/code', (c) => {
      const id = teacherInScope(c);
      if (typeof id !== 'number') return id;
      const result = reissueCode(db, id, staffActor(c.var.staff));
      if (result.kind !== 'issued') return errorPage(c, 409, t.errorTitle, tr.erasedTeacher);
      return showCodes(c, { codes: [result.code], delimiter: ';' });
    })
    .post('/teachers/:id{[0-9]+}/revoke', (c) => {
      const id = teacherInScope(c);
      if (typeof id !== 'number') return id;
      const result = revokeTeacherDevices(db, id, staffActor(c.var.staff));
      if (result.kind === 'revoked') setFlash(db, c.var.session.idHash, tr.revoked(result.count, result.name));
      return c.redirect(`/admin/teachers/${id}`, 303);
    })
    .get('/codes/:id', (c) => {
      const kept = keptCodes(c);
      if (!kept) return errorPage(c, 404, tr.codesTitle, tr.codesGone);
      const body =
        kept.codes.length === 0 ? (
          <p>{tr.noCodes}</p>
        ) : (
          <>
            <p>{tr.codesNote}</p>
            <p>
              <a href={`/admin/roster/codes/${c.req.param('id')}/csv`} download>
                {tr.download}
              </a>
            </p>
            <table class="codes">
              <thead>
                <tr>
                  <th>{tt.name}</th>
                  <th>{tt.school}</th>
                  <th>{tr.codeColumn}</th>
                  <th>{tr.expiresColumn}</th>
                </tr>
              </thead>
              <tbody>
                {kept.codes.map((code) => (
                  <tr>
                    <td>
                      <a href={`/admin/teachers/${code.teacherId}`}>{fullName(code)}</a>
                    </td>
                    <td>{code.school}</td>
                    <td>
                      <code>{code.code}</code>
                    </td>
                    <td>{russianDate(code.expiresAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        );
      return renderPage(c, deps, { title: tr.codesTitle, section: 'roster', body });
    })
    .get('/codes/:id/csv', (c) => {
      const kept = keptCodes(c);
      if (!kept) return errorPage(c, 404, tr.codesTitle, tr.codesGone);
      const day = new Date().toISOString().slice(0, 10);
      return c.body(codesCsv(kept.codes, kept.delimiter), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="profrost-codes-${day}.csv"`,
      });
    });
}
