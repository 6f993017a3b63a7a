import { useState } from 'preact/hooks';
import type { EvidenceKind, RouteItem, RouteItemStatus, RouteItemUpdate, RouteResponse } from '../../../shared/api/route.ts';
import type { MyMentoring, PairView } from '../../../shared/api/mentoring.ts';
import { areaTitles, evidenceKindsOrder } from './labels.ts';
import { formatDate, formatMonth, messages } from '../../messages.ts';
import { useBridge } from '../bridge.ts';
import { LoadedView } from '../LoadedView.tsx';
import { useNavigate } from '../navigation.ts';
import { newId } from '../new-id.ts';
import { useResource, useSession } from '../session.ts';
import { RouteItemEvents } from '../events/RouteItemEvents.tsx';

const t = messages.route;

type Decision = Exclude<RouteItemStatus, 'suggested'>;

const itemLabel = (item: RouteItem) => `${t.kinds[item.kind]}: ${areaTitles[item.competency]}`;

/**
 * «Маршрут»: the ИОМ as the server built it from the diagnostics. Each item
 * says why it is there and what to do; a course names its programme and run
 * and signs up in one step (the same outbox as «Курсы ДПО»); other kinds take
 * a planned month. The teacher accepts, postpones, marks done (accepted items
 * only; a course taken elsewhere with its document), sends the ИОМ for
 * согласование and opens the printable version.
 */
export function RouteTab() {
  const { loaded, reload } = useResource<RouteResponse>({ name: 'route' });
  return (
    <section aria-labelledby="profrost-route-title">
      <h3 id="profrost-route-title">{t.title}</h3>
      <LoadedView loaded={loaded} reload={reload}>
        {(data) => <Route data={data} />}
      </LoadedView>
    </section>
  );
}

