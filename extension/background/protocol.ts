/**
 * Messages between the panel (a page of the extension, framed in the journal page) and the background worker.
 * The worker makes every request to the server (a content script's requests
 * would carry the journal page's origin) and owns the device token, which
 * never reaches the page: the panel names a session by its id.
 *
 * Types only: nothing here is bundled into the content script.
 */
import type { AttemptRequest } from '../../shared/api/diagnostics.ts';
import type { FeedbackRequest } from '../../shared/api/programs.ts';
import type { RouteItemUpdate } from '../../shared/api/route.ts';
import type { Answers } from '../../shared/schemas/instrument.ts';
import type { AttemptResult } from '../../shared/scoring/result.ts';
import type { PanelContext, PanelOpening } from '../lazy/panel-frame.ts';
import type { OutboxEntry } from '../sync/outbox.ts';
import type { SessionView } from '../sync/sessions.ts';

export type ServerStatus = { reachable: true; version: string; serverUrl: string } | { reachable: false; reason: 'network' | 'badAnswer'; serverUrl: string };

/** What the panel can ask the worker to fetch; each is cached for when the server is down. */
export type Resource =
  | { name: 'me' }
  | { name: 'profile' }
  | { name: 'instruments' }
  | { name: 'instrument'; id: string }
  | { name: 'route' }
  | { name: 'myEnrollments' }
  /** `query`: the catalogue's query string (competency, format, startingAfter, q, offset). */
  | { name: 'programs'; query: string };

export type Loaded<T = unknown> =
  | { kind: 'fresh'; data: T; fetchedAt: string }
  /** The server did not answer (or refused): the last copy kept on this device. */
  | { kind: 'cached'; data: T; fetchedAt: string; problem: string }
  | { kind: 'error'; message: string };

/** A change the teacher made; it goes to the outbox first. */
export type Change =
  | { kind: 'attempt'; attempt: AttemptRequest; label: string }
  | { kind: 'signUp'; enrollmentId: string; programId: string; runId: string; label: string }
  | { kind: 'cancelEnrollment'; enrollmentId: string; label: string }
  | { kind: 'routeItem'; itemId: string; update: RouteItemUpdate; label: string }
  | { kind: 'feedback'; enrollmentId: string; feedback: FeedbackRequest; label: string };

export interface SyncState {
  /** Changes kept on this device and not yet taken by the server, in order; failed ones included. */
  entries: OutboxEntry[];
  /** The server no longer accepts this device's token. */
  unauthorized: boolean;
  /** The last time the server took everything there was, if ever. */
  lastSyncedAt: string | null;
}

export interface PanelState {
  serverUrl: string;
  serverUrlManaged: boolean;
  /** The connected teacher whose name the journal shows; null: not connected here (yet). */
  session: SessionView | null;
  /** Someone else is connected on this browser (a shared computer); nothing of theirs is sent. */
  otherTeacherConnected: boolean;
}

/** A unsaved answer sheet: autosaved on every answer, resumed after the tab or browser was closed. */
export interface Draft {
  attemptId: string;
  instrumentId: string;
  instrumentVersion: number;
  answers: Answers;
  /** Index of the question on screen. */
  current: number;
  startedAt: string;
  updatedAt: string;
}

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; message: string };

export interface Requests {
  checkServer: { request: { type: 'checkServer' }; response: ServerStatus };
  /** The content script: the teacher opens the panel; its frame will claim this opening with the token (lazy/panel-frame.ts). */
  openPanel: { request: { type: 'openPanel'; token: string } & PanelOpening; response: boolean };
  /** The panel page in its frame: what it opens on (once per token; null for a token the worker did not hear of from this tab). */
  panelContext: { request: { type: 'panelContext'; token: string }; response: PanelContext | null };
  getState: { request: { type: 'getState'; journalName: string }; response: PanelState };
  setServerUrl: { request: { type: 'setServerUrl'; url: string }; response: Outcome };
  connect: {
    request: {
      type: 'connect';
      code: string;
      device: string;
      /** The name as the journal page shows it ('' when it could not be read). */
      journalName: string;
      /** The name as the teacher confirmed or corrected it. */
      confirmedName: string;
      consentAccepted: boolean;
    };
    response: Outcome<{ session: SessionView }>;
  };
  load: { request: { type: 'load'; sessionId: string; resource: Resource }; response: Loaded };
  change: { request: { type: 'change'; sessionId: string; change: Change }; response: SyncState };
  /** What waits to be sent, without sending. */
  getSync: { request: { type: 'getSync'; sessionId: string }; response: SyncState };
  /** Sends what waits (ignoring backoff) and reports. */
  sync: { request: { type: 'sync'; sessionId: string }; response: SyncState };
  retry: { request: { type: 'retry'; sessionId: string; entryId: string }; response: SyncState };
  discard: { request: { type: 'discard'; sessionId: string; entryId: string }; response: SyncState };
  getDraft: { request: { type: 'getDraft'; sessionId: string; instrumentId: string }; response: Draft | null };
  saveDraft: { request: { type: 'saveDraft'; sessionId: string; draft: Draft }; response: Outcome };
  discardDraft: { request: { type: 'discardDraft'; sessionId: string; instrumentId: string }; response: Outcome };
  /** Scores the answers on this device with the shared scoring, from the cached instrument. */
  preview: {
    request: { type: 'preview'; sessionId: string; instrumentId: string; answers: Answers };
    response: Outcome<{ result: AttemptResult }>;
  };
  exportData: { request: { type: 'exportData'; sessionId: string }; response: Outcome<{ json: string; fileName: string }> };
  eraseData: { request: { type: 'eraseData'; sessionId: string }; response: Outcome };
  signOut: { request: { type: 'signOut'; sessionId: string }; response: Outcome };
}

export type Request = Requests[keyof Requests]['request'];
export type ResponseOf<R extends Request> = Extract<Requests[keyof Requests], { request: { type: R['type'] } }>['response'];
