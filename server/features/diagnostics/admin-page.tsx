/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { framework } from '../../../shared/content/index.ts';
import { InstrumentInvalidError, type ValidationIssue } from '../../../shared/errors.ts';
import type { Instrument } from '../../../shared/schemas/instrument.ts';
import { parseInstrument } from '../../../shared/scoring/parse-instrument.ts';
import { messages } from './messages.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import type { Db } from '../../platform/database/database.ts';
import { installInstruments, listInstrumentVersions, storedVersions } from './instrument-store.ts';
import { FieldError, russianInstant } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { formFile, readForm } from '../../platform/admin/forms.ts';
import { CsrfField, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { setFlash } from '../../platform/database/session-store.ts';

/**
 * Диагностики: the stored instrument versions, and (for a regional admin)
 * uploading a new version as JSON. An upload goes through the shared schema
 * and the same framework checks as the shipped content; every problem is
 * listed with its path. A stored version never changes.
 */

const t = messages.adminPages;
const td = t.diagnostics;

type UploadProblem = { sentence: string } | { issues: readonly ValidationIssue[] };

/** Why this instrument cannot be a new version next to what is stored, if it cannot. */
function versionProblem(db: Db, instrument: Instrument): string | undefined {
  const stored = storedVersions(db, instrument.id, instrument.version);
  if (stored.newest === null) return undefined;
  if (stored.hasVersion) return td.versionExists(instrument.id, instrument.version);
  if (instrument.version < stored.newest) return td.versionNotNewer(instrument.id, instrument.version, stored.newest);
  if (stored.kind !== instrument.kind) return td.kindChanged(instrument.id);
  return undefined;
}

function Problems({ problem }: { problem: UploadProblem }) {
  if ('sentence' in problem) return <FieldError id="file-error" error={problem.sentence} />;
  return (
    <div id="file-error">
      <p class="error">{td.invalid}</p>
      <table class="issues">
        <thead>
          <tr>
            <th>{td.path}</th>
            <th>{td.problem}</th>
          </tr>
        </thead>
        <tbody>
          {problem.issues.map((issue) => (
            <tr>
              <td>
                <code>{issue.path || td.whole}</code>
              </td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function diagnosticsPage(deps: AdminDeps) {
  const { db } = deps;
  const page = (c: Context<AdminEnv>, problem?: UploadProblem, status: 200 | 400 = 200) => {
    const versions = listInstrumentVersions(db);
    const body = (
      <>
        <h2>{td.versionsTitle}</h2>
        <table class="versions">
          <thead>
            <tr>
              <th>{td.id}</th>
              <th class="num">{td.version}</th>
              <th>{td.kind}</th>
              <th>{td.instrumentTitle}</th>
              <th class="num">{td.items}</th>
              <th>{td.added}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((row) => (
              <tr>
                <td>
                  <code>{row.id}</code>
                </td>
                <td class="num">{row.version}</td>
                <td>{td.kindNames[row.kind]}</td>
                <td>{row.title}</td>
                <td class="num">{row.items}</td>
                <td>{russianInstant(row.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{td.uploadTitle}</h2>
        {c.var.scope.kind === 'admin' ? (
          <form method="post" action="/admin/diagnostics" enctype="multipart/form-data" class="card">
            <CsrfField c={c} />
            <p class="hint">{td.uploadHint}</p>
            <label for="file">{td.file}</label>
            <input
              type="file"
              id="file"
              name="file"
              accept=".json,application/json"
              required
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? 'file-error' : undefined}
            />
            {problem && <Problems problem={problem} />}
            <p>
              <button type="submit">{td.upload}</button>
            </p>
          </form>
        ) : (
          <p class="hint">{td.onlyAdmin}</p>
        )}
      </>
    );
    return renderPage(c, deps, { title: td.title, section: 'diagnostics', body, status });
  };

  return new Hono<AdminEnv>()
    .get('/', (c) => page(c))
    .post('/', async (c) => {
      if (c.var.scope.kind !== 'admin') return forbiddenPage(c);
      const file = await formFile(await readForm(c), 'file');
      if (!file) return page(c, { sentence: t.imports.noFile }, 400);
      let input: unknown;
      try {
        input = JSON.parse(new TextDecoder().decode(file.content));
      } catch {
        return page(c, { sentence: td.notJson }, 400);
      }
      let instrument: Instrument;
      try {
        instrument = parseInstrument(input, framework);
      } catch (error) {
        if (error instanceof InstrumentInvalidError) return page(c, { issues: error.issues }, 400);
        throw error;
      }
      const problem = db
        .transaction(() => {
          const refusal = versionProblem(db, instrument);
          if (refusal) return refusal;
          installInstruments(db, [instrument]);
          writeAudit(db, {
            actor: staffActor(c.var.staff),
            action: 'instrument.upload',
            target: `instrument:${instrument.id}@${instrument.version}`,
            details: { title: instrument.title, items: instrument.items.length },
          });
          return undefined;
        })
        .immediate();
      if (problem) return page(c, { sentence: problem }, 400);
      setFlash(db, c.var.session.idHash, td.uploaded(instrument.id, instrument.version));
      return c.redirect('/admin/diagnostics', 303);
    });
}
