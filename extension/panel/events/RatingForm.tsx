import { useState } from 'preact/hooks';
import type { EventFeedback, MyEventSignUpEntry } from '../../../shared/api/events.ts';
import { type EventRating, eventRatings } from '../../../shared/events/kinds.ts';
import { messages } from '../../messages.ts';
import { useSession } from '../session.ts';

const t = messages.events;
/** The server's limit (shared/api/events.ts), repeated so the field stops the teacher before the server would. */
const maxComment = 2000;

/** Three short questions after an event she was marked present at; answering again replaces the answer. */
export function RatingForm({ item }: { item: MyEventSignUpEntry }) {
  const { sync, change } = useSession();
  const waiting = sync.entries.find((e) => e.key === `eventFeedback:${item.id}`);
  const given = (waiting?.request.body as EventFeedback | undefined) ?? item.feedback;
  const [editing, setEditing] = useState(!given);
  const [satisfied, setSatisfied] = useState<EventRating | null>(given?.satisfied ?? null);
  const [useful, setUseful] = useState<EventRating | null>(given?.useful ?? null);
  const [comment, setComment] = useState(given?.comment ?? '');
  const [error, setError] = useState(false);

  if (!editing) {
    return (
      <p class="feedback__done">
        {t.ratingGiven}{' '}
        <button type="button" class="link" onClick={() => setEditing(true)}>
          {t.ratingEdit}
        </button>
      </p>
    );
  }
  const name = (field: string) => `profrost-rating-${item.id}-${field}`;
  const question = (legend: string, field: string, value: EventRating | null, set: (rating: EventRating) => void) => (
    <fieldset>
      <legend>{legend}</legend>
      {eventRatings.map((rating) => (
        <label key={rating} class="check check--inline">
          <input type="radio" name={name(field)} checked={value === rating} onChange={() => set(rating)} />
          {t.ratingOptions[rating]}
        </label>
      ))}
    </fieldset>
  );
  return (
    <form
      class="feedback"
      aria-label={t.ratingTitle}
      onSubmit={async (event) => {
        event.preventDefault();
        if (satisfied === null || useful === null) return setError(true);
        setError(false);
        await change({
          kind: 'eventFeedback',
          signUpId: item.id,
          label: `${t.ratingTitle}: ${item.title}`,
          feedback: { satisfied, useful, comment: comment.trim() },
        });
        setEditing(false);
      }}
    >
      <h5>{t.ratingTitle}</h5>
      {question(t.satisfied, 'satisfied', satisfied, setSatisfied)}
      {question(t.useful, 'useful', useful, setUseful)}
      <label class="field__label" for={name('comment')}>
        {t.comment}
      </label>
      <textarea id={name('comment')} class="input" rows={3} maxLength={maxComment} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      {error && (
        <p class="field__error" role="alert">
          {t.ratingChoose}
        </p>
      )}
      <button type="submit" class="button button--primary">
        {t.ratingSubmit}
      </button>
    </form>
  );
}
