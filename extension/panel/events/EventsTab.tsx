import { useState } from 'preact/hooks';
import type { EventsResponse, MyEventSignUpsResponse } from '../../../shared/api/events.ts';
import { type EventKind, eventKinds } from '../../../shared/events/kinds.ts';
import { formatDate, messages } from '../../messages.ts';
import { LoadedView } from '../LoadedView.tsx';
import { useResource } from '../session.ts';
import { EventCard } from './EventCard.tsx';
import { RatingForm } from './RatingForm.tsx';

const t = messages.events;

/** «Мероприятия»: my sign-ups (with the rating after one I attended), then the events for me. */
export function EventsTab() {
  const [kind, setKind] = useState<EventKind | ''>('');
  const list = useResource<EventsResponse>(kind ? { name: 'events', kind } : { name: 'events' });
  const mine = useResource<MyEventSignUpsResponse>({ name: 'myEventSignUps' });
  return (
    <div class="tab tab--events">
      <section aria-labelledby="profrost-my-events-title">
        <h3 id="profrost-my-events-title">{t.mineTitle}</h3>
        <LoadedView loaded={mine.loaded} reload={mine.reload}>
          {(data) =>
            data.items.filter((item) => item.status !== 'cancelled').length === 0 ? (
              <p>{t.noSignUps}</p>
            ) : (
              <ul class="cards">
                {data.items
                  .filter((item) => item.status !== 'cancelled')
                  .map((item) => (
                    <li key={item.id} class="card" data-my-event={item.eventId}>
                      <h4 class="card__title">{item.title}</h4>
                      <p class="card__meta">
                        {t.kinds[item.kind]} · {t.dates(formatDate(item.start), formatDate(item.end))} · {item.place}
                      </p>
                      <p class="run__status">
                        {[t.statuses[item.status], item.attended ? t.attended : null, item.result ? t.results[item.result] : null].filter(Boolean).join(', ')}
                      </p>
                      {item.attended && <RatingForm item={item} />}
                    </li>
                  ))}
              </ul>
            )
          }
        </LoadedView>
      </section>
      <section aria-labelledby="profrost-events-title">
        <h3 id="profrost-events-title">{t.listTitle}</h3>
        <p>{t.intro}</p>
        <label>
          <span class="field__label">{t.kind}</span>
          <select class="input" value={kind} onChange={(event) => setKind((event.currentTarget as HTMLSelectElement).value as EventKind | '')}>
            <option value="">{t.anyKind}</option>
            {eventKinds.map((id) => (
              <option key={id} value={id}>
                {t.kinds[id]}
              </option>
            ))}
          </select>
        </label>
        <LoadedView loaded={list.loaded} reload={list.reload}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t.none}</p>
            ) : (
              <ul class="cards">
                {data.items.map((event) => (
                  <EventCard key={event.id} event={event} />
                ))}
              </ul>
            )
          }
        </LoadedView>
      </section>
    </div>
  );
}
