import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { hostMatches, type IdentityReaders, resolveMount } from '../journals/detect.ts';
import { createLauncherSync } from '../journals/launcher-sync.ts';
import { currentAdapters } from '../journals/cached-adapters.ts';
import { requestPageIdentity } from '../journals/page-bridge.ts';
import { requestProfile } from '../journals/profile-request.ts';
import { type DetectedJournal, detectJournal, journalMatchPatterns } from '../journals/registry.ts';
import type { MarkView, Requests } from '../background/protocol.ts';
import { setMark } from '../lazy/launcher-mark.ts';
import { mountOpenableLauncher } from '../lazy/launcher.tsx';
import { pageLoaded } from '../lazy/page-loaded.ts';
import { countDetection } from '../report/detection-hooks.ts';
import '../lazy/launcher.css';

/**
 * Runs on every page of the known journals, so it carries only detection and
 * the launcher; the panel is a page of the extension, framed in the launcher's
 * place on the first open (lazy/launcher.tsx), which the journal page cannot
 * read. The launcher's CSS (launcher.css) is loaded into the shadow root.
 *
 * Not in the manifest: the background injects it once the journal's page has
 * loaded (background/inject-content.ts), once per document. `matches` only
 * opens the shadow root's stylesheet to the journals' pages
 * (web_accessible_resources); the host permissions come from the adapters
 * (wxt.config.ts).
 */
export default defineContentScript({
  matches: journalMatchPatterns,
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // The toolbar button (background/open-from-toolbar.ts) asks this script to open the panel; heard from the start.
    let openPanel: () => Promise<boolean> = async () => false;
    let ready: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (ready = resolve));
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id || (message as Requests['openPanelFromToolbar']['request'] | null)?.type !== 'openPanelFromToolbar')
        return undefined;
      return started.then(() => openPanel());
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    // Whether something awaits the teacher: the worker tells when it changes (a yes or no, nothing of what).
    const onMarkChanged = (message: unknown, sender: { id?: string }) => {
      const news = message as Requests['markChanged']['request'] | null;
      if (sender.id === browser.runtime.id && news?.type === 'markChanged') setMark({ awaits: news.awaits === true, title: String(news.title) });
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMarkChanged);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMarkChanged));

    // Injected after the load, except into a tab still loading when the extension was installed: wait for it there.
    await pageLoaded();
    // The server may have published a correction or a kill switch for an adapter; it is data, never code.
    const adapters = await currentAdapters(browser.storage.local);

    const readers: IdentityReaders = {
      // The page-world bridge is not in the Firefox MV2 build (journal-bridge.content.ts): do not wait for it there.
      pageGlobal: import.meta.env.FIREFOX ? undefined : (identity) => requestPageIdentity(window, identity, { signal: ctx.signal }),
      // Same-origin, from the closed list only (БАРС): the page's own cookie goes with it, nothing of ours.
      profileRequest: (identity) => requestProfile(location.origin, identity, { signal: ctx.signal }),
    };

    // Nothing is injected until we know this is a teacher's page of a known journal.
    const launcher = createLauncherSync({
      async detect(url) {
        const journal = await detectJournal(url, document, adapters, readers);
        // Detection health, per journal and host, nothing personal (report/detection-hooks.ts).
        if (journal) countDetection('pagesSeen');
        if (journal?.teacher) countDetection('identityRead');
        return journal;
      },
      async mount(journal) {
        try {
          const ui = await createUi(journal);
          ui.mount();
          const ask: Requests['getMark']['request'] = { type: 'getMark' };
          void (browser.runtime.sendMessage(ask) as Promise<MarkView>).then(setMark).catch(() => undefined);
          return { remove: () => ui.remove(), isConnected: () => ui.shadowHost.isConnected, open: () => ui.mounted?.open() };
        } catch (error) {
          countDetection('launcherFailed');
          throw error;
        }
      },
      isValid: () => ctx.isValid,
    });

    async function createUi(journal: DetectedJournal) {
      return createShadowRootUi(ctx, {
        name: 'profrost-panel',
        // A 0×0 host: the launcher and the panel are fixed to the viewport, so the journal's layout does not move.
        position: 'overlay',
        ...resolveMount(document, journal.mount),
        // An unconfirmed name is only a suggestion: the panel asks the teacher to confirm or correct it.
        onMount: (container) => mountOpenableLauncher(container, { teacher: journal.teacher, needsConfirmation: journal.needsConfirmation }),
        onRemove: (mounted) => mounted?.unmount(),
      });
    }

    // SPA journals (Сетевой город, МЭШ) change the URL without a reload: detect again, keep one launcher.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => void launcher.update(event.newUrl));
    // The toolbar button works on any page of a known journal's host, whatever its markup: the teacher then confirms her name.
    openPanel = () => {
      const adapter = adapters.find((candidate) => candidate.enabled && hostMatches(candidate, new URL(location.href)));
      return launcher.openPanel(adapter ? { adapter, teacher: null, needsConfirmation: true, mount: 'floating' } : null);
    };
    ready();
    await launcher.update(new URL(location.href));
  },
});
