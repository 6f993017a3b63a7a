/**
 * Messages between the panel (a page of the extension, framed in the journal page) and the background worker.
 * The worker makes every request to the server (a content script's requests
 * would carry the journal page's origin) and owns the device token, which
 * never reaches the page: the panel names a session by its id.
 *
 * Types only: nothing here is bundled into the content script.
 */
import type { ConsultationAnswerRequest } from '../../shared/api/consultations.ts';
import type { AttemptRequest } from '../../shared/api/diagnostics.ts';
import type { DetectionEvent, JournalReportReason } from '../../shared/api/journal-reports.ts';
import type { FeedbackRequest } from '../../shared/api/programs.ts';
import type { MeetingRequest } from '../../shared/api/mentoring.ts';
import type { EventFeedback } from '../../shared/api/events.ts';
import type { EventKind } from '../../shared/events/kinds.ts';
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
  | { name: 'recommendations' }
  /** `query`: the catalogue's query string (competency, format, startingAfter, q, offset). */
  | { name: 'programs'; query: string }
  /** Наставничество: her mentor, her mentees, their meetings. */
  | { name: 'mentoring' }
  /** Methodical events for me; `kind` for a route item of kind МО or конкурс. */
  | { name: 'events'; kind?: EventKind }
  | { name: 'myEventSignUps' }
  /** Консультации of the council addressed to her (issue 23). */
  | { name: 'consultations' }
  /** Her open diagnostic campaigns and the methodist's reminders (issues 22, 23). */
  | { name: 'campaigns' };

export type Loaded<T = unknown> =
  | { kind: 'fresh'; data: T; fetchedAt: string }
  /** The copy kept on this device, shown while the server is asked (`peek`): the answer replaces it. */
  | { kind: 'kept'; data: T; fetchedAt: string }
  /** The server did not answer (or refused): the last copy kept on this device. */
  | { kind: 'cached'; data: T; fetchedAt: string; problem: string }
  | { kind: 'error'; message: string };

/** A change the teacher made; it goes to the outbox first. */
export type Change =
  | { kind: 'attempt'; attempt: AttemptRequest; label: string }
  | { kind: 'signUp'; enrollmentId: string; programId: string; runId: string; label: string }
  | { kind: 'cancelEnrollment'; enrollmentId: string; label: string }
  | { kind: 'routeItem'; itemId: string; update: RouteItemUpdate; label: string }
  /** The ИОМ sent to the methodist for согласование (or taken back). */
  | { kind: 'routeSubmission'; submit: boolean; label: string }
  | { kind: 'feedback'; enrollmentId: string; feedback: FeedbackRequest; label: string }
  /** A meeting the mentor logs; its id is made here, so a resend is counted once. */
  | { kind: 'meeting'; meeting: MeetingRequest; label: string }
  /** She offers to mentor (or stops), with the contact her mentees will see; a newer one replaces one still waiting. */
  | { kind: 'mentorOffer'; offer: { volunteer: boolean; contact: string }; label: string }
  /** Seen, or added to the ИОМ: an addressed recommendation (panel/recommendations/). */
  | { kind: 'recommendation'; recommendationId: number; answer: 'seen' | 'accepted'; label: string }
  /** A sign-up for a methodical event; `routeItemId` when made from an item of the ИОМ. */
  | { kind: 'eventSignUp'; signUpId: string; eventId: string; routeItemId?: string; label: string }
  | { kind: 'cancelEventSignUp'; signUpId: string; label: string }
  | { kind: 'eventFeedback'; signUpId: string; feedback: EventFeedback; label: string }
  /** Her answer to a consultation, whole; a newer one replaces one still waiting. */
  | { kind: 'consultationAnswer'; consultationId: number; answer: ConsultationAnswerRequest; label: string };

