import { useState } from 'preact/hooks';
import { messages } from '../../messages.ts';
import { useBridge } from '../bridge.ts';
import { ServerStatusLine } from '../ServerStatusLine.tsx';

/** The server address: preset by the build or by policy; the teacher may change it only when no policy sets it. */
export function ServerField({ url, managed, onSaved }: { url: string; managed: boolean; onSaved: () => void }) {
  const bridge = useBridge();
  const [value, setValue] = useState(url);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [recheck, setRecheck] = useState(0);

  const save = async (event: Event) => {
    event.preventDefault();
    const result = await bridge.send({ type: 'setServerUrl', url: value });
    setNote(result.ok ? { ok: true, text: messages.onboarding.serverSaved } : { ok: false, text: result.message });
    if (result.ok) {
      setRecheck((n) => n + 1);
      onSaved();
    }
  };

  return (
    <div class="field">
      {managed ? (
        <>
          <span class="field__label">{messages.onboarding.serverLabel}</span>
          <p class="field__value" data-managed="true">
            {url}
            <br />
            <small>{messages.onboarding.serverManaged}</small>
          </p>
        </>
      ) : (
        <form class="field__row" onSubmit={save}>
          <label class="field__label" for="profrost-server">
            {messages.onboarding.serverLabel}
          </label>
          <input id="profrost-server" class="input" type="url" value={value} onInput={(e) => setValue(e.currentTarget.value)} required />
          <button type="submit" class="button">
            {messages.onboarding.serverSave}
          </button>
        </form>
      )}
      {note && (
        <p class={note.ok ? 'field__hint' : 'field__error'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      <ServerStatusLine recheck={recheck} />
    </div>
  );
}
