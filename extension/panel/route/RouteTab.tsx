import type { RouteItem, RouteItemStatus, RouteResponse } from '../../../shared/api/route.ts';
import { formatDate, messages } from '../../messages.ts';
import { LoadedView } from '../LoadedView.tsx';
import { useResource, useSession } from '../session.ts';

const t = messages.route;

type Decision = Exclude<RouteItemStatus, 'suggested'>;

const decisions: { status: Decision; label: string }[] = [
  { status: 'accepted', label: t.accept },
  { status: 'postponed', label: t.postpone },
  { status: 'done', label: t.done },
];

/** «Маршрут»: the ИОМ with the reason of each item; the teacher accepts, postpones or marks items done. */
export function RouteTab() {
  const { sync, change } = useSession();
  const { loaded, reload } = useResource<RouteResponse>({ name: 'route' });
  // A decision waiting in the outbox is shown as made.
  const waiting = new Map(
    sync.entries
      .filter((e) => e.kind === 'routeItem' && e.state === 'pending')
      .map((e) => [e.key.slice('routeItem:'.length), (e.request.body as { status: Decision }).status]),
  );
  const decide = (item: RouteItem, status: Decision) =>
    change({ kind: 'routeItem', itemId: item.id, update: { status }, label: `${t.kinds[item.kind]}: ${messages.competencies[item.competency]}` });

  return (
    <section aria-labelledby="profrost-route-title">
      <h3 id="profrost-route-title">{t.title}</h3>
      <LoadedView loaded={loaded} reload={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            <ul class="cards">
              {data.items.map((item) => {
                const pending = waiting.get(item.id);
                const status = pending ?? item.status;
                return (
                  <li key={item.id} class={`card card--${status}`} data-route-item={item.id} data-status={status}>
                    <h4 class="card__title">
                      {t.kinds[item.kind]} · {messages.competencies[item.competency]}
                    </h4>
                    <p>
                      <span class="card__label">{t.why}</span> {item.reason}
                    </p>
                    <p class="card__meta">
                      {t.statuses[status]}
                      {pending && ` (${t.pending})`}
                      {item.plannedDate && ` · ${t.planned(formatDate(item.plannedDate))}`}
                    </p>
                    <div class="card__actions" role="group" aria-label={t.kinds[item.kind]}>
                      {decisions.map((decision) => (
                        <button
                          key={decision.status}
                          type="button"
                          class="button"
                          aria-pressed={status === decision.status}
                          onClick={() => void decide(item, decision.status)}
                        >
                          {decision.label}
                        </button>
                      ))}
                    </div>
                  </li>
                );
              })}
            </ul>
          )
        }
      </LoadedView>
    </section>
  );
}
