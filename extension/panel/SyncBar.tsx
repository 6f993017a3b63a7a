import { formatDateTime, messages } from '../messages.ts';
import { useSession } from './session.ts';

/** What is kept on this device and not yet taken by the server, and what the server refused. */
export function SyncBar() {
  const { sync, syncNow, retry, discard } = useSession();
  const pending = sync.entries.filter((entry) => entry.state === 'pending');
  const failed = sync.entries.filter((entry) => entry.state === 'failed');
  return (
    <div class="sync" aria-live="polite">
      {sync.unauthorized && (
        <p class="note note--error" role="alert">
          {messages.sync.unauthorized}
        </p>
      )}
      {pending.length > 0 && (
        <p class="note note--pending" data-pending={pending.length}>
          <span>{messages.sync.waiting(pending.length)}</span>{' '}
          <button type="button" class="link" onClick={() => void syncNow()}>
            {messages.sync.sendNow}
          </button>
        </p>
      )}
      {pending.length === 0 && failed.length === 0 && sync.lastSyncedAt && <p class="sync__ok">{messages.sync.allSent(formatDateTime(sync.lastSyncedAt))}</p>}
      {failed.length > 0 && (
        <div class="note note--error" role="alert">
          <p>{messages.sync.failedTitle}</p>
          <ul class="sync__failed">
            {failed.map((entry) => (
              <li key={entry.id} data-failed={entry.kind}>
                <strong>{entry.label}</strong>: {entry.error?.message}{' '}
                <button type="button" class="link" onClick={() => void retry(entry.id)}>
                  {messages.sync.retry}
                </button>{' '}
                <button type="button" class="link" onClick={() => void discard(entry.id)}>
                  {messages.sync.discard}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
