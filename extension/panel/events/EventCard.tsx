import type { EventEntry } from '../../../shared/api/events.ts';
import { formatDate, messages } from '../../messages.ts';
import { newId } from '../new-id.ts';
import { useSession } from '../session.ts';

const t = messages.events;

/**
 * One event with its seats and the teacher's place: sign-up and cancellation
 * go to the outbox as the programmes' do, so they work offline and arrive once.
 * `routeItemId`: signed up from that item of her ИОМ.
 */
export function EventCard({ event, routeItemId }: { event: EventEntry; routeItemId?: string }) {
  const { sync, change } = useSession();
  const waitingSignUp = sync.entries.find((e) => e.kind === 'eventSignUp' && e.state === 'pending' && e.key.startsWith(`eventSignUp:${event.id}:`));
  const mine = event.mySignUp;
  const waitingCancel = mine && sync.entries.some((e) => e.key === `cancelEventSignUp:${mine.id}` && e.state === 'pending');
  const free = Math.max(0, event.seats - event.seatsTaken);
  const dates = t.dates(formatDate(event.start), formatDate(event.end));
  const label = `${event.title} (${dates})`;
  const signUp = () => change({ kind: 'eventSignUp', signUpId: newId(), eventId: event.id, label, ...(routeItemId !== undefined && { routeItemId }) });
  const cancel = (signUpId: string) => window.confirm(t.cancelConfirm) && change({ kind: 'cancelEventSignUp', signUpId, label });

  let status: string | null = null;
  let action = null;
  if (waitingSignUp) {
    status = t.pendingSignUp;
    action = (
      <button type="button" class="link" onClick={() => void cancel(waitingSignUp.key.split(':').at(-1)!)}>
        {t.cancel}
      </button>
    );
  } else if (mine && mine.status !== 'cancelled') {
    status = waitingCancel
      ? t.pendingCancel
      : [
          t.statuses[mine.status],
          mine.waitlistPosition !== null ? t.waitlistPosition(mine.waitlistPosition) : null,
          mine.attended ? t.attended : null,
          mine.result ? t.results[mine.result] : null,
        ]
          .filter(Boolean)
          .join(', ');
    if (!mine.attended && !waitingCancel) {
      action = (
        <button type="button" class="link" onClick={() => void cancel(mine.id)}>
          {t.cancel}
        </button>
      );
    }
  } else {
    action = (
      <button type="button" class="button" onClick={() => void signUp()} aria-label={`${free > 0 ? t.signUp : t.joinWaitlist}: ${label}`}>
        {free > 0 ? t.signUp : t.joinWaitlist}
      </button>
    );
  }
  return (
    <li class="card" data-event={event.id}>
      <h4 class="card__title">{event.title}</h4>
      <p class="card__meta">
        {t.kinds[event.kind]}
        {event.stage && `, ${event.stage}`}
        {event.topic && ` · ${event.topic}`} · {dates} · {event.place} · {event.municipality ?? t.republic}
      </p>
      <p class="card__meta">{free > 0 ? t.seats(free, event.seats) : t.full(event.waitlisted)}</p>
      {status && (
        <p class="run__status" data-event-status={waitingSignUp ? 'pending' : mine?.status}>
          {status}
        </p>
      )}
      {action}
    </li>
  );
}
