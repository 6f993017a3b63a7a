import browser from 'webextension-polyfill';
import type { Requests } from '../background/protocol.ts';

/** Asks the background worker and waits for its typed answer. */
export function send<K extends keyof Requests>(request: Requests[K]['request']): Promise<Requests[K]['response']> {
  return browser.runtime.sendMessage(request) as Promise<Requests[K]['response']>;
}
