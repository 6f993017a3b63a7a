import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
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
  // The draft as of the last change, ahead of the render: keys typed faster than the panel re-renders
  // must each build on the one before, or an answer given a moment ago is overwritten and lost.
  const latest = useRef<Draft | null>(null);
  const [reviewing, setReviewing] = useState(false);

  useEffect(() => {
    let live = true;
    bridge.send({ type: 'getDraft', sessionId: session.id, instrumentId: instrument.id }).then(
      (saved) => {
        if (!live) return;
        // Answers given to another version cannot be scored with this one: start again.
        const usable = saved && saved.instrumentVersion === instrument.version ? saved : freshDraft(instrument);
        latest.current = usable;
        setDraft(usable);
        if (!saved || saved !== usable) void bridge.send({ type: 'saveDraft', sessionId: session.id, draft: usable });
      },
      () => live && setDraft(freshDraft(instrument)),
    );
    return () => {
      live = false;
    };
    // By id and version, not by object: the instrument is loaded again whenever the server's data changes (a sync
    // finishing, say), and reading the saved draft again then would replace answers given since the last save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, session.id, instrument.id, instrument.version]);

  if (!draft) return <p role="status">{messages.loading}</p>;

  /** Every answer and every move is saved on the device at once, each made to the latest draft. */
  const save = (change: (current: Draft) => Draft) => {
    const next = { ...change(latest.current ?? draft), updatedAt: new Date().toISOString() };
    latest.current = next;
    setDraft(next);
    void bridge.send({ type: 'saveDraft', sessionId: session.id, draft: next });
  };

  if (reviewing) {
    return (
      <Review
        instrument={instrument}
        draft={draft}
        onBack={() => setReviewing(false)}
        onRestart={() => {
          setReviewing(false);
          save(() => freshDraft(instrument));
        }}
        onSubmitted={() => onExit(t.submitted)}
      />
    );
  }
  return (
    <Question
      instrument={instrument}
      draft={draft}
      latest={() => latest.current ?? draft}
      save={save}
      onFinish={() => setReviewing(true)}
      onExit={() => onExit()}
    />
  );
}

/** Where a sitting stands in a draft: the question shown and its answer. */
function positionIn(instrument: SittingInstrument, draft: Draft) {
  const index = Math.min(draft.current, instrument.items.length - 1);
  const item = instrument.items[index]!;
  return { index, item, answer: draft.answers[item.id] };
}

function Question({
  instrument,
  draft,
  latest,
  save,
  onFinish,
  onExit,
}: {
  instrument: SittingInstrument;
  draft: Draft;
  /** The draft with every change so far, which this render may not show yet. */
  latest: () => Draft;
  save: (change: (current: Draft) => Draft) => void;
  onFinish: () => void;
  onExit: () => void;
}) {
  const total = instrument.items.length;
  const { index, item, answer } = positionIn(instrument, draft);
  const answeredCount = instrument.items.filter((i) => draft.answers[i.id] !== undefined).length;
  const heading = useRef<HTMLHeadingElement>(null);
  // Before the question is painted, not after: a key pressed as soon as it shows must reach the runner,
  // not the page body that held the focus while the previous screen went away.
  useLayoutEffect(() => heading.current?.focus(), [index]);

  const setAnswer = (itemId: string, value: AnswerValue) =>
    save((current) => {
      const answers = { ...current.answers };
      if (Array.isArray(value) && value.length === 0) delete answers[itemId];
      else answers[itemId] = value;
      return { ...current, answers };
    });
  /** One question on or back from where the sitting is now. */
  const move = (step: 1 | -1) => {
    const to = positionIn(instrument, latest()).index + step;
    if (to >= total) return onFinish();
    save((current) => ({ ...current, current: Math.max(0, to) }));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    // Buttons keep Enter for themselves; inputs of the options react to digits through here too.
    if (event.key === 'Enter' && target.tagName === 'BUTTON') return;
    // The question the key is meant for is the latest one, which a fast typist may be ahead of the render on.
    const now = positionIn(instrument, latest());
    const action = keyAction(event.key, now.item, now.answer);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'answer') setAnswer(now.item.id, action.value);
    else move(action.type === 'next' ? 1 : -1);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys pressed on the question's heading and options bubble up here; the element itself takes no input.
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
        <Choices instrument={instrument} item={item} answer={answer} onAnswer={(value) => setAnswer(item.id, value)} />
      </fieldset>
      <p class="field__hint" id="profrost-keyboard-hint">
        {t.keyboardHint} {t.savedLocally}
      </p>
      <div class="runner__nav">
        <button type="button" class="button" onClick={() => move(-1)} disabled={index === 0}>
          {t.previous}
        </button>
        <button type="button" class="button button--primary" onClick={() => move(1)}>
          {index === total - 1 ? t.finish : answer === undefined ? t.skip : t.next}
        </button>
        <button type="button" class="link" onClick={onExit}>
          {t.backToList}
        </button>
      </div>
    </div>
  );
}

function Choices({
  instrument,
  item,
  answer,
  onAnswer,
}: {
  instrument: SittingInstrument;
  item: SittingItem;
  answer: AnswerValue | undefined;
  onAnswer: (value: AnswerValue) => void;
}) {
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
