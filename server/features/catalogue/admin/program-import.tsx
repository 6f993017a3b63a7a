/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { CatalogueFileError, importCatalogue, previewCatalogue } from '../import-programs.ts';
import { messages } from '../messages.ts';
import { ImportPreview, russianDay, UploadForm } from '../../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../../platform/admin/env.ts';
import { formFile, formText, readForm } from '../../../platform/admin/forms.ts';
import { renderPage } from '../../../platform/admin/layout.tsx';
import { setFlash } from '../../../platform/database/session-store.ts';
import { dropUpload, findUpload, keepUpload } from '../../../platform/database/upload-store.ts';

/**
 * Loading the catalogue from CSV: the same preview and import as
 * `profrost programs import`. The uploaded file is checked and kept for
 * this session; nothing is saved until the person confirms.
 */

const t = messages.adminPages;
/** Rows of a file listed in its preview; the rest are counted. */
const previewRows = 100;

const catalogueScope = (c: Context<AdminEnv>) => (c.var.scope.kind === 'methodist' ? { onlyMunicipality: c.var.staff.municipality! } : {});

export function programImportPage(deps: AdminDeps) {
  const { db } = deps;
  const title = `${t.programs.title}: ${t.programs.import}`;
  const uploadPage = (c: Context<AdminEnv>, error?: string, status: 200 | 400 = 200) =>
    renderPage(c, deps, {
      title,
      section: 'programs',
      body: <UploadForm c={c} action="/admin/programs/import" hint={t.imports.catalogueColumns} error={error} />,
      status,
    });

  return new Hono<AdminEnv>()
    .get('/', (c) => uploadPage(c))
    .post('/', async (c) => {
      const file = await formFile(await readForm(c), 'file');
      if (!file) return uploadPage(c, t.imports.noFile, 400);
      let preview;
      try {
        preview = previewCatalogue(db, file.content, catalogueScope(c));
      } catch (error) {
        if (error instanceof CatalogueFileError) return uploadPage(c, error.message, 400);
        throw error;
      }
      const uploadId = keepUpload(db, c.var.session.idHash, 'catalogue', file);
      const valid = preview.rows - preview.invalid.length;
      const runs = preview.programs.flatMap((program) => program.runs.map((run) => ({ program, run })));
      const body = (
        <ImportPreview
          c={c}
          action="/admin/programs/import/confirm"
          uploadId={uploadId}
          rows={preview.rows}
          valid={valid}
          invalid={preview.invalid}
          again="/admin/programs/import"
        >
          <table class="to-import">
            <thead>
              <tr>
                <th>{t.programs.id}</th>
                <th>{t.programs.programTitle}</th>
                <th>{t.programs.runId}</th>
                <th>{t.programs.start}</th>
                <th>{t.programs.end}</th>
                <th class="num">{t.programs.seats}</th>
              </tr>
            </thead>
            <tbody>
              {runs.slice(0, previewRows).map(({ program, run }) => (
                <tr>
                  <td>
                    <code>{program.id}</code>
                  </td>
                  <td>{program.title}</td>
                  <td>
                    <code>{run.id}</code>
                  </td>
                  <td>{russianDay(run.start)}</td>
                  <td>{russianDay(run.end)}</td>
                  <td class="num">{run.seats}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {runs.length > previewRows && <p class="muted">{t.imports.moreRows(runs.length - previewRows)}</p>}
        </ImportPreview>
      );
      return renderPage(c, deps, { title: `${title}: ${t.imports.previewTitle}`, section: 'programs', body });
    })
    .post('/confirm', async (c) => {
      const form = await readForm(c);
      const uploadId = formText(form, 'upload');
      const upload = findUpload(db, c.var.session.idHash, 'catalogue', uploadId);
      if (!upload) return uploadPage(c, t.imports.expired, 400);
      const result = importCatalogue(db, upload.content, {
        ...catalogueScope(c),
        skipInvalid: formText(form, 'skipInvalid') === '1',
        actor: staffActor(c.var.staff),
      });
      if (!result.imported) return uploadPage(c, t.imports.notImported, 400);
      dropUpload(db, c.var.session.idHash, uploadId);
      setFlash(db, c.var.session.idHash, t.imports.catalogueDone(result.created, result.updated, result.runs, result.invalid.length));
      return c.redirect('/admin/programs', 303);
    });
}
