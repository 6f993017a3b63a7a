import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type PageGlobalReader, resolveMount } from '../journals/detect.ts';
import { createLauncherSync } from '../journals/launcher-sync.ts';
import { currentAdapters } from '../journals/cached-adapters.ts';
import { requestPageIdentity } from '../journals/page-bridge.ts';
import { type DetectedJournal, detectJournal, journalMatchPatterns } from '../journals/registry.ts';
import { mountLauncher } from '../lazy/launcher.tsx';
import { pageLoaded } from '../lazy/page-loaded.ts';
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
    // Injected after the load, except into a tab still loading when the extension was installed: wait for it there.
    await pageLoaded();
    // The server may have published a correction or a kill switch for an adapter; it is data, never code.
    const adapters = await currentAdapters(browser.storage.local);

    // The page-world bridge is not in the Firefox MV2 build (journal-bridge.content.ts): do not wait for it there.
    const readPageGlobal: PageGlobalReader | undefined = import.meta.env.FIREFOX
      ? undefined
      : (identity) => requestPageIdentity(window, identity, { signal: ctx.signal });

    // Nothing is injected until we know this is a teacher's page of a known journal.
    const launcher = createLauncherSync({
      detect: (url) => detectJournal(url, document, adapters, readPageGlobal),
      async mount(journal) {
        const ui = await createUi(journal);
        ui.mount();
        return { remove: () => ui.remove(), isConnected: () => ui.shadowHost.isConnected };
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
        onMount: (container) => mountLauncher(container, { teacher: journal.teacher, needsConfirmation: journal.needsConfirmation }),
        onRemove: (unmount) => unmount?.(),
      });
    }

    // SPA journals (Сетевой город, МЭШ) change the URL without a reload: detect again, keep one launcher.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => void launcher.update(event.newUrl));
    await launcher.update(new URL(location.href));
  },
});
