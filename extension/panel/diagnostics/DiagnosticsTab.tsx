import { useEffect, useState } from 'preact/hooks';
import type { InstrumentsResponse } from '../../../shared/api/diagnostics.ts';
import type { Draft } from '../../background/protocol.ts';
import { formatDate, messages } from '../../messages.ts';
import { useBridge } from '../bridge.ts';
import { LoadedView } from '../LoadedView.tsx';
import { useResource, useSession } from '../session.ts';
import { Runner } from './Runner.tsx';
import { CampaignNotice } from '../campaigns/CampaignNotice.tsx';

const t = messages.diagnostics;

/** «Диагностика»: what can be taken and how far the teacher got, or the sitting itself. */
export function DiagnosticsTab({ startInstrument }: { startInstrument: string | null }) {
  const [running, setRunning] = useState<string | null>(startInstrument);
  const [notice, setNotice] = useState<string | null>(null);
  if (running) {
    return (
      <Runner
        instrumentId={running}
        onExit={(message) => {
          setRunning(null);
          setNotice(message ?? null);
        }}
      />
    );
  }
  return (
    <>
      <CampaignNotice />
      <InstrumentList onStart={setRunning} notice={notice} />
    </>
  );
}

/** The kinds in the order the list shows them: the self-assessment the profile asks for first, the screening last. */
const kindOrder = ['selfAssessment', 'knowledgeTest', 'screening'];

/** The instruments with the self-diagnostic («Пройдите самодиагностику», says the profile) at the top; otherwise as the server sent them. */
export function firstTheSelfAssessment<I extends { kind: string }>(instruments: readonly I[]): I[] {
  const rank = (kind: string) => (kindOrder.includes(kind) ? kindOrder.indexOf(kind) : kindOrder.length);
  return [...instruments].sort((a, b) => rank(a.kind) - rank(b.kind));
}

function InstrumentList({ onStart, notice }: { onStart: (id: string) => void; notice: string | null }) {
  const bridge = useBridge();
  const { session, sync } = useSession();
  const { loaded, reload } = useResource<InstrumentsResponse>({ name: 'instruments' });
  const [drafts, setDrafts] = useState<Record<string, Draft | null>>({});

  const ids = loaded && loaded.kind !== 'error' ? loaded.data.instruments.map((i) => i.id) : [];
  useEffect(() => {
    let live = true;
    Promise.all(ids.map((id) => bridge.send({ type: 'getDraft', sessionId: session.id, instrumentId: id }).then((d) => [id, d] as const))).then(
      (pairs) => live && setDrafts(Object.fromEntries(pairs)),
      () => undefined,
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, session.id, ids.join(',')]);

  const waiting = new Set(sync.entries.filter((e) => e.kind === 'attempt').map((e) => (e.request.body as { instrumentId: string }).instrumentId));

  return (
    <section aria-labelledby="profrost-instruments-title">
      <h3 id="profrost-instruments-title">{t.listTitle}</h3>
      {notice && <p role="status">{notice}</p>}
      <LoadedView loaded={loaded} reload={reload}>
        {(data) => (
          <ul class="cards">
            {firstTheSelfAssessment(data.instruments).map((instrument) => {
              const draft = drafts[instrument.id];
              const answered = draft ? Object.keys(draft.answers).length : 0;
              const status = draft
                ? t.inProgress(answered, instrument.items)
                : waiting.has(instrument.id)
                  ? t.waitingToSend
                  : instrument.lastCompletedAt
                    ? t.lastTaken(formatDate(instrument.lastCompletedAt))
                    : t.notTaken;
              return (
                <li key={instrument.id} class="card" data-instrument={instrument.id}>
                  <h4 class="card__title">{instrument.title}</h4>
                  <p class="card__meta">
                    {t.items(instrument.items)} · <span data-status>{status}</span>
                  </p>
                  <button
                    type="button"
                    class="button"
                    onClick={() => onStart(instrument.id)}
                    aria-label={`${draft ? t.resume : instrument.lastCompletedAt ? t.retake : t.start}: ${instrument.title}`}
                  >
                    {draft ? t.resume : instrument.lastCompletedAt ? t.retake : t.start}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </LoadedView>
    </section>
  );
}
