/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { Hono } from 'hono';
import type { SkeletonNodeWire } from '../../../shared/api/journal-reports.ts';
import { countNodes } from '../../../shared/api/journal-reports.ts';
import { russianInstant } from '../../platform/admin/components.tsx';
import type { AdminDeps, AdminEnv } from '../../platform/admin/env.ts';
import { errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { overrideProblems } from '../journal-overrides/override-problems.ts';
import { draftOverride } from './draft-override.ts';
import { messages } from './messages.ts';
import { detectionCounts, journalReportById, latestJournalReports } from './store.ts';

const t = messages.journalReports;
const shownReports = 100;

/** The skeleton as an indented outline: `div#main.grid (12)`. */
function outline(node: SkeletonNodeWire, depth = 0, lines: string[] = []): string[] {
  const name = `${node.tag}${node.id ? `#${node.id}` : ''}${(node.classes ?? []).map((c) => `.${c}`).join('')}`;
  lines.push(`${'  '.repeat(depth)}${name}${node.text ? ` (${node.text})` : ''}`);
  for (const child of node.children ?? []) outline(child, depth + 1, lines);
  return lines;
}

/**
 * «Журналы»: for the regional administrator only. It concerns the extension
 * the whole republic uses and the overrides only she publishes (`profrost
 * journals publish`); a methodist has nothing to act on here.
 */
export function journalsPage(deps: AdminDeps & { publicUrl: string }) {
  const { db } = deps;
  return new Hono<AdminEnv>()
    .use(async (c, next) => (c.var.staff.role === 'admin' ? next() : forbiddenPage(c)))
    .get('/', (c) => {
      const counts = detectionCounts(db);
      const reports = latestJournalReports(db, shownReports);
      const body = (
        <>
          <p class="hint">{t.intro}</p>
          <h2>{t.countsTitle}</h2>
          {counts.length === 0 ? (
            <p>{t.noCounts}</p>
          ) : (
            <table class="journal-counts">
              <thead>
                <tr>
                  <th>{t.journal}</th>
                  <th>{t.host}</th>
                  <th>{t.pagesSeen}</th>
                  <th>{t.identityRead}</th>
                  <th>{t.confirmed}</th>
                  <th>{t.corrected}</th>
                  <th>{t.launcherFailed}</th>
                  <th>{t.updatedAt}</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((row) => (
                  <tr data-journal={row.journal} data-host={row.host}>
                    <td>{row.journal}</td>
                    <td>{row.host}</td>
                    <td data-count="pagesSeen">{row.pagesSeen}</td>
                    <td data-count="identityRead">
                      {row.identityRead} <span class="hint">{t.share(row.identityRead, row.pagesSeen)}</span>
                    </td>
                    <td data-count="confirmed">{row.confirmed}</td>
                    <td data-count="corrected">{row.corrected}</td>
                    <td data-count="launcherFailed">{row.launcherFailed}</td>
                    <td>{russianInstant(row.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{t.reportsTitle}</h2>
          {reports.length === 0 ? (
            <p>{t.noReports}</p>
          ) : (
            <table class="journal-reports">
              <thead>
                <tr>
                  <th>{t.receivedAt}</th>
                  <th>{t.journal}</th>
                  <th>{t.host}</th>
                  <th>{t.reason}</th>
                  <th>{t.path}</th>
                  <th>{t.globals}</th>
                  <th>{t.elements}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((report) => (
                  <tr data-report={report.id}>
                    <td>
                      <a href={`/admin/journals/reports/${report.id}`}>{russianInstant(report.receivedAt)}</a>
                    </td>
                    <td>{report.journal}</td>
                    <td>{report.host}</td>
                    <td>{t.reasons[report.reason] ?? report.reason}</td>
                    <td>
                      <code>{report.skeleton.path}</code>
                    </td>
                    <td>{report.skeleton.globals.map((g) => g.name).join(', ')}</td>
                    <td>{countNodes(report.skeleton.dom)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      );
      return renderPage(c, deps, { title: t.title, section: 'journals', body });
    })
    .get('/reports/:id', (c) => {
      const report = journalReportById(db, c.req.param('id'));
      if (!report) return errorPage(c, 404, t.title, t.reportNotFound);
      const draft = draftOverride(report);
      const problems = draft ? overrideProblems(draft, deps.publicUrl) : [];
      const body = (
        <>
          <p>
            {report.journal} · {report.host} · {t.reasons[report.reason] ?? report.reason} · {russianInstant(report.receivedAt)}
          </p>
          <h2>{t.draftTitle}</h2>
          {draft ? (
            <>
              <p class="hint">{t.draftHint}</p>
              <textarea class="draft" rows={14} cols={100} readonly aria-label={t.draftTitle}>
                {JSON.stringify(draft, null, 2)}
              </textarea>
              {problems.length === 0 ? (
                <p role="status" data-draft="valid">
                  {t.draftValid}
                </p>
              ) : (
                <div role="alert" data-draft="invalid">
                  <p>{t.draftProblems}</p>
                  <ul>
                    {problems.map((problem) => (
                      <li>{problem}</li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          ) : (
            <p>{t.noDraft}</p>
          )}
          <h2>{t.globalsTitle}</h2>
          {report.skeleton.globals.length === 0 ? (
            <p>{t.noGlobals}</p>
          ) : (
            report.skeleton.globals.map((global) => (
              <>
                <h3>
                  <code>{global.name}</code>
                </h3>
                <pre>{global.keys.join('\n')}</pre>
              </>
            ))
          )}
          <h2>{t.skeletonTitle}</h2>
          <p class="hint">{t.skeletonHint}</p>
          <pre class="skeleton">{outline(report.skeleton.dom).join('\n')}</pre>
          {report.skeleton.truncated > 0 && <p class="hint">{t.truncated(report.skeleton.truncated)}</p>}
        </>
      );
      return renderPage(c, deps, { title: t.reportTitle(report.skeleton.path), section: 'journals', body });
    });
}