/** What the launcher and the toolbar show: whether something awaits, and the sentence that says so. */
export interface MarkView {
  awaits: boolean;
  /** The toolbar button's title, and what a screen reader hears on the launcher. */
  title: string;
}

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
  /**
   * The connected teacher the journal vouches for (see `JournalClaim`); null:
   * not connected here (yet), or locked.
   */
  session: SessionView | null;
  /**
   * A profile is connected here under the name typed or unconfirmed, but the
   * journal does not vouch for it: it opens only with its PIN (`unlock`).
   * Nothing of the profile is said, not even its full name.
   */
  locked: PinLock | null;
  /** Someone else is connected on this browser (a shared computer); nothing of theirs is sent. */
  otherTeacherConnected: boolean;
  /**
   * Teachers connected here whose names all agree with the journal's (the same
   * surname and initials): the teacher chooses which is she; empty otherwise.
   */
  sameName: { id: string; name: string; school: string }[];
}

export interface PinLock {
  /** False: connected without a PIN; only a page where the journal vouches, or connecting again, opens it. */
  pinSet: boolean;
  /** After too many wrong tries, no try before this moment (ISO). */
  waitUntil: string | null;
}

/**
 * Who the journal page says is signed in. `vouched`: the adapter read the
 * name from the page itself and the teacher did not change it, so the
 * journal, not the person at the keyboard, names her. A name typed or
 * corrected by hand is never vouched for: it opens a stored profile only with
 * that profile's PIN.
 */
export interface JournalClaim {
  journalName: string;
  vouched: boolean;
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
  /** With the panel's first state for the journal's teacher (what `getState` answers for her name), so that it opens after one round trip; null if that failed. */
  panelContext: { request: { type: 'panelContext'; token: string }; response: (PanelContext & { state: PanelState | null }) | null };
  /** The worker to a journal tab's content script (the toolbar button): open the panel; false when this page has none. */
  openPanelFromToolbar: { request: { type: 'openPanelFromToolbar' }; response: boolean };
  /** `sessionId`: the teacher's choice among `sameName`. */
  getState: { request: { type: 'getState'; sessionId?: string } & JournalClaim; response: PanelState };
  /** Opens the profile connected under `journalName` with its PIN; wrong tries make the next one wait (sync/pin.ts). */
  unlock: {
    request: { type: 'unlock'; journalName: string; sessionId?: string; pin: string };
    response: { ok: true; session: SessionView } | { ok: false; message: string; waitUntil: string | null };
  };
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
      /** The journal read the name itself (JournalClaim); when it did not, a PIN is required. */
      vouched: boolean;
      /** The PIN she chose (4–6 digits), '' for none; only its salted hash is kept. */
      pin: string;
      consentAccepted: boolean;
    };
    response: Outcome<{ session: SessionView }>;
  };
  load: { request: { type: 'load'; sessionId: string; resource: Resource }; response: Loaded };
  /** The copy of a resource kept on this device, without asking the server; null when there is none. */
  peek: { request: { type: 'peek'; sessionId: string; resource: Resource }; response: Loaded | null };
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
  /** Counts a detection event for the sender tab's journal and host (report/detection-hooks.ts). */
  countDetection: { request: { type: 'countDetection'; event: DetectionEvent }; response: undefined };
  /** «Сообщить о странице»: the sender tab's page skeleton, queued in the session's outbox; the teacher has agreed. */
  reportPage: { request: { type: 'reportPage'; sessionId: string; reason: JournalReportReason }; response: Outcome };
  exportData: { request: { type: 'exportData'; sessionId: string }; response: Outcome<{ json: string; fileName: string }> };
  eraseData: { request: { type: 'eraseData'; sessionId: string }; response: Outcome };
  signOut: { request: { type: 'signOut'; sessionId: string }; response: Outcome };
  /**
   * The launcher (a content script) asks whether something awaits: a yes or no and the toolbar's title, nothing of
   * what; the worker also sets the sender tab's toolbar badge. It changes by `markChanged` sent to the journal tabs.
   */
  getMark: { request: { type: 'getMark' }; response: MarkView };
  /** The worker to a journal tab's content script: the mark changed. */
  markChanged: { request: { type: 'markChanged' } & MarkView; response: undefined };
  /** Opens the printable ИОМ (iom.html) in a new tab, for the session. */
  openPrintableRoute: { request: { type: 'openPrintableRoute'; sessionId: string }; response: Outcome };
}

export type Request = Requests[keyof Requests]['request'];
export type ResponseOf<R extends Request> = Extract<Requests[keyof Requests], { request: { type: R['type'] } }>['response'];
