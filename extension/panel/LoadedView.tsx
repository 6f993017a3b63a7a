import type { ComponentChildren } from 'preact';
import type { Loaded } from '../background/protocol.ts';
import { formatDateTime, messages } from '../messages.ts';

/** A spinner, the error, or the data, with a note when the data come from this device's cache. */
export function LoadedView<T>({ loaded, reload, children }: { loaded: Loaded<T> | null; reload: () => void; children: (data: T) => ComponentChildren }) {
  if (!loaded) {
    return (
      <p class="status status--checking" role="status">
        <span class="spinner" aria-hidden="true" />
        {messages.loading}
      </p>
    );
  }
  if (loaded.kind === 'error') {
    return (
      <div class="status status--down" role="alert">
        <p>{loaded.message}</p>
        <button type="button" class="button" onClick={reload}>
          {messages.sync.reload}
        </button>
      </div>
    );
  }
  return (
    <>
      {loaded.kind === 'cached' && (
        <div class="note note--cache" role="status" data-cache="true">
          <span>{messages.sync.fromCache(formatDateTime(loaded.fetchedAt))}</span>{' '}
          <button type="button" class="link" onClick={reload}>
            {messages.sync.reload}
          </button>
        </div>
      )}
      {children(loaded.data)}
    </>
  );
}
