import { useEffect } from 'preact/hooks';
import type { MyRecommendation, MyRecommendationsResponse } from '../../../shared/api/recommendations.ts';
import { formatDateTime, messages } from '../../messages.ts';
import { LoadedView } from '../LoadedView.tsx';
import { useNavigate } from '../navigation.ts';
import { useResource, useSession } from '../session.ts';

const t = messages.recommendations;

/**
 * «Рекомендации»: what the methodist sent this teacher, newest first, with
 * the programmes attached. Opening the tab tells the server the ones shown
 * were seen; «Добавить в мой маршрут» makes the programmes items of her ИОМ.
 * Both go through the outbox, like every change the teacher makes.
 */
export function RecommendationsTab() {
  const { loaded, reload } = useResource<MyRecommendationsResponse>({ name: 'recommendations' });
  return (
    <section aria-labelledby="profrost-recommendations-title">
      <h3 id="profrost-recommendations-title">{t.title}</h3>
      <LoadedView loaded={loaded} reload={reload}>
        {(data) => <Recommendations items={data.recommendations} />}
      </LoadedView>
    </section>
  );
}

function Recommendations({ items }: { items: MyRecommendation[] }) {
  const { sync, change } = useSession();
  const unseen = items.filter((item) => !item.seen && !sync.entries.some((e) => e.key.startsWith(`recommendation:${item.id}:`)));
  const unseenIds = unseen.map((item) => item.id).join(',');
  useEffect(() => {
    for (const item of unseen) void change({ kind: 'recommendation', recommendationId: item.id, answer: 'seen', label: t.label(item.title) });
  }, [unseenIds]);
  if (items.length === 0) return <p>{t.none}</p>;
  return (
    <>
      <p class="note">{t.intro}</p>
      <ul class="cards">
        {items.map((item) => (
          <RecommendationCard key={item.id} item={item} />
        ))}
      </ul>
    </>
  );
}

function RecommendationCard({ item }: { item: MyRecommendation }) {
  const { sync, change } = useSession();
  const navigate = useNavigate();
  const pending = sync.entries.find((e) => e.key === `recommendation:${item.id}:accepted` && e.state === 'pending');
  const accepted = item.accepted || pending !== undefined;
  return (
    <li class="card" data-recommendation={item.id}>
      <h4 class="card__title">
        {item.title}
        {!item.seen && <span class="badge"> {t.isNew}</span>}
      </h4>
      <p class="card__meta">
        {item.from} · {t.sentAt(formatDateTime(item.sentAt))}
      </p>
      <p class="recommendation__text">{item.text}</p>
      {item.attachments.length > 0 && (
        <>
          <p class="card__meta">{t.programs}</p>
          <ul>
            {item.attachments.map((attachment) => (
              <li key={attachment.id}>{attachment.title}</li>
            ))}
          </ul>
        </>
      )}
      {accepted ? (
        <p class="run__status">
          {pending ? t.pending : t.accepted}{' '}
          <button type="button" class="link" onClick={() => navigate('route')}>
            {t.toRoute}
          </button>
        </p>
      ) : (
        <button
          type="button"
          class="button"
          onClick={() => void change({ kind: 'recommendation', recommendationId: item.id, answer: 'accepted', label: t.label(item.title) })}
        >
          {t.accept}
        </button>
      )}
    </li>
  );
}
