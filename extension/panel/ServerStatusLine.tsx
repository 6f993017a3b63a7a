import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ServerStatus } from '../background/protocol.ts';
import { messages } from '../messages.ts';
import { send } from './send.ts';

/** Whether the server answers, checked by the background worker each time the panel opens. */
export function ServerStatusLine() {
  const [status, setStatus] = useState<ServerStatus | 'checking'>('checking');
  const check = useCallback(() => {
    setStatus('checking');
    send<'checkServer'>({ type: 'checkServer' }).then(setStatus, () =>
      setStatus({ reachable: false, reason: 'network', serverUrl: '' }),
    );
  }, []);
  useEffect(check, [check]);

  if (status === 'checking') {
    return (
      <p class="status status--checking" role="status">
        <span class="spinner" aria-hidden="true" />
        {messages.server.checking}
      </p>
    );
  }
  if (status.reachable) {
    return (
      <p class="status status--ok" role="status" data-server="reachable">
        {messages.server.reachable(status.version)}
      </p>
    );
  }
  return (
    <div class="status status--down" role="status" data-server="unreachable">
      <p>{status.reason === 'badAnswer' ? messages.server.badAnswer : messages.server.unreachable}</p>
      {status.serverUrl && <p class="status__address">{messages.server.address(status.serverUrl)}</p>}
      <button type="button" class="button" onClick={check}>
        {messages.server.retry}
      </button>
    </div>
  );
}
