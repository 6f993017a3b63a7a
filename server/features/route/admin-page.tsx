/** @jsxImportSource hono/jsx */
/** @jsxRuntime automatic */
import { Hono } from 'hono';
import { areaTitles } from '../../../shared/competencies.ts';
import { canSeeTeacher } from '../../platform/auth/scope.ts';
import { fullName, russianDay } from '../../platform/admin/components.tsx';
import { type AdminDeps, type AdminEnv, staffActor } from '../../platform/admin/env.ts';
import { formText, readForm } from '../../platform/admin/forms.ts';
import { CsrfField, errorPage, forbiddenPage, renderPage } from '../../platform/admin/layout.tsx';
import { teacherTarget, writeAudit } from '../../platform/database/audit-store.ts';
import { setFlash } from '../../platform/database/session-store.ts';
import { messages as teachers } from '../teachers/messages.ts';
import { findTeacherPlace } from '../roster/store.ts';
import { readTeacherRecord } from '../me/store.ts';
import { agreementMessages as t } from './messages.ts';
import { settleRoute } from './rebuild.ts';
import { agreeRoute, commentRouteItem, confirmEvidence, readRouteState, routeVersions } from './store.ts';
import { routeItemsView } from './view.ts';
import type { RouteItem } from '../../../shared/api/route.ts';
import type { Context } from 'hono';

const names = teachers.adminPages;

/**
 * A teacher's ИОМ for the methodist (from «Педагоги»): the items with their
 * states, evidence and the methodist's comments, the versions, and the
 * согласование. The private suggestion never appears here. Only a methodist
 * of the teacher's municipality agrees; the regional administrator sees.
 * Every change is written to the audit log.
 */