function Route({ data }: { data: RouteResponse }) {
  const navigate = useNavigate();
  const { session, sync, change } = useSession();
  const bridge = useBridge();
  // The mentoring items point to the teacher's pair once she has one (asked only when there is such an item).
  const { loaded: mentoring } = useResource<MyMentoring>(data.items.some((item) => item.kind === 'mentoring') ? { name: 'mentoring' } : null);
  const mentor = mentoring && mentoring.kind !== 'error' ? (mentoring.data.asMentee ?? undefined) : undefined;
  if (!data.diagnosed) {
    return (
      <div class="route-empty">
        <p>{t.beforeDiagnostic}</p>
        <button type="button" class="button" onClick={() => navigate('diagnostics')}>
          {t.toDiagnostics}
        </button>
      </div>
    );
  }
  const active = data.items.filter((item) => item.retired === null);
  const retired = data.items.filter((item) => item.retired !== null);
  const waitingSubmission = sync.entries.find((e) => e.kind === 'routeSubmission' && e.state === 'pending');
  const state = waitingSubmission ? ((waitingSubmission.request.body as { submit: boolean }).submit ? 'submitted' : 'draft') : data.agreement.state;
  const agreedCurrent = state === 'agreed' && data.agreement.agreedVersion === data.version;
  return (
    <>
      <p class="card__meta" data-agreement={state}>
        {t.version(data.version)} ·{' '}
        {state === 'agreed' && data.agreement.agreedAt && data.agreement.agreedVersion !== null
          ? t.agreedOn(formatDate(data.agreement.agreedAt), data.agreement.agreedVersion)
          : t.agreement[state]}
        {state === 'agreed' && !agreedCurrent && ` · ${t.changedSinceAgreed}`}
      </p>
      <div class="card__actions">
        {(state === 'draft' || (state === 'agreed' && !agreedCurrent)) && (
          <button type="button" class="button" onClick={() => void change({ kind: 'routeSubmission', submit: true, label: t.title })}>
            {state === 'draft' ? t.submit : t.resubmit}
          </button>
        )}
        {state === 'submitted' && (
          <button type="button" class="link" onClick={() => void change({ kind: 'routeSubmission', submit: false, label: t.title })}>
            {t.withdraw}
          </button>
        )}
        <button type="button" class="button" onClick={() => void bridge.send({ type: 'openPrintableRoute', sessionId: session.id })}>
          {t.print}
        </button>
      </div>
      {active.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ul class="cards">
          {active.map((item) => (
            <Item key={item.id} item={item} mentor={mentor} />
          ))}
        </ul>
      )}
      {retired.length > 0 && (
        <details class="route-retired">
          <summary>
            {t.retiredTitle} ({retired.length})
          </summary>
          <ul class="cards">
            {retired.map((item) => (
              <li key={item.id} class="card card--retired" data-route-item={item.id} data-status="retired">
                <h4 class="card__title">
                  {t.kinds[item.kind]} · {areaTitles[item.competency]}
                </h4>
                <p>{item.description}</p>
                <p>
                  <span class="card__label">{t.retiredWhy}</span> {item.retired?.reason}
                </p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** A mentoring item's pair: her mentor, and the way to their plan and meetings. */
function MentorPair({ pair }: { pair: PairView }) {
  const navigate = useNavigate();
  return (
    <p class="route-mentor" data-mentor-pair={pair.pairId}>
      {t.myMentor(pair.partner.name, pair.partner.school)}{' '}
      <button type="button" class="link" onClick={() => navigate('mentoring')}>
        {t.toMentoring}
      </button>
    </p>
  );
}

function Item({ item, mentor }: { item: RouteItem; mentor?: PairView | undefined }) {
  const { sync, change } = useSession();
  const pendingEntry = sync.entries.find((e) => e.key === `routeItem:${item.id}` && e.state === 'pending');
  const pending = pendingEntry?.request.body as RouteItemUpdate | undefined;
  const status = pending?.status ?? item.status;
  const plannedMonth = pending?.plannedMonth !== undefined ? pending.plannedMonth : item.plannedMonth;
  // A change waiting for the same item is kept: the outbox keeps one entry an item.
  const update = (next: RouteItemUpdate) => change({ kind: 'routeItem', itemId: item.id, update: { ...pending, ...next }, label: itemLabel(item) });
  const decisions: { status: Decision; label: string }[] = [
    { status: 'accepted', label: t.accept },
    { status: 'postponed', label: t.postpone },
    ...(status === 'accepted' || status === 'done' ? [{ status: 'done' as const, label: t.done }] : []),
  ];
  return (
    <li class={`card card--${status}`} data-route-item={item.id} data-status={status}>
      <h4 class="card__title">
        {t.kinds[item.kind]} · {areaTitles[item.competency]}
        {item.private && <span class="badge"> · {t.privateNote}</span>}
      </h4>
      {item.course ? <Course item={item} onSignedUp={() => update({ status: 'accepted' })} /> : <p>{item.description}</p>}
      {item.kind === 'mentoring' && mentor && <MentorPair pair={mentor} />}
      {status !== 'done' && <RouteItemEvents item={item} />}
      {item.indicators.length > 0 && (
        <p class="card__meta">
          <span class="card__label">{t.focus}</span> {item.indicators.map((i) => i.title).join('; ')}
        </p>
      )}
      <p>
        <span class="card__label">{t.why}</span> {item.reason}
      </p>
      {item.comment && (
        <p class="route-comment">
          <span class="card__label">{t.methodistComment}</span> {item.comment.text}
        </p>
      )}
      <p class="card__meta">
        {t.statuses[status]}
        {pending && ` (${t.pending})`}
        {item.plannedDate && ` · ${t.planned(formatDate(item.plannedDate))}`}
        {plannedMonth && ` · ${t.plannedMonthValue(formatMonth(plannedMonth))}`}
      </p>
      {item.evidence && (
        <p class="card__meta" data-evidence>
          {t.evidence.recorded(
            t.evidence.kinds[item.evidence.kind],
            item.evidence.number,
            item.evidence.provider,
            item.evidence.hours,
            formatDate(item.evidence.date),
          )}{' '}
          · {item.evidence.confirmedAt ? t.evidence.confirmed : t.evidence.unconfirmed}
        </p>
      )}
      {item.kind !== 'course' && status !== 'done' && <PlannedMonth item={item} value={plannedMonth} onSave={(month) => update({ plannedMonth: month })} />}
      <div class="card__actions" role="group" aria-label={itemLabel(item)}>
        {decisions.map((decision) => (
          <button
            key={decision.status}
            type="button"
            class="button"
            aria-pressed={status === decision.status}
            onClick={() => void update({ status: decision.status })}
          >
            {decision.label}
          </button>
        ))}
      </div>
      {item.kind === 'course' && status === 'accepted' && !item.course?.enrollment && (
        <EvidenceForm onSave={(evidence) => update({ status: 'done', evidence })} />
      )}
    </li>
  );
}

function Course({ item, onSignedUp }: { item: RouteItem; onSignedUp: () => void }) {
  const { sync, change } = useSession();
  const course = item.course!;
  const waiting = sync.entries.find((e) => e.kind === 'signUp' && (e.request.body as { runId: string }).runId === item.runId && e.state === 'pending');
  const label = `${course.title}${course.start && course.end ? ` (${formatDate(course.start)} — ${formatDate(course.end)})` : ''}`;
  const canSignUp = !course.enrollment && !waiting && item.runId !== null && course.start !== null;
  const full = course.seatsLeft === 0;
  const signUp = async () => {
    if (!item.programId || !item.runId) return;
    await change({ kind: 'signUp', enrollmentId: newId(), programId: item.programId, runId: item.runId, label });
    onSignedUp();
  };
  return (
    <div class="route-course" data-program={item.programId ?? ''}>
      <p>
        <strong>{course.title}</strong>
      </p>
      <p class="card__meta">
        {course.provider} · {messages.courses.hours(course.hours)} · {messages.courses.formats[course.format]}
      </p>
      <p class="card__meta">
        {course.start && course.end ? t.course.run(formatDate(course.start), formatDate(course.end)) : t.course.noRun}
        {course.seats !== null &&
          course.seatsLeft !== null &&
          ` · ${course.seatsLeft > 0 ? t.course.seatsLeft(course.seatsLeft, course.seats) : t.course.full}`}
      </p>
      {course.enrollment && (
        <p class="run__status" data-enrollment-status={course.enrollment.status}>
          {t.course.enrollment[course.enrollment.status]}
          {course.enrollment.waitlistPosition !== null && `, ${t.course.waitlistPosition(course.enrollment.waitlistPosition)}`}
        </p>
      )}
      {waiting && (
        <p class="run__status" data-enrollment-status="pending">
          {t.course.pendingSignUp}
        </p>
      )}
      {canSignUp && (
        <button type="button" class="button" onClick={() => void signUp()} aria-label={`${full ? t.course.joinWaitlist : t.course.signUp}: ${label}`}>
          {full ? t.course.joinWaitlist : t.course.signUp}
        </button>
      )}
    </div>
  );
}

function PlannedMonth({ item, value, onSave }: { item: RouteItem; value: string | null; onSave: (month: string | null) => void }) {
  const [draft, setDraft] = useState(value ?? '');
  const id = `profrost-month-${item.id}`;
  return (
    <form
      class="route-month"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(/^\d{4}-\d{2}$/.test(draft) ? draft : null);
      }}
    >
      <label class="field__label" for={id}>
        {t.plannedMonth}
      </label>
      <input id={id} class="input" type="month" value={draft} onInput={(event) => setDraft((event.currentTarget as HTMLInputElement).value)} />
      <button type="submit" class="link">
        {t.plannedMonthSave}
      </button>
    </form>
  );
}

interface EvidenceDraft {
  kind: EvidenceKind;
  number: string;
  provider: string;
  hours: string;
  date: string;
}

function EvidenceForm({ onSave }: { onSave: (evidence: { kind: EvidenceKind; number: string; provider: string; hours: number; date: string }) => void }) {
  const [draft, setDraft] = useState<EvidenceDraft>({ kind: 'certificate', number: '', provider: '', hours: '', date: '' });
  const field = (name: keyof EvidenceDraft) => ({
    value: draft[name],
    onInput: (event: Event) => setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value }),
  });
  const e = t.evidence;
  return (
    <details class="route-evidence">
      <summary>{t.elsewhere}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave({ kind: draft.kind, number: draft.number.trim(), provider: draft.provider.trim(), hours: Number(draft.hours), date: draft.date });
        }}
      >
        <label>
          <span class="field__label">{e.kind}</span>
          <select class="input" value={draft.kind} onChange={field('kind').onInput}>
            {evidenceKindsOrder.map((kind) => (
              <option key={kind} value={kind}>
                {e.kinds[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="field__label">{e.number}</span>
          <input class="input" required maxLength={100} {...field('number')} />
        </label>
        <label>
          <span class="field__label">{e.provider}</span>
          <input class="input" required minLength={2} maxLength={300} {...field('provider')} />
        </label>
        <label>
          <span class="field__label">{e.hours}</span>
          <input class="input" type="number" required min={1} max={2000} {...field('hours')} />
        </label>
        <label>
          <span class="field__label">{e.date}</span>
          <input class="input" type="date" required {...field('date')} />
        </label>
        <button type="submit" class="button">
          {e.save}
        </button>
      </form>
    </details>
  );
}
