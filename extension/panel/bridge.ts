import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Request, ResponseOf } from '../background/protocol.ts';

/**
 * How the panel reaches the background worker: typed requests, and a signal
 * when the worker changed this browser's stored data (a change was sent, a
 * session ended). In the extension it is runtime messaging and
 * storage.onChanged (browser-bridge.ts); tests connect the same worker
 * directly.
 */
export interface Bridge {
  send<R extends Request>(request: R): Promise<ResponseOf<R>>;
  /** Calls `listener` whenever stored data of the extension changed; returns the unsubscribe. */
  onStoredChange(listener: (keys: string[]) => void): () => void;
}

export const BridgeContext = createContext<Bridge | null>(null);

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('BridgeContext is missing');
  return bridge;
}
