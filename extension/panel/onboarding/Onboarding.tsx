import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelState } from '../../background/protocol.ts';
import type { JournalTeacher } from '../../journals/teacher.ts';
import { messages } from '../../messages.ts';
import type { SessionView } from '../../sync/sessions.ts';
import { useBridge } from '../bridge.ts';
import { ConsentText } from './ConsentText.tsx';
import { ServerField } from './ServerField.tsx';
import { isValidPin } from '../../sync/pin.ts';
import { TextField } from '../TextField.tsx';

const t = messages.onboarding;

interface OnboardingProps {
  state: PanelState;
  teacher: JournalTeacher | null;
  /** The name to connect under: the journal's, or as the teacher corrected it. */
  name: string;
  /** False while the journal's name is uncertain and the teacher has not confirmed it. */
  confirmed: boolean;
  /** The journal's name is certain: it cannot be changed here. */
  nameCertain: boolean;
  /** The journal itself shows this name (not typed or corrected here): a PIN is optional. */
  vouched: boolean;
  onNameConfirmed: (name: string) => void;
  onChangeName: () => void;
  /** The session just connected: it opens at once, the code having shown who she is. */
  onConnected: (session: SessionView) => void;
}

/**
 * Connecting: the name (confirmed when the journal is not sure of it), the
 * server, the code from the methodist, the device's name and the consent to
 * the processing of personal data (152-ФЗ), which must be given.
 */
export function Onboarding({ state, teacher, name, confirmed, nameCertain, vouched, onNameConfirmed, onChangeName, onConnected }: OnboardingProps) {
  // Whose profile is connected here is not said before the name is known: it may be this teacher's.
  if (!confirmed) return <ConfirmName read={name} onConfirmed={onNameConfirmed} />;
  return (
    <ConnectForm
      state={state}
      name={name}
      journalName={teacher?.name ?? ''}
      school={teacher?.school ?? ''}
      onChangeName={nameCertain ? null : onChangeName}
      vouched={vouched}
      onConnected={onConnected}
    />
  );
}

function ConfirmName({ read, onConfirmed }: { read: string; onConfirmed: (name: string) => void }) {
  const [name, setName] = useState(read);
  const [error, setError] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return setError(true);
        onConfirmed(name.trim());
      }}
    >
      <h3>{t.title}</h3>
      <TextField
        id="profrost-name"
        label={t.confirmNameLabel}
        value={name}
        onValue={setName}
        hint={t.confirmNameHint}
        inputRef={input}
        aria-invalid={error}
        autocomplete="name"
      />
      {error && (
        <p class="field__error" role="alert">
          {t.nameRequired}
        </p>
      )}
      <button type="submit" class="button button--primary">
        {t.confirmName}
      </button>
    </form>
  );
}

function ConnectForm({
  state,
  name,
  journalName,
  school,
  onChangeName,
  vouched,
  onConnected,
}: {
  state: PanelState;
  name: string;
  journalName: string;
  school: string;
  onChangeName: (() => void) | null;
  vouched: boolean;
  onConnected: (session: SessionView) => void;
}) {
  const bridge = useBridge();
  const [code, setCode] = useState('');
  const [device, setDevice] = useState(school ? `${messages.sync.defaultDevice} — ${school}` : messages.sync.defaultDevice);
  const [pin, setPin] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => codeInput.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!code.trim()) return setError(t.codeRequired);
    if (!vouched && !pin.trim()) return setError(messages.pin.required);
    if (pin.trim() && !isValidPin(pin.trim())) return setError(messages.pin.invalid);
    if (!consent) return setError(messages.sync.consentRequired);
    setBusy(true);
    setError(null);
    try {
      const result = await bridge.send({ type: 'connect', code, device, journalName, confirmedName: name, vouched, pin, consentAccepted: consent });
      if (result.ok) onConnected(result.session);
      else setError(result.message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="form">
      <h3>{t.title}</h3>
      {state.otherTeacherConnected && <p class="note">{t.otherTeacher}</p>}
      <p>
        {t.journalName(name)}{' '}
        {onChangeName && (
          <button type="button" class="link" onClick={onChangeName}>
            {t.changeName}
          </button>
        )}
      </p>
      <p>{t.intro}</p>
      <form onSubmit={submit} aria-busy={busy}>
        <TextField
          id="profrost-code"
          label={t.codeLabel}
          value={code}
          onValue={setCode}
          inputRef={codeInput}
          class="input input--code"
          placeholder={t.codeHint}
          autocomplete="off"
          spellcheck={false}
        />
        <TextField id="profrost-device" label={t.deviceLabel} value={device} onValue={setDevice} hint={t.deviceHint} />
        <TextField
          id="profrost-new-pin"
          label={messages.pin.label}
          value={pin}
          onValue={setPin}
          hint={vouched ? messages.pin.connectHintOptional : messages.pin.connectHint}
          type="password"
          inputMode="numeric"
          autocomplete="new-password"
          maxLength={6}
          aria-required={!vouched}
        />
        <ConsentText />
        <label class="check">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          <span>{t.consentAccept}</span>
        </label>
        {error && (
          <p class="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t.submitting : t.submit}
        </button>
      </form>
      {/* The code comes first: the server's address is preset by the build or by policy, and is a technical detail. */}
      <details class="more">
        <summary>{t.more}</summary>
        <ServerField url={state.serverUrl} managed={state.serverUrlManaged} onSaved={() => undefined} />
      </details>
    </div>
  );
}
