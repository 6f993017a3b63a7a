/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { Hono } from 'hono';
import { messages } from './messages.ts';
import { type AuditFilter, type AuditRow, type Referent, auditPageOf, referentsOf } from './store.ts';
import { Pager, pageNumber, pagePosition, russianInstant } from '../../platform/admin/components.tsx';
import type { AdminDeps, AdminEnv } from '../../platform/admin/env.ts';
import { renderPage } from '../../platform/admin/layout.tsx';

/**
 * Журнал действий: who did what, newest first, filtered by action, person and
 * days. A regional admin sees all of it; a methodist sees what the staff of
 * their municipality did and what was done to its teachers. References read
 * as names (a login with its role, a teacher's name, a programme's title), and
 * details as a sentence.
 */

const t = messages.adminPages;
const ta = t.audit;

const actionName = (action: string) => ta.actionNames[action] ?? action;

/** A reference as a person reads it; what is gone is named by its kind and number. */
function referenceText(reference: string, referents: Map<string, Referent>): string {
  if (reference === 'cli') return ta.cli;
  if (reference === '') return ta.wholeInstallation;
  const referent = referents.get(reference);
  const [kind = '', id = ''] = reference.split(/:(.*)/s);
  if (!referent) return kind === 'teacher' ? ta.erasedTeacher(id) : ta.unknownReference(kind, id);
  switch (referent.kind) {
    case 'staff':
      return ta.staff(referent.login, messages.admin.roleNames[referent.role]);
    case 'teacher':
      return referent.erased ? ta.erasedTeacher(id) : ta.teacher(referent.name);
    case 'councilToken':
      return ta.councilToken(referent.name);
    case 'program':
      return ta.program(referent.title);
    case 'run':
      return ta.run(id, referent.programTitle);
    case 'instrument':
      return ta.instrument(referent.title, referent.version);
    case 'municipality':
      return ta.municipality(referent.name);
  }
}

/** A teacher links to the teacher's page, a programme to its own; others are text. */
function Reference({ reference, referents }: { reference: string; referents: Map<string, Referent> }) {
  const text = referenceText(reference, referents);
  const teacher = /^teacher:(\d+)$/.exec(reference);
  if (teacher && referents.get(reference)?.kind === 'teacher' && !(referents.get(reference) as { erased: boolean }).erased) {
    return <a href={`/admin/teachers/${teacher[1]}`}>{text}</a>;
  }
  const program = /^program:(.+)$/.exec(reference);
  if (program && referents.has(reference)) return <a href={`/admin/programs/${encodeURIComponent(program[1]!)}`}>{text}</a>;
  return <>{text}</>;
}

/** One value of the details as words. */
function valueText(key: string, value: unknown, referents: Map<string, Referent>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? ta.yes : ta.no;
  if (key === 'teacherIds' && Array.isArray(value)) return String(value.length);
  if (key === 'municipalityId') return referenceText(`municipality:${String(value)}`, referents);
  if (key === 'programId') return referenceText(`program:${String(value)}`, referents);
  if (Array.isArray(value)) return value.map((item) => valueText(key, item, referents)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return ta.detailValues[String(value)] ?? String(value);
}

/** The details as one sentence: «создано: 3; уже были: 1». */
function detailsText(row: AuditRow, referents: Map<string, Referent>): string {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(row.detailsJson) as Record<string, unknown>;
  } catch {
    return row.detailsJson;
  }
  if (!details || typeof details !== 'object') return '';
  if (row.action === 'teachers.export' && details.municipalityId === null) details = { ...details, municipalityId: undefined };
  return Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${ta.detailLabels[key] ?? key}: ${valueText(key, value, referents)}`)
    .join('; ');
}

/** The references in the details that name something: the page looks them up with the rest. */
function detailReferences(row: AuditRow): string[] {
  try {
    const details = JSON.parse(row.detailsJson) as Record<string, unknown>;
    const found: string[] = [];
    if (typeof details.municipalityId === 'number') found.push(`municipality:${details.municipalityId}`);
    if (typeof details.programId === 'string') found.push(`program:${details.programId}`);
    return found;
  } catch {
    return [];
  }
}

const isDay = (value: string | undefined): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

export function auditPage(deps: AdminDeps) {
  const { db } = deps;
  return new Hono<AdminEnv>().get('/', (c) => {
    const from = c.req.query('from')?.trim() || undefined;
    const to = c.req.query('to')?.trim() || undefined;
    const badDay = (from !== undefined && !isDay(from)) || (to !== undefined && !isDay(to));
    const filter: AuditFilter = {
      action: c.req.query('action')?.trim() || null,
      actor: c.req.query('actor')?.trim() || null,
      from: isDay(from) ? from : null,
      to: isDay(to) ? to : null,
    };
    const page = pageNumber(c);
    const { rows, total, actions, actors } = auditPageOf(db, c.var.scope, filter, pagePosition(c));
    const referents = referentsOf(db, [...actors, ...rows.flatMap((row) => [row.actor, row.target, ...detailReferences(row)])]);
    const people = actors.map((actor) => ({ actor, text: referenceText(actor, referents) })).sort((a, b) => a.text.localeCompare(b.text, 'ru'));
    const body = (
      <>
        {c.var.scope.kind === 'methodist' && <p class="hint">{ta.onlyMine}</p>}
        <form method="get" action="/admin/audit" class="filters">
          <div>
            <label for="action">{ta.actionFilter}</label>
            <select id="action" name="action">
              <option value="">{ta.anyAction}</option>
              {actions.map((name) => (
                <option value={name} selected={name === filter.action}>
                  {actionName(name)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="actor">{ta.personFilter}</label>
            <select id="actor" name="actor">
              <option value="">{ta.anyPerson}</option>
              {people.map(({ actor, text }) => (
                <option value={actor} selected={actor === filter.actor}>
                  {text}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="from">{ta.fromFilter}</label>
            <input type="date" id="from" name="from" value={filter.from ?? ''} />
          </div>
          <div>
            <label for="to">{ta.toFilter}</label>
            <input type="date" id="to" name="to" value={filter.to ?? ''} />
          </div>
          <div>
            <button type="submit">{t.filter}</button>
          </div>
        </form>
        {badDay && (
          <p class="field-error" role="alert">
            {ta.badDay}
          </p>
        )}
        {rows.length === 0 ? (
          <p>{t.nothingFound}</p>
        ) : (
          <table class="audit">
            <thead>
              <tr>
                <th>{ta.at}</th>
                <th>{ta.actor}</th>
                <th>{ta.action}</th>
                <th>{ta.target}</th>
                <th>{ta.details}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>{russianInstant(row.at)}</td>
                  <td>
                    <Reference reference={row.actor} referents={referents} />
                  </td>
                  <td>{actionName(row.action)}</td>
                  <td>
                    <Reference reference={row.target} referents={referents} />
                  </td>
                  <td>{detailsText(row, referents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager c={c} page={page} total={total} keys={rows.length ? { first: rows[0]!.id, last: rows.at(-1)!.id } : undefined} />
      </>
    );
    return renderPage(c, deps, { title: ta.title, section: 'audit', body });
  });
}
