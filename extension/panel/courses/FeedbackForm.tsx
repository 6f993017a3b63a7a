import { useState } from 'preact/hooks';
import type { FeedbackRequest, FeedbackUsefulness, MyEnrollmentEntry } from '../../../shared/api/programs.ts';
import { messages } from '../../messages.ts';
import { useSession } from '../session.ts';

const t = messages.courses;
const usefulness: FeedbackUsefulness[] = ['yes', 'partly', 'no'];
/** The server's limit (shared/api/programs.ts), repeated so the field stops the teacher before the server would. */
const maxChanged = 2000;

/** Three short questions after a completed programme; answering again replaces the answer. */
export function FeedbackForm({ item }: { item: MyEnrollmentEntry }) {
  const { sync, change } = useSession();
  const waiting = sync.entries.find((e) => e.key === `feedback:${item.id}`);
  const given = (waiting?.request.body as FeedbackRequest | undefined) ?? item.feedback;
  const [editing, setEditing] = useState(!given);
  const [useful, setUseful] = useState<FeedbackUsefulness | null>(given?.useful ?? null);
  const [changed, setChanged] = useState(given?.changedInLessons ?? '');
  const [recommend, setRecommend] = useState<boolean | null>(given?.wouldRecommend ?? null);
  const [error, setError] = useState(false);
  const [thanks, setThanks] = useState(false);

  if (!editing) {
    return (
      <p class="feedback__done">
        {thanks ? t.feedbackThanks : t.feedbackGiven}{' '}
        <button type="button" class="link" onClick={() => setEditing(true)}>
          {t.feedbackEdit}
        </button>
      </p>
    );
  }
  const name = (field: string) => `profrost-feedback-${item.id}-${field}`;
  return (
    <form
      class="feedback"
      aria-label={t.feedbackTitle}
      onSubmit={async (event) => {
        event.preventDefault();
        if (useful === null || recommend === null) return setError(true);
        setError(false);
        await change({
          kind: 'feedback',
          enrollmentId: item.id,
          label: `${t.feedbackTitle}: ${item.programTitle}`,
          feedback: { useful, changedInLessons: changed.trim(), wouldRecommend: recommend },
        });
        setThanks(true);
        setEditing(false);
      }}
    >
      <h5>{t.feedbackTitle}</h5>
      <fieldset>
        <legend>{t.feedbackUseful}</legend>
        {usefulness.map((value) => (
          <label key={value} class="check check--inline">
            <input type="radio" name={name('useful')} checked={useful === value} onChange={() => setUseful(value)} />
            {t.feedbackUsefulOptions[value]}
          </label>
        ))}
      </fieldset>
      <label class="field__label" for={name('changed')}>
        {t.feedbackChanged}
      </label>
      <textarea id={name('changed')} class="input" rows={3} maxLength={maxChanged} value={changed} onInput={(e) => setChanged(e.currentTarget.value)} />
      <fieldset>
        <legend>{t.feedbackRecommend}</legend>
        {[true, false].map((value) => (
          <label key={String(value)} class="check check--inline">
            <input type="radio" name={name('recommend')} checked={recommend === value} onChange={() => setRecommend(value)} />
            {value ? t.yes : t.no}
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="field__error" role="alert">
          {t.feedbackChoose}
        </p>
      )}
      <button type="submit" class="button button--primary">
        {t.feedbackSubmit}
      </button>
    </form>
  );
}
