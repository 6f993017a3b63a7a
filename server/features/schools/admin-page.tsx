/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { type Context, Hono } from 'hono';
import { canSeeAggregate } from '../../platform/auth/scope.ts';
import { formFile, formList, formText, readForm } from '../../platform/admin/forms.ts';
import { ImportPreview, UploadForm } from '../../platform/admin/components.tsx';
import { dropUpload, findUpload, keepUpload } from '../../platform/database/upload-store.ts';
import { importSchools, previewSchools, SchoolsFileError } from './import-schools.ts';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { setFlash } from '../../platform/database/session-store.ts';
import { flagTitles, messages } from './messages.ts';
import { findSchool, isSchoolFlag, listSchools, type SchoolRow, schoolFlags, setSchoolFlags } from './store.ts';

const t = messages.schools;

function Flags({ school }: { school: SchoolRow }) {
  const set = schoolFlags.filter((flag) => school[flag]);
  return <>{set.length === 0 ? t.noFlags : set.map((flag) => <div>{flagTitles[flag]}</div>)}</>;
}

/**
 * Образовательные организации: the schools of the staff member's scope with
 * their flags (ШНОР, неблагоприятные социальные условия), a filter by flag,
 * and a school's page where its flags are set. A methodist sees and marks
 * only her municipality's schools.
 */
export function schoolsPage(deps: AdminDeps) {
  const { db } = deps;
  const scopeOf = (c: Context<AdminEnv>) => ({ onlyMunicipalityId: c.var.scope.kind === 'methodist' ? c.var.scope.municipalityId : undefined });
  const uploadPage = (c: Context<AdminEnv>, error?: string, status: 200 | 400 = 200) =>
    renderPage(c, deps, {
      title: t.importTitle,
      section: 'schools',
      body: <UploadForm c={c} action="/admin/schools/import" hint={t.imports.columnsHint} error={error} />,
      status,
    });
  return new Hono<AdminEnv>()
    .get('/', (c) => {
      const flag = c.req.query('flag');
      const schools = listSchools(db, c.var.scope, { flag: isSchoolFlag(flag) ? flag : undefined });
      const body = (
        <>
          <p class="hint">{t.intro}</p>
          <p>
            <a href="/admin/schools/import">{t.import}</a>
          </p>
          <form method="get" action="/admin/schools" class="filters" role="search">
            <div>
              <label for="flag">{t.flag}</label>
              <select id="flag" name="flag">
                <option value="">{t.anyFlag}</option>
                {schoolFlags.map((id) => (
                  <option value={id} selected={id === flag}>
                    {flagTitles[id]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <button type="submit">{messages.adminPages.filter}</button>
            </div>
          </form>
          {schools.length === 0 ? (
            <p>{t.nothing}</p>
          ) : (
            <table class="schools">
              <thead>
                <tr>
                  <th>{t.name}</th>
                  {c.var.scope.kind === 'admin' && <th>{t.municipality}</th>}
                  <th class="num">{t.teachers}</th>
                  <th>{t.flags}</th>
                </tr>
              </thead>
              <tbody>
                {schools.map((school) => (
                  <tr>
                    <td>
                      <a href={`/admin/schools/${school.id}`}>{school.name}</a>
                    </td>
                    {c.var.scope.kind === 'admin' && <td>{school.municipality}</td>}
                    <td class="num">{school.teachers}</td>
                    <td>
                      <Flags school={school} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      );
      return renderPage(c, deps, { title: t.title, section: 'schools', body });
    })
    .get('/import', (c) => uploadPage(c))
    .post('/import', async (c) => {
      const file = await formFile(await readForm(c), 'file');
      if (!file) return uploadPage(c, messages.adminPages.imports.noFile, 400);
      let preview;
      try {
        preview = previewSchools(db, file.content, scopeOf(c));
      } catch (error) {
        if (error instanceof SchoolsFileError) return uploadPage(c, error.message, 400);
        throw error;
      }
      const uploadId = keepUpload(db, c.var.session.idHash, 'schools', file);
      const body = (
        <ImportPreview
          c={c}
          action="/admin/schools/import/confirm"
          uploadId={uploadId}
          rows={preview.rows}
          valid={preview.schools.length}
          invalid={preview.invalid}
          again="/admin/schools/import"
        >
          <table class="to-import">
            <thead>
              <tr>
                <th>{t.name}</th>
                {schoolFlags.map((flag) => (
                  <th>{flagTitles[flag]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.schools.map(({ school, flags }) => (
                <tr>
                  <td>{school.name}</td>
                  {schoolFlags.map((flag) => (
                    <td>{flags[flag] ? t.imports.yes : t.imports.no}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ImportPreview>
      );
      return renderPage(c, deps, { title: `${t.importTitle}: ${messages.adminPages.imports.previewTitle}`, section: 'schools', body });
    })
    .post('/import/confirm', async (c) => {
      const form = await readForm(c);
      const uploadId = formText(form, 'upload');
      const upload = findUpload(db, c.var.session.idHash, 'schools', uploadId);
      if (!upload) return uploadPage(c, messages.adminPages.imports.expired, 400);
      const preview = previewSchools(db, upload.content, scopeOf(c));
      const marked = importSchools(db, preview, formText(form, 'skipInvalid') === '1');
      if (marked === 0) return uploadPage(c, messages.adminPages.imports.notImported, 400);
      dropUpload(db, c.var.session.idHash, uploadId);
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'school.flags.import', details: { schools: marked, skipped: preview.invalid.length } });
      setFlash(db, c.var.session.idHash, t.imports.done(marked, preview.invalid.length));
      return c.redirect('/admin/schools', 303);
    })
    .get('/:id{[0-9]+}', (c) => {
      const school = findSchool(db, Number(c.req.param('id')));
      if (!school) return errorPage(c, 404, t.notFoundTitle, t.notFound);
      if (!canSeeAggregate(c.var.scope, school.municipalityId)) return forbiddenPage(c);
      const body = (
        <>
          <p>
            {school.municipality}, {t.teacherCount(school.teachers)}.{' '}
            <a href={`/admin/teachers?municipality=${school.municipalityId}&school=${school.id}`}>{t.teachersLink}</a>
          </p>
          <form method="post" action={`/admin/schools/${school.id}`}>
            <CsrfField c={c} />
            <fieldset>
              <legend>{t.flags}</legend>
              {schoolFlags.map((flag) => (
                <div>
                  <input type="checkbox" id={`flag-${flag}`} name="flags" value={flag} checked={school[flag]} />{' '}
                  <label for={`flag-${flag}`}>{flagTitles[flag]}</label>
                </div>
              ))}
            </fieldset>
            <button type="submit">{t.save}</button>
          </form>
        </>
      );
      return renderPage(c, deps, { title: school.name, section: 'schools', body });
    })
    .post('/:id{[0-9]+}', async (c) => {
      const school = findSchool(db, Number(c.req.param('id')));
      if (!school) return errorPage(c, 404, t.notFoundTitle, t.notFound);
      if (!canSeeAggregate(c.var.scope, school.municipalityId)) return forbiddenPage(c);
      const chosen = formList(await readForm(c), 'flags');
      const flags = { lowResults: chosen.includes('lowResults'), adverseConditions: chosen.includes('adverseConditions') };
      setSchoolFlags(db, school.id, flags);
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'school.flags', target: `school:${school.id}`, details: flags });
      setFlash(db, c.var.session.idHash, t.saved);
      return c.redirect(`/admin/schools/${school.id}`, 303);
    });
}
