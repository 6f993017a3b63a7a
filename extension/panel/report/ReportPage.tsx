import { useState } from 'preact/hooks';
import type { JournalReportReason } from '../../../shared/api/journal-reports.ts';
import { messages } from '../../messages.ts';
import type { SessionView } from '../../sync/sessions.ts';
import { useBridge } from '../bridge.ts';

const t = messages.report;

/**
 * «Сообщить о странице»: offered where the journal did not give the name (or
 * the teacher corrected it). Nothing is read from the page before she agrees;
 * then the worker reads the page's skeleton (report/skeleton.ts) and queues it
 * in her outbox like any change.
 */
export function ReportPage({ session, reason }: { session: SessionView; reason: JournalReportReason }) {
  const bridge = useBridge();
  const [consent, setConsent] = useState(false);
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);

  const send = async (event: Event) => {
    event.preventDefault();
    if (!consent) return setError(t.consentRequired);
    setState('sending');
    setError(null);
    const result = await bridge
      .send({ type: 'reportPage', sessionId: session.id, reason })
      .catch((failure: unknown) => ({ ok: false as const, message: String(failure) }));
    if (result.ok) return setState('sent');
    setState('idle');
    setError(result.message);
  };

  if (state === 'sent')
    return (
      <p class="note" role="status" data-report="sent">
        {t.sent}
      </p>
    );
  return (
    <details class="report-page">
      <summary>{t.title}</summary>
      <form onSubmit={send} aria-busy={state === 'sending'}>
        <p>{t.intro}</p>
        <p class="field__hint">{t.what}</p>
        <label class="check">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          <span>{t.consent}</span>
        </label>
        {error && (
          <p class="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button" disabled={state === 'sending'}>
          {state === 'sending' ? t.sending : t.send}
        </button>
      </form>
    </details>
  );
}
