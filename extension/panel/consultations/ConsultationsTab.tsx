import { useState } from 'preact/hooks';
import type { ConsultationAnswerRequest, MyConsultationsResponse, TeacherConsultation } from '../../../shared/api/consultations.ts';
import { scaleOptions } from '../../../shared/limits/panel-limits.ts';
import { formatDate, formatDateTime, messages } from '../../messages.ts';
import { LoadedView } from '../LoadedView.tsx';
import { newId } from '../new-id.ts';
import { useResource, useSession } from '../session.ts';

const t = messages.consultations;

type Answer = ConsultationAnswerRequest['answers'][number];

/** The outbox key of a consultation's answer: a newer edit replaces one still waiting (background/changes.ts). */
export const consultationKey = (id: number) => `consultation:${id}`;

/** Open consultations she has not answered, on this device or on the server: what the tab's mark counts. */
export function unansweredCount(data: MyConsultationsResponse, waitingKeys: ReadonlySet<string>): number {
  return data.items.filter((c) => c.state === 'open' && c.myAnswer === null && !waitingKeys.has(consultationKey(c.id))).length;
}

/** «Консультации»: the council's questions addressed to her, her answers (editable until the close), the council's conclusions. */
export function ConsultationsTab() {
  const { loaded, reload } = useResource<MyConsultationsResponse>({ name: 'consultations' });
  return (
    <section aria-labelledby="profrost-consultations-title">
      <h3 id="profrost-consultations-title">{messages.tabs.consultations}</h3>
      <p class="note">{t.lead}</p>
      <LoadedView loaded={loaded} reload={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ul class="cards">
              {data.items.map((consultation) => (
                <ConsultationCard key={consultation.id} consultation={consultation} minGroup={data.minGroup} />
              ))}
            </ul>
          )
        }
      </LoadedView>
    </section>
  );
}

function ConsultationCard({ consultation, minGroup }: { consultation: TeacherConsultation; minGroup: number }) {
  const { sync, change } = useSession();
  const waiting = sync.entries.find((e) => e.key === consultationKey(consultation.id));
  const waitingAnswer = waiting?.request.body as ConsultationAnswerRequest | undefined;
  const given = waitingAnswer?.answers ?? consultation.myAnswer?.answers ?? null;
  const [editing, setEditing] = useState(given === null && consultation.state === 'open');
  const [answers, setAnswers] = useState<Answer[]>(
    () => given ?? consultation.questions.map((q) => (q.kind === 'multiple' ? [] : q.kind === 'comment' ? '' : -1)),
  );
  const [error, setError] = useState(false);
  const set = (index: number, value: Answer) => setAnswers((all) => all.map((a, i) => (i === index ? value : a)));
  const name = (index: number) => `profrost-consultation-${consultation.id}-${index}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    const complete = consultation.questions.every((q, i) =>
      q.kind === 'comment' ? true : q.kind === 'multiple' ? (answers[i] as number[]).length > 0 : (answers[i] as number) >= 0,
    );
    if (!complete) return setError(true);
    setError(false);
    const version = Math.max(consultation.myAnswer?.version ?? 0, waitingAnswer?.version ?? 0) + 1;
    const answer: ConsultationAnswerRequest = {
      id: newId(),
      version,
      answers: answers.map((a) => (typeof a === 'string' ? a.trim() : a)),
    };
    await change({ kind: 'consultationAnswer', consultationId: consultation.id, answer, label: t.label(consultation.title) });
    setEditing(false);
  };

  return (
    <li class="card" data-consultation={consultation.id} data-state={consultation.state}>
      <h4 class="card__title">{consultation.title}</h4>
      <p class="card__meta">
        {t.dates(formatDate(consultation.opensOn), formatDate(consultation.closesOn))} · {t.states[consultation.state]}
      </p>
      {consultation.text && <p>{consultation.text}</p>}
      {consultation.conclusion && (
        <div class="note" data-conclusion="true">
          <strong>{t.conclusion}:</strong> {consultation.conclusion}
        </div>
      )}
      {consultation.state === 'closed' ? (
        <p>{given ? t.closedAnswer : t.closedNoAnswer}</p>
      ) : !editing ? (
        <p class="consultation__status" role="status">
          {waiting?.state === 'pending' ? t.pending : consultation.myAnswer ? t.answered(formatDateTime(consultation.myAnswer.updatedAt)) : null}{' '}
          <button type="button" class="link" onClick={() => setEditing(true)}>
            {t.change}
          </button>
        </p>
      ) : (
        <form class="consultation" aria-label={consultation.title} onSubmit={submit}>
          <p class="note" data-privacy="true">
            {t.privacy(minGroup)}
          </p>
          {consultation.questions.map((question, index) => {
            if (question.kind === 'comment') {
              return (
                <div key={index} class="field">
                  <label class="field__label" for={name(index)}>
                    {question.text} — {t.comment}
                  </label>
                  <textarea
                    id={name(index)}
                    class="input"
                    rows={3}
                    maxLength={500}
                    value={answers[index] as string}
                    onInput={(e) => set(index, e.currentTarget.value)}
                  />
                </div>
              );
            }
            const options = question.kind === 'scale' ? scaleOptions.map((p) => t.scale(Number(p))) : question.options;
            return (
              <fieldset key={index}>
                <legend>{question.text}</legend>
                {question.kind === 'scale' && <p class="hint">{t.scaleHint}</p>}
                {options.map((option, o) => {
                  const multiple = question.kind === 'multiple';
                  const current = answers[index];
                  const checked = multiple ? (current as number[]).includes(o) : current === o;
                  return (
                    <label key={o} class={question.kind === 'scale' ? 'check check--inline' : 'check'}>
                      <input
                        type={multiple ? 'checkbox' : 'radio'}
                        name={name(index)}
                        checked={checked}
                        onChange={() =>
                          set(
                            index,
                            multiple ? (checked ? (current as number[]).filter((x) => x !== o) : [...(current as number[]), o].sort((a, b) => a - b)) : o,
                          )
                        }
                      />
                      {option}
                    </label>
                  );
                })}
              </fieldset>
            );
          })}
          {error && (
            <p class="field__error" role="alert">
              {t.chooseAll}
            </p>
          )}
          <button type="submit" class="button button--primary">
            {t.submit}
          </button>
        </form>
      )}
    </li>
  );
}
