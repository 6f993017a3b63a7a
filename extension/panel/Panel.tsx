import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PanelState } from '../background/protocol.ts';
import type { JournalTeacher } from '../journals/teacher.ts';
import { messages } from '../messages.ts';
import { useBridge } from './bridge.ts';
import { Onboarding } from './onboarding/Onboarding.tsx';
import { TeacherPanel } from './TeacherPanel.tsx';

export interface PanelProps {
  teacher: JournalTeacher | null;
  needsConfirmation: boolean;
  onClose: () => void;
}

/**
 * The panel, in its own page framed in the journal's (entrypoints/panel/). It shows the connected teacher whose name the journal shows,
 * and nothing of anyone else: on a shared computer another teacher's
 * session stays closed, and the panel offers to connect the one signed in.
 */
export function Panel({ teacher, needsConfirmation, onClose }: PanelProps) {
  const bridge = useBridge();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);

  // The name the journal shows opens the profile connected under it (a reading the teacher once
  // confirmed is stored with the session); an uncertain one is confirmed before anyone connects with it.
  const [name, setName] = useState(teacher?.name ?? '');
  const [confirmed, setConfirmed] = useState(!needsConfirmation && teacher !== null);
  const [state, setState] = useState<PanelState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = useCallback(() => {
    bridge.send({ type: 'getState', journalName: name }).then(
      (next) => {
        setFailure(null);
        setState(next);
      },
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [bridge, name]);
  useEffect(refresh, [refresh]);

  return (
    // The page's one landmark, named by its title; the journal page sees only the frame (titled the same).
    <main class="panel" aria-labelledby="profrost-panel-title" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <header class="panel__header">
        <h1 class="panel__title" id="profrost-panel-title">
          {messages.panelTitle}
        </h1>
        <button type="button" class="panel__close" ref={closeButton} onClick={onClose} aria-label={messages.close}>
          ×
        </button>
      </header>
      <div class="panel__body">
        {failure ? (
          <p class="note note--error" role="alert">
            {failure}
          </p>
        ) : !state ? (
          <p class="status status--checking" role="status">
            <span class="spinner" aria-hidden="true" />
            {messages.loading}
          </p>
        ) : state.session ? (
          <TeacherPanel key={state.session.id} session={state.session} state={state} onSignedOut={refresh} />
        ) : (
          <Onboarding
            state={state}
            teacher={teacher}
            name={name}
            confirmed={confirmed}
            nameCertain={!needsConfirmation && teacher !== null}
            onNameConfirmed={(confirmedName) => {
              setName(confirmedName);
              setConfirmed(true);
            }}
            onChangeName={() => setConfirmed(false)}
            onConnected={refresh}
          />
        )}
      </div>
    </main>
  );
}
