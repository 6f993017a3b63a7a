/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { stringify } from 'csv-stringify/sync';
import { type Context, Hono } from 'hono';
import { competencyIds, competencyTitles } from '../../../shared/competencies.ts';
import { formatNumber } from '../../../shared/format/russian.ts';
import { ErrorSummary, FieldError } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { formText, readForm } from '../../platform/admin/forms.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { canSeeAggregate, type StaffScope } from '../../platform/auth/scope.ts';
import { writeAudit } from '../../platform/database/audit-store.ts';
import { setFlash } from '../../platform/database/session-store.ts';
import { neutralise } from '../summaries/csv.ts';
import { subjectTitles } from '../subjects/messages.ts';
import { isSubject, type SubjectId, subjectIds } from '../subjects/subjects.ts';
import { filterChoices } from '../teachers/directory-store.ts';
import { messages } from './messages.ts';
import {
  type AssociationDeficits,
  type AssociationRow,
  associationDeficits,
  associationMembers,
  associationOfSubject,
  bringBack,
  createAssociation,
  findAssociation,
  isTeacherOf,
  listAssociations,
  moveTeacher,
  takenOut,
  updateAssociation,
} from './store.ts';

const t = messages.associations;

function positiveInt(value: string | undefined): number | undefined {
  return value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

type CreateErrors = Partial<Record<'municipality' | 'subject' | 'name', string>>;
interface CreateValues {
  municipality: string;
  subject: string;
  name: string;
}

/**
 * МО: a municipality's subject methodical associations. The list with a form
 * creating one; an МО's page where its name and leader are set and its
 * members are moved to another МО or out (and brought back). A methodist sees
 * and changes only her municipality's МО; the regional administrator every one.
 */
export function associationsPage(deps: AdminDeps) {
  const { db } = deps;

  const list = (c: Context<AdminEnv>, values: CreateValues, errors: CreateErrors, status: 200 | 400 = 200) => {
    const scope = c.var.scope;
    const associations = listAssociations(db, scope);
    const deficits = associationDeficits(db, scope);
    const municipalities = filterChoices(db, scope, {}).municipalities;
    const body = (
      <>
        <p class="hint">{t.intro}</p>
        {associations.length === 0 ? (
          <p>{t.nothing}</p>
        ) : (
          <table class="associations">
            <thead>
              <tr>
                <th>{t.name}</th>
                {scope.kind === 'admin' && <th>{t.municipality}</th>}
                <th>{t.subject}</th>
                <th>{t.leader}</th>
                <th class="num">{t.members}</th>
                <th class="num">{t.diagnosed}</th>
                <th class="num">{t.withDeficit}</th>
              </tr>
            </thead>
            <tbody>
              {associations.map((row) => (
                <tr>
                  <td>
                    <a href={`/admin/associations/${row.id}`}>{row.name}</a>
                  </td>
                  {scope.kind === 'admin' && <td>{row.municipality}</td>}
                  <td>{subjectTitles[row.subject]}</td>
                  <td>{row.leader ?? t.noLeader}</td>
                  <td class="num">{row.members}</td>
                  <td class="num">{formatNumber(deficits.get(row.id)?.diagnosed ?? 0)}</td>
                  <td class="num">{formatNumber(deficits.get(row.id)?.withDeficit ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {associations.length > 0 && (
          <p>
            <a href="/admin/associations/deficits.csv">{t.csvLink}</a>
          </p>
        )}
        <h2 id="create-title">{t.createTitle}</h2>
        <ErrorSummary errors={errors} order={['municipality', 'subject', 'name']} />
        <form method="post" action="/admin/associations" class="card" aria-labelledby="create-title">
          <CsrfField c={c} />
          {scope.kind === 'admin' && (
            <div>
              <label for="municipality">{t.municipality}</label>
              <select id="municipality" name="municipality" aria-describedby={errors.municipality ? 'municipality-error' : undefined}>
                <option value="" />
                {municipalities.map((m) => (
                  <option value={String(m.id)} selected={String(m.id) === values.municipality}>
                    {m.name}
                  </option>
                ))}
              </select>
              <FieldError id="municipality-error" error={errors.municipality} />
            </div>
          )}
          <div>
            <label for="subject">{t.subject}</label>
            <select id="subject" name="subject" aria-describedby={errors.subject ? 'subject-error' : undefined}>
              <option value="" />
              {subjectIds.map((id) => (
                <option value={id} selected={id === values.subject}>
                  {subjectTitles[id]}
                </option>
              ))}
            </select>
            <FieldError id="subject-error" error={errors.subject} />
          </div>
          <div>
            <label for="name">{t.name}</label>
            <input id="name" name="name" value={values.name} maxlength={200} aria-describedby={errors.name ? 'name-error' : undefined} />
            <FieldError id="name-error" error={errors.name} />
          </div>
          <button type="submit">{t.create}</button>
        </form>
      </>
    );
    return renderPage(c, deps, { title: t.title, section: 'associations', body, status });
  };

  /** The МО of the id in the path, when the scope may see it; else the page to answer with. */
  const opened = (c: Context<AdminEnv>): AssociationRow | Response => {
    const row = findAssociation(db, Number(c.req.param('id')));
    if (!row) return errorPage(c, 404, t.notFoundTitle, t.notFound);
    if (!canSeeAggregate(c.var.scope, row.municipalityId)) return forbiddenPage(c);
    return row;
  };

  const page = (
    c: Context<AdminEnv>,
    row: AssociationRow,
    values: { name: string; leader: string },
    errors: Partial<Record<'name' | 'leader' | 'move', string>>,
  ) => {
    const members = associationMembers(db, row);
    const deficits = associationDeficits(db, c.var.scope, { associationId: row.id }).get(row.id);
    const out = takenOut(db, row);
    const others = listAssociations(db, c.var.scope, { municipalityId: row.municipalityId }).filter(
      (other) => other.id !== row.id && other.municipalityId === row.municipalityId,
    );
    // The leader is chosen among the members, and the leader she is now stays in the list even if moved out.
    const leaders =
      row.leaderId !== null && row.leader && !members.some((m) => m.id === row.leaderId) ? [{ id: row.leaderId, name: row.leader }, ...members] : members;
    const body = (
      <>
        <p>
          {row.municipality}, {subjectTitles[row.subject]}: {t.memberCount(members.length)}.{' '}
          <a href={`/admin/teachers?association=${row.id}`}>{t.teachersLink}</a>
        </p>
        <ErrorSummary errors={errors} order={['name', 'leader', 'move']} />
        <form method="post" action={`/admin/associations/${row.id}`} class="card">
          <CsrfField c={c} />
          <div>
            <label for="name">{t.name}</label>
            <input id="name" name="name" value={values.name} maxlength={200} aria-describedby={errors.name ? 'name-error' : undefined} />
            <FieldError id="name-error" error={errors.name} />
          </div>
          <div>
            <label for="leader">{t.leader}</label>
            <select id="leader" name="leader" aria-describedby={errors.leader ? 'leader-error' : undefined}>
              <option value="">{t.noLeader}</option>
              {leaders.map((teacher) => (
                <option value={String(teacher.id)} selected={String(teacher.id) === values.leader}>
                  {teacher.name}
                </option>
              ))}
            </select>
            <FieldError id="leader-error" error={errors.leader} />
          </div>
          <button type="submit">{t.save}</button>
        </form>
        <AssociationDeficitsTable association={row} deficits={deficits} />
        <h2 id="move">{t.membersTitle}</h2>
        {members.length === 0 ? (
          <p>{t.noMembers}</p>
        ) : (
          <table class="association-members">
            <thead>
              <tr>
                <th>{t.teacher}</th>
                <th>{t.school}</th>
                <th>{t.moveTo}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((teacher) => (
                <tr>
                  <td>
                    <a href={`/admin/teachers/${teacher.id}`}>{teacher.name}</a>
                  </td>
                  <td>{teacher.school}</td>
                  <td>
                    <form method="post" action={`/admin/associations/${row.id}/move`} class="inline">
                      <CsrfField c={c} />
                      <input type="hidden" name="teacher" value={String(teacher.id)} />
                      <label for={`to-${teacher.id}`} class="visually-hidden">
                        {`${t.moveTo}: ${teacher.name}`}
                      </label>
                      <select id={`to-${teacher.id}`} name="to">
                        {others.map((other) => (
                          <option value={String(other.id)}>{other.name}</option>
                        ))}
                        <option value="out">{t.out}</option>
                      </select>{' '}
                      <button type="submit">{t.move}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {out.length > 0 && (
          <>
            <h2>{t.takenOutTitle}</h2>
            <ul class="taken-out">
              {out.map((teacher) => (
                <li>
                  {teacher.name}, {teacher.school}{' '}
                  <form method="post" action={`/admin/associations/${row.id}/back`} class="inline">
                    <CsrfField c={c} />
                    <input type="hidden" name="teacher" value={String(teacher.id)} />
                    <button type="submit" aria-label={`${t.bringBack}: ${teacher.name}`}>
                      {t.bringBack}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    );
    return renderPage(c, deps, { title: row.name, section: 'associations', body, status: Object.keys(errors).length > 0 ? 400 : 200 });
  };

  const municipalityFor = (scope: StaffScope, sent: string): number | undefined => {
    if (scope.kind === 'methodist') return scope.municipalityId;
    const id = positiveInt(sent);
    return id !== undefined && filterChoices(db, scope, {}).municipalities.some((m) => m.id === id) ? id : undefined;
  };

  return new Hono<AdminEnv>()
    .get('/', (c) => list(c, { municipality: '', subject: '', name: '' }, {}))
    .get('/deficits.csv', (c) => {
      const deficits = associationDeficits(db, c.var.scope);
      const records = listAssociations(db, c.var.scope).map((row) => {
        const group = deficits.get(row.id);
        const deficitIn = (area: string) => group?.byCompetency.find((standing) => standing.area === area)?.deficit ?? 0;
        return [
          neutralise(row.municipality),
          neutralise(row.name),
          subjectTitles[row.subject],
          String(row.members),
          String(group?.diagnosed ?? 0),
          String(group?.withDeficit ?? 0),
          ...competencyIds.map((id) => String(deficitIn(id))),
        ];
      });
      // A BOM and `;` so that Excel in a Russian locale opens it as it is.
      const csv = `\uFEFF${stringify([t.csvHeader(competencyIds.map((id) => competencyTitles[id])), ...records], { delimiter: ';', record_delimiter: 'windows' })}`;
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="profrost-mo.csv"' });
    })
    .post('/', async (c) => {
      const form = await readForm(c);
      const values = { municipality: formText(form, 'municipality'), subject: formText(form, 'subject'), name: formText(form, 'name').trim() };
      const errors: CreateErrors = {};
      const municipalityId = municipalityFor(c.var.scope, values.municipality);
      if (municipalityId === undefined) errors.municipality = t.errors.municipality;
      const subject: SubjectId | undefined = isSubject(values.subject) ? values.subject : undefined;
      if (!subject) errors.subject = t.errors.subject;
      else if (municipalityId !== undefined && associationOfSubject(db, municipalityId, subject) !== undefined) errors.subject = t.errors.duplicate;
      if (values.name.length < 3 || values.name.length > 200) errors.name = t.errors.name;
      if (Object.keys(errors).length > 0 || municipalityId === undefined || !subject) return list(c, values, errors, 400);
      const id = createAssociation(db, { municipalityId, subject, name: values.name, leaderId: null, at: new Date().toISOString() });
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'association.create', target: `association:${id}`, details: { municipalityId, subject } });
      setFlash(db, c.var.session.idHash, t.created);
      return c.redirect(`/admin/associations/${id}`, 303);
    })
    .get('/:id{[0-9]+}', (c) => {
      const row = opened(c);
      if (row instanceof Response) return row;
      return page(c, row, { name: row.name, leader: row.leaderId === null ? '' : String(row.leaderId) }, {});
    })
    .post('/:id{[0-9]+}', async (c) => {
      const row = opened(c);
      if (row instanceof Response) return row;
      const form = await readForm(c);
      const values = { name: formText(form, 'name').trim(), leader: formText(form, 'leader') };
      const errors: Partial<Record<'name' | 'leader', string>> = {};
      if (values.name.length < 3 || values.name.length > 200) errors.name = t.errors.name;
      const leaderId = values.leader === '' ? null : (positiveInt(values.leader) ?? -1);
      if (leaderId !== null && !isTeacherOf(db, leaderId, row.municipalityId)) errors.leader = t.errors.leader;
      if (Object.keys(errors).length > 0) return page(c, row, values, errors);
      updateAssociation(db, row.id, { name: values.name, leaderId });
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'association.update', target: `association:${row.id}`, details: { leaderId } });
      setFlash(db, c.var.session.idHash, t.saved);
      return c.redirect(`/admin/associations/${row.id}`, 303);
    })
    .post('/:id{[0-9]+}/move', async (c) => {
      const row = opened(c);
      if (row instanceof Response) return row;
      const form = await readForm(c);
      const teacherId = positiveInt(formText(form, 'teacher'));
      const member = teacherId === undefined ? undefined : associationMembers(db, row).find((m) => m.id === teacherId);
      const sent = formText(form, 'to');
      const target = sent === 'out' ? null : findAssociation(db, positiveInt(sent) ?? 0);
      const values = { name: row.name, leader: row.leaderId === null ? '' : String(row.leaderId) };
      if (!member) return page(c, row, values, { move: t.errors.moveTeacher });
      if (target === undefined || (target !== null && (target.municipalityId !== row.municipalityId || target.id === row.id))) {
        return page(c, row, values, { move: t.errors.moveTarget });
      }
      moveTeacher(db, { teacherId: member.id, from: row.id, to: target?.id ?? null });
      writeAudit(db, {
        actor: staffActor(c.var.staff),
        action: 'association.move',
        target: `teacher:${member.id}`,
        details: { from: row.id, to: target?.id ?? null },
      });
      setFlash(db, c.var.session.idHash, t.moved(member.name));
      return c.redirect(`/admin/associations/${row.id}`, 303);
    })
    .post('/:id{[0-9]+}/back', async (c) => {
      const row = opened(c);
      if (row instanceof Response) return row;
      const teacherId = positiveInt(formText(await readForm(c), 'teacher'));
      const teacher = teacherId === undefined ? undefined : takenOut(db, row).find((m) => m.id === teacherId);
      if (!teacher) return page(c, row, { name: row.name, leader: row.leaderId === null ? '' : String(row.leaderId) }, { move: t.errors.moveTeacher });
      bringBack(db, row.id, teacher.id);
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'association.move', target: `teacher:${teacher.id}`, details: { from: null, to: row.id } });
      setFlash(db, c.var.session.idHash, t.broughtBack(teacher.name));
      return c.redirect(`/admin/associations/${row.id}`, 303);
    });
}

/** An МО's deficits by competency, each count of teachers with a deficit opening them on «Педагоги». */
function AssociationDeficitsTable({ association, deficits }: { association: AssociationRow; deficits: AssociationDeficits | undefined }) {
  const standings = deficits?.byCompetency.filter((standing) => standing.scored > 0) ?? [];
  return (
    <>
      <h2 id="deficits">{t.deficitsTitle}</h2>
      <p class="hint">{t.deficitsHint}</p>
      {standings.length === 0 ? (
        <p>{t.noResults}</p>
      ) : (
        <table class="association-deficits" aria-labelledby="deficits">
          <thead>
            <tr>
              <th>{t.competency}</th>
              <th class="num">{t.scored}</th>
              <th class="num">{t.withDeficit}</th>
              <th class="num">{t.highDeficit}</th>
            </tr>
          </thead>
          <tbody>
            {standings.map((standing) => (
              <tr>
                <td>{competencyTitles[standing.area]}</td>
                <td class="num">{formatNumber(standing.scored)}</td>
                <td class="num">
                  {standing.deficit > 0 ? (
                    <a
                      href={`/admin/teachers?association=${association.id}&deficit=${standing.area}`}
                      aria-label={t.deficitLink(competencyTitles[standing.area], formatNumber(standing.deficit))}
                    >
                      {formatNumber(standing.deficit)}
                    </a>
                  ) : (
                    formatNumber(0)
                  )}
                </td>
                <td class="num">{formatNumber(standing.highDeficit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
