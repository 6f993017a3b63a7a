import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PanelState } from '../background/protocol.ts';
import type { JournalTeacher } from '../journals/teacher.ts';
import { messages } from '../messages.ts';
import { normalizeName, type SessionView } from '../sync/sessions.ts';
import { useBridge } from './bridge.ts';
import { ChooseTeacher } from './onboarding/ChooseTeacher.tsx';
import { Onboarding } from './onboarding/Onboarding.tsx';
import { Unlock } from './onboarding/Unlock.tsx';
import { ReportPage } from './report/ReportPage.tsx';
import { TeacherPanel } from './TeacherPanel.tsx';

export interface PanelProps {
  teacher: JournalTeacher | null;
  needsConfirmation: boolean;
  /** What `getState` answers for the journal's teacher, already asked with the panel's context: the first ask is not sent again. */
  firstState?: PanelState | null;
  onClose: () => void;
}

/**
 * The panel, in its own page framed in the journal's (entrypoints/panel/). It shows the connected teacher whose name the journal shows,
 * and nothing of anyone else: on a shared computer another teacher's
 * session stays closed, and the panel offers to connect the one signed in.
 */
export function Panel({ teacher, needsConfirmation, firstState = null, onClose }: PanelProps) {
  const bridge = useBridge();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);

  // The journal vouches for a name it shows on its own page, as read (an uncertain reading too: a colleague
  // signed in as herself shows her own name), and that name opens the profile connected under it. A name
  // typed or corrected here is never vouched for: it opens a stored profile only with its PIN.
  const [name, setName] = useState(teacher?.name ?? '');
  const nameCertain = !needsConfirmation && teacher !== null;
  const vouched = teacher !== null && normalizeName(name) === normalizeName(teacher.name);
  const [confirmed, setConfirmed] = useState(nameCertain);
  const [state, setState] = useState<PanelState | null>(firstState);
  const [failure, setFailure] = useState<string | null>(null);
  // A profile opened with its PIN (or just connected here): open while this panel is; closing it locks it again.
  const [opened, setOpened] = useState<SessionView | null>(null);
  const [reconnecting, setReconnecting] = useState(false);
  // The teacher's choice when several connected teachers' names agree with the journal's.
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const asked = useRef(0);
  // Only for the very first ask, which is for the journal's own name (as the worker asked it: entrypoints/background.ts).
  const given = useRef(firstState);
  const refresh = useCallback(() => {
    const ask = ++asked.current;
    if (given.current) {
      given.current = null;
      return;
    }
    setState(null);
    bridge.send({ type: 'getState', journalName: name, vouched, sessionId: chosen }).then(
      (next) => {
        if (ask !== asked.current) return;
        setFailure(null);
        setState(next);
      },
      (error: unknown) => ask === asked.current && setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [bridge, name, vouched, chosen]);
  useEffect(refresh, [refresh]);
  const session = opened ?? state?.session ?? null;
  // «Сообщить о странице» where the journal did not give the name, or gave one the teacher corrected.
  const reportReason = teacher === null ? 'noName' : confirmed && !vouched && normalizeName(name) !== normalizeName(teacher.name) ? 'nameCorrected' : null;

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
        ) : session ? (
          <>
            <TeacherPanel
              key={session.id}
              session={session}
              state={state}
              onSignedOut={() => {
                setOpened(null);
                refresh();
              }}
            />
            {reportReason && <ReportPage session={session} reason={reportReason} />}
          </>
        ) : state.sameName.length > 0 ? (
          <ChooseTeacher choices={state.sameName} onChosen={setChosen} />
        ) : state.locked && confirmed && !reconnecting ? (
          <Unlock
            lock={state.locked}
            journalName={name}
            sessionId={chosen}
            onUnlocked={setOpened}
            onReconnect={() => setReconnecting(true)}
            onNotMe={() => setConfirmed(false)}
          />
        ) : (
          <Onboarding
            state={state}
            teacher={teacher}
            name={name}
            confirmed={confirmed}
            nameCertain={nameCertain}
            vouched={vouched}
            onNameConfirmed={(confirmedName) => {
              if (teacher)
                void bridge
                  .send({ type: 'countDetection', event: normalizeName(confirmedName) === normalizeName(teacher.name) ? 'confirmed' : 'corrected' })
                  .catch(() => undefined);
              setName(confirmedName);
              setConfirmed(true);
              setReconnecting(false);
            }}
            onChangeName={() => setConfirmed(false)}
            onConnected={setOpened}
          />
        )}
      </div>
    </main>
  );
}
