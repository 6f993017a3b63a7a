import type { ContentInjector } from './inject-content.ts';

/** What the watcher needs to know of a tab: its status and its address (when we may see it); null once it is closed. */
export type TabLook = (tabId: number) => Promise<{ status?: string; url?: string } | null>;

export interface LoadWatcherOptions {
  injector: Pick<ContentInjector, 'tryInject'>;
  look: TabLook;
  /** The first pause between looks; it grows to maxPollMs. */
  pollMs?: number;
  maxPollMs?: number;
  /** A journal whose load never ends (a hanging request) still gets its launcher after this long. */
  longestWaitMs?: number;
}

/**
 * Waits for a journal tab's new document to load, then injects into it.
 *
 * Why not simply "wait until the tab's status is complete": the journal's
 * request completing (webRequest.onCompleted, which wakes the worker) comes
 * before the tab has committed the new document, so the tab may still report
 * the PREVIOUS document, loaded and complete — the same journal page already
 * claimed (a reload), or a page whose address we may not see (a new tab's
 * about:blank, another site). Injecting then went into the old document, or
 * nowhere, and the new page had no launcher: the misses of issue 15, most
 * often in the first tab after the browser started. So the watcher keeps
 * looking until a loaded document it can claim is there (claimLoadedDocument),
 * and a newer load of the same tab replaces an older wait.
 */
export function createLoadWatcher({ injector, look, pollMs = 50, maxPollMs = 500, longestWaitMs = 10_000 }: LoadWatcherOptions) {
  const waits = new Map<number, number>();
  let nextWait = 0;

  /**
   * `untilTaken`: stop at a document that is already ours (a sweep of the open
   * tabs, where that is the normal case) instead of waiting for a new one.
   * Resolves true when this call injected.
   */
  async function injectWhenLoaded(tabId: number, { untilTaken = false }: { untilTaken?: boolean } = {}): Promise<boolean> {
    // A sweep never replaces the wait for a load the worker heard of: that one may be past a document that is already ours.
    if (untilTaken && waits.has(tabId)) return false;
    const wait = ++nextWait;
    waits.set(tabId, wait);
    const giveUpAt = Date.now() + longestWaitMs;
    let pause = pollMs;
    try {
      while (waits.get(tabId) === wait) {
        const tab = await look(tabId).catch(() => null);
        if (!tab) return false; // closed
        const late = Date.now() >= giveUpAt;
        if (tab.url && (tab.status === 'complete' || late)) {
          const outcome = await injector.tryInject(tabId, tab.url, { evenLoading: late });
          if (outcome === 'injected') return true;
          if (outcome === 'taken' && untilTaken) return false;
          if (outcome === 'not-journal' && tab.status === 'complete' && untilTaken) return false;
          // Otherwise the previous document, or the new one still loading: look again.
        }
        if (late) return false;
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(maxPollMs, Math.round(pause * 1.5));
      }
      return false; // a newer load of this tab took over
    } finally {
      if (waits.get(tabId) === wait) waits.delete(tabId);
    }
  }

  return { injectWhenLoaded };
}
