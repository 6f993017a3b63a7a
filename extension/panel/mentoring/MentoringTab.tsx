import { useState } from 'preact/hooks';
import { type CompetencyId, competencyIds } from '../../../shared/competencies.ts';
import type { MeetingRequest, MyMentoring, PairView } from '../../../shared/api/mentoring.ts';
import { meetingMinutes, meetingNoteMaxLength, mentorContactMaxLength } from '../../../shared/limits/panel-limits.ts';
import { formatDate, messages } from '../../messages.ts';
import { LoadedView } from '../LoadedView.tsx';
import { newId } from '../new-id.ts';
import { useResource, useSession } from '../session.ts';

const t = messages.mentoring;

/** «Наставничество»: the mentee's mentor and their plan; the mentor's mentees, with the meetings she logs (offline too, through the outbox). */
export function MentoringTab() {
  const { loaded, reload } = useResource<MyMentoring>({ name: 'mentoring' });
  return (
    <div class="tab tab--mentoring">
      <p class="note">{t.intro}</p>
      <LoadedView loaded={loaded} reload={reload}>
        {(data) => (
          <>
            <section aria-labelledby="profrost-mentor-title">
              <h3 id="profrost-mentor-title">{t.myMentorTitle}</h3>
              {data.asMentee ? <PairCard pair={data.asMentee} viewer="mentee" /> : <p>{t.noMentor}</p>}
            </section>
            {data.asMentor.length > 0 && (
              <section aria-labelledby="profrost-mentees-title">
                <h3 id="profrost-mentees-title">{t.menteesTitle}</h3>
                <ul class="cards">
                  {data.asMentor.map((pair) => (
                    <li key={pair.pairId} class="card">
                      <PairCard pair={pair} viewer="mentor" />
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {!data.asMentee && <OfferForm offer={data.offer} />}
          </>
        )}
      </LoadedView>
    </div>
  );
}

function PairCard({ pair, viewer }: { pair: PairView; viewer: 'mentor' | 'mentee' }) {
  const { sync } = useSession();
  // Meetings still on this device (offline): shown at once, marked as waiting.
  const waiting = sync.entries
    .filter((entry) => entry.kind === 'meeting')
    .map((entry) => entry.request.body as MeetingRequest & { note: string })
    .filter((meeting) => meeting.pairId === pair.pairId && !pair.meetings.some((m) => m.id === meeting.id));
  return (
    <div class="pair" data-pair={pair.pairId}>
      <h4 class="card__title">{pair.partner.name}</h4>
      <p class="card__meta">
        {pair.partner.school} · {t.since(formatDate(pair.startedOn), pair.endsOn && formatDate(pair.endsOn))}
      </p>
      {viewer === 'mentee' && pair.partner.contact && (
        <p>
          {t.contact}: {pair.partner.contact}
        </p>
      )}
      {pair.focus.length > 0 && (
        <p>
          {t.focus}: {pair.focus.map((id) => messages.competencies[id].toLowerCase()).join(', ')}
        </p>
      )}
      {pair.endRequested && <p class="note">{t.endRequested(pair.endRequested.reason)}</p>}
      <h5>{t.meetingsTitle}</h5>
      {pair.meetings.length === 0 && waiting.length === 0 ? (
        <p>{t.noMeetings}</p>
      ) : (
        <ul class="meetings">
          {waiting.map((meeting) => (
            <li key={meeting.id} data-meeting={meeting.id} data-state="pending">
              {t.meeting(formatDate(meeting.heldOn), meeting.minutes, messages.competencies[meeting.competency].toLowerCase())} — {t.pending}
              {meeting.note && <div class="meeting__note">{meeting.note}</div>}
            </li>
          ))}
          {pair.meetings.map((meeting) => (
            <li key={meeting.id} data-meeting={meeting.id} data-state="sent">
              {t.meeting(formatDate(meeting.heldOn), meeting.minutes, messages.competencies[meeting.competency].toLowerCase())}
              {meeting.note && <div class="meeting__note">{meeting.note}</div>}
            </li>
          ))}
        </ul>
      )}
      {viewer === 'mentor' && <MeetingForm pair={pair} />}
    </div>
  );
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function MeetingForm({ pair }: { pair: PairView }) {
  const { change } = useSession();
  const [heldOn, setHeldOn] = useState(today());
  const [minutes, setMinutes] = useState('45');
  const [competency, setCompetency] = useState<CompetencyId>(pair.focus[0] ?? 'methodical');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const id = (field: string) => `profrost-meeting-${pair.pairId}-${field}`;
  const ordered = [...pair.focus, ...competencyIds.filter((c) => !pair.focus.includes(c))];
  return (
    <form
      class="meeting-form"
      aria-label={`${t.logTitle}: ${pair.partner.name}`}
      onSubmit={async (event) => {
        event.preventDefault();
        await change({
          kind: 'meeting',
          label: t.meetingLabel(pair.partner.name),
          meeting: { id: newId(), pairId: pair.pairId, heldOn, minutes: Number(minutes), competency, note: note.trim() },
        });
        setNote('');
        setDone(true);
      }}
    >
      <h5>{t.logTitle}</h5>
      <label class="field__label" for={id('date')}>
        {t.heldOn}
      </label>
      <input
        id={id('date')}
        class="input"
        type="date"
        required
        max={today()}
        min={pair.startedOn}
        value={heldOn}
        onInput={(e) => setHeldOn(e.currentTarget.value)}
      />
      <label class="field__label" for={id('minutes')}>
        {t.minutes}
      </label>
      <input
        id={id('minutes')}
        class="input"
        type="number"
        required
        min={meetingMinutes.min}
        max={meetingMinutes.max}
        value={minutes}
        onInput={(e) => setMinutes(e.currentTarget.value)}
      />
      <label class="field__label" for={id('competency')}>
        {t.competency}
      </label>
      <select id={id('competency')} class="input" value={competency} onChange={(e) => setCompetency(e.currentTarget.value as CompetencyId)}>
        {ordered.map((c) => (
          <option key={c} value={c}>
            {messages.competencies[c]}
          </option>
        ))}
      </select>
      <label class="field__label" for={id('note')}>
        {t.note}
      </label>
      <textarea id={id('note')} class="input" rows={3} maxLength={meetingNoteMaxLength} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      {done && (
        <p class="note" role="status">
          {t.logged}
        </p>
      )}
      <button type="submit" class="button button--primary">
        {t.log}
      </button>
    </form>
  );
}

/**
 * An experienced teacher offers herself as a mentor (a mentee, who has a mentor, is not asked), with the contact her
 * mentees will see. Through the outbox like every change of hers: the newest offer replaces one still waiting.
 */
function OfferForm({ offer }: { offer: MyMentoring['offer'] }) {
  const { change, sync } = useSession();
  const waiting = sync.entries.find((entry) => entry.kind === 'mentorOffer')?.request.body as MyMentoring['offer'] | undefined;
  const current = waiting ?? offer;
  const [volunteer, setVolunteer] = useState(current.volunteer);
  const [contact, setContact] = useState(current.contact);
  const [done, setDone] = useState(false);
  return (
    <section aria-labelledby="profrost-offer-title">
      <h3 id="profrost-offer-title">{t.offerTitle}</h3>
      <p class="note">{t.offerIntro}</p>
      <form
        class="offer-form"
        onSubmit={async (event) => {
          event.preventDefault();
          await change({ kind: 'mentorOffer', label: t.offerLabel(volunteer), offer: { volunteer, contact: contact.trim() } });
          setDone(true);
        }}
      >
        <label class="check">
          <input type="checkbox" checked={volunteer} onChange={(e) => setVolunteer(e.currentTarget.checked)} /> {t.offerVolunteer}
        </label>
        <label class="field__label" for="profrost-offer-contact">
          {t.offerContact}
        </label>
        <input
          id="profrost-offer-contact"
          class="input"
          type="text"
          maxLength={mentorContactMaxLength}
          value={contact}
          onInput={(e) => setContact(e.currentTarget.value)}
        />
        {(done || waiting) && (
          <p class="note" role="status">
            {waiting ? `${t.offerSaved} (${t.pending})` : t.offerSaved}
          </p>
        )}
        <button type="submit" class="button button--primary">
          {t.offerSave}
        </button>
      </form>
    </section>
  );
}
