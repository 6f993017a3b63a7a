/**
 * Messages between the panel (in the journal page) and the background worker.
 * The worker makes every request to the server: a content script's requests
 * would carry the journal page's origin.
 */
export type ServerStatus =
  | { reachable: true; version: string; serverUrl: string }
  | { reachable: false; reason: 'network' | 'badAnswer'; serverUrl: string };

export interface Requests {
  checkServer: { request: { type: 'checkServer' }; response: ServerStatus };
  /** The content script's first "open the panel": inject the panel's bundle into its tab (lazy/inject-panel.ts). */
  loadPanel: { request: { type: 'loadPanel' }; response: void };
}

export type Request = Requests[keyof Requests]['request'];
