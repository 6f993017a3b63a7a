import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnswerValue, SittingInstrument, SittingItem } from '../../../shared/schemas/instrument.ts';
import type { Draft } from '../../background/protocol.ts';
import { messages } from '../../messages.ts';
import { useBridge } from '../bridge.ts';
import { LoadedView } from '../LoadedView.tsx';
import { newId } from '../new-id.ts';
import { useResource, useSession } from '../session.ts';
import { choicesOf, keyAction, toggled } from './keyboard.ts';
import { Review } from './Review.tsx';

const t = messages.diagnostics;

/** Taking an instrument: loads it (or its cached copy offline) and the saved answers, then asks. */
export function Runner({ instrumentId, onExit }: { instrumentId: string; onExit: (notice?: string) => void }) {
  const { loaded, reload } = useResource<SittingInstrument>({ name: 'instrument', id: instrumentId });
  return (
    <LoadedView loaded={loaded?.kind === 'error' ? { kind: 'error', message: t.unavailableOffline } : loaded} reload={reload}>
      {(instrument) => <Sitting instrument={instrument} onExit={onExit} />}
    </LoadedView>
  );
}

function freshDraft(instrument: SittingInstrument): Draft {
  const at = new Date().toISOString();
  return { attemptId: newId(), instrumentId: instrument.id, instrumentVersion: instrument.version, answers: {}, current: 0, startedAt: at, updatedAt: at };
}

function Sitting({ instrument, onExit }: { instrument: SittingInstrument; onExit: (notice?: string) => void }) {
  const bridge = useBridge();
  const { session } = useSession();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reviewing, setReviewing] = useState(false);

  useEffect(() => {
    let live = true;
    bridge.send({ type: 'getDraft', sessionId: session.id, instrumentId: instrument.id }).then(
      (saved) => {
        if (!live) return;
        // Answers given to another version cannot be scored with this one: start again.
        const usable = saved && saved.instrumentVersion === instrument.version ? saved : freshDraft(instrument);
        setDraft(usable);
        if (!saved || saved !== usable) void bridge.send({ type: 'saveDraft', sessionId: session.id, draft: usable });
      },
      () => live && setDraft(freshDraft(instrument)),
    );
    return () => {
      live = false;
    };
  }, [bridge, session.id, instrument]);

  if (!draft) return <p role="status">{messages.loading}</p>;

  /** Every answer and every move is saved on the device at once. */
  const save = (next: Draft) => {
    const stamped = { ...next, updatedAt: new Date().toISOString() };
    setDraft(stamped);
    void bridge.send({ type: 'saveDraft', sessionId: session.id, draft: stamped });
  };

  if (reviewing) {
    return (
      <Review
        instrument={instrument}
        draft={draft}
        onBack={() => setReviewing(false)}
        onRestart={() => {
          setReviewing(false);
          save(freshDraft(instrument));
        }}
        onSubmitted={() => onExit(t.submitted)}
      />
    );
  }
  return <Question instrument={instrument} draft={draft} save={save} onFinish={() => setReviewing(true)} onExit={() => onExit()} />;
}

function Question({
  instrument,
  draft,
  save,
  onFinish,
  onExit,
}: {
  instrument: SittingInstrument;
  draft: Draft;
  save: (draft: Draft) => void;
  onFinish: () => void;
  onExit: () => void;
}) {
  const total = instrument.items.length;
  const index = Math.min(draft.current, total - 1);
  const item = instrument.items[index]!;
  const answer = draft.answers[item.id];
  const answeredCount = instrument.items.filter((i) => draft.answers[i.id] !== undefined).length;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [index]);

  const setAnswer = (value: AnswerValue) => {
    const answers = { ...draft.answers };
    if (Array.isArray(value) && value.length === 0) delete answers[item.id];
    else answers[item.id] = value;
    save({ ...draft, answers, current: index });
  };
  const go = (to: number) => {
    if (to >= total) return onFinish();
    save({ ...draft, current: Math.max(0, to) });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    // Buttons keep Enter for themselves; inputs of the options react to digits through here too.
    if (event.key === 'Enter' && target.tagName === 'BUTTON') return;
    const action = keyAction(event.key, item, answer);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'answer') setAnswer(action.value);
    else go(index + (action.type === 'next' ? 1 : -1));
  };

  return (
    <div class="runner" onKeyDown={onKeyDown}>
      <p class="runner__title">{instrument.title}</p>
      <div class="runner__progress">
        <progress max={total} value={index + 1} aria-hidden="true" />
        <span>{t.progress(index + 1, total)}</span> · <span>{t.answered(answeredCount, total)}</span>
      </div>
      <fieldset class="question" data-item={item.id}>
        <legend>
          <h3 class="question__text" tabIndex={-1} ref={heading} aria-describedby="profrost-keyboard-hint">
            <span class="visually-hidden">{t.progress(index + 1, total)}. </span>
            {item.text}
          </h3>
        </legend>
        {item.kind === 'multiple' && <p class="field__hint">{t.multipleHint}</p>}
        <Choices instrument={instrument} item={item} answer={answer} onAnswer={setAnswer} />
      </fieldset>
      <p class="field__hint" id="profrost-keyboard-hint">
        {t.keyboardHint} {t.savedLocally}
      </p>
      <div class="runner__nav">
        <button type="button" class="button" onClick={() => go(index - 1)} disabled={index === 0}>
          {t.previous}
        </button>
        <button type="button" class="button button--primary" onClick={() => go(index + 1)}>
          {index === total - 1 ? t.finish : answer === undefined ? t.skip : t.next}
        </button>
        <button type="button" class="link" onClick={onExit}>
          {t.backToList}
        </button>
      </div>
    </div>
  );
}

function Choices({ instrument, item, answer, onAnswer }: { instrument: SittingInstrument; item: SittingItem; answer: AnswerValue | undefined; onAnswer: (value: AnswerValue) => void }) {
  const choices = choicesOf(item);
  const labelOf = (choice: number | string, i: number) =>
    item.kind === 'likert' ? (instrument.scale?.[i] ?? String(choice)) : (item.options.find((o) => o.id === choice)?.text ?? String(choice));
  const multiple = item.kind === 'multiple';
  return (
    <ol class="choices">
      {choices.map((choice, i) => {
        const checked = multiple ? Array.isArray(answer) && answer.includes(String(choice)) : answer === choice;
        return (
          <li key={String(choice)}>
            <label class={checked ? 'choice choice--checked' : 'choice'}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`profrost-${item.id}`}
                checked={checked}
                onChange={() => onAnswer(multiple ? toggled(answer, String(choice)) : choice)}
              />
              <span class="choice__key" aria-hidden="true">
                {i + 1}
              </span>
              <span>{labelOf(choice, i)}</span>
            </label>
          </li>
        );
      })}
    </ol>
  );
}
