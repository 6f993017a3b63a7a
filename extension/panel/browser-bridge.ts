import browser from 'webextension-polyfill';
import type { Request, ResponseOf } from '../background/protocol.ts';
import type { Bridge } from './bridge.ts';

/** The bridge in the extension: runtime messages to the background worker, and storage change events. */
export const browserBridge: Bridge = {
  send<R extends Request>(request: R): Promise<ResponseOf<R>> {
    return browser.runtime.sendMessage(request) as Promise<ResponseOf<R>>;
  },
  onStoredChange(listener) {
    const handler = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local') listener(Object.keys(changes));
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
};
