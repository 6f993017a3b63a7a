import type { InstrumentsResponse } from '../../../shared/api/diagnostics.ts';
import type { MyEnrollmentEntry, MyEnrollmentsResponse } from '../../../shared/api/programs.ts';
import { formatDate, messages } from '../../messages.ts';
import { LoadedView } from '../LoadedView.tsx';
import { useNavigate } from '../navigation.ts';
import { useResource, useSession } from '../session.ts';
import { FeedbackForm } from './FeedbackForm.tsx';

const t = messages.courses;

/** «Мои записи»: status, waitlist place; on a completed programme, the feedback and an offer to retake the diagnostic. */
export function MyEnrollments() {
  const { loaded, reload } = useResource<MyEnrollmentsResponse>({ name: 'myEnrollments' });
  return (
    <LoadedView loaded={loaded} reload={reload}>
      {(data) => {
        const live = data.items.filter((item) => item.status !== 'cancelled');
        if (live.length === 0) return <p>{t.noEnrollments}</p>;
        return (
          <ul class="cards">
            {live.map((item) => (
              <EnrollmentCard key={item.id} item={item} />
            ))}
          </ul>
        );
      }}
    </LoadedView>
  );
}

function EnrollmentCard({ item }: { item: MyEnrollmentEntry }) {
  const { sync } = useSession();
  const cancelling = sync.entries.some((e) => e.key === `cancel:${item.id}` && e.state === 'pending');
  return (
    <li class="card" data-enrollment={item.id} data-status={item.status}>
      <h4 class="card__title">{item.programTitle}</h4>
      <p class="card__meta">
        {t.run(formatDate(item.start), formatDate(item.end))} · {t.hours(item.hours)} · {t.formats[item.format]}
      </p>
      <p class="run__status">
        {cancelling ? t.pendingCancel : t.statuses[item.status]}
        {item.waitlistPosition !== null && `, ${t.waitlistPosition(item.waitlistPosition)}`}
      </p>
      {item.status === 'completed' && <Completed item={item} />}
    </li>
  );
}

function Completed({ item }: { item: MyEnrollmentEntry }) {
  const navigate = useNavigate();
  const instruments = useResource<InstrumentsResponse>({ name: 'instruments' });
  const selfAssessment =
    instruments.loaded && instruments.loaded.kind !== 'error' ? instruments.loaded.data.instruments.find((i) => i.kind === 'selfAssessment') : undefined;
  return (
    <>
      <FeedbackForm item={item} />
      <p class="note">{t.retakeOffer(item.competencies.map((c) => messages.competencies[c].toLowerCase()).join(', '))}</p>
      <button type="button" class="button" onClick={() => navigate('diagnostics', selfAssessment?.id)}>
        {t.retake}
      </button>
    </>
  );
}
