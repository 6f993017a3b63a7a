import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Change, Loaded, Resource, SyncState } from '../background/protocol.ts';
import type { SessionView } from '../sync/sessions.ts';
import { useBridge } from './bridge.ts';

/** The open teacher's session, what waits to be sent, and how to change things. */
export interface SessionContextValue {
  session: SessionView;
  sync: SyncState;
  /** Grows every time the server took changes: data shown should be fetched again. */
  serverVersion: number;
  change(change: Change): Promise<void>;
  syncNow(): Promise<void>;
  retry(entryId: string): Promise<void>;
  discard(entryId: string): Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('SessionContext is missing');
  return value;
}

const emptySync: SyncState = { entries: [], unauthorized: false, lastSyncedAt: null };

/** Keeps the sync state of a session current: reads it again whenever the worker stores something of it. */
export function useSessionState(session: SessionView): SessionContextValue {
  const bridge = useBridge();
  const [sync, setSync] = useState<SyncState>(emptySync);
  const [serverVersion, setServerVersion] = useState(0);

  const pendingBefore = useRef(0);
  const apply = useCallback((next: SyncState) => {
    // Fewer waiting entries than before: the server took some, so what is shown may be out of date.
    const pending = next.entries.filter((e) => e.state === 'pending').length;
    if (pending < pendingBefore.current) setServerVersion((v) => v + 1);
    pendingBefore.current = pending;
    setSync(next);
  }, []);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      bridge.send({ type: 'getSync', sessionId: session.id }).then(
        (s) => live && apply(s),
        () => undefined,
      );
    // Opening the panel sends whatever waits.
    bridge.send({ type: 'sync', sessionId: session.id }).then(
      (s) => live && apply(s),
      () => undefined,
    );
    const prefix = `s:${session.id}:`;
    const unsubscribe = bridge.onStoredChange((keys) => {
      if (keys.some((key) => key === `${prefix}outbox` || key === `${prefix}unauthorized` || key === `${prefix}syncedAt`)) void refresh();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [bridge, session.id, apply]);

  const sessionId = session.id;
  return {
    session,
    sync,
    serverVersion,
    change: async (change) => apply(await bridge.send({ type: 'change', sessionId, change })),
    syncNow: async () => apply(await bridge.send({ type: 'sync', sessionId })),
    retry: async (entryId) => apply(await bridge.send({ type: 'retry', sessionId, entryId })),
    discard: async (entryId) => apply(await bridge.send({ type: 'discard', sessionId, entryId })),
  };
}

/**
 * Data from the server through the worker: fresh, or the cached copy with
 * a note when the server is down. Fetched again when `resource` or the
 * server's data (serverVersion) changes. Before the first answer, the copy
 * kept on this device is shown (`peek`), so that the panel opens without
 * waiting for the server; the answer replaces it.
 */
export function useResource<T>(resource: Resource | null): { loaded: Loaded<T> | null; reload: () => void } {
  const bridge = useBridge();
  const { session, serverVersion } = useSession();
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  // Only a first load peeks: after a change the kept copy is older than what is shown.
  const shown = useRef(false);
  shown.current = loaded !== null;
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(resource);
  useEffect(() => {
    if (!resource) return;
    let live = true;
    let answered = false;
    if (!shown.current)
      bridge.send({ type: 'peek', sessionId: session.id, resource }).then(
        (kept) => live && !answered && kept && setLoaded(kept as Loaded<T>),
        () => undefined,
      );
    bridge.send({ type: 'load', sessionId: session.id, resource }).then(
      (result) => {
        answered = true;
        if (live) setLoaded(result as Loaded<T>);
      },
      (error: unknown) => {
        answered = true;
        if (live) setLoaded({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, session.id, key, serverVersion, attempt]);
  return { loaded, reload: () => setAttempt((n) => n + 1) };
}
