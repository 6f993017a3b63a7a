/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { ImportPreview, russianDay, UploadForm } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { formFile, formText, readForm } from '../../platform/admin/forms.ts';
import { renderPage } from '../../platform/admin/layout.tsx';
import { setFlash } from '../../platform/database/session-store.ts';
import { dropUpload, findUpload, keepUpload } from '../../platform/database/upload-store.ts';
import { eventKindTitles } from '../../../shared/schemas/event.ts';
import { EventFileError, importEvents, previewEvents } from './import-events.ts';
import { messages } from './messages.ts';

/**
 * Loading events from CSV (/admin/events-import): upload, the preview that lists every broken row (nothing
 * saved), then the confirmation; as the programmes' import. A methodist loads her municipality's events only.
 */

const t = messages.eventImport;
const imports = messages.adminPages.imports;
const previewRows = 100;

const scopeOf = (c: Context<AdminEnv>) => (c.var.scope.kind === 'methodist' ? { onlyMunicipality: c.var.staff.municipality! } : {});

export function eventImportPage(deps: AdminDeps) {
  const { db } = deps;
  const uploadPage = (c: Context<AdminEnv>, error?: string, status: 200 | 400 = 200) =>
    renderPage(c, deps, {
      title: t.title,
      section: 'events',
      body: <UploadForm c={c} action="/admin/events-import" hint={t.columnsHint} error={error} />,
      status,
    });

  return new Hono<AdminEnv>()
    .get('/', (c) => uploadPage(c))
    .post('/', async (c) => {
      const file = await formFile(await readForm(c), 'file');
      if (!file) return uploadPage(c, imports.noFile, 400);
      let preview;
      try {
        preview = previewEvents(db, file.content, scopeOf(c));
      } catch (error) {
        if (error instanceof EventFileError) return uploadPage(c, error.message, 400);
        throw error;
      }
      const uploadId = keepUpload(db, c.var.session.idHash, 'events', file);
      const body = (
        <ImportPreview
          c={c}
          action="/admin/events-import/confirm"
          uploadId={uploadId}
          rows={preview.rows}
          valid={preview.events.length}
          invalid={preview.invalid}
          again="/admin/events-import"
        >
          <table class="to-import">
            <thead>
              <tr>
                <th>{t.columnNames.id}</th>
                <th>{t.columnNames.kind}</th>
                <th>{t.columnNames.title}</th>
                <th>{t.columnNames.start}</th>
                <th>{t.columnNames.end}</th>
                <th class="num">{t.columnNames.seats}</th>
              </tr>
            </thead>
            <tbody>
              {preview.events.slice(0, previewRows).map((event) => (
                <tr>
                  <td>
                    <code>{event.id}</code>
                  </td>
                  <td>{eventKindTitles[event.kind]}</td>
                  <td>{event.title}</td>
                  <td>{russianDay(event.start)}</td>
                  <td>{russianDay(event.end)}</td>
                  <td class="num">{event.seats}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.events.length > previewRows && <p class="muted">{imports.moreRows(preview.events.length - previewRows)}</p>}
        </ImportPreview>
      );
      return renderPage(c, deps, { title: `${t.title}: ${imports.previewTitle}`, section: 'events', body });
    })
    .post('/confirm', async (c) => {
      const form = await readForm(c);
      const uploadId = formText(form, 'upload');
      const upload = findUpload(db, c.var.session.idHash, 'events', uploadId);
      if (!upload) return uploadPage(c, imports.expired, 400);
      const result = importEvents(db, upload.content, {
        ...scopeOf(c),
        skipInvalid: formText(form, 'skipInvalid') === '1',
        actor: staffActor(c.var.staff),
      });
      if (!result.imported) return uploadPage(c, result.refusal ?? imports.notImported, 400);
      dropUpload(db, c.var.session.idHash, uploadId);
      setFlash(db, c.var.session.idHash, t.done(result.created, result.updated, result.invalid.length));
      return c.redirect('/admin/events', 303);
    });
}
