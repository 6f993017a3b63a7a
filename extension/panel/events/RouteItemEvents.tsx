import type { EventsResponse } from '../../../shared/api/events.ts';
import type { RouteItem } from '../../../shared/api/route.ts';
import { eventKindForRouteItem } from '../../../shared/events/audience.ts';
import { messages } from '../../messages.ts';
import { LoadedView } from '../LoadedView.tsx';
import { useResource } from '../session.ts';
import { EventCard } from './EventCard.tsx';

const t = messages.events;

/**
 * Under an ИОМ item of kind МО or конкурс: the events of the fitting kind for
 * her, to sign up for from the route (the item is then accepted, and done once
 * she is marked present). Nothing for other kinds.
 */
export function RouteItemEvents({ item }: { item: RouteItem }) {
  const kind = eventKindForRouteItem(item.kind);
  const { loaded, reload } = useResource<EventsResponse>(kind ? { name: 'events', kind } : null);
  if (!kind) return null;
  return (
    <section class="route-events" aria-label={`${t.forItemTitle}: ${t.kinds[kind]}`}>
      <h5>{t.forItemTitle}</h5>
      <LoadedView loaded={loaded} reload={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t.noneForItem}</p>
          ) : (
            <ul class="cards">
              {data.items.map((event) => (
                <EventCard key={event.id} event={event} routeItemId={item.id} />
              ))}
            </ul>
          )
        }
      </LoadedView>
    </section>
  );
}
