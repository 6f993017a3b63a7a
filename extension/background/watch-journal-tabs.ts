import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { journalMatchPatterns } from '../journals/registry.ts';
import type { ContentInjector } from './inject-content.ts';

/**
 * Hands the browser's tab events to the injector: every finished load, and
 * on install or update the journal tabs already open (so that a teacher need
 * not reload the journal). Needs no `tabs` permission: tabs of the hosts we
 * have permission for come with their url, others without, and are ignored.
 * Registered synchronously at the worker's start, so that the event that
 * wakes a sleeping worker is heard.
 *
 * A cost to know: Chrome's onUpdated takes no filter, so a sleeping worker is
 * woken by the first update of any tab, which is a navigation's start
 * ('loading'), not its end; the worker's start-up then shares the machine
 * with that page's load. Measured with bench/extension.ts on a busy 2-core
 * machine: +40–60% (about 50 ms) to the demo journal's load when the worker
 * was asleep, and as much to a page of a site we have no permission for
 * (+16% for a worker of one empty listener); none when it was awake (it stays
 * awake 30 s after each event). Only webNavigation.onCompleted would wake it
 * after the load, and its permission warns of reading the browsing history.
 */
export function watchJournalTabs(injector: ContentInjector): void {
  const onUpdated = (tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab) => void injector.onTabUpdated(tabId, change, tab);
  if (import.meta.env.FIREFOX) {
    // Firefox filters for us, and wakes nothing for other pages; Chrome's onUpdated takes no filter (and throws on one).
    browser.tabs.onUpdated.addListener(onUpdated, { urls: journalMatchPatterns, properties: ['status'] });
  } else {
    browser.tabs.onUpdated.addListener(onUpdated);
  }

  browser.runtime.onInstalled.addListener(({ reason }: Runtime.OnInstalledDetailsType) => {
    if (reason !== 'install' && reason !== 'update') return;
    void browser.tabs.query({}).then((tabs) => injector.injectIntoOpenTabs(tabs));
  });
}
