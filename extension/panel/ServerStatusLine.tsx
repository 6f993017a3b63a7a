import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ServerStatus } from '../background/protocol.ts';
import { messages } from '../messages.ts';
import { useBridge } from './bridge.ts';

/** Whether the server answers, checked by the background worker each time this line is shown. */
export function ServerStatusLine({ recheck = 0 }: { recheck?: number }) {
  const bridge = useBridge();
  const [status, setStatus] = useState<ServerStatus | 'checking'>('checking');
  const check = useCallback(() => {
    setStatus('checking');
    bridge.send({ type: 'checkServer' }).then(setStatus, () => setStatus({ reachable: false, reason: 'network', serverUrl: '' }));
  }, [bridge]);
  useEffect(check, [check, recheck]);

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