export function routeAgreementPage(deps: AdminDeps) {
  const { db } = deps;
  /** The teacher if the staff member may see them; otherwise the page to answer with. */
  const teacherOf = (c: Context<AdminEnv>): { id: number } | Response => {
    const id = Number(c.req.param('id'));
    const place = findTeacherPlace(db, id);
    if (!place || place.erasedAt) return errorPage(c, 404, names.notFoundTitle, names.notFound);
    if (!canSeeTeacher(c.var.scope, place)) return forbiddenPage(c);
    return { id };
  };
  const back = (c: Context<AdminEnv>, id: number, flash: string) => {
    setFlash(db, c.var.session.idHash, flash);
    return c.redirect(`/admin/teachers/${id}/route`, 303);
  };
  return new Hono<AdminEnv>()
    .get('/:id{[0-9]+}/route', (c) => {
      const found = teacherOf(c);
      if (found instanceof Response) return found;
      const { id } = found;
      settleRoute(db, id);
      const teacher = readTeacherRecord(db, id)!;
      const state = readRouteState(db, id);
      const items = routeItemsView(db, id, { includePrivate: false });
      const active = items.filter((item) => item.retired === null);
      const retired = items.filter((item) => item.retired !== null);
      const agreedCurrent = state?.agreement === 'agreed' && state.agreedVersion === state.version;
      const body = (
        <>
          <p>
            <a href={`/admin/teachers/${id}`}>{t.back}</a> · {teacher.school}, {teacher.municipality}
          </p>
          {!state?.diagnosed ? (
            <p>{t.notBuilt}</p>
          ) : (
            <>
              <p data-agreement={state.agreement}>
                {t.version(state.version, russianDay(state.builtAt))} ·{' '}
                {state.agreement === 'agreed' && state.agreedAt && state.agreedVersion !== null
                  ? t.agreedOn(russianDay(state.agreedAt), state.agreedVersion)
                  : t.states[state.agreement]}
                {state.agreement === 'agreed' && !agreedCurrent && ` · ${t.changedSinceAgreed}`}
              </p>
              {!agreedCurrent &&
                (c.var.scope.kind === 'methodist' ? (
                  <form method="post" action={`/admin/teachers/${id}/route/agree`} class="inline">
                    <CsrfField c={c} />
                    <button type="submit">{state.agreement === 'agreed' ? t.agreeAgain : t.agree}</button>
                  </form>
                ) : (
                  <p class="hint">{t.agreeOnlyMethodist}</p>
                ))}
              <ItemsTable c={c} teacherId={id} items={active} />
              {retired.length > 0 && (
                <>
                  <h2>{t.retiredTitle}</h2>
                  <ul>
                    {retired.map((item) => (
                      <li>
                        {areaTitles[item.competency]}, {names.activityNames[item.kind]}: {item.description} — {item.retired?.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <h2>{t.versionsTitle}</h2>
              <ul>
                {routeVersions(db, id, { includePrivate: false }).map((v) => (
                  <li>
                    {t.version(v.version, russianDay(v.createdAt))}: {t.causes[v.cause] ?? v.cause}, {t.itemsCount(v.items.filter((i) => !i.retired).length)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      );
      return renderPage(c, deps, { title: t.title(fullName(teacher)), section: 'teachers', body });
    })
    .post('/:id{[0-9]+}/route/agree', (c) => {
      const found = teacherOf(c);
      if (found instanceof Response) return found;
      if (c.var.scope.kind !== 'methodist') return forbiddenPage(c);
      const state = agreeRoute(db, found.id, staffActor(c.var.staff));
      if (!state) return errorPage(c, 409, names.notFoundTitle, t.notBuilt);
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'route.agree', target: teacherTarget(found.id), details: { version: state.version } });
      return back(c, found.id, t.agreed);
    })
    .post('/:id{[0-9]+}/route/items/:item/comment', async (c) => {
      const found = teacherOf(c);
      if (found instanceof Response) return found;
      const text = formText(await readForm(c), 'comment').trim();
      if (text.length > 1000) return back(c, found.id, t.commentTooLong);
      const itemId = c.req.param('item');
      if (!commentRouteItem(db, found.id, itemId, text, staffActor(c.var.staff))) return errorPage(c, 404, names.notFoundTitle, t.noItem);
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'route.comment', target: teacherTarget(found.id), details: { item: itemId, comment: text } });
      return back(c, found.id, t.commented);
    })
    .post('/:id{[0-9]+}/route/items/:item/confirm', (c) => {
      const found = teacherOf(c);
      if (found instanceof Response) return found;
      const itemId = c.req.param('item');
      if (!confirmEvidence(db, found.id, itemId, staffActor(c.var.staff))) return errorPage(c, 404, names.notFoundTitle, t.noItem);
      writeAudit(db, { actor: staffActor(c.var.staff), action: 'route.evidence.confirm', target: teacherTarget(found.id), details: { item: itemId } });
      return back(c, found.id, t.confirmed);
    });
}

function ItemsTable({ c, teacherId, items }: { c: Context<AdminEnv>; teacherId: number; items: RouteItem[] }) {
  return (
    <table class="route">
      <thead>
        <tr>
          <th>{t.columns.competency}</th>
          <th>{t.columns.activity}</th>
          <th>{t.columns.when}</th>
          <th>{t.columns.state}</th>
          <th>{t.columns.evidence}</th>
          <th>{t.columns.comment}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const base = `/admin/teachers/${teacherId}/route/items/${encodeURIComponent(item.id)}`;
          return (
            <tr data-route-item={item.id}>
              <td>{areaTitles[item.competency]}</td>
              <td>
                <strong>{names.activityNames[item.kind]}.</strong>{' '}
                {item.course ? `${item.course.title} (${item.course.provider}, ${item.course.hours} ч.)` : item.description}
                <div class="hint">{item.reason}</div>
              </td>
              <td>
                {item.course?.start && item.course.end
                  ? `${russianDay(item.course.start)}–${russianDay(item.course.end)}`
                  : item.plannedMonth
                    ? t.month(item.plannedMonth)
                    : '—'}
              </td>
              <td>{names.routeStatusNames[item.status]}</td>
              <td>
                {item.evidence ? (
                  <>
                    {t.evidence(
                      t.evidenceKinds[item.evidence.kind],
                      item.evidence.number,
                      item.evidence.provider,
                      item.evidence.hours,
                      russianDay(item.evidence.date),
                    )}
                    {item.evidence.confirmedAt ? (
                      <div class="hint">{t.evidenceConfirmed(russianDay(item.evidence.confirmedAt))}</div>
                    ) : (
                      <form method="post" action={`${base}/confirm`} class="inline">
                        <CsrfField c={c} />
                        <button type="submit">{t.confirmEvidence}</button>
                      </form>
                    )}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <form method="post" action={`${base}/comment`}>
                  <CsrfField c={c} />
                  <label>
                    <span class="visually-hidden">{t.comment}</span>
                    <textarea name="comment" rows={2} maxLength={1000}>
                      {item.comment?.text ?? ''}
                    </textarea>
                  </label>
                  <button type="submit">{t.saveComment}</button>
                </form>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
