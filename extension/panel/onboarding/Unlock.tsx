import { useEffect, useRef, useState } from 'preact/hooks';
import type { PinLock } from '../../background/protocol.ts';
import { formatDateTime, messages } from '../../messages.ts';
import type { SessionView } from '../../sync/sessions.ts';
import { useBridge } from '../bridge.ts';
import { TextField } from '../TextField.tsx';

const t = messages.pin;

/**
 * A profile is connected here under the name typed, and the journal does not
 * vouch for who is signed in: it opens only with its PIN. Nothing of the
 * profile is shown before (docs/DOMAIN.md, «PIN-код профиля»).
 */
export function Unlock({
  lock,
  journalName,
  sessionId,
  onUnlocked,
  onReconnect,
  onNotMe,
}: {
  lock: PinLock;
  journalName: string;
  /** The teacher's choice when several connected teachers' names agree with the journal's. */
  sessionId?: string;
  onUnlocked: (session: SessionView) => void;
  onReconnect: () => void;
  onNotMe: () => void;
}) {
  const bridge = useBridge();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(lock.waitUntil);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await bridge.send({ type: 'unlock', journalName, sessionId, pin });
      if (result.ok) return onUnlocked(result.session);
      setError(result.message);
      setWaitUntil(result.waitUntil);
      setPin('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="form" data-locked="true">
      <h3>{t.unlockTitle}</h3>
      {lock.pinSet ? (
        <>
          <p>{t.unlockIntro}</p>
          <form onSubmit={submit} aria-busy={busy}>
            <TextField
              id="profrost-pin"
              label={t.label}
              value={pin}
              onValue={setPin}
              inputRef={input}
              type="password"
              inputMode="numeric"
              autocomplete="off"
              maxLength={6}
            />
            {(error || waitUntil) && (
              <p class="field__error" role="alert">
                {error ?? t.wait} {waitUntil && t.waitUntil(formatDateTime(waitUntil))}
              </p>
            )}
            <button type="submit" class="button button--primary" disabled={busy}>
              {busy ? t.checking : t.unlock}
            </button>
          </form>
        </>
      ) : (
        <p class="note">{t.noPin}</p>
      )}
      <p class="field__hint">{t.forgot}</p>
      <p>
        <button type="button" class="link" onClick={onReconnect}>
          {t.reconnect}
        </button>{' '}
        <button type="button" class="link" onClick={onNotMe}>
          {t.notMe}
        </button>
      </p>
    </div>
  );
}
