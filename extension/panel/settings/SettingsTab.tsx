import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelState } from '../../background/protocol.ts';
import { formatDateTime, messages } from '../../messages.ts';
import { useBridge } from '../bridge.ts';
import { ServerField } from '../onboarding/ServerField.tsx';
import { useSession } from '../session.ts';

const t = messages.settings;

/** Sign out, export my data, delete my data on the server. */
export function SettingsTab({ state, onSignedOut }: { state: PanelState; onSignedOut: () => void }) {
  const bridge = useBridge();
  const { session, sync } = useSession();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');
  const eraseInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (erasing) eraseInput.current?.focus();
  }, [erasing]);

  const exportData = async () => {
    setBusy(true);
    setNote({ ok: true, text: t.exporting });
    const result = await bridge.send({ type: 'exportData', sessionId: session.id }).catch((error: unknown) => ({ ok: false as const, message: String(error) }));
    setBusy(false);
    if (!result.ok) return setNote({ ok: false, text: result.message });
    const url = URL.createObjectURL(new Blob([result.json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNote({ ok: true, text: t.exported });
  };

  const signOut = async () => {
    const pending = sync.entries.length;
    if (!window.confirm(t.signOutConfirm(pending))) return;
    await bridge.send({ type: 'signOut', sessionId: session.id });
    onSignedOut();
  };

  const erase = async (event: Event) => {
    event.preventDefault();
    if (typed.trim().toUpperCase() !== t.eraseWord) return;
    setBusy(true);
    const result = await bridge.send({ type: 'eraseData', sessionId: session.id }).catch((error: unknown) => ({ ok: false as const, message: String(error) }));
    setBusy(false);
    if (!result.ok) return setNote({ ok: false, text: result.message });
    onSignedOut();
  };

  return (
    <div class="tab tab--settings">
      <section aria-labelledby="profrost-settings-teacher">
        <h3 id="profrost-settings-teacher">{t.teacherTitle}</h3>
        <p>
          {session.teacher.name}, {session.teacher.school}, {session.teacher.municipality}
          <br />
          <small>{t.connectedAt(formatDateTime(session.connectedAt))}</small>
        </p>
        <button type="button" class="button" onClick={() => void signOut()}>
          {t.signOut}
        </button>
        <p class="field__hint">{t.signOutHint}</p>
      </section>
      <section aria-labelledby="profrost-settings-server">
        <h3 id="profrost-settings-server">{t.serverTitle}</h3>
        <ServerField url={state.serverUrl} managed={state.serverUrlManaged} onSaved={() => undefined} />
      </section>
      <section aria-labelledby="profrost-settings-data">
        <h3 id="profrost-settings-data">{t.exportTitle}</h3>
        <button type="button" class="button" onClick={() => void exportData()} disabled={busy}>
          {t.export}
        </button>
        {note && (
          <p class={note.ok ? 'field__hint' : 'field__error'} role={note.ok ? 'status' : 'alert'}>
            {note.text}
          </p>
        )}
        {!erasing ? (
          <button type="button" class="button button--danger" onClick={() => setErasing(true)}>
            {t.erase}
          </button>
        ) : (
          <form class="danger" onSubmit={(e) => void erase(e)}>
            <p>{t.eraseConfirm}</p>
            <p class="field__hint">{t.eraseHint}</p>
            <label class="field__label" for="profrost-erase">
              {t.eraseTyped}
            </label>
            <input id="profrost-erase" class="input" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} autocomplete="off" ref={eraseInput} />
            <button type="submit" class="button button--danger" disabled={busy || typed.trim().toUpperCase() !== t.eraseWord}>
              {t.eraseSubmit}
            </button>{' '}
            <button type="button" class="button" onClick={() => setErasing(false)}>
              {t.confirmNo}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
