import type { JournalTeacher } from '../journals/teacher.ts';

/*
 * The panel lives in a frame of the extension's own origin (entrypoints/panel/),
 * which the journal page can neither read nor script: the page sees the
 * launcher button and an opaque frame. What the panel needs from the content
 * script (who the journal shows as logged in) goes through the background
 * worker, never through the page:
 *
 *  1. on the launcher's click the content script makes a random token, tells
 *     the worker «a panel opens with this token and this journal teacher»
 *     (openPanel), and adds the frame;
 *  2. once the frame can take it (its page says so with PANEL_READY_MESSAGE as
 *     soon as its script runs, or, failing that, at the frame's `load`), the
 *     content script posts the token into it, to the extension's origin only
 *     (a page that navigated the frame elsewhere gets nothing);
 *  3. the panel page hands the token to the worker (panelContext), which
 *     answers once, and only to a page of the extension in the same tab, with
 *     the journal teacher and where the content script is, so that the panel
 *     can ask it to close the frame (tabs.sendMessage, not the page's messages),
 *     and, in the same answer, the panel's first state for that teacher (what
 *     `getState` answers), so that the panel opens after one round trip.
 *
 * A page that embeds the panel page itself has no token: its copy stays
 * empty and cannot be driven.
 */

/** The panel page in the built extension (an unlisted page, web-accessible to the journals only). */
export const PANEL_PAGE = '/panel.html';

/** The message the content script posts into the frame. */
export const PANEL_TOKEN_MESSAGE = 'profrost:panel-token:v1';

/**
 * The message the panel page posts to its parent as soon as its script runs: it can take the token now (earlier
 * than the frame's `load`). It carries nothing; the content script answers only its own frame, to the extension's origin.
 */
export const PANEL_READY_MESSAGE = 'profrost:panel-ready:v1';

/** The message the panel page sends to the content script (through the browser, not the page) when the teacher closes it. */
export const CLOSE_PANEL_MESSAGE = 'profrost:close-panel:v1';

const tokenPattern = /^[a-f0-9]{32}$/;

export function newPanelToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function isPanelToken(value: unknown): value is string {
  return typeof value === 'string' && tokenPattern.test(value);
}

/** What the content script tells the worker when the teacher opens the panel. */
export interface PanelOpening {
  /** Who the journal shows as logged in; null when nothing could be read. */
  teacher: JournalTeacher | null;
  /** The name is not certain (see DetectedJournal): the teacher confirms or corrects it. */
  needsConfirmation: boolean;
}

/** What the worker gives the panel page for a valid token. */
export interface PanelContext extends PanelOpening {
  /** Where the content script that opened the panel runs: the panel asks it to close the frame. */
  tabId: number;
  frameId: number;
}
