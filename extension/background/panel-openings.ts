import type { JournalTeacher } from '../journals/teacher.ts';
import { isPanelToken, type PanelContext, type PanelOpening } from '../lazy/panel-frame.ts';

/** Who sent a message, as far as telling a content script from a page of the extension needs (runtime.MessageSender). */
export interface Sender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

/** An opening not claimed by its frame within this long is dropped (the frame did not load). */
const OPENING_LIFETIME_MS = 60_000;
/** The frame's claim may reach a worker that was asleep before the content script's opening: it waits this long for it. */
const CLAIM_WAIT_MS = 2_000;

function validTeacher(value: unknown): value is JournalTeacher | null {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const { name, school, role } = value as Record<string, unknown>;
  return [name, school, role].every((text) => typeof text === 'string' && text.length <= 200);
}

/**
 * The worker's side of the panel frame's handshake (lazy/panel-frame.ts):
 * content scripts announce an opening under a token, the panel page claims
 * it once. `extensionOrigin` is the extension's own URL prefix: only its pages
 * may claim, only content scripts (pages of other origins) may announce.
 */
export function createPanelOpenings(extensionOrigin: string, now: () => number = Date.now) {
  const openings = new Map<string, PanelContext & { at: number }>();
  const waiting = new Map<string, () => void>();
  const fromExtensionPage = (sender: Sender) => sender.url?.startsWith(extensionOrigin) === true;

  const dropOld = () => {
    for (const [token, opening] of openings) if (now() - opening.at > OPENING_LIFETIME_MS) openings.delete(token);
  };

  return {
    /** A content script in a tab opens the panel. Returns false for anything else. */
    announce(token: unknown, opening: PanelOpening, sender: Sender): boolean {
      const tabId = sender.tab?.id;
      if (!isPanelToken(token) || tabId === undefined || fromExtensionPage(sender)) return false;
      if (typeof opening.needsConfirmation !== 'boolean' || !validTeacher(opening.teacher)) return false;
      dropOld();
      openings.set(token, { teacher: opening.teacher, needsConfirmation: opening.needsConfirmation, tabId, frameId: sender.frameId ?? 0, at: now() });
      waiting.get(token)?.();
      return true;
    },

    /** The panel page in a frame of the same tab claims the opening of its token: once. */
    async claim(token: unknown, sender: Sender): Promise<PanelContext | null> {
      if (!isPanelToken(token) || !fromExtensionPage(sender) || sender.tab?.id === undefined) return null;
      if (!openings.has(token)) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, CLAIM_WAIT_MS);
          waiting.set(token, () => {
            clearTimeout(timer);
            resolve();
          });
        });
        waiting.delete(token);
      }
      const opening = openings.get(token);
      if (!opening || opening.tabId !== sender.tab.id || now() - opening.at > OPENING_LIFETIME_MS) return null;
      openings.delete(token);
      const { at: _at, ...context } = opening;
      return context;
    },
  };
}

export type PanelOpenings = ReturnType<typeof createPanelOpenings>;
