import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { journalMatchPatterns } from '../journals/registry.ts';
import { createLoadWatcher } from './inject-after-load.ts';
import type { ContentInjector } from './inject-content.ts';

/**
 * Tells the injector when a journal page has loaded, and on install or update
 * which journal tabs are already open (so that a teacher need not reload the
 * journal). Registered synchronously at the worker's start, so that the event
 * that wakes a sleeping worker is heard.
 *
 * What wakes the worker matters: waking it costs about 45 ms of CPU (its
 * bundle is evaluated), which on a 2-core machine slows whatever page is
 * loading then. Chrome's tabs.onUpdated takes no filter, so listening to it
 * woke the worker at the start of every navigation in every tab, on any site
 * (measured with bench/extension.ts: +40% to an unrelated page's load with
 * the worker asleep). So in Chrome the worker listens to webRequest for a
 * journal's own document only (filtered to the journals' hosts; webRequest
 * without blocking shows no install warning, and sees only the hosts we have
 * permission for), then waits for that tab's load to finish. Firefox filters
 * tabs.onUpdated itself. webNavigation.onCompleted, which fires after the load,
 * was rejected: its permission warns of reading the browsing history.
 *
 * The request's end comes before the tab shows the new document, so the
 * worker looks until the new document has loaded (inject-after-load.ts). And
 * every time the worker starts it sweeps the open journal tabs: an event that
 * came before its listener existed (the browser's first tab, while the
 * extension itself was still starting) would otherwise be lost for good.
 */
export function watchJournalTabs(injector: ContentInjector): void {
  if (import.meta.env.FIREFOX) {
    const onUpdated = (tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab) => void injector.onTabUpdated(tabId, change, tab);
    browser.tabs.onUpdated.addListener(onUpdated, { urls: journalMatchPatterns, properties: ['status'] });
  } else {
    const watcher = createLoadWatcher({ injector, look: (tabId) => browser.tabs.get(tabId) });
    browser.webRequest.onCompleted.addListener(
      ({ tabId }) => {
        if (tabId < 0) return; // not a tab's (a prefetch, the worker's own fetch)
        void watcher.injectWhenLoaded(tabId);
      },
      { urls: journalMatchPatterns, types: ['main_frame'] },
    );
    // At every start of the worker: journal tabs whose load it did not hear of (url only for hosts we may see). Swept
    // again 2 and 6 s later: right after the browser starts, the first journal tab was sometimes missed (no launcher
    // within 30 s, tests/browser/launcher-every-load.test.ts), its address not yet visible to the first sweep and its
    // request over before the listener heard it. A tab already ours is left as it is.
    const sweep = () =>
      void browser.tabs.query({}).then((tabs) => {
        for (const tab of tabs) if (tab.id !== undefined && tab.url) void watcher.injectWhenLoaded(tab.id, { untilTaken: true });
      });
    sweep();
    for (const delayMs of [2_000, 6_000]) setTimeout(sweep, delayMs);
  }

  browser.runtime.onInstalled.addListener(({ reason }: Runtime.OnInstalledDetailsType) => {
    if (reason !== 'install' && reason !== 'update') return;
    void browser.tabs.query({}).then((tabs) => injector.injectIntoOpenTabs(tabs));
  });
}
