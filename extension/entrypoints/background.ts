import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { browserScriptRunner } from '../background/execute-script.ts';
import { createContentInjector } from '../background/inject-content.ts';
import { createToolbarOpener } from '../background/open-from-toolbar.ts';
import type { MarkView, Request, Requests } from '../background/protocol.ts';
import { createOverrideRefresher } from '../background/refresh-overrides.ts';
import { watchJournalTabs } from '../background/watch-journal-tabs.ts';
import { refreshManagedUrl } from '../settings/server-url.ts';
import { createWorker } from '../background/worker.ts';
import { currentAdapters } from '../journals/cached-adapters.ts';
import { readPageSkeleton, skeletonLimits } from '../report/skeleton.ts';
import { PAGE_GLOBALS } from '../../shared/journals/adapter-schema.ts';
import { createPanelOpenings } from '../background/panel-openings.ts';
import type { PanelContext } from '../lazy/panel-frame.ts';
import { journalMatchPatterns } from '../journals/registry.ts';
import { messages } from '../messages.ts';

/** Changes waiting in the outbox are retried on this alarm too (with backoff), not only when the panel is used. */
const syncAlarm = 'profrost-sync';

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  /** The toolbar button of one journal tab: a badge and a title when something awaits the teacher (issues 22, 23). */
  const showMarkOn = (tabId: number, view: MarkView) =>
    Promise.all([action.setBadgeText({ tabId, text: view.awaits ? messages.mark.badge : '' }), action.setTitle({ tabId, title: view.title })]).catch(
      () => undefined,
    );
  // Per tab, on the journals' tabs only: the badge is about the journal's teacher, not every site's.
  const onMarkChanged = async (view: MarkView) => {
    const tabs = await browser.tabs.query({ url: journalMatchPatterns }).catch(() => []);
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      void showMarkOn(tab.id, view);
      const message: Requests['markChanged']['request'] = { type: 'markChanged', ...view };
      // The launcher's content script, if the tab has one; the message never reaches the page.
      void browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    }
  };
  void action.setBadgeBackgroundColor({ color: '#b3261e' }).catch(() => undefined);
  const worker = createWorker({
    onMarkChanged: (view) => void onMarkChanged(view),
    local: browser.storage.local,
    managed: browser.storage.managed,
    // «Сообщить о странице»: the skeleton is read in the journal's top frame, in the page's world where the
    // browser has one (to see the allowed globals' key names); Firefox MV2 reads the markup only.
    async capturePage(tabId) {
      const [result] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        func: readPageSkeleton,
        args: [[...PAGE_GLOBALS], skeletonLimits],
        ...(!import.meta.env.FIREFOX && { world: 'MAIN' as const }),
      });
      return result?.result;
    },
    openTab: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path as '/iom.html') });
    },
  });
  // Corrections and kill switches for the journal adapters: asked for on the alarm (at most every 30 minutes)
  // and when the browser starts, not on every wake: a wake often comes from a journal page still loading.
  const refreshOverrides = createOverrideRefresher({ local: browser.storage.local, managed: browser.storage.managed });

  // The content script goes into a journal tab once its page has loaded, so that it never delays that load.
  const injector = createContentInjector({
    adapters: () => currentAdapters(browser.storage.local),
    scripts: browserScriptRunner,
    // The page-world bridge is not in the Firefox MV2 build (entrypoints/journal-bridge.content.ts).
    options: { pageBridge: !import.meta.env.FIREFOX },
  });
  watchJournalTabs(injector);

  // The toolbar button opens the same panel on any page of a known journal, whatever its markup.
  const openFromToolbar = createToolbarOpener({ injector, sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message) });
  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => void openFromToolbar(tab));

  // The panel's frame and the content script that opened it find each other here (lazy/panel-frame.ts).
  const extensionOrigin = browser.runtime.getURL('/');
  const panelOpenings = createPanelOpenings(extensionOrigin);

  const withFirstState = async (context: PanelContext, sender: Runtime.MessageSender) => {
    const ask: Requests['getState']['request'] = { type: 'getState', journalName: context.teacher?.name ?? '', vouched: context.teacher !== null };
    const state = await worker.handle(ask, { tabId: sender.tab?.id, tabUrl: sender.tab?.url }).catch(() => null);
    return { ...context, state };
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Only our own content scripts and pages talk to the worker.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = message as Request;
    if (request.type === 'openPanel') return Promise.resolve(panelOpenings.announce(request.token, request, sender));
    // The claim's answer carries the panel's first state (panel/Panel.tsx asks the same at its start): one round trip, not two.
    if (request.type === 'panelContext') return panelOpenings.claim(request.token, sender).then((context) => context && withFirstState(context, sender));
    // The tab the message comes from: a journal tab, whose content script counts detection, or the one the panel's frame is in.
    const tab = { tabId: sender.tab?.id, tabUrl: sender.tab?.url };
    // Detection counts carry nothing personal; the content script may send them (report/detection-hooks.ts).
    if (request.type === 'countDetection') return worker.handle(request, tab);
    // The launcher asks whether something awaits: a yes or no, nothing of what; its tab's toolbar button shows the same.
    if (request.type === 'getMark')
      return worker.markView().then((view) => {
        if (tab.tabId !== undefined) void showMarkOn(tab.tabId, view);
        return view;
      });
    // Everything else is the panel's, and the panel is a page of the extension: a content script, which
    // shares its tab with the journal's scripts, asks for none of the teacher's data.
    if (!sender.url?.startsWith(extensionOrigin)) return undefined;
    return worker.handle(request, tab);
  });

  // Created once: creating it again on every wake would restart its minute each time.
  void browser.alarms.get(syncAlarm).then((alarm) => {
    if (!alarm) void browser.alarms.create(syncAlarm, { periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== syncAlarm) return;
    void worker.flushAll();
    void refreshOverrides();
  });
  // A browser that was closed with changes waiting sends them as soon as it starts, whatever backoff they had.
  browser.runtime.onStartup.addListener(() => {
    void worker.flushAll(true);
    void refreshOverrides();
  });
  browser.runtime.onInstalled.addListener(() => {
    void worker.flushAll(true);
    void refreshOverrides();
  });
  // And whenever the worker wakes (a journal page, a message), what is due goes too, not only on the minute's alarm.
  void worker.flushAll();
  // The policy's server address is cached (settings/server-url.ts): read again when the policy changes.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refreshManagedUrl(browser.storage.local, browser.storage.managed);
  });
});
