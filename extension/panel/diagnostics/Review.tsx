import { useEffect, useRef, useState } from 'preact/hooks';
import { areaIds } from '../../../shared/competencies.ts';
import type { SittingInstrument } from '../../../shared/schemas/instrument.ts';
import { isScorableOnDevice } from '../../../shared/scoring/on-device.ts';
import type { AttemptResult } from '../../../shared/scoring/result.ts';
import type { Draft } from '../../background/protocol.ts';
import { messages } from '../../messages.ts';
import { useBridge } from '../bridge.ts';
import { useSession } from '../session.ts';

const t = messages.diagnostics;

/** The score previewed on this device (works offline), then the submission into the outbox. */
export function Review({
  instrument,
  draft,
  onBack,
  onRestart,
  onSubmitted,
}: {
  instrument: SittingInstrument;
  draft: Draft;
  onBack: () => void;
  onRestart: () => void;
  onSubmitted: () => void;
}) {
  const bridge = useBridge();
  const { session, change } = useSession();
  // A test comes without its keys: the server alone scores it, so there is nothing to preview.
  const previewable = isScorableOnDevice(instrument);
  const [preview, setPreview] = useState<{ result: AttemptResult } | { message: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const unanswered = instrument.items.filter((item) => draft.answers[item.id] === undefined).length;

  useEffect(() => {
    if (!previewable) return;
    bridge.send({ type: 'preview', sessionId: session.id, instrumentId: instrument.id, answers: draft.answers }).then(
      (outcome) => setPreview(outcome.ok ? { result: outcome.result } : { message: outcome.message }),
      (error: unknown) => setPreview({ message: String(error) }),
    );
  }, [previewable, bridge, session.id, instrument.id, draft.answers]);

  const submit = async () => {
    setSubmitting(true);
    await change({
      kind: 'attempt',
      label: instrument.title,
      attempt: {
        id: draft.attemptId,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        answers: draft.answers,
        completedAt: new Date().toISOString(),
      },
    });
    onSubmitted();
  };

  return (
    <section class="review" aria-labelledby="profrost-review-title">
      <h3 id="profrost-review-title" tabIndex={-1} ref={heading}>
        {t.reviewTitle}: {instrument.title}
      </h3>
      {unanswered > 0 && <p class="note">{t.unanswered(unanswered)}</p>}
      {!previewable ? (
        <p class="note">{messages.sync.scoredOnServer}</p>
      ) : !preview ? (
        <p role="status">{messages.loading}</p>
      ) : 'message' in preview ? (
        <p class="note note--error">{preview.message}</p>
      ) : (
        <>
          <ul class="competencies" data-preview="true">
            {areaIds.map((area) => {
              const result = preview.result.areas[area];
              if (!result) return null;
              const name = area === 'wellbeing' ? messages.wellbeing : messages.competencies[area];
              return (
                <li key={area} data-area={area}>
                  <strong>{name}</strong>:{' '}
                  {result.score === null ? messages.levels.insufficientData : `${messages.profile.score(result.score)}, ${messages.levels[result.level]}`}
                </li>
              );
            })}
          </ul>
          <p class="field__hint">{t.reviewNote}</p>
        </>
      )}
      <div class="runner__nav">
        <button type="button" class="button" onClick={onBack}>
          {t.previous}
        </button>
        <button type="button" class="button button--primary" onClick={() => void submit()} disabled={submitting}>
          {t.submit}
        </button>
        <button type="button" class="link" onClick={() => window.confirm(t.discardConfirm) && onRestart()}>
          {t.discard}
        </button>
      </div>
    </section>
  );
}
