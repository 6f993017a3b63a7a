import { useEffect, useState } from 'preact/hooks';
import type { TeacherRecord } from '../../shared/api/me.ts';
import type { RouteItem, RouteResponse } from '../../shared/api/route.ts';
import { areaTitles } from '../../shared/competencies.ts';
import type { Loaded, Request, ResponseOf } from '../background/protocol.ts';
import { formatDate, formatMonth, messages } from '../messages.ts';

const t = messages.printable;
const r = messages.route;

type Send = <R extends Request>(request: R) => Promise<ResponseOf<R>>;

/** The учебный год a day falls in: 1 September starts it. */
export function schoolYearOf(day: Date): string {
  const year = day.getFullYear();
  return day.getMonth() >= 8 ? `${year}–${year + 1}` : `${year - 1}–${year}`;
}

/**
 * The ИОМ as a document for the portfolio and the attestation: the teacher,
 * the school, the period, every item with its state and evidence, and the
 * methodist's agreement. The private suggestion (burnout) is left out: the
 * printout is shown to others.
 */
export function PrintableRoute({ sessionId, send }: { sessionId: string; send: Send }) {
  const [route, setRoute] = useState<Loaded<RouteResponse> | null>(null);
  const [me, setMe] = useState<Loaded<TeacherRecord> | null>(null);
  useEffect(() => {
    void send({ type: 'load', sessionId, resource: { name: 'route' } }).then((loaded) => setRoute(loaded as Loaded<RouteResponse>));
    void send({ type: 'load', sessionId, resource: { name: 'me' } }).then((loaded) => setMe(loaded as Loaded<TeacherRecord>));
  }, [sessionId, send]);
  if (!route || !me) return <p>{t.loading}</p>;
  if (route.kind === 'error' || me.kind === 'error')
    return <p role="alert">{route.kind === 'error' ? route.message : me.kind === 'error' ? me.message : ''}</p>;
  const teacher = me.data;
  const data = route.data;
  const items = data.items.filter((item) => item.retired === null && !item.private);
  const agreed = data.agreement.state === 'agreed' && data.agreement.agreedAt !== null;
  return (
    <article class="iom">
      <header>
        <h1>{t.title}</h1>
        <dl class="iom__who">
          <dt>{t.teacher}</dt>
          <dd>{teacher.name}</dd>
          <dt>{t.position}</dt>
          <dd>{teacher.position}</dd>
          <dt>{t.school}</dt>
          <dd>
            {teacher.school}, {teacher.municipality}
          </dd>
          <dt>{t.period}</dt>
          <dd>{t.schoolYear(schoolYearOf(new Date()))}</dd>
          <dt>{t.version}</dt>
          <dd>
            {data.version}
            {data.builtAt && `, ${formatDate(data.builtAt)}`}
          </dd>
        </dl>
        <button type="button" class="iom__print" onClick={() => window.print()}>
          {t.print}
        </button>
      </header>
      {items.length === 0 ? (
        <p>{data.diagnosed ? r.empty : r.beforeDiagnostic}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t.columns.number}</th>
              <th>{t.columns.competency}</th>
              <th>{t.columns.activity}</th>
              <th>{t.columns.when}</th>
              <th>{t.columns.state}</th>
              <th>{t.columns.evidence}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={item.id}>
                <td>{i + 1}</td>
                <td>{areaTitles[item.competency]}</td>
                <td>
                  <strong>{r.kinds[item.kind]}.</strong> {activity(item)}
                  {item.comment && (
                    <p class="iom__comment">
                      {r.methodistComment} {item.comment.text}
                    </p>
                  )}
                </td>
                <td>{when(item)}</td>
                <td>{r.statuses[item.status]}</td>
                <td>{evidence(item)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <footer class="iom__agreement">
        <p>
          <strong>{t.agreement}</strong>{' '}
          {agreed ? t.agreedOn(formatDate(data.agreement.agreedAt!), data.agreement.agreedVersion ?? data.version) : r.agreement[data.agreement.state]}
          {agreed && data.agreement.agreedVersion !== data.version && ` (${r.changedSinceAgreed})`}
        </p>
        <p class="iom__signatures">
          <span>{t.teacherSignature}</span>
          <span>{t.methodistSignature}</span>
        </p>
      </footer>
    </article>
  );
}

function activity(item: RouteItem): string {
  if (!item.course) return item.description;
  const c = item.course;
  return `${c.title} (${c.provider}, ${messages.courses.hours(c.hours)}, ${messages.courses.formats[c.format]})`;
}

function when(item: RouteItem): string {
  if (item.course?.start && item.course.end) return r.course.run(formatDate(item.course.start), formatDate(item.course.end));
  if (item.plannedMonth) return formatMonth(item.plannedMonth);
  if (item.plannedDate) return formatDate(item.plannedDate);
  return '—';
}

function evidence(item: RouteItem): string {
  if (item.evidence) {
    const e = item.evidence;
    return `${r.evidence.recorded(r.evidence.kinds[e.kind], e.number, e.provider, e.hours, formatDate(e.date))}; ${e.confirmedAt ? r.evidence.confirmed : r.evidence.unconfirmed}`;
  }
  if (item.course?.enrollment) return r.course.enrollment[item.course.enrollment.status];
  return '—';
}
