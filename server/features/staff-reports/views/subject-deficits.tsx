/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { columns } from '../../summaries/columns.ts';
import type { SummaryRow } from '../../summaries/summary.ts';
import { subjectTitles } from '../../subjects/messages.ts';
import { type SubjectId, subjectIds } from '../../subjects/subjects.ts';
import { messages } from '../messages.ts';
import { SummaryTable } from './parts.tsx';

const v = messages.reports.views;
const d = v.dashboard;

/**
 * «Дефициты по предметам» with its subject filter, on «Обзор» and «Спрос»: the levels by subject of the page's
 * scope, the republic's or one municipality's (a teacher of two subjects under each), suppressed with the levels
 * (docs/ARCHITECTURE.md).
 */
export function SubjectDeficits({ period, rows, subject, anchor }: { period: string; rows: SummaryRow[]; subject: SubjectId | undefined; anchor: string }) {
  const subjectColumns = columns('deficits', 'subject').filter((c) => c.key !== 'period' && c.key !== 'competencyId');
  return (
    <>
      <h3 id={anchor}>{d.bySubject}</h3>
      <p class="report-hint">{d.bySubjectHint}</p>
      <form method="get" action={`#${anchor}`} class="report-period">
        <input type="hidden" name="period" value={period} />
        <label>
          {d.subject}{' '}
          <select name="subject">
            <option value="">{d.anySubject}</option>
            {subjectIds.map((id) => (
              <option value={id} selected={id === subject}>
                {subjectTitles[id]}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">{v.showSubject}</button>
      </form>
      {rows.length === 0 ? <p>{d.bySubjectNone}</p> : <SummaryTable columns={subjectColumns} rows={rows} />}
    </>
  );
}
